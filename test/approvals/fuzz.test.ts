// Fuzzing the write endpoints with fast-check: hundreds of malformed bodies each (wrong JSON types, unknown fields,
// missing or mistyped fields, impossible dates, text that is not JSON, oversized bodies). Every one must be refused
// with 400 (413 when over 1 MB), the refusal must be in the API's error shape, and the stored data must not change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DecisionBody, RedeploymentRequestBody, ReinforcedDutyBody, WithdrawBody } from '../../shared/domain/redeployment.ts';
import { MAX_BODY_BYTES } from '../../shared/http/api.ts';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { startTestStore, type TestStore } from '../helpers/dynalite.ts';
import { as, decideOn, declareReinforced, fileRequest, getStation, mondayAfter, putStation, smallStation, withdrawOf } from './helpers.ts';

const S = 'small';
const director = as(['director'], 'P001', S);
const deputy = as(['deputy'], 'P003', S);
const branch = as(['branch'], 'B1', null);
const RUNS = 200;

let db: TestStore;
let requestId: string;
const from = mondayAfter(10);

beforeAll(async () => {
  db = await startTestStore();
  expect((await putStation(S, smallStation(), director)).status).toBe(201);
  const filed = await fileRequest(S, { personId: 'P020', post: 'station-duty', from, to: from, reason: 'x' }, deputy);
  expect(filed.status).toBe(201);
  requestId = filed.body.id;
});
afterAll(async () => {
  await db?.close();
});

/** Every item of the station's partition and its audit partition, as stored. */
async function snapshot(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const pk of [`STATION#${S}`, `AUDIT#${S}`]) {
    const { Items } = await db.store.client.send(new QueryCommand({ TableName: db.store.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true }));
    out.push(...(Items ?? []).map((i) => JSON.stringify(i, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v instanceof Set ? [...v] : v))));
  }
  return out;
}

// Building blocks of malformed bodies.
const junk = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 20 }), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const notAnObject = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 40 }), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }));
const badDate = fc.oneof(
  fc.constantFrom('2026-02-30', '2026-13-01', '26-12-01', '2026/12/01', '2026-12-1', '', 'today', '2026-12-01T00:00:00Z', '0000-00-00'),
  fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
);
const unknownKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !['personId', 'post', 'from', 'to', 'reason', 'kind', 'replacementId', 'decision', 'comment', 'note', '__proto__', 'constructor'].includes(k));

/** A valid body with one thing broken: a field mistyped or removed, an unknown field added, a date made impossible. */
function broken(valid: Record<string, unknown>, dateFields: string[]) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keys), junk).map(([k, v]) => ({ ...valid, [k]: v })),
    fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k))),
    fc.tuple(unknownKey, fc.jsonValue({ maxDepth: 1 })).map(([k, v]) => ({ ...valid, [k]: v })),
    ...(dateFields.length ? [fc.tuple(fc.constantFrom(...dateFields), badDate).map(([k, v]) => ({ ...valid, [k]: v }))] : []),
    fc.tuple(fc.dictionary(unknownKey, fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 4 }), fc.constant(valid)).map(([extra, v]) => ({ ...extra, ...v, ...extra })),
  );
}

/** Raw text: not JSON at all, or truncated JSON. */
const notJson = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
  fc.constantFrom('{', '{"decision": ', '[1,2', '{"from": "2026-12-01",}', "{'decision': 'approve'}", 'null null'),
);

type Endpoint = {
  name: string;
  call: (body: unknown) => Promise<{ status: number; body: any }>;
  valid: Record<string, unknown>;
  dates: string[];
  /** The schema the handler validates with: bodies it accepts are not malformed and are left out. */
  accepts: (body: unknown) => boolean;
};

const endpoints: Endpoint[] = [
  {
    name: 'POST /stations/{id}/redeployments',
    call: (body) => fileRequest(S, body, deputy),
    valid: { personId: 'P021', post: 'station-duty', from: addDaysTo(from, 1), to: addDaysTo(from, 1), reason: 'x', kind: 'duty' },
    dates: ['from', 'to'],
    accepts: (b) => RedeploymentRequestBody.safeParse(b).success,
  },
  {
    name: 'POST .../redeployments/{id}/decisions',
    call: (body) => decideOn(S, requestId, body, director),
    valid: { decision: 'approve', comment: 'ok' },
    dates: [],
    accepts: (b) => DecisionBody.safeParse(b).success,
  },
  {
    name: 'POST .../redeployments/{id}/withdraw',
    call: (body) => withdrawOf(S, requestId, deputy, body),
    valid: { reason: 'no longer needed' },
    dates: [],
    accepts: (b) => WithdrawBody.safeParse(b).success,
  },
  {
    name: 'POST /stations/{id}/reinforced-duty',
    call: (body) => declareReinforced(S, body, branch),
    valid: { from: addDaysTo(from, 3), to: addDaysTo(from, 4), note: 'x' },
    dates: ['from', 'to'],
    accepts: (b) => ReinforcedDutyBody.safeParse(b).success,
  },
];

describe.each(endpoints)('$name refuses malformed bodies and changes nothing', (endpoint) => {
  it(`${RUNS} malformed JSON bodies → 400 listing what is wrong`, async () => {
    const before = await snapshot();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(notAnObject, broken(endpoint.valid, endpoint.dates)), async (body) => {
        fc.pre(!endpoint.accepts(body));
        // A string is sent as a JSON string (raw text has its own test below; an empty body is no body at all).
        const answer = await endpoint.call(typeof body === 'string' ? JSON.stringify(body) : body);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        expect(answer.status, JSON.stringify(body)).toBe(400);
        expect(answer.body.error.code).toBe('BAD_REQUEST');
        expect(answer.body.error.details.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS, seed: 20261122 },
    );
    expect(statuses.get(400)).toBeGreaterThan(RUNS / 2);
    expect(await snapshot()).toEqual(before);
  });

  it('text that is not JSON → 400; a body over 1 MB → 413', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(notJson, async (text) => {
        const answer = await endpoint.call(text);
        expect(answer.status, text).toBe(400);
        expect(answer.body.error.code).toBe('BAD_REQUEST');
      }),
      { numRuns: 50, seed: 7 },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4096 }), fc.constantFrom('x', 'é', ' '), async (extra, char) => {
        const padding = char.repeat(Math.ceil((MAX_BODY_BYTES + extra) / Buffer.byteLength(char)));
        const answer = await endpoint.call(JSON.stringify({ ...endpoint.valid, padding }));
        expect(answer.status).toBe(413);
        expect(answer.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      }),
      { numRuns: 5, seed: 11 },
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('well-formed but against a rule → 422, and nothing changes', () => {
  it('requests for forbidden posts, non-dedicated people and past dates', async () => {
    const before = await snapshot();
    const version = (await getStation(S, director)).body.version;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          personId: fc.constantFrom('P020', 'P021', 'P010', 'P040', 'P999'),
          post: fc.constantFrom('patrol-01', 'patrol-02', 'case-handling', 'community', 'rest', 'station-duty'),
          from: fc.constantFrom('2026-01-05', addDaysTo(from, 2)),
          kind: fc.constantFrom('duty', 'routine-duty'),
        }),
        async (b) => {
          const valid = (b.personId === 'P020' || b.personId === 'P021') && b.post === 'station-duty' && b.from !== '2026-01-05';
          fc.pre(!valid);
          const answer = await fileRequest(S, { ...b, to: b.from }, deputy);
          expect(answer.status, JSON.stringify(b)).toBe(422);
          expect(answer.body.error.code).toMatch(/^(FB-1|FB-2|AP-1|AP-5)$/);
        },
      ),
      { numRuns: 60, seed: 3 },
    );
    expect(await snapshot()).toEqual(before);
    expect((await getStation(S, director)).body.version).toBe(version);
  });
});
