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

/** An entry tag as the pilot names it (entries' tags are free text: same limit as the entry schema's). */
const PilotTag = z.string().trim().min(1, 'is empty').max(100);
export const PILOT_MIN_TAGS = 3;
export const PILOT_MAX_TAGS = 5;

/**
 * Pilot mode: suggestions only from entries with one of 3–5 chosen tags, so a team starts with a
 * few common conversations and measures them (knowledge/reports comparePilot) before going wide.
 */
export const PilotMode = z
  .object({ on: z.boolean(), tags: z.array(PilotTag).max(PILOT_MAX_TAGS, `at most ${PILOT_MAX_TAGS} tags`) })
  .refine((p) => !p.on || p.tags.length >= PILOT_MIN_TAGS, { message: `pilot mode needs ${PILOT_MIN_TAGS} to ${PILOT_MAX_TAGS} tags`, path: ['tags'] })
  .refine((p) => new Set(p.tags.map((t) => t.toLowerCase())).size === p.tags.length, { message: 'a tag is listed twice', path: ['tags'] });
export type PilotMode = z.infer<typeof PilotMode>;

/**
 * A salt the whole team shares (a trainer hands it out; a managed policy may set it later): with
 * it, the same ticket hashes the same on every machine, so a ticket counts once across agents.
 */
export const TeamSalt = z.string().trim().min(16, 'needs at least 16 characters').max(200);

export const RETENTION_DEFAULT_DAYS = 180;

export const Settings = z.object({
  agentName: z.string().trim().max(100).default(''),
  agentSignature: z.string().max(2000).default(''),
  companyName: z.string().trim().max(200).default(''),
  helpdeskDomains: z.array(HelpdeskOrigin).max(100).default([]),
  genericSelectors: z.array(GenericSelectors).max(100).default([]),
  /** Salt for hashing ticket ids in acceptance events: random, created once, never edited; a team salt replaces it. */
  ticketSalt: z.string().regex(/^[0-9a-f]{64}$/),
  /** This installation's random id, created once with the salt: stamped on every event (events.ts InstallId). */
  installId: z.string().regex(/^[0-9a-f-]{36}$/),
  teamSalt: TeamSalt.optional(),
  /** Acceptance events older than this many days are deleted (store/retention.ts). */
  retentionDays: z.number().int().min(1).max(3650).default(RETENTION_DEFAULT_DAYS),
  pilot: PilotMode.default({ on: false, tags: [] }),
  /** Confidence below which the panel says "no confident answer"; unset = the search's own. */
  thresholdOverride: z.number().min(0).max(1).optional(),
  /** Team rule: approving refuses an entry whose last change the approver made (knowledge/store/review.ts). */
  approvalNeedsSecondPerson: z.boolean().default(false),
});
export type Settings = z.infer<typeof Settings>;

/** What saveSettings accepts: any field but the salt and the install id; null removes thresholdOverride or teamSalt. */
export type SettingsPatch = Partial<Omit<Settings, 'ticketSalt' | 'installId' | 'thresholdOverride' | 'teamSalt'>> & {
  thresholdOverride?: number | null;
  teamSalt?: string | null;
};

/** Created once on first read, never edited (only "Delete all my data" drops them: a new installation). */
const CREATED_ONCE = ['ticketSalt', 'installId'] as const;

/** The salt ticket hashes use: the team's when one is set (same hash on every machine), else this installation's own. */
export function hashSalt(settings: Pick<Settings, 'ticketSalt' | 'teamSalt'>): string {
  return settings.teamSalt ?? settings.ticketSalt;
}

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
    if (typeof raw.installId !== 'string') {
      raw.installId = globalThis.crypto.randomUUID();
      await db.settings.put({ key: 'installId', value: raw.installId });
    }
    return Settings.parse(raw);
  });
}

/** Validates the patch against the schema and saves it in one transaction; returns the settings after it. */
export async function saveSettings(db: KnowledgeDb, patch: SettingsPatch): Promise<Settings> {
  if ('ticketSalt' in patch) throw new StoreError('invalid', 'The ticket salt is created once and cannot be changed.');
  if ('installId' in patch) throw new StoreError('invalid', 'The install id is created once and cannot be changed.');
  return withStoreErrors('the settings', () =>
    db.transaction('rw', db.settings, async () => {
      const current = await getSettings(db);
      const merged: Record<string, unknown> = { ...current };
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete merged[key];
        else if (value !== undefined) merged[key] = value;
      }
      const parsed = Settings.safeParse(merged);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new StoreError('invalid', `Settings, ${issue.path.join('.')}: ${issue.message}`);
      }
      for (const key of FIELDS) {
        if ((CREATED_ONCE as readonly string[]).includes(key)) continue;
        const value = parsed.data[key];
        if (value === undefined) await db.settings.delete(key);
        else await db.settings.put({ key, value });
      }
      return parsed.data;
    }),
  );
}
