/**
 * Unsigned varints and base64, for the saved postings (serialise.ts, pack.ts): plain code with
 * lookup tables, the same in Node and in the extension's service worker (no Buffer there).
 */

/** A growing byte buffer of unsigned varints (7 bits a byte, low bits first). */
export class VarintWriter {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  write(value: number): void {
    if (this.length + 5 > this.buf.length) {
      const grown = new Uint8Array(this.buf.length * 2);
      grown.set(this.buf);
      this.buf = grown;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
  }

  toBase64(): string {
    return toBase64(this.buf.subarray(0, this.length));
  }

  /** The bytes written, in a buffer of their own (stored as it is: IndexedDB clones it without parsing). */
  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/**
 * Decodes `count` varints from `bytes` at byte `from` into `out` at `outFrom` (one tight loop: it
 * runs cold when an index loads). Returns the byte position after them; throws RangeError when
 * the bytes end early or a value does not fit 32 bits.
 */
export function decodeVarints(bytes: Uint8Array, from: number, out: Int32Array | Uint32Array, outFrom: number, count: number): number {
  let pos = from;
  const end = outFrom + count;
  if (end > out.length) throw new RangeError('varints: output too small');
  for (let o = outFrom; o < end; o++) {
    let b = bytes[pos++]!;
    let v = b & 0x7f;
    if (b >= 0x80) {
      b = bytes[pos++]!;
      v |= (b & 0x7f) << 7;
      if (b >= 0x80) {
        b = bytes[pos++]!;
        v |= (b & 0x7f) << 14;
        if (b >= 0x80) {
          b = bytes[pos++]!;
          v |= (b & 0x7f) << 21;
          if (b >= 0x80) {
            b = bytes[pos++]!;
            if (b > 0x07) throw new RangeError('varint too long');
            v = (v >>> 0) + b * 2 ** 28;
          }
        }
      }
    }
    out[o] = v;
  }
  // bytes past the end read as undefined (0): caught here, once
  if (pos > bytes.length) throw new RangeError('varints past the end');
  return pos;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

const ENCODE = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const ascii = new TextDecoder();

export function toBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const n = bytes.length;
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = ENCODE[v >> 18]!;
    out[o++] = ENCODE[(v >> 12) & 63]!;
    out[o++] = ENCODE[(v >> 6) & 63]!;
    out[o++] = ENCODE[v & 63]!;
  }
  if (i < n) {
    const a = bytes[i]!;
    const b = i + 1 < n ? bytes[i + 1]! : 0;
    out[o++] = ENCODE[a >> 2]!;
    out[o++] = ENCODE[((a & 3) << 4) | (b >> 4)]!;
    out[o++] = i + 1 < n ? ENCODE[(b & 15) << 2]! : 61;
    out[o++] = 61;
  }
  return ascii.decode(out);
}

/** Throws RangeError on characters outside the base64 alphabet or a length that is not a multiple of 4. */
export function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new RangeError('base64 length is not a multiple of 4');
  let pad = 0;
  if (text.endsWith('==')) pad = 2;
  else if (text.endsWith('=')) pad = 1;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = DECODE[text.charCodeAt(i)] ?? -1;
    const b = DECODE[text.charCodeAt(i + 1)] ?? -1;
    const last = i + 4 === text.length;
    const c = last && pad === 2 ? 0 : (DECODE[text.charCodeAt(i + 2)] ?? -1);
    const d = last && pad >= 1 ? 0 : (DECODE[text.charCodeAt(i + 3)] ?? -1);
    if ((a | b | c | d) < 0) throw new RangeError('not base64');
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
