// Absences and pins over HTTP (API.md "Absences", "Pins"; PIN-1): the happy paths, each refusal with its code, the
// re-plan marks an absence leaves on published days, and pins kept by every later plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { startTestStore, type TestStore } from '../helpers/dynalite.ts';
import { as, auditOf, firstDate, getStation, groupCode, today } from '../approvals/helpers.ts';
import { S, absences, auxiliary, communityOfficer, deputy, director, firstMonday, officer, pins, plans, publishPlan, setUp } from './helpers.ts';

let db: TestStore;
const monday = firstMonday();
/** A date in the first planned week on which duty group G1 rests (the next day it works the primary shift). */
const g1Rest = firstDate(addDaysTo(monday, 1), (d) => groupCode(0, d) === 'R');

beforeAll(async () => {
  db = await startTestStore();
  await setUp();
});
afterAll(async () => {
  await db?.close();
});

describe('absences', () => {
  it('records, lists and removes an absence, each with its audit entry, and lists it in the station document', async () => {
    const made = await absences.post({ personId: 'P012', from: addDaysTo(monday, 30), to: addDaysTo(monday, 31), reason: 'training', note: 'course' });
    expect(made.status).toBe(201);
    expect(made.body.id).toMatch(/^ab_/);
    const station = await getStation(S, director);
    expect(station.body.absences).toContainEqual(expect.objectContaining({ id: made.body.id, personId: 'P012', reason: 'training' }));
    const listed = await absences.list({ from: addDaysTo(monday, 31), to: addDaysTo(monday, 40) });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(made.body.id);
    expect((await absences.list({ from: addDaysTo(monday, 32) })).body.items.map((a: { id: string }) => a.id)).not.toContain(made.body.id);
    expect((await absences.remove(made.body.id)).status).toBe(204);
    expect((await getStation(S, director)).body.absences.map((a: { id?: string }) => a.id)).not.toContain(made.body.id);
    const actions = (await auditOf(S, director)).filter((e) => e.target.id === made.body.id).map((e) => e.action);
    expect(actions).toEqual(['absence.recorded', 'absence.removed']);
    expect((await absences.remove(made.body.id)).status).toBe(404);
  });

  it('refuses officers (403 AUTH-ROLE), other stations (403 AUTH-STATION) and unknown people (400)', async () => {
    const body = { personId: 'P012', from: addDaysTo(monday, 40), to: addDaysTo(monday, 40), reason: 'sick' };
    expect((await absences.post(body, officer)).body.error.code).toBe('AUTH-ROLE');
    expect((await absences.post(body, as(['deputy'], 'X', 'elsewhere'))).body.error.code).toBe('AUTH-STATION');
    const unknown = await absences.post({ ...body, personId: 'P999' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('personId');
  });

  it('keeps every one of 12 absences recorded at once (a lost race is re-applied on the fresh document)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => absences.post({ personId: 'P040', from: addDaysTo(monday, 50 + i), to: addDaysTo(monday, 50 + i), reason: 'leave' })),
    );
    const ids = answers.filter((a) => a.status === 201).map((a) => a.body.id as string);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect(ids.length).toBeGreaterThan(0);
    const stored = (await getStation(S, director)).body.absences.map((a: { id?: string }) => a.id);
    for (const id of ids) expect(stored).toContain(id);
    expect(stored.filter((id: string | undefined) => id && !ids.includes(id) && id.startsWith('ab_'))).toHaveLength(0);
    for (const id of ids) await absences.remove(id);
  });
});

describe('pins', () => {
  it('refuses a pin a hard rule forbids, with the rule', async () => {
    const g1Primary = addDaysTo(g1Rest, 1);
    const cases: [unknown, string][] = [
      [{ personId: 'P021', date: g1Primary, post: 'patrol-01' }, 'FB-1'],
      [{ personId: 'P021', date: g1Primary, post: 'case-handling' }, 'FB-2'],
      [{ personId: 'P021', date: g1Primary, post: 'station-duty', shift: 'S' }, 'FB-3'],
      [{ personId: 'P040', date: g1Primary, post: 'patrol-01' }, 'SKILL-1'],
      [{ personId: 'P010', date: g1Rest, post: 'patrol-01' }, 'REST-1'], // a 24 h call-in ending when his own primary shift starts
      [{ personId: 'P010', date: addDaysTo(today(), -1), post: 'rest' }, 'PIN-1'],
    ];
    for (const [body, code] of cases) {
      const answer = await pins.post(body);
      expect([answer.status, answer.body.error?.code], JSON.stringify(body)).toEqual([422, code]);
    }
    const away = await absences.post({ personId: 'P011', from: g1Primary, to: g1Primary, reason: 'sick' });
    const absent = await pins.post({ personId: 'P011', date: g1Primary, post: 'rest' });
    expect([absent.status, absent.body.error.code]).toEqual([422, 'ROT-4']);
    await absences.remove(away.body.id);
    expect((await pins.list()).body.items).toEqual([]);
  });

  it('judges REST-1 against another pin, keeps pins in every later plan, and removes them', async () => {
    const next = addDaysTo(g1Rest, 1);
    const rest = await pins.post({ personId: 'P010', date: next, post: 'rest', note: 'court' });
    expect(rest.status).toBe(201);
    const patrol = await pins.post({ personId: 'P010', date: g1Rest, post: 'patrol-01' });
    expect([patrol.status, patrol.body.shift]).toEqual([201, 'P']);
    // Now the day after is pinned to rest, the call-in is allowed; putting him to work that morning is not.
    const clash = await pins.post({ personId: 'P010', date: next, post: 'station-duty', shift: 'S' });
    expect([clash.status, clash.body.error.code]).toEqual([422, 'REST-1']);

    const plan = await plans.create({ start: monday, days: 7, seconds: 0.2 });
    expect(plan.status).toBe(201);
    const cell = (date: string) => plan.body.assignments.filter((a: { personId: string; date: string }) => a.personId === 'P010' && a.date === date);
    expect(cell(g1Rest)).toEqual([expect.objectContaining({ post: 'patrol-01', shift: 'P', pinId: patrol.body.id, callIn: true })]);
    expect(cell(next)).toEqual([expect.objectContaining({ post: 'rest', pinId: rest.body.id })]);
    expect(plan.body.violations.filter((v: { rule: string }) => v.rule === 'PIN-1')).toEqual([]);
    expect(plan.body.pinIds.sort()).toEqual([rest.body.id, patrol.body.id].sort());

    expect((await pins.list({ from: g1Rest, to: g1Rest })).body.items.map((p: { id: string }) => p.id)).toEqual([patrol.body.id]);
    expect((await pins.remove(rest.body.id)).status).toBe(204);
    expect((await pins.remove(patrol.body.id)).status).toBe(204);
    expect((await pins.remove(patrol.body.id)).status).toBe(404);
    const actions = (await auditOf(S, director)).filter((e) => e.action.startsWith('pin.')).map((e) => e.action);
    expect(actions).toEqual(['pin.set', 'pin.set', 'pin.removed', 'pin.removed']);
  });

  it('refuses to publish a plan made before a pin was set in its dates (409), and a plan made again keeps it', async () => {
    const day = addDaysTo(monday, 2);
    const made = await plans.create({ start: monday, days: 7, seconds: 0.1 });
    const pin = await pins.post({ personId: 'P012', date: day, post: 'rest' });
    expect(pin.status).toBe(201);
    const stale = await plans.publish(made.body.id);
    expect([stale.status, stale.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(stale.body.error.message).toContain(pin.body.id);
    const again = await plans.create({ start: monday, days: 7, seconds: 0.1 });
    expect(again.body.assignments).toContainEqual(expect.objectContaining({ personId: 'P012', date: day, post: 'rest', pinId: pin.body.id }));
    expect((await plans.publish(again.body.id)).status).toBe(200);
    await pins.remove(pin.body.id);
  });

  it('is for station leaders only (403), on existing people (400)', async () => {
    const body = { personId: 'P012', date: addDaysTo(monday, 3), post: 'rest' };
    expect((await pins.post(body, officer)).body.error.code).toBe('AUTH-ROLE');
    expect((await pins.post(body, auxiliary)).status).toBe(403);
    expect((await pins.post(body, communityOfficer)).status).toBe(403);
    expect((await pins.post({ ...body, personId: 'P999' }, deputy)).status).toBe(400);
    expect((await pins.post({ ...body, shift: 'Q' }, deputy)).status).toBe(400);
  });
});

describe('re-plan of the changed days', () => {
  it('marks published days an absence touches, and re-plans exactly those days', async () => {
    const start = addDaysTo(monday, 7);
    const published = await publishPlan(start, 7);
    const sick = { from: addDaysTo(start, 1), to: addDaysTo(start, 3) };
    const absence = await absences.post({ personId: 'P010', ...sick, reason: 'sick' });
    expect(absence.status).toBe(201);
    const marked = await plans.get(published.id);
    expect(marked.body.needsReplan).toEqual([sick.from, addDaysTo(start, 2), sick.to]);
    expect((await plans.replanDays({ from: start, to: addDaysTo(start, 6) })).body.days).toEqual(marked.body.needsReplan);

    const replan = await plans.replan({ from: start, to: addDaysTo(start, 6), seconds: 0.2 });
    expect(replan.status).toBe(201);
    expect(replan.body.days).toEqual(marked.body.needsReplan);
    expect(replan.body.count).toBe(replan.body.changes.length);
    expect(replan.body.count).toBeGreaterThan(0);
    for (const change of replan.body.changes) expect(replan.body.days).toContain(change.date);
    // A re-plan is a plan like any other: it carries its proven bound and the gap they give.
    expect(replan.body.plan.bound).toBeLessThanOrEqual(replan.body.plan.score.total);
    expect(replan.body.plan.gap).toBeGreaterThanOrEqual(0);
    expect(replan.body.changes).toContainEqual(expect.objectContaining({ personId: 'P010', date: sick.from, after: { post: 'absent', shift: expect.any(String) } }));
    expect((await plans.publish(replan.body.plan.id)).status).toBe(200);
    expect((await plans.replanDays({ from: start, to: addDaysTo(start, 6) })).body.days).toEqual([]);
    const nothing = await plans.replan({ from: start, to: addDaysTo(start, 6) });
    expect([nothing.status, nothing.body.count, nothing.body.plan]).toEqual([200, 0, null]);
  });
});
