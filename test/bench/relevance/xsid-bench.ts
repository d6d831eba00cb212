import { isSuggestable } from '../../../knowledge/entry.ts';
import { answer } from '../../../knowledge/cli/rank.ts';
import { KnowledgeIndex } from '../../../knowledge/search/index.ts';
import { fuseRanker, miniSearchRanker, packageVersion, type Ranker } from '../baselines.ts';
import type { BenchTable } from '../table.ts';
import { metrics } from './metrics.ts';
import { BENCH_DAY } from './ours.ts';
import { XSID_LANGUAGES, xsidDataset, type XsidQuery } from './xsid.ts';

/**
 * xSID "multi" (../shared/data/xsid/README.md): top-1 per language, the query's language not
 * given. Ours is `kb rank`'s path (knowledge/cli/rank.ts answer()): the language told from the
 * text, the query tokenised in it. `npx tsx test/bench/relevance/xsid-bench.ts valid` prints the
 * same table on the validation split (for choosing; the bench prints test).
 */

type Ranked = { ranked: string[]; relevant: string[]; lang: string };

export function ours(split: 'valid' | 'test'): Ranked[] {
  const { entries, queries } = xsidDataset(split);
  const index = KnowledgeIndex.build(entries);
  return queries.map((q) => ({ ranked: answer(index, q.text, BENCH_DAY, 10).suggestions.map((s) => s.entry.id), relevant: q.relevant, lang: q.lang }));
}

function plain(ranker: Ranker, split: 'valid' | 'test'): Ranked[] {
  const { entries, queries } = xsidDataset(split);
  ranker.build(entries.filter((e) => isSuggestable(e, BENCH_DAY)));
  return queries.map((q: XsidQuery) => ({ ranked: ranker.rank(q.text, 10), relevant: q.relevant, lang: q.lang }));
}

export function row(name: string, results: Ranked[]): (string | number)[] {
  const answerable = results.filter((r) => r.relevant.length > 0);
  const per = XSID_LANGUAGES.map((l) => metrics(answerable.filter((r) => r.lang === l)).top1);
  const all = metrics(answerable);
  return [name, ...per, all.top1, all.top3, all.mrr10];
}

export function xsidTable(split: 'valid' | 'test' = 'test'): BenchTable {
  const { entries, queries } = xsidDataset(split);
  const answerable = queries.filter((q) => q.relevant.length > 0);
  return {
    title: `Relevance: xSID "multi" (${split}), top-1 % per language, the query's language not given`,
    columns: ['engine', ...XSID_LANGUAGES.map((l) => `${l} top-1`), 'all top-1', 'all top-3', 'all MRR@10'],
    rows: [
      row('Agent Assist engine', ours(split)),
      row(`Fuse.js ${packageVersion('fuse.js')}`, plain(fuseRanker(), split)),
      row(`MiniSearch ${packageVersion('minisearch')}`, plain(miniSearchRanker(), split)),
    ],
    notes: [
      `${entries.length} entries (one per intent and language, K = 5 validation sentences each), ${answerable.length} queries with an entry (${queries.length - answerable.length} of intents without one count nowhere here).`,
      "Ours: each query's language told from its text (knowledge/language.ts) and tokenised in it, as `kb rank` does; the plain libraries get the text as it is.",
    ],
  };
}

if (process.argv[1]?.endsWith('xsid-bench.ts')) {
  const { formatTable } = await import('../table.ts');
  console.log(formatTable(xsidTable(process.argv[2] === 'valid' ? 'valid' : 'test')));
}
