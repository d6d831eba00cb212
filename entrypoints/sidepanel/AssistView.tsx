import { useEffect, useRef, useState } from 'react';
import type { RejectReason } from '@/knowledge/events';
import type { KnowledgeStatus, ManualHit, SettingsView, TabState } from '@/knowledge/messages';
import { AnswerPreview } from '@/components/assist/AnswerPreview';
import { EmptyKnowledge } from '@/components/assist/EmptyKnowledge';
import { ManualSearch } from '@/components/assist/ManualSearch';
import { NoConfidentAnswer } from '@/components/assist/NoConfidentAnswer';
import { ReadFailed } from '@/components/assist/ReadFailed';
import { formatDiagnosis } from '@/knowledge/read-diagnosis';
import type { Status } from '@/components/status/StatusMessage';
import { SuggestionCard } from '@/components/assist/SuggestionCard';
import { TicketSummary } from '@/components/assist/TicketSummary';
import type { PanelApi } from './api';
import { excerptText, knownValues } from '@/knowledge/answer';
import { aboveFloor } from '@/knowledge/confidence';
import { keyAction, keyTarget } from './keyboard';
import { usePreview } from './usePreview';

export const SEARCH_LIMIT = 8;

export interface AssistProps {
  api: PanelApi;
  tabId: number | undefined;
  state: TabState | undefined;
  settings: SettingsView | undefined;
  knowledge: KnowledgeStatus | undefined;
  loadingSample: boolean;
  say: (s: Status) => void;
  onLoadSample: () => void;
  onImport: () => void;
}

export function AssistView({ api, tabId, state, settings, knowledge, loadingSample, say, onLoadSample, onImport }: AssistProps) {
  const preview = usePreview(api, tabId, state, settings, say);
  const [selected, setSelected] = useState(0);
  const [search, setSearch] = useState<{ text: string; hits: ManualHit[] }>({ text: '', hits: [] });
  const cards = useRef<(HTMLButtonElement | null)[]>([]);
  // Answers the agent rejected for this ticket leave its list.
  const [rejected, setRejected] = useState<ReadonlySet<string>>(new Set());
  // Under "Suggested answers" only answers above the floor: a 12% third answer is noise.
  const suggestions = state?.kind === 'ticket' && !state.result.abstained ? state.result.suggestions.filter((s) => !rejected.has(s.entry.id) && aboveFloor(s.confidence)) : [];
  const closest = state?.kind === 'ticket' && state.result.abstained ? state.result.suggestions.filter((s) => !rejected.has(s.entry.id)) : [];
  const known = knownValues(state, settings);
  const fill = (body: string) => excerptText(body, known);
  const ticketKey = state?.kind === 'ticket' ? `${state.tabId}:${state.readAt}` : state?.kind;

  // A new ticket: back to its list, first suggestion selected. Reset while rendering (not in an
  // effect), so the new ticket never shows with the old selection, and a click right after it
  // arrives is not undone by a late reset.
  const [shownKey, setShownKey] = useState(ticketKey);
  if (shownKey !== ticketKey) {
    setShownKey(ticketKey);
    setSelected(0);
    setRejected(new Set());
    preview.open(null);
  }

  const focusCard = (i: number) => {
    setSelected(i);
    cards.current[i]?.focus();
  };
  const openSuggestion = (i: number, list = suggestions) => {
    const s = list[i];
    if (s) preview.open({ entry: s.entry, matched: s.matched, freshness: s.freshness, confidence: s.confidence, fallback: s.fallback, rank: i + 1, from: 'suggestion' });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = keyAction(e, keyTarget(e.target), preview.chosen ? 'preview' : 'list', suggestions.length);
      if (!action) return;
      e.preventDefault();
      if (action.type === 'move') focusCard((selected + action.delta + suggestions.length) % suggestions.length);
      else if (action.type === 'choose') focusCard(action.index);
      else if (action.type === 'preview') openSuggestion(selected);
      else if (action.type === 'insert') void preview.insert();
      else if (action.type === 'back') {
        const back = preview.chosen?.from === 'suggestion' ? preview.chosen.rank - 1 : undefined;
        preview.open(null);
        if (back !== undefined) setTimeout(() => focusCard(back), 0);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  /** Rejected: the answer leaves the list and the one after it (else the last) is selected. */
  const reject = (reason: RejectReason, note: string) => {
    const id = preview.chosen?.entry.id;
    preview.reject(reason, note);
    if (id === undefined || tabId === undefined) return;
    const at = suggestions.findIndex((s) => s.entry.id === id);
    const left = suggestions.length - (at >= 0 ? 1 : 0);
    const next = Math.max(0, Math.min(at >= 0 ? at : selected, left - 1));
    setRejected((r) => new Set(r).add(id));
    setSelected(next);
    if (left) setTimeout(() => focusCard(next), 0);
  };

  const runSearch = (text: string) => {
    if (!text.trim()) return setSearch({ text, hits: [] });
    api.search(text, SEARCH_LIMIT).then((hits) => setSearch({ text, hits }), () => setSearch({ text, hits: [] }));
  };
  const chooseHit = (hit: ManualHit, rank: number) => {
    if (tabId !== undefined) {
      void api.feedback({ kind: 'manual-search-used', tabId, queryLength: Math.min(500, search.text.length), resultCount: search.hits.length, chosenEntryId: hit.entry.id }).catch(() => undefined);
    }
    preview.open({ entry: hit.entry, matched: hit.matched, freshness: hit.freshness, rank, from: 'search' });
  };
  const readSelection = () => {
    if (tabId === undefined) return;
    say({ tone: 'info', text: 'Reading your selection\u2026' });
    api.readSelection(tabId).then(
      (s) => say(s.kind === 'none' ? { tone: 'error', text: s.note ?? 'Nothing was read.' } : { tone: 'ok', text: 'Read the selected text.' }),
      () => say({ tone: 'error', text: 'Could not read this tab.' }),
    );
  };

  if (preview.chosen && preview.current) {
    const c = preview.chosen;
    return (
      <AnswerPreview
        entry={c.entry}
        matched={c.matched}
        freshness={c.freshness}
        confidence={c.confidence}
        fallback={c.fallback}
        finalText={preview.current.final.text}
        unresolved={preview.current.final.unresolved}
        needed={preview.current.needed}
        edited={preview.edited}
        editStart={preview.editStart}
        values={preview.typed}
        offered={preview.offered}
        doubled={preview.doubled}
        leaveFrame={preview.leaveFrame}
        onLeaveFrame={preview.setLeaveFrame}
        busy={preview.busy}
        canInsert={preview.canInsert}
        onValue={preview.setValue}
        onEdit={preview.setEdited}
        onInsert={() => void preview.insert()}
        onInsertIntoNote={preview.noteOffered ? () => void preview.insert('note') : undefined}
        onCopy={() => void preview.copy()}
        onReject={reject}
        onFlag={preview.flag}
        onBack={() => preview.open(null)}
      />
    );
  }

  // Abstained: the search starts from the ticket's key terms (redacted, from the worker), already run.
  // They come a moment after the verdict (the worker's redactor may take a few hundred ms): the box takes them then.
  const prefill = state?.kind === 'ticket' && state.result.abstained ? state.result.searchTerms?.join(' ') : undefined;
  const awaitingTerms = state?.kind === 'ticket' && state.result.abstained && !state.result.pilotHeld && state.result.searchTerms === undefined;
  const manual = (
    <ManualSearch key={ticketKey} results={search.hits} searched={search.text} onQuery={runSearch} onChoose={chooseHit} fill={fill} awaitingText={awaitingTerms} {...(prefill ? { initialText: prefill } : {})} />
  );
  const closestCards = closest.length ? (
    <ol className="cards" aria-label="Closest entries, not confident">
      {closest.map((s, i) => (
        <SuggestionCard
          key={s.entry.id}
          testId="closest"
          entry={s.entry}
          rank={i + 1}
          matched={s.matched}
          freshness={s.freshness}
          confidence={s.confidence}
          fallback={s.fallback}
          filled={fill(s.entry.body)}
          selected={false}
          onSelect={() => undefined}
          onPreview={() => openSuggestion(i, closest)}
        />
      ))}
    </ol>
  ) : undefined;
  const announcement =
    state?.kind === 'ticket'
      ? state.result.abstained || !suggestions.length
        ? state.result.pilotHeld
          ? 'No suggestion: this ticket is outside the pilot.'
          : 'No confident answer for this ticket.'
        : `${suggestions.length} suggested ${suggestions.length === 1 ? 'answer' : 'answers'} for \u201c${state.ticket.subject || 'the selected text'}\u201d.`
      : '';

  return (
    <>
      <p className="visually-hidden" aria-live="polite" data-testid="announcement">
        {announcement}
      </p>
      {knowledge && knowledge.total === 0 ? <EmptyKnowledge busy={loadingSample} onLoadSample={onLoadSample} onImport={onImport} /> : null}
      {state?.kind === 'ticket' ? <TicketSummary ticket={state.ticket} fromSelection={state.fromSelection} /> : null}
      {state?.kind === 'failed' ? (
        <ReadFailed
          failure={state.failure}
          onReadSelection={readSelection}
          onCopyDiagnosis={() =>
            void api.copy(formatDiagnosis(state.failure)).then((ok) =>
              say(ok ? { tone: 'ok', text: 'Diagnosis copied: selectors and counts only, no ticket text.' } : { tone: 'error', text: 'The browser refused the clipboard.' }),
            )
          }
        />
      ) : null}
      {!state || state.kind === 'none' ? (
        <section className="notice" aria-labelledby="no-ticket-heading" data-testid="no-ticket">
          <h2 id="no-ticket-heading">No ticket read in this tab</h2>
          <p>{state?.kind === 'none' && state.note ? state.note : 'Open a ticket in an enabled helpdesk, or select the customer\u2019s message on the page and read it.'}</p>
          <button type="button" onClick={readSelection} disabled={tabId === undefined}>
            Read selected text
          </button>
        </section>
      ) : null}
      {state?.kind === 'ticket' && (state.result.abstained || !suggestions.length) ? (
        <NoConfidentAnswer pilot={state.result.pilotHeld} reason={!state.result.abstained && rejected.size ? 'You rejected every suggested answer for this ticket.' : state.result.reason} closest={closestCards}>
          {manual}
        </NoConfidentAnswer>
      ) : (
        <>
          {suggestions.length ? (
            <section aria-labelledby="suggestions-heading">
              <h2 id="suggestions-heading">Suggested answers</h2>
              <p className="muted">1&ndash;3 or arrows choose, Enter previews.</p>
              <ol className="cards">
                {suggestions.map((s, i) => (
                  <SuggestionCard
                    key={s.entry.id}
                    testId="suggestion"
                    entry={s.entry}
                    rank={i + 1}
                    matched={s.matched}
                    freshness={s.freshness}
                    confidence={s.confidence}
                    fallback={s.fallback}
                    filled={fill(s.entry.body)}
                    selected={i === selected}
                    buttonRef={(el) => {
                      cards.current[i] = el;
                    }}
                    onSelect={() => setSelected(i)}
                    onPreview={() => openSuggestion(i)}
                  />
                ))}
              </ol>
            </section>
          ) : null}
          <section aria-label="Manual search">{manual}</section>
        </>
      )}
    </>
  );
}
