import { describe, expect, it } from 'vitest';
import { DETECTED_LANGUAGES, detectLanguage, languageOf, type Reads } from '../../knowledge/language';

/** Short helpdesk lines, as customers write them: subject lines and one-sentence messages. */
const LINES: Record<(typeof DETECTED_LANGUAGES)[number], string[]> = {
  en: ["My order hasn't arrived yet", 'I was charged twice for the same order', 'How do I reset my password?', 'The parcel arrived damaged', 'Where is my refund?'],
  de: ['Paket beschädigt angekommen', 'Meine Bestellung ist noch nicht da', 'Wie kann ich mein Passwort zurücksetzen?', 'Ich möchte mein Abo kündigen', 'Wo bleibt meine Rückerstattung?'],
  fr: ['Mon colis est arrivé endommagé', "Ma commande n'est toujours pas arrivée", 'Comment réinitialiser mon mot de passe ?', 'Je veux résilier mon abonnement', 'Où en est mon remboursement ?'],
  es: ['Mi pedido no ha llegado todavía', 'El paquete llegó dañado', '¿Cómo restablezco mi contraseña?', 'Quiero cancelar mi suscripción', '¿Dónde está mi reembolso?'],
  it: ['Il mio ordine non è ancora arrivato', 'Il pacco è arrivato danneggiato', 'Come reimposto la password?', "Voglio disdire l'abbonamento", "Dov'è il mio rimborso?"],
  nl: ['Mijn bestelling is nog niet aangekomen', 'Het pakket is beschadigd aangekomen', 'Hoe kan ik mijn wachtwoord resetten?', 'Ik wil mijn abonnement opzeggen', 'Waar blijft mijn terugbetaling?'],
  pt: ['Meu pedido ainda não chegou', 'A encomenda chegou danificada', 'Como redefino a minha senha?', 'Quero cancelar a minha assinatura', 'Onde está o meu reembolso?'],
  zh: ['我的订单还没有到', '包裹到的时候已经损坏了', '怎么重置密码？', '我想取消订阅', '我的退款在哪里？'],
  ja: ['注文した商品がまだ届きません', '荷物が破損して届きました', 'パスワードをリセットするにはどうすればいいですか？', 'サブスクリプションを解約したいです', '返金はいつになりますか？'],
};

describe('detectLanguage', () => {
  it.each(DETECTED_LANGUAGES)('tells %s from short helpdesk lines', (lang) => {
    expect(LINES[lang].map((t) => detectLanguage(t)?.language)).toEqual(LINES[lang].map(() => lang));
  });

  it('tells Chinese and Japanese by script, with Latin names inside', () => {
    expect(detectLanguage('在 Deezer 上 播放 Dana 的 歌')?.language).toBe('zh');
    expect(detectLanguage('Amazon の 注文 を キャンセル')?.language).toBe('ja');
    // a name in Chinese characters does not make an English ticket Chinese
    expect(detectLanguage('Hello, my parcel has not arrived yet and the tracking page shows nothing. Thanks, 王伟')?.language).toBe('en');
  });

  it('lets the function words decide where the letters hesitate', () => {
    // tinyld alone: French or Portuguese, too close to call; "il" and "est" are French function words
    expect(detectLanguage('Il est cassé')?.language).toBe('fr');
  });

  it('says nothing when the text says too little', () => {
    expect(detectLanguage('Order 4711')).toBeUndefined();
    expect(detectLanguage('')).toBeUndefined();
    expect(detectLanguage('?!')).toBeUndefined();
  });
});

describe('languageOf', () => {
  it('takes the detected language over the fallback', () => {
    expect(languageOf('Meine Bestellung ist noch nicht da', 'en')).toBe('de');
  });

  it('keeps the fallback (the main language) when the text is too short to tell and it is a close guess', () => {
    expect(detectLanguage('refund')).toBeUndefined();
    expect(languageOf('refund', 'en')).toBe('en');
    expect(languageOf('4711', 'en')).toBe('en');
    expect(languageOf('4711')).toBeUndefined();
  });
});

describe('languageOf with the knowledge base vocabulary (reads)', () => {
  const asked: string[] = [];
  const reads: Reads = (text, language) => {
    asked.push(language);
    return language === 'en' ? 1 : 0;
  };

  it('lets the words decide on a short text the letters misread', () => {
    // tinyld's light profile: Italian
    expect(languageOf('cancel all reminders', 'en')).toBe('it');
    expect(languageOf('cancel all reminders', 'en', reads)).toBe('en');
  });

  it("asks every language, not only tinyld's best three guesses", () => {
    // tinyld's light profile: Italian, Dutch, French
    expect(languageOf('Lösche alle Wecker', 'en', (_, language) => (language === 'de' ? 1 : 0))).toBe('de');
  });

  it('keeps its choice on a tie, and never asks on a long text, on Chinese or on Japanese', () => {
    expect(languageOf('Meine Bestellung ist noch nicht da', 'en', () => 0.5)).toBe('de');
    asked.length = 0;
    const long = 'Ich habe vor zwei Wochen ein Paket bestellt und es ist immer noch nicht angekommen, obwohl die Sendungsverfolgung sagt, dass es zugestellt wurde.';
    expect(languageOf(long, 'en', reads)).toBe('de');
    expect(languageOf('我的退款在哪里', 'en', reads)).toBe('zh');
    expect(languageOf('返金はいつになりますか', 'en', reads)).toBe('ja');
    expect(asked).toEqual([]);
  });
});
