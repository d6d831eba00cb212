import { apiId, firstText, readApiList } from './api-list.ts';
import { unifyIntercomPlaceholders } from './placeholder-dialects.ts';
import type { ParsedFile, TextFile } from './record.ts';

/**
 * Intercom saved replies, which its REST API calls macros: `GET /macros` gives
 * `{"type": "list", "data": [{type: "macro", id, name, body (HTML), body_text, created_at, updated_at, visible_to, available_on}]}`.
 * The HTML body wins; its `<attribute key="user.first_name" default="there"/>` placeholders (and
 * body_text's `{{user.first_name|fallback:"there"}}`) become ours here, because Intercom's `user`
 * is the customer. Agents already send them: approved.
 */
export function readIntercomSavedReplies(file: TextFile): ParsedFile {
  return readApiList(file, {
    noun: 'saved reply',
    listKeys: ['data', 'macros'],
    expected: 'saved replies (macros) as Intercom\'s API returns them, {"type": "list", "data": [{"type": "macro", "id": "123", "name": "…", "body": "<p>…</p>"}]}',
    idOf: (item) => apiId(item.id),
    toRecord: (item, at, id, problems) => {
      const body = firstText([item.body, 'html'], [item.body_text, 'markdown']);
      const field = body?.kind === 'markdown' ? 'body_text' : 'body';
      if (!body) {
        problems.error(at, 'body', 'is missing; every saved reply needs a body (body or body_text)');
        return undefined;
      }
      const unified = unifyIntercomPlaceholders(body.value);
      for (const message of unified.errors) problems.error(at, field, message);
      if (unified.errors.length) return undefined;
      const custom: Record<string, unknown> = {};
      if (Array.isArray(item.available_on) && item.available_on.every((v) => typeof v === 'string')) custom.intercom_available_on = item.available_on.join(', ');
      return {
        at,
        fields: { title: item.name, body: unified.text, createdAt: item.created_at, updatedAt: item.updated_at },
        bodyKind: body.kind,
        custom,
        names: { title: 'name', body: field, createdAt: 'created_at', updatedAt: 'updated_at' },
        defaults: { id: `intercom-saved-reply-${id}`, status: 'approved', source: { format: 'intercom-saved-replies', file: at.file, path: at.path! } },
      };
    },
  });
}
