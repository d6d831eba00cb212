import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../knowledge/events.ts';
import { columnReport } from '../../knowledge/reports/column-report.ts';
import { toColumns } from '../../knowledge/reports/columns.ts';
import { buildReport } from '../../knowledge/reports/report.ts';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6 } from '../../knowledge/store/db.ts';
import { writeBlocks } from '../../knowledge/store/event-block-columns.ts';
import { BLOCK_SIZE, countEvents, eventTables, oldestEventAt } from '../../knowledge/store/event-blocks.ts';
import { exportEvents } from '../../knowledge/store/event-files.ts';
import { importEventFilesToStore, storedIds } from '../../knowledge/store/event-import.ts';
import { addImportedEvents, listEvents, recordEvent } from '../../knowledge/store/events.ts';
import { loadEventColumns } from '../../knowledge/store/report-columns.ts';
import { purgeExpiredEvents } from '../../knowledge/store/purge.ts';
import { deleteMyData } from '../../knowledge/store/retention.ts';
import { getSettings, saveSettings } from '../../knowledge/store/settings.ts';
import { syntheticEvents } from '../bench/synthetic-events.ts';
import { dbPerTest } from './helpers.ts';

const db = dbPerTest();

const ndjson = (events: readonly StoredEvent[]) => events.map((e) => `${JSON.stringify(e)}\n`).join('');
/** Events i .. i+n of one synthetic history of `total` (180 days from 2026-06-05, 40 agents), in time order. */
const synthetic = (i: number, n: number, total = 30_000) => syntheticEvents(i, n, total);
const ticket = { helpdesk: 'zendesk', id: '1' };

describe('event blocks', () => {
  it('stores an imported file as blocks of up to BLOCK_SIZE events, which every reader sees as the events', async () => {
    const d = db();
    const loose = await recordEvent(d, { type: 'copied', ticket, entryId: 'entry-1', rank: 1, at: '2026-07-01T12:00:00.000Z' });
    // Two files, the first larger than a block and given out of time order.
    const a = synthetic(0, BLOCK_SIZE + 2000);
    const b = synthetic(BLOCK_SIZE + 2000, 3000);
    const out = await importEventFilesToStore(d, [
      { name: 'a.ndjson', text: ndjson([...a].reverse()) },
      { name: 'b.ndjson', text: ndjson(b) },
    ]);
    expect(out).toMatchObject({ added: a.length + b.length, duplicates: 0, errors: [] });
    expect(await d.eventBlocks.count()).toBe(3);
    expect(await d.events.count()).toBe(1);
    expect(await countEvents(d)).toBe(a.length + b.length + 1);
    expect(await oldestEventAt(d)).toBe(a[0]!.at);

    const all = [...a, ...b, loose].sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
    const listed = await listEvents(d);
    expect(listed.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
    expect(listed.find((e) => e.eventId === b[7]!.eventId)).toEqual(b[7]);
    // A range and types read only what they name, loose and in blocks alike.
    const range = { from: '2026-07-01', to: '2026-07-15', types: ['copied', 'flagged_outdated'] as const };
    const inRange = all.filter((e) => e.at >= '2026-07-01' && e.at < '2026-07-15' && range.types.includes(e.type as never));
    expect((await listEvents(d, { ...range, types: [...range.types] })).map((e) => e.eventId)).toEqual(inRange.map((e) => e.eventId));

    // The report columns a dashboard visit reads: the blocks' stored columns merged with the loose events'.
    const columns = await loadEventColumns(d);
    expect(columns.n).toBe(all.length);
    const report = { from: '2026-08-01', to: '2026-10-01' };
    expect(columnReport(columns, report)).toEqual(columnReport(toColumns(all), report));
    expect(columnReport(columns, report)).toEqual(buildReport(all, report));
  });

  it('counts an event once across loose rows and blocks, whichever holds it', async () => {
    const [agent, trainer] = [db(), db()];
    for (let i = 0; i < 3; i++) await recordEvent(agent, { type: 'copied', ticket: { ...ticket, id: String(i) }, entryId: 'refund', rank: 1 });
    const mine = await exportEvents(agent);
    const theirs = ndjson(synthetic(0, 50));
    // recorded on this profile (loose) and given back in a file; then a file twice, in one import and in the next
    await recordEvent(trainer, { type: 'shown', ticket, suggestions: [{ entryId: 'refund', rank: 1, confidence: 0.9 }] });
    const own = await exportEvents(trainer);
    const first = await importEventFilesToStore(trainer, [
      { name: 'own.ndjson', text: own },
      { name: 'theirs.ndjson', text: theirs },
      { name: 'theirs-again.ndjson', text: theirs },
    ]);
    expect(first.files.map((f) => [f.added, f.duplicates])).toEqual([
      [0, 1],
      [50, 0],
      [0, 50],
    ]);
    const second = await importEventFilesToStore(trainer, [
      { name: 'theirs.ndjson', text: theirs },
      { name: 'mine.ndjson', text: mine + mine },
    ]);
    expect(second.files.map((f) => [f.added, f.duplicates])).toEqual([
      [0, 50],
      [3, 3],
    ]);
    // the sample activity's path (loose rows) checks the blocks too
    expect(await addImportedEvents(trainer, synthetic(10, 2) as never)).toEqual({ added: 0, duplicates: 2 });
    expect(await storedIds(trainer, [synthetic(49, 1)[0]!.eventId!, 'not-stored-1'])).toEqual(new Set([synthetic(49, 1)[0]!.eventId]));
    expect(await countEvents(trainer)).toBe(1 + 50 + 3);
  });

  it('counts once an event another page stored as a block while this import ran (checked again inside each file\'s transaction)', async () => {
    const name = `blocks-race-${process.pid}`;
    const [page, other] = [db(name), db(name)];
    const [a, b] = [synthetic(0, 20), synthetic(20, 30)];
    await other.open();
    let raced: Promise<unknown> | undefined;
    // When the page's first file commits, another page (another handle on the database) stores half
    // of the second file, in a transaction begun before the page's next one.
    page.eventBlocks.hook('creating', (_key, _row, tx) => {
      tx.on('complete', () => {
        const half = b.slice(0, 15) as (StoredEvent & { eventId: string })[];
        raced ??= other.transaction('rw', eventTables(other), () => writeBlocks(other, half, half.map((e) => JSON.stringify(e))));
      });
    });
    const out = await importEventFilesToStore(page, [
      { name: 'a.ndjson', text: ndjson(a) },
      { name: 'b.ndjson', text: ndjson(b) },
    ]);
    await raced;
    expect(out.files.map((f) => [f.added, f.duplicates])).toEqual([
      [20, 0],
      [15, 15],
    ]);
    expect(await countEvents(page)).toBe(50);
  });

  it('exports block events exactly as imported: all of them, or only this installation’s', async () => {
    const d = db();
    const { installId } = await getSettings(d);
    const events = synthetic(0, 30).map((e, i) => (i % 3 ? e : { ...e, installId }));
    const text = ndjson(events);
    await importEventFilesToStore(d, [{ name: 'a.ndjson', text }]);
    const loose = await recordEvent(d, { type: 'copied', ticket, entryId: 'refund', rank: 1 });
    const all = (await exportEvents(d, { which: 'all' })).split('\n').filter(Boolean);
    expect(all).toHaveLength(31);
    expect(new Set(all)).toEqual(new Set([...text.split('\n').filter(Boolean), JSON.stringify((({ seq: _s, ...e }) => e)(loose))]));
    const mine = (await exportEvents(d)).split('\n').filter(Boolean).map((l) => JSON.parse(l) as StoredEvent);
    expect(mine.map((e) => e.eventId).sort()).toEqual([loose.eventId, ...events.filter((e) => e.installId === installId).map((e) => e.eventId)].sort());
  });

  it('purges by age inside blocks: old blocks go whole, a block across the cutoff keeps its later events and only their strings', async () => {
    const d = db();
    await saveSettings(d, { retentionDays: 60 });
    const events = synthetic(0, 3000);
    await importEventFilesToStore(d, [
      { name: 'old.ndjson', text: ndjson(events.slice(0, 1000)) },
      { name: 'rest.ndjson', text: ndjson(events.slice(1000)) },
    ]);
    const now = new Date('2026-08-14T00:00:00Z');
    const cutoff = new Date(now.getTime() - 60 * 86_400_000).toISOString();
    const kept = events.filter((e) => e.at >= cutoff);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(2000);
    expect(await purgeExpiredEvents(d, now)).toBe(events.length - kept.length);
    expect(await d.eventBlocks.count()).toBe(1);
    expect((await listEvents(d)).map((e) => e.eventId)).toEqual(kept.map((e) => e.eventId));
    expect((await exportEvents(d, { which: 'all' })).split('\n').filter(Boolean)).toHaveLength(kept.length);
    const columns = await loadEventColumns(d);
    expect(columns.n).toBe(kept.length);
    // no ticket hash of a purged event stays in the block
    expect(new Set(columns.tickets)).toEqual(new Set(kept.map((e) => e.ticketHash)));
    // a purged event is no longer "already stored": importing it again stores it
    expect((await importEventFilesToStore(d, [{ name: 'old.ndjson', text: ndjson(events.slice(0, 10)) }])).added).toBe(10);
  });

  it('"Delete all my data" deletes the blocks too, and counts their events', async () => {
    const d = db();
    await importEventFilesToStore(d, [{ name: 'a.ndjson', text: ndjson(synthetic(0, 20)) }]);
    await recordEvent(d, { type: 'copied', ticket, entryId: 'refund', rank: 1 });
    expect(await deleteMyData(d)).toMatchObject({ events: 21 });
    expect([await countEvents(d), await d.eventBlocks.count(), await d.eventBlockParts.count()]).toEqual([0, 0, 0]);
  });

  it('leaves no block of a file that fails part way (its second block), and stores the next file', async () => {
    const d = db();
    let blocks = 0;
    d.eventBlockParts.hook('creating', (_key, row) => {
      if (row.part === 'columns' && ++blocks === 2) throw Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    });
    const out = await importEventFilesToStore(d, [
      { name: 'big.ndjson', text: ndjson(synthetic(0, BLOCK_SIZE + 10)) },
      { name: 'small.ndjson', text: ndjson(synthetic(BLOCK_SIZE + 10, 5)) },
    ]);
    expect(out.files.map((f) => f.added)).toEqual([0, 5]);
    expect(out.errors).toEqual([expect.stringMatching(/^big\.ndjson: not stored/)]);
    expect([await countEvents(d), await d.eventBlocks.count(), await d.eventBlockParts.count()]).toEqual([5, 1, 3]);
  });
});

describe('schema upgrade to v7 (event blocks)', () => {
  it('keeps every event of a version-6 database, readable beside blocks imported after', async () => {
    const name = `upgrade-v7-${process.pid}`;
    const old = new Dexie(name);
    old.version(6).stores({ ...SCHEMA_V1, ...SCHEMA_V2, ...SCHEMA_V3, ...SCHEMA_V4, ...SCHEMA_V5, ...SCHEMA_V6 });
    const before = synthetic(0, 500);
    await old.table('events').bulkAdd(before);
    old.close();

    const d = db(name);
    await d.open();
    expect(d.verno).toBe(7);
    expect((await d.events.toArray()).map(({ seq: _seq, ...e }) => e)).toEqual(before);
    const after = synthetic(500, 300);
    expect((await importEventFilesToStore(d, [{ name: 'both.ndjson', text: ndjson([...before.slice(0, 100), ...after]) }])).files[0]).toMatchObject({ added: 300, duplicates: 100 });
    expect((await listEvents(d)).map((e) => e.eventId)).toEqual([...before, ...after].map((e) => e.eventId));
    expect((await loadEventColumns(d)).n).toBe(800);
  });
});
