import { useCallback, useState } from 'react';
import type { RejectReason } from '@/knowledge/events';
import { TAB_NOT_ANSWERING, type InsertOutcome, type InsertTarget, type SettingsView, type TabState } from '@/knowledge/messages';
import { doubled } from '@/knowledge/greeting';
import { offeredValues } from '@/knowledge/offers';
import type { PlaceholderName, PlaceholderValues } from '@/knowledge/placeholders';
import { REJECT_LABELS } from '@/components/assist/RejectForm';
import type { Status } from '@/components/status/StatusMessage';
import type { PanelApi } from './api';
import { answerBody, draft, forInsert, knownValues, type Chosen } from '@/knowledge/answer';

/** The open answer and what the agent can do with it: insert, copy, reject, flag. */
export function usePreview(api: PanelApi, tabId: number | undefined, state: TabState | undefined, settings: SettingsView | undefined, say: (s: Status) => void) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [typed, setTyped] = useState<PlaceholderValues>({});
  const [edited, setEdited] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Only the internal note was open: the panel offers the note as the agent's explicit choice.
  const [noteOffered, setNoteOffered] = useState(false);
  // Where the helpdesk adds its own greeting and signature, the entry's are left out unless the agent keeps them.
  const [leaveFrame, setLeaveFrame] = useState(true);

  const open = useCallback((c: Chosen | null) => {
    setChosen(c);
    setTyped({});
    setEdited(null);
    setNoteOffered(false);
    setLeaveFrame(true);
  }, []);

  const known = knownValues(state, settings);
  const ticket = state?.kind === 'ticket' ? state.ticket : undefined;
  const offered = ticket ? offeredValues(ticket) : {};
  const twice = chosen && ticket ? doubled(ticket.helpdesk, chosen.entry.body) : undefined;
  const current = chosen ? draft(answerBody(chosen.entry, twice && leaveFrame ? twice : undefined), known, typed, edited) : null;
  const canInsert = tabId !== undefined;

  const copyText = async (text: string, entryId: string, rank: number): Promise<boolean> => {
    const ok = await api.copy(text);
    if (ok && tabId !== undefined) void api.feedback({ kind: 'copied', tabId, entryId, rank }).catch(() => undefined);
    return ok;
  };

  const insert = async (into: InsertTarget = 'reply') => {
    if (!chosen || !current || current.final.unresolved.length || tabId === undefined || busy) return;
    setBusy(true);
    setNoteOffered(false);
    const { entry, rank } = chosen;
    const text = current.final.text;
    try {
      const outcome: InsertOutcome = await api
        .insert({ tabId, entryId: entry.id, rank, suggestedText: current.baseline, text, html: forInsert(text, window).rendered, ...(into === 'note' ? { into } : {}) })
        .catch(() => ({ ok: false, method: 'none', reason: 'the helpdesk tab did not answer' }));
      if (outcome.reason === TAB_NOT_ANSWERING) {
        // The tab's ticket is gone: its answer is not copied either, it may not fit the page now shown.
        say({ tone: 'error', text: TAB_NOT_ANSWERING });
        return;
      }
      if (outcome.ok) {
        say(
          outcome.into === 'note'
            ? { tone: 'ok', text: 'Inserted into the internal note, not the reply to the customer. Nothing was sent.' }
            : { tone: 'ok', text: 'Inserted into the reply to the customer, at your cursor. Nothing was sent: review it and send it yourself.' },
        );
        open(null);
        return;
      }
      if (outcome.noteOpen) {
        // Not copied: the agent decides between opening the reply and the note.
        setNoteOffered(true);
        say({ tone: 'info', text: 'Nothing was inserted: only the internal note is open, not the reply to the customer. Open the reply and press Insert again, or choose \u201cInsert into the internal note\u201d.' });
        return;
      }
      const copied = await copyText(forInsert(text, window).text, entry.id, rank);
      say(
        copied
          ? { tone: 'info', text: `Could not insert (${outcome.reason ?? 'reply box not found'}). The answer is on your clipboard: paste it with Ctrl+V.` }
          : { tone: 'error', text: `Could not insert (${outcome.reason ?? 'reply box not found'}) and the clipboard refused: use Edit and copy the text yourself.` },
      );
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!chosen || !current || current.final.unresolved.length) return;
    const ok = await copyText(forInsert(current.final.text, window).text, chosen.entry.id, chosen.rank);
    say(ok ? { tone: 'ok', text: 'Copied to the clipboard.' } : { tone: 'error', text: 'The browser refused the clipboard: use Edit and copy the text yourself.' });
  };

  const reject = (reason: RejectReason, note: string) => {
    if (!chosen || tabId === undefined) return;
    void api.feedback({ kind: 'rejected', tabId, entryId: chosen.entry.id, rank: chosen.rank, reason, ...(note ? { note } : {}) }).catch(() => undefined);
    say({ tone: 'ok', text: `Rejected as \u201c${REJECT_LABELS[reason]}\u201d. Thank you: this is counted for the knowledge owners.` });
    open(null);
  };

  const flag = () => {
    if (!chosen || tabId === undefined) return;
    void api.feedback({ kind: 'flagged-outdated', tabId, entryId: chosen.entry.id }).catch(() => undefined);
    say({ tone: 'ok', text: `Flagged as outdated for ${chosen.entry.owner || 'the team lead (no owner)'}.` });
  };

  return {
    chosen,
    current,
    typed,
    offered,
    doubled: twice,
    leaveFrame,
    setLeaveFrame,
    edited,
    busy,
    canInsert,
    noteOffered,
    editStart: current?.suggested ?? '',
    open,
    setValue: (name: PlaceholderName, value: string) => setTyped((t) => ({ ...t, [name]: value })),
    setEdited,
    insert,
    copy,
    reject,
    flag,
  };
}
