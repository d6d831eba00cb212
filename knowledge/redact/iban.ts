/** IBAN length per country (SWIFT IBAN registry). */
export const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23,
  GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28,
  LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24,
  SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** A country code and check digits, maybe split by a separator ("DE 89", "de89"). */
const IBAN_START = /(?<![\p{L}\p{N}])([A-Z]{2})[ \u00a0-]?\d[ \u00a0-]?\d/giu;
/** Between two characters of an IBAN: nothing, or one space, dash, dot or no-break space. */
const SEPARATOR = /[ \u00a0.\n-]/;

/** IBANs of every country, in any grouping (spaces, dashes, dots, none, odd groups) and any case; mod-97-checked. */
export function findIbans(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (const m of text.matchAll(IBAN_START)) {
    const length = IBAN_LENGTHS[m[1]!.toUpperCase()];
    const end = length ? ibanEnd(text, m.index, length) : undefined;
    if (end !== undefined && ibanValid(text.slice(m.index, end))) found.push([m.index, end]);
  }
  return found;
}

/**
 * Where an IBAN of `length` characters starting here ends, if it ends at a word boundary. Groups may
 * be of any size, but only the bank code right after the check digits may be letters alone
 * ("GB29 NWBK 6016 ...") or form a group of four in the printed form: "DE12345 and HRB 123" is not an IBAN that
 * happens to pass mod-97.
 */
function ibanEnd(text: string, start: number, length: number): number | undefined {
  let n = 0;
  let i = start;
  let group = '';
  let groups = 0;
  let printed = true;
  // A letters-only group is the bank code right after the check digits, or a group of four in the printed form (MT84 MALT ... MTLC AST0).
  const groupOk = () => groups <= 1 || /\d/.test(group) || (printed && group.length === 4);
  while (n < length) {
    const c = text[i];
    if (c !== undefined && /[A-Za-z0-9]/.test(c)) {
      n++;
      i++;
      group += c;
      // The country code and check digits count as one group, however they are split.
      if (n === 4) {
        group = '';
        groups = 1;
      }
    } else if (c !== undefined && n > 0 && SEPARATOR.test(c) && /[A-Za-z0-9]/.test(text[i + 1] ?? '')) {
      if (n > 4) {
        if (!groupOk()) return undefined;
        printed &&= group.length === 4;
        groups++;
        group = '';
      }
      i++;
    } else return undefined;
  }
  // A last group of one or two letters is the end of a grouping, not a word ("... 395 Y").
  if (!groupOk() && group.length > 2) return undefined;
  return /[\p{L}\p{N}]/u.test(text[i] ?? '') ? undefined : i;
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/[\s.-]+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  let rest = 0;
  for (const c of s.slice(4) + s.slice(0, 4)) {
    const v = c >= 'A' ? String(c.charCodeAt(0) - 55) : c;
    for (const d of v) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
}
