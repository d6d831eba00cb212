import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_ENTRIES, type Entry } from '../../knowledge/entry.ts';
import { applyImport, applyImportBatched, openKnowledgeDb } from '../../knowledge/store/index.ts';
import { exportEntries, importFiles } from '../../knowledge/standardise.ts';
import { NOW, importText, lines, utf8 } from './helpers.ts';

// What the trials of issue 10 found in import and export, each as it was reproduced.

function entry(id: string, custom: Record<string, string> = {}): Entry {
  const [made] = importText('one.csv', `id,title,body\n${id},Title ${id},Answer for ${id}.\n`).entries;
  return { ...made!, custom };
}

const text = (file: { bytes: Uint8Array }) => new TextDecoder().decode(file.bytes);

describe('CSV export escapes formula-like custom field names in the header, and import undoes it', () => {
  const custom = { '=cmd': '1', '+x': '2', '-x': '3', '@x': '4', "'=quoted": '5', plain: '6' };

  it('no header cell starts like a formula', () => {
    const [file] = exportEntries([entry('a', custom)], 'csv');
    const header = text(file!).replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
    expect(header.filter((h) => /^[=+\-@\t\r]/.test(h))).toEqual([]);
    expect(header).toEqual(expect.arrayContaining(["'=cmd", "'+x", "'-x", "'@x", "''=quoted", 'plain']));
  });

  it('a round trip gives back the same names and values', () => {
    const back = importFiles(exportEntries([entry('a', custom)], 'csv'), { now: NOW });
    expect(lines(back)).toEqual([]);
    expect(back.entries[0]?.custom).toEqual(custom);
  });

  it('names and values led by a tab or a carriage return are escaped too', () => {
    const [file] = exportEntries([entry('a', { '\tx': '\ry' })], 'csv');
    const [header, row] = text(file!).replace(/^\uFEFF/, '').split('\r\n');
    expect(header!.split(',').at(-1)).toBe("'\tx");
    expect(row).toContain(`"'\ry"`);
  });
});

describe('a __proto__ field', () => {
  it('in CSV: is reported as not imported, not as kept', () => {
    const result = importText('a.csv', 'title,body,__proto__,constructor\nA,B,x,y\n');
    expect(lines(result, 'warning')).toEqual([
      expect.stringMatching(/^a\.csv row 1, __proto__: is a name JavaScript reserves; its cells were not imported \(rename the column\)/),
      expect.stringMatching(/^a\.csv row 1, constructor: is not a standard column; kept as a custom field/),
    ]);
    expect(result.entries[0]?.custom).toEqual({ constructor: 'y' });
  });

  it('in Markdown front matter and in a custom map: the same, never a silent drop', () => {
    const result = importText('a.md', '---\ntitle: A\n__proto__: x\ncustom:\n  __proto__: y\n  team: z\n---\nBody');
    expect(lines(result, 'warning')).toEqual([
      'a.md, __proto__: is a name JavaScript reserves; it was not imported (rename the field)',
      'a.md, __proto__: is a name JavaScript reserves; it was not imported (rename the field)',
    ]);
    expect(result.entries[0]?.custom).toEqual({ team: 'z' });
  });

  it('in a knowledge (JSON) file', () => {
    const doc = `{"format":"agent-assist/knowledge","schemaVersion":1,"entries":[${JSON.stringify({ ...entry('a'), custom: {} }).replace('"custom":{}', '"custom":{"__proto__":"x"}')}]}`;
    const result = importText('kb.json', doc);
    expect(lines(result)).toEqual([]);
    expect(lines(result, 'warning')).toEqual(['kb.json entry 1, __proto__: is a name JavaScript reserves; it was not imported (rename the field)']);
  });
});

describe('Markdown export file names', () => {
  const ids = ['REFUND', 'refund', 'Refund-2', 'CON', 'con.x', 'nul', 'Com1', 'lpt9.a.b', 'a:b', 'a_b', 'aux-ok', 'conx'];
  const files = exportEntries(ids.map((id) => entry(id)), 'markdown');
  const names = files.map((f) => f.name);

  it('are unique ignoring case', () => {
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(ids.length);
  });

  it('are safe on Windows, macOS and Linux: no reserved device name, no : or other reserved character, no trailing dot or space', () => {
    for (const name of names) {
      expect(name).toMatch(/\.md$/);
      expect(name, name).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i);
      // eslint-disable-next-line no-control-regex -- control characters are what Windows refuses
      expect(name, name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
      expect(name, name).not.toMatch(/[. ]$/);
    }
    expect(names).toContain('aux-ok.md');
    expect(names).toContain('conx.md');
  });

  it('still import back to the same entries (the id is in the front matter)', () => {
    const back = importFiles(files, { now: NOW });
    expect(lines(back)).toEqual([]);
    expect(back.entries.map((e) => e.id).sort()).toEqual([...ids].sort());
  });
});

describe('the import check and the apply step agree on how many entries one import may hold', () => {
  const n = (x: number) => x.toLocaleString('en');
  it('the apply step (the panel writes the store itself) refuses more than MAX_IMPORT_ENTRIES before writing anything', async () => {
    const db = openKnowledgeDb(`too-many-${Math.random()}`);
    const many = Array.from({ length: MAX_IMPORT_ENTRIES + 1 }, (_, i) => entry(`e${i}`));
    const refusal = `Nothing was imported: this import holds ${n(MAX_IMPORT_ENTRIES + 1)} entries; one import takes at most ${n(MAX_IMPORT_ENTRIES)}: split the files and import them one after another.`;
    await expect(applyImportBatched(db, { entries: many, problems: [] }, 'Lead (test)')).rejects.toThrow(refusal);
    await expect(applyImport(db, { entries: many, problems: [] }, 'Lead (test)')).rejects.toThrow(refusal);
    expect(await db.entries.count()).toBe(0);
    await db.delete();
  });

  it('the check refuses more, naming the count and the limit', () => {
    const rows = Array.from({ length: MAX_IMPORT_ENTRIES + 1 }, (_, i) => `e${i},T${i},A${i}`);
    const big = importFiles([{ name: 'big.csv', bytes: utf8(`id,title,body\n${rows.join('\n')}\n`) }], { now: NOW });
    expect(lines(big)).toEqual([
      `big.csv: this import holds ${n(MAX_IMPORT_ENTRIES + 1)} entries; one import takes at most ${n(MAX_IMPORT_ENTRIES)}: split the files and import them one after another`,
    ]);
    expect(big.files[0]?.errors).toBe(1);
  }, 120_000);

  it('counts across files, and names the file where the limit was passed', () => {
    const file = (name: string, n: number) => ({ name, bytes: utf8(`title,body\n${Array.from({ length: n }, (_, i) => `${name} ${i},x`).join('\n')}\n`) });
    const result = importFiles([file('a.csv', 2), file('b.csv', 2), file('c.csv', 1)], { now: NOW, maxEntries: 3 });
    expect(lines(result)).toEqual(['b.csv: this import holds 5 entries; one import takes at most 3: split the files and import them one after another']);
    expect(importFiles([file('a.csv', 3)], { now: NOW, maxEntries: 3 }).problems).toEqual([]);
  });
});

describe('a YAML alias bomb in front matter', () => {
  it('is a clear error about the file, not an internal error', () => {
    const bomb = [
      '---', 'title: A', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...['b', 'c', 'd', 'e', 'f'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcde'[i]}`).join(',')}]`), '---', 'Body',
    ].join('\n');
    expect(lines(importText('bomb.md', bomb))).toEqual([
      'bomb.md, front matter: repeats YAML aliases (*name) too often (more than 100 copies): write the values out instead',
    ]);
  });

  it('an alias to no anchor is a YAML error too, not an internal error', () => {
    expect(lines(importText('a.md', '---\ntitle: A\nowner: *nobody\n---\nBody'))).toEqual([
      'a.md, front matter: is not valid YAML: Unresolved alias (the anchor must be set before the alias): nobody',
    ]);
  });
});

describe('lone carriage returns (old Mac line endings) are line breaks', () => {
  it('in CSV, also when a cell holds more of another separator than the header holds of its own', () => {
    const result = importText('mac.csv', 'title;body\rA;one, two, three, four, five, six, seven, eight, nine, ten\rB;x\r');
    expect(lines(result)).toEqual([]);
    expect(result.entries.map((e) => [e.title, e.source.row])).toEqual([['A', 2], ['B', 3]]);
  });

  it('in Markdown with front matter', () => {
    const result = importText('mac.md', '---\rtitle: A\rtags: [a, b]\r---\rLine one\rline two\r');
    expect(lines(result)).toEqual([]);
    expect(result.entries[0]).toMatchObject({ title: 'A', tags: ['a', 'b'], body: 'Line one\nline two' });
  });
});
