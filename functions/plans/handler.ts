// POST /stations/{stationId}/plans, GET /stations/{stationId}/plans/{planId}, POST .../plans/{planId}/publish and
// .../cancel (API.md, "Roster plans", "Plans that prove their quality, and long plans"). Translates only: the solver
// plans, shared/planning runs planning jobs, the store keeps, shared/roster reads published days.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { authorize, may } from '../../shared/auth/permissions.ts';
import { authorizeStation, scopeOf } from '../../shared/http/access.ts';
import { DomainError, badRequest, conflict, notFound } from '../../shared/domain/errors.ts';
import { PlanRequest, PublishRequest, type Plan } from '../../shared/domain/plan.ts';
import { httpHandler, parseOr400, type ApiRequest, type RouteResponse } from '../../shared/http/api.ts';
import { planIdOf, stationIdOf } from '../../shared/http/params.ts';
import { planEnd, rosterAssignments } from '../../shared/roster/index.ts';
import { defaultSeconds, planRoster } from '../../shared/solver/index.ts';
import { alreadyPublished, newAuditId, storeFromEnvironment, type RosterStore } from '../../shared/store/index.ts';
import { cancelRefusal, failureOf, jobAnswer, newJob, staleBefore, type JobRecord } from '../../shared/planning/jobs.ts';
import { createdEntry, draftOf, planInputs } from '../../shared/planning/make.ts';
import { planJobLauncher } from './launch.ts';
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
  if (asked.wait === false) return startPlanJob(request, stationId, asked);

  const store = storeFromEnvironment();
  const inputs = await planInputs(store, stationId, asked);
  const solved = planRoster(inputs.input);
  const at = new Date();
  const plan = draftOf({ id: newPlanId(), stationId, createdAt: at.toISOString(), createdBy: request.actor.sub }, inputs, solved);
  await store.plans.create(plan, createdEntry(plan, inputs, request.actor, at));
  recordPlanCreated(metrics, plan);
  return { status: 201, body: localizePlan(plan, request.lang), headers: { location: `/stations/${stationId}/plans/${plan.id}`, etag: `"${plan.version}"` } };
}

/**
 * `"wait": false`: stores the plan as a `solving` job and starts it (docs/planning-jobs.md); 202 with the job. When
 * the job cannot be started, the job is marked failed in the same item and the caller gets 503.
 */
async function startPlanJob(request: ApiRequest, stationId: string, asked: PlanRequest) {
  const store = storeFromEnvironment();
  const station = await store.stations.get(stationId);
  if (!station) throw notFound(say('error.notFound.station', { stationId }));
  const at = new Date();
  const job = newJob({
    id: newPlanId(),
    stationId,
    start: asked.start,
    days: asked.days,
    seconds: asked.seconds ?? defaultSeconds(station.people.length, asked.days),
    seed: asked.seed,
    stationVersion: station.version,
    actor: request.actor,
    at,
  });
  await store.planJobs.start(job);
  try {
    await planJobLauncher()({ stationId, planId: job.id });
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', message: 'planning job not started', stationId, planId: job.id, error: String(error) }));
    await store.planJobs.fail(stationId, job.id, failureOf('NOT_STARTED'), new Date().toISOString());
    throw new DomainError(503, 'JOB_NOT_STARTED', say('error.plan.jobNotStarted', { planId: job.id }));
  }
  return { status: 202, body: jobAnswer(job, at, request.lang), headers: { location: `/stations/${stationId}/plans/${job.id}`, etag: `"${job.version}"` } };
}

/** How long a cancel waits for the job to turn its best plan into the draft before answering 202 with the job. */
const CANCEL_WAIT_MS = 10_000;

/**
 * `POST .../plans/{planId}/cancel`: asks a solving job to stop and keep its best plan (one conditional write; of two
 * cancels at once one wins, the other is told the plan is already stopping). Answers the draft (200) when it is
 * ready within a few seconds, else the job (202), whose GET shows the draft soon after.
 */
export async function cancelPlan(request: ApiRequest): Promise<RouteResponse> {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'plan.manage', stationId);
  const planId = planIdOf(request.path);
  const store = storeFromEnvironment();
  const at = new Date();
  const asked = await store.planJobs.cancel(stationId, planId, request.actor.sub, at.toISOString(), staleBefore(at));
  if (!asked.ok) {
    if (asked.found === null) throw notFound(say('error.notFound.plan', { planId, stationId }));
    throw cancelRefusal(planId, asked.found, at);
  }
  const until = Date.now() + CANCEL_WAIT_MS;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const plan = await store.plans.get(stationId, planId);
    if (plan) return { status: 200, body: localizePlan(plan, request.lang), headers: { etag: `"${plan.version}"` } };
    const job = await store.planJobs.read(stationId, planId);
    if (job?.status === 'failed') return { status: 200, body: jobAnswer(job, new Date(), request.lang) };
  }
  return { status: 202, body: jobAnswer(asked.job, new Date(), request.lang), headers: { location: `/stations/${stationId}/plans/${planId}` } };
}

export async function getPlan(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  const scope = await scopeOf(request.actor, stationId);
  if (!may(request.actor, 'plan.manage', scope)) authorize(request.actor, 'roster.read', scope);
  const planId = planIdOf(request.path);
  const found = await planOrJob(storeFromEnvironment(), stationId, planId);
  if (!found) throw notFound(say('error.notFound.plan', { planId, stationId }));
  // A plan still being made (or whose job failed) shows its job.
  if ('job' in found) return { body: jobAnswer(found.job, new Date(), request.lang), headers: { etag: `"${found.job.version}"` } };
  return { body: localizePlan(found.plan, request.lang), headers: { etag: `"${found.plan.version}"` } };
}

/**
 * The plan, or its job while it is being made. A job that turns into its draft between the two reads is read again
 * as the plan it now is.
 */
async function planOrJob(store: RosterStore, stationId: string, planId: string): Promise<{ plan: Plan } | { job: JobRecord } | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const plan = await store.plans.get(stationId, planId);
    if (plan) return { plan };
    const job = await store.planJobs.read(stationId, planId);
    if (job) return { job };
  }
  return null;
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
  const found = await planOrJob(store, stationId, planId);
  if (!found) throw notFound(say('error.notFound.plan', { planId, stationId }));
  if ('job' in found) throw conflict(found.job.status === 'solving' ? say('error.plan.stillSolving', { planId }) : say('error.plan.notSolving', { planId, status: 'failed' }));
  const { plan } = found;
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
  if (!station) throw notFound(say('error.notFound.station', { stationId }));
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
  'POST /stations/{stationId}/plans/{planId}/cancel': cancelPlan,
});
