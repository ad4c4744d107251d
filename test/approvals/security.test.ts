// Who may do what on the redeployment and reinforced-duty endpoints (API.md's table), one test per denial; no answer
// shows another station's data; bodies over 1 MB → 413; unknown fields → 400. Two stations over one dynalite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_BODY_BYTES } from '../../shared/http/api.ts';
import type { Redeployment } from '../../shared/domain/redeployment.ts';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { startTestStore, type TestClaims, type TestStore } from '../helpers/dynalite.ts';
import { as, decideOn, declareReinforced, fileRequest, getStation, listRequests, mondayAfter, putStation, readRequest, smallStation, withdrawOf } from './helpers.ts';

const S = 'small';
const O = 'other';
const director = as(['director'], 'P001', S);
const instructor = as(['instructor'], 'P002', S);
const deputy = as(['deputy'], 'P003', S);
const officer = as(['officer'], 'P010', S);
const auxiliary = as(['auxiliary'], 'P040', S);
const admin = as(['admin'], 'A1', null);
const branch = as(['branch'], 'B1', null);
const otherDirector = as(['director'], 'Q001', O);
const otherInstructor = as(['instructor'], 'Q002', O);
const otherDeputy = as(['deputy'], 'Q003', O);

let db: TestStore;
let pending: Redeployment;
let otherPending: Redeployment;
const from = mondayAfter(10);
const body = (extra: Record<string, unknown> = {}) => ({ personId: 'P020', post: 'station-duty', from, to: from, reason: 'short', ...extra });

beforeAll(async () => {
  db = await startTestStore();
  expect((await putStation(S, smallStation('Small'), director)).status).toBe(201);
  const other = smallStation('Other');
  other.people = other.people.map((p: { id: string }) => ({ ...p, id: p.id.replace(/^P0(0|1|4)/, 'Q0$1') }));
  expect((await putStation(O, other, otherDirector)).status).toBe(201);
  const a = await fileRequest(S, body(), deputy);
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  pending = a.body;
  const b = await fileRequest(O, { ...body(), personId: 'P021' }, otherDeputy);
  expect(b.status, JSON.stringify(b.body)).toBe(201);
  otherPending = b.body;
});
afterAll(async () => {
  await db?.close();
});

/** Everything the two stations hold: request items and audit entries (what a refused call must not change). */
async function snapshot() {
  const out: unknown[] = [];
  for (const pk of [`STATION#${S}`, `STATION#${O}`, `AUDIT#${S}`, `AUDIT#${O}`]) {
    const { Items } = await db.store.client.send(new QueryCommand({ TableName: db.store.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true }));
    out.push(...(Items ?? []).map((i) => ({ pk: i.pk, sk: i.sk, version: i.version, status: i.status, request: i.request })));
  }
  return out;
}

const writes = (claims: TestClaims | null) => ({
  file: () => fileRequest(S, body({ from: addDaysTo(from, 30), to: addDaysTo(from, 30) }), claims),
  decide: () => decideOn(S, pending.id, { decision: 'approve' }, claims),
  withdraw: () => withdrawOf(S, pending.id, claims),
  declare: () => declareReinforced(S, { from: addDaysTo(from, 40), to: addDaysTo(from, 41), note: 'x' }, claims),
});
const reads = (claims: TestClaims | null) => ({
  list: () => listRequests(S, claims),
  read: () => readRequest(S, pending.id, claims),
});

async function expectRefused(answer: Promise<{ status: number; body: any }>, status: number, code: string) {
  const a = await answer;
  expect(a.status, JSON.stringify(a.body)).toBe(status);
  expect(a.body.error.code).toBe(code);
  // A refusal names no request, person or station data.
  expect(JSON.stringify(a.body)).not.toContain(pending.personId);
  expect(JSON.stringify(a.body)).not.toContain('Wang Fang');
}

describe('denials, each endpoint (nothing changes)', () => {
  it.each([
    ['officer', officer],
    ['auxiliary', auxiliary],
  ])('%s: file, decide, withdraw, declare, list, read → 403 AUTH-ROLE', async (_who, claims) => {
    const before = await snapshot();
    for (const call of [...Object.values(writes(claims)), ...Object.values(reads(claims))]) await expectRefused(call(), 403, 'AUTH-ROLE');
    expect(await snapshot()).toEqual(before);
  });

  it('a deputy may file, read and withdraw, but deciding → 403 AUTH-ROLE', async () => {
    await expectRefused(writes(deputy).decide(), 403, 'AUTH-ROLE');
    expect((await readRequest(S, pending.id, deputy)).status).toBe(200);
  });

  it('admin may neither file, decide, withdraw nor declare (403 AUTH-ROLE)', async () => {
    const before = await snapshot();
    for (const call of Object.values(writes(admin))) await expectRefused(call(), 403, 'AUTH-ROLE');
    expect(await snapshot()).toEqual(before);
  });

  it('the chiefs of another station deciding → 403 AP-4 (only the chiefs of that station count)', async () => {
    const before = await snapshot();
    await expectRefused(decideOn(S, pending.id, { decision: 'approve' }, otherDirector), 403, 'AP-4');
    await expectRefused(decideOn(S, pending.id, { decision: 'reject' }, otherInstructor), 403, 'AP-4');
    // Even for an id that does not exist there: nothing is read before the refusal.
    await expectRefused(decideOn(S, 'rd_doesnotexist', { decision: 'approve' }, otherDirector), 403, 'AP-4');
    expect(await snapshot()).toEqual(before);
  });

  it('the leaders of another station filing, reading, listing or withdrawing → 403 AUTH-STATION', async () => {
    const before = await snapshot();
    for (const claims of [otherDirector, otherDeputy]) {
      await expectRefused(writes(claims).file(), 403, 'AUTH-STATION');
      await expectRefused(writes(claims).withdraw(), 403, 'AUTH-STATION');
      await expectRefused(reads(claims).list(), 403, 'AUTH-STATION');
      await expectRefused(reads(claims).read(), 403, 'AUTH-STATION');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the branch on a duty request → 403 AP-4; the branch may read any station\'s requests but not file or withdraw (AUTH-ROLE)', async () => {
    const before = await snapshot();
    const refused = await decideOn(S, pending.id, { decision: 'approve' }, branch);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('AP-4');
    await expectRefused(writes(branch).file(), 403, 'AUTH-ROLE');
    await expectRefused(writes(branch).withdraw(), 403, 'AUTH-ROLE');
    expect(await snapshot()).toEqual(before);
    expect((await readRequest(S, pending.id, branch)).status).toBe(200);
    expect((await listRequests(O, branch)).status).toBe(200);
  });

  it.each([
    ['director', director],
    ['instructor', instructor],
    ['deputy', deputy],
    ['officer', officer],
    ['admin', admin],
  ])('%s declaring reinforced duty → 403 AUTH-ROLE (branch only, FB-4)', async (_who, claims) => {
    const version = (await getStation(S, director)).body.version;
    await expectRefused(writes(claims).declare(), 403, 'AUTH-ROLE');
    expect((await getStation(S, director)).body.version).toBe(version);
  });

  it('nobody decides their own request: the requester, the officer concerned (403 AP-4)', async () => {
    const mine = await fileRequest(S, body({ personId: 'P030' }), director);
    expect(mine.status).toBe(201);
    await expectRefused(decideOn(S, mine.body.id, { decision: 'approve' }, director), 403, 'AP-4');
    const concerned = await decideOn(S, pending.id, { decision: 'approve' }, as(['director'], 'P020', S));
    expect(concerned.status).toBe(403);
    expect(concerned.body.error.code).toBe('AP-4');
    expect(concerned.body.error.message).toContain('officer concerned');
  });

  it('no token → 401 on every endpoint', async () => {
    for (const call of [...Object.values(writes(null)), ...Object.values(reads(null))]) {
      const a = await call();
      expect(a.status).toBe(401);
      expect(a.body.error.code).toBe('UNAUTHENTICATED');
    }
  });
});

describe('no answer shows another station\'s data', () => {
  it('another station\'s request id is 404 here, for readers and deciders alike', async () => {
    for (const answer of [
      await readRequest(S, otherPending.id, director),
      await readRequest(S, otherPending.id, branch),
      await decideOn(S, otherPending.id, { decision: 'approve' }, director),
      await withdrawOf(S, otherPending.id, deputy),
    ]) {
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('NOT_FOUND');
      expect(JSON.stringify(answer.body)).not.toContain('P021');
    }
    expect((await readRequest(O, otherPending.id, otherDirector)).body.status).toBe('pending');
  });

  it('a list holds only its station\'s requests; a cursor of one station is refused by another (400)', async () => {
    const mine = await listRequests(S, branch, { limit: '1' });
    expect(mine.body.items.every((r: Redeployment) => r.stationId === S)).toBe(true);
    expect(mine.body.items.map((r: Redeployment) => r.id)).not.toContain(otherPending.id);
    const theirs = await listRequests(O, branch, { limit: '1' });
    expect(theirs.body.items.every((r: Redeployment) => r.stationId === O)).toBe(true);
    if (mine.body.next) {
      const crossed = await listRequests(O, branch, { next: mine.body.next });
      expect(crossed.status).toBe(400);
    }
    const pendingTheirs = await listRequests(O, branch, { status: 'pending', limit: '1' });
    const pendingMine = await listRequests(S, branch, { status: 'pending', limit: '1' });
    if (pendingMine.body.next) expect((await listRequests(O, branch, { status: 'pending', next: pendingMine.body.next })).status).toBe(400);
    expect(pendingTheirs.body.items.every((r: Redeployment) => r.stationId === O)).toBe(true);
  });

  it('a person of another station cannot be named here (422 AP-5 "no person")', async () => {
    // Q001 exists only at the other station.
    const answer = await fileRequest(S, body({ personId: 'Q001', from: addDaysTo(from, 50), to: addDaysTo(from, 50) }), deputy);
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('AP-5');
    expect(answer.body.error.message).toContain('no person Q001');
    expect(JSON.stringify(answer.body)).not.toMatch(/Zhang Wei|Other/);
  });
});

describe('request bodies', () => {
  const big = (extra: Record<string, unknown>) => JSON.stringify({ ...extra, padding: 'x'.repeat(MAX_BODY_BYTES) });

  it('over 1 MB → 413 PAYLOAD_TOO_LARGE on every write endpoint; nothing changes', async () => {
    const before = await snapshot();
    const version = (await getStation(S, director)).body.version;
    const answers = [
      await fileRequest(S, big(body()), deputy),
      await decideOn(S, pending.id, big({ decision: 'approve' }), director),
      await withdrawOf(S, pending.id, deputy, big({})),
      await declareReinforced(S, big({ from: addDaysTo(from, 40), to: addDaysTo(from, 40) }), branch),
    ];
    for (const a of answers) {
      expect(a.status).toBe(413);
      expect(a.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    }
    expect(await snapshot()).toEqual(before);
    expect((await getStation(S, director)).body.version).toBe(version);
  });

  it('unknown fields → 400 naming the field, on every write endpoint; nothing changes', async () => {
    const before = await snapshot();
    const answers = [
      await fileRequest(S, body({ approvedBy: 'P001' }), deputy),
      await decideOn(S, pending.id, { decision: 'approve', role: 'branch' }, director),
      await withdrawOf(S, pending.id, deputy, { status: 'approved' }),
      await declareReinforced(S, { from: addDaysTo(from, 40), to: addDaysTo(from, 40), level: 1 }, branch),
    ];
    const names = ['approvedBy', 'role', 'status', 'level'];
    answers.forEach((a, i) => {
      expect(a.status).toBe(400);
      expect(a.body.error.code).toBe('BAD_REQUEST');
      expect(JSON.stringify(a.body.error.details)).toContain(names[i]);
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a malformed request id in the path → 400', async () => {
    for (const id of ['rd_x#RD#y', 'pl_123', 'rd_']) expect((await readRequest(S, id, director)).status).toBe(400);
  });
});
