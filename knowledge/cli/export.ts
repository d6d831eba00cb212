import { exportEntries } from '../formats/index.ts';
import { UserError, describeProblems, loadKnowledge, outputFormat, parseCommandArgs, writeOutput, type CliIO } from './io.ts';

const USAGE = 'npm run kb -- export --kb <files|folders…> --format json|csv|markdown --out <file|folder>';

/** Writes the knowledge base in one format; Markdown goes to a folder, one `<id>.md` per entry. */
export async function run(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { kb: { type: 'string', multiple: true }, out: { type: 'string' }, format: { type: 'string' } },
    USAGE,
  );
  const kb = [...(values.kb ?? []), ...positionals];
  if (!kb.length) throw new UserError(`--kb is missing\nusage: ${USAGE}`);
  if (!values.out) throw new UserError(`--out is missing\nusage: ${USAGE}`);
  const format = outputFormat(values.format, values.out);
  const { entries, problems } = await loadKnowledge(kb);
  for (const line of describeProblems(problems)) io.err(line);
  const written = await writeOutput(values.out, exportEntries(entries, format), format === 'markdown');
  io.out(`Exported ${entries.length} entries to ${written}.`);
  return 0;
}
