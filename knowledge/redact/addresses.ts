import { labelledAsIdentifier } from './labels.ts';

/**
 * Postal addresses: streets with a house number, postcodes with their city, PO boxes, in the
 * formats of the countries a European helpdesk meets (US, UK, IE, DE, AT, CH, FR, BE, NL, ES, IT,
 * PT, PL, SE, DK, NO, CA, AU, IN, BR, JP). Parts found next to each other (street, flat, postcode
 * and city) become one address. A part that is too weak alone (a year-like "2000 Sydney", a PIN
 * code) only counts next to a strong one.
 */
export function findAddresses(text: string): [number, number][] {
  const parts: Part[] = [];
  for (const { re, strong, group, unit, filler } of PARTS) {
    for (const m of text.matchAll(re)) {
      let start = m.index;
      let end = m.index + m[0].length;
      if (group) {
        const g = m.indices?.[1];
        if (!g) continue;
        [start, end] = g;
      }
      [start, end] = trimCity(text, start, end);
      if (end <= start || labelledAsIdentifier(text, start)) continue;
      parts.push({ start, end, strong: typeof strong === 'function' ? strong(text.slice(start, end), text.slice(Math.max(0, start - 30), start)) : strong, places: unit || filler ? 0 : 1, units: unit ? 1 : 0 });
    }
  }
  return merge(text, parts);
}

interface Part {
  start: number;
  end: number;
  strong: boolean;
  /** How many separate parts naming a place, and a flat or unit, this is made of. */
  places: number;
  units: number;
}

/** Each alternative of a lowercase list, with its first letter in either case ("[Ss]treet"). */
function anyCap(words: string): string {
  return words
    .split('|')
    .map((w) => (/^\p{Ll}/u.test(w) ? `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}` : w))
    .join('|');
}

/** A capitalised word; a full stop only in the usual abbreviations (St. Albans), never the sentence's. */
const CAP = String.raw`(?:(?:St|Ste|Mt|Ft|Sta|Sto|Co)\.|\p{Lu}[\p{L}\p{M}'’-]*)`;
const CITY_LINK = String.raw`(?:am|an|im|in|ob|bei|der|de|del|la|le|les|sur|sous|en|upon|on|di|do|da|dos|das|aan|den|op|ter|sankt|st\.|saint|san|santa)`;
/** A city: capitalised words from a word's start (not from inside a long token, which would cost quadratic time). */
const CITY = String.raw`(?<![\p{L}\p{M}'’-])${CAP}(?:[ \u00a0-](?:${CITY_LINK}[ \u00a0-])*${CAP}){0,3}`;
/** After a postcode and city: the end of the address (punctuation, a new line, the end). */
const CITY_END = String.raw`(?:\s?\([A-Z]{2}\))?(?:\s+(?:CEDEX|Cedex)(?:\s\d{1,2})?)?(?=\s*(?:$|[\n,;.)!?/|]|[-–—]\s))`;
const HOUSE_NUMBER = String.raw`\d{1,5}(?:[ \u00a0]?[A-Za-z](?![\p{L}\p{N}]))?(?:[ \u00a0]?[-/][ \u00a0]?\d{1,4}(?:[A-Za-z](?![\p{L}]))?){0,3}(?![\p{L}\p{N}])`;

const EN_TYPES = anyCap('street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|close|crescent|cres|square|sq|highway|hwy|parkway|pkwy|circle|cir|trail|row|grove|gardens|mews|hill|walk|parade|green|marg|nagar|path|alley|quay|wharf|park|gate|cross|colony|loop|pde|tce|cct|esp|bvd|cl|pike|plaza|heights|ridge|landing|crossing|commons|esplanade|embankment|promenade|mall|estate');
const EN_STREET = String.raw`(?<![\p{L}\p{N}.,/-])\d{1,5}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?[ \u00a0]+(?:(?:${CAP}|\d+(?:st|nd|rd|th))[ \u00a0]+){1,4}(?:${EN_TYPES})\.?(?![\p{L}])(?:[ \u00a0]+(?:NW|NE|SW|SE|N|S|E|W|North|South|East|West)\b)?|(?<![\p{L}\p{N}])\d{1,5}[ \u00a0]+Broadway\b`;

const ROMANCE_TYPES = String.raw`${anyCap('rue|avenue|av\\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours|passage|faubourg|calle|c\\/|avenida|avda\\.|avda|plaza|pza\\.|paseo|carrer|camino|ronda|travesía|viale|piazza|piazzale|corso|largo|vicolo|strada|rua|travessa|praça|alameda|estrada|ul\\.|ulica|al\\.|aleja|aleje|os\\.|pl\\.|rruga|straße|avinguda|passeig')}|Via|VIA`;
const STREET_WORD = String.raw`(?:\p{Lu}\.|${CAP}|(?:de|du|des|la|le|les|l'|d'|aux|à|del|de la|dels|della|delle|dei|degli|di|da|do|dos|das|y|e|i|sur|en|the|of)|\d{1,2}(?:er|e|st|nd|rd|th|º|ª)?(?=\s\p{Lu}))`;
const STREET_NAME = String.raw`${STREET_WORD}(?:[ \u00a0'’]${STREET_WORD}){0,5}`;
/** "12 rue de la Paix", "12bis avenue Foch". */
const NUMBER_THEN_TYPE = String.raw`(?<![\p{L}\p{N}.,/-])\d{1,4}(?:\s?(?:bis|ter|[A-Z]))?,?[ \u00a0]+(?:${ROMANCE_TYPES})[ \u00a0]+${STREET_NAME}`;
/** "Calle Mayor 5", "C/ Mayor, 5, 2º B", "Via Roma 12", "Rua Augusta, 100", "ul. Marszałkowska 10/12". */
const TYPE_THEN_NUMBER = String.raw`(?<![\p{L}])(?:${ROMANCE_TYPES})[ \u00a0]*${STREET_NAME},?[ \u00a0]*(?:n\.?º|nº|no\.?|nr\.?|n\.|núm\.|num\.|número|n°)?[ \u00a0]*${HOUSE_NUMBER}(?:,?[ \u00a0]*\d{1,2}[ \u00a0]?[º°ª](?:[ \u00a0]?(?:[A-Z]|izq(?:da)?\.?|dcha\.?|dto\.?|esq\.?|dir\.?))?)*`;

const GERMANIC_SUFFIX = '-Straße|-Strasse|-Str\\.|-Weg|-Gasse|-Platz|-Allee|-Ring|-Damm|straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|pfad|graben|gracht|straat|laan|plein|kade|singel|dijk|markt|hof|berg|gatan|vägen|gränd|gata|väg|gade|vej|veien|veg|gaten|stræde|torv|plads|tie|katu';
/** "Lindenstraße 12", "Berliner Str. 5a", "Keizersgracht 123-II", "Drottninggatan 12", "Østergade 5, 2. th.". */
const GERMANIC_STREET = String.raw`(?<![\p{L}\p{M}-])(?:\p{Lu}[\p{L}\p{M}]*(?:er|e)[ \u00a0-])?\p{Lu}[\p{L}\p{M}-]*(?:${GERMANIC_SUFFIX})[ \u00a0]*${HOUSE_NUMBER}(?:-?I{1,3}\b)?(?:,?[ \u00a0]*\d{1,2}\.?[ \u00a0]?(?:th|tv|mf|sal|OG|Stock|Etage)\b\.?)?`;
const GERMANIC_SPLIT = String.raw`(?<![\p{L}\p{M}'’-])(?:${CAP}[ \u00a0]+){1,2}(?:${anyCap('straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|gate|gata|vej|laan|straat|plein')})[ \u00a0]*${HOUSE_NUMBER}`;
const GERMANIC_PREPOSITION = String.raw`(?<![\p{L}])(?:Am|An der|An den|Auf dem|Auf der|Im|In der|In den|Unter den|Zum|Zur|Hinter der|Bei der|Laan van|Van)[ \u00a0]+${CAP}(?:[ \u00a0]+${CAP})?[ \u00a0]+${HOUSE_NUMBER}`;

const UNIT = String.raw`(?<![\p{L}])(?:${anyCap('app|conj|ático|atico|bajo|piso|planta|puerta|pta|scala|int|interno|sector|block|phase|level|apt|apartment|flat|suite|unit|ste|wohnung|whg|appartement|appt|apto|piso|etage|stock|stiege|top|bâtiment|bât|escalier|esc|room|floor|floor no|house no|h\\.no|plot|door')}|H\.No)\.?[ \u00a0]*(?:#|[Nn]o\.?|[Nn]r\.?)?[ \u00a0]*(?:\d{1,4}[A-Za-z]?(?:[-/]\d{1,4}){0,3}|[A-Z])(?![\p{L}\p{N}])|#\d{1,4}[A-Za-z]?(?![\p{L}\p{N}])`;
const PO_BOX = String.raw`(?<![\p{L}])(?:P\.?[ \u00a0]?O\.?[ \u00a0]?Box|Post Office Box|${anyCap('postfach|boîte postale|apartado de correos|apartado|apdo\\.|casella postale|postbus|caixa postal|skrytka pocztowa|postboks|postbox')}|B\.?P\.|BP|私書箱)[ \u00a0]*(?:No\.?|Nr\.?|n°)?[ \u00a0]*\d(?:[\d \u00a0]{0,8}\d)?(?![\p{N}])`;

const POSTCODE_CITY = String.raw`(?<![\p{L}\p{N}.,/:#-])(?:(?:D|A|CH|F|B|I|E|L|NL|DK|S|N|FL|P|PL|CZ|FIN|SE|DE|AT|FR|BE|LU|ES|IT|PT)-)?\d{4,5}[ \u00a0]+${CITY}${CITY_END}`;
const PL_PT_BR = String.raw`(?<![\p{L}\p{N}.,/-])(?:\d{2}-\d{3}|\d{4}-\d{3}|\d{5}-\d{3})[ \u00a0]+${CITY}${CITY_END}`;
const NORDIC_GREEK = String.raw`(?<![\p{L}\p{N}.,/-])(?:(?:S|SE|CZ|SK|GR)-)?\d{3}[ \u00a0]\d{2}[ \u00a0]+${CITY}${CITY_END}`;
/** Brazil: "São Paulo - SP, 01426-001". */
const BR_CITY_STATE_CEP = String.raw`${CITY}[ \u00a0]*[-–/][ \u00a0]*[A-Z]{2},?[ \u00a0]+(?:CEP:?[ \u00a0]*)?\d{5}-?\d{3}(?![\p{N}])`;
const NL_POSTCODE = String.raw`(?<![\p{L}\p{N}.,/-])\d{4}[ \u00a0]?[A-Z]{2}(?:[ \u00a0]+${CITY})?(?![\p{L}\p{N}])`;
const UK_POSTCODE = String.raw`(?:${CITY},?[ \u00a0]+)?(?<![\p{L}\p{N}])(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[ \u00a0]?\d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}])`;
const EIRCODE = String.raw`(?:${CITY},?[ \u00a0]+)?(?<![\p{L}\p{N}])(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ \u00a0]?[AC-FHKNPRTV-Y\d]{4}(?![\p{L}\p{N}])`;
const CA_PROVINCES = 'AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT';
const CA_POSTCODE = String.raw`(?:${CITY},?[ \u00a0]+)?(?:(?:${CA_PROVINCES}),?[ \u00a0]+)?(?<![\p{L}\p{N}])[ABCEGHJ-NPRSTVXY]\d[A-Z][ \u00a0]?\d[A-Z]\d(?![\p{L}\p{N}])`;
const US_STATES = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR';
const US_CITY_STATE_ZIP = String.raw`${CITY},?[ \u00a0]+(?:${US_STATES}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)[ \u00a0]+\d{5}(?:-\d{4})?(?![\p{N}])`;
const AU_CITY_STATE = String.raw`${CITY},?[ \u00a0]+(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[ \u00a0]+\d{4}(?![\p{N}])`;
const IN_PIN = String.raw`${CITY}[ \u00a0]*[-–,]?[ \u00a0]*[1-8]\d{2}[ \u00a0]?\d{3}(?![\p{N}])`;
const JP_POSTCODE = String.raw`〒[ \u00a0]?\d{3}-?\d{4}`;
/** "Tokyo 100-0001": weak alone ("SKU 100-2003"). */
const JP_ROMAN_POSTCODE = String.raw`(?:${CITY},?[ \u00a0]+)\d{3}-\d{4}(?![\p{N}-])`;
/** "5 Chome-2-1 Ginza", "2-chome 3-1": a Japanese block address written in Latin letters. */
const JP_CHOME = String.raw`(?<![\p{L}\p{N}])(?:\d{1,2}[ \u00a0-])?[Cc]h[oō]me(?:[ \u00a0-]\d{1,3}){1,2}(?:[ \u00a0,]+${CITY})?`;
/** "1-2-3 Shibuya": a Japanese block number and district, weak alone. */
const JP_BLOCK = String.raw`(?<![\p{L}\p{N}.-])\d{1,2}-\d{1,2}-\d{1,3}[ \u00a0]+${CITY}`;
const JP_ADDRESS = String.raw`(?:東京都|北海道|大阪府|京都府|\p{Script=Han}{2,3}県)[\p{Script=Han}\p{Script=Katakana}ヶケー0-9０-９\-－−‐の]+`;
/** "Postcode: 10115", "PLZ 80331 München", "CEP 01310-100", "PIN 560001": a labelled postcode. */
const LABELLED_POSTCODE = String.raw`(?<![\p{L}])(?:${anyCap('postcode|post code|postal code|zip code|zip|zipcode|plz|postleitzahl|code postal|cp|código postal|cap|c\\.a\\.p\\.|postnummer|postnr\\.?|kod pocztowy|cep|pin code|pin|eircode')}|ZIP|PLZ|CEP|CAP|PIN code|PIN Code|PIN)[ \u00a0]*:?[ \u00a0]*(?:(?:is|est|es|é|ist|è|er|är|jest)[ \u00a0]+)?((?:\d{3,5}(?:[ \u00a0-]?\d{3,4})?|[A-Z]{1,2}\d[A-Z\d]?[ \u00a0]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \u00a0]?\d[A-Z]\d|\d{4}[ \u00a0]?[A-Z]{2}|[A-Z]\d{2}[ \u00a0]?[A-Z\d]{4})(?![\p{L}\p{N}])(?:[ \u00a0,]+${CITY}${CITY_END})?)`;

/** "Series 5000 Airfryer": a number right after a capitalised word is a model, unless the word labels a postcode. */
function productBefore(before: string): boolean {
  const word = /(\p{Lu}[\p{L}\p{M}]*)[ \u00a0]$/u.exec(before)?.[1];
  return word !== undefined && !BEFORE_POSTCODE.has(word.toLowerCase());
}

/** Capitalised words that may stand right before a postcode. */
const BEFORE_POSTCODE = new Set('postcode zip plz cep pin cap cp code postal address adresse anschrift dirección indirizzo endereço adres adress morada to an à a in en bei'.split(' '));

const FLOOR = String.raw`(?<![\p{L}\p{N}])(?:\d{1,2}\.?[ \u00a0]?[º°ª]\.?(?:[ \u00a0]?(?:[Ee]sq|[Dd]to|[Dd]ir|[Ii]zda|[Ii]zq|[Dd]cha|[Dd]rcha|[A-Z])\.?)?|m\.[ \u00a0]?\d{1,4}|\d{1,2}[ \u00a0]?tr\.?|\d{1,2}\.[ \u00a0]?(?:th|tv|mf|sal)\.?|[A-Z]-\d{1,4}|\d{1,3}(?:st|nd|rd|th)[ \u00a0]+[Ff]loor|st\.?[ \u00a0]?(?:tv|th|mf)\.?|(?:bus|boîte|bte)[ \u00a0]\d{1,4}|\d{1,2}\.[ \u00a0]?(?:OG|Stock|Etage)[ \u00a0]+(?:links|rechts|Mitte|li|re)|(?:Hinterhaus|Vorderhaus|Seitenflügel|Gartenhaus)|c\/o[ \u00a0]+\p{Lu}[\p{L}-]*(?:[ \u00a0]\p{Lu}[\p{L}-]*)?|\d{1,2}\.[ \u00a0]?(?:OG|Stock|Etage|étage)|\d{1,2}(?:e|er|ème)[ \u00a0]+étage)(?![\p{L}\p{N}])`;

/** "1 Infinite Loop": a number and capitalised words, an address only next to a city and postcode. */
const NUMBER_AND_NAME = String.raw`(?<![\p{L}\p{N}.,/-])\d{1,5}[A-Za-z]?[ \u00a0]+${CITY}`;

/** "12345 Users": a number of things, not a postcode and city. */
function countedNoun(s: string): boolean {
  const word = /^\S+[ \u00a0]+(\p{L}+)/u.exec(s)?.[1]?.toLowerCase();
  return word !== undefined && (NOT_CITY.has(word) || COUNTED.has(word));
}

const COUNTED = new Set(
  'users customers clients people persons orders products units points members employees staff tickets emails messages calls days hours minutes years months weeks times pieces items parcels packages boxes downloads views visits kunden nutzer benutzer mitarbeiter punkte stück bestellungen tage stunden jahre clients utilisateurs personnes commandes jours heures clientes usuarios personas pedidos días horas klanten gebruikers dagen'.split(' '),
);

/** A 4-digit "postcode" that reads as a year (2026 London) counts only next to a street. */
const yearLike = (s: string) => /^(?:19|20)\d{2}\s/.test(s);

/** `unit`: a flat, unit or box; `filler`: counts only inside an address that has a strong part. */
const PARTS: { re: RegExp; strong: boolean | ((s: string, before: string) => boolean); group?: boolean; unit?: boolean; filler?: boolean }[] = [
  { re: new RegExp(EN_STREET, 'gu'), strong: true },
  { re: new RegExp(NUMBER_THEN_TYPE, 'gu'), strong: true },
  { re: new RegExp(TYPE_THEN_NUMBER, 'gu'), strong: true },
  { re: new RegExp(GERMANIC_STREET, 'gu'), strong: true },
  { re: new RegExp(GERMANIC_SPLIT, 'gu'), strong: true },
  // Weak: "Im Jahr 2020" reads like "Am Markt 3"; with a postcode and city it is an address.
  { re: new RegExp(GERMANIC_PREPOSITION, 'gu'), strong: false },
  { re: new RegExp(PO_BOX, 'gu'), strong: true },
  { re: new RegExp(POSTCODE_CITY, 'gu'), strong: (s, before) => !yearLike(s) && !productBefore(before) && !countedNoun(s) },
  // After "nach", "to", "à" ... a postcode and city need no end of phrase: "nach 10115 Berlin Mitte war".
  { re: new RegExp(String.raw`(?<![\p{L}])(?:nach|in|à|naar|till|para|vers|aus)[ \u00a0]+(${POSTCODE_CITY.replace(CITY_END, '')})`, 'gdu'), strong: (s, before) => !yearLike(s) && !productBefore(before) && !countedNoun(s), group: true },
  // The same without an end of phrase after the city ("10115 Berlin or ..."): only next to a street.
  { re: new RegExp(POSTCODE_CITY.replace(CITY_END, ''), 'gu'), strong: false },
  { re: new RegExp(PL_PT_BR, 'gu'), strong: true },
  { re: new RegExp(NORDIC_GREEK, 'gu'), strong: true },
  { re: new RegExp(BR_CITY_STATE_CEP, 'gu'), strong: true },
  { re: new RegExp(NL_POSTCODE, 'gu'), strong: (s) => /\s\p{Lu}/u.test(s.slice(6)) },
  // Written without its space ("SW1A1AA") a postcode looks like any code: strong only after a city.
  { re: new RegExp(UK_POSTCODE, 'gu'), strong: (s) => /\d[ \u00a0]\d[A-Z]{2}$|[A-Z][ \u00a0]\d[A-Z]{2}$/.test(s) || /\p{Ll}/u.test(s) },
  { re: new RegExp(EIRCODE, 'gu'), strong: (s) => /\d[ \u00a0]?[A-Z\d]{4}$/.test(s) && /[A-Z].*\d|\d.*[A-Z]/.test(s.slice(-4)) },
  { re: new RegExp(CA_POSTCODE, 'gu'), strong: (s) => /[A-Z]\d[A-Z][ \u00a0]\d[A-Z]\d$/.test(s) || /\p{Ll}/u.test(s) },
  { re: new RegExp(US_CITY_STATE_ZIP, 'gu'), strong: (s) => new RegExp(`(?:^|\\s)(?:${US_STATES})\\s+\\d{5}`).test(s) },
  { re: new RegExp(AU_CITY_STATE, 'gu'), strong: true },
  { re: new RegExp(IN_PIN, 'gu'), strong: false },
  { re: new RegExp(JP_POSTCODE, 'gu'), strong: true },
  { re: new RegExp(JP_ADDRESS, 'gu'), strong: true },
  { re: new RegExp(JP_ROMAN_POSTCODE, 'gu'), strong: false },
  { re: new RegExp(JP_CHOME, 'gu'), strong: true },
  { re: new RegExp(JP_BLOCK, 'gu'), strong: false },
  // "Wellington 6140", "Oslo 0153": a city and then its postcode, next to a street or PO box.
  { re: new RegExp(String.raw`${CITY},?[ \u00a0]+\d{4,5}(?![\p{N}-])`, 'gu'), strong: false },
  { re: new RegExp(LABELLED_POSTCODE, 'gdu'), strong: true, group: true },
  { re: new RegExp(UNIT, 'gu'), strong: false, unit: true },
  { re: new RegExp(NUMBER_AND_NAME, 'gu'), strong: false, filler: true },
  // Floors and doors between street and postcode: "4.º Esq.", "2.º izda.", "m. 5", "2 tr", "3. tv", "B-12".
  { re: new RegExp(FLOOR, 'gu'), strong: false, filler: true },
  // Indian cross and main roads: "4th Cross", "12th Main".
  { re: /(?<![\p{L}\p{N}])\d{1,3}(?:st|nd|rd|th)[ \u00a0]+(?:Cross|Main|Block|Stage|Phase)(?:[ \u00a0]+Road)?(?![\p{L}])/gu, strong: false },
  // Swedish and Finnish post boxes: "Box 7, 123 45 Stockholm".
  { re: /(?<![\p{L}])Box[ \u00a0]+\d{1,5}(?![\p{N}])/gu, strong: false, unit: true },
];

/** Capitalised words that start a match without belonging to the city ("Ship to London SW1A 1AA"). */
const NOT_CITY = new Set(
  'postcode post postal code zip plz cep pin cap address adresse dirección indirizzo endereço adres adress ship send deliver delivery to please bitte the my our your i we in at and from for order invoice ticket version update edition model series pro plus max mini ultra lite euro euros eur dollar dollars usd uhr stück times mal items pieces total error status hi hello dear thanks mr mrs ms dr herr frau street road city town tel phone'.split(' '),
);

function trimCity(text: string, start: number, end: number): [number, number] {
  for (;;) {
    const word = /^(\p{L}+)[ \u00a0,:]+/u.exec(text.slice(start, end));
    if (!word || !NOT_CITY.has(word[1]!.toLowerCase())) break;
    start += word[0].length;
  }
  return [start, end];
}

/** Between two parts of one address: a comma or line break, maybe a city or district ("Dublin 2") between them. */
const GAP = new RegExp(String.raw`^[\s,;()–-]{0,5}(?:(?:in|en|à|te|i)[ \u00a0]+)?(?:(?:Col\.|Colonia|Bairro|Barrio|Quartier|Ortsteil)[ \u00a0]*)?(?:\(?${CITY}\)?(?:[ \u00a0]\d{1,2})?[\s,;()–-]{1,5}){0,3}$`, 'u');

/** Parts next to each other (", ", a new line) are one address; a weak part alone is dropped. */
function merge(text: string, parts: Part[]): [number, number][] {
  parts.sort((a, b) => a.start - b.start || b.end - a.end);
  const groups: Part[] = [];
  for (const p of parts) {
    const last = groups[groups.length - 1];
    if (last && (p.start < last.end || GAP.test(text.slice(last.end, p.start)))) {
      // The same stretch found by two patterns is one part.
      if (p.start >= last.end) {
        last.places += p.places;
        last.units += p.units;
      }
      last.end = Math.max(last.end, p.end);
      last.strong ||= p.strong;
    } else groups.push({ ...p });
  }
  // Weak parts together are an address too: two places, or a flat and a place ("H.No. 12-3-456, Banjara Hills, Hyderabad 500034").
  return groups.filter((g) => g.strong || g.places >= 2 || (g.units >= 1 && g.places >= 1)).map((g) => [g.start, withoutFullStop(text, g.start, extendToCity(text, g.start, g.end))]);
}

const ABBREVIATIONS = /(?:^|[\s,])(?:st|rd|str|ave|av|dr|blvd|ln|ct|pl|sq|hwy|pkwy|cres|cir|bd|avda|pza|apdo|ul|al|os|whg|apt|no|nr)\.$/i;

/** "... 10115 Berlin." ends the sentence, "Baker St." ends the street: keep the full stop of an abbreviation only. */
function withoutFullStop(text: string, start: number, end: number): number {
  return text[end - 1] === '.' && !ABBREVIATIONS.test(text.slice(start, end)) ? end - 1 : end;
}

/** Country names written after an address (", Germany"): part of it. */
const COUNTRIES = new Set(
  'germany,deutschland,austria,österreich,switzerland,schweiz,suisse,svizzera,france,belgium,belgique,belgië,netherlands,the netherlands,nederland,spain,españa,italy,italia,portugal,poland,polska,sweden,sverige,denmark,danmark,norway,norge,finland,suomi,ireland,éire,uk,united kingdom,england,scotland,wales,usa,us,united states,canada,australia,new zealand,india,brazil,brasil,mexico,méxico,japan,luxembourg,czechia,czech republic,greece,uae,united arab emirates'.split(','),
);

/**
 * A street followed by a city alone ("Lindenstraße 12, Berlin") takes the city; any address takes a
 * country name right after it ("75008 Paris, France").
 */
function extendToCity(text: string, start: number, end: number): number {
  // A PO box number is no postcode: "PO Box 12345, Dubai, UAE" takes the city and the country.
  const hasPostcode = /\d{4}|[A-Z]\d[A-Z\d]?\s?\d[A-Z]{2}/.test(text.slice(start, end).replace(new RegExp(PO_BOX, 'u'), ''));
  // Up to two more: "4 Privet Drive, Little Whinging, Surrey", "PO Box 12345, Dubai, UAE".
  for (let i = 0; i < 2; i++) {
    const m = new RegExp(String.raw`^(,|[ \u00a0]*\n)[ \u00a0]*(${CITY})(?=\s*(?:$|[\n;.)!?,]|\p{Ll}))`, 'u').exec(text.slice(end));
    if (!m) break;
    const word = m[2]!.toLowerCase();
    // On its own line only a country belongs to the address (the next line may be anything).
    if (m[1] !== ',' && !COUNTRIES.has(word)) break;
    // A state or province code (", CDMX", ", NSW") belongs to the address; a country's name too.
    const stateCode = m[1] === ',' && /^[A-Z]{2,5}$/.test(m[2]!);
    if (!COUNTRIES.has(word) && !stateCode && (hasPostcode || NOT_CITY.has(word.split(/\s/)[0]!))) break;
    end += m[0].length;
  }
  return end;
}
