// Restricted-master completion of a dive: when the dive runs out of time with some employees of the block still
// free, each free employee chooses one column (a window row that keeps all of its hard rules) from the pool that
// column generation filled, so that requests plus cover cost are least, given the fixed employees and everyone
// outside the block. It starts from the LP's most chosen columns and anneals over single and paired changes of
// choice; a change costs only the days where two columns differ. Rounding each free employee to its most chosen
// column instead lost hundreds of points on fractional LPs (e.g. 2619 against an LP of 1306 on Instance8).
import { coverCost, type NrpModel } from './model.ts';

export type PoolColumn = { values: Uint8Array; pref: number };

export type PoolChoice = { choice: Int32Array; objective: number; moves: number };

export type PoolProblem = {
  m: NrpModel;
  /** First day of the window; columns cover days a0 … a0 + L − 1. */
  a0: number;
  /** Columns per block position. */
  pools: readonly (readonly PoolColumn[])[];
  /** Cover of the window's cells (t * S + s) by everyone outside the block. */
  outside: Int32Array;
  /** Positions whose choice may change (the others keep `start`). */
  free: readonly number[];
};

/** Best choice found before `deadline` (performance.now() ms), starting from `start`. */
export function choosePoolColumns(problem: PoolProblem, start: Int32Array, deadline: number, random: () => number): PoolChoice {
  const { m, a0, pools, outside, free } = problem;
  const { S } = m;
  const L = outside.length / S;
  const choice = Int32Array.from(start);
  const cnt = Int32Array.from(outside);
  const cellCost = (t: number, s: number, n: number): number => coverCost(m, (a0 + t) * S + s, n);
  let objective = 0;
  pools.forEach((cols, p) => {
    const col = cols[choice[p]!]!;
    objective += col.pref;
    for (let t = 0; t < L; t++) if (col.values[t]! > 0) cnt[t * S + col.values[t]! - 1]!++;
  });
  for (let t = 0; t < L; t++) for (let s = 0; s < S; s++) objective += cellCost(t, s, cnt[t * S + s]!);
  const best = Int32Array.from(choice);
  let bestObjective = objective;

  /** Switch position p to column j; returns the change of objective. */
  const change = (p: number, j: number): number => {
    const from = pools[p]![choice[p]!]!;
    const to = pools[p]![j]!;
    let delta = to.pref - from.pref;
    for (let t = 0; t < L; t++) {
      const u = from.values[t]!;
      const v = to.values[t]!;
      if (u === v) continue;
      if (u > 0) {
        const c = t * S + u - 1;
        delta += cellCost(t, u - 1, cnt[c]! - 1) - cellCost(t, u - 1, cnt[c]!);
        cnt[c]!--;
      }
      if (v > 0) {
        const c = t * S + v - 1;
        delta += cellCost(t, v - 1, cnt[c]! + 1) - cellCost(t, v - 1, cnt[c]!);
        cnt[c]!++;
      }
    }
    choice[p] = j;
    return delta;
  };
  const pick = (p: number): number => {
    const n = pools[p]!.length;
    const j = Math.floor(random() * (n - 1));
    return j >= choice[p]! ? j + 1 : j;
  };

  const choosable = free.filter((p) => pools[p]!.length > 1);
  let moves = 0;
  if (choosable.length === 0) return { choice: best, objective: bestObjective, moves };
  const began = performance.now();
  const span = Math.max(1, deadline - began);
  // Temperatures on the scale of one request or one cover unit of the instance.
  const T0 = 10;
  const T1 = 0.2;
  let temperature = T0;
  for (;;) {
    if ((moves & 127) === 0) {
      const now = performance.now();
      if (now >= deadline) break;
      temperature = T0 * (T1 / T0) ** ((now - began) / span);
    }
    moves++;
    const p = choosable[Math.floor(random() * choosable.length)]!;
    const oldP = choice[p]!;
    let delta = change(p, pick(p));
    let q = -1;
    let oldQ = -1;
    if (choosable.length > 1 && random() < 0.5) {
      q = choosable[Math.floor(random() * choosable.length)]!;
      if (q === p) q = -1;
      else {
        oldQ = choice[q]!;
        delta += change(q, pick(q));
      }
    }
    if (delta <= 0 || random() < Math.exp(-delta / temperature)) {
      objective += delta;
      if (objective < bestObjective - 1e-9) {
        bestObjective = objective;
        best.set(choice);
      }
    } else {
      if (q >= 0) change(q, oldQ);
      change(p, oldP);
    }
  }
  return { choice: best, objective: bestObjective, moves };
}
