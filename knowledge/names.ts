/**
 * A person's name as a helpdesk shows it, split for greetings: "Dr. Wolfgang Richter" is greeted
 * as Wolfgang, "Herr Müller" has no first name we know (the entry's fallback is used instead).
 */

// Titles and forms of address that come before a name in the languages our customers write in.
const HONORIFICS = new Set(
  [
    'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'rev', 'fr',
    'herr', 'frau', 'dipl', 'dipl.-ing', 'ing', 'mag', 'dott', 'dott.ssa', 'sig', 'sig.ra', 'sig.na',
    'm', 'mme', 'mlle', 'me', 'sr', 'sra', 'srta', 'dña', 'doña', 'dhr', 'mevr', 'hr', 'fru',
    'pani', 'ph.d', 'phd',
  ].map((t) => t.normalize('NFC')),
);
// After the name: "Jr.", "PhD", "MBA" are not last names.
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'ph.d', 'md', 'mba', 'esq']);

const key = (part: string) => part.toLowerCase().normalize('NFC').replace(/[.,]+$/, '');
const isInitial = (part: string) => /^\p{L}\.?$/u.test(part);

export interface SplitName {
  /** The name as given, one line ("" for an email address or nothing). */
  full: string;
  first?: string;
  last?: string;
}

export function splitName(name: string): SplitName {
  const full = name.replace(/\s+/g, ' ').trim();
  if (!full || full.includes('@')) return { full: '' };
  // "Richter, Wolfgang" is written last name first.
  const comma = /^([^,]+),\s*([^,]+)$/.exec(full);
  let parts = (comma ? `${comma[2]} ${comma[1]}` : full).split(' ');
  let titled = false;
  while (parts.length && (HONORIFICS.has(key(parts[0]!)) || (parts.length > 1 && isInitial(parts[0]!) && /\.$/.test(parts[0]!)))) {
    titled ||= HONORIFICS.has(key(parts[0]!));
    parts = parts.slice(1);
  }
  while (parts.length > 1 && SUFFIXES.has(key(parts[parts.length - 1]!))) parts = parts.slice(0, -1);
  parts = parts.map((p) => p.replace(/,$/, '')).filter(Boolean);
  if (!parts.length) return { full };
  // One name after a title is the family name: "Herr Müller" is not greeted as "Hi Müller".
  if (parts.length === 1) return titled ? { full, last: parts[0]! } : { full, first: parts[0]! };
  return { full, first: parts[0]!, last: parts[parts.length - 1]! };
}
