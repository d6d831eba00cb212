import { ProblemList } from '../problems.ts';
import { describe } from './fields.ts';
import { isPlainObject, readJsonValue } from './json.ts';
import type { ParsedFile, RawRecord, TextFile } from './record.ts';
import { listOf, zendeskId } from './zendesk-macros.ts';

/**
 * Zendesk Guide (Help Center) articles, as the API lists them:
 * `{"articles":[{id, title, body (HTML), locale, label_names, draft, created_at, updated_at, html_url}]}`.
 * Published articles were reviewed for customers: approved. Drafts stay drafts.
 */
export function readZendeskGuide(file: TextFile): ParsedFile {
  const problems = new ProblemList();
  const json = readJsonValue(file, problems);
  if (!json.ok) return { records: [], problems: problems.items };
  const list = listOf(json.value, 'articles', 'article');
  if (!list) {
    problems.error({ file: file.name }, 'articles', 'is missing: expected a Zendesk Guide export like {"articles": [...]}');
    return { records: [], problems: problems.items };
  }
  const records: RawRecord[] = [];
  list.forEach((article, index) => {
    const record = toRecord(file.name, article, index, problems);
    if (record) records.push(record);
  });
  return { records, problems: problems.items };
}

function toRecord(file: string, article: unknown, index: number, problems: ProblemList): RawRecord | undefined {
  if (!isPlainObject(article)) {
    problems.error({ file, path: `article ${index + 1}` }, undefined, `should be a set of fields, not ${describe(article)}`);
    return undefined;
  }
  const id = zendeskId(article.id);
  const at = { file, path: `article ${index + 1}${id ? ` (id ${id})` : ''}` };
  if (!id) {
    const got = article.id === undefined ? 'is missing' : `should be the Zendesk article number, not ${describe(article.id)}`;
    problems.error(at, 'id', got);
    return undefined;
  }
  const locale = typeof article.locale === 'string' && /^[A-Za-z0-9-]{1,20}$/.test(article.locale) ? article.locale.toLowerCase() : undefined;
  const custom: Record<string, unknown> = {};
  if (typeof article.html_url === 'string' && article.html_url.trim()) custom.zendesk_url = article.html_url;
  return {
    at,
    fields: {
      title: article.title,
      body: article.body,
      locale: article.locale,
      tags: article.label_names ?? undefined,
      createdAt: article.created_at,
      updatedAt: article.updated_at,
      status: article.draft === true ? 'draft' : 'approved',
    },
    bodyKind: 'html',
    custom,
    names: { tags: 'label_names', createdAt: 'created_at', updatedAt: 'updated_at', status: 'draft' },
    defaults: {
      id: `zendesk-article-${id}${locale ? `-${locale}` : ''}`,
      status: 'approved',
      source: { format: 'zendesk-guide', file, path: at.path },
    },
  };
}
