// The roster engine: station + dates + approvals + published roster in, plan out, with a proven bound on the best
// plan possible. Pure; deterministic for a seed unless the time budget cuts the solve short.
import { BUILTIN_YEARS } from '../calendar/builtin.ts';
import { calendarOf } from '../calendar/index.ts';
import { checkPlan, stationFindings } from '../rules/checks.ts';
import { suggestRedeployments, explainShortfalls } from './explain.ts';
import { buildModel } from './model.ts';
import { buildAssignments, computeKpis, placeFlexNights } from './output.ts';
import { solveStation, type Progress } from './station/engine.ts';
import type { SolveInput, SolveOutput } from './types.ts';

export type { SolveInput, SolveOutput } from './types.ts';
export type { Progress } from './station/engine.ts';

/** Default time budget of a whole plan: 2 s for a station month of up to ~100 people, growing with the plan's cells to 20 s. */
export const defaultSeconds = (people: number, days: number): number => Math.max(2, Math.min(20, Math.round((people * days) / 1500)));
export const DEFAULT_SECONDS = 2;

/** The gap between a score and a bound, as the plan reports it (0 when proven optimal). */
export const gapOf = (score: number, bound: number): number => (score > 0 ? Math.max(0, Math.round(((score - bound) / score) * 10000) / 10000) : 0);

export type PlanHooks = { onProgress?: (p: Progress) => void; shouldStop?: () => boolean };

export function planRoster(input: SolveInput, hooks: PlanHooks = {}): SolveOutput {
  const seed = input.seed ?? 1;
  const seconds = input.seconds ?? defaultSeconds(input.station.people.length, input.days);
  const approved = input.approved ?? [];
  const calendar = calendarOf(input.calendar ?? BUILTIN_YEARS, input.station.calendar);
  const started = performance.now();
  const model = buildModel(input.station, input.start, input.days, approved, input.published ?? [], calendar, input.frozenDates ?? []);
  // The budget is the whole plan's: building the model, and writing and checking the plan after the solve (measured at
  // about 50 µs per person-day on a 300 × 92 station; 80 leaves a margin), come out of it.
  const built = (performance.now() - started) / 1000;
  const writing = input.station.people.length * input.days * 80e-6;
  const result = solveStation(model, { seed, seconds: Math.max(0.2, seconds - built - writing), ...hooks });
  const { state } = result;
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
  const total = byRule.reduce((s, l) => s + l.penalty, 0);
  return {
    start: input.start,
    days: input.days,
    assignments,
    shortfalls,
    violations,
    kpis,
    suggestions,
    score: { total, hard, byRule },
    bound: result.bound,
    gap: gapOf(total, result.bound),
    redeploymentIds: [...new Set(assignments.flatMap((a) => (a.redeploymentId ? [a.redeploymentId] : [])))],
    solver: { seed, seconds: Math.round(result.seconds * 1000) / 1000, iterations: result.iterations, firstFeasibleScore: result.firstFeasibleScore },
  };
}

