import { describe, expect, it } from 'vitest';
import { INSERT_METHODS, InsertOutcome, MESSAGES, MessageError, parseMessage, parseReply, ReadReply, TabState } from '@/knowledge/messages';
import samples from '@/knowledge/sample/tickets.json';

const ticket = (samples as { ticket: unknown }[])[0]!.ticket;

describe('messages', () => {
  it('every name says who sends it to whom, as its entry does', () => {
    const directions: Record<string, { from: string; to: string }> = {
      contentToBackground: { from: 'content', to: 'worker' },
      backgroundToContent: { from: 'background', to: 'content' },
      panelToBackground: { from: 'page', to: 'worker' },
      dashboardToBackground: { from: 'page', to: 'worker' },
      backgroundToPanel: { from: 'background', to: 'page' },
      backgroundToPages: { from: 'background', to: 'page' },
    };
    for (const [name, spec] of Object.entries(MESSAGES)) {
      expect(name).toMatch(/^[a-z][A-Za-z]+\.[a-z][A-Za-z]+$/);
      expect({ name, from: spec.from, to: spec.to }).toEqual({ name, ...directions[name.split('.')[0]!] });
    }
  });

  it('parses replies on arrival, naming the message and the field', () => {
    expect(parseReply('panelToBackground.removeLearned', { ok: true, value: { removed: 2 } })).toEqual({ ok: true, value: { removed: 2 } });
    expect(() => parseReply('panelToBackground.removeLearned', { ok: true, value: { removed: -1 } })).toThrow(/panelToBackground\.removeLearned: value\.removed/);
    expect(() => parseReply('panelToBackground.syncRegistrations', undefined)).toThrow(/syncRegistrations: reply/);
    expect(() => parseReply('backgroundToContent.insert', { ok: true, method: 'execCommand' })).toThrow(/method/);
  });

  it('accepts a ticket read by an adapter, with the read’s time and id', () => {
    expect(parseMessage('contentToBackground.ticketRead', { ticket, readAt: 1_700_000_000_000, readId: 'r1' })).toEqual({ ticket, readAt: 1_700_000_000_000, readId: 'r1' });
    expect(() => parseMessage('contentToBackground.ticketRead', { ticket })).toThrow(/readAt/);
  });

  it('an insert outcome names one of the methods the content script uses (nothing else)', () => {
    expect(InsertOutcome.shape.method.options).toEqual(['value-setter', 'paste', 'insertHTML', 'insertText', 'none']);
    for (const method of INSERT_METHODS) expect(InsertOutcome.safeParse({ ok: true, method }).success).toBe(true);
    expect(InsertOutcome.safeParse({ ok: true, method: 'execCommand' }).success).toBe(false);
    expect(InsertOutcome.safeParse({ ok: true, method: 'textarea' }).success).toBe(false);
  });

  it('an insert says where the answer went: the reply to the customer or the internal note, nothing else', () => {
    expect(InsertOutcome.parse({ ok: true, method: 'paste', into: 'note' }).into).toBe('note');
    expect(InsertOutcome.safeParse({ ok: true, method: 'paste', into: 'focused' }).success).toBe(false);
    expect(parseMessage('panelToBackground.insert', { tabId: 1, suggestedText: '', text: 'x', into: 'note' })).toMatchObject({ into: 'note' });
    expect(() => parseMessage('backgroundToContent.insert', { text: 'x', into: 'anywhere' })).toThrow(MessageError);
  });

  it('rejects bad data, naming the message and the field', () => {
    expect(() => parseMessage('contentToBackground.ticketRead', { ticket: { ...(ticket as object), subject: 42 }, readAt: 1, readId: 'r' })).toThrow(
      /contentToBackground\.ticketRead: ticket\.subject/,
    );
    expect(() => parseMessage('panelToBackground.insert', { tabId: 1, suggestedText: '', text: '' })).toThrow(MessageError);
    expect(() => parseMessage('panelToBackground.feedback', { kind: 'rejected', tabId: 1, entryId: 'a', reason: 'because' })).toThrow(/reason/);
  });

  it('limits what the panel may send', () => {
    expect(() => parseMessage('panelToBackground.search', { text: 'x', limit: 1000 })).toThrow(/limit/);
    expect(() => parseMessage('panelToBackground.feedback', { kind: 'flagged-outdated', tabId: 1, entryId: 'a', note: 'x'.repeat(281) })).toThrow(/note/);
    expect(parseMessage('panelToBackground.removeLearned', { kind: 'one', id: 3 })).toEqual({ kind: 'one', id: 3 });
    expect(parseMessage('panelToBackground.removeLearned', { kind: 'entry', entryId: 'refunds' })).toEqual({ kind: 'entry', entryId: 'refunds' });
    expect(() => parseMessage('panelToBackground.removeLearned', { kind: 'one', id: 0 })).toThrow(/id/);
    expect(() => parseMessage('panelToBackground.removeLearned', { kind: 'entry', entryId: '' })).toThrow(/entryId/);
    expect(() => parseMessage('panelToBackground.removeLearned', { kind: 'everything' })).toThrow(MessageError);
  });

  it('tab states and read replies are discriminated by kind', () => {
    expect(TabState.safeParse({ kind: 'none', tabId: 1 }).success).toBe(true);
    expect(TabState.safeParse({ kind: 'ticket', tabId: 1 }).success).toBe(false);
    expect(ReadReply.safeParse({ kind: 'failed', failure: { helpdesk: 'osTicket', reason: 'subject not found', url: 'https://x.example/' } }).success).toBe(true);
    expect(ReadReply.safeParse({ kind: 'ticket' }).success).toBe(false);
  });
});
