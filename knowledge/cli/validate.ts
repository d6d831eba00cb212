import { FORMATS } from '../formats/index.ts';
import { IMPORT_FORMATS, type FormatId } from '../formats/record.ts';
import { hasErrors } from '../problems.ts';
import { importWarnings } from '../quality.ts';
import { UsageError, describeProblems, mapArg, mappingHints, parseCommandArgs, readInputs, type CliIO } from './io.ts';
import { importFiles } from '../standardise.ts';
import { dayArg } from './search.ts';
import { describeWarnings } from './warnings.ts';

export const usage = `validate <files|folders…> [--from ${IMPORT_FORMATS.join('|')}] [--map <json|file>] [--day YYYY-MM-DD]`;

/** What --from and --map take: shared by validate and import. */
export const SOURCES_HELP = [
  'Formats are recognised by name and content; --from forces one for every file:',
  ...IMPORT_FORMATS.map((f) => `  ${f.padEnd(28)}${FORMATS[f].label}`),
  '',
  '--map reads CSV columns whose headers are not the standard ones (title, body, questions, tags, …):',
  '  a JSON object, inline or in a file, from each header as the file writes it to a column name,',
  '  "custom" (kept as a custom field) or "ignore". It applies to every CSV file given, e.g.',
  '  --map \'{"Question": "title", "Reply": "body", "Labels": "tags"}\'',
  'A CSV without title or body columns gets a hint with the mapping its headers suggest.',
].join('\n');

export const help = `Checks knowledge files or folders and lists every problem as "file row N, field: message",
then the entries that will never be suggested (status, review date as of --day) and near-duplicates.
Exit 1 when any problem is an error.

${SOURCES_HELP}`;

/**
 * Prints every problem as `file row N, field: message`, then the entries that will not be
 * suggested (as of --day, today by default) and possible near-duplicates; exit 1 when any problem is an error.
 */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { from: { type: 'string' }, map: { type: 'string' }, day: { type: 'string' } });
  const day = dayArg(values.day);
  const format = sourceFormat(values.from);
  const csvMapping = await mapArg(values.map);
  const inputs = await readInputs(positionals);
  const result = importFiles(inputs, { ...(format ? { format } : {}), ...(csvMapping ? { csvMapping } : {}) });
  for (const line of describeProblems(result.problems)) io.out(line);
  for (const line of mappingHints(result, inputs)) io.out(line);
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
