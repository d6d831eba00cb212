import { ProblemList } from '../problems.ts';
import { describe } from './fields.ts';
import { isPlainObject, readJsonValue } from './json.ts';
import type { ParsedFile, RawRecord, TextFile } from './record.ts';

/**
 * Zendesk Support macros, as the API lists them: `{"macros":[{id, title, active, actions:[{field, value}]}]}`
 * (or one `{"macro":{...}}`). The reply is the comment_value_html action (HTML) or comment_value (text).
 * Active macros are in use by agents already: approved. Inactive ones: archived.
 */
export function readZendeskMacros(file: TextFile): ParsedFile {
  const problems = new ProblemList();
  const json = readJsonValue(file, problems);
  if (!json.ok) return { records: [], problems: problems.items };
  const list = listOf(json.value, 'macros', 'macro');
  if (!list) {
    problems.error({ file: file.name }, 'macros', 'is missing: expected a Zendesk macros export like {"macros": [...]}');
    return { records: [], problems: problems.items };
  }
  const records: RawRecord[] = [];
  list.forEach((macro, index) => {
    const record = toRecord(file.name, macro, index, problems);
    if (record) records.push(record);
  });
  return { records, problems: problems.items };
}

export function listOf(doc: unknown, many: string, one: string): unknown[] | undefined {
  if (!isPlainObject(doc)) return undefined;
  if (Array.isArray(doc[many])) return doc[many];
  if (isPlainObject(doc[one])) return [doc[one]];
  return undefined;
}

export function zendeskId(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return String(v);
  if (typeof v === 'string' && /^[A-Za-z0-9]{1,40}$/.test(v)) return v;
  return undefined;
}

function toRecord(file: string, macro: unknown, index: number, problems: ProblemList): RawRecord | undefined {
  if (!isPlainObject(macro)) {
    problems.error({ file, path: `macro ${index + 1}` }, undefined, `should be a set of fields, not ${describe(macro)}`);
    return undefined;
  }
  const id = zendeskId(macro.id);
  const at = { file, path: `macro ${index + 1}${id ? ` (id ${id})` : ''}` };
  if (!id) {
    const got = macro.id === undefined ? 'is missing' : `should be the Zendesk macro number, not ${describe(macro.id)}`;
    problems.error(at, 'id', got);
    return undefined;
  }
  const reply = replyOf(macro.actions);
  if (!reply) {
    problems.warn(at, 'actions', 'has no reply text (no comment_value or comment_value_html action), so it was skipped');
    return undefined;
  }
  const custom: Record<string, unknown> = {};
  if (typeof macro.description === 'string' && macro.description.trim()) custom.zendesk_description = macro.description;
  if (typeof macro.url === 'string' && macro.url.trim()) custom.zendesk_url = macro.url;
  return {
    at,
    fields: {
      title: macro.title,
      body: reply.value,
      createdAt: macro.created_at,
      updatedAt: macro.updated_at,
      status: macro.active === false ? 'archived' : 'approved',
    },
    bodyKind: reply.html ? 'html' : 'markdown',
    custom,
    names: { createdAt: 'created_at', updatedAt: 'updated_at', status: 'active' },
    defaults: { id: `zendesk-macro-${id}`, status: 'approved', source: { format: 'zendesk-macros', file, path: at.path } },
  };
}

/** comment_value_html wins over comment_value; a value may be `[channel, text]`. */
function replyOf(actions: unknown): { value: string; html: boolean } | undefined {
  if (!Array.isArray(actions)) return undefined;
  let text: string | undefined;
  for (const action of actions) {
    if (!isPlainObject(action)) continue;
    const value = Array.isArray(action.value) ? action.value[action.value.length - 1] : action.value;
    if (typeof value !== 'string' || !value.trim()) continue;
    if (action.field === 'comment_value_html') return { value, html: true };
    if (action.field === 'comment_value') text ??= value;
  }
  return text === undefined ? undefined : { value: text, html: false };
}
