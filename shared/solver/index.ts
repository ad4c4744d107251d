// The roster engine: station + dates + approvals + published roster in, plan out. Pure; deterministic for a seed
// unless the time budget cuts the search short.
import { BUILTIN_YEARS } from '../calendar/builtin.ts';
import { calendarOf } from '../calendar/index.ts';
import { checkPlan, stationFindings } from '../rules/checks.ts';
import { suggestRedeployments, explainShortfalls } from './explain.ts';
import { buildModel } from './model.ts';
import { buildAssignments, computeKpis, placeFlexNights } from './output.ts';
import { RosterState, search } from './search.ts';
import type { SolveInput, SolveOutput } from './types.ts';

export type { SolveInput, SolveOutput } from './types.ts';

export const DEFAULT_SECONDS = 2;

export function planRoster(input: SolveInput): SolveOutput {
  const seed = input.seed ?? 1;
  const seconds = input.seconds ?? DEFAULT_SECONDS;
  const approved = input.approved ?? [];
  const calendar = calendarOf(input.calendar ?? BUILTIN_YEARS, input.station.calendar);
  const model = buildModel(input.station, input.start, input.days, approved, input.published ?? [], calendar);
  const state = new RosterState(model);
  const result = search(state, { seed, seconds });
  const flex = placeFlexNights(state);
  const assignments = buildAssignments(state, flex);
  const shortfalls = explainShortfalls(state);
  const suggestions = suggestRedeployments(state, shortfalls);
  const kpis = computeKpis(model, assignments, state);
  const violations = [
    ...checkPlan({ station: input.station, start: input.start, days: input.days, approved: [...approved], calendar }, { assignments, shortfalls, kpis }),
    ...stationFindings(input.station),
  ];
  const breakdown = state.breakdown();
  const byRule = Object.entries(breakdown)
    .filter(([, line]) => line.count > 0 || line.penalty > 0)
    .map(([rule, line]) => ({ rule, count: line.count, penalty: line.penalty }));
  const hard = violations.filter((v) => v.severity === 'hard').length;
  return {
    start: input.start,
    days: input.days,
    assignments,
    shortfalls,
    violations,
    kpis,
    suggestions,
    score: { total: byRule.reduce((s, l) => s + l.penalty, 0), hard, byRule },
    redeploymentIds: [...new Set(assignments.flatMap((a) => (a.redeploymentId ? [a.redeploymentId] : [])))],
    solver: { seed, seconds: Math.round(result.seconds * 1000) / 1000, iterations: result.iterations, firstFeasibleScore: result.firstFeasibleScore },
  };
}

