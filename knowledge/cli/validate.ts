import { IMPORT_FORMATS, type FormatId } from '../formats/record.ts';
import { hasErrors } from '../problems.ts';
import { importWarnings } from '../quality.ts';
import { UsageError, describeProblems, importPaths, parseCommandArgs, type CliIO } from './io.ts';
import { dayArg } from './search.ts';
import { describeWarnings } from './warnings.ts';

export const usage = 'validate <files|folders…> [--from json|csv|markdown|zendesk-macros|zendesk-guide] [--day YYYY-MM-DD]';

/**
 * Prints every problem as `file row N, field: message`, then the entries that will not be
 * suggested (as of --day, today by default) and possible near-duplicates; exit 1 when any problem is an error.
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { from: { type: 'string' }, day: { type: 'string' } });
  const day = dayArg(values.day);
  const result = await importPaths(positionals, sourceFormat(values.from));
  for (const line of describeProblems(result.problems)) io.out(line);
  const findings = importWarnings(result.entries, [], { now: new Date(`${day}T00:00:00Z`) });
  for (const line of describeWarnings(findings, result.entries.length, day)) io.out(line);
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  const files = result.files.length;
  const summary = `${files} ${files === 1 ? 'file' : 'files'}, ${result.entries.length} valid entries, ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
  io.out(hasErrors(result.problems) ? `${summary}: fix the errors before importing.` : `${summary}: ready to import.`);
  return hasErrors(result.problems) ? 1 : 0;
}

export function sourceFormat(value: string | undefined): FormatId | undefined {
  if (value === undefined) return undefined;
  if ((IMPORT_FORMATS as readonly string[]).includes(value)) return value as FormatId;
  throw new UsageError(`--from ${value}: not a format; use one of ${IMPORT_FORMATS.join(', ')}`);
}
