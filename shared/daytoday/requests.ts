// Leave requests (LV-1) and swaps (SW-1): the pure state machines. The store applies what these decide, one
// conditional write per change; a lost race runs them again on the fresh copy.
import type { Actor } from '../domain/audit.ts';
import { ACTIONS, leadsStation } from '../auth/permissions.ts';
import type { LeaveBody, LeaveRequest, RequestDecisionBody, Swap, SwapBody, SwapSide } from '../domain/day-to-day.ts';
import { DomainError, badRequest, conflict, forbidden, ruleBreak, saidDetail } from '../domain/errors.ts';
import { say } from '../i18n/index.ts';
import type { ApprovedRedeployment, Assignment } from '../domain/plan.ts';
import type { StationConfig } from '../domain/station.ts';
import { addDaysTo, earlierDate } from '../rotation/index.ts';
import { leaveDeciderSaid, swapBreak, swapPartiesSaid } from '../rules/day-to-day.ts';
import { assignmentAs, stationCalendar } from './assignments.ts';

/** The station's leaders are the groups that decide leave (one fact: shared/auth/permissions.ts). */
export const LEADER_GROUPS = ACTIONS['leave.decide'];
export const isLeader = leadsStation;

/** The people of the station who decide leave and swaps (by rank in the station document). */
export const leadersOf = (station: StationConfig): string[] => station.people.filter((p) => (LEADER_GROUPS as readonly string[]).includes(p.rank)).map((p) => p.id);

// ---------------------------------------------------------------------------------------------------------------
// Leave (LV-1)
// ---------------------------------------------------------------------------------------------------------------

export function newLeave(input: { id: string; stationId: string; station: StationConfig; actor: Actor; body: LeaveBody; now: Date; today: string }): LeaveRequest {
  const { actor, body, station } = input;
  const personId = body.personId ?? actor.sub;
  if (personId !== actor.sub && !isLeader(actor, input.stationId))
    throw forbidden('LV-1', say('leave.forOther', { sub: actor.sub }));
  if (!station.people.some((p) => p.id === personId)) throw badRequest(say('error.badRequest', { what: 'leave request', count: 1 }), [{ path: 'personId', message: `unknown person "${personId}" at station ${input.stationId}` }]);
  if (body.from < input.today)
    throw ruleBreak('LV-1', say('leave.past', { from: body.from, today: input.today }), [{ path: 'from', message: 'before today' }]);
  return {
    id: input.id,
    stationId: input.stationId,
    personId,
    from: body.from,
    to: body.to,
    reason: body.reason,
    ...(body.note ? { note: body.note } : {}),
    status: 'pending',
    requestedBy: actor.sub,
    createdAt: input.now.toISOString(),
    version: 1,
  };
}

export type Decided<T> = { changed: false; next: T } | { changed: true; next: T };

export function decideLeave(leave: LeaveRequest, actor: Actor, stationId: string, body: RequestDecisionBody, now: Date): Decided<LeaveRequest> {
  const refusal = leaveDeciderSaid(actor, stationId, leave);
  if (refusal) throw forbidden('LV-1', refusal);
  if (leave.status !== 'pending') {
    if (leave.decision?.by === actor.sub && leave.decision.decision === body.decision) return { changed: false, next: leave };
    throw conflict(say('leave.decided', { leaveId: leave.id, status: leave.status, ...(leave.decision ? { decision: leave.decision.decision, by: leave.decision.by } : {}) }));
  }
  const at = now.toISOString();
  return {
    changed: true,
    next: {
      ...leave,
      status: body.decision === 'approve' ? 'approved' : 'rejected',
      decision: { by: actor.sub, decision: body.decision, ...(body.comment ? { comment: body.comment } : {}), at },
      ...(body.decision === 'approve' ? { absenceId: absenceIdFor(leave.id) } : {}),
      closedAt: at,
      version: leave.version + 1,
    },
  };
}

/** The absence an approved leave becomes: its id follows from the request's, so making it twice makes one. */
export const absenceIdFor = (leaveId: string): string => `ab_${leaveId.replace(/^lv_/, 'lv')}`;

export function withdrawLeave(leave: LeaveRequest, actor: Actor, now: Date): Decided<LeaveRequest> {
  if (actor.sub !== leave.requestedBy && actor.sub !== leave.personId) throw forbidden('LV-1', say('leave.withdrawNotAsker', { requestedBy: leave.requestedBy, leaveId: leave.id }));
  if (leave.status === 'withdrawn') return { changed: false, next: leave };
  if (leave.status !== 'pending') throw conflict(say('leave.withdrawClosed', { leaveId: leave.id, status: leave.status }));
  return { changed: true, next: { ...leave, status: 'withdrawn', closedAt: now.toISOString(), version: leave.version + 1 } };
}

// ---------------------------------------------------------------------------------------------------------------
// Swaps (SW-1)
// ---------------------------------------------------------------------------------------------------------------

/** How far apart the two days of a swap may lie. */
export const MAX_SWAP_SPAN_DAYS = 31;

const mainOf = (roster: readonly Assignment[], personId: string, date: string): Assignment | undefined =>
  roster.find((a) => a.personId === personId && a.date === date && a.post !== 'flex-night');

export const swapDates = (swap: Pick<Swap, 'mine' | 'theirs'>): string[] => [...new Set([swap.mine.date, swap.theirs.date])].sort();

/**
 * The assignments of the two people on the swap's days after the exchange: on each of those days they trade their
 * whole day (so "my Monday for your Thursday" gives each the other's duty on both days).
 */
export function exchanged(station: StationConfig, approved: readonly ApprovedRedeployment[], roster: readonly Assignment[], swap: Pick<Swap, 'mine' | 'theirs'>): Assignment[] {
  const a = swap.mine.personId;
  const b = swap.theirs.personId;
  const out: Assignment[] = [];
  for (const date of swapDates(swap))
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const day = roster.filter((x) => x.personId === from && x.date === date && x.post !== 'flex-night');
      for (const x of day) out.push(assignmentAs(station, approved, { personId: to, date, post: x.post, shift: x.shift }));
    }
  return out;
}

/** The roster of the two people around the swap's days, with the exchange applied: what the hard rules judge. */
export function afterSwap(station: StationConfig, approved: readonly ApprovedRedeployment[], roster: readonly Assignment[], swap: Pick<Swap, 'mine' | 'theirs'>): Assignment[] {
  const dates = new Set(swapDates(swap));
  const parties = new Set([swap.mine.personId, swap.theirs.personId]);
  const kept = roster.filter((x) => parties.has(x.personId) && !dates.has(x.date) && x.post !== 'flex-night');
  return [...kept, ...exchanged(station, approved, roster, swap)];
}

/** SW-1: the first hard rule the exchange breaks for either person (422 with its code), or nothing. */
export function assertSwapAllowed(station: StationConfig, approved: readonly ApprovedRedeployment[], roster: readonly Assignment[], swap: Pick<Swap, 'mine' | 'theirs'>): void {
  const dates = swapDates(swap);
  const cells = dates.flatMap((date) => [swap.mine.personId, swap.theirs.personId].map((personId) => ({ personId, date })));
  const start = addDaysTo(dates[0]!, -1);
  const ctx = { station, start, days: 3, approved: [...approved], calendar: stationCalendar(station) };
  const broken = swapBreak(ctx, afterSwap(station, approved, roster, swap), cells);
  if (broken)
    throw ruleBreak(broken.rule, say('swap.breaks', { rule: broken.rule, ruleMessage: broken.message, ...(broken.key !== undefined ? { ruleKey: broken.key, ruleParams: broken.params ?? {} } : {}) }), [
      saidDetail('date', broken),
    ]);
}

/** The two sides of a proposed swap as the published roster has them; 422 SW-1 when either day is not published. */
export function swapSides(station: StationConfig, roster: readonly Assignment[], proposer: string, body: SwapBody, today: string): { mine: SwapSide; theirs: SwapSide } {
  const withDate = body.withDate ?? body.date;
  const partiesWrong = swapPartiesSaid(proposer, body.withPersonId);
  if (partiesWrong) throw ruleBreak('SW-1', partiesWrong, [{ path: 'withPersonId', message: 'yourself' }]);
  if (!station.people.some((p) => p.id === body.withPersonId))
    throw badRequest(say('error.badRequest', { what: 'swap', count: 1 }), [{ path: 'withPersonId', message: `unknown person "${body.withPersonId}"` }]);
  const first = earlierDate(body.date, withDate);
  if (first < today) throw ruleBreak('SW-1', say('swap.past', { date: first, today }), [{ path: 'date', message: 'before today' }]);
  if (Math.abs(Date.parse(withDate) - Date.parse(body.date)) / 86_400_000 > MAX_SWAP_SPAN_DAYS)
    throw badRequest(say('error.badRequest', { what: 'swap', count: 1 }), [{ path: 'withDate', message: `at most ${MAX_SWAP_SPAN_DAYS} days from "date"` }]);
  const mine = mainOf(roster, proposer, body.date);
  const theirs = mainOf(roster, body.withPersonId, withDate);
  if (!mine || !theirs)
    throw ruleBreak('SW-1', say('swap.notPublished', !mine ? { side: 'mine', personId: proposer, date: body.date } : { side: 'theirs', personId: body.withPersonId, date: withDate }), [
      { path: !mine ? 'date' : 'withDate', message: 'not published' },
    ]);
  const side = (a: Assignment): SwapSide => ({ personId: a.personId, date: a.date, shift: a.shift, post: a.post });
  return { mine: side(mine), theirs: side(theirs) };
}

/** The roster still shows both sides as they were proposed (else the swap is stale: 409). */
export function assertSidesCurrent(roster: readonly Assignment[], swap: Pick<Swap, 'id' | 'mine' | 'theirs'>): void {
  for (const side of [swap.mine, swap.theirs]) {
    const now = mainOf(roster, side.personId, side.date);
    if (!now || now.post !== side.post || now.shift !== side.shift)
      throw conflict(say('swap.stale', { swapId: swap.id, personId: side.personId, date: side.date, ...(now ? { post: now.post, shift: now.shift } : {}) }));
  }
}

export function acceptSwap(swap: Swap, actor: Actor, now: Date): Decided<Swap> {
  if (actor.sub !== swap.theirs.personId) throw forbidden('SW-1', say('swap.acceptNotYours', { personId: swap.theirs.personId, swapId: swap.id }));
  if (swap.status === 'pending' || swap.status === 'approved') return { changed: false, next: swap };
  if (swap.status !== 'proposed') throw conflict(say('swap.acceptClosed', { swapId: swap.id, status: swap.status }));
  return { changed: true, next: { ...swap, status: 'pending', acceptedAt: now.toISOString(), version: swap.version + 1 } };
}

export function decideSwap(swap: Swap, actor: Actor, stationId: string, body: RequestDecisionBody, now: Date): Decided<Swap> {
  if (!isLeader(actor, stationId)) throw forbidden('AUTH-ROLE', say('swap.notLeader', { stationId }));
  if (actor.sub === swap.mine.personId || actor.sub === swap.theirs.personId) throw forbidden('SW-1', say('swap.own', { swapId: swap.id }));
  if (swap.status !== 'pending') {
    if (swap.decision?.by === actor.sub && swap.decision.decision === body.decision) return { changed: false, next: swap };
    if (swap.status === 'proposed') throw new DomainError(409, 'SW-1', say('swap.waitsAccept', { swapId: swap.id, personId: swap.theirs.personId }));
    throw conflict(say('swap.decided', { swapId: swap.id, status: swap.status }));
  }
  const at = now.toISOString();
  return {
    changed: true,
    next: {
      ...swap,
      status: body.decision === 'approve' ? 'approved' : 'rejected',
      decision: { by: actor.sub, decision: body.decision, ...(body.comment ? { comment: body.comment } : {}), at },
      ...(body.decision === 'approve' ? { planId: publicationIdFor(swap.id) } : {}),
      closedAt: at,
      version: swap.version + 1,
    },
  };
}

/** The publication an approved swap makes: its id follows from the swap's, so publishing twice publishes once. */
export const publicationIdFor = (swapId: string): string => `pl_${swapId.replace(/^sw_/, 'sw')}`;

export function withdrawSwap(swap: Swap, actor: Actor, now: Date): Decided<Swap> {
  if (actor.sub !== swap.mine.personId) throw forbidden('SW-1', say('swap.withdrawNotProposer', { personId: swap.mine.personId, swapId: swap.id }));
  if (swap.status === 'withdrawn') return { changed: false, next: swap };
  if (swap.status !== 'proposed' && swap.status !== 'pending') throw conflict(say('swap.withdrawClosed', { swapId: swap.id, status: swap.status }));
  return { changed: true, next: { ...swap, status: 'withdrawn', closedAt: now.toISOString(), version: swap.version + 1 } };
}
