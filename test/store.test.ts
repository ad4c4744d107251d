// The roster store on dynalite: station round-trips, conditional writes, paging cursors and the audit outbox.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../shared/domain/audit.ts';
import { DomainError } from '../shared/domain/errors.ts';
import { validateStationConfig, type StationConfig } from '../shared/domain/station.ts';
import { newAuditId, type RosterStore } from '../shared/store/index.ts';
import { startTestStore, type TestStore } from './helpers/dynalite.ts';
import { apiExample } from './helpers/fixtures.ts';

function config(name = 'Qianmen'): StationConfig {
  const validated = validateStationConfig({ ...apiExample(), name });
  if (!validated.ok) throw new Error(JSON.stringify(validated.issues));
  return validated.value;
}

let clock = Date.parse('2026-03-01T08:00:00.000Z');
/** An audit entry at a distinct, increasing instant, so that order in the trail is well defined. */
function entry(stationId: string, summary: string, sub = 'P001'): AuditEntry {
  clock += 1000;
  const at = new Date(clock);
  return {
    id: newAuditId(at),
    stationId,
    at: at.toISOString(),
    actor: { sub, groups: ['director'], stationId },
    action: 'station.configured',
    target: { kind: 'station', id: stationId },
    summary,
    detail: {},
  };
}

async function rawItem(store: RosterStore, pk: string, sk: string) {
  const { Item } = await store.client.send(new GetCommand({ TableName: store.tableName, Key: { pk, sk }, ConsistentRead: true }));
  return Item;
}

/** The audit partition as stored, without the drain that audit.list() does first. */
async function rawTrail(store: RosterStore, stationId: string): Promise<AuditEntry[]> {
  const { Items } = await store.client.send(
    new QueryCommand({ TableName: store.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `AUDIT#${stationId}` }, ConsistentRead: true }),
  );
  return (Items ?? []).map((i) => i.entry as AuditEntry);
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

let db: TestStore;
let store: RosterStore;
beforeAll(async () => {
  db = await startTestStore();
  store = db.store;
});
afterAll(async () => {
  await db?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('stations', () => {
  it('put then get round-trips the configuration with id, version, updatedAt and updatedBy', async () => {
    const e = entry('roundtrip', 'created');
    const saved = await store.stations.put('roundtrip', config(), { expectedVersion: null, entry: e });
    expect(saved).toMatchObject({ id: 'roundtrip', version: 1, updatedAt: e.at, updatedBy: 'P001' });
    const read = await store.stations.get('roundtrip');
    expect(read).toEqual(saved);
    // A station stored without a branch reads as the branch "default" (API.md, Branches).
    expect(read).toEqual({ id: 'roundtrip', version: 1, updatedAt: e.at, updatedBy: 'P001', ...config(), branchId: 'default' });

    const second = await store.stations.put('roundtrip', config('Renamed'), { expectedVersion: 1, entry: entry('roundtrip', 'renamed', 'P002') });
    expect(second.version).toBe(2);
    expect(await store.stations.get('roundtrip')).toMatchObject({ version: 2, name: 'Renamed', updatedBy: 'P002' });
  });

  it('get of a station that does not exist is null', async () => {
    expect(await store.stations.get('no-such-station')).toBeNull();
  });

  it('keeps a large station (1,000 people) in one item', async () => {
    const doc = apiExample();
    doc.people = Array.from({ length: 1000 }, (_, i) => ({
      id: `P${String(i).padStart(4, '0')}`,
      name: `Officer number ${i} with a reasonably long name`,
      kind: 'officer',
      rank: i === 0 ? 'director' : 'officer',
      group: ['G1', 'G2', 'G3'][i % 3],
      skills: ['driver', 'case-handling'],
      joined: '2015-06-01',
    }));
    doc.absences = [];
    const validated = validateStationConfig(doc);
    expect(validated.ok).toBe(true);
    if (!validated.ok) return;
    await store.stations.put('large', validated.value, { expectedVersion: null, entry: entry('large', 'created') });
    const read = await store.stations.get('large');
    expect(read?.people).toHaveLength(1000);
    expect(read?.people[999]?.id).toBe('P0999');
  });

  it('a create when the station exists fails with a 409 DomainError and keeps the stored one', async () => {
    await store.stations.put('taken', config('First'), { expectedVersion: null, entry: entry('taken', 'first') });
    const error = await rejection(store.stations.put('taken', config('Second'), { expectedVersion: null, entry: entry('taken', 'second') }));
    expect(error.status).toBe(409);
    expect(error.code).toBe('CONFLICT');
    expect(await store.stations.get('taken')).toMatchObject({ version: 1, name: 'First' });
    expect((await store.audit.list('taken')).items.map((e) => e.summary)).toEqual(['first']);
  });

  it('an update from a version that is no longer current fails with a 409 DomainError', async () => {
    await store.stations.put('moved-on', config('v1'), { expectedVersion: null, entry: entry('moved-on', 'v1') });
    await store.stations.put('moved-on', config('v2'), { expectedVersion: 1, entry: entry('moved-on', 'v2') });
    const error = await rejection(store.stations.put('moved-on', config('lost'), { expectedVersion: 1, entry: entry('moved-on', 'lost') }));
    expect(error.status).toBe(409);
    const missing = await rejection(store.stations.put('never-made', config(), { expectedVersion: 1, entry: entry('never-made', 'x') }));
    expect(missing.status).toBe(409);
    expect(await store.stations.get('never-made')).toBeNull();
    expect((await store.audit.list('moved-on')).items.map((e) => e.summary)).toEqual(['v1', 'v2']);
  });
});

describe('stations.list paging (a store of its own)', () => {
  let own: TestStore;
  beforeAll(async () => {
    own = await startTestStore();
  });
  afterAll(async () => {
    await own?.close();
  });

  it('7 stations, limit 3 → 3 pages with every id exactly once', async () => {
    const ids = ['s-07', 's-03', 's-01', 's-05', 's-02', 's-06', 's-04'];
    for (const id of ids) await own.store.stations.put(id, config(`Station ${id}`), { expectedVersion: null, entry: entry(id, 'created') });

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<RosterStore['stations']['list']>> = await own.store.stations.list({ cursor, limit: 3 });
      pages.push(page.items.map((s) => s.id));
      for (const s of page.items) expect(s).toMatchObject({ name: `Station ${s.id}`, version: 1, updatedAt: expect.any(String) });
      cursor = page.next;
    } while (cursor && pages.length < 10);

    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual([...ids].sort());
  });

  it('without a limit one page holds them all', async () => {
    const page = await own.store.stations.list();
    expect(page.items).toHaveLength(7);
    expect(page.next).toBeNull();
  });

  it('a cursor that points at another partition is refused (400 DomainError)', async () => {
    const first = await own.store.stations.list({ limit: 3 });
    expect(first.next).not.toBeNull();
    const key = JSON.parse(Buffer.from(first.next!, 'base64url').toString('utf8')) as Record<string, string>;
    expect(key.gsi1pk).toBe('STATIONS');

    const tampered = [
      cursorOf({ ...key, gsi1pk: 'PLANS#s-01' }),
      cursorOf({ pk: 'STATION#s-01', sk: 'CONFIG' }),
      cursorOf({ pk: 'AUDIT#s-01', sk: '2026' }),
    ];
    for (const cursor of tampered) {
      const error = await rejection(own.store.stations.list({ cursor, limit: 3 }));
      expect(error.status).toBe(400);
      expect(error.code).toBe('BAD_REQUEST');
    }
  });

  it('a garbage cursor is refused (400 DomainError)', async () => {
    for (const cursor of ['not a cursor', '%%%', cursorOf([1, 2]), cursorOf('STATIONS'), cursorOf({ gsi1pk: 'STATIONS', gsi1sk: 7 }), cursorOf(null)]) {
      const error = await rejection(own.store.stations.list({ cursor }));
      expect(error.status, cursor).toBe(400);
    }
  });
});

describe('the audit outbox', () => {
  it('a crash between the write and the flush: the next audit read drains the entry, exactly once', async () => {
    const id = 'crash-create';
    const e = entry(id, 'created before the crash');
    vi.spyOn(store.audit, 'flush').mockRejectedValueOnce(new Error('process died'));
    await expect(store.stations.put(id, config(), { expectedVersion: null, entry: e })).resolves.toMatchObject({ version: 1 });
    vi.restoreAllMocks();

    // The change happened and carries its entry; the trail itself does not have it yet.
    expect(await store.stations.get(id)).toMatchObject({ version: 1 });
    const before = await rawItem(store, `STATION#${id}`, 'CONFIG');
    expect(before?.pendingAudit).toBe(`STATION#${id}`);
    expect(Object.keys(before?.outbox ?? {})).toEqual([e.id]);
    expect(await rawTrail(store, id)).toEqual([]);

    const page = await store.audit.list(id);
    expect(page.items).toEqual([e]);
    const after = await rawItem(store, `STATION#${id}`, 'CONFIG');
    expect(after?.pendingAudit).toBeUndefined();
    expect(after?.outbox).toEqual({});

    // Reading again neither duplicates nor loses it.
    expect((await store.audit.list(id)).items).toEqual([e]);
    expect(await rawTrail(store, id)).toEqual([e]);
  });

  it('a crash on an update: the earlier entry and the pending one both appear, in order', async () => {
    const id = 'crash-update';
    const first = entry(id, 'first');
    const second = entry(id, 'second');
    await store.stations.put(id, config(), { expectedVersion: null, entry: first });
    vi.spyOn(store.audit, 'flush').mockRejectedValueOnce(new Error('process died'));
    await expect(store.stations.put(id, config('Two'), { expectedVersion: 1, entry: second })).resolves.toMatchObject({ version: 2 });
    vi.restoreAllMocks();

    expect((await rawItem(store, `STATION#${id}`, 'CONFIG'))?.pendingAudit).toBe(`STATION#${id}`);
    expect((await store.audit.list(id)).items.map((x) => x.summary)).toEqual(['first', 'second']);
    expect((await rawItem(store, `STATION#${id}`, 'CONFIG'))?.pendingAudit).toBeUndefined();
  });

  it('an item written with a raw PutCommand carrying an outbox map and pendingAudit is drained', async () => {
    const id = 'raw-outbox';
    const a = entry(id, 'raw a');
    const b = entry(id, 'raw b');
    // As audit.ts documents: the change's own item carries the entries in `outbox` and the sparse key `pendingAudit`.
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { pk: `STATION#${id}`, sk: 'RD#rd_1', status: 'pending', outbox: { [b.id]: b, [a.id]: a }, pendingAudit: `STATION#${id}` },
      }),
    );
    // Another station's pending entry is not this station's business.
    const foreign = entry('raw-other', 'other station');
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { pk: 'STATION#raw-other', sk: 'RD#rd_2', outbox: { [foreign.id]: foreign }, pendingAudit: 'STATION#raw-other' },
      }),
    );

    const page = await store.audit.list(id);
    expect(page.items).toEqual([a, b]);
    const item = await rawItem(store, `STATION#${id}`, 'RD#rd_1');
    expect(item).toMatchObject({ status: 'pending', outbox: {} });
    expect(item?.pendingAudit).toBeUndefined();
    expect((await store.audit.list(id)).items).toHaveLength(2);

    expect((await rawItem(store, 'STATION#raw-other', 'RD#rd_2'))?.pendingAudit).toBe('STATION#raw-other');
    expect((await store.audit.list('raw-other')).items).toEqual([foreign]);
  });

  it('a crash after the copy but before the outbox was cleared does not duplicate the entry', async () => {
    const id = 'half-flushed';
    const e = entry(id, 'copied, not cleared');
    await store.client.send(new PutCommand({ TableName: store.tableName, Item: { pk: `AUDIT#${id}`, sk: e.id, entry: e } }));
    await store.client.send(
      new PutCommand({ TableName: store.tableName, Item: { pk: `STATION#${id}`, sk: 'CONFIG', version: 1, outbox: { [e.id]: e }, pendingAudit: `STATION#${id}` } }),
    );
    expect((await store.audit.list(id)).items).toEqual([e]);
    expect(await rawTrail(store, id)).toEqual([e]);
    expect((await rawItem(store, `STATION#${id}`, 'CONFIG'))?.pendingAudit).toBeUndefined();
  });

  it('audit.list pages oldest first and filters by date; a cursor from another station is refused', async () => {
    const id = 'trail-pages';
    const e1 = entry(id, 'one');
    await store.stations.put(id, config(), { expectedVersion: null, entry: e1 });
    for (let v = 1; v <= 4; v++) await store.stations.put(id, config(`v${v + 1}`), { expectedVersion: v, entry: entry(id, `v${v + 1}`) });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<RosterStore['audit']['list']>> = await store.audit.list(id, { cursor, limit: 2 });
      seen.push(...page.items.map((x) => x.summary));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(['one', 'v2', 'v3', 'v4', 'v5']);

    const day = e1.at.slice(0, 10);
    const nextDay = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
    expect((await store.audit.list(id, { from: `${day}T00:00:00.000Z`, until: nextDay })).items).toHaveLength(5);
    expect((await store.audit.list(id, { until: '2000-01-01T00:00:00.000Z' })).items).toEqual([]);

    const first = await store.audit.list(id, { limit: 2 });
    const key = JSON.parse(Buffer.from(first.next!, 'base64url').toString('utf8')) as Record<string, string>;
    const error = await rejection(store.audit.list(id, { cursor: cursorOf({ ...key, pk: 'AUDIT#crash-create' }) }));
    expect(error.status).toBe(400);
  });
});
