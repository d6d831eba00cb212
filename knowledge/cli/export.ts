import { exportEntries } from '../formats/index.ts';
import { UsageError, describeProblems, loadKnowledge, outputFormat, parseCommandArgs, writeOutput, type CliIO } from './io.ts';

export const usage = 'export --kb <files|folders…> --format json|csv|markdown --out <file|folder>';

/** Writes the knowledge base in one format; Markdown goes to a folder, one `<id>.md` per entry. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { kb: { type: 'string', multiple: true }, out: { type: 'string' }, format: { type: 'string' } },
  );
  const kb = [...(values.kb ?? []), ...positionals];
  if (!kb.length) throw new UsageError('--kb is missing');
  if (!values.out) throw new UsageError('--out is missing');
  const format = outputFormat(values.format, values.out);
  const { entries, problems } = await loadKnowledge(kb);
  for (const line of describeProblems(problems)) io.err(line);
  const written = await writeOutput(values.out, exportEntries(entries, format), format === 'markdown');
  io.out(`Exported ${entries.length} entries to ${written}.`);
  return 0;
}
