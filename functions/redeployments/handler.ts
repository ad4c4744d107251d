// Redeployment requests (API.md, "Redeployments (AP)"): file, read, list, decide, withdraw. Translates only: the
// state machine in shared/approvals decides, the store keeps (one conditional write per change, audit entry inside).
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  createRequest,
  decide,
  mayDecideAtStation,
  mondayOf,
  todayIn,
  withdraw,
} from '../../shared/approvals/index.ts';
import { authorize } from '../../shared/auth/permissions.ts';
import { authorizeStation, scopeOf } from '../../shared/http/access.ts';
import type { Actor } from '../../shared/domain/audit.ts';
import { notFound } from '../../shared/domain/errors.ts';
import {
  DecisionBody,
  RedeploymentId,
  RedeploymentListQuery,
  RedeploymentRequestBody,
  WithdrawBody,
  type Redeployment,
} from '../../shared/domain/redeployment.ts';
import type { StationRecord } from '../../shared/domain/station.ts';
import { httpHandler, parseOr400, type ApiRequest } from '../../shared/http/api.ts';
import { cursorOf, stationIdOf } from '../../shared/http/params.ts';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { newAuditId, storeFromEnvironment } from '../../shared/store/index.ts';
import { say, summaryOf, type Params, type Said } from '../../shared/i18n/index.ts';
import { localizeRedeployment } from '../../shared/i18n/localize.ts';
import { metrics, recordApprovalDecided } from '../../shared/telemetry.ts';

/** `rd_`, the creation instant in base 36 (so ids sort by age) and 12 random hex digits. */
export const newRedeploymentId = (now: Date = new Date()): string =>
  `rd_${now.getTime().toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;

const redeploymentIdOf = (path: Record<string, string>): string =>
  parseOr400(z.object({ redeploymentId: RedeploymentId }), path, 'path').redeploymentId;

async function stationOr404(stationId: string): Promise<StationRecord> {
  const station = await storeFromEnvironment().stations.get(stationId);
  if (!station) throw notFound(say('error.notFound.station', { stationId }));
  return station;
}

/** A person as the catalogue names them: id, and name when the station knows them. */
const personParams = (station: StationRecord, id: string, name: string, idField: string): Params => {
  const person = station.people.find((p) => p.id === id);
  return person ? { [name]: person.name, [idField]: person.id } : { [idField]: id };
};

const location = (stationId: string, id: string) => `/stations/${stationId}/redeployments/${id}`;

export async function createRedeployment(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'redeployment.request', stationId);
  const body = parseOr400(RedeploymentRequestBody, request.body, 'redeployment request');
  const store = storeFromEnvironment();
  const station = await stationOr404(stationId);
  const now = new Date();
  const open = (await store.redeployments.withStatus(stationId, ['pending', 'approved'], { from: body.from, to: body.to })).filter((r) => r.personId === body.personId);
  // AP-6 looks at whole ISO weeks: other approved pulls in those weeks count.
  const approved = await store.approvedRedeploymentsFor(stationId, mondayOf(body.from), addDaysTo(mondayOf(body.to), 6));
  const created = createRequest({ id: newRedeploymentId(now), stationId, station, body, actor: request.actor, now, open, approved });
  await store.redeployments.create(created, {
    id: newAuditId(now),
    stationId,
    at: created.createdAt,
    actor: request.actor,
    action: 'redeployment.requested',
    target: { kind: 'redeployment', id: created.id },
    ...summaryOf(
      say('audit.redeployment.requested', {
        ...personParams(station, created.personId, 'name', 'personId'),
        ...(created.replacementId ? personParams(station, created.replacementId, 'replacementName', 'replacementId') : {}),
        post: created.post, from: created.from, to: created.to, kind: created.kind, required: created.required,
        lost: created.cost.communityHoursLost, breaks: created.cost.breaks,
      }),
    ),
    detail: {
      redeploymentId: created.id,
      kind: created.kind,
      personId: created.personId,
      post: created.post,
      from: created.from,
      to: created.to,
      reason: created.reason,
      ...(created.replacementId ? { replacementId: created.replacementId } : {}),
      required: created.required,
      communityHoursLost: created.cost.communityHoursLost,
      breaks: created.cost.breaks,
      version: created.version,
    },
  });
  return { status: 201, body: localizeRedeployment(created, request.lang), headers: { location: location(stationId, created.id), etag: `"${created.version}"` } };
}

export async function getRedeployment(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'redeployment.read', stationId);
  const id = redeploymentIdOf(request.path);
  const station = await stationOr404(stationId);
  const found = await storeFromEnvironment().redeployments.get(stationId, id, todayIn(station.timezone));
  if (!found) throw notFound(say('error.notFound.redeployment', { requestId: id, stationId }));
  return { body: localizeRedeployment(found, request.lang), headers: { etag: `"${found.version}"` } };
}

export async function listRedeployments(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'redeployment.read', stationId);
  const query = parseOr400(RedeploymentListQuery, { status: request.query.status, cursor: request.query.cursor, next: request.query.next, limit: request.query.limit }, 'query');
  const station = await stationOr404(stationId);
  const today = todayIn(station.timezone);
  const store = storeFromEnvironment();
  // Expiry is computed on read; persisting it first keeps the status pages consistent with each other.
  await store.redeployments.expireDue(stationId, today);
  const page = await store.redeployments.list(stationId, { ...(query.status ? { status: query.status } : {}), today, cursor: cursorOf(query), limit: query.limit ?? 100 });
  return { body: { ...page, items: page.items.map((r) => localizeRedeployment(r, request.lang)) } };
}

function describeDecision(request: Redeployment, actor: Actor, decision: 'approve' | 'reject', role: string, transition: string | null): Said {
  return say('audit.redeployment.decided', {
    actor: actor.sub, role, decision, requestId: request.id, personId: request.personId, post: request.post, from: request.from, to: request.to,
    transition, approvals: request.decisions.filter((d) => d.decision === 'approve').length, required: request.required.length,
    waiting: request.required.filter((r) => !request.decisions.some((d) => d.role === r)),
  });
}

export async function decideRedeployment(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  // Before anything else: AUTH-BRANCH for a branch user of another branch; AUTH-ROLE for groups that never decide,
  // AP-4 for chiefs of another station.
  const scope = await scopeOf(request.actor, stationId);
  if (scope.branchId !== undefined) authorize(request.actor, 'redeployment.decide', scope);
  mayDecideAtStation(request.actor, stationId);
  const id = redeploymentIdOf(request.path);
  const body = parseOr400(DecisionBody, request.body, 'decision');
  const station = await stationOr404(stationId);
  const today = todayIn(station.timezone);
  let decided = false;
  const result = await storeFromEnvironment().redeployments.change(stationId, id, today, (current) => {
    const outcome = decide(current, request.actor, stationId, body, new Date(), today);
    decided = outcome.changed;
    if (!outcome.changed) return null;
    const { decision, transition, request: next } = outcome;
    return {
      next,
      replan: transition !== null,
      entry: {
        id: newAuditId(new Date(decision.at)),
        stationId,
        at: decision.at,
        actor: request.actor,
        action: 'redeployment.decided',
        target: { kind: 'redeployment', id },
        ...summaryOf(describeDecision(next, request.actor, decision.decision, decision.role, transition)),
        detail: { redeploymentId: id, decision: decision.decision, role: decision.role, comment: decision.comment, status: next.status, version: next.version },
      },
    };
  });
  if (!result) throw notFound(say('error.notFound.redeployment', { requestId: id, stationId }));
  // An identical repeat of the caller's decision answers 200 with the request unchanged (nothing written).
  if (decided) recordApprovalDecided(metrics);
  return { body: localizeRedeployment(result.request, request.lang), headers: { etag: `"${result.request.version}"` } };
}

export async function withdrawRedeployment(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'redeployment.request', stationId);
  const id = redeploymentIdOf(request.path);
  const body = parseOr400(WithdrawBody, request.body, 'withdrawal');
  const reason = body?.reason ?? '';
  const station = await stationOr404(stationId);
  const today = todayIn(station.timezone);
  const result = await storeFromEnvironment().redeployments.change(stationId, id, today, (current) => {
    const now = new Date();
    const outcome = withdraw(current, request.actor, reason, now, today);
    if (!outcome.changed) return null;
    const next = outcome.request;
    return {
      next,
      replan: true,
      entry: {
        id: newAuditId(now),
        stationId,
        at: next.updatedAt,
        actor: request.actor,
        action: 'redeployment.withdrawn',
        target: { kind: 'redeployment', id },
        ...summaryOf(
          say('audit.redeployment.withdrawn', { actor: request.actor.sub, wasApproved: outcome.wasApproved, requestId: id, personId: next.personId, post: next.post, from: next.from, to: next.to, reason }),
        ),
        detail: { redeploymentId: id, reason, wasApproved: outcome.wasApproved, status: next.status, version: next.version },
      },
    };
  });
  if (!result) throw notFound(say('error.notFound.redeployment', { requestId: id, stationId }));
  return { body: localizeRedeployment(result.request, request.lang), headers: { etag: `"${result.request.version}"` } };
}

export const handler = httpHandler({
  'POST /stations/{stationId}/redeployments': createRedeployment,
  'GET /stations/{stationId}/redeployments': listRedeployments,
  'GET /stations/{stationId}/redeployments/{redeploymentId}': getRedeployment,
  'POST /stations/{stationId}/redeployments/{redeploymentId}/decisions': decideRedeployment,
  'POST /stations/{stationId}/redeployments/{redeploymentId}/withdraw': withdrawRedeployment,
});
