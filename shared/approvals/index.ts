// The redeployment state machine (AP-1 … AP-6): pure functions over a request, the station and the caller. No AWS:
// the store keeps what these functions decide, and re-runs them on a fresh copy when a concurrent change won.
//
//   pending ──all of `required` approve──► approved ──withdraw (before its last day)──► withdrawn
//      │ └──any reject──► rejected
//      ├──withdraw──► withdrawn
//      └──its `from` has passed──► expired (computed on read, persisted lazily)
//
// Codes (the HTTP status is in brackets):
// - FB-1 / FB-2 [422]: a patrol car or case handling: no approval unlocks them.
// - AP-1 [422]: the post is not one a redeployment is for (FB-3 posts and reinforced duty only).
// - AP-2 [422]: a call-up onto routine duty must be of kind `routine-duty` (the branch approves it too).
// - AP-3 [422]: a transfer's replacement is missing from the station, the officer themself, not an officer, or
//   already a dedicated officer of another grid ("fill first, then move").
// - CP-6 [422]: a transfer before the station's minimum tenure gives no reason.
// - AP-5 [422]: the person is not a dedicated community officer of the station; the dates have begun or lie more
//   than a year ahead; another open (pending or approved) request of that officer overlaps the dates.
// - AP-4 [403]: deciding one's own request (requester, officer concerned, replacement); a chief of another
//   station; the branch on a request that does not list it.
// - AP-4 [409]: the approver decided already and now says otherwise; the role they would fill was filled by
//   someone else.
// - AP-5 [409]: the request is no longer pending (decided, withdrawn or expired); an approved request whose dates
//   have all passed cannot be withdrawn.
// Idempotency: the same approver sending the same decision again gets 200 and the request unchanged (nothing is
// written, no audit entry); the same person withdrawing again gets 200 and the request unchanged.
import { say } from '../i18n/index.ts';
import { addMonths, formatISO, parseISO } from 'date-fns';
import type { Actor } from '../domain/audit.ts';
import { DomainError, forbidden, ruleBreak, type ErrorDetail } from '../domain/errors.ts';
import type { ApprovedRedeployment } from '../domain/plan.ts';
import { ABSOLUTELY_FORBIDDEN, NEEDS_REDEPLOYMENT } from '../domain/posts.ts';
import type {
  ApproverRole,
  Decision,
  DecisionBody,
  Redeployment,
  RedeploymentKind,
  RedeploymentRequestBody,
  RedeploymentStatus,
} from '../domain/redeployment.ts';
import type { StationConfig } from '../domain/station.ts';
import { addDaysTo } from '../rotation/index.ts';
import { redeploymentCost } from './cost.ts';

export { redeploymentCost, mondayOf } from './cost.ts';

/** How far ahead a request may start. */
export const MAX_DAYS_AHEAD = 365;

/** AP-1: both chiefs, always; AP-2 / AP-3: the branch too, for routine duty and transfers. */
export function requiredApprovers(kind: RedeploymentKind): ApproverRole[] {
  return kind === 'duty' ? ['director', 'instructor'] : ['director', 'instructor', 'branch'];
}

/**
 * No dead end (AP-1 with AP-4): a chief who files a request may not decide it, so the branch stands in for the
 * filing chief (director or instructor); the other chief still decides. A deputy's request needs both chiefs.
 */
export function requiredFor(kind: RedeploymentKind, filer: Pick<Actor, 'groups'>): ApproverRole[] {
  const all = requiredApprovers(kind);
  const kept = all.filter((r) => r === 'branch' || !filer.groups.includes(r));
  return kept.length < all.length && !kept.includes('branch') ? [...kept, 'branch'] : kept;
}

/** Today's date in a time zone (`YYYY-MM-DD`). */
export function todayIn(timezone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Still pending after its first day has passed: expired (AP-5). */
export const isDue = (request: Pick<Redeployment, 'status' | 'from'>, today: string): boolean => request.status === 'pending' && today > request.from;

/** The status a reader sees: `expired` for a pending request whose first day has passed, even before it is persisted. */
export const effectiveStatus = (request: Pick<Redeployment, 'status' | 'from'>, today: string): RedeploymentStatus =>
  isDue(request, today) ? 'expired' : request.status;

/** Pending or approved and not yet over: a request that still holds the officer's dates. */
export const isOpen = (request: Redeployment, today: string): boolean => {
  const status = effectiveStatus(request, today);
  return status === 'pending' || (status === 'approved' && request.to >= today);
};

export type RuleIssue = ErrorDetail & { rule: string };

/** Every rule a new request breaks (empty when it may be filed). `open`: the station's open requests. */
export function requestIssues(
  station: StationConfig,
  body: RedeploymentRequestBody,
  today: string,
  open: readonly Redeployment[] = [],
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const issue = (rule: string, path: string, message: string) => issues.push({ rule, path, message });

  // The post first: FB-1 and FB-2 are absolute, whoever the officer is.
  const absolute = ABSOLUTELY_FORBIDDEN[body.post];
  if (absolute === 'FB-1')
    issue('FB-1', 'post', `${body.post} is patrol car duty: dedicated community officers never drive patrol cars, and no approval unlocks it (FB-1)`);
  else if (absolute === 'FB-2')
    issue('FB-2', 'post', 'case-handling is forbidden to dedicated community officers, and no approval unlocks it (FB-2)');
  else if (!NEEDS_REDEPLOYMENT.has(body.post) && body.post !== 'reinforced-duty')
    issue('AP-1', 'post', `${body.post} is not a post a redeployment pulls anyone onto: requests are for FB-3 posts (${[...NEEDS_REDEPLOYMENT].join(', ')}) and reinforced-duty (AP-1)`);
  if (body.post === 'routine-duty' && body.kind === 'duty')
    issue('AP-2', 'kind', 'calling a community officer up for routine duty is of kind "routine-duty": the branch approves it too (AP-2)');

  const officer = station.people.find((p) => p.id === body.personId);
  if (!officer) issue('AP-5', 'personId', `there is no person ${body.personId} at this station (AP-5)`);
  else if (officer.kind !== 'officer' || officer.community?.dedicated !== true)
    issue('AP-5', 'personId', `${officer.name} (${officer.id}) is not a dedicated community officer of this station: redeployment requests are only for them (AP-5)`);

  if (body.kind === 'transfer') {
    const replacement = body.replacementId === undefined ? undefined : station.people.find((p) => p.id === body.replacementId);
    if (body.replacementId !== undefined && !replacement)
      issue('AP-3', 'replacementId', `there is no person ${body.replacementId} at this station to take the grid (AP-3: fill first, then move)`);
    else if (replacement && replacement.id === body.personId)
      issue('AP-3', 'replacementId', 'the replacement must be another officer than the one transferred (AP-3)');
    else if (replacement && (replacement.kind !== 'officer' || replacement.rank !== 'officer'))
      issue('AP-3', 'replacementId', `${replacement.name} (${replacement.id}) is a ${replacement.rank}, not an officer who can take a grid (AP-3)`);
    else if (replacement && replacement.community?.dedicated === true && replacement.community.id !== officer?.community?.id)
      issue('AP-3', 'replacementId', `${replacement.name} (${replacement.id}) is already the dedicated officer of grid ${replacement.community.id}; moving them would open a gap there (AP-3: fill first, then move)`);
    if (officer?.community?.dedicated === true && body.reason.trim() === '') {
      const years = station.rules.transferMinTenureYears;
      const tenureEnds = formatISO(addMonths(parseISO(officer.community.since), Math.round(years * 12)), { representation: 'date' });
      if (body.from < tenureEnds)
        issue('CP-6', 'reason', `${officer.name} (${officer.id}) has held the post only since ${officer.community.since}, less than ${years} years by ${body.from}: a transfer before then must say why (CP-6, AP-3)`);
    }
  }

  if (body.from < today)
    issue('AP-5', 'from', `the request starts on ${body.from}, which has passed (today is ${today}): a request is made before its dates (AP-5)`);
  else if (body.from > addDaysTo(today, MAX_DAYS_AHEAD))
    issue('AP-5', 'from', `the request starts on ${body.from}, more than ${MAX_DAYS_AHEAD} days ahead (AP-5)`);

  const clash = open.filter((r) => r.personId === body.personId && r.from <= body.to && body.from <= r.to && isOpen(r, today));
  if (clash.length > 0)
    issue('AP-5', 'from', `${body.personId} already has ${clash.map((r) => `${r.id} (${effectiveStatus(r, today)}, ${r.post} ${r.from} to ${r.to})`).join(', ')} over these dates: one request per officer and day (AP-5)`);
  return issues;
}

/** 422 with the first broken rule as the code and every broken rule in the details. */
export function refusal(issues: readonly RuleIssue[]): DomainError {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length === 2 ? '' : 's'})` : '';
  return ruleBreak(first.rule, `The request cannot be filed: ${first.message}${more}.`, issues.map(({ path, message }) => ({ path, message })));
}

export type NewRequest = {
  id: string;
  stationId: string;
  station: StationConfig;
  body: RedeploymentRequestBody;
  actor: Actor;
  now: Date;
  /** The station's open requests (to refuse overlaps). */
  open?: readonly Redeployment[];
  /** The station's approved requests near these dates (for the cost). */
  approved?: readonly ApprovedRedeployment[];
};

/** A new pending request with its AP-6 cost, or a 422 naming every rule it breaks. */
export function createRequest(input: NewRequest): Redeployment {
  const { body, station, now } = input;
  const today = todayIn(station.timezone, now);
  const issues = requestIssues(station, body, today, input.open ?? []);
  if (issues.length > 0) throw refusal(issues);
  const at = now.toISOString();
  return {
    id: input.id,
    stationId: input.stationId,
    kind: body.kind,
    personId: body.personId,
    post: body.post,
    from: body.from,
    to: body.to,
    reason: body.reason,
    ...(body.replacementId !== undefined ? { replacementId: body.replacementId } : {}),
    status: 'pending',
    required: requiredFor(body.kind, input.actor),
    decisions: [],
    cost: redeploymentCost(station, body, input.approved ?? [], input.id),
    requestedBy: input.actor.sub,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

const CHIEF_ROLES = ['director', 'instructor'] as const;

/**
 * Before the request is read: only the chiefs of the station and the branch decide anything. Other groups get
 * AUTH-ROLE (as everywhere); a chief of another station gets AP-4 (AP-4: only the chiefs of *that* station count).
 */
export function mayDecideAtStation(actor: Actor, stationId: string): void {
  const chief = CHIEF_ROLES.some((r) => actor.groups.includes(r));
  const branch = actor.groups.includes('branch');
  if (!chief && !branch)
    throw forbidden('AUTH-ROLE', say('ap.decideRole', { groups: actor.groups }));
  if (!branch && actor.stationId !== stationId)
    throw forbidden('AP-4', say('ap.otherStation', { stationId, own: actor.stationId ?? '' }));
}

/** The roles in which the actor may decide this request, best first; 403 AP-4 when there is none. */
export function approverRoles(actor: Actor, stationId: string, request: Redeployment): ApproverRole[] {
  mayDecideAtStation(actor, stationId);
  const concerned = [request.requestedBy, request.personId, request.replacementId].filter((x): x is string => x !== undefined);
  if (concerned.includes(actor.sub))
    throw forbidden('AP-4', say('ap.ownRequest', { sub: actor.sub, requester: actor.sub === request.requestedBy, requestId: request.id }));
  const roles = request.required.filter((role) =>
    role === 'branch' ? actor.groups.includes('branch') : actor.groups.includes(role) && actor.stationId === stationId,
  );
  if (roles.length === 0) {
    if (actor.groups.includes('branch'))
      throw forbidden('AP-4', say('ap.notBranchKind', { requestId: request.id, kind: request.kind, required: [...request.required] }));
    throw forbidden('AP-4', say('ap.chiefsOnly', { stationId }));
  }
  return roles;
}

export type DecideOutcome =
  | { changed: false; request: Redeployment }
  | { changed: true; request: Redeployment; decision: Decision; transition: 'approved' | 'rejected' | null };

/** One approver's decision on the request as it is now (the store calls this again on a fresh copy after a conflict). */
export function decide(request: Redeployment, actor: Actor, stationId: string, body: DecisionBody, now: Date, today: string): DecideOutcome {
  const roles = approverRoles(actor, stationId, request);
  const previous = request.decisions.find((d) => d.by === actor.sub);
  if (previous) {
    if (previous.decision === body.decision) return { changed: false, request };
    throw new DomainError(409, 'AP-4', `You decided ${request.id} already (${previous.decision}, as ${previous.role}, at ${previous.at}); each approver decides once (AP-4).`);
  }
  const status = effectiveStatus(request, today);
  if (status !== 'pending') throw notPending(request, status);
  const role = roles.find((r) => !request.decisions.some((d) => d.role === r));
  if (role === undefined) {
    const by = request.decisions.filter((d) => roles.includes(d.role)).map((d) => `${d.role} ${d.by}`);
    throw new DomainError(409, 'AP-4', `${request.id} has the decision of the ${by.join(' and ')} already; each approver decides once (AP-4).`);
  }
  const at = now.toISOString();
  const decision: Decision = { by: actor.sub, role, decision: body.decision, comment: body.comment, at };
  const decisions = [...request.decisions, decision];
  const approvedBy = new Set(decisions.filter((d) => d.decision === 'approve').map((d) => d.role));
  const transition = body.decision === 'reject' ? 'rejected' : request.required.every((r) => approvedBy.has(r)) ? 'approved' : null;
  return {
    changed: true,
    decision,
    transition,
    request: {
      ...request,
      decisions,
      status: transition ?? 'pending',
      ...(transition ? { closedAt: at, closedBy: actor.sub } : {}),
      updatedAt: at,
      version: request.version + 1,
    },
  };
}

export type WithdrawOutcome = { changed: false; request: Redeployment } | { changed: true; request: Redeployment; wasApproved: boolean };

/**
 * Withdrawal by a station leader (the caller checks the group): a pending request, or an approved one whose last day
 * has not passed (its officer goes back to community work for the remaining days).
 */
export function withdraw(request: Redeployment, actor: Actor, reason: string, now: Date, today: string): WithdrawOutcome {
  const status = effectiveStatus(request, today);
  if (status === 'withdrawn' && request.closedBy === actor.sub) return { changed: false, request };
  if (status !== 'pending' && status !== 'approved') throw notPending(request, status);
  if (status === 'approved' && request.to < today)
    throw new DomainError(409, 'AP-5', `${request.id} was approved for ${request.from} to ${request.to}, which has passed: there is nothing left to withdraw (AP-5).`);
  const at = now.toISOString();
  return {
    changed: true,
    wasApproved: status === 'approved',
    request: { ...request, status: 'withdrawn', closedAt: at, closedBy: actor.sub, withdrawReason: reason, updatedAt: at, version: request.version + 1 },
  };
}

/** The request, expired (AP-5): still pending after its first day. */
export function expire(request: Redeployment, now: Date): Redeployment {
  const at = now.toISOString();
  return { ...request, status: 'expired', closedAt: at, updatedAt: at, version: request.version + 1 };
}

function notPending(request: Redeployment, status: RedeploymentStatus): DomainError {
  const why: Record<RedeploymentStatus, string> = {
    pending: 'is pending',
    approved: 'is approved already',
    rejected: 'was rejected',
    withdrawn: 'was withdrawn',
    expired: `expired (it was still pending after ${request.from})`,
  };
  return new DomainError(409, 'AP-5', `${request.id} ${why[status]}: a decided, withdrawn or expired request does not change again (AP-5).`);
}

/** What the planner sees of an approved request (AP-5: only fully approved requests change a roster). */
export function asApproved(request: Redeployment): ApprovedRedeployment {
  return { id: request.id, personId: request.personId, post: request.post, from: request.from, to: request.to };
}

/** The request as a reader sees it today: a due pending request shows as expired even before that is persisted. */
export function asRead(request: Redeployment, today: string): Redeployment {
  return isDue(request, today) ? { ...request, status: 'expired' } : request;
}
