// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EntryFacts } from '@/components/entry/EntryFacts';
import type { EntrySource } from '@/knowledge/entry';
import { entry } from '../sidepanel/fake-api';

afterEach(cleanup);

async function sourceShown(source: EntrySource) {
  render(<EntryFacts entry={entry('e', 'Refunds', 'We refund.', { source })} matched={{}} freshness="fresh" />);
  const dd = await screen.findByTestId('entry-source');
  return { text: dd.textContent, detail: dd.getAttribute('title') };
}

describe('where an entry comes from, in words', () => {
  it('a knowledge pack entry reads "Imported from pack.json"; its JSON path stays available to leads', async () => {
    const shown = await sourceShown({ format: 'json', file: 'pack.json', path: 'entries[26]' });
    expect(shown.text).toBe('Imported from pack.json');
    expect(shown.text).not.toContain('entries[');
    expect(shown.detail).toContain('pack.json entries[26]');
  });

  it('a spreadsheet row and a list position are said in words', async () => {
    expect((await sourceShown({ format: 'csv', file: 'answers.csv', row: 3 })).text).toBe('Imported from answers.csv, row 3');
    cleanup();
    expect((await sourceShown({ format: 'json', file: 'export.json', row: 12 })).text).toBe('Imported from export.json, entry 12');
  });

  it('Zendesk exports say what they were', async () => {
    const shown = await sourceShown({ format: 'zendesk-macros', file: 'macros.json', path: 'macro 4 (id 360001)' });
    expect(shown.text).toBe('Imported from Zendesk macros (macros.json)');
    expect(shown.detail).toContain('macro 4 (id 360001)');
  });
});
