// What a night publishes, decided from the solved horizon and the roster published so far. Pure.
//
// The horizon is solved with the published days pinned (STAB-1). Of its first `leadDays` days, the night publishes the
// range from the first date whose roster differs from what is published (a date never published always differs) to
// the end of the lead window. On a steady night that is one new day at the end of the lead window; on the first night
// it is the whole window; a published day changes only when a hard rule now forbids it (the solver then moved it) and
// is re-published with every later day of the window. Flexible nights are placed afresh by every solve, so they are
// left out of the comparison: a published day is not re-published only because its flexible nights were drawn again.
import type { Assignment, Kpis } from '../domain/plan.ts';
import type { SolveOutput } from '../solver/types.ts';
import { dateRange, daysBetween, isoWeek } from '../rotation/index.ts';

const assignmentKey = (a: Assignment): string =>
  JSON.stringify([a.personId, a.shift, a.post, a.communityId ?? '', a.redeploymentId ?? '', a.reinforcedDuty ? 1 : 0, a.callIn ? 1 : 0]);

function byDate(assignments: readonly Assignment[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of assignments) {
    if (a.post === 'flex-night') continue;
    const list = out.get(a.date);
    if (list) list.push(assignmentKey(a));
    else out.set(a.date, [assignmentKey(a)]);
  }
  for (const list of out.values()) list.sort();
  return out;
}

/** The first date of `dates` on which `solved` differs from `published`, or null when they agree on every one. */
export function firstChangedDate(solved: readonly Assignment[], published: readonly Assignment[], dates: readonly string[]): string | null {
  const now = byDate(solved);
  const before = byDate(published);
  for (const date of dates) {
    const a = now.get(date) ?? [];
    const b = before.get(date) ?? [];
    if (a.length !== b.length || a.some((key, i) => key !== b[i])) return date;
  }
  return null;
}

const within = (date: string, from: string, to: string) => date >= from && date <= to;

/**
 * The solver's output cut down to `from`..`to` (dates inside the solved range): the assignments, shortfalls and
 * AB coverage of those dates, the violations and suggestions that touch them (and station-wide findings, which have
 * no dates), the community-hours lines of the ISO weeks they fall in, call-ins and the on-post share recounted.
 * `score`, `bound`, `gap`, `fairness` and `solver` stay those of the whole solve: the published days were chosen by it.
 */
export function sliceSolution(solved: SolveOutput, from: string, to: string): SolveOutput {
  const days = dateRange(from, daysBetween(from, to) + 1);
  const assignments = solved.assignments.filter((a) => within(a.date, from, to));
  const people = new Set(solved.assignments.map((a) => a.personId)).size;
  const onPost = new Set(assignments.filter((a) => a.hours > 0 && a.post !== 'flex-night').map((a) => `${a.personId}|${a.date}`));
  const weeks = new Set(days.map(isoWeek));
  const kpis: Kpis = {
    ...solved.kpis,
    onPostShare: people && days.length ? Math.round((onPost.size / (people * days.length)) * 1000) / 1000 : 0,
    community: solved.kpis.community.filter((k) => weeks.has(k.week)),
    abCoverage: solved.kpis.abCoverage.filter((c) => within(c.date, from, to)),
    callIns: assignments.filter((a) => a.callIn).length,
  };
  return {
    ...solved,
    start: from,
    days: days.length,
    assignments,
    shortfalls: solved.shortfalls.filter((s) => within(s.date, from, to)),
    violations: solved.violations.filter((v) => v.dates.length === 0 || v.dates.some((d) => within(d, from, to))),
    suggestions: solved.suggestions.filter((s) => s.from <= to && s.to >= from),
    kpis,
    redeploymentIds: [...new Set(assignments.flatMap((a) => (a.redeploymentId ? [a.redeploymentId] : [])))],
  };
}
