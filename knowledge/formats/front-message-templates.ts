import { isPlainObject } from './json.ts';
import { apiId, epochOrText, firstText, readApiList } from './api-list.ts';
import type { ParsedFile, TextFile } from './record.ts';

/**
 * Front message templates (Core API): `GET /message_templates` gives
 * `{"_pagination": {…}, "_links": {…}, "_results": [{_links, id: "rsp_42", name, subject, body (HTML), attachments, created_at, updated_at}]}`
 * with the dates in Unix seconds. Agents already send them: approved. The subject and the API link
 * are kept as custom fields; attachments are not imported (a warning says so).
 */
export function readFrontMessageTemplates(file: TextFile): ParsedFile {
  return readApiList(file, {
    noun: 'message template',
    listKeys: ['_results'],
    expected: 'message templates as Front\'s API returns them, {"_results": [{"id": "rsp_42", "name": "…", "body": "<p>…</p>"}]}',
    idOf: (item) => apiId(item.id),
    toRecord: (item, at, id, problems) => {
      const body = firstText([item.body, 'html']);
      if (!body) {
        problems.error(at, 'body', 'is missing; every message template needs a body');
        return undefined;
      }
      if (Array.isArray(item.attachments) && item.attachments.length) {
        problems.warn(at, 'attachments', `has ${item.attachments.length} attachment${item.attachments.length === 1 ? '' : 's'}, which Agent Assist does not import; the text was imported`);
      }
      const custom: Record<string, unknown> = {};
      if (typeof item.subject === 'string' && item.subject.trim()) custom.front_subject = item.subject;
      const self = isPlainObject(item._links) ? item._links.self : undefined;
      if (typeof self === 'string' && self.trim()) custom.front_url = self;
      return {
        at,
        fields: { title: item.name, body: body.value, createdAt: epochOrText(item.created_at), updatedAt: epochOrText(item.updated_at) },
        bodyKind: 'html',
        custom,
        names: { title: 'name', createdAt: 'created_at', updatedAt: 'updated_at' },
        defaults: { id: `front-template-${id}`, status: 'approved', source: { format: 'front-message-templates', file: at.file, path: at.path! } },
      };
    },
  });
}
