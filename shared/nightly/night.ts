// One station's night: plan the rolling horizon with the published days pinned, publish the days falling due within
// the lead time, and record what happened, exactly once per station and night.
//
//   1. Read the station; the night is the scheduled instant's date in the station's time zone (its "today").
//   2. Claim the night's marker (shared/store/nightly.ts). A night already `done` is skipped: a redelivered message
//      changes nothing. A night another worker holds a live lease on throws NightBusyError (SQS retries it later).
//   3. Expire the redeployment requests still pending after their first day (store.redeployments.expirePending).
//      Solve the horizon (the `horizonDays` days after the night) with the published roster of those days pinned
//      (STAB-1) and the station's approved redeployments (AP-5). Published days whose plan marks them as needing a
//      re-plan (a decision after publication changed them) are not pinned: they are planned afresh, and re-published
//      below if they fall within the lead window and came out different.
//   4. Publish: a plan for the dates from the first one whose roster differs from the published roster to the end of
//      the lead window (window.ts) is stored (plans.create, a `draft` with its `plan.created` audit entry) and at once
//      published (plans.publish, `plan.published`). Days beyond the lead window are planned as look-ahead only: they
//      are solved again every night, and their shortfalls go into the marker and the log, not into a stored plan.
//   5. Mark the night done with its summary.
// A failure releases the lease and rethrows. A retry after a crash does the night again: the days the crashed attempt
// published are now pinned and equal, so they are not published twice; a plan it created but did not publish stays an
// unread draft.
import { createHash, randomUUID } from 'node:crypto';
import type { Actor, AuditEntry } from '../domain/audit.ts';
import type { Plan, Shortfall } from '../domain/plan.ts';
import { latestPlanPerDate, overlaps, planEnd, rosterAssignments } from '../roster/index.ts';
import { addDaysTo, dateRange } from '../rotation/index.ts';
import { planRoster } from '../solver/index.ts';
import type { SolveOutput } from '../solver/types.ts';
import { newAuditId, type RosterStore } from '../store/index.ts';
import { NightlyStore } from '../store/nightly.ts';
import { nightOf, type NightlyMessage } from './message.ts';
import type { NightlyOptions } from './options.ts';
import { firstChangedDate, sliceSolution } from './window.ts';
import { say, summaryOf } from '../i18n/index.ts';

/** Another attempt holds a live lease on this station's night: try again later. */
export class NightBusyError extends Error {
  constructor(
    readonly stationId: string,
    readonly night: string,
    readonly leaseUntil: string,
  ) {
    super(`station ${stationId}, night ${night}: another attempt holds it until ${leaseUntil}`);
    this.name = 'NightBusyError';
  }
}

export type NightSummary = {
  stationId: string;
  night: string;
  people: number;
  horizon: { start: string; end: string; days: number };
  lead: { start: string; end: string };
  /** Published assignments of the horizon handed to the solver. */
  pinned: number;
  /** Published days of the horizon that were marked as needing a re-plan, and so planned afresh. */
  replanned: string[];
  /** Redeployment requests that were still pending after their first day and expired tonight. */
  expiredRedeployments: string[];
  /** The plan published tonight, or null when the lead window was published already and nothing in it changed. */
  published: { planId: string; from: string; to: string; days: number; bodyBytes: number; takesOver: string[] } | null;
  shortfalls: { horizon: number; missing: number; lead: number; byDate: Record<string, number> };
  hardViolations: number;
  solverSeconds: number;
};

export type NightResult =
  | ({ status: 'done'; seconds: number } & NightSummary)
  | { status: 'skipped'; reason: 'already-done'; stationId: string; night: string; seconds: number; result?: Record<string, unknown> }
  | { status: 'skipped'; reason: 'no-station'; stationId: string; seconds: number };

export type NightDeps = { now?: () => Date; owner?: string };

/** The job's identity in plans and the audit trail. */
export const NIGHTLY_ACTOR_SUB = 'system:nightly';

const newPlanId = (): string => `pl_${randomUUID().replace(/-/g, '')}`;

/** The same seed for the same station and night, so a rerun searches the same way. */
export function nightSeed(stationId: string, night: string): number {
  return createHash('sha256').update(`${stationId}|${night}`).digest().readUInt32BE(0) % 2 ** 31;
}

function countShortfalls(shortfalls: readonly Shortfall[]) {
  const byDate: Record<string, number> = {};
  let missing = 0;
  for (const s of shortfalls) {
    byDate[s.date] = (byDate[s.date] ?? 0) + s.missing;
    missing += s.missing;
  }
  return { missing, byDate };
}

export async function runNight(store: RosterStore, message: NightlyMessage, options: NightlyOptions, deps: NightDeps = {}): Promise<NightResult> {
  const clock = deps.now ?? (() => new Date());
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started) / 1000;
  const { stationId } = message;

  const station = await store.stations.get(stationId);
  if (!station) return { status: 'skipped', reason: 'no-station', stationId, seconds: elapsed() };
  const { id: _id, version: stationVersion, updatedAt: _at, updatedBy: _by, ...config } = station;
  const night = message.night ?? nightOf(message.scheduledTime, config.timezone);

  const markers = new NightlyStore(store.client, store.tableName);
  const owner = deps.owner ?? randomUUID();
  const claim = await markers.claim(stationId, night, { owner, now: clock(), leaseSeconds: options.leaseSeconds, keepDays: options.markerDays });
  if (!claim.claimed) {
    if (claim.marker?.status === 'done')
      return { status: 'skipped', reason: 'already-done', stationId, night, seconds: elapsed(), ...(claim.marker.result ? { result: claim.marker.result } : {}) };
    throw new NightBusyError(stationId, night, claim.marker?.leaseUntil ?? '?');
  }

  try {
    const start = addDaysTo(night, 1);
    const days = options.horizonDays;
    const end = addDaysTo(start, days - 1);
    const leadEnd = addDaysTo(start, Math.min(options.leadDays, days) - 1);
    const actor: Actor = { sub: NIGHTLY_ACTOR_SUB, groups: [], stationId };

    // AP: requests still pending after their first day expire tonight (and re-plan marks a crash cut short are finished),
    // before the published roster and its re-plan marks are read.
    const expired = await store.redeployments.expirePending(stationId, night);

    // STAB-1: the published roster of the horizon is pinned, except the days its plan marks as needing a re-plan
    // (AP-5: a decision after publication changed them); approved redeployments may be used.
    const publishedPlans = await store.plans.listPublished(stationId, start, end);
    const published = rosterAssignments(publishedPlans, start, end);
    const replan = new Set([...latestPlanPerDate(publishedPlans, start, end)].filter(([date, plan]) => plan.needsReplan.includes(date)).map(([date]) => date));
    const pinned = replan.size === 0 ? published : published.filter((a) => !replan.has(a.date));
    const approved = await store.approvedRedeploymentsFor(stationId, start, end);
    const calendar = await store.officialYears(); // CAL-3: built-in data with the admin's loaded years
    const solved = planRoster({ station: config, start, days, approved, published: pinned, calendar, seed: nightSeed(stationId, night), seconds: options.solverSeconds });

    const from = firstChangedDate(solved.assignments, published, dateRange(start, Math.min(options.leadDays, days)));
    let publication: NightSummary['published'] = null;
    if (from !== null) {
      const slice = sliceSolution(solved, from, leadEnd);
      const takesOver = publishedPlans.filter((p) => overlaps(p, from, leadEnd)).map((p) => p.id);
      const { plan, bodyBytes } = await storeAndPublish(store, { stationId, stationVersion, night, slice, actor, takesOver, clock, people: config.people.length });
      publication = { planId: plan.id, from, to: leadEnd, days: slice.days, bodyBytes, takesOver };
    }

    const counted = countShortfalls(solved.shortfalls);
    const summary: NightSummary = {
      stationId,
      night,
      people: config.people.length,
      horizon: { start, end, days },
      lead: { start, end: leadEnd },
      pinned: pinned.length,
      replanned: [...replan].sort(),
      expiredRedeployments: expired,
      published: publication,
      shortfalls: {
        horizon: solved.shortfalls.length,
        missing: counted.missing,
        lead: solved.shortfalls.filter((s) => s.date <= leadEnd).length,
        byDate: counted.byDate,
      },
      hardViolations: solved.violations.filter((v) => v.severity === 'hard').length,
      solverSeconds: solved.solver.seconds,
    };
    // The branch's figures look at the 28 days from today, which moved: a publication refreshed them already.
    if (publication === null) await store.refreshSummary(stationId, {}, clock());
    await markers.finish(stationId, night, owner, summary, clock());
    return { status: 'done', seconds: elapsed(), ...summary };
  } catch (error) {
    await markers.release(stationId, night, owner, error instanceof Error ? `${error.name}: ${error.message}` : String(error), clock()).catch(() => undefined);
    throw error;
  }
}

type Publication = {
  stationId: string;
  stationVersion: number;
  night: string;
  slice: SolveOutput;
  actor: Actor;
  takesOver: string[];
  clock: () => Date;
  people: number;
};

/** Stores the slice as a plan (draft, `plan.created`) and publishes it (`plan.published`), like the plans API does. */
async function storeAndPublish(store: RosterStore, p: Publication): Promise<{ plan: Plan; bodyBytes: number }> {
  const createdAt = p.clock();
  const plan: Plan = {
    id: newPlanId(),
    stationId: p.stationId,
    start: p.slice.start,
    days: p.slice.days,
    status: 'draft',
    version: 1,
    createdAt: createdAt.toISOString(),
    createdBy: p.actor.sub,
    stationVersion: p.stationVersion,
    assignments: p.slice.assignments,
    shortfalls: p.slice.shortfalls,
    violations: p.slice.violations,
    kpis: p.slice.kpis,
    suggestions: p.slice.suggestions,
    score: p.slice.score,
    ...(p.slice.bound !== undefined ? { bound: p.slice.bound, gap: p.slice.gap ?? 0 } : {}),
    redeploymentIds: p.slice.redeploymentIds,
    needsReplan: [],
    solver: p.slice.solver,
  };
  const end = planEnd(plan);
  const hard = plan.violations.filter((v) => v.severity === 'hard').length;
  const entry = (at: Date, fields: Pick<AuditEntry, 'action' | 'summary' | 'summaryKey' | 'params' | 'detail'>): AuditEntry => ({
    id: newAuditId(at),
    stationId: p.stationId,
    at: at.toISOString(),
    actor: p.actor,
    target: { kind: 'plan', id: plan.id },
    ...fields,
  });
  const created = await store.plans.create(
    plan,
    entry(createdAt, {
      action: 'plan.created',
      ...summaryOf(say('audit.plan.created', { night: p.night, days: plan.days, start: plan.start, end, people: p.people, planId: plan.id, shortfalls: plan.shortfalls.length, hard })),
      detail: { planId: plan.id, start: plan.start, days: plan.days, stationVersion: p.stationVersion, seed: plan.solver.seed, seconds: plan.solver.seconds, nightly: p.night, redeploymentIds: plan.redeploymentIds },
    }),
  );
  const publishedAt = p.clock();
  const head = await store.plans.publish(
    p.stationId,
    plan.id,
    plan.version,
    entry(publishedAt, {
      action: 'plan.published',
      ...summaryOf(say('audit.plan.published', { night: p.night, planId: plan.id, start: plan.start, end, takesOver: p.takesOver })),
      detail: { planId: plan.id, start: plan.start, days: plan.days, version: plan.version + 1, takesOver: p.takesOver, nightly: p.night },
    }),
  );
  return { plan: { ...plan, status: head.status, version: head.version, ...(head.publishedAt ? { publishedAt: head.publishedAt } : {}) }, bodyBytes: created.bodyBytes };
}
