/**
 * An entry's own greeting ("Hi {{customer.first_name}},") and sign-off ("Best,\n{{agent.name}}"),
 * found so that they can be left out where the helpdesk writes its own into the reply: FreeScout
 * starts the reply with "Hello Lukas," and appends the mailbox signature, and an answer with its
 * own would greet and sign twice.
 */

/** Helpdesks (Ticket.helpdesk) that add a greeting or a signature to every reply themselves. */
export const HELPDESK_ADDS: Readonly<Record<string, { product: string; greeting: boolean; signOff: boolean }>> = {
  // Seen on FreeScout 1.8.145: the reply gets "Hello <first name>," and the mailbox signature
  // (shown under the editor as #editor_signature, added on send).
  freescout: { product: 'FreeScout', greeting: true, signOff: true },
};

const GREETING =
  /^(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings|hallo|hi there|liebe[rs]?|sehr geehrte[rs]?|guten (tag|morgen|abend)|moin|servus|bonjour|bonsoir|cher|chère|hola|estimad[oa]s?|buongiorno|ciao|gentile|hej|hoi|beste|geachte)\b/i;
const SIGN_OFF =
  /^(best|best wishes|best regards|kind regards|warm regards|regards|many thanks|thanks( again)?|thank you|cheers|sincerely|yours( sincerely| truly)?|all the best|viele grüße|beste grüße|liebe grüße|freundliche grüße|mit freundlichen grüßen|lg|mfg|cordialement|bien à vous|merci|saludos|un saludo|atentamente|cordiali saluti|distinti saluti|met vriendelijke groet(en)?|groeten|hälsningar|mvh)[\s,.!]*$/i;
const AGENT_ONLY = /^\s*\{\{\s*agent\.(signature|name|first_name)\s*\}\}\s*$/;

export interface Framed {
  /** The greeting line, when the body starts with one. */
  greeting?: string;
  /** The closing paragraph, when the body ends with one. */
  signOff?: string;
  /** The body with newlines normalised; `middle` is body.slice(middleStart, middleEnd). */
  body: string;
  middleStart: number;
  middleEnd: number;
}

/** Finds a greeting line at the top and a sign-off paragraph at the end, when the body has them. */
export function frame(source: string): Framed {
  const body = source.replace(/\r\n?/g, '\n').trim();
  const out: Framed = { body, middleStart: 0, middleEnd: body.length };
  const firstLine = /^[^\n]*/.exec(body)![0];
  const afterFirst = body.slice(firstLine.length);
  if (afterFirst.trim() && GREETING.test(firstLine.trim()) && firstLine.length <= 80 && (/^\n[ \t]*\n/.test(afterFirst) || /[,!:]\s*$/.test(firstLine))) {
    out.greeting = firstLine;
    out.middleStart = firstLine.length + (/^\s*/.exec(afterFirst)?.[0].length ?? 0);
  }
  const breaks = [...body.matchAll(/\n[ \t]*\n+/g)];
  const lastBreak = breaks[breaks.length - 1];
  if (lastBreak) {
    const start = lastBreak.index + lastBreak[0].length;
    const lines = body.slice(start).split('\n');
    if (start > out.middleStart && lines.length <= 5 && (SIGN_OFF.test(lines[0]!.trim()) || lines.every((l) => AGENT_ONLY.test(l)))) {
      out.signOff = body.slice(start);
      out.middleEnd = lastBreak.index;
    }
  }
  return out;
}

/** The body without its greeting and/or sign-off (unchanged when it has neither). */
export function leaveOut(body: string, which: { greeting: boolean; signOff: boolean }): string {
  const f = frame(body);
  const start = which.greeting && f.greeting ? f.middleStart : 0;
  const end = which.signOff && f.signOff ? f.middleEnd : f.body.length;
  return start === 0 && end === f.body.length ? body : f.body.slice(start, end).trim();
}

/** What the helpdesk adds that this entry also has: the panel offers to leave the entry's out. */
export function doubled(helpdesk: string, body: string): { product: string; greeting: boolean; signOff: boolean } | undefined {
  const adds = Object.hasOwn(HELPDESK_ADDS, helpdesk) ? HELPDESK_ADDS[helpdesk] : undefined;
  if (!adds) return undefined;
  const f = frame(body);
  const greeting = adds.greeting && Boolean(f.greeting);
  const signOff = adds.signOff && Boolean(f.signOff);
  return greeting || signOff ? { product: adds.product, greeting, signOff } : undefined;
}
