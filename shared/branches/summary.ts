// The branch's figures of one station, computed from what the station has: pure, no store. The store calls this on
// every change that can move a figure and keeps the result as the station's summary item (shared/store/branches.ts);
// the branch page sums the summaries with `branchTotals`.
//
// Readings:
// - The window is the 28 days from the station's today. Only published days count; a day no publication covers adds
//   to no figure (so `published` says how much of the window the other figures speak for).
// - AB-2 and CP-2 are judged by the rule catalogue's own checks on the published roster of the window; CP-2 only for
//   full ISO weeks inside the window whose seven days are all published.
import { asRead } from '../approvals/index.ts';
import { BUILTIN_YEARS } from '../calendar/builtin.ts';
import { calendarOf, type OfficialYears } from '../calendar/index.ts';
import type { BranchTotals, ShortfallDay, StationSummary } from '../domain/branch.ts';
import type { Plan } from '../domain/plan.ts';
import { DEFAULT_BRANCH } from '../domain/primitives.ts';
import type { Redeployment } from '../domain/redeployment.ts';
import type { StationConfig } from '../domain/station.ts';
import { latestPlanPerDate, rosterAssignments, type PublishedRef } from '../roster/index.ts';
import { addDaysTo, dateRange, isoWeek, isoWeekday } from '../rotation/index.ts';
import { abGroups, checkAB2, checkCP2, communityOfficerShare, fullIsoWeeks, type PlanContext } from '../rules/checks.ts';

export const WINDOW_DAYS = 28;
const MAX_SHORTFALL_DAYS = 100;

export type PublishedPlan = PublishedRef & Pick<Plan, 'assignments' | 'shortfalls'>;

export type SummaryInput = {
  stationId: string;
  station: StationConfig;
  /** Today in the station's time zone. */
  today: string;
  /** The published plans covering any day of the window (more do no harm: later publications win per date). */
  published: readonly PublishedPlan[];
  /** The station's pending requests (others are ignored). */
  pending: readonly Redeployment[];
  computedAt: string;
  /** The official calendar as loaded (CAL-3: AB-2 judges official workdays); the built-in data without it. */
  calendar?: OfficialYears;
};

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

/** Requests waiting for the branch: pending as read today, needing `branch`, without its decision yet. */
export function waitingForBranch(requests: readonly Redeployment[], today: string): Redeployment[] {
  return requests.filter((r) => asRead(r, today).status === 'pending' && r.required.includes('branch') && !r.decisions.some((d) => d.role === 'branch'));
}

export function summarizeStation(input: SummaryInput): StationSummary {
  const { station, today } = input;
  const from = today;
  const to = addDaysTo(today, WINDOW_DAYS - 1);
  const winners = latestPlanPerDate(input.published, from, to);
  const publishedDates = new Set(winners.keys());

  const shortfallDays: ShortfallDay[] = [];
  let shortfalls = 0;
  for (const date of dateRange(from, WINDOW_DAYS)) {
    const plan = winners.get(date);
    if (!plan) continue;
    for (const s of plan.shortfalls) {
      if (s.date !== date) continue;
      shortfalls += s.missing;
      if (shortfallDays.length < MAX_SHORTFALL_DAYS) shortfallDays.push({ date: s.date, shift: s.shift, post: s.post, missing: s.missing, rule: s.rule });
    }
  }

  const ctx: PlanContext = { station, start: from, days: WINDOW_DAYS, approved: [], calendar: calendarOf(input.calendar ?? BUILTIN_YEARS, station.calendar) };
  const roster = { assignments: rosterAssignments(input.published, from, to), shortfalls: [] };

  // AB-2 over the published weekdays only: a day nobody published is not a gap in the roster, it is no roster.
  const weekdays = [...publishedDates].filter((d) => isoWeekday(d) <= 5);
  const pairs = station.communities.length * weekdays.length;
  const gaps = pairs === 0 ? 0 : checkAB2(ctx, roster).filter((v) => publishedDates.has(v.dates[0] ?? '')).length;

  // CP-2 per dedicated officer and full ISO week, for the weeks wholly published.
  const cp4 = communityOfficerShare(station);
  const weeks = new Set([...fullIsoWeeks(from, WINDOW_DAYS)].filter(([, dates]) => dates.every((d) => publishedDates.has(d))).map(([week]) => week));
  const communityWeeks = weeks.size * cp4.dedicated.length;
  const misses = communityWeeks === 0 ? 0 : checkCP2(ctx, roster).filter((v) => weeks.has(isoWeek(v.dates[0] ?? ''))).length;

  return {
    stationId: input.stationId,
    branchId: station.branchId ?? DEFAULT_BRANCH,
    name: station.name,
    people: station.people.length,
    officers: cp4.officers.length,
    communityOfficers: cp4.dedicated.length,
    communityOfficerShare: round4(cp4.share),
    communityOfficerTarget: station.rules.minCommunityOfficerShare,
    communities: station.communities.length,
    abGroups: abGroups(station).length,
    pendingForBranch: waitingForBranch(input.pending, today).length,
    reinforcedDuty: station.reinforcedDuty.filter((p) => p.to >= today).map((p) => ({ from: p.from, to: p.to })),
    next28: {
      from,
      to,
      published: publishedDates.size,
      shortfalls,
      abCoverage: pairs === 0 ? null : round4((pairs - gaps) / pairs),
      communityWeeksAtTarget: communityWeeks - misses,
      communityWeeks,
      shortfallDays,
    },
    computedAt: input.computedAt,
  };
}

/** The branch's totals at the top of its page (DOMAIN.md's figures: stations, communities, officers, A/B groups). */
export function branchTotals(items: readonly StationSummary[]): BranchTotals {
  const total = (f: (s: StationSummary) => number) => items.reduce((n, s) => n + f(s), 0);
  return {
    stations: items.length,
    communities: total((s) => s.communities),
    communityOfficers: total((s) => s.communityOfficers),
    abGroups: total((s) => s.abGroups),
    officers: total((s) => s.officers),
    people: total((s) => s.people),
    pendingForBranch: total((s) => s.pendingForBranch),
    shortfalls: total((s) => s.next28.shortfalls),
  };
}
