// The plan store over an in-memory dynalite: large plans split into write-once parts, the head written last, one
// conditional write per publication with its audit entry, and listing the published plans of a range.
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../shared/domain/audit.ts';
import { Plan } from '../../shared/domain/plan.ts';
import { rosterAssignments } from '../../shared/roster/index.ts';
import { newAuditId } from '../../shared/store/index.ts';
import { DEFAULT_PLAN_LIMITS, PlanStore } from '../../shared/store/plans.ts';
import { startTestStore, type TestStore } from '../helpers/dynalite.ts';
import { syntheticPlan } from './synthetic.ts';

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
});
afterAll(async () => {
  await db?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

let ids = 0;
const planId = () => `pl_store${++ids}`;

function entry(stationId: string, action: AuditEntry['action'], target: string, at = new Date()): AuditEntry {
  return {
    id: newAuditId(at),
    stationId,
    at: at.toISOString(),
    actor: { sub: 'P001', groups: ['director'], stationId },
    action,
    target: { kind: 'plan', id: target },
    summary: `${action} ${target}`,
    detail: {},
  };
}

/** DynamoDB's item size: attribute names plus values (strings as UTF-8, binaries as bytes, numbers at most 21). */
function itemBytes(item: Record<string, unknown>): number {
  const size = (v: unknown): number => {
    if (v === null || v === undefined || typeof v === 'boolean') return 1;
    if (typeof v === 'string') return Buffer.byteLength(v);
    if (typeof v === 'number') return 21;
    if (v instanceof Uint8Array) return v.byteLength;
    if (Array.isArray(v)) return 3 + v.reduce<number>((n, x) => n + 1 + size(x), 0);
    return 3 + Object.entries(v as Record<string, unknown>).reduce((n, [k, x]) => n + 1 + Buffer.byteLength(k) + size(x), 0);
  };
  return Object.entries(item).reduce((n, [k, v]) => n + Buffer.byteLength(k) + size(v), 0);
}

async function itemsOf(stationId: string, planId: string): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.store.client.send(
      new QueryCommand({
        TableName: db.store.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': `STATION#${stationId}`, ':sk': `PLAN#${planId}` },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

const MAX_ITEM_BYTES = 400 * 1024;

describe('large plans', () => {
  it('a 300-person × 56-day plan (16,800 assignments) round-trips, every item under 400 KB', async () => {
    const plan = syntheticPlan({ stationId: 'big', id: planId(), start: '2027-01-04', days: 56, people: 300 });
    expect(plan.assignments).toHaveLength(16_800);
    const head = await db.store.plans.create(plan, entry('big', 'plan.created', plan.id));
    expect(head.summary).toMatchObject({ people: 300, assignments: 16_800 });
    const read = await db.store.plans.get('big', plan.id);
    expect(read).toEqual(plan);
    expect(Plan.parse(read)).toEqual(plan);
    const items = await itemsOf('big', plan.id);
    expect(items.length).toBe(1 + head.parts);
    for (const item of items) expect(itemBytes(item)).toBeLessThan(MAX_ITEM_BYTES);
  });

  it('a body that does not compress is cut into ~300 KB parts at the default limits; every item under 400 KB', async () => {
    const plan = syntheticPlan({ stationId: 'big', id: planId(), start: '2027-03-01', days: 56, people: 300, seed: 7 });
    // ~1 MB of incompressible text: forces the packed body far over the inline limit.
    plan.suggestions = Array.from({ length: 700 }, (_, i) => ({
      kind: 'redeployment' as const,
      personId: `P${String((i % 300) + 1).padStart(3, '0')}`,
      post: 'station-duty' as const,
      from: '2027-03-02',
      to: '2027-03-02',
      why: randomBytes(1100).toString('base64'),
    }));
    const head = await db.store.plans.create(plan, entry('big', 'plan.created', plan.id));
    expect(head.bodyBytes).toBeGreaterThan(DEFAULT_PLAN_LIMITS.inlineBytes);
    expect(head.parts).toBe(Math.ceil(head.bodyBytes / DEFAULT_PLAN_LIMITS.partBytes));
    expect(head.parts).toBeGreaterThanOrEqual(3);
    const items = await itemsOf('big', plan.id);
    expect(items).toHaveLength(1 + head.parts);
    for (const item of items) expect(itemBytes(item)).toBeLessThan(MAX_ITEM_BYTES);
    const headItem = items.find((i) => i.sk === `PLAN#${plan.id}`)!;
    expect(headItem.doc).toBeUndefined();
    expect(await db.store.plans.get('big', plan.id)).toEqual(plan);
  });

  it('reads parts back in numeric order (PART#10 after PART#9) when there are many', async () => {
    const store = new PlanStore(db.store.client, db.store.tableName, db.store.audit, { inlineBytes: 1024, partBytes: 512 });
    const plan = syntheticPlan({ stationId: 'small-parts', id: planId(), start: '2027-01-04', days: 28, people: 40 });
    const head = await store.create(plan, entry('small-parts', 'plan.created', plan.id));
    expect(head.parts).toBeGreaterThan(11);
    expect(await store.get('small-parts', plan.id)).toEqual(plan);
    // Any store reads it: the head says how it is kept.
    expect(await db.store.plans.get('small-parts', plan.id)).toEqual(plan);
  });

  it('a plan whose head write fails is invisible: parts alone are never read as a plan', async () => {
    const store = new PlanStore(db.store.client, db.store.tableName, db.store.audit, { inlineBytes: 4096, partBytes: 4096 });
    const plan = syntheticPlan({ stationId: 'torn', id: planId(), start: '2027-01-04', days: 28, people: 20 });
    const client = db.store.client;
    const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    vi.spyOn(client, 'send').mockImplementation((async (command: unknown) => {
      const item = (command as { input?: { Item?: { sk?: string } } }).input?.Item;
      if (command instanceof PutCommand && item?.sk === `PLAN#${plan.id}`) throw Object.assign(new Error('network gone'), { name: 'TimeoutError' });
      return send(command);
    }) as never);
    await expect(store.create(plan, entry('torn', 'plan.created', plan.id))).rejects.toThrow('network gone');
    vi.restoreAllMocks();
    const items = await itemsOf('torn', plan.id);
    expect(items.length).toBeGreaterThan(0); // the parts are there…
    expect(items.every((i) => String(i.sk).includes('#PART#'))).toBe(true);
    expect(await store.get('torn', plan.id)).toBeNull(); // …but no plan is
    expect(await store.head('torn', plan.id)).toBeNull();
    expect(await store.listPublishedHeads('torn', '2027-01-01', '2027-12-31')).toEqual([]);
  });

  it('a part id is never a plan: get() on a part key finds nothing', async () => {
    const store = new PlanStore(db.store.client, db.store.tableName, db.store.audit, { inlineBytes: 1024, partBytes: 1024 });
    const plan = syntheticPlan({ stationId: 'parts-only', id: planId(), start: '2027-01-04', days: 7, people: 10 });
    await store.create(plan, entry('parts-only', 'plan.created', plan.id));
    expect(await store.get('parts-only', `${plan.id}#PART#0`)).toBeNull();
  });
});

describe('publishing', () => {
  it('draft → published in one conditional write: version + 1, publishedAt, audit entry in the trail', async () => {
    const plan = syntheticPlan({ stationId: 'pub', id: planId(), start: '2027-01-04', days: 7, people: 5 });
    await db.store.plans.create(plan, entry('pub', 'plan.created', plan.id));
    const at = new Date('2027-01-01T09:00:00.000Z');
    const head = await db.store.plans.publish('pub', plan.id, 1, entry('pub', 'plan.published', plan.id, at));
    expect(head).toMatchObject({ id: plan.id, status: 'published', version: 2, publishedAt: at.toISOString() });
    expect(await db.store.plans.get('pub', plan.id)).toEqual({ ...plan, status: 'published', version: 2, publishedAt: at.toISOString() });
    const trail = await db.store.audit.list('pub');
    expect(trail.items.map((e) => e.action)).toEqual(['plan.created', 'plan.published']);
    // The outbox is empty again and the sparse index key is gone.
    const [item] = (await itemsOf('pub', plan.id)).filter((i) => i.sk === `PLAN#${plan.id}`);
    expect(item?.outbox).toEqual({});
    expect(item?.pendingAudit).toBeUndefined();
  });

  it('publishing twice is a 409 that says so; a stale version is a 409; an unknown plan a 404', async () => {
    const plan = syntheticPlan({ stationId: 'pub', id: planId(), start: '2027-01-04', days: 7, people: 5 });
    await db.store.plans.create(plan, entry('pub', 'plan.created', plan.id));
    await expect(db.store.plans.publish('pub', plan.id, 3, entry('pub', 'plan.published', plan.id))).rejects.toMatchObject({ status: 409, message: expect.stringContaining('version 1, not 3') });
    await db.store.plans.publish('pub', plan.id, 1, entry('pub', 'plan.published', plan.id));
    await expect(db.store.plans.publish('pub', plan.id, 1, entry('pub', 'plan.published', plan.id))).rejects.toMatchObject({ status: 409, message: expect.stringContaining('published already') });
    await expect(db.store.plans.publish('pub', 'pl_nothing', 1, entry('pub', 'plan.published', 'pl_nothing'))).rejects.toMatchObject({ status: 404 });
    // Neither failed attempt left an audit entry behind.
    const trail = await db.store.audit.list('pub');
    expect(trail.items.filter((e) => e.target.id === plan.id).map((e) => e.action)).toEqual(['plan.created', 'plan.published']);
  });

  it('of two concurrent publications of one draft, one wins and the other gets 409', async () => {
    const plan = syntheticPlan({ stationId: 'pub', id: planId(), start: '2027-01-04', days: 7, people: 5 });
    await db.store.plans.create(plan, entry('pub', 'plan.created', plan.id));
    const results = await Promise.allSettled([
      db.store.plans.publish('pub', plan.id, 1, entry('pub', 'plan.published', plan.id)),
      db.store.plans.publish('pub', plan.id, 1, entry('pub', 'plan.published', plan.id)),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ status: 409 });
  });
});

describe('listing published plans', () => {
  const station = 'listing';
  const publish = async (plan: Plan, at: string) => {
    await db.store.plans.create(plan, entry(station, 'plan.created', plan.id));
    await db.store.plans.publish(station, plan.id, 1, entry(station, 'plan.published', plan.id, new Date(at)));
  };
  const people = ['P001', 'P002', 'P003'];
  const january = syntheticPlan({ stationId: station, id: 'pl_jan', start: '2027-01-04', days: 28, people, seed: 1, tag: 'jan' });
  const replan = syntheticPlan({ stationId: station, id: 'pl_replan', start: '2027-01-18', days: 21, people, seed: 2, tag: 'replan' });
  const draft = syntheticPlan({ stationId: station, id: 'pl_draft', start: '2027-01-04', days: 28, people, seed: 3 });
  const early = syntheticPlan({ stationId: station, id: 'pl_early', start: '2026-10-01', days: 92, people, seed: 4 });

  beforeAll(async () => {
    await publish(early, '2026-09-20T00:00:00.000Z');
    await publish(january, '2026-12-20T00:00:00.000Z');
    await publish(replan, '2027-01-10T00:00:00.000Z');
    await db.store.plans.create(draft, entry(station, 'plan.created', draft.id));
  });

  it('finds the published plans overlapping a range (drafts and plans outside it left out), oldest publication first', async () => {
    expect((await db.store.plans.listPublishedHeads(station, '2026-12-01', '2027-01-31')).map((h) => h.id)).toEqual(['pl_early', 'pl_jan', 'pl_replan']);
    expect((await db.store.plans.listPublishedHeads(station, '2027-01-01', '2027-01-31')).map((h) => h.id)).toEqual(['pl_jan', 'pl_replan']);
    expect((await db.store.plans.listPublishedHeads(station, '2027-01-02', '2027-01-03')).map((h) => h.id)).toEqual([]);
    // pl_early covers 2026-10-01..2026-12-31 (92 days): still found from a range that starts on its last day.
    expect((await db.store.plans.listPublishedHeads(station, '2026-12-31', '2027-01-04')).map((h) => h.id)).toEqual(['pl_early', 'pl_jan']);
    expect((await db.store.plans.listPublishedHeads(station, '2027-02-07', '2027-02-07')).map((h) => h.id)).toEqual(['pl_replan']);
  });

  it('the later publication wins for its dates; the earlier plan keeps its other dates and is not rewritten', async () => {
    const plans = await db.store.plans.listPublished(station, '2027-01-04', '2027-02-07');
    expect(plans.map((p) => p.id)).toEqual(['pl_jan', 'pl_replan']);
    const roster = rosterAssignments(plans, '2027-01-04', '2027-02-07');
    const from = (plan: Plan, lo: string, hi: string) => plan.assignments.filter((a) => a.date >= lo && a.date <= hi);
    const expected = [...from(january, '2027-01-04', '2027-01-17'), ...from(replan, '2027-01-18', '2027-02-07')];
    const key = (a: { date: string; personId: string }) => `${a.date}|${a.personId}`;
    expect([...roster].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...expected].sort((a, b) => key(a).localeCompare(key(b))));
    expect(await db.store.plans.get(station, 'pl_jan')).toMatchObject({ status: 'published', version: 2, assignments: january.assignments });
  });

  it('a plan wholly taken over inside the range is not loaded', async () => {
    const plans = await db.store.plans.listPublished(station, '2027-01-20', '2027-01-31');
    expect(plans.map((p) => p.id)).toEqual(['pl_replan']);
  });
});
