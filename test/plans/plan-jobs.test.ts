// Planning jobs through the plans handler over an in-memory dynalite (docs/planning-jobs.md): `"wait": false` answers
// 202 with a solving job, GET shows its progress until the draft, cancel keeps the best plan, and refusals are clear.
// Most tests run the job with a solver the test releases or that stops when cancelled (so nothing depends on how
// fast this machine is); two run the real one on its worker thread.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateStation } from '../../bench/generate-station.ts';
import { handler as auditHandler } from '../../functions/audit/handler.ts';
import { localJobsSettled, usePlanJobLauncher } from '../../functions/plans/launch.ts';
import { handler as plansHandler } from '../../functions/plans/handler.ts';
import { DEMO_STATION_ID, loadDemoStation } from '../../local/app.ts';
import { Plan, PlanJob } from '../../shared/domain/plan.ts';
import { StationConfig } from '../../shared/domain/station.ts';
import { runPlanJob, type JobOutcome } from '../../shared/planning/run-job.ts';
import type { SolveRunner } from '../../shared/planning/solve-thread.ts';
import { planRoster, type Progress } from '../../shared/solver/index.ts';
import { newAuditId } from '../../shared/store/index.ts';
import { apiEvent, invoke, startTestStore, type Invoked, type TestClaims, type TestStore } from '../helpers/dynalite.ts';

const STATION = DEMO_STATION_ID;
const LARGE = 'large-jobs';
const START = '2027-01-04';
const director = (stationId = STATION): TestClaims => ({ sub: 'P001', groups: ['director'], stationId });
const officer: TestClaims = { sub: 'P014', groups: ['officer'], stationId: STATION };

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
  expect(await loadDemoStation(db.store)).toBe(true);
  const config = StationConfig.parse(generateStation({ people: 150, seed: 1, pattern: 'three-groups-two-running' }));
  const at = new Date();
  await db.store.stations.put(LARGE, config, {
    expectedVersion: null,
    entry: { id: newAuditId(at), stationId: LARGE, at: at.toISOString(), actor: { sub: 'test', groups: ['admin'], stationId: null }, action: 'station.configured', target: { kind: 'station', id: LARGE }, summary: 'large station', detail: {} },
  });
});
const jobs: Promise<JobOutcome>[] = [];
afterEach(async () => {
  usePlanJobLauncher(null);
  await Promise.allSettled(jobs);
  await localJobsSettled();
});
afterAll(async () => {
  await db?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function post(body: unknown, claims: TestClaims = director(), stationId = STATION, headers: Record<string, string> = {}): Promise<Invoked> {
  return invoke(plansHandler, apiEvent({ method: 'POST', path: `/stations/${stationId}/plans`, routeKey: 'POST /stations/{stationId}/plans', pathParameters: { stationId }, body, claims, headers }));
}
function get(planId: string, stationId = STATION): Promise<Invoked> {
  return invoke(plansHandler, apiEvent({ method: 'GET', path: `/stations/${stationId}/plans/${planId}`, routeKey: 'GET /stations/{stationId}/plans/{planId}', pathParameters: { stationId, planId }, claims: director(stationId) }));
}
function cancel(planId: string, claims: TestClaims = director(), stationId = STATION, headers: Record<string, string> = {}): Promise<Invoked> {
  return invoke(
    plansHandler,
    apiEvent({ method: 'POST', path: `/stations/${stationId}/plans/${planId}/cancel`, routeKey: 'POST /stations/{stationId}/plans/{planId}/cancel', pathParameters: { stationId, planId }, claims, headers }),
  );
}

/** Reads the plan until `done` holds (each read a GET; the test's own timeout bounds the wait). */
async function readUntil(planId: string, done: (body: Record<string, unknown>) => boolean, stationId = STATION): Promise<Record<string, unknown>> {
  for (;;) {
    const answer = await get(planId, stationId);
    expect(answer.status).toBe(200);
    if (done(answer.body)) return answer.body;
    await sleep(200);
  }
}

/**
 * A solver the test holds: it reports a made-up progress until released or stopped, then makes the plan for real
 * (in this thread, stopping at once when it was cancelled: the best plan it has then is the repaired rotation).
 */
const HELD_SCORE = 987_654;
function heldSolver(): { runner: SolveRunner; release: () => void } {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const runner: SolveRunner = (input) => {
    let stopped = false;
    let wake = () => {};
    const woken = new Promise<void>((resolve) => (wake = resolve));
    const latest: Progress = { elapsedSeconds: 0.5, score: HELD_SCORE, bound: 12 };
    const result = Promise.race([released, woken]).then(() => planRoster({ ...input, seconds: 1 }, { shouldStop: () => stopped }));
    return {
      latest: () => latest,
      stop: () => {
        stopped = true;
        wake();
      },
      stopped: () => stopped,
      result,
    };
  };
  return { runner, release: () => release() };
}

function useHeldSolver(): { release: () => void } {
  const held = heldSolver();
  usePlanJobLauncher(async (job) => void jobs.push(runPlanJob(db.store, job, { solve: held.runner, log: () => {} })));
  return held;
}

/** Every person of the station has an assignment on every day, and no dedicated community officer is on a patrol car or a case (FB-1, FB-2). */
async function expectValidDraft(plan: Plan, stationId: string): Promise<void> {
  const station = (await db.store.stations.get(stationId))!;
  const cells = new Set(plan.assignments.map((a) => `${a.personId}|${a.date}`));
  expect(cells.size).toBe(station.people.length * plan.days);
  const dedicated = new Set(station.people.filter((p) => p.community?.dedicated).map((p) => p.id));
  const forbidden = plan.assignments.filter((a) => dedicated.has(a.personId) && (/^patrol-0[12]$/.test(a.post) || a.post === 'case-handling'));
  expect(forbidden).toEqual([]);
  expect(plan.violations.filter((v) => v.rule === 'FB-1' || v.rule === 'FB-2')).toEqual([]);
  expect(plan.bound).toBeTypeOf('number');
  expect(plan.gap).toBeTypeOf('number');
  expect(plan.bound!).toBeLessThanOrEqual(plan.score.total);
}

describe('POST .../plans with "wait": false', () => {
  it('answers 202 with a solving job, GET shows its progress, then the draft with its bound and gap', async () => {
    const held = useHeldSolver();
    const started = await post({ start: START, days: 28, seconds: 5, wait: false });
    expect(started.status).toBe(202);
    const job = PlanJob.parse(started.body);
    expect(job).toMatchObject({ status: 'solving', stationId: STATION, start: START, days: 28, seconds: 5, progress: { elapsedSeconds: 0, score: null, bound: 0 } });
    expect(started.headers.location).toBe(`/stations/${STATION}/plans/${job.id}`);

    // The runner's heartbeat writes the solver's progress.
    const moving = await readUntil(job.id, (b) => (b.progress as Progress | undefined)?.score === HELD_SCORE);
    expect(PlanJob.parse(moving)).toMatchObject({ status: 'solving', progress: { score: HELD_SCORE, bound: 12 } });
    expect((moving.progress as Progress).elapsedSeconds).toBeGreaterThan(0);

    held.release();
    const draft = Plan.parse(await readUntil(job.id, (b) => b.status !== 'solving'));
    expect(draft.id).toBe(job.id);
    expect(draft.stoppedEarly).toBeUndefined();
    expect(draft.progress).toMatchObject({ score: draft.score.total, bound: draft.bound });
    await expectValidDraft(draft, STATION);
  });

  it('makes the plan on a worker thread, shaped like the plan a waiting call answers', async () => {
    const waited = await post({ start: START, days: 28, seconds: 1 });
    expect(waited.status).toBe(201);
    const started = await post({ start: START, days: 28, seconds: 1, wait: false });
    expect(started.status).toBe(202);
    const draft = Plan.parse(await readUntil(started.body.id, (b) => b.status !== 'solving'));
    expect(draft.status).toBe('draft');
    // Every field of the waited plan, plus the job's last progress.
    expect(Object.keys(draft).sort()).toEqual([...Object.keys(waited.body), 'progress'].sort());
    expect(draft.progress).toMatchObject({ score: draft.score.total, bound: draft.bound });
    await expectValidDraft(draft, STATION);
    // Its creation is audited once, by the person who asked.
    const audit = await invoke(auditHandler, apiEvent({ method: 'GET', path: `/stations/${STATION}/audit`, routeKey: 'GET /stations/{stationId}/audit', pathParameters: { stationId: STATION }, claims: director() }));
    const created = (audit.body.items as { action: string; target: { id: string }; actor: { sub: string } }[]).filter((e) => e.action === 'plan.created' && e.target.id === draft.id);
    expect(created).toHaveLength(1);
    expect(created[0]!.actor.sub).toBe('P001');
  }, 120_000);

  it('refuses a bad body with every bad field listed, and stores nothing', async () => {
    const before = await planItems(STATION);
    const answer = await post({ start: '2027-13-01', days: 0, seconds: 30, wait: 'no', colour: 'red' });
    expect(answer.status).toBe(400);
    const paths = (answer.body.error.details as { path: string }[]).map((d) => d.path);
    for (const field of ['start', 'days', 'seconds', 'wait']) expect(paths, field).toContain(field);
    expect(JSON.stringify(answer.body.error.details)).toContain('colour');
    // Over the job budget too, even with "wait": false.
    const long = await post({ start: START, days: 28, seconds: 601, wait: false });
    expect(long.status).toBe(400);
    expect(long.body.error.details.map((d: { path: string }) => d.path)).toEqual(['seconds']);
    expect(await planItems(STATION)).toBe(before);
  });

  it('is refused to a role that may not plan (403), and nothing is stored', async () => {
    const before = await planItems(STATION);
    const answer = await post({ start: START, days: 7, wait: false }, officer);
    expect(answer.status).toBe(403);
    expect(await planItems(STATION)).toBe(before);
  });
});

describe('POST .../plans/{planId}/cancel', () => {
  it('stops the job and keeps its best plan: a valid draft with its bound and gap', async () => {
    useHeldSolver();
    const started = await post({ start: START, days: 28, seconds: 60, wait: false });
    await readUntil(started.body.id, (b) => (b.progress as Progress | undefined)?.score === HELD_SCORE);
    const answer = await cancel(started.body.id);
    expect([200, 202]).toContain(answer.status);
    const draft = Plan.parse(answer.status === 200 ? answer.body : await readUntil(started.body.id, (b) => b.status !== 'solving'));
    expect(draft).toMatchObject({ id: started.body.id, status: 'draft', stoppedEarly: true });
    await expectValidDraft(draft, STATION);
  });

  it('of two cancels at once, one wins and the other is told the plan is stopping or stopped (409); one draft', async () => {
    useHeldSolver();
    const started = await post({ start: START, days: 14, seconds: 60, wait: false });
    await readUntil(started.body.id, (b) => (b.progress as Progress | undefined)?.score === HELD_SCORE);
    const answers = await Promise.all([cancel(started.body.id), cancel(started.body.id, director(), STATION, { 'accept-language': 'zh-CN' })]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses[1]).toBe(409);
    expect([200, 202]).toContain(statuses[0]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body.error.code).toBe('CONFLICT');
    expect(refused.body.error.message).toContain(started.body.id);
    const draft = Plan.parse(await readUntil(started.body.id, (b) => b.status !== 'solving'));
    expect(draft.stoppedEarly).toBe(true);
    await expectValidDraft(draft, STATION);
  });

  it('on a finished plan answers 409 in the reader\'s language; an unknown plan 404; a role that may not plan 403', async () => {
    const made = await post({ start: START, days: 7, seconds: 0.5 });
    expect(made.status).toBe(201);
    const en = await cancel(made.body.id);
    expect(en.status).toBe(409);
    expect(en.body.error.message).toContain('nothing to cancel');
    const zh = await cancel(made.body.id, director(), STATION, { 'accept-language': 'zh' });
    expect(zh.status).toBe(409);
    expect(zh.body.error.message).toContain('无可取消');
    expect((await cancel('pl_00000000000000000000000000000000')).status).toBe(404);
    expect((await cancel(made.body.id, officer)).status).toBe(403);
    // Publishing a plan still being made is refused too.
    useHeldSolver();
    const solving = await post({ start: START, days: 7, wait: false });
    const publish = await invoke(
      plansHandler,
      apiEvent({ method: 'POST', path: `/stations/${STATION}/plans/${solving.body.id}/publish`, routeKey: 'POST /stations/{stationId}/plans/{planId}/publish', pathParameters: { stationId: STATION, planId: solving.body.id }, claims: director() }),
    );
    expect(publish.status).toBe(409);
    expect(publish.body.error.message).toContain('still being made');
    const stopped = await cancel(solving.body.id);
    expect([200, 202]).toContain(stopped.status);
  });

  it('stops the real solver on its worker thread when cancelled at once, and keeps a valid draft', async () => {
    const started = await post({ start: START, days: 28, seconds: 300, wait: false }, director(LARGE), LARGE);
    expect(started.status).toBe(202);
    // At once: the cancel is there before the solver thread has started (or within the runner's next heartbeat, while
    // the thread still loads), so the solver meets the stop flag however fast this machine is.
    const answer = await cancel(started.body.id, director(LARGE), LARGE);
    expect([200, 202]).toContain(answer.status);
    const draft = Plan.parse(answer.status === 200 ? answer.body : await readUntil(started.body.id, (b) => b.status !== 'solving', LARGE));
    expect(draft).toMatchObject({ status: 'draft', stoppedEarly: true });
    expect(draft.solver.seconds).toBeLessThan(300);
    await expectValidDraft(draft, LARGE);
  }, 300_000);
});

/** How many plan items (heads and body parts) a station has. */
async function planItems(stationId: string): Promise<number> {
  const page = await db.store.client.send(
    new QueryCommand({
      TableName: db.store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': `STATION#${stationId}`, ':sk': 'PLAN#' },
      Select: 'COUNT',
    }),
  );
  return page.Count ?? 0;
}
