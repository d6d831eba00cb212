import { describe, expect, it } from 'vitest';
import { suggestionsFor, withSearchTerms } from '../../entrypoints/background/suggestions';
import { SuggestResultView } from '../../knowledge/messages';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { DAY, ENTRIES, ticket } from '../search/fixtures';

describe('what the worker sends the panel when it abstains', () => {
  const index = KnowledgeIndex.build(ENTRIES);
  const read = async (ids: readonly string[]) => ids.map((id) => index.get(id)!);

  it('the ticket\u2019s key terms (redacted) to start the manual search with, and only then', async () => {
    const customs = ticket('Customs fees', 'Do you also sell to Norway, and what are the customs fees on an order there? Mail me at ana@example.com');
    const verdict = await suggestionsFor(customs, index, read, DAY);
    expect(verdict.abstained).toBe(true);
    // the verdict goes to the panel without them (the redactor can take a few hundred ms): withSearchTerms adds them
    expect(verdict.searchTerms).toBeUndefined();
    const none = withSearchTerms(customs, verdict);
    expect(none.result.searchTerms).toEqual(['customs', 'fees', 'also', 'sell', 'norway']);
    expect(none.keyTerms?.slice(0, 5)).toEqual(none.result.searchTerms);
    expect(SuggestResultView.parse(none.result).searchTerms).toEqual(none.result.searchTerms);
    const refund = ticket('Refund', 'I returned my parcel two weeks ago, where is my refund?');
    const confident = await suggestionsFor(refund, index, read, DAY);
    expect(confident.abstained).toBe(false);
    expect(withSearchTerms(refund, confident)).toEqual({ result: confident });
  });
});
