import { z } from 'zod';
import type { KnowledgeDb } from './db.ts';
import { StoreError, withStoreErrors } from './errors.ts';

/** An origin the agent enabled, exactly as the browser reports it: https://support.example.com (no path). */
export const HelpdeskOrigin = z.string().refine(
  (s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s;
    } catch {
      return false;
    }
  },
  { message: 'is not a web origin (e.g. https://support.example.com, without a path or trailing slash)' },
);

/** A CSS selector kept as data; it is only ever passed to querySelector, never run as code. */
const Selector = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(500)
  .refine((s) => !/[{}<>;]/.test(s), { message: 'is not a CSS selector (no { } < > ;)' });

export const GenericSelectors = z.object({
  domain: HelpdeskOrigin,
  subject: Selector,
  message: Selector,
  replyBox: Selector,
});
export type GenericSelectors = z.infer<typeof GenericSelectors>;

export const Settings = z.object({
  agentName: z.string().trim().max(100).default(''),
  agentSignature: z.string().max(2000).default(''),
  companyName: z.string().trim().max(200).default(''),
  helpdeskDomains: z.array(HelpdeskOrigin).max(100).default([]),
  genericSelectors: z.array(GenericSelectors).max(100).default([]),
  /** Salt for hashing ticket ids in acceptance events: random, created once, never edited. */
  ticketSalt: z.string().regex(/^[0-9a-f]{64}$/),
  /** Confidence below which the panel says "no confident answer"; unset = the search's own. */
  thresholdOverride: z.number().min(0).max(1).optional(),
  /** Team rule: approving refuses an entry whose last change the approver made (knowledge/store/workflow.ts). */
  approvalNeedsSecondPerson: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;

/** What saveSettings accepts: any field but the salt; thresholdOverride: null removes the override. */
export type SettingsPatch = Partial<Omit<Settings, 'ticketSalt' | 'thresholdOverride'>> & { thresholdOverride?: number | null };

const FIELDS = Object.keys(Settings.shape) as (keyof Settings)[];

function newSalt(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The settings, with defaults for what was never set. The ticket salt is created on first read.
 * A stored value that no longer passes the schema falls back to its default rather than breaking the panel.
 */
export async function getSettings(db: KnowledgeDb): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const rows = await db.settings.bulkGet(FIELDS);
    const raw: Record<string, unknown> = {};
    rows.forEach((row, i) => {
      const key = FIELDS[i]!;
      if (row === undefined) return;
      const one = Settings.shape[key].safeParse(row.value);
      if (one.success) raw[key] = one.data;
    });
    if (typeof raw.ticketSalt !== 'string') {
      raw.ticketSalt = newSalt();
      await db.settings.put({ key: 'ticketSalt', value: raw.ticketSalt });
    }
    return Settings.parse(raw);
  });
}

/** Validates the patch against the schema and saves it in one transaction; returns the settings after it. */
export async function saveSettings(db: KnowledgeDb, patch: SettingsPatch): Promise<Settings> {
  if ('ticketSalt' in patch) throw new StoreError('invalid', 'The ticket salt is created once and cannot be changed.');
  return withStoreErrors('the settings', () =>
    db.transaction('rw', db.settings, async () => {
      const current = await getSettings(db);
      const { thresholdOverride, ...rest } = patch;
      const merged: Record<string, unknown> = { ...current, ...rest };
      if (thresholdOverride === null) delete merged.thresholdOverride;
      else if (thresholdOverride !== undefined) merged.thresholdOverride = thresholdOverride;
      const parsed = Settings.safeParse(merged);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new StoreError('invalid', `Settings, ${issue.path.join('.')}: ${issue.message}`);
      }
      for (const key of FIELDS) {
        const value = parsed.data[key];
        if (value === undefined) await db.settings.delete(key);
        else await db.settings.put({ key, value });
      }
      return parsed.data;
    }),
  );
}
