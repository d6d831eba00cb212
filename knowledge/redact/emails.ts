/** Email addresses, plain ("anna@example.com") or written to dodge scrapers ("anna at example dot com"). */
export function findEmails(text: string): [number, number][] {
  const found: [number, number][] = [...text.matchAll(EMAIL)].map((m) => [m.index, m.index + m[0].length]);
  // A rejected match ("me at anna.smith") must not swallow the address right after it: step one character on.
  const re = new RegExp(OBFUSCATED.source, 'giu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (obfuscatedDomainOk(m.groups!.domain!, m.groups!.tld!)) found.push([m.index, m.index + m[0].length]);
    else re.lastIndex = m.index + 1;
  }
  return found;
}

/** From the start of a word only: scanning from inside a long token would cost quadratic time. */
const EMAIL = /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** "at" and "dot" spelled out, in brackets or parentheses, in English and a few other languages. */
const AT = String.raw`(?:\s*[\[({<]\s*(?:at|@|ät|arroba|chiocciola|apenstaart|snabel-a)\s*[\])}>]\s*|\s+(?:at|ät|arroba|chiocciola)\s+|\s+@\s+|@)`;
const DOT = String.raw`(?:\s*[\[({<]\s*(?:dot|punkt|point|punto|ponto|punt|kropka|\.)\s*[\])}>]\s*|\s+(?:dot|punkt|point|punto|ponto|punt|kropka)\s+|\s*\.\s*)`;
const OBFUSCATED = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}][\p{L}\p{N}._%+-]*(?:[ \u00a0]+(?:dot|punkt|point|punto)[ \u00a0]+[\p{L}\p{N}][\p{L}\p{N}_%+-]*)*${AT}(?<domain>[\p{L}\p{N}][\p{L}\p{N}-]*)(?:${DOT}[\p{L}\p{N}-]+)*${DOT}(?<tld>\p{L}{2,6})(?![\p{L}\p{N}])`,
  'giu',
);

/** Words that follow "at" in prose ("look at the dot com era"): not a mail domain. */
const NOT_A_DOMAIN = new Set('the a an my your our his her their this that home work least most all once first last night noon'.split(' '));
const TLDS = new Set(
  'com net org info biz io co uk de at ch fr be nl lu es pt it pl se dk no fi is ie eu us ca au nz in jp cn br mx ar cl ru ua cz sk hu ro bg gr tr il ae za me tv app dev email online shop'.split(' '),
);

function obfuscatedDomainOk(domain: string, tld: string): boolean {
  return !NOT_A_DOMAIN.has(domain.toLowerCase()) && TLDS.has(tld.toLowerCase());
}
