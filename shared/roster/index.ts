// Reading the published roster out of published plans: pure, no store.
//
// Plans are never rewritten once published (dynalite has no transactions, and a plan is one head item plus write-once
// body parts). So when two published plans cover the same date, the roster takes that date from the plan published
// most recently; the earlier plan keeps its other dates. Ties (the same millisecond) fall to the larger plan id, so
// every reader picks the same plan.
import type { Assignment, Plan } from '../domain/plan.ts';
import { addDaysTo, dateRange } from '../rotation/index.ts';

/** What the "latest publication wins" rule needs to know about a plan. */
export type PublishedRef = Pick<Plan, 'id' | 'start' | 'days' | 'publishedAt'>;

/** The last date a plan covers. */
export const planEnd = (plan: Pick<Plan, 'start' | 'days'>): string => addDaysTo(plan.start, plan.days - 1);

export const overlaps = (plan: Pick<Plan, 'start' | 'days'>, from: string, to: string): boolean => plan.start <= to && planEnd(plan) >= from;

/** Orders publications newest first. */
export function newestFirst(a: PublishedRef, b: PublishedRef): number {
  const at = (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '');
  return at !== 0 ? at : b.id.localeCompare(a.id);
}

/** For each date of `from`..`to`, the published plan the roster takes it from (dates no plan covers are absent). */
export function latestPlanPerDate<T extends PublishedRef>(plans: readonly T[], from: string, to: string): Map<string, T> {
  const winners = new Map<string, T>();
  for (const plan of [...plans].sort(newestFirst)) {
    const first = plan.start > from ? plan.start : from;
    const end = planEnd(plan);
    const last = end < to ? end : to;
    if (first > last) continue;
    for (let date = first; date <= last; date = addDaysTo(date, 1)) if (!winners.has(date)) winners.set(date, plan);
  }
  return winners;
}

/** The plans that supply at least one date of the range: the others are wholly taken over by later publications. */
export function suppliers<T extends PublishedRef>(plans: readonly T[], from: string, to: string): T[] {
  const used = new Set(latestPlanPerDate(plans, from, to).values());
  return plans.filter((p) => used.has(p));
}

/**
 * The roster's assignments for `from`..`to`: per date, the assignments of the most recently published plan covering it,
 * by date and then in the plan's own order. `personId` keeps one person's.
 */
export function rosterAssignments(
  plans: readonly (PublishedRef & Pick<Plan, 'assignments'>)[],
  from: string,
  to: string,
  personId?: string,
): Assignment[] {
  const winners = latestPlanPerDate(plans, from, to);
  const byPlan = new Map<string, Map<string, Assignment[]>>();
  const out: Assignment[] = [];
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  for (const date of dateRange(from, days)) {
    const plan = winners.get(date);
    if (!plan) continue;
    let dates = byPlan.get(plan.id);
    if (!dates) {
      dates = new Map();
      for (const a of plan.assignments) {
        if (personId !== undefined && a.personId !== personId) continue;
        const list = dates.get(a.date);
        if (list) list.push(a);
        else dates.set(a.date, [a]);
      }
      byPlan.set(plan.id, dates);
    }
    out.push(...(dates.get(date) ?? []));
  }
  return out;
}
