/**
 * Personal data out of anything stored: emails, phone numbers, payment cards (Luhn-checked), IBANs
 * (mod-97-checked) and the requester's name(s) become [email], [phone], [card], [iban], [name].
 * Checksums keep order numbers, tracking numbers and the like readable; numbers labelled as an
 * order, invoice, tracking number, IMEI, ... are never taken for a card or a phone.
 */
export type PersonalDataType = 'email' | 'phone' | 'card' | 'iban' | 'name';

export interface PersonalDataSpan {
  type: PersonalDataType;
  start: number;
  end: number;
}

export interface RedactOptions {
  /** The requester's name(s): matched case-insensitively as whole words, full name and each part alone. */
  names?: readonly string[];
}

export function redact(text: string, options: RedactOptions = {}): string {
  return applySpans(text, findPersonalData(text, options));
}

/** Replaces each span by its token, e.g. [phone]. */
export function applySpans(text: string, spans: readonly PersonalDataSpan[]): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start)) out = `${out.slice(0, s.start)}[${s.type}]${out.slice(s.end)}`;
  return out;
}

/** Every piece of personal data found, in text order, never overlapping (email > iban > card > phone > name). */
export function findPersonalData(text: string, options: RedactOptions = {}): PersonalDataSpan[] {
  const taken: PersonalDataSpan[] = [];
  const detectors: [PersonalDataType, (t: string) => [number, number][]][] = [
    ['email', findEmails],
    ['iban', findIbans],
    ['card', findCards],
    ['phone', findPhones],
    ['name', (t) => findNames(t, options.names ?? [])],
  ];
  for (const [type, find] of detectors) {
    for (const [start, end] of find(text)) {
      if (!taken.some((s) => start < s.end && s.start < end)) taken.push({ type, start, end });
    }
  }
  return mergeNames(text, taken.sort((a, b) => a.start - b.start));
}

/** "Horváth Éva" found as two parts is one name: one [name], not "[name] [name]". */
function mergeNames(text: string, spans: PersonalDataSpan[]): PersonalDataSpan[] {
  const out: PersonalDataSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev?.type === 'name' && s.type === 'name' && /^\s+$/.test(text.slice(prev.end, s.start))) prev.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

// ---- emails ----

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

function findEmails(text: string): [number, number][] {
  return [...text.matchAll(EMAIL)].map((m) => [m.index, m.index + m[0].length]);
}

// ---- IBANs ----

/** IBAN length per country (SWIFT registry), for the countries a European helpdesk meets most. */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27,
  GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25,
  QA: 29, RO: 24, RS: 22, SA: 24, SE: 24, SI: 19, SK: 24, SM: 27, TN: 24, TR: 26, UA: 29, VG: 24, XK: 20,
};

const IBAN_START = /(?<![\p{L}\p{N}])([A-Z]{2})(\d{2})[ ]?[A-Z0-9]/giu;

function findIbans(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (const m of text.matchAll(IBAN_START)) {
    const length = IBAN_LENGTHS[m[1]!.toUpperCase()];
    const end = length ? ibanEnd(text, m.index, length) : undefined;
    if (end !== undefined && !/[\p{L}\p{N}]/u.test(text[end] ?? '') && ibanValid(text.slice(m.index, end))) found.push([m.index, end]);
  }
  return found;
}

/** Where an IBAN of this length starting here ends: written in one piece, or in groups of four (the printed form). */
function ibanEnd(text: string, start: number, length: number): number | undefined {
  const piece = /^[A-Za-z0-9]+/.exec(text.slice(start))?.[0] ?? '';
  if (piece.length === length) return start + length;
  if (piece.length !== 4) return undefined;
  let i = start;
  for (let n = 0; n < length; ) {
    const want = Math.min(4, length - n);
    if (!new RegExp(`^[A-Za-z0-9]{${want}}`).test(text.slice(i, i + want))) return undefined;
    n += want;
    i += want;
    if (n < length) {
      if (text[i] !== ' ') return undefined;
      i++;
    }
  }
  return i;
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  let rest = 0;
  for (const c of s.slice(4) + s.slice(0, 4)) {
    const v = c >= 'A' ? String(c.charCodeAt(0) - 55) : c;
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}

// ---- numbers: cards and phones ----

/** A number right after one of these is an identifier of the order/shipment/device, not personal data. */
const NUMBER_LABEL =
  /(?<!\p{L})(?:order|invoice|tracking|shipment|parcel|package|consignment|reference|ref|ticket|case|serial|s\/n|sn|imei|sku|item|article|model|version|build|bestellung|bestellnummer|auftrag|sendung|sendungsnummer|rechnung|rechnungsnummer|artikel|commande|facture|suivi|colis|référence|pedido|factura|seguimiento|número de pedido|ordine|fattura|spedizione|bestelling|factuur|zending|zamówienie|faktura)(?:[\s:#.]|no\b|nr\b|n°|number|nummer|numéro|número|id)*$/iu;

function labelledAsIdentifier(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  return NUMBER_LABEL.test(before) || /#\s*$/.test(before);
}

/** A letter of a script written without spaces (CJK): a number may touch it. */
const CJK_LETTER = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]`;
const OTHER_LETTER = String.raw`(?:(?!${CJK_LETTER})\p{L})`;

/** Runs of digits joined by single spaces or dashes (how cards are written), as maximal runs. */
const DIGIT_RUN = new RegExp(String.raw`(?<!${OTHER_LETTER}|[\p{N}.,/_-])\d(?:[ \u00a0-]?\d)*(?!${OTHER_LETTER}|\p{N}|[.,]\d)`, 'gu');

function findCards(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    // The digits of an IBAN that failed its check are not a card either.
    if (labelledAsIdentifier(text, m.index) || /[A-Za-z]{2}\d{2} $/.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    let run = m[0];
    // "4111 1111 1111 1111 12/27": the expiry date's month is glued to the run.
    if (text[m.index + run.length] === '/') run = run.replace(/[ \u00a0-]\d{2}$/, '');
    const digits = run.replace(/\D/g, '');
    // No card network issues numbers starting with 0; phone numbers (0049 ...) do.
    if (digits.startsWith('0')) continue;
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) found.push([m.index, m.index + run.length]);
  }
  return found;
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A phone-shaped stretch: digits, spaces, ( ) . - / and a leading +, ending on a digit. */
const PHONE_RUN = new RegExp(
  String.raw`(?<!${OTHER_LETTER}|[\p{N}+#@/.=_$€£¥-])(?:\+[ \u00a0]?)?[\d(](?:[\d()/-]|\.(?=\d)|[ \u00a0](?=[\d(]))*\d(?!${OTHER_LETTER}|\p{N}|[.,]\d)`,
  'gu',
);
const DATE_LIKE = /^(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4}))$/;
const US_LIKE = /^(?:1[ .-]?)?\d{3}[ .-]\d{3}[ .-]\d{4}$/;
/** National numbers written without a trunk 0, by their usual grouping. */
const NO_TRUNK_NATIONAL = [
  /^[6-9]\d{2}(?: \d{3} \d{3}| \d{2} \d{2} \d{2})$/, // Spain: 612 345 678, 612 34 56 78
  /^\d{2} \d{3} \d{2} \d{2}$/, // Poland: 22 123 45 67
  /^3\d{2} \d{6,7}$/, // Italian mobile: 347 1234567
  /^1[3-9]\d[ -]\d{4}[ -]\d{4}$/, // Chinese mobile: 138 0013 8000
  /^[6-9]\d{4} \d{5}$/, // Indian mobile: 98765 43210
];

function findPhones(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (const m of text.matchAll(PHONE_RUN)) {
    let start = m.index;
    let s = m[0];
    if (s.startsWith('(') && count(s, '(') > count(s, ')')) {
      s = s.slice(1);
      start++;
    }
    if (labelledAsIdentifier(text, start) || !phoneShaped(s)) continue;
    found.push([start, start + s.length]);
  }
  return found;
}

function phoneShaped(s: string): boolean {
  if (count(s, '(') !== count(s, ')') || DATE_LIKE.test(s) || /[./-]{2}|\/.*\//.test(s)) return false;
  const n = s.replace(/\D/g, '').length;
  const groups = s.split(/[^\d]+/).filter(Boolean);
  if (s.includes('.') && groups.some((g) => g.length < 2)) return false; // versions, IP addresses
  if (s.startsWith('+')) return n >= 8 && n <= 15 && s[1] !== '0';
  if (/^00[1-9]/.test(s)) return n >= 10 && n <= 15;
  if (s.startsWith('(')) return n >= 7 && n <= 13;
  if (/^\d{1,3} \(/.test(s)) return n >= 10 && n <= 13; // trunk or country code before the area code: 8 (495) 123-45-67
  if (s.startsWith('0')) return n >= 9 && n <= 12;
  return US_LIKE.test(s) || NO_TRUNK_NATIONAL.some((re) => re.test(s));
}

function count(s: string, c: string): number {
  return s.split(c).length - 1;
}

// ---- names ----

/** Name parts that are also everyday words: alone, they only count when written with a capital. */
const COMMON_WORDS = new Set(
  'will mark grace may june april august rose bill pat sue hope faith joy dawn summer max art ken jack frank guy chase hunter rich brown white black green young king long little cook baker page said bell hall love star sky august wolf fuchs klein lange koch weiss weiß schwarz braun winter sommer rose blanc petit grand leblanc le la de van von der den da di del dos du'.split(' '),
);
const TITLES = new Set('mr mrs ms miss mx dr prof sir madam herr frau fr hr dott sig sra sr mme mlle m'.split(' '));
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Removes accents, one UTF-16 unit for one, so positions in the folded text are positions in the text. */
function fold(s: string): string {
  let out = '';
  for (const c of s) {
    const base = c.length === 1 ? c.normalize('NFD')[0]! : c;
    out += base.length === c.length ? base : c;
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function findNames(text: string, names: readonly string[]): [number, number][] {
  const parts = new Set<string>();
  const full: string[] = [];
  for (const name of names) {
    const words = fold(name).trim().split(/\s+/).filter((w) => w && !TITLES.has(w.toLowerCase().replace(/\.$/, '')));
    if (words.length > 1) full.push(words.join(' '));
    for (const w of words) {
      const clean = w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      for (const p of [clean, ...clean.split('-')]) if (p.length >= 2 || (CJK.test(p) && p.length >= 1 && words.length === 1)) parts.add(p);
    }
  }
  const folded = fold(text);
  const found: [number, number][] = [];
  const search = (needle: string, alone: boolean) => {
    const body = needle.split(' ').map(escape).join('\\s+');
    // Whole words, except that CJK text has no spaces: a CJK letter may touch a name.
    const re = CJK.test(needle)
      ? new RegExp(body, 'giu')
      : new RegExp(String.raw`(?<!${OTHER_LETTER}|[\p{N}\p{M}])${body}\p{M}*(?!${OTHER_LETTER}|\p{N})`, 'giu');
    for (const m of folded.matchAll(re)) {
      const first = text[m.index] ?? '';
      if (alone && COMMON_WORDS.has(needle.toLowerCase()) && first === first.toLowerCase()) continue;
      found.push([m.index, m.index + m[0].length]);
    }
  };
  for (const f of full) search(f, false);
  for (const p of [...parts].sort((a, b) => b.length - a.length)) search(p, true);
  return found;
}
