import { describe, expect, it } from 'vitest';
import { draftDuplicates } from '../../knowledge/editor/near-duplicates.ts';
import { tryItIndex } from '../../knowledge/editor/try-it.ts';
import { importWarnings } from '../../knowledge/quality.ts';
import { generateEntries } from '../bench/synthetic.ts';
import { entry } from '../store/helpers.ts';

describe('near-duplicates of the draft', () => {
  const stored = generateEntries(800);
  const index = tryItIndex(stored, []);

  it('finds what comparing with every entry finds, for copies, reworded copies and new text', () => {
    const drafts = [
      { ...stored[10]!, id: 'copy' },
      { ...stored[20]!, id: 'reworded', title: `${stored[20]!.title} (updated)`, body: stored[20]!.body.split('. ').slice(0, 2).join('. ') },
      { ...stored[30]!, id: stored[30]!.id },
      entry('fresh', { title: 'Knitting patterns for beginners', body: 'Start with a scarf in garter stitch.', questions: ['Which pattern should I knit first?'] }),
    ];
    for (const d of drafts) {
      const everyEntry = importWarnings([d], stored.filter((e) => e.status !== 'archived')).nearDuplicates.filter((x) => x.where === 'stored');
      expect(draftDuplicates(index, d).map((x) => x.of).sort()).toEqual(everyEntry.map((x) => x.of).sort());
    }
    expect(draftDuplicates(index, drafts[0]!).map((x) => x.of)).toContain(stored[10]!.id);
    expect(draftDuplicates(index, drafts[3]!)).toEqual([]);
  });

  it('leaves out the entry itself, archived entries and other languages', () => {
    const archived = { ...stored[40]!, id: 'old-copy', status: 'archived' as const };
    const german = { ...stored[40]!, id: 'de-copy', locale: 'de' };
    const ix = tryItIndex([...stored, archived, german], []);
    const found = draftDuplicates(ix, stored[40]!).map((x) => x.of);
    expect(found).not.toContain(stored[40]!.id);
    expect(found).not.toContain('old-copy');
    expect(found).not.toContain('de-copy');
  });
});
