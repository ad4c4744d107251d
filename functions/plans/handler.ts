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
import { replanChangedDays, replanDays } from './replan.ts';
import { rosterChangeNotices } from '../../shared/daytoday/effects.ts';
import { todayIn } from '../../shared/approvals/index.ts';
import { localizePlan } from '../../shared/i18n/localize.ts';
import { say, summaryOf } from '../../shared/i18n/index.ts';
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
  if (!station) throw notFound(say('error.notFound.station', { stationId }));
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
    pinIds: config.pins.filter((p) => p.date >= asked.start && p.date <= end).map((p) => p.id),
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
    ...summaryOf(say('audit.plan.created', { days: plan.days, start: plan.start, end, people: config.people.length, planId: plan.id, shortfalls: plan.shortfalls.length, hard })),
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
  return { status: 201, body: localizePlan(plan, request.lang), headers: { location: `/stations/${stationId}/plans/${plan.id}`, etag: `"${plan.version}"` } };
}

export async function getPlan(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  const scope = await scopeOf(request.actor, stationId);
  if (!may(request.actor, 'plan.manage', scope)) authorize(request.actor, 'roster.read', scope);
  const planId = planIdOf(request.path);
  const plan = await storeFromEnvironment().plans.get(stationId, planId);
  if (!plan) throw notFound(say('error.notFound.plan', { planId, stationId }));
  return { body: localizePlan(plan, request.lang), headers: { etag: `"${plan.version}"` } };
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
  if (!plan) throw notFound(say('error.notFound.plan', { planId, stationId }));
  if (plan.status !== 'draft') throw alreadyPublished(plan);
  if (claimed !== undefined && claimed !== plan.version)
    throw conflict(say('error.conflict.version', { what: 'plan', id: planId, version: plan.version, claimed }));

  const end = planEnd(plan);
  // PIN-1: a pin set or removed while this plan was being made is not lost: the plan is refused (409) and made again.
  await pinsUnchangedSince(store, stationId, plan);
  // Earlier publications keep their records; the roster takes these dates from this plan from now on.
  const takesOver = (await store.plans.listPublishedHeads(stationId, plan.start, end)).map((h) => h.id);
  const before = rosterAssignments(await store.plans.listPublished(stationId, plan.start, end), plan.start, end);
  const at = new Date();
  const head = await store.plans.publish(stationId, planId, plan.version, {
    id: newAuditId(at),
    stationId,
    at: at.toISOString(),
    actor: request.actor,
    action: 'plan.published',
    target: { kind: 'plan', id: planId },
    ...summaryOf(say('audit.plan.published', { planId, start: plan.start, end, takesOver })),
    detail: { planId, start: plan.start, days: plan.days, version: plan.version + 1, takesOver },
  });
  const published: Plan = { ...plan, status: head.status, version: head.version, ...(head.publishedAt ? { publishedAt: head.publishedAt } : {}) };
  // Everyone whose own days changed is told (one notice each, idempotent by plan and person).
  const station = await store.stations.get(stationId);
  if (station) await store.notices.send(rosterChangeNotices(stationId, todayIn(station.timezone), before, plan.assignments, planId, at.toISOString()));
  return { body: localizePlan(published, request.lang), headers: { etag: `"${published.version}"` } };
}

/** 409 when the pins inside the plan's dates are not the ones it was made with (plans made before pins: no check). */
async function pinsUnchangedSince(store: ReturnType<typeof storeFromEnvironment>, stationId: string, plan: Plan): Promise<void> {
  if (plan.pinIds === undefined) return;
  const station = await store.stations.get(stationId);
  if (!station) throw notFound(`No station ${stationId}.`);
  const end = planEnd(plan);
  const now = station.pins.filter((p) => p.date >= plan.start && p.date <= end).map((p) => p.id);
  const made = new Set(plan.pinIds);
  const added = now.filter((id) => !made.has(id));
  const removed = plan.pinIds.filter((id) => !now.includes(id));
  if (added.length || removed.length)
    throw conflict(
      `The pins of ${plan.start} to ${end} changed after plan ${plan.id} was made (${[...added.map((id) => `${id} set`), ...removed.map((id) => `${id} removed`)].join(', ')}): make the plan again so that it keeps them (PIN-1).`,
    );
}

export const handler = httpHandler({
  'GET /stations/{stationId}/replan': replanDays,
  'POST /stations/{stationId}/replan': replanChangedDays,
  'POST /stations/{stationId}/plans': createPlan,
  'GET /stations/{stationId}/plans/{planId}': getPlan,
  'POST /stations/{stationId}/plans/{planId}/publish': publishPlan,
});
