import { IMPORT_FORMATS, type FormatId } from '../formats/record.ts';
import { hasErrors } from '../problems.ts';
import { UsageError, describeProblems, importPaths, parseCommandArgs, type CliIO } from './io.ts';

export const usage = 'validate <files|folders…> [--from json|csv|markdown|zendesk-macros|zendesk-guide]';

/** Prints every problem as `file row N, field: message`; exit 1 when any is an error. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { from: { type: 'string' } });
  const result = await importPaths(positionals, sourceFormat(values.from));
  for (const line of describeProblems(result.problems)) io.out(line);
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
