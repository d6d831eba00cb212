import { exportEntries } from '../formats/index.ts';
import { hasErrors } from '../problems.ts';
import { importWarnings } from '../quality.ts';
import { UsageError, describeProblems, importPaths, outputFormat, parseCommandArgs, writeOutput, type CliIO } from './io.ts';
import { dayArg } from './search.ts';
import { sourceFormat } from './validate.ts';
import { describeWarnings } from './warnings.ts';

export const usage = 'import <files|folders…> --out <file|folder> [--format json|csv|markdown] [--from <source format>] [--day YYYY-MM-DD]';

/** Converts sources into one knowledge file; writes nothing at all when any file has an error. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { out: { type: 'string' }, format: { type: 'string' }, from: { type: 'string' }, day: { type: 'string' } },
  );
  const day = dayArg(values.day);
  if (!values.out) throw new UsageError('--out is missing');
  const format = outputFormat(values.format, values.out);
  const result = await importPaths(positionals, sourceFormat(values.from));
  for (const line of describeProblems(result.problems)) io.err(line);
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
