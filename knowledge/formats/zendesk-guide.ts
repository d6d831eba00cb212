import { ProblemList } from '../problems.ts';
import { describe } from './fields.ts';
import { isPlainObject, readJsonValue } from './json.ts';
import type { ParsedFile, RawRecord, TextFile } from './record.ts';
import { listOf, zendeskId } from './zendesk-macros.ts';

/**
 * Zendesk Guide (Help Center) articles and their translations, as the API lists them:
 * `{"articles":[{id, title, body (HTML), locale, label_names, draft, created_at, updated_at, html_url}]}`,
 * `{"translations":[{id, source_id, source_type, locale, title, body, draft, outdated, …}]}`
 * (GET /api/v2/help_center/articles/{id}/translations), or articles with their `translations`
 * sideloaded. One entry per article and locale, `zendesk-article-<id>-<locale>`, all locales of
 * one article in the translation group `zendesk-article-<id>`.
 * Published articles were reviewed for customers: approved. Drafts stay drafts; a translation
 * Zendesk marks outdated (its source changed since) comes in as in_review.
 */
export function readZendeskGuide(file: TextFile): ParsedFile {
  const problems = new ProblemList();
  const json = readJsonValue(file, problems);
  if (!json.ok) return { records: [], problems: problems.items };
  const articles = listOf(json.value, 'articles', 'article');
  const translations = articles ? undefined : listOf(json.value, 'translations', 'translation');
  if (!articles && !translations) {
    problems.error({ file: file.name }, 'articles', 'is missing: expected a Zendesk Guide export like {"articles": [...]} or {"translations": [...]}');
    return { records: [], problems: problems.items };
  }
  const records: RawRecord[] = [];
  const push = (r: RawRecord | undefined) => r && records.push(r);
  if (articles) {
    articles.forEach((article, index) => {
      const place = `article ${index + 1}`;
      const sideloaded = isPlainObject(article) && Array.isArray(article.translations) && article.translations.length > 0 ? article.translations : undefined;
      if (!sideloaded) return push(toRecord(file.name, article, place, problems, 'article'));
      // The sideloaded translations include the article's own locale: they replace the article.
      const articleId = zendeskId((article as Record<string, unknown>).id);
      sideloaded.forEach((t, k) => push(toRecord(file.name, isPlainObject(t) ? { source_id: articleId, ...t } : t, `${place} translation ${k + 1}`, problems, 'translation')));
    });
  } else {
    translations!.forEach((t, index) => push(toRecord(file.name, t, `translation ${index + 1}`, problems, 'translation')));
  }
  return { records, problems: problems.items };
}

function toRecord(file: string, item: unknown, place: string, problems: ProblemList, kind: 'article' | 'translation'): RawRecord | undefined {
  if (!isPlainObject(item)) {
    problems.error({ file, path: place }, undefined, `should be a set of fields, not ${describe(item)}`);
    return undefined;
  }
  const ownId = zendeskId(item.id);
  const at = { file, path: `${place}${ownId ? ` (id ${ownId})` : ''}` };
  if (kind === 'translation' && typeof item.source_type === 'string' && item.source_type.toLowerCase() !== 'article') {
    problems.warn(at, 'source_type', `is a translation of a ${item.source_type.toLowerCase()}, not of an article; skipped`);
    return undefined;
  }
  const idField = kind === 'article' ? 'id' : 'source_id';
  const articleId = zendeskId(item[idField]);
  if (!articleId) {
    const got = item[idField] === undefined ? 'is missing' : `should be the Zendesk article number, not ${describe(item[idField])}`;
    problems.error(at, idField, got);
    return undefined;
  }
  const locale = typeof item.locale === 'string' && /^[A-Za-z0-9-]{1,20}$/.test(item.locale) ? item.locale.toLowerCase() : undefined;
  const custom: Record<string, unknown> = {};
  if (typeof item.html_url === 'string' && item.html_url.trim()) custom.zendesk_url = item.html_url;
  const status = item.draft === true ? 'draft' : item.outdated === true ? 'in_review' : 'approved';
  return {
    at,
    fields: {
      title: item.title,
      body: item.body,
      locale: item.locale,
      tags: item.label_names ?? undefined,
      createdAt: item.created_at,
      updatedAt: item.updated_at,
      status,
      translationGroup: `zendesk-article-${articleId}`,
    },
    bodyKind: 'html',
    custom,
    names: { tags: 'label_names', createdAt: 'created_at', updatedAt: 'updated_at', status: item.outdated === true ? 'outdated' : 'draft' },
    defaults: {
      id: `zendesk-article-${articleId}${locale ? `-${locale}` : ''}`,
      status: 'approved',
      source: { format: 'zendesk-guide', file, path: at.path },
    },
  };
}
