import { describe, expect, it } from 'vitest';
import { decodeText } from '../../knowledge/formats/encoding.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte-order mark, without a warning', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9))).toEqual({ ok: true, text: 'hé', encoding: 'utf-8' });
    expect(decodeText(bytes(0x68, 0xc3, 0xa9))).toEqual({ ok: true, text: 'hé', encoding: 'utf-8' });
  });

  it('reads Windows-1252 where it differs from Latin-1 (€, “”, –)', () => {
    const result = decodeText(bytes(0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0x96, 0x20, 0xe9));
    expect(result).toMatchObject({ ok: true, text: '€ “a” – é', encoding: 'windows-1252' });
  });

  it('refuses bytes that are neither UTF-8 nor Windows-1252', () => {
    expect(decodeText(bytes(0x61, 0x81, 0x62))).toEqual({
      ok: false,
      message: 'is neither UTF-8 nor Windows-1252 text; save it again as "CSV UTF-8" (or UTF-8 text) and import that file',
    });
  });

  it('reads UTF-16 by byte-order mark or by its zero bytes, and refuses it cut in half', () => {
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0x68, 0x00, 0x69))).toMatchObject({ ok: true, text: 'hi', encoding: 'utf-16be' });
    expect(decodeText(bytes(0x68, 0x00, 0x69, 0x00, 0x21, 0x00))).toMatchObject({ ok: true, text: 'hi!', encoding: 'utf-16le' });
    expect(decodeText(bytes(0xff, 0xfe, 0x68, 0x00, 0x69))).toMatchObject({ ok: false, message: expect.stringMatching(/^looks like UTF-16 text but is cut off/) });
  });
});
