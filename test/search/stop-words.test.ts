import { describe, expect, it } from 'vitest';
import { KnowledgeIndex } from '../../knowledge/search/index';
import { toSuggestions } from '../../knowledge/suggest';
import { DAY, entry } from './fixtures';

/** Stop words are indexed and weighed down in queries (RankingOptions.stopWordWeight; DESIGN.md, "Stop words"). */
const ENTRIES = [
  entry('set-alarm', { title: 'Set an alarm', questions: ['set an alarm for me', 'wake me up at six', 'put an alarm on'] }),
  entry('alarm-label', { title: 'What an alarm is for', questions: ['what is this alarm for', 'what is the alarm called', 'which alarm is it'] }),
  entry('shop-hours', { title: 'Opening hours', questions: ['when is the shop open', 'is the shop open on sunday'] }),
];

describe('stop words', () => {
  it('are indexed: two requests that differ mostly in stop words find their own entries', () => {
    const index = KnowledgeIndex.build(ENTRIES, { ranking: { wordingWeight: 0 } });
    expect(index.search('set an alarm for me please', { limit: 1 })[0]!.id).toBe('set-alarm');
    expect(index.search('what is that alarm for', { limit: 1 })[0]!.id).toBe('alarm-label');
  });

  it('count stopWordWeight of a word in a query', () => {
    const weights = (w: number) => new Map(KnowledgeIndex.build(ENTRIES, { ranking: { stopWordWeight: w } }).query([{ text: 'is the alarm on', weight: 1 }]).terms.map((t) => [t.term, t.weight]));
    const light = weights(0.3);
    const full = weights(1);
    expect(light.get('alarm')).toBe(full.get('alarm'));
    expect(light.get('the')!).toBeLessThan(full.get('the')! / 2);
  });

  it('are left out of a long query (a ticket): its content words carry it', () => {
    const index = KnowledgeIndex.build(ENTRIES);
    const long = `${'my alarm clock app is broken again '.repeat(6)}what is the alarm for`;
    const terms = index.query([{ text: long, weight: 1 }]).terms.map((t) => t.term);
    expect(terms).toContain('alarm');
    expect(terms).not.toContain('the');
    expect(index.query([{ text: 'what is the alarm for', weight: 1 }]).terms.map((t) => t.term)).toContain('the');
  });

  it('alone are no evidence: an entry matched on them only gets confidence 0', () => {
    const index = KnowledgeIndex.build(ENTRIES);
    const s = toSuggestions(index.query([{ text: 'is it the', weight: 1 }], { limit: 3 }), index, DAY);
    expect(s.length).toBeGreaterThan(0);
    expect(s.every((x) => x.confidence === 0)).toBe(true);
  });
});
