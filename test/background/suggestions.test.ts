import { describe, expect, it } from 'vitest';
import { suggestionsFor } from '../../entrypoints/background/suggestions';
import { SuggestResultView } from '../../knowledge/messages';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { DAY, ENTRIES, ticket } from '../search/fixtures';

describe('what the worker sends the panel when it abstains', () => {
  const index = KnowledgeIndex.build(ENTRIES);
  const read = async (ids: readonly string[]) => ids.map((id) => index.get(id)!);

  it('the ticket\u2019s key terms (redacted) to start the manual search with, and only then', async () => {
    const none = await suggestionsFor(ticket('Customs fees', 'Do you also sell to Norway, and what are the customs fees on an order there? Mail me at ana@example.com'), index, read, DAY);
    expect(none.abstained).toBe(true);
    expect(none.searchTerms).toEqual(['customs', 'fees', 'also', 'sell', 'norway']);
    expect(SuggestResultView.parse(none).searchTerms).toEqual(none.searchTerms);
    const confident = await suggestionsFor(ticket('Refund', 'I returned my parcel two weeks ago, where is my refund?'), index, read, DAY);
    expect(confident.abstained).toBe(false);
    expect(confident.searchTerms).toBeUndefined();
  });
});
