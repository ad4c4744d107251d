// AP-5 end to end: only a fully approved request changes a roster, and only on its dates. An approved redeployment lets
// POST /plans place the officer (assignment with redeploymentId, plan.redeploymentIds stored); approving, rejecting or
// withdrawing after publication marks the published days as needing a re-plan, visible on GET plan.
//
// The small station (helpers.ts) demands three people on station duty in the secondary shift; on days its group G1 is
// on S only its officer P010 and auxiliary P040 are free for it, and the other one on S is the B of grid C1 (P021), a
// dedicated community officer whom only an approved redeployment may put there (FB-3).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { handler as plansHandler } from '../../functions/plans/handler.ts';
import { Plan } from '../../shared/domain/plan.ts';
import type { Redeployment } from '../../shared/domain/redeployment.ts';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { apiEvent, invoke, startTestStore, type Invoked, type TestStore } from '../helpers/dynalite.ts';
import { as, auditOf, decideOn, declareReinforced, fileRequest, firstDate, groupCode, mondayAfter, putStation, smallStation, today, weekday, withdrawOf } from './helpers.ts';
import { logger } from '../../shared/telemetry.ts';

const S = 'e2e';
const director = as(['director'], 'P001', S);
const instructor = as(['instructor'], 'P002', S);
const deputy = as(['deputy'], 'P003', S);
const branch = as(['branch'], 'B1', null);

const START = mondayAfter(7);
const DAYS = 14;
const END = addDaysTo(START, DAYS - 1);
const g1OnS = (d: string) => weekday(d) && groupCode(0, d) === 'S';
const D1 = firstDate(START, g1OnS);
const D2 = firstDate(addDaysTo(D1, 1), g1OnS);
const D3 = firstDate(addDaysTo(D2, 1), g1OnS);

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
  expect((await putStation(S, smallStation('E2E'), director)).status).toBe(201);
});
afterAll(async () => {
  await db?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const createPlan = (body: unknown): Promise<Invoked> =>
  invoke(plansHandler, apiEvent({ method: 'POST', path: `/stations/${S}/plans`, routeKey: 'POST /stations/{stationId}/plans', pathParameters: { stationId: S }, body, claims: director }));
const getPlan = (planId: string): Promise<Invoked> =>
  invoke(plansHandler, apiEvent({ method: 'GET', path: `/stations/${S}/plans/${planId}`, routeKey: 'GET /stations/{stationId}/plans/{planId}', pathParameters: { stationId: S, planId }, claims: deputy }));
const publish = (planId: string): Promise<Invoked> =>
  invoke(plansHandler, apiEvent({ method: 'POST', path: `/stations/${S}/plans/${planId}/publish`, routeKey: 'POST /stations/{stationId}/plans/{planId}/publish', pathParameters: { stationId: S, planId }, claims: director }));

async function plan(): Promise<Plan> {
  const answer = await createPlan({ start: START, days: DAYS, seed: 5, seconds: 0.4 });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return Plan.parse(answer.body);
}

async function file(personId: string, date: string, extra: Record<string, unknown> = {}): Promise<Redeployment> {
  const answer = await fileRequest(S, { personId, post: 'station-duty', from: date, to: date, reason: 'station duty short', ...extra }, deputy);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as Redeployment;
}

const redeployed = (p: Plan) => p.assignments.filter((a) => a.redeploymentId !== undefined).map((a) => `${a.personId}|${a.date}|${a.post}|${a.redeploymentId}`);

describe('an approved redeployment in the roster', () => {
  let r1: Redeployment;
  let r2: Redeployment;
  let published: Plan;

  it('the calendar: D1, D2, D3 are weekdays inside the plan on which G1 is on S', () => {
    expect([D1, D2, D3].every((d) => d >= START && d <= END && d >= today())).toBe(true);
  });

  it('without an approval the B is never on station duty: the post is short instead (FB-3)', async () => {
    const p = await plan();
    expect(p.assignments.some((a) => a.personId === 'P021' && a.post === 'station-duty')).toBe(false);
    expect(p.shortfalls.some((s) => s.date === D1 && s.post === 'station-duty')).toBe(true);
    expect(p.redeploymentIds).toEqual([]);
  });

  it('a pending (not yet fully approved) request changes nothing', async () => {
    r1 = await file('P021', D1);
    expect((await decideOn(S, r1.id, { decision: 'approve' }, director)).body.status).toBe('pending');
    const p = await plan();
    expect(redeployed(p)).toEqual([]);
  });

  it('once approved, POST /plans places the officer on that post on that day, citing the request; nowhere else', async () => {
    const done = await decideOn(S, r1.id, { decision: 'approve' }, instructor);
    expect(done.body.status).toBe('approved');
    const p = await plan();
    expect(redeployed(p)).toEqual([`P021|${D1}|station-duty|${r1.id}`]);
    expect(p.redeploymentIds).toEqual([r1.id]);
    expect(p.violations.filter((v) => v.rule === 'FB-3')).toEqual([]);
    expect(p.shortfalls.some((s) => s.date === D1 && s.post === 'station-duty')).toBe(false);
    // The stored plan records the approvals it used; publishing keeps them.
    expect((await getPlan(p.id)).body.redeploymentIds).toEqual([r1.id]);
    const answer = await publish(p.id);
    expect(answer.status).toBe(200);
    published = Plan.parse((await getPlan(p.id)).body);
    expect(published).toMatchObject({ status: 'published', version: 2, redeploymentIds: [r1.id], needsReplan: [] });
    const entry = (await auditOf(S, director)).find((e) => e.action === 'plan.created' && e.target.id === p.id);
    expect(entry?.detail.redeploymentIds).toEqual([r1.id]);
  });

  it('approving after publication marks the published days as needing a re-plan (only when the approval is complete)', async () => {
    r2 = await file('P021', D2);
    await decideOn(S, r2.id, { decision: 'approve' }, director);
    expect((await getPlan(published.id)).body.needsReplan).toEqual([]);
    await decideOn(S, r2.id, { decision: 'approve' }, instructor);
    const after = Plan.parse((await getPlan(published.id)).body);
    expect(after.needsReplan).toEqual([D2]);
    // The published plan itself is not rewritten.
    expect(after).toMatchObject({ status: 'published', version: 2 });
    expect(after.assignments).toEqual(published.assignments);
    const entry = (await auditOf(S, director)).find((e) => e.action === 'plan.replan-needed' && e.target.id === published.id);
    expect(entry).toMatchObject({ actor: { sub: 'P002' }, detail: { dates: [D2], redeploymentId: r2.id, status: 'approved' } });
  });

  it('withdrawing an approved request after publication marks its days too; a new plan follows the approvals as they are now', async () => {
    expect((await withdrawOf(S, r1.id, deputy)).body.status).toBe('withdrawn');
    expect((await getPlan(published.id)).body.needsReplan).toEqual([D1, D2].sort());
    const p = await plan();
    expect(redeployed(p)).toEqual([`P021|${D2}|station-duty|${r2.id}`]);
    expect(p.redeploymentIds).toEqual([r2.id]);
  });

  it('rejecting after publication marks the days as well; marking twice keeps one date and one audit entry', async () => {
    const r3 = await file('P020', D3);
    const rejected = await decideOn(S, r3.id, { decision: 'reject', comment: 'not on a meeting week' }, instructor);
    expect(rejected.body.status).toBe('rejected');
    expect((await getPlan(published.id)).body.needsReplan).toEqual([D1, D2, D3].sort());
    const again = await db.store.plans.replanPublished(S, D3, D3, { at: '2026-01-01T00:00:00.000Z', actor: { sub: 'x', groups: [], stationId: S }, key: 'same', why: { kind: 'request', requestId: 'rd_test', status: 'approved' }, detail: {} });
    expect(again).toEqual([]);
    expect((await getPlan(published.id)).body.needsReplan).toEqual([D1, D2, D3].sort());
  });

  it('an interrupted re-plan marking is finished by the nightly job (expirePending → resumeReplans)', async () => {
    const D4 = firstDate(START, (d) => weekday(d) && ![D1, D2, D3].includes(d));
    const r4 = await file('P030', D4);
    await decideOn(S, r4.id, { decision: 'approve' }, director);
    const spy = vi.spyOn(db.store.plans, 'replanPublished').mockRejectedValueOnce(new Error('the process died here'));
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const done = await decideOn(S, r4.id, { decision: 'approve' }, instructor);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('approved');
    expect(spy).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalled();
    expect((await getPlan(published.id)).body.needsReplan).not.toContain(D4);
    const { Item } = await db.store.client.send(new GetCommand({ TableName: db.store.tableName, Key: { pk: `STATION#${S}`, sk: `RD#${r4.id}` }, ConsistentRead: true }));
    expect(Item?.replanPending).toMatchObject({ status: 'approved', version: 3 });
    vi.restoreAllMocks();
    await db.store.redeployments.expirePending(S, today());
    expect((await getPlan(published.id)).body.needsReplan).toContain(D4);
    const { Item: cleared } = await db.store.client.send(new GetCommand({ TableName: db.store.tableName, Key: { pk: `STATION#${S}`, sk: `RD#${r4.id}` }, ConsistentRead: true }));
    expect(cleared?.replanPending).toBeUndefined();
  });

  it('declaring reinforced duty over published days marks them for a re-plan', async () => {
    const from = addDaysTo(END, -1);
    const answer = await declareReinforced(S, { from, to: END, note: 'summit' }, branch);
    expect(answer.status).toBe(201);
    const needs = (await getPlan(published.id)).body.needsReplan as string[];
    expect(needs).toEqual(expect.arrayContaining([from, END]));
  });
});
