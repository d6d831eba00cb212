import { exportEntries } from '../formats/index.ts';
import { hasErrors } from '../problems.ts';
import { importWarnings } from '../quality.ts';
import { UsageError, describeProblems, mapArg, mappingHints, outputFormat, parseCommandArgs, readInputs, writeOutput, type CliIO } from './io.ts';
import { importFiles } from '../standardise.ts';
import { IMPORT_FORMATS } from '../formats/record.ts';
import { dayArg } from './search.ts';
import { SOURCES_HELP, sourceFormat } from './validate.ts';
import { describeWarnings } from './warnings.ts';

export const usage = `import <files|folders…> --out <file|folder> [--format json|csv|markdown] [--from ${IMPORT_FORMATS.join('|')}] [--map <json|file>] [--day YYYY-MM-DD]`;

export const help = `Converts sources into one knowledge file (--format json or csv) or a folder of Markdown files.
Nothing at all is written when any file has an error; entries that will not be suggested and
near-duplicates are listed as warnings.

${SOURCES_HELP}`;

/** Converts sources into one knowledge file; writes nothing at all when any file has an error. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { out: { type: 'string' }, format: { type: 'string' }, from: { type: 'string' }, map: { type: 'string' }, day: { type: 'string' } },
  );
  const day = dayArg(values.day);
  if (!values.out) throw new UsageError('--out is missing');
  const format = outputFormat(values.format, values.out);
  const from = sourceFormat(values.from);
  const csvMapping = await mapArg(values.map);
  const inputs = await readInputs(positionals);
  const result = importFiles(inputs, { ...(from ? { format: from } : {}), ...(csvMapping ? { csvMapping } : {}) });
  for (const line of describeProblems(result.problems)) io.err(line);
  for (const line of mappingHints(result, inputs)) io.err(line);
  if (hasErrors(result.problems)) {
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    io.err(`${errors} ${errors === 1 ? 'error' : 'errors'}: nothing was written.`);
    return 1;
  }
  // Written all the same: a draft or a near-duplicate is the lead's call, not an error.
  for (const line of describeWarnings(importWarnings(result.entries, [], { now: new Date(`${day}T00:00:00Z`) }), result.entries.length, day)) io.err(line);
  const written = await writeOutput(values.out, exportEntries(result.entries, format), format === 'markdown');
  io.out(`Imported ${result.entries.length} entries from ${result.files.length} files into ${written}.`);
  return 0;
}
