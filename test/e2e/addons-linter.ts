// addons-linter (the linter behind `web-ext lint` and addons.mozilla.org's review) ships no types.
import { createRequire } from 'node:module';

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

interface Linter {
  run(): Promise<{ errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] }>;
}

const { createInstance } = createRequire(import.meta.url)('addons-linter') as {
  createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): Linter;
};

/** Lints the unpacked add-on in `dir` as Firefox's add-on store does. */
export function lintAddon(dir: string): ReturnType<Linter['run']> {
  return createInstance({
    config: { _: [dir], logLevel: 'fatal', stack: false, pretty: false, warningsAsErrors: false, metadata: false, output: 'none', boring: false, selfHosted: false },
    runAsBinary: false,
  }).run();
}
