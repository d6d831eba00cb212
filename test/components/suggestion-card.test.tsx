// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { SuggestionCard } from '@/components/assist/SuggestionCard';
import { entry } from '../sidepanel/fake-api';
import { byTestId, cleanup, render } from './render';

afterEach(cleanup);

describe('SuggestionCard', () => {
  it('keeps a highlighted title in one piece inside the flex title button', async () => {
    const e = entry('track', "Tracking hasn't updated for several days", 'Carriers scan parcels at each depot.');
    const c = await render(
      <ul>
        <SuggestionCard
          entry={e}
          rank={1}
          matched={{ title: ['tracking', 'update'] }}
          freshness="fresh"
          confidence={0.8}
          filled={e.body}
          selected
          testId="card"
          onSelect={() => {}}
          onPreview={() => {}}
        />
      </ul>,
    );
    const button = byTestId(c, 'card').querySelector('button.card-title')!;
    // Every direct child of the flex button is an element (rank, title, screen-reader text): a bare text
    // node or <mark> there would become its own flex column and break "update|d" apart on screen.
    const bare = Array.from(button.childNodes).filter((n) => n.nodeType === 3 || n.nodeName === 'MARK');
    expect(bare).toHaveLength(0);
    const title = button.querySelector('.card-title-text')!;
    expect(title.textContent).toBe("Tracking hasn't updated for several days");
    expect(Array.from(title.querySelectorAll('mark'), (m) => m.textContent)).toEqual(['Tracking', 'update']);
  });

  it('says when an answer was found in another language than the ticket', async () => {
    const e = entry('ship', 'Shipping times', 'Parcels arrive in 2-4 days.');
    const props = { entry: e, rank: 1, matched: { title: ['shipping'] }, freshness: 'fresh' as const, filled: e.body, selected: false, onSelect: () => {}, onPreview: () => {} };
    const c = await render(
      <ul>
        <SuggestionCard {...props} testId="same" />
        <SuggestionCard {...props} testId="other" fallback={{ from: 'de', to: 'en' }} />
      </ul>,
    );
    expect(byTestId(c, 'same').querySelector('[data-testid="language-fallback"]')).toBeNull();
    expect(byTestId(c, 'other').querySelector('[data-testid="language-fallback"]')?.textContent).toMatch(/English answer: the ticket is in German.*Translate/);
  });
});
