import { useEffect, useMemo, useRef, useState } from 'react';
import { DuplicateWarning } from '@/components/entry-editor/DuplicateWarning';
import { EntryFormView } from '@/components/entry-editor/EntryForm';
import { ReviewBar } from '@/components/entry-editor/ReviewBar';
import { TryIt } from '@/components/entry-editor/TryIt';
import { VersionHistory } from '@/components/entry-editor/VersionHistory';
import { StatusMessage, type Status } from '@/components/status/StatusMessage';
import { candidateOf, checkForm, emptyForm, formOf, sameForm, type EntryForm, type FormErrors } from '@/knowledge/editor/entry-form';
import { draftDuplicates } from '@/knowledge/editor/near-duplicates';
import { pastedTicket, tryIt, tryItIndex } from '@/knowledge/editor/try-it';
import { describeWhyNotSuggested, type Entry, type EntryStatus } from '@/knowledge/entry';
import type { ImportDuplicate } from '@/knowledge/quality';
import type { KnowledgeIndex } from '@/knowledge/search/index';
import type { EntryVersionRow, LearnedRow } from '@/knowledge/store/db';
import { StoreError } from '@/knowledge/store/errors';
import { moveEntry, restoreVersion, saveEdited } from '@/knowledge/store/workflow';
import { getSettings } from '@/knowledge/store/settings';
import { entryHistory } from '@/knowledge/store/versions';
import type { DashboardApi } from './api';
import { routeHash, type EntryPrefill } from './route';
import { useKnowledgeVersion } from './useKnowledgeVersion';
import { useUnsavedGuard } from './useUnsavedGuard';

/** How long typing pauses before the near-duplicate check runs. */
export const DUPLICATE_CHECK_MS = 300;

interface Loaded {
  entry?: Entry;
  history: (EntryVersionRow & { entry: Entry })[];
  stored: Entry[];
  learned: LearnedRow[];
  secondPerson: boolean;
  threshold?: number;
}

const hrefOf = (id: string) => routeHash({ section: 'entry', id });

async function load(api: DashboardApi, id: string | undefined): Promise<Loaded> {
  const db = api.db;
  const [entry, history, stored, learned, settings] = await Promise.all([
    id === undefined ? undefined : db.entries.get(id),
    id === undefined ? [] : entryHistory(db, id),
    db.entries.toArray(),
    db.learned.toArray(),
    getSettings(db),
  ]);
  return { ...(entry ? { entry } : {}), history, stored, learned, secondPerson: settings.approvalNeedsSecondPerson, ...(settings.thresholdOverride !== undefined ? { threshold: settings.thresholdOverride } : {}) };
}

/** A new entry's form started from a link's prefill (a gap topic's terms): the lead edits it before saving. */
function prefilled(form: EntryForm, prefill: EntryPrefill | undefined): EntryForm {
  if (!prefill) return form;
  return { ...form, title: prefill.title ?? form.title, questions: prefill.questions?.length ? [...prefill.questions] : form.questions, tags: prefill.tags?.join(', ') ?? form.tags };
}

/** The entry editor (`#entry/<id>`, or `#entry/new` with no id): every field, review, try it, history. */
export function EntrySection({ api, id, prefill }: { api: DashboardApi; id?: string; prefill?: EntryPrefill }) {
  const knowledge = useKnowledgeVersion(api);
  const [reload, setReload] = useState(0);
  const [data, setData] = useState<Loaded | { error: string } | undefined>();
  const [form, setForm] = useState<EntryForm>();
  const [baseline, setBaseline] = useState<EntryForm>();
  const [submitted, setSubmitted] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [storeErrors, setStoreErrors] = useState<FormErrors>({});
  const dirty = !!form && !!baseline && !sameForm(form, baseline);
  const dirtyRef = useUnsavedGuard(dirty);

  useEffect(() => {
    let live = true;
    load(api, id).then(
      (d) => {
        if (!live) return;
        setData(d);
        // Another view changed the knowledge: the form follows unless the lead is editing it.
        if (!dirtyRef.current) {
          const f = d.entry ? formOf(d.entry) : prefilled(emptyForm(), prefill);
          setForm((old) => (old && !d.entry && id === undefined ? old : f));
          setBaseline((old) => (old && !d.entry && id === undefined ? old : f));
        }
      },
      (err: unknown) => live && setData({ error: `Could not read the knowledge: ${err instanceof Error ? err.message : String(err)}` }),
    );
    return () => {
      live = false;
    };
  }, [api, id, knowledge, reload, dirtyRef, prefill]);

  const loaded = data && !('error' in data) ? data : undefined;
  const entry = loaded?.entry;
  const checked = useMemo(() => (form ? checkForm(form, entry) : undefined), [form, entry]);
  const errors = useMemo(() => {
    const all: FormErrors = { ...(checked && !checked.ok ? checked.errors : {}), ...storeErrors };
    if (submitted || !form || !baseline) return all;
    // Before the first save, a field shows its error once the lead has changed it.
    return Object.fromEntries(Object.entries(all).filter(([k]) => {
      const field = k.split('.')[0] as keyof EntryForm;
      return JSON.stringify(form[field]) !== JSON.stringify(baseline[field]);
    })) as FormErrors;
  }, [checked, storeErrors, submitted, form, baseline]);

  // One search index per read of the knowledge, built when first needed: try it and the duplicate check share it.
  const index = useRef<{ stored: Entry[]; index: KnowledgeIndex }>(undefined);
  const indexOf = useMemo(
    () =>
      loaded
        ? () => {
            if (index.current?.stored !== loaded.stored) index.current = { stored: loaded.stored, index: tryItIndex(loaded.stored, loaded.learned) };
            return index.current.index;
          }
        : undefined,
    [loaded],
  );
  const duplicates = useDuplicates(form, entry, indexOf);

  if (!data || !form) return <p className="muted">Reading the entry{'\u2026'}</p>;
  if ('error' in data) return <p className="notice notice-error">{data.error}</p>;
  if (id !== undefined && !entry) {
    return (
      <p className="notice notice-error" data-testid="entry-missing">
        There is no entry {JSON.stringify(id)} (it may have been deleted for good). <a href={routeHash({ section: 'knowledge' })}>Back to the knowledge</a>
      </p>
    );
  }

  const who = async () => api.who();
  const written = async (text: string) => {
    await api.knowledgeWritten();
    setStatus({ tone: 'ok', text });
    setReload((r) => r + 1);
  };
  const failed = (err: unknown) => {
    if (!(err instanceof StoreError)) throw err;
    setStatus({ tone: 'error', text: err.message });
    if (/already exists/.test(err.message)) setStoreErrors({ id: 'Id is already used by another entry.' });
  };

  const save = async () => {
    setSubmitted(true);
    setStoreErrors({});
    if (!checked || !checked.ok) {
      setStatus({ tone: 'error', text: `Not saved: ${Object.keys(checked && !checked.ok ? checked.errors : {}).length} ${Object.keys(checked && !checked.ok ? checked.errors : {}).length === 1 ? 'field needs' : 'fields need'} a fix (marked below).` });
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.entry-form [aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      const by = await who();
      const r = await saveEdited(api.db, checked.entry, entry?.version, by, { secondPerson: data.secondPerson });
      const f = formOf(r.entry);
      setForm(f);
      setBaseline(f);
      setSubmitted(false);
      if (r.unchanged) {
        setStatus({ tone: 'info', text: 'Nothing to save: the entry is as stored.' });
        return;
      }
      await written(`Saved as version ${r.entry.version} by ${by}.${r.backToReview ? ' It is in review again: approval needs a second person.' : ''}`);
      if (!entry) {
        dirtyRef.current = false;
        location.hash = hrefOf(r.entry.id);
      }
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };

  const move = async (to: EntryStatus) => {
    if (!entry) return;
    setBusy(true);
    try {
      const by = await who();
      const r = await moveEntry(api.db, entry.id, to, by, { secondPerson: data.secondPerson });
      if (r.ok) await written(`${STATUS_DONE[to]}: version ${r.entry.version} by ${by}.`);
      else setStatus({ tone: 'error', text: r.reason });
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (version: number) => {
    if (!entry) return;
    setBusy(true);
    try {
      const by = await who();
      const r = await restoreVersion(api.db, entry.id, version, by, { secondPerson: data.secondPerson });
      if (r.unchanged) setStatus({ tone: 'info', text: `Version ${version} is the same as the current one: nothing restored.` });
      else await written(`Version ${version} restored as version ${r.entry.version}.${r.backToReview ? ' It is in review again: approval needs a second person.' : ''}`);
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  };

  const runTry = async (subject: string, message: string) => {
    if (!checked?.ok || !indexOf) return { error: 'Fix the fields marked in the form first: try it ranks the entry as edited.' };
    return tryIt(indexOf(), checked.entry, pastedTicket(subject, message), data.threshold !== undefined ? { threshold: data.threshold } : {});
  };

  return (
    <div className="entry-editor">
      <h2>{entry ? entry.title : 'New entry'}</h2>
      <p>
        <a href={routeHash({ section: 'knowledge' })}>Back to the knowledge</a>
        {dirty && <span className="unsaved"> Unsaved changes.</span>}
      </p>
      <StatusMessage status={status} />
      <div className="editor-columns">
        <div className="editor-main">
          <EntryFormView form={form} errors={errors} isNew={!entry} saving={busy} {...(entry ? { source: entry.source } : {})} onChange={setForm} onSave={() => void save()} />
          <DuplicateWarning found={duplicates} titles={new Map(data.stored.map((e) => [e.id, e.title]))} hrefOf={hrefOf} />
        </div>
        <aside className="editor-side" aria-label="Review and try it">
          {entry ? (
            <ReviewBar status={entry.status} notSuggested={describeWhyNotSuggested(entry)} secondPerson={data.secondPerson} dirty={dirty} busy={busy} onMove={(to) => void move(to)} />
          ) : (
            <p data-testid="why-not-suggested">A new entry is saved as a draft: agents are not shown it until it is approved.</p>
          )}
          <TryIt run={runTry} hrefOf={hrefOf} />
        </aside>
      </div>
      {entry && data.history.length > 0 && (
        <VersionHistory
          key={entry.version}
          versions={data.history.map((h) => ({ version: h.version, who: h.who, at: h.at, change: h.change, entry: h.entry }))}
          busy={busy}
          dirty={dirty}
          onRestore={(v) => void restore(v)}
        />
      )}
    </div>
  );
}

const STATUS_DONE: Record<EntryStatus, string> = { draft: 'Back to draft', in_review: 'Sent to review', approved: 'Approved', archived: 'Archived (deleted)' };

/** Stored entries the form nearly repeats, checked once typing pauses. */
function useDuplicates(form: EntryForm | undefined, entry: Entry | undefined, indexOf: (() => KnowledgeIndex) | undefined): ImportDuplicate[] {
  const [found, setFound] = useState<ImportDuplicate[]>([]);
  const key = form ? JSON.stringify([form.id, form.title, form.body, form.questions, form.locale]) : '';
  useEffect(() => {
    if (!form || !indexOf) return;
    const timer = setTimeout(() => {
      if (!form.title.trim() && !form.body.trim()) return setFound([]);
      const candidate = candidateOf(form, entry) as Entry;
      setFound(draftDuplicates(indexOf(), { ...candidate, id: candidate.id || '\u0000new' }));
    }, DUPLICATE_CHECK_MS);
    return () => clearTimeout(timer);
    // `key` holds what the check reads of the form: other fields (owner, tags) do not re-run it.
  }, [key, indexOf, entry]);
  return found;
}
