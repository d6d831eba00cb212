import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer, readQueries } from '../../knowledge/cli/rank';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { queryLanguage, readsOf } from '../../knowledge/search/query-language';
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

// A short request says too little for tinyld's letters ("cancel all reminders" reads as Italian,
// "Paket verloren" as English): the knowledge base's own words decide (knowledge/search/query-language.ts).
const ASSISTANT = KnowledgeIndex.build([
  entry('reminders-en', { title: 'Cancel all reminders', questions: ['Delete my reminders', 'Remove every reminder I set'], body: 'Open Reminders and choose Delete all.' }),
  entry('alarms-en', { title: 'Set an alarm', questions: ['Wake me up at 7', 'Set an alarm for tomorrow'], body: 'Say the time and the alarm is set.' }),
  entry('orders-en', { title: 'Where is my order?', questions: ['My order has not arrived'], body: 'Follow the tracking link.' }),
  entry('reminders-it', { locale: 'it', title: 'Cancella tutti i promemoria', questions: ['Elimina i miei promemoria'], body: 'Apri Promemoria e scegli Elimina tutto.' }),
  entry('alarms-it', { locale: 'it', title: 'Imposta una sveglia', questions: ['Svegliami alle 7'], body: "Di' l'ora e la sveglia è impostata." }),
  entry('lost-de', { locale: 'de', title: 'Paket verloren', questions: ['Mein Paket ist verloren gegangen'], body: 'Wir starten einen Nachforschungsauftrag beim Versanddienst.' }),
]);

describe("a short text's language: the knowledge base's words decide", () => {
  it('a short English request in a base with Italian entries is read as English', () => {
    const r = suggest(ticket('cancel all reminders', ''), ASSISTANT, { day: DAY });
    expect(r.query.locale).toBe('en');
    expect(r.suggestions[0]?.entry.id).toBe('reminders-en');
    expect(queryLanguage(ASSISTANT, 'Turn off all reminders')).toBe('en');
    expect(top(ASSISTANT, 'cancel all reminders')?.entry.id).toBe('reminders-en');
  });

  it('a short German subject is read as German where a German entry has its words', () => {
    expect(queryLanguage(ASSISTANT, 'Paket verloren')).toBe('de');
    expect(queryLanguage(ASSISTANT, 'Elimina i miei promemoria')).toBe('it');
  });

  it('a language counts the words its entries have and its function words, nothing else', () => {
    const reads = readsOf(ASSISTANT);
    // "all" is an English stop word, "cancel" and "reminders" (stemmed "remind") are in English entries
    expect(reads('cancel all reminders', 'en')).toBe(1);
    // Italian has "all" as a function word only; no Italian entry says "cancel" or "reminders"
    expect(reads('cancel all reminders', 'it')).toBeCloseTo(1 / 3);
    expect(reads('Paket verloren', 'de')).toBe(1);
    expect(reads('Paket verloren', 'en')).toBe(0);
    // no entry in the language: nothing is read but its function words
    expect(reads('the parcel', 'nl')).toBe(0);
  });

  it('reads the live entries of a stored index', () => {
    const index = KnowledgeIndex.load(ASSISTANT.serialize());
    expect(readsOf(index)('Paket verloren', 'de')).toBe(1);
    index.remove('lost-de');
    expect(readsOf(index)('Paket verloren', 'de')).toBe(0);
    expect(readsOf(index)('Elimina i miei promemoria', 'it')).toBe(1);
  });
});
