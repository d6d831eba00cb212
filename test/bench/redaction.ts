import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildLabelled } from '../fixtures/redaction/build.ts';
import { PROMISED, percent, ratio, score, sum, type TypeScore } from '../fixtures/redaction/score.ts';
import type { BenchTable } from './table.ts';

/**
 * Redaction: recall and precision of knowledge/redact.ts on the development set it was written
 * against (test/fixtures/redaction/cases/) and on the set written apart from it
 * (test/fixtures/redaction/unseen/), and on a second set written apart from both and never used to
 * change the redactor (test/fixtures/redaction/held-out/): the honest measure of generalisation.
 * Per type, with every miss and wrong take listed.
 */
const SETS = [
  { title: 'original set (cases/, the development set written with the redactor)', dir: fileURLToPath(new URL('../fixtures/redaction/cases/', import.meta.url)) },
  {
    title: 'unseen set (unseen/, written without reading the redactor; general rules were added after its first run: 86.1% recall then)',
    dir: fileURLToPath(new URL('../fixtures/redaction/unseen/', import.meta.url)),
  },
  {
    title: 'held-out set (held-out/, written later without reading the redactor or the other sets; never used to change it)',
    dir: fileURLToPath(new URL('../fixtures/redaction/held-out/', import.meta.url)),
  },
];

function row(label: string, t: TypeScore): (string | number)[] {
  return [label, t.expected, t.covered, percent(ratio(t.covered, t.expected)), t.predicted, t.correct, percent(ratio(t.correct, t.predicted))];
}

export function redactionTables(): BenchTable[] {
  const tables: BenchTable[] = [];
  for (const set of SETS) {
    if (!existsSync(set.dir)) {
      tables.push({ title: `Redaction: ${set.title}`, columns: ['type'], rows: [], notes: [`${set.dir} is not there.`] });
      continue;
    }
    const cases = buildLabelled(set.dir);
    const s = score(cases);
    const types = Object.keys(s.byType) as (keyof typeof s.byType)[];
    tables.push({
      title: `Redaction: ${set.title}`,
      columns: ['type', 'labelled', 'found', 'recall', 'taken', 'right', 'precision'],
      rows: [
        ...types.map((t) => row(t, s.byType[t])),
        row('promised + address', sum(PROMISED.map((t) => s.byType[t]))),
        row('overall', s),
      ],
      notes: [
        `${cases.length} strings. Found: labelled spans fully covered by what the redactor took (any type). Right: taken spans inside a labelled span.`,
        'Targets on the unseen set: recall >= 97% on the promised types and addresses, precision >= 90%.',
        ...s.misses,
        ...s.wrong,
      ],
    });
  }
  return tables;
}

export async function run(): Promise<BenchTable[]> {
  return redactionTables();
}
