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
import { WindowColumns } from './columns.ts';
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

  // ---- Column generation over the whole horizon (when the row programme is small enough) ------------------------
  let lowerBound = -Infinity;
  const fullFits = (() => {
    for (let e = 0; e < E; e++) {
      const n = dp.stateCount(e, st.a, e * D, 0, D);
      if (!(n <= dp.maxStates)) return false;
    }
    return true;
  })();
  const cgShare = Number(process.env.NRP_CGSHARE ?? 0.5);
  if (fullFits && cgShare > 0) {
    const cgDeadline = t0 + (deadline - t0) * cgShare;
    const cg = new WindowColumns(m, dp, 0, D, st.a);
    const setCell = (e: number, d: number, v: number): void => void st.set(e, d, v);
    while (performance.now() < cgDeadline && !cg.converged) {
      cg.generate(cgDeadline, 3);
      lowerBound = Math.max(lowerBound, cg.lowerBound);
      cg.select(random, 200_000, 20, 0.5, setCell);
      record();
      log(`columns: round ${cg.iterations}, LP ${cg.lpObjective.toFixed(1)}, bound ${cg.lowerBound.toFixed(1)}, pool ${cg.pool.reduce((n, p) => n + p.length, 0)}, best ${bestObj}, ${elapsed().toFixed(2)} s`);
    }
    for (let i = 0; i < 5 && performance.now() < cgDeadline; i++) {
      cg.select(random, 500_000, 20, 0.5, setCell);
      record();
    }
    log(`columns: best ${bestObj}, bound ${lowerBound.toFixed(1)}, ${elapsed().toFixed(2)} s`);
  }

  // ---- Large-neighbourhood search -------------------------------------------------------------------------------
  // Undo journal of the current move: (cell index, old value) pairs.
  let journal = new Int32Array(1024);
  let jn = 0;
  const setJ = (e: number, d: number, v: number): number => {
    const i = e * D + d;
    const old = st.a[i]!;
    if (old === v) return 0;
    if (jn + 2 > journal.length) {
      const bigger = new Int32Array(journal.length * 2);
      bigger.set(journal);
      journal = bigger;
    }
    journal[jn++] = i;
    journal[jn++] = old;
    return st.set(e, d, v);
  };
  const undo = (): void => {
    for (let j = jn - 2; j >= 0; j -= 2) {
      const i = journal[j]!;
      st.set((i / D) | 0, i % D, journal[j + 1]!);
    }
    jn = 0;
  };
  /** Best window for e via the journal; returns the objective change (NaN / Infinity when no window). */
  const reoptJ = (e: number, a0: number, b0: number, forceDay = -1, forceValue = -1): number => {
    fillCost(e, a0, b0);
    if (forceDay >= 0) for (let v = 0; v < V; v++) if (v !== forceValue) cost[(forceDay - a0) * V + v] = Infinity;
    const bestCost = dp.solve(e, st.a, e * D, a0, b0, cost, out);
    if (!Number.isFinite(bestCost)) return bestCost;
    let delta = 0;
    for (let d = a0; d < b0; d++) delta += setJ(e, d, out[d - a0]!);
    return delta;
  };

  const chosen: number[] = [];
  const isChosen = new Uint8Array(E);
  let moves = 0;
  let accepted = 0;
  const T0 = Number(process.env.NRP_T0 ?? 30);
  const T1 = Number(process.env.NRP_T1 ?? 0.5);
  let temperature = T0;
  const maxMoves = options.maxMoves ?? Infinity;
  const pForce = Number(process.env.NRP_PFORCE ?? 0.5);
  const cascadeMax = Number(process.env.NRP_CASCADE ?? 8);
  const candidates: number[] = [];
  while (moves < maxMoves) {
    if ((moves & 15) === 0 && performance.now() >= deadline) break;
    if (options.target !== undefined && bestObj <= options.target && bestHard === 0) break;
    moves++;
    jn = 0;
    let delta = 0;
    let failed = false;
    const len = Math.min(D, random() < 0.4 ? D : 7 + randInt(22));
    if (random() < pForce) {
      // Force one employee onto a cell (preferably an under-covered one), then let others respond.
      let d = randInt(D);
      let s = randInt(S);
      for (let tries = 0; tries < 20; tries++) {
        const dd = randInt(D);
        const ss = randInt(S);
        const c = dd * S + ss;
        if (coverCost(m, c, st.cnt[c]! + 1) < coverCost(m, c, st.cnt[c]!)) {
          d = dd;
          s = ss;
          break;
        }
      }
      candidates.length = 0;
      for (let e = 0; e < E; e++) if (m.allowed[(e * D + d) * V + s + 1] && st.a[e * D + d] !== s + 1) candidates.push(e);
      if (candidates.length === 0) continue;
      const e = candidates[randInt(candidates.length)]!;
      const a0 = Math.max(0, Math.min(d - randInt(len), D - len));
      const b0 = a0 + len;
      const r = reoptJ(e, a0, b0, d, s + 1);
      if (!Number.isFinite(r)) failed = true;
      else {
        delta += r;
        // Best-response dynamics of the others on the same window: sweeps in random order until one changes nothing.
        const sweepMax = Number(process.env.NRP_SWEEPS ?? 3);
        for (let sweep = 0; sweep < sweepMax; sweep++) {
          for (let i = E - 1; i > 0; i--) {
            const j = randInt(i + 1);
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          let improved = false;
          let n = 0;
          for (const f of order) {
            if (f === e && sweep === 0) continue;
            if (n++ >= cascadeMax) break;
            const rf = reoptJ(f, a0, b0);
            if (Number.isFinite(rf)) {
              delta += rf;
              if (rf < 0) improved = true;
            }
          }
          if (!improved) break;
        }
      }
    } else {
      const k = random() < 0.3 ? 1 : 2 + randInt(Math.min(4, E - 1));
      const a0 = randInt(D - len + 1);
      const b0 = a0 + len;
      chosen.length = 0;
      while (chosen.length < Math.min(k, E)) {
        const e = randInt(E);
        if (isChosen[e]) continue;
        isChosen[e] = 1;
        chosen.push(e);
      }
      for (const e of chosen) isChosen[e] = 0;
      if (k > 1) for (const e of chosen) for (let d = a0; d < b0; d++) delta += setJ(e, d, 0);
      for (const e of chosen) {
        const r = reoptJ(e, a0, b0);
        if (Number.isFinite(r)) delta += r;
        else {
          failed = true;
          break;
        }
      }
      if (!failed && k > 1) for (const e of chosen) delta += reoptJ(e, a0, b0);
    }
    const accept = !failed && (delta <= 0 || random() < Math.exp(-delta / temperature));
    if (accept) {
      accepted++;
      record();
    } else undo();
    if ((moves & 63) === 0) {
      const frac = Math.min(1, (performance.now() - t0) / (deadline - t0));
      temperature = T0 * Math.pow(T1 / T0, frac);
    }
  }

  const final = evaluate(m, best);
  log(`dp: ${dp.calls} calls, ${(dp.expanded / Math.max(1, dp.calls)).toFixed(0)} states/call`);
  log(`search: ${moves} moves, ${accepted} accepted, best ${final.objective} (hard ${final.hard}) at ${timeToBest.toFixed(3)} s`);
  return { assignment: best, objective: final.objective, hard: final.hard, timeToBest, seconds: elapsed(), moves, accepted, history };
}
