// POST /stations/{stationId}/plans, GET /stations/{stationId}/plans/{planId}, POST .../plans/{planId}/publish
// (API.md, "Roster plans"). Translates only: the solver plans, the store keeps, shared/roster reads published days.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { authorize, may } from '../../shared/auth/permissions.ts';
import { authorizeStation, scopeOf } from '../../shared/http/access.ts';
import { badRequest, conflict, notFound } from '../../shared/domain/errors.ts';
import { PlanRequest, PublishRequest, type Plan } from '../../shared/domain/plan.ts';
import { httpHandler, parseOr400, type ApiRequest } from '../../shared/http/api.ts';
import { planIdOf, stationIdOf } from '../../shared/http/params.ts';
import { planEnd, rosterAssignments } from '../../shared/roster/index.ts';
import { planRoster } from '../../shared/solver/index.ts';
import { alreadyPublished, newAuditId, storeFromEnvironment } from '../../shared/store/index.ts';
import { metrics, recordPlanCreated } from '../../shared/telemetry.ts';

/** `pl_` and 32 hex digits: random, and free of the separators keys use. */
export const newPlanId = (): string => `pl_${randomUUID().replace(/-/g, '')}`;

/** A publish may name the version the client read (else If-Match, else the version read just before writing). */
const IfMatch = z.string().regex(/^(W\/)?"?\d+"?$/, 'If-Match must be a plan version such as "1"');

export async function createPlan(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'plan.manage', stationId);
  const asked = parseOr400(PlanRequest, request.body, 'plan request');

  const store = storeFromEnvironment();
  const station = await store.stations.get(stationId);
  if (!station) throw notFound(`No station ${stationId}.`);
  const { id: _id, version: stationVersion, updatedAt: _at, updatedBy: _by, ...config } = station;

  const end = planEnd(asked);
  // STAB-1: days published already are handed to the solver, which keeps them unless a hard rule now forbids them.
  const published = rosterAssignments(await store.plans.listPublished(stationId, asked.start, end), asked.start, end);
  const approved = await store.approvedRedeploymentsFor(stationId, asked.start, end);
  // CAL-3: the official calendar as loaded (built-in data, the admin's years over it); the solver adds the station's days.
  const calendar = await store.officialYears();
  const solved = planRoster({ station: config, start: asked.start, days: asked.days, approved, published, calendar, seed: asked.seed, seconds: asked.seconds });

  const at = new Date();
  const plan: Plan = {
    id: newPlanId(),
    stationId,
    start: solved.start,
    days: solved.days,
    status: 'draft',
    version: 1,
    createdAt: at.toISOString(),
    createdBy: request.actor.sub,
    stationVersion,
    assignments: solved.assignments,
    shortfalls: solved.shortfalls,
    violations: solved.violations,
    kpis: solved.kpis,
    suggestions: solved.suggestions,
    score: solved.score,
    ...(solved.bound !== undefined ? { bound: solved.bound, gap: solved.gap ?? 0 } : {}),
    redeploymentIds: solved.redeploymentIds,
    needsReplan: [],
    solver: solved.solver,
  };
  const hard = plan.violations.filter((v) => v.severity === 'hard').length;
  await store.plans.create(plan, {
    id: newAuditId(at),
    stationId,
    at: plan.createdAt,
    actor: request.actor,
    action: 'plan.created',
    target: { kind: 'plan', id: plan.id },
    summary:
      `planned ${plan.days} day${plan.days === 1 ? '' : 's'} from ${plan.start} to ${end} for ${config.people.length} people ` +
      `(draft ${plan.id}): ${plan.shortfalls.length} shortfall${plan.shortfalls.length === 1 ? '' : 's'}, ${hard} hard violation${hard === 1 ? '' : 's'}`,
    detail: {
      planId: plan.id,
      start: plan.start,
      days: plan.days,
      stationVersion,
      seed: plan.solver.seed,
      seconds: plan.solver.seconds,
      publishedAssignmentsKept: published.length,
      redeploymentIds: plan.redeploymentIds,
    },
  });
  recordPlanCreated(metrics, plan);
  return { status: 201, body: plan, headers: { location: `/stations/${stationId}/plans/${plan.id}`, etag: `"${plan.version}"` } };
}

export async function getPlan(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  const scope = await scopeOf(request.actor, stationId);
  if (!may(request.actor, 'plan.manage', scope)) authorize(request.actor, 'roster.read', scope);
  const planId = planIdOf(request.path);
  const plan = await storeFromEnvironment().plans.get(stationId, planId);
  if (!plan) throw notFound(`No plan ${planId} at station ${stationId}.`);
  return { body: plan, headers: { etag: `"${plan.version}"` } };
}

export async function publishPlan(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'plan.manage', stationId);
  const planId = planIdOf(request.path);
  const body = parseOr400(PublishRequest, request.body, 'publish request');
  const ifMatch = request.headers['if-match'];
  if (ifMatch !== undefined && !IfMatch.safeParse(ifMatch).success)
    throw badRequest('The If-Match header is not a plan version.', [{ path: 'If-Match', message: 'expected a plan version such as "1"' }]);
  const claimed = ifMatch !== undefined ? Number(ifMatch.replace(/\D/g, '')) : body?.version;

  const store = storeFromEnvironment();
  const plan = await store.plans.get(stationId, planId);
  if (!plan) throw notFound(`No plan ${planId} at station ${stationId}.`);
  if (plan.status !== 'draft') throw alreadyPublished(plan);
  if (claimed !== undefined && claimed !== plan.version)
    throw conflict(`Plan ${planId} is at version ${plan.version}, not ${claimed}: someone changed it; read it again and retry.`);

  const end = planEnd(plan);
  // Earlier publications keep their records; the roster takes these dates from this plan from now on.
  const takesOver = (await store.plans.listPublishedHeads(stationId, plan.start, end)).map((h) => h.id);
  const at = new Date();
  const head = await store.plans.publish(stationId, planId, plan.version, {
    id: newAuditId(at),
    stationId,
    at: at.toISOString(),
    actor: request.actor,
    action: 'plan.published',
    target: { kind: 'plan', id: planId },
    summary:
      `published plan ${planId} for ${plan.start} to ${end}` +
      (takesOver.length > 0 ? `; it replaces ${takesOver.join(', ')} on those dates` : ''),
    detail: { planId, start: plan.start, days: plan.days, version: plan.version + 1, takesOver },
  });
  const published: Plan = { ...plan, status: head.status, version: head.version, ...(head.publishedAt ? { publishedAt: head.publishedAt } : {}) };
  return { body: published, headers: { etag: `"${published.version}"` } };
}

export const handler = httpHandler({
  'POST /stations/{stationId}/plans': createPlan,
  'GET /stations/{stationId}/plans/{planId}': getPlan,
  'POST /stations/{stationId}/plans/{planId}/publish': publishPlan,
});
