import { OTHER_LETTER } from './labels.ts';

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

/** The requester's name(s) wherever they appear: full name and each part alone, any case, accents or not. */
export function findGivenNames(text: string, names: readonly string[]): [number, number][] {
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

// ---- names found by their context: greetings, sign-offs, honorifics, "my neighbour ..." ----

/** A capitalised name word (Anna, O'Neill, Jean-Luc, J.), or a particle inside a name (van, de, von). */
const WORD = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{Ll}\p{M}]*(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:['’-]\p{Lu}?[\p{Ll}\p{M}]+)*)`;
const PARTICLE = String.raw`(?:van|von|der|den|de|du|da|do|di|del|della|dos|das|le|la|ten|ter|zu|y|bin|al|el)`;
const NAME = String.raw`${WORD}(?:[ \u00a0](?:${PARTICLE}[ \u00a0])*${WORD}){0,3}`;

const GREETING = longestFirst(String.raw`g'day|g’day|howdy|hiya|grüß gott|grüss gott|здравствуйте|привет|добрый день|уважаемый|уважаемая|αγαπητέ|αγαπητή|γεια σας|sayın|vážený pane|vážená paní|dobrý den|stimate domnule|stimată doamnă|bună ziua|kære|kjære|bästa|käre|kära|hyvä|moikka|terve|drogi|droga|ahoj|dobrý den|hoi|halo|olá caro|olá cara|estimados|queridos|hello again|hi again|greetings|hi|hello|hey|dear|good (?:morning|afternoon|evening)|hallo|hi there|liebe|lieber|guten (?:tag|morgen|abend)|sehr geehrte|sehr geehrter|moin|servus|grüezi|bonjour|bonsoir|salut|cher|chère|hola|buenos días|buenas tardes|buenas|estimado|estimada|querido|querida|ciao|salve|buongiorno|buonasera|gentile|gentilissimo|gentilissima|caro|cara|hej|hei|hallå|beste|geachte|dag|goedemiddag|goedemorgen|olá|oi|prezado|prezada|cześć|dzień dobry|szanowny|szanowna|szanowni|witam|kedves|merhaba`);
const SIGN_OFF = longestFirst(String.raw`groet|с уважением|спасибо|με εκτίμηση|ευχαριστώ|s pozdravem|cu stimă|cu drag|teşekkürler|teşekkür ederim|thanks in advance|thank you in advance|thanks a lot|thank you very much|many thanks in advance|with kind regards|with best regards|warm wishes|respectfully|mit besten grüßen|mit besten grüssen|schöne grüße|herzliche grüsse|salutations distinguées|merci d'avance|gracias de antemano|grazie in anticipo|hartelijke groet|med vennlig hilsen|ystävällisin terveisin|pozdrawiam serdecznie|com os melhores cumprimentos|melhores cumprimentos|greetings|best|best wishes|best regards|kind regards|warm regards|warmest regards|regards|many thanks|thanks|thank you|thanks again|thx|cheers|sincerely|yours sincerely|yours faithfully|yours truly|yours|all the best|take care|love|mit freundlichen grüßen|mit freundlichen grüssen|freundliche grüße|freundliche grüsse|viele grüße|viele grüsse|beste grüße|liebe grüße|herzliche grüße|grüße|grüsse|gruß|gruss|lg|vg|mfg|danke|vielen dank|cordialement|bien cordialement|bien à vous|salutations|merci|merci beaucoup|bisous|amicalement|saludos|un saludo|saludos cordiales|atentamente|gracias|muchas gracias|un abrazo|saluti|cordiali saluti|distinti saluti|grazie|grazie mille|un saluto|groeten|met vriendelijke groet|met vriendelijke groeten|vriendelijke groet|vriendelijke groeten|hartelijke groeten|groetjes|bedankt|hälsningar|med vänlig hälsning|vänliga hälsningar|mvh|tack|venlig hilsen|hilsen|med venlig hilsen|pozdrawiam|z poważaniem|dziękuję|atenciosamente|cumprimentos|abraços|obrigado|obrigada|üdvözlettel|saygılarımla`);
const HONORIFIC = String.raw`(?:(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam|herr|frau|mme|mlle|monsieur|madame|mademoiselle|sr|sra|srta|señor|señora|señorita|doña|signor|signora|signorina|dott|pan|pani|dhr|mevr|mevrouw|meneer|mag|lic|dra|arq|mtro|mtra|sig\.ra|sig\.na|sig\.a|dott\.ssa|familie|family|famille|familia|famiglia|rodzina)\.?|(?:m|hr|fr|sig|sig\.ra|dott\.ssa|ing|avv|don)\.|i\.\s?a\.|i\.\s?v\.|p\.\s?p\.|pp\.)`;
/** Academic titles after Dr./Prof. (German "Dr. med.", "Prof. Dr.-Ing."), not part of the name. */
const ACADEMIC = String.raw`(?:(?:dr|prof|mag|lic|ing|dipl\.-ing|arch)\.?(?:-ing\.)?[ \u00a0]+)?(?:(?:med|dent|vet|rer\. nat|rer\. pol|phil|jur|ing|h\. ?c)\.[ \u00a0]+)*`;
const RELATION = String.raw`(?:(?:my|our|your|his|her|their|the) (?:customer|client|contact|tenant|guest|patient|contact person|sales rep|account manager)|(?:kollege|kollegin|nachbar|nachbarin|collègue|voisin|voisine|vecino|vecina|collega|buurman|buurvrouw)|(?:my|our|your|his|her|their) (?:mother-in-law|father-in-law|son-in-law|daughter-in-law|sister-in-law|brother-in-law|grandson|granddaughter|fiancée|fiancé|fiance|niece|nephew|carer|caregiver|nanny|secretary|lawyer|accountant|coworker|co-worker|housemate|spouse|stepson|stepdaughter|child|neighbou?r|husband|wife|partner|son|daughter|mother|mum|mom|father|dad|brother|sister|colleague|friend|boss|manager|landlord|landlady|flatmate|roommate|assistant|boyfriend|girlfriend|uncle|aunt|grandmother|grandfather|cousin|tenant|employee)|(?:mein|meine|unser|unsere) (?:nachbar|nachbarin|mann|frau|partner|partnerin|sohn|tochter|mutter|vater|bruder|schwester|kollege|kollegin|freund|freundin|chef|chefin|vermieter|vermieterin)|(?:mon|ma|notre) (?:voisin|voisine|mari|femme|fils|fille|mère|père|frère|sœur|collègue|ami|amie|patron|propriétaire)|(?:mi|nuestro|nuestra) (?:vecino|vecina|marido|esposo|esposa|mujer|hijo|hija|madre|padre|hermano|hermana|compañero|compañera|amigo|amiga|jefe|jefa)|(?:il mio|la mia|mio|mia) (?:vicino|vicina|marito|moglie|figlio|figlia|madre|padre|fratello|sorella|collega|amico|amica|capo)|(?:mijn|onze) (?:buurman|buurvrouw|man|vrouw|partner|zoon|dochter|moeder|vader|broer|zus|collega|vriend|vriendin|baas))`;
const INTRO = longestFirst(String.raw`gave the parcel to|gave it to|left it with|delivered to|handed it to|given to|abgegeben bei|afleveret til|levert til|lämnades till|ligt bij|bezorgd bij|consegnato a|entregado a|livré à|min nabo|naboen|grannen|mijn buurman|と申します|schrieb|cc:|bcc:|recipient:|addressee:|empfänger:|empfängerin:|destinataire :|destinataire:|destinatario:|destinatária:|destinatário:|ontvanger:|odbiorca:|mottagare:|modtager:|signed:|customer:|customer name:|kunde:|kundin:|client:|cliente:|klant:|contact:|kontakt:|ansprechpartnerin:|someone named|somebody named|a man named|a woman named|a lady named|a guy named|someone called|a man called|a woman called|a guy called|thanks to|spoke to|spoke with|talked to|talked with|according to|your agent|your colleague|agent|the courier|courier|the driver|driver|technician|ask for|asked for|my name is|my name's|this is|name:|contact person:?|attn:?|attention:?|c\/o|on behalf of|ordered for|addressed to|signed for by|signed by|received by|collected by|picked up by|handed to|given to|left with|from:|to:|mein name ist|hier ist|z\. ?hd\.?|zu händen|ansprechpartner:?|je m'appelle|mon nom est|à l'attention de|me llamo|mi nombre es|a nombre de|mi chiamo|il mio nome è|mijn naam is|hier is|t\.?a\.?v\.?|nazywam się|meu nome é|chamo-me|jag heter|mitt namn är|jeg hedder|jeg heter`);
/** Introductions that also start ordinary sentences ("I'm Interested"): the name must end the phrase. */
const WEAK_INTRO = longestFirst(String.raw`i am|i'm|im|ich bin|je suis|soy|sono|ik ben|jestem|sou`);

/** An alternation with its longest words first, so that "best regards" is tried before "best". */
function longestFirst(words: string): string {
  const alternatives: string[] = [''];
  let depth = 0;
  for (const c of words) {
    if (c === '|' && depth === 0) alternatives.push('');
    else {
      depth += c === '(' ? 1 : c === ')' ? -1 : 0;
      alternatives[alternatives.length - 1] += c;
    }
  }
  return `(?:${alternatives.sort((a, b) => b.length - a.length).join('|')})`;
}

/** Capitalised words that follow a greeting or sign-off without being a name. */
const NOT_NAMES = new Set(
  "ups dhl dpd gls usps fedex tnt hermes postnl bpost colissimo chronopost correos poste amazon ebay paypal valued hiring manager managers colleagues colleague kollegen kolleginnen kollege kollegin partners members member user users client clients guest guests shopper buyer seller owner holder friend friends neighbour neighbor señor señora signora signore signor monsieur herr frau pani portal area login account care experience journey base dhr mevrouw meneer department abteilung service-team support-team kundenservice-team mate buddy everybody everyone world i'm i've i'd i'll it's we're that's there's sorry unfortunately regarding urgent quick question hope how what why when where who which here just can could would will should is are do does did good great yes thanks thank ok okay again also so still sadly bitte entschuldigung leider danke merci désolé lo siento perdón scusi sorry, grüße grüsse gruß groeten damen herren kunde kundin ihr ihre euer team all everyone everybody there guys folks sir madam madame monsieur sirs customer customers support service services sales billing help helpdesk desk admin again again, zusammen leute alle allerseits kundenservice kundendienst equipo todos todas tutti ragazzi tous à allemaal iedereen allihopa alle wszystkim the a an i we you it this that my our your please bitte ich wir sie je nous vous yo nosotros io noi ik wij for in on at and or to from of with by so but also again and management hr it customer friends mr mrs ms dr regards thanks thank best kind morning afternoon evening day ok okay yes no hi hello dear sent from get re fw fwd subject order invoice you. me us".split(' '),
);
const MONTHS_DAYS = new Set('monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo'.split(' '));

const CONTEXTS: { re: RegExp; needsEnd: boolean }[] = [
  // "Hi Anna," "Dear Mr. Smith," "Hallo Frau Müller" — a greeting starts a line or a sentence.
  { re: new RegExp(String.raw`(?:^|[\n.!?]\s*|^\s+)${GREETING},?[ \u00a0]+(?:${HONORIFIC}[ \u00a0]+${ACADEMIC})?(${NAME})`, 'gimu'), needsEnd: true },
  // "Best regards,\nAnna Schmidt", "Thanks, Anna", "Cordialement, Jean Dupont".
  { re: new RegExp(String.raw`(?:^|[\n.!?]\s*|[ \u00a0])${SIGN_OFF}(?:[ \u00a0]*[,!.:]?[ \u00a0]*(?:\n|[-–—/|])?\s*|[ \u00a0]+)(?:${HONORIFIC}[ \u00a0]+${ACADEMIC})?(${NAME})`, 'gimu'), needsEnd: true },
  // A signature dash line: "-- Anna", "— Jean Dupont".
  { re: new RegExp(String.raw`(?:^|\n)[ \u00a0]*(?:--|—|–)[ \u00a0]*\n?[ \u00a0]*(${NAME})[ \u00a0]*$`, 'gmu'), needsEnd: true },
  // "Mr Smith", "Frau Dr. Weber", "Mme Dubois", "Sra. García": an honorific before capitalised words.
  // Not after a number: "5 ms Latency", "3 m. Höhe".
  { re: new RegExp(String.raw`(?<![\p{L}\p{N}]|\d[ \u00a0])${HONORIFIC}[ \u00a0]+${ACADEMIC}(${NAME})`, 'giu'), needsEnd: false },
  // "my neighbour Tom Baker", "meine Nachbarin Frau Koch", "mi vecino Juan Pérez".
  { re: new RegExp(String.raw`(?<![\p{L}])${RELATION},?[ \u00a0]+(?:${HONORIFIC}[ \u00a0]+${ACADEMIC})?(${NAME})`, 'giu'), needsEnd: false },
  // "my name is Anna Schmidt", "je m'appelle Jean", "c/o Maria Rossi".
  { re: new RegExp(String.raw`(?<![\p{L}])${INTRO},?[ \u00a0]+(?:${HONORIFIC}[ \u00a0]+${ACADEMIC})?(${NAME})`, 'giu'), needsEnd: false },
  { re: new RegExp(String.raw`(?<![\p{L}])${WEAK_INTRO}[ \u00a0]+(${NAME})`, 'giu'), needsEnd: true },
];

const AND_NAME = new RegExp(String.raw`^[ \u00a0]+(?:and|&|und|et|y|e|en|och|og|i)[ \u00a0]+(${NAME})`, 'u');

const NAME_BEFORE = new RegExp(
  String.raw`(?:^|[\n,:;]|(?<=\d)[ \u00a0])[ \u00a0]*(${NAME})[ \u00a0]*(?:<[^>\n]{3,80}>[ \u00a0]*|\([^)\n]{3,80}\)[ \u00a0]*)?(?:wrote|schrieb|a écrit|escribió|ha scritto|schreef|skrev|napisał|escreveu)\b|^[ \u00a0]*(${NAME})[ \u00a0]+(?:here|hier)\b`,
  'gdmu',
);

/** "... / Karin Lindqvist" or "– Doug MacKenzie, (416) ...": a name after a slash or dash that ends the message or comes before contact details. */
const DASH_SIGNATURE = new RegExp(String.raw`(?:^|[ \u00a0])[/|–—-][ \u00a0]*(${NAME})(?=[ \u00a0]*(?:$|,|\())`, 'gdu');
/** "Lucía Fernández, Calle Mayor 10", "Mette Hansen, +45 ...": a name of two words or more right before contact details. */
const NAME_THEN_CONTACT = new RegExp(String.raw`(?:^|[.!?;:]\s+|\n|,[ \u00a0]|(?<=[a-z]{2}\.)[ \u00a0])(${NAME}),[ \u00a0]*(?=\+?\(?\d|[\p{L}.]+@|\p{Lu}[\p{L}-]*(?:stra(?:ß|ss)e|str\.|weg|gasse|platz|straat|gracht|gatan|gade)\b|(?:Calle|C\/|Via|Rua|Rue|Av\.|Avenida|ul\.)\s|\d{1,5}\s\p{Lu}|\p{Lu}\p{Ll}+ \d{1,4}\b)`, 'gdu');

/** Japanese and Chinese honorifics follow the name: 田中様, 佐藤さん, 王先生, 李女士. */
const CJK_HONORIFIC = /(?<![\p{Script=Han}\p{Script=Katakana}])([\p{Script=Han}\p{Script=Katakana}ー]{2,6})(?:様|さま|さん|殿|先生|女士|小姐|老师)/gu;
/** What stands before 様 without being a name: お客様 (customer), 皆様 (everyone), 担当者様 (the person in charge). */
const CJK_NOT_NAMES = /^(?:客|皆|担当者|担当|ご担当者|御社|貴社|会社|店長|管理者|お客|各位|大家|客户|顾客)$/u;

/** Names that a greeting, sign-off, honorific or relation introduces, in any language the helpdesk meets. */
export function findContextNames(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (const { re, needsEnd } of CONTEXTS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[1]!;
      const start = m.index + m[0].length - name.length;
      const [s, e] = trimName(text, start, start + name.length);
      // A context that introduces no name ("according to your agent Sarah") may still hold one further on.
      if (e <= s) {
        re.lastIndex = m.index + 1;
        continue;
      }
      // After a greeting or sign-off a name ends the phrase: "Hi Anna," not "Hi Please send ...".
      if (needsEnd && !/^(?:[ \u00a0]*(?:$|[\n,!:;.()<|/]|[-–—]\s)|-(?:san|sama|kun|chan|sensei)\b|[ \u00a0]+(?:here|hier|ici|aquí|qui|and|und|et|y|e|en|och|og|i|from|von|de|da|van|z|ji|san|sama|sahib)\b)/iu.test(text.slice(e, e + 12))) continue;
      found.push([s, e]);
      // "Dear Priya and Arjun": a second name joined to the first.
      const more = AND_NAME.exec(text.slice(e));
      if (more) {
        const [s2, e2] = trimName(text, e + more[0].length - more[1]!.length, e + more[0].length);
        if (e2 > s2) found.push([s2, e2]);
      }
    }
  }
  found.push(...signatureLines(text));
  for (const re of [DASH_SIGNATURE, NAME_THEN_CONTACT]) {
    for (const m of text.matchAll(re)) {
      const [s0, e0] = m.indices![1]!;
      const [s, e] = trimName(text, s0, e0);
      if (e > s && (re === DASH_SIGNATURE || /\s/.test(text.slice(s, e)))) found.push([s, e]);
    }
  }
  // Names before what they did: "Anna Schmidt <anna@...> wrote:", "Anna here".
  for (const m of text.matchAll(NAME_BEFORE)) {
    const [s0, e0] = (m.indices![1] ?? m.indices![2])!;
    const [s, e] = trimName(text, s0, e0);
    if (e > s && e === e0) found.push([s, e]);
  }
  for (const m of text.matchAll(CJK_HONORIFIC)) {
    if (!CJK_NOT_NAMES.test(m[1]!)) found.push([m.index, m.index + m[1]!.length]);
  }
  return found;
}

/**
 * A signature without a sign-off: near the end of a message of several lines, a line that is only a
 * name ("Anna Schmidt", or "Anna" as the very last line), after a blank line or before a line with
 * contact details or a job title.
 */
function signatureLines(text: string): [number, number][] {
  const rows: { start: number; line: string }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    rows.push({ start: at, line });
    at += line.length + 1;
  }
  const found: [number, number][] = [];
  if (rows.length < 2) return found;
  const lastFilled = rows.map((r) => r.line.trim() !== '').lastIndexOf(true);
  for (let i = Math.max(1, lastFilled - 5); i <= lastFilled; i++) {
    const m = new RegExp(String.raw`^[ \u00a0]*(${NAME})[ \u00a0]*$`, 'u').exec(rows[i]!.line);
    if (!m) continue;
    const start = rows[i]!.start + m[0].indexOf(m[1]!);
    const [s, e] = trimName(text, start, start + m[1]!.length);
    if (e <= s || e !== start + m[1]!.length) continue;
    const words = m[1]!.split(/[ \u00a0]+/).length;
    const before = rows[i - 1]!.line.trim();
    const after = rows[i + 1]?.line.trim() ?? '';
    const afterLooksLikeSignature = /@|\+?\d[\d ()/-]{6,}|\b(?:manager|director|head|team|lead|officer|engineer|assistant|gmbh|ltd|inc|llc|s\.a\.|b\.v\.|ag|sarl|srl)\b/i.test(after);
    if ((words >= 2 && (before === '' || /[,!]$/.test(before) || afterLooksLikeSignature)) || (words === 1 && i === lastFilled && (before === '' || /[,!]$/.test(before)))) found.push([s, e]);
  }
  return found;
}

/** The line just before `start` when it is only a name: the addressee of an address block ("Jane Doe\n221B Baker Street"). */
export function nameLineBefore(text: string, start: number): [number, number] | undefined {
  if (start === 0 || text[start - 1] !== '\n') return undefined;
  const lineStart = text.lastIndexOf('\n', start - 2) + 1;
  const m = new RegExp(String.raw`^[ \u00a0]*(?:${HONORIFIC}[ \u00a0]+)?(${NAME})[ \u00a0]*$`, 'iu').exec(text.slice(lineStart, start - 1));
  if (!m) return undefined;
  const at = lineStart + m.index + m[0].lastIndexOf(m[1]!);
  const [s, e] = trimName(text, at, at + m[1]!.length);
  // Two words at least: a single word above an address is as likely a label as a name.
  return e > s && e === at + m[1]!.length && /\s/.test(text.slice(s, e)) ? [s, e] : undefined;
}

/** Keeps the name words of a match (the regexes are case-insensitive for their keywords), without a closing full stop. */
function trimName(text: string, start: number, end: number): [number, number] {
  const words = [...text.slice(start, end).matchAll(/\S+/gu)].map((m) => ({ s: start + m.index, e: start + m.index + m[0].length, w: m[0] }));
  const particle = (w: string) => new RegExp(`^${PARTICLE}$`, 'u').test(w);
  const notName = (w: string) => {
    const k = w.toLowerCase().replace(/[.,]$/, '');
    if (/^\p{Lu}\.$/u.test(w)) return false; // an initial, "A. Schmidt"
    return !/^\p{Lu}/u.test(w) || NOT_NAMES.has(k) || MONTHS_DAYS.has(k) || k.split('-').some((part) => NOT_NAMES.has(part));
  };
  // A name starts at its first word and stops at the first word that is no name ("Hi Team", "Thanks Again").
  const kept: typeof words = [];
  for (const w of words) {
    if (kept.length && particle(w.w)) kept.push(w);
    else if (notName(w.w)) break;
    else kept.push(w);
  }
  while (kept.length && particle(kept[kept.length - 1]!.w)) kept.pop();
  if (!kept.length) return [start, start];
  let e = kept[kept.length - 1]!.e;
  // "Tanaka-san": the honorific suffix is not part of the name.
  const suffix = /-(?:san|sama|kun|chan|sensei)$/.exec(text.slice(start, e));
  if (suffix) e -= suffix[0].length;
  // "Thompson's daughter": the possessive is not part of the name.
  if (/['’]s$/.test(text.slice(start, e))) e -= 2;
  // "Smith." at a sentence end: the full stop is not part of the name (but "J." is an initial).
  if (text[e - 1] === '.' && e - kept[kept.length - 1]!.s > 2) e--;
  return [kept[0]!.s, e];
}
