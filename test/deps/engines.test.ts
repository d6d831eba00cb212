import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

type Lock = { packages: Record<string, { version?: string; optional?: boolean; engines?: { node?: string } }> };

/**
 * Packages of the lockfile whose declared Node range leaves out `node`: each is an EBADENGINE
 * warning in `npm ci`. Optional packages for other platforms (not installed here) are skipped.
 */
function refusing(lock: Lock, node: string): string[] {
  return Object.entries(lock.packages)
    .filter(([where, p]) => where !== '' && p.engines?.node && !(p.optional && !existsSync(path.join(ROOT, where))))
    .filter(([, p]) => !semver.satisfies(node, p.engines!.node!))
    .map(([where, p]) => `${where.replace(/^.*node_modules\//, '')}@${p.version}`)
    .sort();
}

describe('the Node versions package.json promises', () => {
  // The README says which packages npm ci warns about on Node 20 and why they are kept: if this
  // list changes, change that paragraph ("npm ci on Node 20 prints …") with it.
  // (None since sanitize-html, which wanted Node 22.12, went: DOMPurify sanitises on every path.)
  const EXPECTED: string[] = [];

  it('every package npm ci installs accepts the oldest Node the engines field allows, but the ones the README names', () => {
    const oldest = semver.minVersion(json('package.json').engines.node)!.version;
    expect(refusing(json('package-lock.json'), oldest)).toEqual(EXPECTED);
  });

  it('and the Node running the tests', () => {
    expect(refusing(json('package-lock.json'), process.versions.node).filter((p) => !EXPECTED.includes(p))).toEqual([]);
  });
});
