// What a decision does beyond its own item, applied right after the decision's write and idempotently (ids follow
// from the request, notices from their cause), so that a retry or a resumption after a crash does it once:
// an approved leave becomes an absence and marks published days for re-plan; an approved swap is published as its
// own plan; a publication tells each person whose days changed. See docs/day-to-day.md.
import type { Actor } from '../domain/audit.ts';
import type { LeaveRequest, Swap } from '../domain/day-to-day.ts';
import type { Assignment, Plan } from '../domain/plan.ts';
import type { StationConfig } from '../domain/station.ts';
import { todayIn } from '../approvals/index.ts';
import { rosterDiff } from '../roster/diff.ts';
import { rosterAssignments } from '../roster/index.ts';
import { newAuditId, type NoticeToWrite, type RosterStore } from '../store/index.ts';
import { configOf } from './ids.ts';
import { exchanged, leadersOf, swapDates } from './requests.ts';
import { laterDate } from '../rotation/index.ts';
import { say, summaryOf } from '../i18n/index.ts';

/** Notices for everyone whose own days (from today on) differ between `before` and `after`. */
export function rosterChangeNotices(stationId: string, today: string, before: readonly Assignment[], after: readonly Assignment[], planId: string, at: string): NoticeToWrite[] {
  const byPerson = new Map<string, string[]>();
  for (const c of rosterDiff(before, after)) if (c.date >= today) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c.date]);
  return [...byPerson].map(([personId, dates]) => ({
    stationId,
    personId,
    key: `roster-changed|${planId}|${personId}`,
    at,
    kind: 'roster-changed' as const,
    params: { planId, from: dates[0]!, to: dates[dates.length - 1]!, days: dates.length, dates },
  }));
}

/** Notices to the station's leaders (but `except`) that a request waits for their decision. */
export function waitingNotices(station: StationConfig, stationId: string, request: { kind: 'leave' | 'swap'; id: string; personId: string; from: string; to: string }, at: string, except: readonly string[]): NoticeToWrite[] {
  return leadersOf(station)
    .filter((id) => !except.includes(id))
    .map((personId) => ({ stationId, personId, key: `approval-waiting|${request.id}|${personId}`, at, kind: 'approval-waiting' as const, params: { request: request.kind, id: request.id, personId: request.personId, from: request.from, to: request.to } }));
}

/** The published roster of `from`..`to` as it stands now. */
export async function currentRoster(store: RosterStore, stationId: string, from: string, to: string): Promise<Assignment[]> {
  return rosterAssignments(await store.plans.listPublished(stationId, from, to), from, to);
}

/** An approved leave: the absence (idempotent by its id), the re-plan marks, the notice; then the mark is cleared. */
export async function applyLeave(store: RosterStore, leave: LeaveRequest, actor: Actor): Promise<void> {
  const absenceId = leave.absenceId!;
  const at = leave.decision?.at ?? new Date().toISOString();
  const changed = await store.stations.change(leave.stationId, (current) => {
    if (current.absences.some((a) => a.id === absenceId)) return { result: false };
    const config = { ...configOf(current), absences: [...current.absences, { id: absenceId, personId: leave.personId, from: leave.from, to: leave.to, reason: leave.reason, ...(leave.note ? { note: leave.note } : {}) }] };
    return {
      config,
      result: true,
      entry: {
        id: newAuditId(new Date()),
        stationId: leave.stationId,
        at,
        actor,
        action: 'absence.recorded' as const,
        target: { kind: 'absence', id: absenceId },
        ...summaryOf(say('audit.leave.absence', { absenceId, personId: leave.personId, from: leave.from, to: leave.to, reason: leave.reason, leaveId: leave.id })),
        detail: { absenceId, personId: leave.personId, from: leave.from, to: leave.to, reason: leave.reason, leaveId: leave.id, version: current.version + 1 },
      },
    };
  });
  if (changed) {
    const today = todayIn(changed.station.timezone);
    await store.plans.replanPublished(leave.stationId, laterDate(leave.from, today), leave.to, {
      at,
      actor,
      key: `${leave.id}@approved`,
      why: { kind: 'day-to-day', en: `leave ${leave.id} of ${leave.personId} (${leave.from} to ${leave.to}) was approved`, zh: `${leave.personId}的请假${leave.id}（${leave.from}至${leave.to}）已批准` },
      detail: { leaveId: leave.id, absenceId },
    });
  }
  await store.leave.effectDone(leave.stationId, leave.id);
}

/**
 * An approved swap is its own publication: a plan over the swap's days (all days between them, since a plan covers a
 * date range) holding the roster as it is with the two people's days exchanged, created and published with their
 * audit entries. The plan id follows from the swap's, so a resumption finds it made or published already.
 */
export async function publishSwap(store: RosterStore, station: StationConfig, swap: Swap, actor: Actor): Promise<Plan | null> {
  const planId = swap.planId!;
  const dates = swapDates(swap);
  const start = dates[0]!;
  const end = dates[dates.length - 1]!;
  const days = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
  const at = new Date();
  let head = await store.plans.head(swap.stationId, planId);
  let plan: Plan | null = null;
  const before = await currentRoster(store, swap.stationId, start, end);
  if (!head) {
    const approved = await store.approvedRedeploymentsFor(swap.stationId, start, end);
    const parties = new Set([swap.mine.personId, swap.theirs.personId]);
    const swapped = new Set(dates);
    const assignments = [
      ...before.filter((a) => !(parties.has(a.personId) && swapped.has(a.date))),
      ...exchanged(station, approved, before, swap),
    ].sort((x, y) => x.date.localeCompare(y.date) || x.personId.localeCompare(y.personId));
    plan = {
      id: planId,
      stationId: swap.stationId,
      start,
      days,
      status: 'draft',
      version: 1,
      createdAt: at.toISOString(),
      createdBy: actor.sub,
      stationVersion: 0,
      assignments,
      shortfalls: [],
      violations: [],
      kpis: { onPostShare: 0, community: [], abCoverage: [], callIns: 0, fairness: {} },
      suggestions: [],
      score: { total: 0, hard: 0, byRule: [] },
      redeploymentIds: [...new Set(assignments.flatMap((a) => (a.redeploymentId ? [a.redeploymentId] : [])))],
      needsReplan: [],
      solver: { seed: 0, seconds: 0, iterations: 0, firstFeasibleScore: 0 },
    };
    try {
      head = await store.plans.create(plan, {
        id: newAuditId(at),
        stationId: swap.stationId,
        at: at.toISOString(),
        actor,
        action: 'plan.created',
        target: { kind: 'plan', id: planId },
        ...summaryOf(say('audit.swap.planned', { swapId: swap.id, personId: swap.mine.personId, date: swap.mine.date, withPersonId: swap.theirs.personId, withDate: swap.theirs.date, planId, start, end })),
        detail: { planId, start, days, swapId: swap.id },
      });
    } catch {
      head = await store.plans.head(swap.stationId, planId); // made by a concurrent resumption
    }
  }
  if (head && head.status === 'draft') {
    const takesOver = (await store.plans.listPublishedHeads(swap.stationId, start, end)).map((h) => h.id);
    try {
      await store.plans.publish(swap.stationId, planId, head.version, {
        id: newAuditId(new Date()),
        stationId: swap.stationId,
        at: new Date().toISOString(),
        actor,
        action: 'plan.published',
        target: { kind: 'plan', id: planId },
        ...summaryOf(say('audit.swap.published', { swapId: swap.id, planId, start, end, takesOver })),
        detail: { planId, start, days, version: head.version + 1, takesOver, swapId: swap.id },
      });
      plan ??= await store.plans.get(swap.stationId, planId);
      if (plan) await store.notices.send(rosterChangeNotices(swap.stationId, todayIn(station.timezone), before, plan.assignments, planId, new Date().toISOString()));
    } catch {
      // published by a concurrent resumption: nothing left to do
    }
  }
  await store.swaps.effectDone(swap.stationId, swap.id);
  return plan;
}

