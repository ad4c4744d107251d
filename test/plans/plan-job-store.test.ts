// The planning job's item over an in-memory dynalite (shared/store/plan-jobs.ts): each change is one conditional
// write, and each refuses what its condition rules out — a second claim, progress from a runner that does not hold
// the job, a cancel after another or after the draft, a draft or failure written twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/domain/audit.ts';
import { newJob, staleBefore } from '../../shared/planning/jobs.ts';
import { newAuditId } from '../../shared/store/index.ts';
import { startTestStore, type TestStore } from '../helpers/dynalite.ts';
import { syntheticPlan } from './synthetic.ts';

const STATION = 'jobs';
const actor = { sub: 'P001', groups: ['director'], stationId: STATION };
let db: TestStore;
let n = 0;

beforeAll(async () => {
  db = await startTestStore();
});
afterAll(async () => {
  await db?.close();
});

async function started(): Promise<string> {
  const id = `pl_job${++n}`;
  await db.store.planJobs.start(newJob({ id, stationId: STATION, start: '2027-01-04', days: 7, seconds: 5, stationVersion: 1, actor, at: new Date() }));
  return id;
}

const entry = (planId: string): AuditEntry => {
  const at = new Date();
  return { id: newAuditId(at), stationId: STATION, at: at.toISOString(), actor, action: 'plan.created', target: { kind: 'plan', id: planId }, summary: 'planned', detail: {} };
};

describe('a planning job item', () => {
  it('is claimed once; only its runner writes progress, and the write tells it about a cancel', async () => {
    const id = await started();
    const now = new Date();
    expect(await db.store.planJobs.claim(STATION, id, 'a', now.toISOString(), staleBefore(now))).not.toBeNull();
    expect(await db.store.planJobs.claim(STATION, id, 'b', now.toISOString(), staleBefore(now))).toBeNull();
    const progress = { elapsedSeconds: 1, score: 100, bound: 90 };
    expect(await db.store.planJobs.progress(STATION, id, 'b', progress, now.toISOString())).toBeNull();
    expect(await db.store.planJobs.progress(STATION, id, 'a', progress, now.toISOString())).toEqual({ cancelRequested: false });
    expect((await db.store.planJobs.read(STATION, id))?.progress).toEqual(progress);

    const first = await db.store.planJobs.cancel(STATION, id, 'P001', now.toISOString(), staleBefore(now));
    const second = await db.store.planJobs.cancel(STATION, id, 'P002', now.toISOString(), staleBefore(now));
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, found: { status: 'solving', cancelRequestedBy: 'P001' } });
    expect(await db.store.planJobs.progress(STATION, id, 'a', progress, now.toISOString())).toEqual({ cancelRequested: true });
  });

  it('turns into its draft once, from its runner only; then nothing of the job can be written', async () => {
    const id = await started();
    const now = new Date();
    await db.store.planJobs.claim(STATION, id, 'a', now.toISOString(), staleBefore(now));
    const plan = { ...syntheticPlan({ stationId: STATION, id, start: '2027-01-04', days: 7, people: 5 }), progress: { elapsedSeconds: 2, score: 0, bound: 0 }, stoppedEarly: true as const };
    expect(await db.store.planJobs.finish(plan, 'b', entry(id))).toBe(false);
    expect(await db.store.planJobs.finish(plan, 'a', entry(id))).toBe(true);
    expect(await db.store.planJobs.finish(plan, 'a', entry(id))).toBe(false);
    const draft = await db.store.plans.get(STATION, id);
    expect(draft).toMatchObject({ status: 'draft', stoppedEarly: true, progress: plan.progress });
    expect(draft?.assignments).toHaveLength(plan.assignments.length);
    expect(await db.store.planJobs.read(STATION, id)).toBeNull();
    expect(await db.store.planJobs.progress(STATION, id, 'a', plan.progress, now.toISOString())).toBeNull();
    expect(await db.store.planJobs.cancel(STATION, id, 'P001', now.toISOString(), staleBefore(now))).toMatchObject({ ok: false, found: { status: 'draft' } });
    expect(await db.store.planJobs.fail(STATION, id, { code: 'FAILED', message: 'x' }, now.toISOString())).toBe(false);
  });

  it('is not claimed or cancelled once its heartbeat is stale', async () => {
    const id = await started();
    const later = new Date(Date.now() + 10 * 60_000);
    expect(await db.store.planJobs.claim(STATION, id, 'a', later.toISOString(), staleBefore(later))).toBeNull();
    expect((await db.store.planJobs.cancel(STATION, id, 'P001', later.toISOString(), staleBefore(later))).ok).toBe(false);
  });
});
