// Requests from officers (API.md): leave (LV-1) and swaps (SW-1), and the leaders' inbox. Translates only: the state
// machines in shared/daytoday/requests.ts decide, the store keeps (one conditional write per change with its audit
// entry), shared/daytoday/effects.ts applies what an approval does elsewhere, notices follow each step.
import { z } from 'zod';
import { approverRoles, todayIn } from '../../shared/approvals/index.ts';
import { may } from '../../shared/auth/permissions.ts';
import { authorizeStation } from '../../shared/http/access.ts';
import type { Actor } from '../../shared/domain/audit.ts';
import { LeaveBody, LeaveId, LeaveListQuery, RequestDecisionBody, SwapBody, SwapId, SwapListQuery, type Inbox, type LeaveRequest, type Swap, type SwapCheck } from '../../shared/domain/day-to-day.ts';
import { forbidden, notFound } from '../../shared/domain/errors.ts';
import { say, summaryOf, type Said } from '../../shared/i18n/index.ts';
import type { StationRecord } from '../../shared/domain/station.ts';
import { applyLeave, currentRoster, publishSwap, waitingNotices } from '../../shared/daytoday/effects.ts';
import { newId } from '../../shared/daytoday/ids.ts';
import {
  acceptSwap,
  assertSidesCurrent,
  assertSwapAllowed,
  decideLeave,
  decideSwap,
  isLeader,
  newLeave,
  swapDates,
  swapSides,
  withdrawLeave,
  withdrawSwap,
} from '../../shared/daytoday/requests.ts';
import { httpHandler, parseOr400, type ApiRequest } from '../../shared/http/api.ts';
import { stationIdOf } from '../../shared/http/params.ts';
import { addDaysTo, earlierDate, laterDate } from '../../shared/rotation/index.ts';
import { newAuditId, storeFromEnvironment, type NoticeToWrite } from '../../shared/store/index.ts';

const leaveIdOf = (path: Record<string, string>) => parseOr400(z.object({ leaveId: LeaveId }), path, 'path').leaveId;
const swapIdOf = (path: Record<string, string>) => parseOr400(z.object({ swapId: SwapId }), path, 'path').swapId;

async function stationOr404(stationId: string): Promise<StationRecord> {
  const station = await storeFromEnvironment().stations.get(stationId);
  if (!station) throw notFound(say('error.notFound.station', { stationId }));
  return station;
}

type RequestAction = 'leave.requested' | 'leave.decided' | 'leave.withdrawn' | 'swap.proposed' | 'swap.accepted' | 'swap.decided' | 'swap.withdrawn';
/** An audit entry of a request; its summary is a catalogue message (rendered in the reader's language on read). */
const entry = (stationId: string, actor: Actor, now: Date, action: RequestAction, target: { kind: string; id: string }, summary: Said, detail: Record<string, unknown>) => ({
  id: newAuditId(now),
  stationId,
  at: now.toISOString(),
  actor,
  action,
  target,
  ...summaryOf(summary),
  detail,
});

const decidedNotice = (stationId: string, personId: string, kind: 'leave' | 'swap', id: string, decision: { by: string; decision: string; at: string }, from: string, to: string): NoticeToWrite => ({
  stationId,
  personId,
  key: `request-decided|${id}|${personId}`,
  at: decision.at,
  kind: 'request-decided',
  params: { request: kind, id, decision: decision.decision, by: decision.by, from, to },
});

// ---------------------------------------------------------------------------------------------------------------
// Leave
// ---------------------------------------------------------------------------------------------------------------

export async function askLeave(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'request.own', stationId);
  const body = parseOr400(LeaveBody, request.body, 'leave request');
  const station = await stationOr404(stationId);
  const now = new Date();
  const leave = newLeave({ id: newId('lv', now), stationId, station, actor: request.actor, body, now, today: todayIn(station.timezone, now) });
  const store = storeFromEnvironment();
  await store.leave.create(leave, entry(stationId, request.actor, now, 'leave.requested', { kind: 'leave', id: leave.id }, say('audit.leave.requested', { requestedBy: leave.requestedBy, personId: leave.personId, from: leave.from, to: leave.to, reason: leave.reason }), { leaveId: leave.id, personId: leave.personId, from: leave.from, to: leave.to, reason: leave.reason }));
  await store.notices.send(waitingNotices(station, stationId, { kind: 'leave', id: leave.id, personId: leave.personId, from: leave.from, to: leave.to }, leave.createdAt, [leave.personId]));
  return { status: 201, body: leave, headers: { location: `/stations/${stationId}/leave-requests/${leave.id}` } };
}

export async function listLeave(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'request.own', stationId);
  const query = parseOr400(LeaveListQuery, { status: request.query.status, personId: request.query.personId }, 'query');
  const leader = isLeader(request.actor, stationId);
  if (!leader && query.personId !== undefined && query.personId !== request.actor.sub) throw forbidden('AUTH-ROLE', say('error.auth.ownLeave'));
  const store = storeFromEnvironment();
  await resumeEffects(stationId, request.actor);
  const personId = leader ? query.personId : request.actor.sub;
  const items = (await store.leave.list(stationId, query.status ? { status: query.status } : {})).filter((l) => !personId || l.personId === personId);
  return { body: { items: items.map(({ effectPending: _e, ...l }) => l), next: null } };
}

export async function decideLeaveRequest(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'leave.decide', stationId);
  const id = leaveIdOf(request.path);
  const body = parseOr400(RequestDecisionBody, request.body, 'decision');
  const store = storeFromEnvironment();
  const now = new Date();
  const result = await store.leave.change(stationId, id, (current) => {
    const decided = decideLeave(current, request.actor, stationId, body, now);
    if (!decided.changed) return null;
    const next = decided.next;
    return {
      next,
      effect: next.status === 'approved',
      entry: entry(stationId, request.actor, now, 'leave.decided', { kind: 'leave', id }, say('audit.leave.decided', { decision: body.decision, leaveId: id, personId: next.personId, from: next.from, to: next.to, ...(body.comment ? { comment: body.comment } : {}) }), { leaveId: id, decision: body.decision, status: next.status, version: next.version }),
    };
  });
  if (!result) throw notFound(say('error.notFound.leave', { leaveId: id, stationId }));
  const leave = result.doc;
  if (result.changed) {
    if (leave.status === 'approved') await applyLeave(store, leave, request.actor);
    await store.notices.send([decidedNotice(stationId, leave.personId, 'leave', leave.id, leave.decision!, leave.from, leave.to)]);
  }
  return { body: leave };
}

export async function withdrawLeaveRequest(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'request.own', stationId);
  const id = leaveIdOf(request.path);
  const store = storeFromEnvironment();
  const now = new Date();
  const result = await store.leave.change(stationId, id, (current) => {
    const w = withdrawLeave(current, request.actor, now);
    return w.changed ? { next: w.next, entry: entry(stationId, request.actor, now, 'leave.withdrawn', { kind: 'leave', id }, say('audit.leave.withdrawn', { leaveId: id, from: current.from, to: current.to }), { leaveId: id, version: w.next.version }) } : null;
  });
  if (!result) throw notFound(say('error.notFound.leave', { leaveId: id, stationId }));
  return { body: result.doc };
}

// ---------------------------------------------------------------------------------------------------------------
// Swaps
// ---------------------------------------------------------------------------------------------------------------

async function proposal(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'swap.propose', stationId);
  const body = parseOr400(SwapBody, request.body, 'swap');
  const station = await stationOr404(stationId);
  const store = storeFromEnvironment();
  const withDate = body.withDate ?? body.date;
  const from = addDaysTo(earlierDate(body.date, withDate), -1);
  const to = addDaysTo(laterDate(body.date, withDate), 1);
  const roster = await currentRoster(store, stationId, from, to);
  const sides = swapSides(station, roster, request.actor.sub, body, todayIn(station.timezone));
  const approved = await store.approvedRedeploymentsFor(stationId, from, to);
  return { stationId, station, store, roster, sides, approved };
}

/** Says before sending whether the swap would break a rule (and which): 200 {ok} or the 422 the proposal would get. */
export async function checkSwap(request: ApiRequest) {
  const { station, roster, sides, approved } = await proposal(request);
  assertSwapAllowed(station, approved, roster, sides);
  return { body: { ok: true, ...sides } satisfies SwapCheck };
}

export async function proposeSwap(request: ApiRequest) {
  const { stationId, station, store, roster, sides, approved } = await proposal(request);
  assertSwapAllowed(station, approved, roster, sides);
  const now = new Date();
  const swap: Swap = { id: newId('sw', now), stationId, status: 'proposed', ...sides, createdAt: now.toISOString(), version: 1 };
  await store.swaps.create(swap, entry(stationId, request.actor, now, 'swap.proposed', { kind: 'swap', id: swap.id }, say('audit.swap.proposed', { personId: sides.mine.personId, date: sides.mine.date, post: sides.mine.post, withPersonId: sides.theirs.personId, withDate: sides.theirs.date, withPost: sides.theirs.post }), { swapId: swap.id, mine: sides.mine, theirs: sides.theirs }));
  await store.notices.send([{ stationId, personId: sides.theirs.personId, key: `swap-proposed|${swap.id}`, at: swap.createdAt, kind: 'swap-proposed', params: { id: swap.id, personId: sides.mine.personId, from: sides.mine.date, to: sides.theirs.date } }]);
  return { status: 201, body: swap, headers: { location: `/stations/${stationId}/swaps/${swap.id}` } };
}

export async function listSwaps(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'request.own', stationId);
  const query = parseOr400(SwapListQuery, { status: request.query.status }, 'query');
  await resumeEffects(stationId, request.actor);
  const all = await storeFromEnvironment().swaps.list(stationId, query.status ? { status: query.status } : {});
  const mine = isLeader(request.actor, stationId) ? all : all.filter((s) => s.mine.personId === request.actor.sub || s.theirs.personId === request.actor.sub);
  return { body: { items: mine.map(({ effectPending: _e, ...s }) => s), next: null } };
}

export async function acceptSwapRequest(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'request.own', stationId);
  const id = swapIdOf(request.path);
  const station = await stationOr404(stationId);
  const store = storeFromEnvironment();
  const now = new Date();
  const result = await store.swaps.change(stationId, id, (current) => {
    const a = acceptSwap(current, request.actor, now);
    return a.changed ? { next: a.next, entry: entry(stationId, request.actor, now, 'swap.accepted', { kind: 'swap', id }, say('audit.swap.accepted', { personId: request.actor.sub, swapId: id }), { swapId: id, version: a.next.version }) } : null;
  });
  if (!result) throw notFound(say('error.notFound.swap', { swapId: id, stationId }));
  if (result.changed) {
    const s = result.doc;
    const dates = swapDates(s);
    await store.notices.send(waitingNotices(station, stationId, { kind: 'swap', id, personId: s.mine.personId, from: dates[0]!, to: dates[dates.length - 1]! }, s.acceptedAt!, [s.mine.personId, s.theirs.personId]));
  }
  return { body: result.doc };
}

export async function decideSwapRequest(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'swap.decide', stationId);
  const id = swapIdOf(request.path);
  const body = parseOr400(RequestDecisionBody, request.body, 'decision');
  const station = await stationOr404(stationId);
  const store = storeFromEnvironment();
  const found = await store.swaps.get(stationId, id);
  if (!found) throw notFound(say('error.notFound.swap', { swapId: id, stationId }));
  const dates = swapDates(found);
  const from = addDaysTo(dates[0]!, -1);
  const to = addDaysTo(dates[dates.length - 1]!, 1);
  const roster = await currentRoster(store, stationId, from, to);
  const approved = await store.approvedRedeploymentsFor(stationId, from, to);
  const now = new Date();
  const result = await store.swaps.change(stationId, id, (current) => {
    const d = decideSwap(current, request.actor, stationId, body, now);
    if (!d.changed) return null;
    if (d.next.status === 'approved') {
      // SW-1 again at decision time, on the roster as it is now; a re-publication since the proposal makes it stale.
      assertSidesCurrent(roster, current);
      assertSwapAllowed(station, approved, roster, current);
    }
    return {
      next: d.next,
      effect: d.next.status === 'approved',
      entry: entry(stationId, request.actor, now, 'swap.decided', { kind: 'swap', id }, say('audit.swap.decided', { decision: body.decision, swapId: id, personId: current.mine.personId, date: current.mine.date, withPersonId: current.theirs.personId, withDate: current.theirs.date }), { swapId: id, decision: body.decision, status: d.next.status, version: d.next.version }),
    };
  });
  if (!result) throw notFound(say('error.notFound.swap', { swapId: id, stationId }));
  const swap = result.doc;
  if (result.changed) {
    if (swap.status === 'approved') await publishSwap(store, station, swap, request.actor);
    await store.notices.send([swap.mine.personId, swap.theirs.personId].map((p) => decidedNotice(stationId, p, 'swap', swap.id, swap.decision!, dates[0]!, dates[dates.length - 1]!)));
  }
  return { body: swap };
}

export async function withdrawSwapRequest(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'request.own', stationId);
  const id = swapIdOf(request.path);
  const now = new Date();
  const result = await storeFromEnvironment().swaps.change(stationId, id, (current) => {
    const w = withdrawSwap(current, request.actor, now);
    return w.changed ? { next: w.next, entry: entry(stationId, request.actor, now, 'swap.withdrawn', { kind: 'swap', id }, say('audit.swap.withdrawn', { swapId: id }), { swapId: id, version: w.next.version }) } : null;
  });
  if (!result) throw notFound(say('error.notFound.swap', { swapId: id, stationId }));
  return { body: result.doc };
}

/** Finishes the effects of approvals a crash interrupted (idempotent). */
async function resumeEffects(stationId: string, actor: Actor): Promise<void> {
  const store = storeFromEnvironment();
  for (const leave of await store.leave.list(stationId, { pendingEffects: true })) await applyLeave(store, leave, actor);
  const swaps = await store.swaps.list(stationId, { pendingEffects: true });
  if (swaps.length > 0) {
    const station = await stationOr404(stationId);
    for (const swap of swaps) await publishSwap(store, station, swap, actor);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The inbox: what waits for the caller's decision (leaders) or acceptance (a colleague asked to swap)
// ---------------------------------------------------------------------------------------------------------------

export async function inbox(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  const scope = await authorizeStation(request.actor, 'request.own', stationId);
  const station = await stationOr404(stationId);
  const store = storeFromEnvironment();
  const me = request.actor.sub;
  const leader = isLeader(request.actor, stationId);
  const canDecideRedeployment = (r: Parameters<typeof approverRoles>[2]) => {
    try {
      approverRoles(request.actor, stationId, r);
      return true;
    } catch {
      return false;
    }
  };
  const redeployments = may(request.actor, 'redeployment.read', scope)
    ? (await store.redeployments.list(stationId, { status: 'pending', today: todayIn(station.timezone), limit: 500 })).items.map((r) => ({ ...r, canDecide: canDecideRedeployment(r) && !r.decisions.some((d) => d.by === me) }))
    : [];
  const leave = leader ? (await store.leave.list(stationId, { status: 'pending' })).map(({ effectPending: _e, ...l }) => ({ ...l, canDecide: l.personId !== me })) : [];
  const allSwaps = await store.swaps.list(stationId);
  const swaps = [
    ...(leader ? allSwaps.filter((s) => s.status === 'pending').map((s) => ({ ...s, canDecide: s.mine.personId !== me && s.theirs.personId !== me, canAccept: false })) : []),
    ...allSwaps.filter((s) => s.status === 'proposed' && s.theirs.personId === me).map((s) => ({ ...s, canDecide: false, canAccept: true })),
  ].map(({ effectPending: _e, ...s }) => s);
  const actionable = (xs: { canDecide?: boolean; canAccept?: boolean }[]) => xs.filter((x) => x.canDecide || x.canAccept).length;
  return {
    body: {
      counts: { redeployments: actionable(redeployments), leave: actionable(leave), swaps: actionable(swaps), total: actionable(redeployments) + actionable(leave) + actionable(swaps) },
      redeployments,
      leave,
      swaps,
    } satisfies Inbox,
  };
}

export const handler = httpHandler({
  'POST /stations/{stationId}/leave-requests': askLeave,
  'GET /stations/{stationId}/leave-requests': listLeave,
  'POST /stations/{stationId}/leave-requests/{leaveId}/decisions': decideLeaveRequest,
  'POST /stations/{stationId}/leave-requests/{leaveId}/withdraw': withdrawLeaveRequest,
  'POST /stations/{stationId}/swaps': proposeSwap,
  'GET /stations/{stationId}/swaps': listSwaps,
  'POST /stations/{stationId}/swaps/check': checkSwap,
  'POST /stations/{stationId}/swaps/{swapId}/accept': acceptSwapRequest,
  'POST /stations/{stationId}/swaps/{swapId}/decisions': decideSwapRequest,
  'POST /stations/{stationId}/swaps/{swapId}/withdraw': withdrawSwapRequest,
  'GET /stations/{stationId}/inbox': inbox,
});

export type { LeaveRequest };
