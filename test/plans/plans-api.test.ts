// The plan and roster API through the Lambda handlers (API Gateway v2 events) over an in-memory dynalite, with the
// real solver, on the demo station: plan, read, publish, read the published roster as JSON, CSV and iCalendar.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as auditHandler } from '../../functions/audit/handler.ts';
import { handler as plansHandler } from '../../functions/plans/handler.ts';
import { handler as rosterHandler } from '../../functions/roster/handler.ts';
import { DEMO_STATION_ID, loadDemoStation } from '../../local/app.ts';
import type { AuditEntry } from '../../shared/domain/audit.ts';
import { Plan, type Assignment } from '../../shared/domain/plan.ts';
import { CSV_COLUMNS } from '../../shared/roster/csv.ts';
import { dateRange } from '../../shared/rotation/index.ts';
import { newAuditId } from '../../shared/store/index.ts';
import { apiEvent, invoke, startTestStore, type Invoked, type TestClaims, type TestStore } from '../helpers/dynalite.ts';
import { demoStation } from '../helpers/fixtures.ts';
import { syntheticPlan } from './synthetic.ts';

const STATION = DEMO_STATION_ID;
const START = '2027-01-04';
const DAYS = 28;
const END = '2027-01-31';
const people: { id: string; name: string; rank: string; group: string | null }[] = demoStation().people;
const officer = people.find((p) => p.rank === 'officer' && p.group !== null)!;

// A branch caller is of the branch "default", where this test's station is (stored without branchId).
const as = (groups: string[], sub = 'P001', stationId: string | null = STATION): TestClaims => ({ sub, groups, stationId, ...(groups.includes('branch') ? { branchId: 'default' } : {}) });
const director = as(['director'], 'P001');
const deputy = as(['deputy'], 'P003');

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
  expect(await loadDemoStation(db.store)).toBe(true);
});
afterAll(async () => {
  await db?.close();
});

function createPlan(body: unknown, claims: TestClaims | null = director, stationId = STATION): Promise<Invoked> {
  return invoke(
    plansHandler,
    apiEvent({ method: 'POST', path: `/stations/${stationId}/plans`, routeKey: 'POST /stations/{stationId}/plans', pathParameters: { stationId }, body, claims }),
  );
}

function getPlan(planId: string, claims: TestClaims | null = director, stationId = STATION): Promise<Invoked> {
  return invoke(
    plansHandler,
    apiEvent({ method: 'GET', path: `/stations/${stationId}/plans/${planId}`, routeKey: 'GET /stations/{stationId}/plans/{planId}', pathParameters: { stationId, planId }, claims }),
  );
}

function publish(planId: string, claims: TestClaims | null = director, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Invoked> {
  return invoke(
    plansHandler,
    apiEvent({
      method: 'POST',
      path: `/stations/${STATION}/plans/${planId}/publish`,
      routeKey: 'POST /stations/{stationId}/plans/{planId}/publish',
      pathParameters: { stationId: STATION, planId },
      claims,
      ...options,
    }),
  );
}

function roster(query: Record<string, string>, claims: TestClaims | null = director, stationId = STATION): Promise<Invoked> {
  return invoke(
    rosterHandler,
    apiEvent({ method: 'GET', path: `/stations/${stationId}/roster`, routeKey: 'GET /stations/{stationId}/roster', pathParameters: { stationId }, query, claims }),
  );
}

async function auditTrail(): Promise<AuditEntry[]> {
  const answer = await invoke(
    auditHandler,
    apiEvent({ method: 'GET', path: `/stations/${STATION}/audit`, routeKey: 'GET /stations/{stationId}/audit', pathParameters: { stationId: STATION }, claims: director, query: { limit: '500' } }),
  );
  expect(answer.status).toBe(200);
  return answer.body.items as AuditEntry[];
}

const key = (a: Assignment) => `${a.date}|${a.personId}|${a.start ?? ''}|${a.post}`;
const sorted = (list: readonly Assignment[]) => [...list].sort((x, y) => key(x).localeCompare(key(y)));

describe('a plan for the demo station, end to end', () => {
  let plan: Plan;

  it('POST /stations/demo/plans → 201 with the plan: draft, version 1, every person on every day', async () => {
    const answer = await createPlan({ start: START, days: DAYS, seed: 7, seconds: 0.5 }, deputy);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    plan = Plan.parse(answer.body);
    expect(answer.body).toEqual(plan); // nothing beyond the schema, nothing missing
    expect(plan).toMatchObject({ stationId: STATION, start: START, days: DAYS, status: 'draft', version: 1, createdBy: 'P003', stationVersion: 1 });
    expect(plan.id).toMatch(/^pl_[0-9a-f]{32}$/);
    expect(plan.publishedAt).toBeUndefined();
    expect(answer.headers.location).toBe(`/stations/${STATION}/plans/${plan.id}`);
    const covered = new Set(plan.assignments.map((a) => `${a.personId}|${a.date}`));
    for (const person of people) for (const date of dateRange(START, DAYS)) expect(covered.has(`${person.id}|${date}`), `${person.id} on ${date}`).toBe(true);
    expect(plan.assignments.every((a) => a.date >= START && a.date <= END)).toBe(true);
    // Every plan proves its quality: a lower bound on any plan's score, and the gap to it.
    expect(plan.bound).toBeGreaterThanOrEqual(0);
    expect(plan.bound!).toBeLessThanOrEqual(plan.score.total);
    expect(plan.gap).toBeCloseTo(plan.score.total > 0 ? (plan.score.total - plan.bound!) / plan.score.total : 0, 3);
  });

  it('GET returns the same document', async () => {
    const answer = await getPlan(plan.id, as(['instructor'], 'P002'));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(plan);
    expect(answer.headers.etag).toBe('"1"');
  });

  it('the roster has nothing before publication', async () => {
    const answer = await roster({ from: START, to: END });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ stationId: STATION, from: START, to: END, assignments: [] });
  });

  it('publish → 200 with the published plan (version 2); publishing again → 409 saying it is published', async () => {
    const answer = await publish(plan.id);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ id: plan.id, status: 'published', version: 2 });
    expect(Date.parse(answer.body.publishedAt)).toBeGreaterThan(Date.parse(plan.createdAt) - 1);
    expect(answer.body.assignments).toEqual(plan.assignments);
    const again = await publish(plan.id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
    expect(again.body.error.message).toMatch(/already/);
    expect(again.body.error.message).toContain(plan.id);
    expect((await getPlan(plan.id)).body).toMatchObject({ status: 'published', version: 2, publishedAt: answer.body.publishedAt });
  });

  it('the audit trail has plan.created and plan.published, each once', async () => {
    const entries = (await auditTrail()).filter((e) => e.target.id === plan.id);
    expect(entries.map((e) => e.action)).toEqual(['plan.created', 'plan.published']);
    expect(entries[0]).toMatchObject({ actor: { sub: 'P003' }, target: { kind: 'plan', id: plan.id } });
    expect(entries[1]).toMatchObject({ actor: { sub: 'P001' } });
  });

  it('the roster (JSON) equals the plan\'s assignments, for the whole plan and for part of it', async () => {
    const whole = await roster({ from: START, to: END });
    expect(whole.status).toBe(200);
    expect(whole.body).toMatchObject({ stationId: STATION, from: START, to: END });
    expect(sorted(whole.body.assignments)).toEqual(sorted(plan.assignments));
    const part = await roster({ from: '2027-01-10', to: '2027-01-12' });
    expect(sorted(part.body.assignments)).toEqual(sorted(plan.assignments.filter((a) => a.date >= '2027-01-10' && a.date <= '2027-01-12')));
    const wider = await roster({ from: '2026-12-20', to: '2027-02-10' });
    expect(wider.body.assignments).toHaveLength(plan.assignments.length);
  });

  it('CSV: attachment, header row, one row per assignment with names', async () => {
    const answer = await roster({ from: START, to: END, format: 'csv' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/csv/);
    expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="roster-demo-2027-01-04-2027-01-31\.csv"$/);
    const rows = parse(answer.raw!, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.length - 1).toBe(plan.assignments.length);
    const records = parse(answer.raw!, { bom: true, columns: true }) as Record<string, string>[];
    const first = records.find((r) => r.personId === officer.id)!;
    expect(first.name).toBe(officer.name);
  });

  it('ICS: a calendar with one VEVENT per working assignment of that person', async () => {
    const answer = await roster({ from: START, to: END, format: 'ics', personId: officer.id });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/calendar/);
    expect(answer.headers['content-disposition']).toContain('attachment');
    const text = answer.raw!;
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('END:VCALENDAR');
    expect(lines).toContain('X-WR-TIMEZONE:Asia/Shanghai');
    expect(lines.some((l) => l.startsWith('X-WR-CALNAME:'))).toBe(true);
    const working = plan.assignments.filter((a) => a.personId === officer.id && a.post !== 'rest' && a.post !== 'absent' && a.hours > 0);
    expect(working.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(working.length);
    const summaries = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l.startsWith('SUMMARY:'));
    expect(summaries.sort()).toEqual(working.map((a) => `SUMMARY:${a.post} (${a.shift})`).sort());
  });

  it('format=ics without personId → 400 naming personId', async () => {
    const answer = await roster({ from: START, to: END, format: 'ics' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.map((d: { path: string }) => d.path)).toContain('personId');
  });

  it('an officer reads their own roster (JSON and calendar), not the whole one nor someone else\'s (403 AUTH-ROLE)', async () => {
    const me = as(['officer'], officer.id);
    const own = await roster({ from: START, to: END, personId: officer.id }, me);
    expect(own.status).toBe(200);
    expect(sorted(own.body.assignments)).toEqual(sorted(plan.assignments.filter((a) => a.personId === officer.id)));
    expect((await roster({ from: START, to: END, personId: officer.id, format: 'ics' }, me)).status).toBe(200);
    const whole = await roster({ from: START, to: END }, me);
    expect(whole.status).toBe(403);
    expect(whole.body.error.code).toBe('AUTH-ROLE');
    expect(whole.body.error.message).toContain(`personId=${officer.id}`);
    const other = await roster({ from: START, to: END, personId: 'P001', format: 'csv' }, me);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('AUTH-ROLE');
    const auxiliary = await roster({ from: START, to: END, personId: 'P062' }, as(['auxiliary'], 'P062'));
    expect(auxiliary.status).toBe(200);
    // Of another station: not even their own.
    const stranger = await roster({ from: START, to: END, personId: officer.id }, as(['officer'], officer.id, 'qianmen'));
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe('AUTH-STATION');
  });

  it('the roster query: from and to required, to ≥ from, at most 92 days', async () => {
    const missing = await roster({});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['from', 'to']));
    expect((await roster({ from: '2027-01-10', to: '2027-01-09' })).status).toBe(400);
    expect((await roster({ from: '2027-01-01', to: '2027-04-03' })).status).toBe(400);
    expect((await roster({ from: '2027-01-01', to: '2027-04-02' })).status).toBe(200);
    expect((await roster({ from: '2027-01-01', to: '2027-01-02', format: 'pdf' })).status).toBe(400);
  });
});

describe('who may plan and publish', () => {
  let draftId: string;
  beforeAll(async () => {
    const answer = await createPlan({ start: '2027-03-01', days: 3, seconds: 0.1 });
    expect(answer.status).toBe(201);
    draftId = answer.body.id;
  });

  it.each([
    ['officer', as(['officer'], 'P005')],
    ['auxiliary', as(['auxiliary'], 'P062')],
    ['branch', as(['branch'], 'B1', null)],
    ['admin', as(['admin'], 'A1', null)],
  ])('%s may not plan, publish or read plans (403 AUTH-ROLE)', async (_name, claims) => {
    for (const answer of [await createPlan({ start: START, days: 1 }, claims), await publish(draftId, claims), await getPlan(draftId, claims)]) {
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('AUTH-ROLE');
    }
  });

  it('a director of another station gets 403 AUTH-STATION; no token is 401', async () => {
    const other = as(['director'], 'Q001', 'qianmen');
    for (const answer of [await createPlan({ start: START, days: 1 }, other), await publish(draftId, other), await getPlan(draftId, other), await roster({ from: START, to: END }, other)]) {
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('AUTH-STATION');
    }
    expect((await createPlan({ start: START, days: 1 }, null)).status).toBe(401);
  });

  it('the draft is still a draft after all that', async () => {
    expect((await getPlan(draftId)).body).toMatchObject({ status: 'draft', version: 1 });
  });

  it('a stale If-Match is 409; the right one publishes', async () => {
    expect((await publish(draftId, director, { headers: { 'if-match': '"7"' } })).status).toBe(409);
    expect((await publish(draftId, director, { body: { version: 7 } })).status).toBe(409);
    expect((await publish(draftId, director, { body: { verison: 1 } })).status).toBe(400);
    const answer = await publish(draftId, director, { headers: { 'if-match': '"1"' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.etag).toBe('"2"');
  });
});

describe('bad requests', () => {
  it('a bad body is 400 listing every bad field, unknown fields included', async () => {
    const answer = await createPlan({ start: '2027-02-30', days: 0, seconds: 100, seed: -1, horizon: 7 });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('BAD_REQUEST');
    const details = answer.body.error.details as { path: string; message: string }[];
    const paths = details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['start', 'days', 'seconds', 'seed']));
    expect(details.some((d) => d.message.includes('horizon'))).toBe(true);
    expect(answer.body.error.message).toMatch(/5 problems/);
  });

  it('no body, a body that is not JSON, a body that is not an object: 400', async () => {
    expect((await createPlan(undefined)).status).toBe(400);
    expect((await createPlan('{"start": ')).status).toBe(400);
    expect((await createPlan([START, 28])).status).toBe(400);
    const tooLong = await createPlan({ start: START, days: 93 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0].path).toBe('days');
  });

  it('an unknown plan is 404; a station that does not exist is 404; a malformed plan id is 400', async () => {
    const unknown = await getPlan('pl_0123456789abcdef0123456789abcdef');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    expect((await publish('pl_0123456789abcdef0123456789abcdef')).status).toBe(404);
    expect((await createPlan({ start: START, days: 1 }, as(['director'], 'N1', 'nowhere'), 'nowhere')).status).toBe(404);
    expect((await roster({ from: START, to: END }, as(['director'], 'N1', 'nowhere'), 'nowhere')).status).toBe(404);
    expect((await getPlan('pl_x#PART#0')).status).toBe(400);
  });
});

describe('republishing', () => {
  it('a later publication wins per date in the roster; the earlier plan keeps its other dates', async () => {
    // Plans made directly in the store, so that two plans over the same dates are sure to differ.
    const ids = people.map((p) => p.id);
    const stored = async (id: string, start: string, days: number, seed: number, at: string) => {
      const plan = syntheticPlan({ stationId: STATION, id, start, days, people: ids, seed });
      const entry = (action: AuditEntry['action'], when: Date): AuditEntry => ({
        id: newAuditId(when), stationId: STATION, at: when.toISOString(), actor: { sub: 'P001', groups: ['director'], stationId: STATION },
        action, target: { kind: 'plan', id }, summary: `${action} ${id}`, detail: {},
      });
      await db.store.plans.create(plan, entry('plan.created', new Date(at)));
      const answer = await publish(id);
      expect(answer.status).toBe(200);
      return plan;
    };
    const first = await stored('pl_mayfirst', '2027-05-03', 28, 11, '2027-01-01T00:00:00.000Z');
    const second = await stored('pl_maysecond', '2027-05-17', 14, 12, '2027-01-02T00:00:00.000Z');
    const third = await stored('pl_maythird', '2027-05-10', 3, 13, '2027-01-03T00:00:00.000Z');
    const answer = await roster({ from: '2027-05-01', to: '2027-06-05' });
    const got = answer.body.assignments as Assignment[];
    const within = (p: Plan, lo: string, hi: string) => p.assignments.filter((a) => a.date >= lo && a.date <= hi);
    const expected = [
      ...within(first, '2027-05-03', '2027-05-09'),
      ...within(third, '2027-05-10', '2027-05-12'),
      ...within(first, '2027-05-13', '2027-05-16'),
      ...within(second, '2027-05-17', '2027-05-30'),
    ];
    expect(sorted(got)).toEqual(sorted(expected));
    expect(got.map((a) => a.date)).toEqual([...got.map((a) => a.date)].sort());
    // The earlier plans are unchanged documents.
    expect((await getPlan(first.id)).body.assignments).toEqual(first.assignments);
    // Publishing says which plans it takes dates from.
    const trail = (await auditTrail()).filter((e) => e.action === 'plan.published' && e.target.id === 'pl_maythird');
    expect(trail[0]?.detail.takesOver).toEqual(['pl_mayfirst']);
  });

  it('a new plan over published days is given those days (STAB-1) and still covers everyone', async () => {
    const answer = await createPlan({ start: '2027-01-25', days: 14, seed: 3, seconds: 0.3 });
    expect(answer.status).toBe(201);
    const plan = Plan.parse(answer.body);
    const covered = new Set(plan.assignments.map((a) => `${a.personId}|${a.date}`));
    for (const person of people) for (const date of dateRange('2027-01-25', 14)) expect(covered.has(`${person.id}|${date}`)).toBe(true);
    const trail = (await auditTrail()).find((e) => e.action === 'plan.created' && e.target.id === plan.id);
    expect(trail?.detail.publishedAssignmentsKept).toBeGreaterThan(0);
  });
});
