import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer, readQueries } from '../../knowledge/cli/rank';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { suggest } from '../../knowledge/suggest';
import { DAY, entry, ticket } from './fixtures';

// Each query is tokenised in the language told from its text (knowledge/language.ts), never as
// English by default: German is stemmed as German, Spanish "en" is a stop word, Chinese is segmented.
const MULTI = KnowledgeIndex.build([
  entry('damaged-de', { locale: 'de', title: 'Beschädigte Pakete', questions: ['Mein Paket ist beschädigt angekommen'], body: 'Schicken Sie uns Fotos der Beschädigung.' }),
  entry('tracking-en', { title: 'Where is my parcel?', questions: ['My parcel has not arrived'], body: 'Follow the tracking link in the shipping email.' }),
  entry('refund-zh', { locale: 'zh', title: '退款什么时候到账', questions: ['我的退款什么时候到', '退款多久能收到'], body: '退款会在五个工作日内退回原支付方式。' }),
  entry('password-zh', { locale: 'zh', title: '重置密码', questions: ['忘记密码怎么办'], body: '请在登录页面点击忘记密码。' }),
]);

const ENGLISH_ONLY = KnowledgeIndex.build([
  entry('gas', { title: 'Shipping gas canisters', questions: ['Can you ship gas canisters?'], body: 'We ship EN 417 cartridges by road only.' }),
  entry('payment', { title: 'Payment methods', questions: ['How can I pay?'], body: 'We accept cards and PayPal.' }),
]);

const top = (index: KnowledgeIndex, text: string, lang?: string) => answer(index, text, DAY, 3, lang).suggestions[0];

describe('a query is tokenised in its own language', () => {
  it('kb rank: a German query meets the German entry through the German stemmer', () => {
    const hit = top(MULTI, 'Pakete beschädigt');
    expect(hit?.entry.id).toBe('damaged-de');
    expect(hit?.matched.questions).toEqual(expect.arrayContaining(['beschädigt']));
    // the same words read as English ("lang": "en" on the query line) miss "beschädigt"
    expect(top(MULTI, 'Pakete beschädigt', 'en')?.matched.questions ?? []).not.toContain('beschädigt');
  });

  it('kb rank: a Chinese query is segmented and meets the Chinese entry word by word', () => {
    expect(top(MULTI, '我的退款还没到')?.entry.id).toBe('refund-zh');
    expect(top(MULTI, '我忘记密码了')?.entry.id).toBe('password-zh');
  });

  it('kb rank: a query line may carry "lang"; a malformed one is named by file and line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kb-lang-'));
    const good = path.join(dir, 'good.jsonl');
    writeFileSync(good, '{"id":"a","text":"Pakete beschädigt","lang":"de"}\n{"id":"b","text":"where is my parcel"}\n');
    expect(await readQueries(good)).toEqual([
      { id: 'a', text: 'Pakete beschädigt', lang: 'de' },
      { id: 'b', text: 'where is my parcel' },
    ]);
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":"a","text":"ok"}\n{"id":"b","text":"Hallo","lang":"German"}\n');
    await expect(readQueries(bad)).rejects.toThrow(`${bad} line 2, lang: expected a language code such as "de" or "pt-BR"`);
  });

  it("kb rank: a Spanish query's stop words never match an English entry", () => {
    const hits = answer(ENGLISH_ONLY, '¿Puedo pagar en efectivo?', DAY, 3).suggestions;
    expect(hits.flatMap((s) => Object.values(s.matched).flat())).not.toContain('en');
  });

  it("suggest: a ticket without a stated locale is read in its text's language", () => {
    const spanish = ticket('Pago', 'Hola, ¿puedo pagar en efectivo cuando llegue el pedido?');
    const r = suggest(spanish, ENGLISH_ONLY, { day: DAY });
    expect(r.query.locale).toBe('es');
    expect(r.suggestions.flatMap((s) => Object.values(s.matched).flat())).not.toContain('en');
    const german = suggest(ticket('Paket beschädigt', 'Mein Paket ist heute beschädigt angekommen.'), MULTI, { day: DAY });
    expect(german.query.locale).toBe('de');
    expect(german.suggestions[0]?.entry.id).toBe('damaged-de');
  });
});
