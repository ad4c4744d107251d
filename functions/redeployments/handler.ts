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
import { metrics, recordApprovalDecided } from '../../shared/telemetry.ts';

/** `rd_`, the creation instant in base 36 (so ids sort by age) and 12 random hex digits. */
export const newRedeploymentId = (now: Date = new Date()): string =>
  `rd_${now.getTime().toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;

const redeploymentIdOf = (path: Record<string, string>): string =>
  parseOr400(z.object({ redeploymentId: RedeploymentId }), path, 'path').redeploymentId;

async function stationOr404(stationId: string): Promise<StationRecord> {
  const station = await storeFromEnvironment().stations.get(stationId);
  if (!station) throw notFound(`No station ${stationId}.`);
  return station;
}

const personLabel = (station: StationRecord, id: string | undefined): string => {
  const person = station.people.find((p) => p.id === id);
  return person ? `${person.name} (${person.id})` : String(id);
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
  const breaks = created.cost.breaks.length ? `, breaking ${created.cost.breaks.join(', ')}` : '';
  await store.redeployments.create(created, {
    id: newAuditId(now),
    stationId,
    at: created.createdAt,
    actor: request.actor,
    action: 'redeployment.requested',
    target: { kind: 'redeployment', id: created.id },
    summary:
      `asked to put ${personLabel(station, created.personId)} on ${created.post} from ${created.from} to ${created.to} (${created.kind}` +
      `${created.replacementId ? `, replaced by ${personLabel(station, created.replacementId)}` : ''}); needs ${created.required.join(', ')}; ` +
      `costs ${created.cost.communityHoursLost} community hours${breaks}`,
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
  return { status: 201, body: created, headers: { location: location(stationId, created.id), etag: `"${created.version}"` } };
}

export async function getRedeployment(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'redeployment.read', stationId);
  const id = redeploymentIdOf(request.path);
  const station = await stationOr404(stationId);
  const found = await storeFromEnvironment().redeployments.get(stationId, id, todayIn(station.timezone));
  if (!found) throw notFound(`No redeployment request ${id} at station ${stationId}.`);
  return { body: found, headers: { etag: `"${found.version}"` } };
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
  return { body: page };
}

function describeDecision(request: Redeployment, actor: Actor, decision: 'approve' | 'reject', role: string, transition: string | null): string {
  const approvals = request.decisions.filter((d) => d.decision === 'approve').length;
  const outcome =
    transition === 'approved'
      ? 'now approved'
      : transition === 'rejected'
        ? 'now rejected'
        : `${approvals} of ${request.required.length} approvals; waiting for ${request.required.filter((r) => !request.decisions.some((d) => d.role === r)).join(', ')}`;
  return `${actor.sub} (${role}) ${decision === 'approve' ? 'approved' : 'rejected'} request ${request.id} (${request.personId} on ${request.post}, ${request.from} to ${request.to}): ${outcome}`;
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
        summary: describeDecision(next, request.actor, decision.decision, decision.role, transition),
        detail: { redeploymentId: id, decision: decision.decision, role: decision.role, comment: decision.comment, status: next.status, version: next.version },
      },
    };
  });
  if (!result) throw notFound(`No redeployment request ${id} at station ${stationId}.`);
  // An identical repeat of the caller's decision answers 200 with the request unchanged (nothing written).
  if (decided) recordApprovalDecided(metrics);
  return { body: result.request, headers: { etag: `"${result.request.version}"` } };
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
        summary:
          `${request.actor.sub} withdrew ${outcome.wasApproved ? 'approved ' : ''}request ${id} (${next.personId} on ${next.post}, ${next.from} to ${next.to})` +
          (reason ? `: ${reason}` : ''),
        detail: { redeploymentId: id, reason, wasApproved: outcome.wasApproved, status: next.status, version: next.version },
      },
    };
  });
  if (!result) throw notFound(`No redeployment request ${id} at station ${stationId}.`);
  return { body: result.request, headers: { etag: `"${result.request.version}"` } };
}

export const handler = httpHandler({
  'POST /stations/{stationId}/redeployments': createRedeployment,
  'GET /stations/{stationId}/redeployments': listRedeployments,
  'GET /stations/{stationId}/redeployments/{redeploymentId}': getRedeployment,
  'POST /stations/{stationId}/redeployments/{redeploymentId}/decisions': decideRedeployment,
  'POST /stations/{stationId}/redeployments/{redeploymentId}/withdraw': withdrawRedeployment,
});
