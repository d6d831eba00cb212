import { OTHER_LETTER, labelledAsIdentifier } from './labels.ts';

/** Runs of digits joined by single spaces, dashes or dots (how cards are written), as maximal runs. */
/** Not after a + (a phone number) nor inside a longer number or word. */
const DIGIT_RUN = new RegExp(String.raw`(?<!${OTHER_LETTER}|[\p{N}.,/_+-]|\+[ \u00a0])\d(?:[ \u00a0.-]?\d|\n(?=\d))*(?!${OTHER_LETTER}|\p{N}|[.,]\d)`, 'gu');

/** Payment card numbers: 13 to 19 digits, Luhn-valid, starting as card networks issue them (2-6). */
export function findCards(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    // The digits of an IBAN that failed its check are not a card either.
    if (labelledAsIdentifier(text, m.index) || /[A-Za-z]{2}\d{2}[ -]$/.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    let run = m[0];
    // "4111 1111 1111 1111 12/27": the expiry date's month is glued to the run.
    if (text[m.index + run.length] === '/') run = run.replace(/[ \u00a0.-]\d{2}$/, '');
    // Dots only as a card's group separator (4111.1111.1111.1111), never in amounts or versions.
    run = run.replace(/\n[\s\S]*$/, (rest) => (luhnValid((run.slice(0, run.length - rest.length) + rest).replace(/\D/g, '')) ? rest : ''));
    if (run.includes('.') && !/^\d{4}(?:\.\d{4,6}){2,3}(?:\.\d{1,4})?$/.test(run)) continue;
    const digits = run.replace(/\D/g, '');
    if (/^[2-6]/.test(digits) && digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) found.push([m.index, m.index + run.length]);
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
