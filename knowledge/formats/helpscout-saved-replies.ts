import { apiId, firstText, readApiList } from './api-list.ts';
import type { ParsedFile, TextFile } from './record.ts';

/**
 * Help Scout saved replies (Mailbox API 2.0). `GET /v2/mailboxes/{id}/saved-replies/{replyId}` gives
 * `{id, name, text (HTML), chatText}`; a file may hold one of those or a list of them. The list
 * endpoint only gives a `preview` of each reply, which is refused: it is cut short.
 * Agents already send saved replies: approved. Placeholders are Help Scout's `{%customer.firstName,fallback=there%}`.
 */
export function readHelpScoutSavedReplies(file: TextFile): ParsedFile {
  return readApiList(file, {
    noun: 'saved reply',
    listKeys: ['savedReplies', 'saved_replies'],
    expected: 'the saved replies as Help Scout\'s API returns them, [{"id": 123, "name": "…", "text": "<p>…</p>"}]',
    idOf: (item) => apiId(item.id),
    toRecord: (item, at, id, problems) => {
      const body = firstText([item.text, 'html'], [item.chatText, 'markdown']);
      if (!body) {
        const onlyPreview = typeof item.preview === 'string' || typeof item.chatPreview === 'string';
        problems.error(at, 'text', onlyPreview
          ? 'is missing: this is the list endpoint\'s short preview; export each reply with GET /v2/mailboxes/{mailbox}/saved-replies/{id}, which has the whole text'
          : 'is missing; every saved reply needs its text');
        return undefined;
      }
      return {
        at,
        fields: { title: item.name, body: body.value },
        bodyKind: body.kind,
        custom: {},
        names: { title: 'name', body: body.kind === 'html' ? 'text' : 'chatText' },
        defaults: { id: `helpscout-saved-reply-${id}`, status: 'approved', source: { format: 'helpscout-saved-replies', file: at.file, path: at.path! } },
      };
    },
  });
}
