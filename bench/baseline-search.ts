// The engine the product ran before column generation, kept as the benchmark's baseline: a greedy construction (the
// first feasible plan), then simulated annealing over three moves — change one day, swap two people's posts on a
// day, pull a candidate onto a short post — with incremental scoring. Both stages are the product's own
// (shared/solver/station/local.ts): the baseline is those stages alone, without the bound and the LP starts.
import { builtinCalendar } from '../shared/calendar/builtin.ts';
import type { StationConfig } from '../shared/domain/station.ts';
import { buildModel } from '../shared/solver/model.ts';
import { anneal, keepPublished, repair } from '../shared/solver/station/local.ts';
import { RosterState } from '../shared/solver/station/state.ts';

/** The old engine's plan score for a station and dates (no published roster, no approvals). */
export function baselineScore(station: StationConfig, start: string, days: number, seed: number, seconds: number): { score: number; seconds: number } {
  const began = performance.now();
  const state = new RosterState(buildModel(station, start, days, [], [], builtinCalendar(station.calendar)));
  const result = search(state, { seed, seconds });
  return { score: result.score, seconds: (performance.now() - began) / 1000 };
}

export type SearchOptions = { seed: number; seconds: number; maxIterations?: number; /** Skip the greedy construction (to measure the search alone). */ skipConstruction?: boolean };
export type SearchResult = { choice: Int32Array; score: number; firstFeasibleScore: number; iterations: number; seconds: number };

/** Greedy construction: published days first, then each short post gets the scarcest fitting person. */
export function construct(state: RosterState): void {
  keepPublished(state);
  repair(state);
}

/** Construction, then annealing within what is left of the budget; the best plan seen is left in the state. */
export function search(state: RosterState, options: SearchOptions): SearchResult {
  const started = performance.now();
  if (!options.skipConstruction) construct(state);
  const firstFeasibleScore = state.total();
  const left = Math.max(0, options.seconds - (performance.now() - started) / 1000);
  const annealed = anneal(state, { seed: options.seed, seconds: left, maxIterations: options.maxIterations });
  return { choice: Int32Array.from(state.choice), score: annealed.score, firstFeasibleScore, iterations: annealed.iterations, seconds: (performance.now() - started) / 1000 };
}
