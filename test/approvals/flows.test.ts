// Redeployment flows through the Lambda handlers (API Gateway v2 events) over an in-memory dynalite: file → director
// → instructor → approved; routine duty needing the branch; reject; withdraw; expiry; lists; reinforced duty; and the
// audit trail, which must hold every step.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Redeployment } from '../../shared/domain/redeployment.ts';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { startTestStore, type TestStore } from '../helpers/dynalite.ts';
import {
  as,
  auditOf,
  decideOn,
  declareReinforced,
  fileRequest,
  getStation,
  listRequests,
  mondayAfter,
  putStation,
  readRequest,
  smallStation,
  today,
  withdrawOf,
} from './helpers.ts';

const S = 'small';
const director = as(['director'], 'P001', S);
const instructor = as(['instructor'], 'P002', S);
const deputy = as(['deputy'], 'P003', S);
const branch = as(['branch'], 'B1', null);

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
  expect((await putStation(S, smallStation(), director)).status).toBe(201);
});
afterAll(async () => {
  await db?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

// Each request gets days of its own, so that no two overlap (AP-5: one request per officer and day).
let cursor = mondayAfter(14);
const freshDays = (n = 1): { from: string; to: string } => {
  cursor = addDaysTo(cursor, 1);
  const from = cursor;
  cursor = addDaysTo(cursor, n - 1);
  return { from, to: cursor };
};
const dutyBody = (extra: Record<string, unknown> = {}) => ({ personId: 'P020', post: 'station-duty', reason: 'station duty is short', kind: 'duty', ...freshDays(), ...extra });

async function filed(body: Record<string, unknown> = dutyBody(), claims = deputy): Promise<Redeployment> {
  const answer = await fileRequest(S, body, claims);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return Redeployment.parse(answer.body);
}

async function storedStatus(id: string): Promise<string> {
  const { Item } = await db.store.client.send(new GetCommand({ TableName: db.store.tableName, Key: { pk: `STATION#${S}`, sk: `RD#${id}` }, ConsistentRead: true }));
  return String(Item?.status);
}

describe('a duty request: file → director → instructor → approved', () => {
  let request: Redeployment;

  it('POST → 201 pending with required, no decisions, the cost, and a Location', async () => {
    const body = dutyBody();
    const answer = await fileRequest(S, body, deputy);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    request = Redeployment.parse(answer.body);
    expect(answer.body).toEqual(request);
    expect(request.id).toMatch(/^rd_[a-z0-9]{21}$/);
    expect(request).toMatchObject({
      stationId: S,
      status: 'pending',
      required: ['director', 'instructor'],
      decisions: [],
      personId: 'P020',
      post: 'station-duty',
      from: body.from,
      to: body.to,
      reason: 'station duty is short',
      kind: 'duty',
      requestedBy: 'P003',
      version: 1,
    });
    expect(request.replacementId).toBeUndefined();
    expect(request.cost.weeks).toHaveLength(1);
    expect(request.cost.communityHoursLost).toBe(8);
    expect(Date.parse(request.createdAt)).toBeLessThanOrEqual(Date.now());
    expect(answer.headers.location).toBe(`/stations/${S}/redeployments/${request.id}`);
  });

  it('the director approves → 200, still pending, version 2', async () => {
    const answer = await decideOn(S, request.id, { decision: 'approve', comment: 'agreed' }, director);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ status: 'pending', version: 2, decisions: [{ by: 'P001', role: 'director', decision: 'approve', comment: 'agreed' }] });
  });

  it('the instructor approves → approved, exactly two decisions, version 3', async () => {
    const answer = await decideOn(S, request.id, { decision: 'approve' }, instructor);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'approved', version: 3, closedBy: 'P002' });
    expect(answer.body.decisions.map((d: { role: string }) => d.role)).toEqual(['director', 'instructor']);
    request = Redeployment.parse(answer.body);
  });

  it('GET returns the same document (with its cost); the approved list holds it, the pending list does not', async () => {
    const read = await readRequest(S, request.id, deputy);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(request);
    expect(read.headers.etag).toBe('"3"');
    const approved = await listRequests(S, director, { status: 'approved' });
    expect(approved.status).toBe(200);
    expect(approved.body.items.map((r: Redeployment) => r.id)).toContain(request.id);
    const pending = await listRequests(S, director, { status: 'pending' });
    expect(pending.body.items.map((r: Redeployment) => r.id)).not.toContain(request.id);
  });

  it('the planner now sees it (approvedRedeploymentsFor), and only inside its dates', async () => {
    expect(await db.store.approvedRedeploymentsFor(S, request.from, request.to)).toEqual([
      { id: request.id, personId: 'P020', post: 'station-duty', from: request.from, to: request.to },
    ]);
    expect(await db.store.approvedRedeploymentsFor(S, addDaysTo(request.to, 1), addDaysTo(request.to, 5))).toEqual([]);
  });

  it('the audit trail has the request and both decisions, in order, with who and what', async () => {
    const entries = (await auditOf(S, director)).filter((e) => e.target.id === request.id);
    expect(entries.map((e) => [e.action, e.actor.sub])).toEqual([
      ['redeployment.requested', 'P003'],
      ['redeployment.decided', 'P001'],
      ['redeployment.decided', 'P002'],
    ]);
    expect(entries[0]!.detail).toMatchObject({ personId: 'P020', post: 'station-duty', required: ['director', 'instructor'], communityHoursLost: 8 });
    expect(entries[2]!.detail).toMatchObject({ decision: 'approve', role: 'instructor', status: 'approved', version: 3 });
    expect(entries[2]!.summary).toContain('now approved');
  });

  it('a repeated identical decision → 200 with the request unchanged, and no new audit entry', async () => {
    const before = (await auditOf(S, director)).length;
    const again = await decideOn(S, request.id, { decision: 'approve', comment: 'resent' }, instructor);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(request);
    expect((await auditOf(S, director)).length).toBe(before);
    // The opposite decision from the same approver is refused.
    const turn = await decideOn(S, request.id, { decision: 'reject' }, instructor);
    expect(turn.status).toBe(409);
    expect(turn.body.error.code).toBe('AP-4');
  });
});

describe('routine duty (AP-2) and transfers (AP-3) need the branch', () => {
  it('both chiefs leave a routine-duty request pending; the branch approves it', async () => {
    const r = await filed(dutyBody({ post: 'routine-duty', kind: 'routine-duty' }));
    expect(r.required).toEqual(['director', 'instructor', 'branch']);
    expect((await decideOn(S, r.id, { decision: 'approve' }, director)).body.status).toBe('pending');
    expect((await decideOn(S, r.id, { decision: 'approve' }, instructor)).body.status).toBe('pending');
    const done = await decideOn(S, r.id, { decision: 'approve', comment: 'filed with the branch' }, branch);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('approved');
    expect(done.body.decisions.map((d: { role: string; by: string }) => `${d.role}:${d.by}`)).toEqual(['director:P001', 'instructor:P002', 'branch:B1']);
  });

  it('a transfer names its replacement and needs the branch; under five years it must say why (422 CP-6)', async () => {
    const young = dutyBody({ personId: 'P021', kind: 'transfer', replacementId: 'P012', reason: '' });
    const refused = await fileRequest(S, young, director);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('CP-6');
    const r = await filed({ ...young, reason: 'the district needs an experienced officer' }, director);
    // Filed by the director: the branch stands in for him (no dead end), so instructor and branch decide.
    expect(r).toMatchObject({ kind: 'transfer', replacementId: 'P012', required: ['instructor', 'branch'] });
    // The requester may not decide it.
    const own = await decideOn(S, r.id, { decision: 'approve' }, director);
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('AP-4');
  });

  it('a request filed by a chief can still be decided: the branch stands in for the filing chief (no dead end)', async () => {
    const r = await filed(dutyBody(), director);
    expect(r.required).toEqual(['instructor', 'branch']);
    expect((await decideOn(S, r.id, { decision: 'approve' }, instructor)).body.status).toBe('pending');
    const done = await decideOn(S, r.id, { decision: 'approve' }, as(['branch'], 'B1', null));
    expect(done.body.status).toBe('approved');
  });
});

describe('reject', () => {
  it('any reject rejects; a rejected request cannot be approved later (409 AP-5) and stays rejected', async () => {
    const r = await filed();
    const rejected = await decideOn(S, r.id, { decision: 'reject', comment: 'find someone else' }, director);
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', closedBy: 'P001', version: 2 });
    const late = await decideOn(S, r.id, { decision: 'approve' }, instructor);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('AP-5');
    expect(late.body.error.message).toContain('rejected');
    expect((await readRequest(S, r.id, director)).body).toMatchObject({ status: 'rejected', version: 2, decisions: [{ role: 'director', decision: 'reject' }] });
    expect(await db.store.approvedRedeploymentsFor(S, r.from, r.to)).toEqual([]);
    // A withdrawn or rejected request frees the officer's days for a new one.
    expect((await fileRequest(S, { ...dutyBody(), from: r.from, to: r.to }, deputy)).status).toBe(201);
  });
});

describe('withdraw', () => {
  it('a pending request: withdrawn by a station leader; a repeat is 200 unchanged; nothing decides it after', async () => {
    const r = await filed();
    const w = await withdrawOf(S, r.id, deputy, { reason: 'covered otherwise' });
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ status: 'withdrawn', closedBy: 'P003', withdrawReason: 'covered otherwise', version: 2 });
    expect((await withdrawOf(S, r.id, deputy)).body).toEqual(w.body);
    const other = await withdrawOf(S, r.id, director);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('AP-5');
    const late = await decideOn(S, r.id, { decision: 'approve' }, director);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('AP-5');
  });

  it('an approved request may be withdrawn (no body needed): the planner stops seeing it', async () => {
    const r = await filed();
    await decideOn(S, r.id, { decision: 'approve' }, director);
    await decideOn(S, r.id, { decision: 'approve' }, instructor);
    expect(await db.store.approvedRedeploymentsFor(S, r.from, r.to)).toHaveLength(1);
    const w = await withdrawOf(S, r.id, instructor);
    expect(w.status).toBe(200);
    expect(w.body.status).toBe('withdrawn');
    expect(await db.store.approvedRedeploymentsFor(S, r.from, r.to)).toEqual([]);
    const entry = (await auditOf(S, director)).find((e) => e.target.id === r.id && e.action === 'redeployment.withdrawn');
    expect(entry?.detail).toMatchObject({ wasApproved: true, status: 'withdrawn' });
  });
});

describe('expiry (AP-5): pending after its first day', () => {
  it('is computed on read and persisted lazily, once, with its audit entry; a decision then is 409 AP-5', async () => {
    const start = today();
    const r = await filed(dutyBody({ from: start, to: start, personId: 'P030' }));
    expect((await readRequest(S, r.id, director)).body.status).toBe('pending');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 86_400_000);
    expect(await storedStatus(r.id)).toBe('pending');
    const read = await readRequest(S, r.id, director);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'expired', version: 2 });
    expect(await storedStatus(r.id)).toBe('expired');
    const late = await decideOn(S, r.id, { decision: 'approve' }, director);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('AP-5');
    expect(late.body.error.message).toContain('expired');
    expect((await readRequest(S, r.id, director)).body.version).toBe(2);
    const entries = (await auditOf(S, director)).filter((e) => e.target.id === r.id);
    expect(entries.map((e) => `${e.action}:${e.actor.sub}`)).toEqual(['redeployment.requested:P003', 'redeployment.expired:system']);
  });

  it('a decision on a due request expires it first, then refuses; the expired list holds it', async () => {
    const start = today();
    const r = await filed(dutyBody({ from: start, to: addDaysTo(start, 1), personId: 'P030' }));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 86_400_000);
    const late = await decideOn(S, r.id, { decision: 'approve' }, director);
    expect(late.status).toBe(409);
    expect(await storedStatus(r.id)).toBe('expired');
    const list = await listRequests(S, director, { status: 'expired' });
    expect(list.body.items.map((x: Redeployment) => x.id)).toContain(r.id);
  });

  it('expirePending (the nightly job) expires every due pending request of the station, and only those', async () => {
    const start = today();
    const due = await filed(dutyBody({ from: start, to: start, personId: 'P021' }));
    const notDue = await filed(dutyBody({ personId: 'P021' }));
    const inAWeek = addDaysTo(start, 2);
    const expired = await db.store.redeployments.expirePending(S, inAWeek);
    expect(expired).toContain(due.id);
    expect(expired).not.toContain(notDue.id);
    expect(await storedStatus(due.id)).toBe('expired');
    expect(await storedStatus(notDue.id)).toBe('pending');
    expect(await db.store.redeployments.expirePending(S, inAWeek)).toEqual([]);
  });
});

describe('lists', () => {
  it('status is optional; pages of `limit` with a `next` cursor; every item is of this station', async () => {
    for (let i = 0; i < 3; i++) await filed();
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const page = await listRequests(S, deputy, { limit: '2', ...(next ? { next } : {}) });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((r: Redeployment) => r.id));
      next = page.body.next;
      pages += 1;
    } while (next && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort()); // ids sort by creation
    const all = await db.store.redeployments.list(S, { today: today(), limit: 500 });
    expect(seen).toEqual(all.items.map((r) => r.id));
    const pending = await listRequests(S, branch, { status: 'pending' });
    expect(pending.status).toBe(200);
    expect(pending.body.items.every((r: Redeployment) => r.status === 'pending' && r.stationId === S)).toBe(true);
    expect(pending.body.items.length).toBeGreaterThanOrEqual(3);
  });

  it('a bad status, limit or cursor → 400', async () => {
    const queries: Record<string, string>[] = [{ status: 'done' }, { limit: '0' }, { limit: 'x' }, { next: 'not-a-cursor' }];
    for (const query of queries) {
      const answer = await listRequests(S, deputy, query);
      expect(answer.status, JSON.stringify(query)).toBe(400);
    }
  });
});

describe('reinforced duty (FB-4): declared by the branch', () => {
  it('POST → 201: the period is in the station (version + 1) and in the audit trail', async () => {
    const before = (await getStation(S, director)).body;
    const from = addDaysTo(today(), 20);
    const answer = await declareReinforced(S, { from, to: addDaysTo(from, 2), note: 'level-1 reinforced duty for the summit' }, branch);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({ stationId: S, period: { from, to: addDaysTo(from, 2) }, version: before.version + 1 });
    const after = (await getStation(S, director)).body;
    expect(after.version).toBe(before.version + 1);
    expect(after.reinforcedDuty).toEqual([...before.reinforcedDuty, { from, to: addDaysTo(from, 2), note: 'level-1 reinforced duty for the summit' }]);
    expect({ ...after, version: 0, updatedAt: '', updatedBy: '', reinforcedDuty: [] }).toEqual({ ...before, version: 0, updatedAt: '', updatedBy: '', reinforcedDuty: [] });
    const entry = (await auditOf(S, director)).filter((e) => e.action === 'reinforced-duty.declared').pop();
    expect(entry).toMatchObject({ actor: { sub: 'B1', groups: ['branch'] }, target: { kind: 'station', id: S }, detail: { from, version: after.version } });
    // The same period again changes nothing.
    const again = await declareReinforced(S, { from, to: addDaysTo(from, 2) }, branch);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(after.version);
  });

  it('a period that has ended → 422 FB-4; to before from → 400; an unknown station → 404', async () => {
    const past = await declareReinforced(S, { from: '2026-01-01', to: '2026-01-02' }, branch);
    expect(past.status).toBe(422);
    expect(past.body.error.code).toBe('FB-4');
    expect((await declareReinforced(S, { from: '2030-01-02', to: '2030-01-01' }, branch)).status).toBe(400);
    expect((await declareReinforced('nowhere', { from: '2030-01-01', to: '2030-01-01' }, branch)).status).toBe(404);
  });
});

describe('the audit trail', () => {
  it('holds every request, decision, withdrawal, expiry and declaration made above, each once', async () => {
    const entries = await auditOf(S, branch);
    const all = await db.store.redeployments.list(S, { today: today(), limit: 500 });
    const requested = new Set(entries.filter((e) => e.action === 'redeployment.requested').map((e) => e.target.id));
    expect(requested).toEqual(new Set(all.items.map((r) => r.id)));
    for (const r of all.items) {
      const mine = entries.filter((e) => e.target.id === r.id);
      expect(mine.filter((e) => e.action === 'redeployment.requested')).toHaveLength(1);
      expect(mine.filter((e) => e.action === 'redeployment.decided')).toHaveLength(r.decisions.length);
      expect(mine.filter((e) => e.action === 'redeployment.withdrawn')).toHaveLength(r.status === 'withdrawn' ? 1 : 0);
      expect(mine.filter((e) => e.action === 'redeployment.expired')).toHaveLength(r.status === 'expired' ? 1 : 0);
    }
    expect(entries.some((e) => e.action === 'redeployment.expired')).toBe(true);
    expect(entries.some((e) => e.action === 'redeployment.withdrawn')).toBe(true);
    expect(entries.filter((e) => e.action === 'reinforced-duty.declared')).toHaveLength(1);
    // Ids are unique and the trail is oldest first.
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort());
  });
});
