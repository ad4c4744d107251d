// The redeployment state machine (shared/approvals), pure: one describe per rule, AP-1 … AP-5, and the FB-1/FB-2
// refusals. No store, no handler: requests are made with a fixed clock.
import { describe, expect, it } from 'vitest';
import {
  approverRoles,
  asApproved,
  asRead,
  createRequest,
  decide,
  effectiveStatus,
  expire,
  isDue,
  mayDecideAtStation,
  requiredApprovers,
  todayIn,
  withdraw,
  type NewRequest,
} from '../../shared/approvals/index.ts';
import type { Actor } from '../../shared/domain/audit.ts';
import { DomainError } from '../../shared/domain/errors.ts';
import { NEEDS_REDEPLOYMENT, POST_IDS, type PostId } from '../../shared/domain/posts.ts';
import { RedeploymentRequestBody, type Redeployment } from '../../shared/domain/redeployment.ts';
import type { StationConfig } from '../../shared/domain/station.ts';
import { smallConfig, smallStation } from './helpers.ts';

const STATION = 'small';
/** 10:00 in Shanghai on 2026-11-22. */
const NOW = new Date('2026-11-22T02:00:00.000Z');
const TODAY = '2026-11-22';
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const actor = (sub: string, groups: string[], stationId: string | null = STATION): Actor => ({ sub, groups, stationId });
const director = actor('P001', ['director']);
const instructor = actor('P002', ['instructor']);
const deputy = actor('P003', ['deputy']);
const branch = actor('B1', ['branch'], null);

const station = smallConfig();

function body(overrides: Record<string, unknown> = {}) {
  return RedeploymentRequestBody.parse({ personId: 'P020', post: 'station-duty', from: '2026-12-09', to: '2026-12-09', reason: 'station duty short', ...overrides });
}

function file(overrides: Record<string, unknown> = {}, extra: Partial<NewRequest> = {}, config: StationConfig = station): Redeployment {
  return createRequest({ id: 'rd_test1', stationId: STATION, station: config, body: body(overrides), actor: deputy, now: NOW, ...extra });
}

/** The DomainError a call throws (status and code), or null. */
function refused(run: () => unknown): { status: number; code: string; message: string; details: unknown[] } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { status: error.status, code: error.code, message: error.message, details: error.details };
  }
}

/** Applies decisions in order, each on the result of the last, asserting each one changed the request. */
function decideAll(request: Redeployment, ...steps: [Actor, 'approve' | 'reject'][]): Redeployment {
  return steps.reduce((r, [who, decision], i) => {
    const outcome = decide(r, who, STATION, { decision, comment: '' }, later(i + 1), TODAY);
    expect(outcome.changed).toBe(true);
    return outcome.request;
  }, request);
}

describe('FB-1 / FB-2: patrol cars and case handling are refused, whatever the kind or the officer', () => {
  it.each([
    ['patrol-01', 'FB-1'],
    ['patrol-02', 'FB-1'],
    ['case-handling', 'FB-2'],
  ] as const)('%s → 422 %s', (post, code) => {
    for (const kind of ['duty', 'routine-duty', 'transfer'] as const) {
      const r = refused(() => file({ post, kind, ...(kind === 'transfer' ? { replacementId: 'P010' } : {}) }));
      expect(r?.status).toBe(422);
      expect(r?.code).toBe(code);
      expect(r?.message).toContain('no approval unlocks');
    }
    // Even when everything else is wrong too, the absolute rule is the code.
    expect(refused(() => file({ post, personId: 'P999', from: '2026-01-01', to: '2026-01-01' }))?.code).toBe(code);
  });
});

describe('AP-1: pulling a community officer onto an FB-3 post needs both chiefs', () => {
  it('a duty request needs the director and the instructor', () => {
    expect(requiredApprovers('duty')).toEqual(['director', 'instructor']);
    const r = file();
    expect(r).toMatchObject({ status: 'pending', required: ['director', 'instructor'], decisions: [], version: 1, requestedBy: 'P003', kind: 'duty' });
  });

  it('one chief is not enough; the second makes it approved', () => {
    const one = decideAll(file(), [director, 'approve']);
    expect(one.status).toBe('pending');
    expect(one.version).toBe(2);
    const two = decideAll(one, [instructor, 'approve']);
    expect(two.status).toBe('approved');
    expect(two.decisions.map((d) => [d.by, d.role, d.decision])).toEqual([
      ['P001', 'director', 'approve'],
      ['P002', 'instructor', 'approve'],
    ]);
    expect(two.closedBy).toBe('P002');
    expect(two.version).toBe(3);
  });

  it('the order of the chiefs does not matter', () => {
    expect(decideAll(file(), [instructor, 'approve'], [director, 'approve']).status).toBe('approved');
  });

  it('every FB-3 post and reinforced duty may be requested; the officer\'s own posts may not (422 AP-1)', () => {
    for (const post of [...NEEDS_REDEPLOYMENT, 'reinforced-duty'] as PostId[]) {
      const kind = post === 'routine-duty' ? 'routine-duty' : 'duty';
      expect(file({ post, kind }).post).toBe(post);
    }
    const own = POST_IDS.filter((p) => !NEEDS_REDEPLOYMENT.has(p) && !['reinforced-duty', 'patrol-01', 'patrol-02', 'case-handling'].includes(p));
    expect(own).toEqual(['community', 'flex-night', 'meeting', 'rest', 'absent']);
    for (const post of own) expect(refused(() => file({ post }))).toMatchObject({ status: 422, code: 'AP-1' });
  });
});

describe('AP-2: routine duty also needs the branch', () => {
  it('routine-duty requires director, instructor and branch; both chiefs leave it pending; the branch completes it', () => {
    expect(requiredApprovers('routine-duty')).toEqual(['director', 'instructor', 'branch']);
    const r = file({ kind: 'routine-duty', post: 'routine-duty' });
    expect(r.required).toEqual(['director', 'instructor', 'branch']);
    const chiefs = decideAll(r, [director, 'approve'], [instructor, 'approve']);
    expect(chiefs.status).toBe('pending');
    expect(decideAll(chiefs, [branch, 'approve']).status).toBe('approved');
    // The branch may come first.
    expect(decideAll(r, [branch, 'approve'], [instructor, 'approve'], [director, 'approve']).status).toBe('approved');
  });

  it('a routine-duty post filed as kind "duty" is refused (422 AP-2): it cannot skip the branch', () => {
    const r = refused(() => file({ post: 'routine-duty', kind: 'duty' }));
    expect(r).toMatchObject({ status: 422, code: 'AP-2' });
    expect(r?.details).toEqual([expect.objectContaining({ path: 'kind' })]);
  });

  it('the branch rejecting alone rejects it', () => {
    expect(decideAll(file({ kind: 'routine-duty', post: 'routine-duty' }), [branch, 'reject']).status).toBe('rejected');
  });
});

describe('AP-3: transfers name a replacement, are filed with the branch, and say why before five years', () => {
  const transfer = (overrides: Record<string, unknown> = {}) => ({ kind: 'transfer', post: 'station-duty', personId: 'P020', replacementId: 'P011', ...overrides });

  it('needs the branch, and a replacementId (400 at the schema when missing; only transfers name one)', () => {
    expect(requiredApprovers('transfer')).toEqual(['director', 'instructor', 'branch']);
    expect(file(transfer())).toMatchObject({ required: ['director', 'instructor', 'branch'], replacementId: 'P011' });
    const missing = RedeploymentRequestBody.safeParse({ personId: 'P020', post: 'station-duty', from: '2026-12-09', to: '2026-12-09', kind: 'transfer' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['replacementId']);
    const stray = RedeploymentRequestBody.safeParse({ personId: 'P020', post: 'station-duty', from: '2026-12-09', to: '2026-12-09', kind: 'duty', replacementId: 'P011' });
    expect(stray.error?.issues.map((i) => i.path.join('.'))).toEqual(['replacementId']);
  });

  it.each([
    ['unknown', 'P999', /no person P999/],
    ['the officer themself', 'P020', /another officer/],
    ['an auxiliary', 'P040', /auxiliary/],
    ['the director', 'P001', /director/],
    ['the dedicated officer of another grid', 'P030', /grid C2/],
  ])('a replacement who is %s → 422 AP-3', (_what, replacementId, message) => {
    const r = refused(() => file(transfer({ replacementId })));
    expect(r).toMatchObject({ status: 422, code: 'AP-3' });
    expect(r?.message).toMatch(message);
  });

  it('an ordinary officer, or a B of the same grid, may replace', () => {
    expect(file(transfer({ replacementId: 'P012' })).replacementId).toBe('P012');
    expect(file(transfer({ replacementId: 'P021' })).replacementId).toBe('P021');
  });

  it('CP-6: before the minimum tenure a transfer without a reason → 422 CP-6; with one it is filed', () => {
    // P021 holds the post since 2024-09-01: two years, not five.
    const young = transfer({ personId: 'P021', replacementId: 'P011', reason: '' });
    const r = refused(() => file(young));
    expect(r).toMatchObject({ status: 422, code: 'CP-6' });
    expect(r?.message).toContain('2024-09-01');
    expect(refused(() => file({ ...young, reason: '   ' }))?.code).toBe('CP-6');
    expect(file({ ...young, reason: 'needed for the district command post' }).status).toBe('pending');
    // P020 holds it since 2015: no reason needed.
    expect(file(transfer({ reason: '' })).status).toBe('pending');
    // The station's own rule decides: with a two-year minimum P021 is past it.
    const lenient = smallConfig({ ...smallStation(), rules: { ...smallStation().rules, transferMinTenureYears: 2 } });
    expect(file(young, {}, lenient).status).toBe('pending');
    // A duty request needs no reason, whatever the tenure.
    expect(file({ personId: 'P021', reason: '', from: '2026-12-08', to: '2026-12-08' }).status).toBe('pending');
  });
});

describe('AP-4: nobody decides their own request; each approver once; only chiefs of that station, the branch where listed', () => {
  it('the requester may not decide (403 AP-4)', () => {
    const mine = createRequest({ id: 'rd_own', stationId: STATION, station, body: body(), actor: director, now: NOW });
    expect(refused(() => decide(mine, director, STATION, { decision: 'approve', comment: '' }, NOW, TODAY))).toMatchObject({ status: 403, code: 'AP-4' });
    expect(refused(() => decide(mine, director, STATION, { decision: 'reject', comment: '' }, NOW, TODAY))).toMatchObject({ status: 403, code: 'AP-4' });
    expect(decide(mine, instructor, STATION, { decision: 'approve', comment: '' }, NOW, TODAY).changed).toBe(true);
  });

  it('neither may the officer concerned nor a transfer\'s replacement', () => {
    const r = file({ kind: 'transfer', replacementId: 'P011' });
    expect(refused(() => decide(r, actor('P020', ['director']), STATION, { decision: 'approve', comment: '' }, NOW, TODAY))?.code).toBe('AP-4');
    expect(refused(() => decide(r, actor('P011', ['instructor']), STATION, { decision: 'approve', comment: '' }, NOW, TODAY))?.code).toBe('AP-4');
  });

  it('a repeated identical decision is not counted twice: unchanged (idempotent)', () => {
    const once = decideAll(file(), [director, 'approve']);
    const again = decide(once, director, STATION, { decision: 'approve', comment: 'again' }, later(5), TODAY);
    expect(again).toEqual({ changed: false, request: once });
    expect(once.decisions).toHaveLength(1);
    // Still unchanged after the request was decided by the others.
    const done = decideAll(once, [instructor, 'approve']);
    expect(decide(done, director, STATION, { decision: 'approve', comment: '' }, later(9), TODAY)).toEqual({ changed: false, request: done });
  });

  it('an approver who decided may not change their mind (409 AP-4)', () => {
    const once = decideAll(file(), [director, 'approve']);
    expect(refused(() => decide(once, director, STATION, { decision: 'reject', comment: '' }, later(5), TODAY))).toMatchObject({ status: 409, code: 'AP-4' });
  });

  it('a second person in a role already filled is refused (409 AP-4); one person holding both chief groups fills one role', () => {
    const once = decideAll(file(), [director, 'approve']);
    expect(refused(() => decide(once, actor('P009', ['director']), STATION, { decision: 'approve', comment: '' }, later(5), TODAY))).toMatchObject({ status: 409, code: 'AP-4' });
    const both = actor('P009', ['director', 'instructor']);
    const first = decide(file(), both, STATION, { decision: 'approve', comment: '' }, later(1), TODAY);
    expect(first.changed && first.request.status).toBe('pending');
    expect(decide(first.request, both, STATION, { decision: 'approve', comment: '' }, later(2), TODAY).changed).toBe(false);
  });

  it('chiefs of another station → 403 AP-4, before anything is read; other groups → 403 AUTH-ROLE', () => {
    for (const who of [actor('Q001', ['director'], 'qianmen'), actor('Q002', ['instructor'], 'qianmen'), actor('Q003', ['director'], null)])
      expect(refused(() => mayDecideAtStation(who, STATION))).toMatchObject({ status: 403, code: 'AP-4' });
    for (const who of [deputy, actor('P010', ['officer']), actor('P040', ['auxiliary']), actor('A1', ['admin'], null)])
      expect(refused(() => mayDecideAtStation(who, STATION))).toMatchObject({ status: 403, code: 'AUTH-ROLE' });
    expect(refused(() => decide(file(), actor('Q001', ['director'], 'qianmen'), STATION, { decision: 'approve', comment: '' }, NOW, TODAY))?.code).toBe('AP-4');
  });

  it('the branch on a duty request → 403 AP-4; on routine duty and transfers it counts', () => {
    const r = refused(() => decide(file(), branch, STATION, { decision: 'approve', comment: '' }, NOW, TODAY));
    expect(r).toMatchObject({ status: 403, code: 'AP-4' });
    expect(r?.message).toContain('not the branch');
    expect(approverRoles(branch, STATION, file({ kind: 'routine-duty', post: 'routine-duty' }))).toEqual(['branch']);
    expect(approverRoles(branch, STATION, file({ kind: 'transfer', replacementId: 'P011' }))).toEqual(['branch']);
  });
});

describe('AP-5: one officer, post and range; only approved requests count; decided, withdrawn and expired requests stay so', () => {
  it('any reject rejects; a rejected request cannot be approved later (409 AP-5)', () => {
    const rejected = decideAll(file(), [director, 'approve'], [instructor, 'reject']);
    expect(rejected.status).toBe('rejected');
    expect(rejected.closedBy).toBe('P002');
    const late = decideAll(file(), [director, 'reject']);
    expect(late.status).toBe('rejected');
    const r = refused(() => decide(late, instructor, STATION, { decision: 'approve', comment: '' }, later(5), TODAY));
    expect(r).toMatchObject({ status: 409, code: 'AP-5' });
    expect(r?.message).toContain('rejected');
  });

  it('an approved request takes no further decisions (409 AP-5)', () => {
    const approved = decideAll(file({ kind: 'routine-duty', post: 'routine-duty' }), [director, 'approve'], [instructor, 'approve'], [branch, 'approve']);
    expect(refused(() => decide(approved, actor('P009', ['instructor']), STATION, { decision: 'reject', comment: '' }, later(9), TODAY))).toMatchObject({ status: 409 });
  });

  it('withdrawal: pending → withdrawn; a repeat by the same person is unchanged; nothing changes it after (409 AP-5)', () => {
    const w = withdraw(file(), deputy, 'no longer needed', later(1), TODAY);
    expect(w.changed).toBe(true);
    if (!w.changed) return;
    expect(w.wasApproved).toBe(false);
    expect(w.request).toMatchObject({ status: 'withdrawn', closedBy: 'P003', withdrawReason: 'no longer needed', version: 2 });
    expect(withdraw(w.request, deputy, '', later(2), TODAY)).toEqual({ changed: false, request: w.request });
    expect(refused(() => withdraw(w.request, director, '', later(2), TODAY))).toMatchObject({ status: 409, code: 'AP-5' });
    expect(refused(() => decide(w.request, director, STATION, { decision: 'approve', comment: '' }, later(3), TODAY))).toMatchObject({ status: 409, code: 'AP-5' });
  });

  it('an approved request may be withdrawn until its last day (the officer goes back to community work); after, 409 AP-5', () => {
    const approved = decideAll(file({ from: '2026-12-09', to: '2026-12-11' }), [director, 'approve'], [instructor, 'approve']);
    const w = withdraw(approved, director, '', later(5), '2026-12-10');
    expect(w.changed && w.wasApproved).toBe(true);
    expect(refused(() => withdraw(approved, director, '', later(5), '2026-12-12'))).toMatchObject({ status: 409, code: 'AP-5' });
    const rejected = decideAll(file(), [director, 'reject']);
    expect(refused(() => withdraw(rejected, director, '', later(5), TODAY))).toMatchObject({ status: 409, code: 'AP-5' });
  });

  it('expiry: pending after its first day has passed is expired (on its first day it is not); expired stays expired', () => {
    const r = file({ from: '2026-12-09', to: '2026-12-10' });
    expect(isDue(r, '2026-12-09')).toBe(false);
    expect(effectiveStatus(r, '2026-12-09')).toBe('pending');
    expect(isDue(r, '2026-12-10')).toBe(true);
    expect(effectiveStatus(r, '2026-12-10')).toBe('expired');
    expect(asRead(r, '2026-12-10').status).toBe('expired');
    expect(refused(() => decide(r, director, STATION, { decision: 'approve', comment: '' }, later(1), '2026-12-10'))).toMatchObject({ status: 409, code: 'AP-5' });
    const expired = expire(r, later(1));
    expect(expired).toMatchObject({ status: 'expired', version: 2 });
    expect(expired.closedBy).toBeUndefined();
    expect(refused(() => withdraw(expired, deputy, '', later(2), '2026-12-10'))?.code).toBe('AP-5');
    // Decided requests do not expire.
    const approved = decideAll(r, [director, 'approve'], [instructor, 'approve']);
    expect(effectiveStatus(approved, '2026-12-20')).toBe('approved');
  });

  it('only dedicated community officers of the station (422 AP-5)', () => {
    for (const personId of ['P999', 'P010', 'P040', 'P001']) {
      const r = refused(() => file({ personId }));
      expect(r).toMatchObject({ status: 422, code: 'AP-5' });
      expect(r?.details).toEqual([expect.objectContaining({ path: 'personId' })]);
    }
  });

  it('dates: from today on, at most a year ahead (422 AP-5); to before from and over 92 days are 400 at the schema', () => {
    expect(file({ from: TODAY, to: TODAY }).status).toBe('pending');
    expect(refused(() => file({ from: '2026-11-21', to: '2026-11-23' }))).toMatchObject({ status: 422, code: 'AP-5' });
    expect(refused(() => file({ from: '2027-11-23', to: '2027-11-23' }))).toMatchObject({ status: 422, code: 'AP-5' });
    expect(file({ from: '2027-11-22', to: '2027-11-22' }).status).toBe('pending');
    const reversed = RedeploymentRequestBody.safeParse({ personId: 'P020', post: 'station-duty', from: '2026-12-09', to: '2026-12-08' });
    expect(reversed.error?.issues.map((i) => i.path.join('.'))).toEqual(['to']);
    const long = RedeploymentRequestBody.safeParse({ personId: 'P020', post: 'station-duty', from: '2026-12-01', to: '2027-03-03' });
    expect(long.error?.issues.map((i) => i.path.join('.'))).toEqual(['to']);
    expect(RedeploymentRequestBody.safeParse({ personId: 'P020', post: 'station-duty', from: '2026-12-01', to: '2027-03-02' }).success).toBe(true);
  });

  it('one request per officer and day: an open request over the same dates → 422 AP-5; closed ones do not count', () => {
    const open = file({ from: '2026-12-08', to: '2026-12-10' });
    const r = refused(() => file({ from: '2026-12-10', to: '2026-12-12' }, { open: [open] }));
    expect(r).toMatchObject({ status: 422, code: 'AP-5' });
    expect(r?.message).toContain(open.id);
    expect(file({ from: '2026-12-11', to: '2026-12-12' }, { open: [open] }).status).toBe('pending');
    const rejected = decideAll(open, [director, 'reject']);
    expect(file({ from: '2026-12-10', to: '2026-12-12' }, { open: [rejected] }).status).toBe('pending');
  });

  it('every broken rule is listed at once; the first is the code', () => {
    const r = refused(() => file({ post: 'community', personId: 'P010', from: '2026-11-01', to: '2026-11-01' }));
    expect(r?.code).toBe('AP-1');
    expect(r?.details.map((d) => (d as { path: string }).path)).toEqual(['post', 'personId', 'from']);
    expect(r?.message).toMatch(/and 2 more problems/);
  });

  it('the planner sees exactly the officer, post and range', () => {
    const r = file({ from: '2026-12-09', to: '2026-12-11' });
    expect(asApproved(r)).toEqual({ id: 'rd_test1', personId: 'P020', post: 'station-duty', from: '2026-12-09', to: '2026-12-11' });
  });

  it('today is the station\'s date', () => {
    expect(todayIn('Asia/Shanghai', new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
    expect(todayIn('America/New_York', new Date('2026-11-22T03:00:00Z'))).toBe('2026-11-21');
  });
});
