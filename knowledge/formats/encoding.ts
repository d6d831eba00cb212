/**
 * Bytes -> text. UTF-8 is the standard; spreadsheets on Windows still save Windows-1252
 * ("ANSI") or UTF-16 ("Unicode text"), so those are detected and read with a warning,
 * and anything that is not text is refused with a message saying what to do.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding; warning?: string }
  | { ok: false; message: string };

const SAVE_AS_UTF8 = 'save it again as "CSV UTF-8" (or UTF-8 text) and import that file';

export function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return utf8(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return utf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return utf16(bytes.subarray(2), 'utf-16be');
  const guess = utf16ByNulPattern(bytes);
  if (guess) return utf16(bytes, guess);
  if (bytes.includes(0)) {
    return { ok: false, message: `is not a text file (it contains binary data); ${SAVE_AS_UTF8}` };
  }
  const asUtf8 = utf8(bytes);
  if (asUtf8.ok) return asUtf8;
  return windows1252(bytes);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function utf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { ok: false, message: `is not valid UTF-8; ${SAVE_AS_UTF8}` };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  if (bytes.length % 2 !== 0) {
    return { ok: false, message: `looks like UTF-16 text but is cut off (odd number of bytes); ${SAVE_AS_UTF8}` };
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    if (hasControlCharacters(text)) {
      return { ok: false, message: `looks like UTF-16 text but contains binary data; ${SAVE_AS_UTF8}` };
    }
    return { ok: true, text, encoding, warning: `is saved as ${encoding.toUpperCase()}; it was read, but UTF-8 is preferred` };
  } catch {
    return { ok: false, message: `looks like UTF-16 text but is damaged; ${SAVE_AS_UTF8}` };
  }
}

/** ASCII text saved as UTF-16 without a byte-order mark has a zero in every other byte. */
function utf16ByNulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // Mostly-ASCII text has zeros on one side only; a few on the other come from emoji surrogates.
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.05) return 'utf-16le';
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.05) return 'utf-16be';
  return undefined;
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F. Node 20's TextDecoder('windows-1252')
// decodes as Latin-1 (nodejs/node#56542), so the table is here; undefined bytes stay C1 controls.
const CP1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decode1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009F]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

function windows1252(bytes: Uint8Array): Decoded {
  const text = decode1252(bytes);
  // Bytes Windows-1252 leaves undefined decode to C1 controls: then it was not 1252 either.
  if (hasControlCharacters(text)) {
    return { ok: false, message: `is neither UTF-8 nor Windows-1252 text; ${SAVE_AS_UTF8}` };
  }
  return {
    ok: true,
    text,
    encoding: 'windows-1252',
    warning: 'is not UTF-8; it was read as Windows-1252 (Western European): check accented letters, or save it as "CSV UTF-8"',
  };
}

function hasControlCharacters(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/.test(text);
}
