import { apiId, firstText, readApiList } from './api-list.ts';
import type { ParsedFile, TextFile } from './record.ts';

/**
 * Freshdesk canned responses (API v2): `GET /api/v2/canned_response_folders/{id}/responses` gives
 * `[{id, title, folder_id, content, content_html, attachments, created_at, updated_at}]` (and
 * `GET /api/v2/canned_responses/{id}` one of them). content_html wins over the plain content.
 * Agents already send them: approved. Attachments are not imported (a warning names them).
 */
export function readFreshdeskCannedResponses(file: TextFile): ParsedFile {
  return readApiList(file, {
    noun: 'canned response',
    listKeys: ['canned_responses', 'responses'],
    expected: 'canned responses as Freshdesk\'s API returns them, [{"id": 1, "title": "…", "content_html": "<div>…</div>"}]',
    idOf: (item) => apiId(item.id),
    toRecord: (item, at, id, problems) => {
      const body = firstText([item.content_html, 'html'], [item.content, 'markdown']);
      if (!body) {
        problems.error(at, 'content_html', 'is missing; every canned response needs its content (content_html or content)');
        return undefined;
      }
      if (Array.isArray(item.attachments) && item.attachments.length) {
        problems.warn(at, 'attachments', `has ${item.attachments.length} attachment${item.attachments.length === 1 ? '' : 's'}, which Agent Assist does not import; the text was imported`);
      }
      const folder = apiId(item.folder_id);
      return {
        at,
        fields: { title: item.title, body: body.value, createdAt: item.created_at, updatedAt: item.updated_at },
        bodyKind: body.kind,
        custom: folder ? { freshdesk_folder_id: folder } : {},
        names: { body: body.kind === 'html' ? 'content_html' : 'content', createdAt: 'created_at', updatedAt: 'updated_at' },
        defaults: { id: `freshdesk-canned-response-${id}`, status: 'approved', source: { format: 'freshdesk-canned-responses', file: at.file, path: at.path! } },
      };
    },
  });
}
