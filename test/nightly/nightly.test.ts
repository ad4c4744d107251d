// The nightly job against dynalite, through the very handlers Lambda runs: one night per station and night (a second
// run changes nothing), a crash mid-way is retried, a failing station never stops the others, published days stay
// pinned from one night to the next.
import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { createDispatchHandler, sqsSender } from '../../functions/nightly-dispatch/handler.ts';
import { createWorkerHandler } from '../../functions/nightly-worker/handler.ts';
import { InProcessQueue, drain, localContext, sqsEvent } from '../../local/nightly-queue.ts';
import { rosterAssignments } from '../../shared/roster/index.ts';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { NightBusyError, dispatchNight, nightlyOptions, runNight, type NightResult, type NightlyMessage } from '../../shared/nightly/index.ts';
import { NightlyStore } from '../../shared/store/nightly.ts';
import type { RosterStore } from '../../shared/store/index.ts';
import { startTestStore, type TestStore } from '../helpers/dynalite.ts';
import { putGeneratedStation } from './stations.ts';

// 02:00 in Shanghai on 2027-01-04: the night 2027-01-04, the horizon from 2027-01-05.
const AT = '2027-01-03T18:00:00Z';
const NIGHT = '2027-01-04';
const START = '2027-01-05';
const options = nightlyOptions({ horizonDays: 14, leadDays: 7, solverSeconds: 0.2 }, {});
const quiet = new Logger({ serviceName: 'nightly-test', logLevel: 'SILENT' });
const message = (stationId: string, extra: Partial<NightlyMessage> = {}): NightlyMessage => ({ stationId, scheduledTime: AT, ...extra });

let db: TestStore;
let store: RosterStore;
beforeAll(async () => {
  db = await startTestStore();
  store = db.store;
  await putGeneratedStation(store, 'alpha', 20, 1);
  await putGeneratedStation(store, 'bravo', 24, 2, 'four-teams-three-shifts');
  await putGeneratedStation(store, 'charlie', 22, 3);
});
afterAll(async () => {
  await db?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function countItems(stationId: string) {
  const heads = await store.plans.listPublishedHeads(stationId, '2026-01-01', '2028-12-31');
  const audit = await store.audit.list(stationId, { limit: 1000 });
  return { published: heads.map((h) => h.id).sort(), audit: audit.items.length };
}

describe('one station and night', () => {
  it('plans the horizon, publishes the lead window and records the night; a second run changes nothing', async () => {
    const first = await runNight(store, message('alpha'), options);
    expect(first).toMatchObject({ status: 'done', night: NIGHT, horizon: { start: START, days: 14 }, lead: { start: START, end: addDaysTo(START, 6) }, pinned: 0 });
    if (first.status !== 'done') throw new Error('not done');
    expect(first.published).toMatchObject({ from: START, to: addDaysTo(START, 6), days: 7, takesOver: [] });

    const plan = await store.plans.get('alpha', first.published!.planId);
    expect(plan).toMatchObject({ status: 'published', version: 2, start: START, days: 7, createdBy: 'system:nightly' });
    expect(new Set(plan!.assignments.map((a) => a.date)).size).toBe(7);
    const marker = await new NightlyStore(store.client, store.tableName).get('alpha', NIGHT);
    expect(marker).toMatchObject({ status: 'done', attempts: 1, result: { published: { planId: first.published!.planId } } });

    const before = await countItems('alpha');
    expect(before.published).toEqual([first.published!.planId]);
    const second = await runNight(store, message('alpha'), options);
    expect(second).toMatchObject({ status: 'skipped', reason: 'already-done', night: NIGHT });
    expect(await countItems('alpha')).toEqual(before);
    expect(await new NightlyStore(store.client, store.tableName).get('alpha', NIGHT)).toEqual(marker);
  });

  it('keeps the published days pinned the next night and publishes only the day falling due', async () => {
    const night1 = await runNight(store, message('charlie'), options);
    if (night1.status !== 'done' || !night1.published) throw new Error('night 1 published nothing');
    const next = addDaysTo(NIGHT, 1);
    const night2 = await runNight(store, message('charlie', { scheduledTime: '2027-01-04T18:00:00Z' }), options);
    if (night2.status !== 'done') throw new Error('night 2 not done');
    expect(night2.night).toBe(next);
    expect(night2.pinned).toBeGreaterThan(0);
    // Days 2..7 of the first night's window are published and kept: only the new last day of the window is published.
    expect(night2.published).toMatchObject({ from: addDaysTo(START, 7), to: addDaysTo(START, 7), days: 1 });

    const firstPlan = (await store.plans.get('charlie', night1.published.planId))!;
    const from = addDaysTo(START, 1);
    const to = addDaysTo(START, 6);
    const roster = rosterAssignments(await store.plans.listPublished('charlie', from, to), from, to);
    const key = (a: { personId: string; date: string; post: string; shift: string }) => `${a.date}|${a.personId}|${a.shift}|${a.post}`;
    expect(roster.map(key).sort()).toEqual(firstPlan.assignments.filter((a) => a.date >= from && a.date <= to).map(key).sort());
  });

  it('plans afresh the published days marked as needing a re-plan, and keeps the others pinned', async () => {
    const night = '2027-04-01';
    const first = await runNight(store, message('alpha', { night }), options);
    if (first.status !== 'done' || !first.published) throw new Error('nothing published');
    const marked = addDaysTo(night, 3);
    // As if an approval after publication had marked one day of the plan (AP-5).
    const listPublished = store.plans.listPublished.bind(store.plans);
    vi.spyOn(store.plans, 'listPublished').mockImplementation(async (...args) =>
      (await listPublished(...args)).map((p) => (p.id === first.published!.planId ? { ...p, needsReplan: [marked] } : p)),
    );
    const second = await runNight(store, message('alpha', { night: addDaysTo(night, 1) }), options);
    if (second.status !== 'done') throw new Error('not done');
    expect(second.replanned).toEqual([marked]);
    const plan = (await store.plans.get('alpha', first.published.planId))!;
    const keptDays = plan.assignments.filter((a) => a.date > addDaysTo(night, 1) && a.date !== marked).length;
    expect(second.pinned).toBe(keptDays);
    // The marked day is re-published only if the re-plan changed it; the new day at the end of the window always is.
    expect(second.published?.to).toBe(second.lead.end);
    expect(second.published!.from <= second.lead.end).toBe(true);
  });

  it('retries a night that failed mid-way, and publishes its days once', async () => {
    const publish = vi.spyOn(store.plans, 'publish').mockRejectedValueOnce(new Error('connection reset'));
    await expect(runNight(store, message('bravo'), options)).rejects.toThrow('connection reset');
    const markers = new NightlyStore(store.client, store.tableName);
    expect(await markers.get('bravo', NIGHT)).toMatchObject({ status: 'running', attempts: 1, lastError: 'Error: connection reset' });
    expect((await countItems('bravo')).published).toEqual([]);

    const retry = await runNight(store, message('bravo'), options);
    expect(publish).toHaveBeenCalledTimes(2);
    expect(retry).toMatchObject({ status: 'done', published: { from: START, days: 7 } });
    expect(await markers.get('bravo', NIGHT)).toMatchObject({ status: 'done', attempts: 2 });
    expect((await countItems('bravo')).published).toHaveLength(1);
    expect(await runNight(store, message('bravo'), options)).toMatchObject({ status: 'skipped', reason: 'already-done' });
  });

  it('does not publish twice when an attempt died after publishing but before marking the night done', async () => {
    const night = '2027-01-20';
    const finish = vi.spyOn(NightlyStore.prototype, 'finish').mockRejectedValueOnce(new Error('timed out'));
    const first = runNight(store, message('charlie', { night }), options);
    await expect(first).rejects.toThrow('timed out');
    const after = await countItems('charlie');
    const retry = await runNight(store, message('charlie', { night }), options);
    expect(finish).toHaveBeenCalledTimes(2);
    expect(retry).toMatchObject({ status: 'done', published: null });
    expect(await countItems('charlie')).toEqual(after);
  });

  it('leaves a night alone while another attempt holds a live lease, and takes it over once the lease ran out', async () => {
    const markers = new NightlyStore(store.client, store.tableName);
    const night = '2027-02-01';
    const now = new Date('2027-01-31T18:00:00Z');
    expect(await markers.claim('alpha', night, { owner: 'other', now, leaseSeconds: 60, keepDays: 1 })).toMatchObject({ claimed: true });
    const msg = message('alpha', { night });
    await expect(runNight(store, msg, options, { now: () => new Date(now.getTime() + 30_000) })).rejects.toBeInstanceOf(NightBusyError);
    const late = await runNight(store, msg, options, { now: () => new Date(now.getTime() + 61_000), owner: 'me' });
    expect(late).toMatchObject({ status: 'done', night });
    // The first holder can no longer mark it done.
    expect(await markers.finish('alpha', night, 'other', {}, new Date())).toBe(false);
    expect(await markers.get('alpha', night)).toMatchObject({ status: 'done', owner: 'me', attempts: 2 });
  });

  it('expires the redeployment requests still pending after their first day, on the station\'s today', async () => {
    const expire = vi.spyOn(store.redeployments, 'expirePending').mockResolvedValueOnce(['rd_stale']);
    const result = await runNight(store, message('alpha', { scheduledTime: '2027-05-01T18:00:00Z' }), options);
    expect(expire).toHaveBeenCalledWith('alpha', '2027-05-02');
    expect(result).toMatchObject({ status: 'done', night: '2027-05-02', expiredRedeployments: ['rd_stale'] });
  });

  it('skips a station that no longer exists', async () => {
    expect(await runNight(store, message('gone'), options)).toMatchObject({ status: 'skipped', reason: 'no-station' });
  });
});

describe('the worker handler (SQS partial batch response)', () => {
  it('reports only the failing station; the others of the batch are done', async () => {
    const night = '2027-03-01';
    const get = store.stations.get.bind(store.stations);
    vi.spyOn(store.stations, 'get').mockImplementation(async (id) => {
      if (id === 'bravo') throw new Error('bravo is broken');
      return get(id);
    });
    const results: NightResult[] = [];
    const handler = createWorkerHandler({ options, logger: quiet, onResult: (r) => results.push(r) });
    const queue = new InProcessQueue();
    await queue.send(['alpha', 'bravo', 'charlie'].map((id) => message(id, { night })));
    const records = queue.receive(5);
    const response = await handler(sqsEvent([...records, { ...records[0]!, messageId: 'bad', body: '{not json' }]), localContext('nightly-worker'));
    const bravo = records.find((r) => r.body.includes('"bravo"'))!;
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual([bravo.messageId, 'bad'].sort());
    expect(results.map((r) => `${r.stationId}:${r.status}`).sort()).toEqual(['alpha:done', 'charlie:done']);
  });

  it('parks a station that keeps failing in the dead letters after three receives, and does every other', async () => {
    const night = '2027-03-02';
    const get = store.stations.get.bind(store.stations);
    vi.spyOn(store.stations, 'get').mockImplementation(async (id) => {
      if (id === 'alpha') throw new Error('alpha is broken');
      return get(id);
    });
    const queue = new InProcessQueue();
    const dispatch = createDispatchHandler({ send: queue.send, logger: quiet });
    const summary = await dispatch({ scheduledTime: AT, night }, localContext('nightly-dispatch'));
    expect(summary).toMatchObject({ stations: 3, sent: 3, failed: [] });
    const results: NightResult[] = [];
    const { failures } = await drain(queue, createWorkerHandler({ options, logger: quiet, onResult: (r) => results.push(r) }), 5);
    expect(failures).toBe(3);
    expect(queue.dead.map((r) => JSON.parse(r.body).stationId)).toEqual(['alpha']);
    expect(results.map((r) => `${r.stationId}:${r.status}`).sort()).toEqual(['bravo:done', 'charlie:done']);
  });

  it('skips the second of two copies of one message in a batch', async () => {
    const night = '2027-03-03';
    const results: NightResult[] = [];
    const handler = createWorkerHandler({ options, logger: quiet, onResult: (r) => results.push(r) });
    const queue = new InProcessQueue();
    await queue.send([message('charlie', { night }), message('charlie', { night })]);
    const response = await handler(sqsEvent(queue.receive(5)), localContext('nightly-worker'));
    expect(response.batchItemFailures).toEqual([]);
    expect(results.map((r) => (r.status === 'skipped' ? r.reason : r.status))).toEqual(['done', 'already-done']);
  });
});

describe('the dispatcher', () => {
  it('sends SQS batches and hands back the entries SQS refused', async () => {
    const sqs = mockClient(SQSClient);
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [{ Id: '1', SenderFault: false, Code: 'InternalError' }] });
    const send = sqsSender(new SQSClient({ region: 'ap-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }), 'https://sqs.example/q');
    const result = await send([message('alpha'), message('bravo')]);
    expect(result.failed.map((m) => m.stationId)).toEqual(['bravo']);
    const input = sqs.commandCalls(SendMessageBatchCommand)[0]!.args[0].input;
    expect(input.QueueUrl).toBe('https://sqs.example/q');
    expect(input.Entries?.map((e) => JSON.parse(e.MessageBody!).stationId)).toEqual(['alpha', 'bravo']);
    sqs.restore();
  });

  it('sends one message per station, ten to a batch, and keeps paging when a batch fails', async () => {
    const extra = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9', 'd10', 'd11', 'd12'];
    for (const id of extra) await putGeneratedStation(store, id, 12, 7);
    const batches: string[][] = [];
    let calls = 0;
    const result = await dispatchNight(
      store,
      async (messages) => {
        calls++;
        batches.push(messages.map((m) => m.stationId));
        if (messages.some((m) => m.stationId === 'd3')) throw new Error('SQS unavailable');
        // SQS may refuse single entries too.
        return { failed: messages.filter((m) => m.stationId === 'd9' && calls < 100) };
      },
      { scheduledTime: AT, pageSize: 4, concurrency: 2 },
    );
    const total = 3 + extra.length;
    expect(result.stations).toBe(total);
    expect(result.pages).toBeGreaterThanOrEqual(4);
    expect(batches.every((b) => b.length <= 10)).toBe(true);
    // d3's batch failed twice (the first try and the retry); d9 was refused twice; everything else was sent.
    const d3Batch = batches.find((b) => b.includes('d3'))!;
    expect(result.failed.sort()).toEqual([...d3Batch, 'd9'].sort());
    expect(result.sent).toBe(total - result.failed.length);
  });

  it('fails the invocation after paging to the end when stations were not enqueued', async () => {
    const dispatch = createDispatchHandler({ send: async (messages) => ({ failed: messages.filter((m) => m.stationId === 'alpha') }), logger: quiet });
    await expect(dispatch({ scheduledTime: AT })).rejects.toThrow(/1 of \d+ stations were not enqueued/);
  });
});
