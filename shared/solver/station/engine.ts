// The station engine. Column generation's view of a station: each person's whole plan is one column, priced by a
// dynamic programme over their days (./pricing.ts) that holds every term of their own row; what links people is
// the cover of each post and the A/B coverage of each grid. The restricted master (./master.ts) mixes columns per
// person; its duals price the next round, and every round's prices give a proven Lagrangian bound (./bound.ts), so
// every plan carries one; where the master is too large, subgradient steps move the prices instead. Integer plans
// come from two starts — the greedy repair of the rotation, and a price-and-dive through the master (./dive.ts) —
// each settled by exact best responses and call-in transfers (./responses.ts) and annealed over cells (./local.ts);
// the best plan wins, and the solve stops as soon as its score equals the bound.
import type { Model } from '../model.ts';
import { random } from '../../random.ts';
import { anneal, keepPublished, repair, type AnnealOptions } from './local.ts';
import { StationBound } from './bound.ts';
import { MASTER_MAX_ROWS, StationMaster } from './master.ts';
import { RosterState } from './state.ts';
import { dive } from './dive.ts';
import { settle } from './responses.ts';

export type Progress = { elapsedSeconds: number; score: number; bound: number };

export type EngineOptions = {
  seed: number;
  /** Time budget in seconds. */
  seconds: number;
  /** Called about once a second with the best score and bound so far. */
  onProgress?: (p: Progress) => void;
  /** Asked between steps: true ends the solve with the best plan found so far. */
  shouldStop?: () => boolean;
};

export type EngineResult = {
  state: RosterState;
  score: number;
  /** Proven lower bound on the score of any plan (rounded up: every term is a whole number). */
  bound: number;
  firstFeasibleScore: number;
  /** Lagrangian rounds plus annealing proposals. */
  iterations: number;
  rounds: number;
  seconds: number;
};


export function solveStation(model: Model, options: EngineOptions): EngineResult {
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const elapsed = () => (performance.now() - started) / 1000;
  const rand = random(options.seed);
  const people = model.people.map((_, p) => p);
  const shuffled = () => {
    const out = [...people];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  let lastProgress = performance.now();
  let bestScore = Number.POSITIVE_INFINITY;
  let bestBound = Number.NEGATIVE_INFINITY;
  let annealBest = Number.POSITIVE_INFINITY;
  const progress = (force = false) => {
    if (!options.onProgress) return;
    const now = performance.now();
    if (!force && now - lastProgress < 1000) return;
    lastProgress = now;
    options.onProgress({ elapsedSeconds: Math.round(elapsed() * 10) / 10, score: Math.min(bestScore, annealBest), bound: Math.max(0, Math.ceil(bestBound - 1e-6)) });
  };
  const stop = () => performance.now() > deadline || options.shouldStop?.() === true;
  let iterations = 0;

  // Start 1: the rotation with the published days kept, short posts repaired greedily, then improved.
  const state = new RosterState(model);
  keepPublished(state);
  repair(state);
  const firstFeasibleScore = state.total();
  bestScore = firstFeasibleScore;
  const bound = new StationBound(model);
  const free = model.domains.filter((d) => d.length > 1).length;
  const annealCap = Math.min(3_000_000, Math.max(20_000, free * 60));
  let bestChoice = Int32Array.from(state.choice);
  progress(true);
  // The bound may take up to 75 % of the budget (when it converges, its rounding is often proven optimal); the plans
  // need the rest.
  const boundDeadline = started + options.seconds * 750;
  const boundStop = () => stop() || performance.now() > boundDeadline;

  // The bound. Column generation over a restricted master LP where the master is small enough; its duals are the
  // prices, and every pricing round gives a Lagrangian bound. Where the master is too large, or it has not converged
  // in time, projected subgradient steps on the same Lagrangian dual take over.
  let rounds = 0;
  let bestColumns: Int32Array[] | null = null;
  const proven = () => Math.ceil(bestBound - 1e-6) >= bestScore;
  const days = model.dates.length;
  const record = (value: number) => {
    if (value > bestBound + 1e-6) {
      bestBound = value;
      bestColumns = bound.columns.map((c) => Int32Array.from(c));
      return true;
    }
    return false;
  };
  let master: StationMaster | null = null;
  let converged = false;
  const start = model.people.map((_, p) => state.choice.slice(p * days, (p + 1) * days));
  const atRisk = StationMaster.atRisk(model, start);
  if (StationMaster.rowsWith(model, atRisk) <= MASTER_MAX_ROWS) {
    master = new StationMaster(model, start, model.people.map((_, p) => state.rowCost(p)), atRisk);
    const history: number[] = [];
    while (!boundStop() && !proven()) {
      const status = master.lp.solve(100_000, boundDeadline, options.shouldStop);
      if (status !== 'optimal' && status !== 'iteration-limit') {
        master = null;
        break;
      }
      master.prices(bound.prices);
      record(bound.evaluate(bestChoice));
      rounds++;
      progress();
      // A tailing-off master hands over to the dive: past 40 % of the budget, when three rounds lowered the master's
      // value by less than 0.2 % and the bound is within 2 % of it, the rounds end (a 92-day master's last rounds
      // take seconds each and move the bound by units; the dive needs that time).
      const value = master.lp.objective();
      history.push(value);
      const tailing = history.length > 3 && history[history.length - 4]! - value < 0.002 * Math.max(1, value) && bestBound >= 0.98 * value;
      if (status === 'optimal' && tailing && performance.now() > started + options.seconds * 400) {
        converged = true;
        break;
      }
      let added = 0;
      bound.priced.forEach((priced, p) => {
        if (priced.feasible && priced.reduced < master!.personDual(p) - 1e-6 && master!.add(p, priced.choice, priced.cost) !== undefined) added++;
      });
      // Coverage rows the LP now leaves short join the master (while it stays small enough).
      const missing = status === 'optimal' ? master.missingCoverage() : [];
      if (missing.length > 0) {
        const held = Uint8Array.from(master.held);
        for (const i of missing) held[i] = 1;
        if (StationMaster.rowsWith(model, held) > MASTER_MAX_ROWS) break;
        master = master.withRows(missing);
        continue;
      }
      // Every score is whole: once the bound rounds up to what the master's value rounds up to, more rounds cannot
      // raise it (the master's value only falls toward the bound). The tail of column generation is the slow part.
      if ((added === 0 && status === 'optimal') || (status === 'optimal' && Math.ceil(bestBound - 1e-6) >= Math.ceil(master.lp.objective() - 1e-3))) {
        converged = true;
        break;
      }
    }
  }
  if (!master) bound.warmStart(state);
  let step = 0.5;
  let sinceBetter = 0;
  while (!converged && !boundStop() && !proven() && step > 0.002 && rounds < 400) {
    const value = bound.evaluate(bestChoice);
    rounds++;
    if (record(value)) sinceBetter = 0;
    else if (++sinceBetter >= 4) {
      step /= 2;
      sinceBetter = 0;
    }
    progress();
    if (proven()) break;
    if (!bound.step(value, bestScore, step)) break;
  }
  iterations += rounds;

  /** The best plan so far becomes `plan` when `score` beats it. */
  const keepIfBetter = (score: number, plan: RosterState): void => {
    if (score < bestScore) {
      bestScore = score;
      bestChoice = Int32Array.from(plan.choice);
    }
  };
  /** Annealing options: progress shows the annealing's best as it goes (bestScore and bestChoice change after a run). */
  const annealing = (seed: number, seconds: number): AnnealOptions => ({
    seed,
    seconds,
    maxIterations: annealCap,
    shouldStop: options.shouldStop,
    onTick: (best) => {
      annealBest = Math.min(annealBest, best);
      progress();
    },
  });

  // Start 2: a price-and-dive through the master (or the columns of the best bound), repaired, then best responses.
  // The dive may use three quarters of what is left (it usually ends well before): the annealing needs the rest.
  const diveDeadline = performance.now() + ((deadline - performance.now()) * 3) / 4;
  const rounded: Int32Array[] | null =
    master && !stop() && !proven() ? dive(master, bound.pricer, bound.prices, { deadline: diveDeadline, shouldStop: options.shouldStop, prefer: bestChoice }) : bestColumns;
  let second: RosterState | null = null;
  if (rounded && !stop() && !proven()) {
    second = new RosterState(model);
    const s2 = second;
    rounded.forEach((choice, p) => {
      const ok = !model.hasLimits || bound.pricer.keepsLimits(p, choice);
      if (ok) for (let d = 0; d < days; d++) s2.set(p * days + d, choice[d]!);
    });
    repair(second);
    settle(second, bound.pricer, shuffled, deadline, options.shouldStop);
    keepIfBetter(second.total(), second);
  }
  // Start 1 settled too: best responses and call-in transfers are cheap, and annealing then starts lower.
  if (!stop() && !proven() && settle(state, bound.pricer, shuffled, deadline, options.shouldStop) > 0) keepIfBetter(state.total(), state);
  // Annealing over cells from both starts (the rounded one first), each with its share of the time left.
  const starts = second ? [second, state] : [state];
  starts.forEach((start, i) => {
    if (stop() || proven()) return;
    const seconds = Math.max(0.05, (deadline - performance.now()) / 1000 / (starts.length - i));
    const run = anneal(start, annealing(options.seed + starts.length - 1 - i, seconds));
    iterations += run.iterations;
    keepIfBetter(run.score, start);
  });
  // Best responses on the best plan: no single person can then improve it.
  for (let cell = 0; cell < state.choice.length; cell++) if (state.choice[cell] !== bestChoice[cell]) state.set(cell, bestChoice[cell]!);
  if (!stop() && !proven() && settle(state, bound.pricer, shuffled, deadline, options.shouldStop) > 0) bestScore = Math.min(bestScore, state.total());
  // While time is left and it still pays: anneal again from the best plan (another seed) and settle; the annealing
  // leaves the best plan it saw, so the state never gets worse.
  for (let round = 1; !stop() && !proven(); round++) {
    const run = anneal(state, annealing(options.seed + 100 + round, Math.max(0.05, (deadline - performance.now()) / 1000)));
    iterations += run.iterations;
    if (!stop()) settle(state, bound.pricer, shuffled, deadline, options.shouldStop);
    const score = state.total();
    if (score >= bestScore) break;
    bestScore = score;
  }
  progress(true);
  return {
    state,
    score: bestScore,
    bound: Math.max(0, Math.ceil(bestBound - 1e-6)),
    firstFeasibleScore,
    iterations,
    rounds,
    seconds: elapsed(),
  };
}
