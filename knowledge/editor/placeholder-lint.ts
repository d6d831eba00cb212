import { unifyPlaceholders } from '../formats/placeholder-dialects.ts';
import { PLACEHOLDERS, PLACEHOLDER_NAMES, findPlaceholders, isPlaceholderName } from '../placeholders.ts';

/**
 * What the entry editor says about the placeholders in an answer, before agents meet them:
 * - unknown: a {{name}} Agent Assist does not know (it stays in the answer as written);
 * - no-fallback: a value read from the ticket with no fallback, so inserting is blocked whenever
 *   the ticket lacks it ({{customer.first_name|there}} never blocks);
 * - dialect: another helpdesk's syntax left over (Zendesk, Help Scout, osTicket, Liquid tags), with
 *   what the import would have turned it into (knowledge/formats/placeholder-dialects.ts).
 */
export type PlaceholderProblem =
  | { kind: 'unknown'; raw: string; message: string }
  | { kind: 'no-fallback'; raw: string; message: string }
  | { kind: 'dialect'; raw: string; message: string; replacement?: string };

const LEFTOVER = /\{%-?[^%]*%\}|%\{[^}]*\}|\{\{[^{}]*\}\}/g;

export function lintPlaceholders(body: string): PlaceholderProblem[] {
  const problems: PlaceholderProblem[] = [];
  const seen = new Set<string>();
  const add = (p: PlaceholderProblem) => {
    if (seen.has(p.kind + p.raw)) return;
    seen.add(p.kind + p.raw);
    problems.push(p);
  };
  for (const m of body.matchAll(LEFTOVER)) {
    const raw = m[0];
    const ours = findPlaceholders(raw)[0];
    if (ours && ours.raw === raw && isPlaceholderName(ours.name)) continue;
    const unified = unifyPlaceholders(raw);
    if (unified.text !== raw) {
      add({ kind: 'dialect', raw, replacement: unified.text, message: `${raw} is another helpdesk's placeholder: write ${unified.text}.` });
    } else if (raw.startsWith('{%') || raw.startsWith('%{')) {
      const logic = unified.errors.find((e) => e.startsWith('uses template logic'));
      add({ kind: 'dialect', raw, message: logic ? `${raw} is template logic, which Agent Assist cannot run: write the answer without it.` : `${raw} is another helpdesk's placeholder that Agent Assist does not know.` });
    } else if (ours) {
      add({ kind: 'unknown', raw, message: `${raw} is not a placeholder Agent Assist knows; it would reach the customer as written. Known: ${KNOWN}.` });
    }
  }
  for (const use of findPlaceholders(body)) {
    if (!isPlaceholderName(use.name) || use.fallback || PLACEHOLDERS[use.name].from !== 'ticket') continue;
    add({
      kind: 'no-fallback',
      raw: use.raw,
      message: `${use.raw} has no fallback: when a ticket lacks the ${PLACEHOLDERS[use.name].label.toLowerCase()}, the agent must type it before inserting. Add one: {{${use.name}|…}}.`,
    });
  }
  return problems;
}

const KNOWN = PLACEHOLDER_NAMES.map((n) => `{{${n}}}`).join(', ');
