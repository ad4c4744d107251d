// The official calendar over HTTP (Lambda handlers, API Gateway v2 events, dynalite): GET /calendar marks the 2026
// Spring Festival; a plan over it follows the official days; a plan in a year without data reports CAL-3 until an
// admin loads the year with PUT /calendar/{year}, after which the same plan follows the loaded days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as calendarHandler } from '../../functions/calendar/handler.ts';
import { handler as plansHandler } from '../../functions/plans/handler.ts';
import { DEMO_STATION_ID, loadDemoStation } from '../../local/app.ts';
import type { Plan } from '../../shared/domain/plan.ts';
import { dateRange } from '../../shared/rotation/index.ts';
import { apiEvent, invoke, startTestStore, type TestClaims, type TestStore } from '../helpers/dynalite.ts';
import { demoStation } from '../helpers/fixtures.ts';

const STATION = DEMO_STATION_ID;
const director: TestClaims = { sub: 'P001', groups: ['director'], stationId: STATION };
const officer: TestClaims = { sub: 'P010', groups: ['officer'], stationId: STATION };
const admin: TestClaims = { sub: 'root', groups: ['admin'], stationId: null };
/** Dedicated community officers without a duty group (the A of each grid): they keep the community weekday schedule. */
const groupless: string[] = demoStation()
  .people.filter((p: { group: string | null; community?: { dedicated: boolean } }) => p.group === null && p.community?.dedicated === true)
  .map((p: { id: string }) => p.id);

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
  expect(await loadDemoStation(db.store)).toBe(true);
});
afterAll(async () => {
  await db?.close();
});

const getCalendar = (query: Record<string, string>, claims: TestClaims | null = officer) =>
  invoke(calendarHandler, apiEvent({ method: 'GET', path: '/calendar', routeKey: 'GET /calendar', query, claims }));
const putYear = (year: string, body: unknown, claims: TestClaims = admin, headers: Record<string, string> = {}) =>
  invoke(calendarHandler, apiEvent({ method: 'PUT', path: `/calendar/${year}`, routeKey: 'PUT /calendar/{year}', pathParameters: { year }, body, claims, headers }));
async function plan(start: string, days: number): Promise<Plan> {
  const answer = await invoke(
    plansHandler,
    apiEvent({ method: 'POST', path: `/stations/${STATION}/plans`, routeKey: 'POST /stations/{stationId}/plans', pathParameters: { stationId: STATION }, body: { start, days, seconds: 0.5 }, claims: director }),
  );
  expect(answer.status).toBe(201);
  return answer.body as Plan;
}
const wDays = (p: Plan, personId: string) => p.assignments.filter((a) => a.personId === personId && a.shift === 'W').map((a) => a.date);

describe('GET /calendar', () => {
  it('marks the Spring Festival holidays and the make-up Saturdays of February 2026, for anyone signed in', async () => {
    const answer = await getCalendar({ from: '2026-02-01', to: '2026-03-01' });
    expect(answer.status).toBe(200);
    const body = answer.body as { items: { date: string; workday: boolean; holiday: string | null; makeUpWorkday: boolean }[]; missingYears: number[]; years: unknown[] };
    expect(body.items).toHaveLength(29);
    expect(body.items.filter((d) => d.holiday === '春节').map((d) => d.date)).toEqual(dateRange('2026-02-15', 9));
    expect(body.items.filter((d) => d.makeUpWorkday).map((d) => d.date)).toEqual(['2026-02-14', '2026-02-28']);
    expect(body.items.find((d) => d.date === '2026-02-14')).toEqual({ date: '2026-02-14', workday: true, holiday: null, makeUpWorkday: true });
    expect(body.items.find((d) => d.date === '2026-02-17')).toEqual({ date: '2026-02-17', workday: false, holiday: '春节', makeUpWorkday: false });
    expect(body.missingYears).toEqual([]);
    expect(body.years).toEqual([{ year: 2026, source: 'package' }]);
  });

  it('names the years without data, and refuses a bad range listing every problem', async () => {
    const later = await getCalendar({ from: '2026-12-30', to: '2027-01-02' });
    expect((later.body as { missingYears: number[] }).missingYears).toEqual([2027]);
    const long = await getCalendar({ from: '2026-01-01', to: '2027-01-02' });
    expect(long.status).toBe(400);
    const bad = await getCalendar({ from: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { details: { path: string }[] } }).error.details.map((d) => d.path).sort()).toEqual(['from', 'to']);
    expect((await getCalendar({ from: '2026-02-01', to: '2026-02-02' }, null)).status).toBe(401);
  });
});

describe('plans follow the official calendar', () => {
  it('a 28-day plan from 2026-02-09 gives the groupless community officers no W on the holidays and W on the make-up Saturdays', async () => {
    expect(groupless.length).toBeGreaterThan(0);
    const p = await plan('2026-02-09', 28);
    for (const id of groupless) {
      const days = wDays(p, id);
      expect(days.filter((d) => d >= '2026-02-15' && d <= '2026-02-23'), id).toEqual([]);
      expect(days, id).toEqual(expect.arrayContaining(['2026-02-14', '2026-02-28']));
    }
    expect(p.violations.filter((v) => v.rule === 'CAL-3')).toEqual([]);
  });

  it('a plan in 2028 reports CAL-3 with the year; after PUT /calendar/2028 the same plan follows the loaded days', async () => {
    const before = await plan('2028-01-24', 14);
    const cal3 = before.violations.filter((v) => v.rule === 'CAL-3');
    expect(cal3).toHaveLength(1);
    expect(cal3[0]!.message).toContain('2028');
    expect(cal3[0]!.dates).toEqual(dateRange('2028-01-24', 14));
    for (const id of groupless) expect(wDays(before, id)).toContain('2028-01-27'); // a plain Thursday meanwhile

    // Test data shaped like a notice (not the real 2028 one): three days off, one Saturday worked.
    const notice = { holidays: dateRange('2028-01-26', 3).map((date) => ({ date, name: '春节' })), makeUpWorkdays: ['2028-01-29'] };
    expect((await putYear('2028', notice, director)).status).toBe(403);
    const loaded = await putYear('2028', notice);
    expect(loaded.status).toBe(201);
    expect(loaded.body).toMatchObject({ year: '2028', version: 1, updatedBy: 'root', makeUpWorkdays: ['2028-01-29'] });

    const calendar = (await getCalendar({ from: '2028-01-24', to: '2028-02-06' })).body as { missingYears: number[]; years: { year: number; source: string }[] };
    expect(calendar.missingYears).toEqual([]);
    expect(calendar.years).toEqual([expect.objectContaining({ year: 2028, source: 'admin', updatedBy: 'root' })]);

    const after = await plan('2028-01-24', 14);
    expect(after.violations.filter((v) => v.rule === 'CAL-3')).toEqual([]);
    for (const id of groupless) {
      const days = wDays(after, id);
      expect(days.filter((d) => d >= '2028-01-26' && d <= '2028-01-28'), id).toEqual([]);
      expect(days, id).toContain('2028-01-29');
    }

    const trail = await db.store.audit.list('_calendar');
    expect(trail.items.map((e) => [e.action, e.target.id])).toEqual([['calendar.loaded', '2028']]);
  });

  it('PUT /calendar/{year} refuses a bad year listing every problem, changes nothing, and loses a race with 409', async () => {
    const bad = await putYear('2029', { holidays: [{ date: '2030-01-01', name: '元旦' }], makeUpWorkdays: ['2029-01-03'] });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { details: { path: string }[] } }).error.details.map((d) => d.path)).toEqual(['holidays[0].date', 'makeUpWorkdays[0]']);
    const unknown = await putYear('2029', { holidays: [], makeUpWorkdays: [], extra: 1 });
    expect(unknown.status).toBe(400);
    expect(((await getCalendar({ from: '2029-01-01', to: '2029-01-02' })).body as { missingYears: number[] }).missingYears).toEqual([2029]);

    const year = { holidays: [{ date: '2029-01-01', name: '元旦' }], makeUpWorkdays: [] };
    expect((await putYear('2029', year)).status).toBe(201);
    const corrected = await putYear('2029', year, admin, { 'if-match': '"1"' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ version: 2 });
    expect((await putYear('2029', year, admin, { 'if-match': '"1"' })).status).toBe(409);
  });
});
