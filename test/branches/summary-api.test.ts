// The station summary the branch list reads is kept by the store: it changes when a plan is published, when a
// request that needs the branch is filed and decided, and when the configuration (absences, reinforced duty) changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { as, declareReinforced, decideOn, fileRequest, mondayAfter, putStation, smallStation, today } from '../approvals/helpers.ts';
import { startTestStore, type TestStore } from '../helpers/dynalite.ts';
import { call, listBranch } from './helpers.ts';

const DC = 'dongcheng';
const S = 'dc-sum';
const branch = as(['branch'], 'B-DC', null, DC);
const director = as(['director'], 'P001', S);
const instructor = as(['instructor'], 'P002', S);
const deputy = as(['deputy'], 'P003', S);

let db: TestStore;

async function summary() {
  const answer = await listBranch(DC, branch);
  expect(answer.status).toBe(200);
  const item = answer.body.items.find((i: { stationId: string }) => i.stationId === S);
  expect(item).toBeDefined();
  return item;
}

beforeAll(async () => {
  db = await startTestStore();
  expect((await putStation(S, { ...smallStation('Dongcheng summary'), branchId: DC }, director)).status).toBe(201);
});
afterAll(async () => {
  await db?.close();
});

describe('the station summary', () => {
  it('exists from the creating PUT, with the configuration figures (CP-4, communities, A/B groups)', async () => {
    const s = await summary();
    // 9 officers, 3 of them dedicated community officers; C1 has an A and a B, C2 only an A.
    expect(s).toMatchObject({ name: 'Dongcheng summary', people: 10, officers: 9, communityOfficers: 3, communities: 2, abGroups: 1 });
    expect(s.communityOfficerShare).toBeCloseTo(3 / 9, 4);
    expect(s.next28).toMatchObject({ published: 0, shortfalls: 0, abCoverage: null, communityWeeks: 0 });
  });

  it('changes when a plan is published (and not when it is only drafted)', async () => {
    const created = await call('POST /stations/{stationId}/plans', { params: { stationId: S }, claims: deputy, body: { start: today(), days: 14, seconds: 0.2 } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await summary()).next28.published).toBe(0);
    const published = await call('POST /stations/{stationId}/plans/{planId}/publish', { params: { stationId: S, planId: created.body.id }, claims: deputy });
    expect(published.status).toBe(200);
    const s = await summary();
    expect(s.next28.published).toBe(14);
    const missing = created.body.shortfalls.reduce((n: number, f: { missing: number }) => n + f.missing, 0);
    expect(s.next28.shortfalls).toBe(missing);
    expect(s.next28.shortfallDays).toHaveLength(Math.min(100, created.body.shortfalls.length));
    expect(s.next28.abCoverage).toEqual(expect.any(Number));
  });

  it('counts a routine-duty request waiting for the branch, and stops counting it once the branch decided', async () => {
    const from = addDaysTo(mondayAfter(21), 1);
    const filed = await fileRequest(S, { personId: 'P020', post: 'routine-duty', kind: 'routine-duty', from, to: from, reason: 'district operation' }, deputy);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect((await summary()).pendingForBranch).toBe(1);
    // A chief's approval leaves it waiting for the branch.
    expect((await decideOn(S, filed.body.id, { decision: 'approve' }, director)).status).toBe(200);
    expect((await summary()).pendingForBranch).toBe(1);
    expect((await decideOn(S, filed.body.id, { decision: 'approve' }, branch)).status).toBe(200);
    expect((await summary()).pendingForBranch).toBe(0);
    // The instructor still has to approve: the request stays pending, but not for the branch.
    expect((await decideOn(S, filed.body.id, { decision: 'approve' }, instructor)).body.status).toBe('approved');
  });

  it('changes with the configuration: a reinforced-duty declaration, a new name', async () => {
    const from = addDaysTo(today(), 3);
    const declared = await declareReinforced(S, { from, to: from, note: 'event' }, branch);
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    expect((await summary()).reinforcedDuty).toEqual([{ from, to: from }]);
    const read = await call('GET /stations/{stationId}', { params: { stationId: S }, claims: director });
    const { id: _i, updatedAt: _u, updatedBy: _b, ...doc } = read.body;
    const renamed = await putStation(S, { ...doc, name: 'Renamed' }, director);
    expect(renamed.status).toBe(200);
    expect((await summary()).name).toBe('Renamed');
  });
});
