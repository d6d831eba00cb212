/**
 * What the customer actually wrote in one message: without quoted earlier mails, signatures,
 * greetings, "sent from my phone" lines and legal footers, in en, de, fr and es.
 * Each rule is a line pattern; the "cut" rules drop their line and everything after it.
 */

/** A quoted mail starts here: everything after it is history the thread already has. */
const QUOTE_HEADERS: RegExp[] = [
  /^on\b.{0,300}\bwrote:?$/i,
  /^am\b.{0,300}\bschrieb\b.{0,300}:$/i,
  /^le\b.{0,300}\ba écrit\s*:?$/i,
  /^el\b.{0,300}\bescribió:?$/i,
  /^-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|forwarded message|weitergeleitete nachricht)\s*-{2,}$/i,
  /^_{10,}$/,
];
/** "From: / Von: / De:" header blocks of Outlook-style quotes (with a Sent/Subject line after). */
const FROM_LINE = /^(from|von|de|da):\s*\S/i;
const HEADER_LINE = /^(sent|date|to|cc|subject|gesendet|datum|an|betreff|envoyé|date|à|objet|enviado|fecha|para|asunto):/i;

const SIGN_OFFS =
  /^(best|kind|warm|many thanks and|with kind)?\s*(regards|wishes)|^(thanks|thank you|many thanks|cheers|thx|ta)\b|^(mit freundlichen grüßen|mit freundlichen gruessen|viele grüße|beste grüße|liebe grüße|freundliche grüße|vielen dank|danke)\b|^(cordialement|bien cordialement|bien à vous|merci( beaucoup)?|salutations)\b|^(saludos|un saludo|atentamente|muchas gracias|gracias)\b|^sincerely\b|^yours\b/i;
/** Sign-off lines are short: "Thanks, Anna" ends a mail, "Thanks for the refund but..." does not. */
const MAX_SIGN_OFF_LENGTH = 40;

const DEVICE_LINES =
  /^(sent from my|sent from outlook|get outlook for|von meinem .* gesendet|gesendet von meinem|envoyé de mon|envoyé depuis|enviado desde mi)\b/i;

const LEGAL_FOOTERS =
  /^(this (e-?mail|message)( and any (attachments|files))?( transmitted with it)? (is|are|may be|contains?)|confidentiality notice|disclaimer:|diese (e-?mail|nachricht)( und (alle|eventuelle) anhänge)? (ist|enthält|kann)|ce (message|courriel|mail)( et (ses|toutes les) pièces jointes)? (est|sont|peut|contient)|este (correo|mensaje)( electrónico)?( y sus anexos)? (es|contiene|puede))/i;

const GREETING =
  /^(hi|hello|hey|dear|good (morning|afternoon|evening)|hallo|guten (tag|morgen|abend)|liebe[rs]?|sehr geehrte[rs]?|moin|servus|bonjour|bonsoir|salut|cher|chère|madame|monsieur|hola|buenos días|buenas tardes|buenas|estimad[oa]s?)\b/i;
/** "Hi team," / "Hello Anna!" alone on a line, or before the message on the same line. */
const GREETING_PREFIX = /^[^,!.\n]{0,40}[,!]\s*/;

/** "Hello", "Hallo zusammen", "Hi Support team" without punctuation. */
const GREETING_ONLY = new RegExp(`${GREETING.source}(\\s+[\\p{L}-]+){0,2}\\s*$`, 'iu');

export function cleanMessage(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (isQuoteStart(lines, i) || LEGAL_FOOTERS.test(line) || /^--\s*$/.test(line)) break;
    if (isSignOff(line) && kept.some((l) => l.trim())) break;
    if (line.startsWith('>') || DEVICE_LINES.test(line)) continue;
    kept.push(lines[i]!);
  }
  return dropGreeting(kept).join('\n').trim();
}

function isQuoteStart(lines: readonly string[], i: number): boolean {
  const line = lines[i]!.trim();
  if (QUOTE_HEADERS.some((re) => re.test(line))) return true;
  // "On Mon, 3 Nov 2026 at 10:02, Anna <anna@example.com>" + "wrote:" on the next line
  const next = lines[i + 1]?.trim() ?? '';
  if (/^(wrote|schrieb|a écrit|escribió)\s*:?$/i.test(next) && /^(on|am|le|el)\b/i.test(line)) return true;
  if (FROM_LINE.test(line)) return lines.slice(i + 1, i + 5).some((l) => HEADER_LINE.test(l.trim()));
  return false;
}

function isSignOff(line: string): boolean {
  return line.length <= MAX_SIGN_OFF_LENGTH && SIGN_OFFS.test(line) && !/[?]/.test(line);
}

function dropGreeting(lines: string[]): string[] {
  const first = lines.findIndex((l) => l.trim());
  if (first < 0) return lines;
  const line = lines[first]!.trim();
  if (!GREETING.test(line)) return lines;
  const prefix = GREETING_PREFIX.exec(line);
  const rest = prefix ? line.slice(prefix[0].length) : GREETING_ONLY.test(line) ? '' : line;
  return [...lines.slice(0, first), ...(rest ? [rest] : []), ...lines.slice(first + 1)];
}
