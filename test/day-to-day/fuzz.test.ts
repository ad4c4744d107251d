// Fuzzing every body of the day-to-day endpoints (the style of test/approvals/fuzz.test.ts): malformed bodies (wrong
// types, unknown fields, missing fields, impossible dates, not objects) are refused with 400 listing what is wrong,
// and nothing stored changes (the station, its requests, plans, audit trail and the people's notices).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AbsenceBody, LeaveBody, NoticesReadBody, PinBody, RequestDecisionBody, SwapBody } from '../../shared/domain/day-to-day.ts';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { ReplanBody } from '../../shared/domain/day-to-day.ts';
import { startTestStore, type TestStore } from '../helpers/dynalite.ts';
import { S, absences, colleague, deputy, firstMonday, leave, notices, pins, plans, publishPlan, setUp, swaps } from './helpers.ts';

const RUNS = 60;
let db: TestStore;
let leaveId: string;
const monday = firstMonday();

beforeAll(async () => {
  db = await startTestStore();
  await setUp();
  await publishPlan(monday, 7);
  leaveId = (await leave.ask({ from: addDaysTo(monday, 3), to: addDaysTo(monday, 3), reason: 'leave' })).body.id;
});
afterAll(async () => {
  await db?.close();
});

async function snapshot(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const pk of [`STATION#${S}`, `AUDIT#${S}`, `PERSON#${S}#P003`, `PERSON#${S}#P010`, `PERSON#${S}#P011`]) {
    const { Items } = await db.store.client.send(new QueryCommand({ TableName: db.store.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true }));
    out.push(...(Items ?? []).map((i) => JSON.stringify(i, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v instanceof Set ? [...v] : v))));
  }
  return out;
}

const junk = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 20 }), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const notAnObject = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 40 }), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }));
const badDate = fc.constantFrom('2026-02-30', '2026-13-01', '26-12-01', '2026/12/01', '', 'today', '2026-12-01T00:00:00Z');
const FIELDS = ['personId', 'from', 'to', 'reason', 'note', 'date', 'post', 'shift', 'withPersonId', 'withDate', 'decision', 'comment', 'upTo', 'seconds', 'seed', '__proto__', 'constructor'];
const unknownKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !FIELDS.includes(k));

function broken(valid: Record<string, unknown>, dateFields: string[]) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keys), junk).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k))),
    fc.tuple(unknownKey, fc.jsonValue({ maxDepth: 1 })).map(([k, v]) => ({ ...valid, [k]: v })),
    ...(dateFields.length ? [fc.tuple(fc.constantFrom(...dateFields), badDate).map(([k, v]) => ({ ...valid, [k]: v }))] : []),
  );
}

type Endpoint = { name: string; call: (body: unknown) => Promise<{ status: number; body: any }>; valid: Record<string, unknown>; dates: string[]; accepts: (b: unknown) => boolean };
const day = addDaysTo(monday, 2);
const endpoints: Endpoint[] = [
  { name: 'POST .../absences', call: (b) => absences.post(b), valid: { personId: 'P010', from: day, to: day, reason: 'sick' }, dates: ['from', 'to'], accepts: (b) => AbsenceBody.safeParse(b).success },
  { name: 'POST .../pins', call: (b) => pins.post(b), valid: { personId: 'P010', date: day, post: 'rest' }, dates: ['date'], accepts: (b) => PinBody.safeParse(b).success },
  { name: 'POST .../leave-requests', call: (b) => leave.ask(b, colleague), valid: { from: day, to: day, reason: 'leave' }, dates: ['from', 'to'], accepts: (b) => LeaveBody.safeParse(b).success },
  { name: 'POST .../leave-requests/{id}/decisions', call: (b) => leave.decide(leaveId, b, deputy), valid: { decision: 'approve' }, dates: [], accepts: (b) => RequestDecisionBody.safeParse(b).success },
  { name: 'POST .../swaps', call: (b) => swaps.propose(b, colleague), valid: { date: day, withPersonId: 'P012' }, dates: ['date'], accepts: (b) => SwapBody.safeParse(b).success },
  { name: 'POST .../swaps/check', call: (b) => swaps.check(b, colleague), valid: { date: day, withPersonId: 'P012' }, dates: ['date'], accepts: (b) => SwapBody.safeParse(b).success },
  { name: 'POST /me/notices/read', call: (b) => notices.read(b, deputy), valid: { upTo: 'x' }, dates: [], accepts: (b) => NoticesReadBody.safeParse(b).success },
  { name: 'POST .../replan', call: (b) => plans.replan(b), valid: { from: day, to: day, seconds: 0.1 }, dates: ['from', 'to'], accepts: (b) => ReplanBody.safeParse(b).success },
];

describe.each(endpoints)('$name refuses malformed bodies and changes nothing', (endpoint) => {
  it(`${RUNS} malformed bodies → 400 listing what is wrong`, async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.oneof(notAnObject, broken(endpoint.valid, endpoint.dates)), async (body) => {
        fc.pre(!endpoint.accepts(body) && body !== null);
        const answer = await endpoint.call(typeof body === 'string' ? JSON.stringify(body) : body);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body.error.code).toBe('BAD_REQUEST');
        expect(answer.body.error.details.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, seed: 20261130 },
    );
    expect(await snapshot()).toEqual(before);
  });
});
