import { describe, expect, it } from 'vitest';
import { describeChange, sideBySide } from '../../knowledge/editor/version-diff.ts';
import { entry } from '../store/helpers.ts';

describe('side-by-side diff of two versions', () => {
  const v1 = entry('refund', { title: 'Refund policy', body: 'Hello\nWe refund within 14 days.\nBye', questions: ['Can I get a refund?', 'Money back?'], status: 'draft' });
  const v2 = { ...v1, title: 'Refund rules', body: 'Hello\nWe refund within 30 days.\nThanks\nBye', questions: ['Money back?'], status: 'approved' as const, version: 2 };

  it('aligns the lines and marks the changed words on both sides', () => {
    const rows = sideBySide(v1, v2);
    const title = rows.find((r) => r.left?.field === 'Title')!;
    expect(title.kind).toBe('changed');
    expect(title.left!.parts).toEqual([{ text: 'Refund ', changed: false }, { text: 'policy', changed: true }]);
    expect(title.right!.parts).toEqual([{ text: 'Refund ', changed: false }, { text: 'rules', changed: true }]);
    expect(rows.filter((r) => r.kind === 'removed').map((r) => r.left!.parts[0]!.text)).toEqual(['Can I get a refund?']);
    expect(rows.filter((r) => r.kind === 'added').map((r) => r.right!.parts[0]!.text)).toEqual(['Thanks']);
    const days = rows.find((r) => r.kind === 'changed' && r.left?.field === 'Answer')!;
    expect(days.right!.parts.filter((p) => p.changed).map((p) => p.text)).toEqual(['30']);
    expect(rows.filter((r) => r.kind === 'same').map((r) => r.left!.parts[0]!.text)).toContain('Bye');
  });

  it('shows nothing changed for the same version', () => {
    expect(sideBySide(v1, v1).every((r) => r.kind === 'same')).toBe(true);
  });

  it('says what a change did', () => {
    expect(describeChange(undefined, v1)).toBe('created');
    expect(describeChange(v1, v2)).toBe('status: draft → approved, title, answer, questions');
    expect(describeChange(v1, { ...v1, version: 2 })).toBe('no change in content');
  });
});
