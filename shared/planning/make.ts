// Making a plan, shared by the API's waiting answer (functions/plans) and the planning job (./run-job.ts): what the
// solver is handed (the station as stored, the published days it keeps, approvals, the official calendar) and the
// plan document and audit entry made of its answer.
import type { AuditEntry, Actor } from '../domain/audit.ts';
import { notFound } from '../domain/errors.ts';
import type { Assignment, Plan, PlanProgress } from '../domain/plan.ts';
import type { StationConfig } from '../domain/station.ts';
import { say, summaryOf } from '../i18n/index.ts';
import { planEnd, rosterAssignments } from '../roster/index.ts';
import type { SolveInput, SolveOutput } from '../solver/index.ts';
import { newAuditId, type RosterStore } from '../store/index.ts';

export type PlanAsk = { start: string; days: number; seed?: number | undefined; seconds?: number | undefined };

export type PlanInputs = { input: SolveInput; config: StationConfig; stationVersion: number; published: Assignment[]; end: string };

/** Reads what the solver needs for a station and dates. 404 when the station does not exist. */
export async function planInputs(store: RosterStore, stationId: string, asked: PlanAsk): Promise<PlanInputs> {
  const station = await store.stations.get(stationId);
  if (!station) throw notFound(say('error.notFound.station', { stationId }));
  const { id: _id, version: stationVersion, updatedAt: _at, updatedBy: _by, ...config } = station;
  const end = planEnd(asked);
  // STAB-1: days published already are handed to the solver, which keeps them unless a hard rule now forbids them.
  const published = rosterAssignments(await store.plans.listPublished(stationId, asked.start, end), asked.start, end);
  const approved = await store.approvedRedeploymentsFor(stationId, asked.start, end);
  // CAL-3: the official calendar as loaded (built-in data, the admin's years over it); the solver adds the station's days.
  const calendar = await store.officialYears();
  const input: SolveInput = {
    station: config,
    start: asked.start,
    days: asked.days,
    approved,
    published,
    calendar,
    ...(asked.seed !== undefined ? { seed: asked.seed } : {}),
    ...(asked.seconds !== undefined ? { seconds: asked.seconds } : {}),
  };
  return { input, config, stationVersion, published, end };
}

/** The draft made of the solver's answer. */
export function draftOf(
  made: { id: string; stationId: string; createdAt: string; createdBy: string },
  inputs: PlanInputs,
  solved: SolveOutput,
  job?: { progress: PlanProgress; stoppedEarly: boolean },
): Plan {
  const { config, stationVersion, end } = inputs;
  return {
    id: made.id,
    stationId: made.stationId,
    start: solved.start,
    days: solved.days,
    status: 'draft',
    version: 1,
    createdAt: made.createdAt,
    createdBy: made.createdBy,
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
    pinIds: config.pins.filter((p) => p.date >= solved.start && p.date <= end).map((p) => p.id),
    solver: solved.solver,
    ...(job ? { progress: job.progress, ...(job.stoppedEarly ? { stoppedEarly: true as const } : {}) } : {}),
  };
}

/** The `plan.created` audit entry of a draft. */
export function createdEntry(plan: Plan, inputs: PlanInputs, actor: Actor, at: Date): AuditEntry {
  const hard = plan.violations.filter((v) => v.severity === 'hard').length;
  return {
    id: newAuditId(at),
    stationId: plan.stationId,
    at: at.toISOString(),
    actor,
    action: 'plan.created',
    target: { kind: 'plan', id: plan.id },
    ...summaryOf(say('audit.plan.created', { days: plan.days, start: plan.start, end: inputs.end, people: inputs.config.people.length, planId: plan.id, shortfalls: plan.shortfalls.length, hard })),
    detail: {
      planId: plan.id,
      start: plan.start,
      days: plan.days,
      stationVersion: inputs.stationVersion,
      seed: plan.solver.seed,
      seconds: plan.solver.seconds,
      publishedAssignmentsKept: inputs.published.length,
      redeploymentIds: plan.redeploymentIds,
      ...(plan.stoppedEarly ? { stoppedEarly: true } : {}),
    },
  };
}
