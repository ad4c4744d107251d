// Leave requests (LV-1), swaps (SW-1), the inbox, notices and calendar feeds over HTTP: happy paths, each refusal with
// its code, 50 parallel decisions on one request, and a feed fetched with no token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { startTestStore, type TestStore } from '../helpers/dynalite.ts';
import { auditOf, firstDate, getStation, groupCode } from '../approvals/helpers.ts';
import {
  S, auxiliary, colleague, communityOfficer, deputy, director, feeds, firstMonday, inbox, instructor, leave, notices, officer, plans, publishPlan, roster, setUp, swaps,
} from './helpers.ts';
import { as } from '../approvals/helpers.ts';

let db: TestStore;
const monday = firstMonday();
let planId: string;
const p012 = as(['officer'], 'P012', S);

beforeAll(async () => {
  db = await startTestStore();
  await setUp();
  planId = (await publishPlan(monday, 14)).id;
});
afterAll(async () => {
  await db?.close();
});

describe('leave (LV-1)', () => {
  it('an auxiliary asks; a leader approves; the leave becomes an absence, marks the published days and tells people', async () => {
    const from = addDaysTo(monday, 2);
    const to = addDaysTo(monday, 3);
    const asked = await leave.ask({ from, to, reason: 'leave', note: 'family' }, auxiliary);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ id: expect.stringMatching(/^lv_/), personId: 'P040', status: 'pending' });
    // Every leader is told a request waits (in their language).
    const waiting = await notices.list(deputy, 'zh-CN');
    expect(waiting.body.items[0]).toMatchObject({ kind: 'approval-waiting', read: false, params: { id: asked.body.id, personId: 'P040' } });
    expect(waiting.body.items[0].message).toContain('等待您审批');
    expect((await inbox(deputy)).body.counts.leave).toBe(1);

    const decided = await leave.decide(asked.body.id, { decision: 'approve', comment: 'ok' });
    expect(decided.body).toMatchObject({ status: 'approved', absenceId: expect.stringMatching(/^ab_/) });
    const station = await getStation(S, director);
    expect(station.body.absences).toContainEqual(expect.objectContaining({ id: decided.body.absenceId, personId: 'P040', from, to, reason: 'leave' }));
    expect((await plans.get(planId)).body.needsReplan).toEqual([from, to]);
    const told = await notices.list(auxiliary);
    expect(told.body.items[0]).toMatchObject({ kind: 'request-decided', params: { decision: 'approve', id: asked.body.id } });
    expect(told.body.items[0].message).toMatch(/approved by P003/);
    expect((await leave.list({}, auxiliary)).body.items.map((l: { id: string }) => l.id)).toEqual([asked.body.id]);
    // A repeat of the same decision changes nothing.
    expect((await leave.decide(asked.body.id, { decision: 'approve', comment: 'ok' })).status).toBe(200);
    expect((await auditOf(S, director)).filter((e) => e.action === 'leave.decided')).toHaveLength(1);
  });

  it('refuses: deciding one\'s own leave (403 LV-1), an officer deciding (403), asking for someone else (403), the past (422 LV-1)', async () => {
    const own = await leave.ask({ from: addDaysTo(monday, 20), to: addDaysTo(monday, 20), reason: 'other' }, deputy);
    expect(own.status).toBe(201);
    const self = await leave.decide(own.body.id, { decision: 'approve' }, deputy);
    expect([self.status, self.body.error.code]).toEqual([403, 'LV-1']);
    expect((await leave.decide(own.body.id, { decision: 'approve' }, officer)).body.error.code).toBe('AUTH-ROLE');
    const forOther = await leave.ask({ from: addDaysTo(monday, 20), to: addDaysTo(monday, 20), reason: 'sick', personId: 'P011' }, officer);
    expect([forOther.status, forOther.body.error.code]).toEqual([403, 'LV-1']);
    const past = await leave.ask({ from: addDaysTo(monday, -30), to: addDaysTo(monday, -30), reason: 'sick' }, officer);
    expect([past.status, past.body.error.code]).toEqual([422, 'LV-1']);
    expect((await leave.list({ personId: 'P011' }, officer)).status).toBe(403);
    // The requester withdraws; nobody else may.
    expect((await leave.withdraw(own.body.id, officer)).status).toBe(403);
    expect((await leave.withdraw(own.body.id, deputy)).body.status).toBe('withdrawn');
  });

  it('50 parallel decisions on one request: exactly one is taken, none doubled, every answer 200 or 409', async () => {
    const asked = await leave.ask({ from: addDaysTo(monday, 25), to: addDaysTo(monday, 26), reason: 'sick' }, p012);
    const leaders = [director, instructor, deputy];
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => leave.decide(asked.body.id, { decision: i % 2 ? 'approve' : 'reject' }, leaders[i % 3]!)),
    );
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    const ok = answers.filter((a) => a.status === 200).map((a) => a.body);
    expect(ok.length).toBeGreaterThan(0);
    const final = (await leave.list({ personId: 'P012' })).body.items.find((l: { id: string }) => l.id === asked.body.id);
    for (const body of ok) expect(body.decision).toEqual(final.decision);
    const entries = (await auditOf(S, director)).filter((e) => e.action === 'leave.decided' && e.target.id === asked.body.id);
    expect(entries).toHaveLength(1);
    const absences = (await getStation(S, director)).body.absences.filter((a: { id?: string }) => a.id === final.absenceId);
    expect(absences).toHaveLength(final.status === 'approved' ? 1 : 0);
    expect((await notices.list(p012)).body.items.filter((n: { kind: string; params: { id: string } }) => n.kind === 'request-decided' && n.params.id === asked.body.id)).toHaveLength(1);
  });
});

describe('swaps (SW-1)', () => {
  /** A day of the published plan on which duty group G2 works the primary shift and G3 the secondary. */
  const day = firstDate(addDaysTo(monday, 1), (d) => groupCode(1, d) === 'P' && d <= addDaysTo(monday, 12));

  it('refuses a swap that breaks a hard rule, before sending (check) and when proposed: 422 FB-1', async () => {
    const g1Primary = firstDate(addDaysTo(monday, 1), (d) => groupCode(0, d) === 'P');
    const body = { date: g1Primary, withPersonId: 'P010' };
    const checked = await swaps.check(body, communityOfficer);
    expect([checked.status, checked.body.error?.code]).toEqual([422, 'FB-1']);
    expect((await swaps.propose(body, communityOfficer)).body.error.code).toBe('FB-1');
    expect((await swaps.propose(body, deputy)).status).toBe(403);
    const self = await swaps.propose({ date: day, withPersonId: 'P011' }, colleague);
    expect([self.status, self.body.error.code]).toEqual([422, 'SW-1']);
    const unpublished = await swaps.propose({ date: addDaysTo(monday, 40), withPersonId: 'P012' }, colleague);
    expect([unpublished.status, unpublished.body.error.code]).toEqual([422, 'SW-1']);
  });

  it('proposed, accepted by the colleague, approved by a leader: published as its own plan, both told', async () => {
    const before = (await roster({ from: day, to: day })).body.assignments;
    const mine = before.find((a: { personId: string; post: string }) => a.personId === 'P011' && a.post !== 'flex-night');
    const theirs = before.find((a: { personId: string; post: string }) => a.personId === 'P012' && a.post !== 'flex-night');
    expect((await swaps.check({ date: day, withPersonId: 'P012' }, colleague)).body.ok).toBe(true);
    const proposed = await swaps.propose({ date: day, withPersonId: 'P012' }, colleague);
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', mine: { personId: 'P011', post: mine.post }, theirs: { personId: 'P012', post: theirs.post } });
    expect((await notices.list(p012)).body.items[0]).toMatchObject({ kind: 'swap-proposed' });
    expect((await inbox(p012)).body.counts.swaps).toBe(1);
    expect((await swaps.decide(proposed.body.id, { decision: 'approve' })).status).toBe(409); // not accepted yet
    expect((await swaps.accept(proposed.body.id, colleague)).status).toBe(403); // only the colleague accepts
    expect((await swaps.accept(proposed.body.id, p012)).body.status).toBe('pending');
    expect((await swaps.decide(proposed.body.id, { decision: 'approve' }, p012)).status).toBe(403);
    const approved = await swaps.decide(proposed.body.id, { decision: 'approve' });
    expect(approved.body).toMatchObject({ status: 'approved', planId: expect.stringMatching(/^pl_sw/) });
    const after = (await roster({ from: day, to: day })).body.assignments;
    expect(after.find((a: { personId: string; post: string }) => a.personId === 'P011' && a.post !== 'flex-night')).toMatchObject({ post: theirs.post, shift: theirs.shift });
    expect(after.find((a: { personId: string; post: string }) => a.personId === 'P012' && a.post !== 'flex-night')).toMatchObject({ post: mine.post, shift: mine.shift });
    const audit = (await auditOf(S, director)).filter((e) => e.target.id === approved.body.planId).map((e) => e.action);
    expect(audit).toEqual(['plan.created', 'plan.published']);
    const kinds = (await notices.list(colleague)).body.items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['roster-changed', 'request-decided']));
  });
});

describe('notices and calendar feeds', () => {
  it('marks notices read up to an id; the unread count follows', async () => {
    const listed = await notices.list(deputy);
    expect(listed.body.unread).toBeGreaterThan(0);
    const newest = listed.body.items[0].id;
    expect((await notices.read({ upTo: newest }, deputy)).body.upTo).toBe(newest);
    const again = await notices.list(deputy);
    expect(again.body.unread).toBe(0);
    expect(again.body.items.every((n: { read: boolean }) => n.read)).toBe(true);
    expect((await notices.read({ upTo: 5 }, deputy)).status).toBe(400);
    expect((await notices.list(null)).status).toBe(401);
  });

  it('gives a secret feed URL that needs no token, follows publications, and stops working when replaced or revoked', async () => {
    const made = await feeds.create(officer);
    expect(made.status).toBe(201);
    expect(made.body.url).toMatch(/\/feeds\/[A-Za-z0-9_-]+\.ics$/);
    const ics = await feeds.fetch(made.body.url);
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.raw).toContain('BEGIN:VEVENT');
    const replaced = await feeds.create(officer);
    expect((await feeds.fetch(made.body.url)).status).toBe(404);
    expect((await feeds.fetch(replaced.body.url)).status).toBe(200);
    expect((await feeds.revoke(officer)).status).toBe(204);
    expect((await feeds.fetch(replaced.body.url)).status).toBe(404);
    expect((await feeds.revoke(officer)).status).toBe(404);
    expect((await feeds.fetch('/feeds/not-a-secret.ics')).status).toBe(404);
  });
});
