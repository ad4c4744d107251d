// Column generation over a window of days (the whole horizon when it is short enough): the master LP chooses a
// convex combination of window rows ("columns") per employee and pays cover under/over through slack variables;
// RowDP prices new columns with the LP's duals (request penalties minus the cover duals of each cell), exactly, so
// the LP bound is the bound of the column formulation. The columns found on the way form a pool, and a simulated
// annealing over "one column per employee" (cheap: a column change is O(window) to score) turns the pool into
// rosters. Everything outside the window stays as it is; every column is feasible with it by construction.
import type { RowDP } from './dp.ts';
import { RevisedSimplex } from './lp.ts';
import { coverCost, type NrpModel } from './model.ts';

type Column = { values: Uint8Array; pref: number; lp: number };

export type PoolResult = { improved: boolean; delta: number; moves: number };

export class WindowColumns {
  readonly L: number;
  /** Cover entries whose day lies in the window: LP row E + i ↔ entry coverEntries[i]. */
  private readonly coverEntries: number[] = [];
  /** Per window cell (t * S + s): LP rows of its cover entries. */
  private readonly cellRows: number[][];
  readonly pool: Column[][];
  private readonly keys: Set<string>[];
  private readonly lp: RevisedSimplex;
  private readonly slack: number[] = [];
  lpObjective = NaN;
  lowerBound = -Infinity;
  lpSolved = false;
  converged = false;
  iterations = 0;
  private readonly cost: Float64Array;
  private readonly out: Uint8Array;
  private readonly pi: Float64Array;
  private readonly price: Float64Array;
  private center: Float64Array | undefined;
  /** Dual smoothing weight of the best-bound duals (0 disables). */
  alpha = Number(process.env.NRP_ALPHA ?? 0.5);
  smoothing = true;
  pivotsPerRound = Number(process.env.NRP_PIVOTS ?? 50_000);

  constructor(
    readonly m: NrpModel,
    readonly dp: RowDP,
    readonly a0: number,
    readonly b0: number,
    /** The current assignment (outside the window it is fixed; inside it gives the first columns). */
    readonly a: Uint8Array,
  ) {
    const { E, S, V } = m;
    this.L = b0 - a0;
    this.cellRows = Array.from({ length: this.L * S }, () => []);
    for (let d = a0; d < b0; d++)
      for (let s = 0; s < S; s++) {
        const c = d * S + s;
        for (let k = m.coverStart[c]!; k < m.coverStart[c + 1]!; k++) {
          this.cellRows[(d - a0) * S + s]!.push(E + this.coverEntries.length);
          this.coverEntries.push(k);
        }
      }
    const rows = E + this.coverEntries.length;
    const b = new Float64Array(rows);
    for (let e = 0; e < E; e++) b[e] = 1;
    this.coverEntries.forEach((k, i) => (b[E + i] = m.coverRequired[k]!));
    this.lp = new RevisedSimplex(rows, b);
    this.pi = new Float64Array(rows);
    this.price = new Float64Array(rows);
    // Slack columns: under (+1) and over (−1) per cover entry.
    this.coverEntries.forEach((k, i) => {
      this.slack.push(this.lp.addColumn(m.coverUnder[k]!, [E + i], [1]));
      this.slack.push(this.lp.addColumn(m.coverOver[k]!, [E + i], [-1]));
    });
    this.pool = Array.from({ length: E }, () => []);
    this.keys = Array.from({ length: E }, () => new Set());
    this.cost = new Float64Array(this.L * V);
    this.out = new Uint8Array(this.L);
    // Current rows as the first columns and a starting basis.
    const basis = new Int32Array(rows);
    const n = new Float64Array(rows);
    for (let e = 0; e < E; e++) {
      const j = this.add(e, a.subarray(e * m.D + a0, e * m.D + b0))!;
      basis[e] = this.pool[e]![j]!.lp;
      for (let t = 0; t < this.L; t++) {
        const v = a[e * m.D + a0 + t]!;
        if (v > 0) for (const r of this.cellRows[t * S + v - 1]!) n[r]!++;
      }
    }
    this.coverEntries.forEach((k, i) => {
      basis[E + i] = n[E + i]! <= b[E + i]! ? this.slack[2 * i]! : this.slack[2 * i + 1]!;
    });
    this.lpSolved = this.lp.setBasis(basis);
  }

  get rows(): number {
    return this.lp.m;
  }

  /** Add a column for employee e (window values); returns its pool index, or undefined if it was there. */
  add(e: number, values: ArrayLike<number>): number | undefined {
    const { m, a0 } = this;
    const { D, S, V } = m;
    let key = '';
    for (let t = 0; t < this.L; t++) key += String.fromCharCode(48 + values[t]!);
    const keys = this.keys[e]!;
    if (keys.has(key)) return undefined;
    keys.add(key);
    let pref = 0;
    const rows: number[] = [e];
    for (let t = 0; t < this.L; t++) {
      const v = values[t]!;
      pref += m.pref[(e * D + a0 + t) * V + v]!;
      if (v > 0) rows.push(...this.cellRows[t * S + v - 1]!);
    }
    const lp = this.lp.addColumn(pref, rows, new Array<number>(rows.length).fill(1));
    this.pool[e]!.push({ values: Uint8Array.from(values as ArrayLike<number>), pref, lp });
    return this.pool[e]!.length - 1;
  }

  /**
   * Column generation until the LP is optimal over all columns (no column prices out), the deadline, or
   * `maxRounds` rounds. Each round solves the master LP and prices every employee once.
   */
  generate(deadline: number, maxRounds = Infinity): void {
    const { m, a0, b0, cost, out } = this;
    const { E, D, S, V } = m;
    if (!this.lpSolved) return;
    const rows = this.lp.m;
    const pi = this.pi;
    for (let round = 0; round < maxRounds && performance.now() < deadline; round++) {
      const status = this.lp.solve(this.pivotsPerRound, deadline);
      if (status !== 'optimal') {
        this.lpSolved = status === 'iteration-limit';
        if (!this.lpSolved) return;
      }
      this.iterations++;
      this.lpObjective = this.lp.objective();
      const y = this.lp.y;
      // Cover duals clipped to [−over, under] (where the Lagrangian bound is valid).
      for (let i = E; i < rows; i++) {
        const k = this.coverEntries[i - E]!;
        pi[i] = Math.min(m.coverUnder[k]!, Math.max(-m.coverOver[k]!, y[i]!));
      }
      // Wentges smoothing: price at a point between the best-bound duals and the LP duals; fall back to the LP duals
      // when that finds nothing (a mis-price), so that "nothing found" still means "LP optimal".
      let alpha = this.center && this.smoothing ? this.alpha : 0;
      for (;;) {
        const price = this.price;
        for (let i = E; i < rows; i++) price[i] = alpha > 0 ? alpha * this.center![i]! + (1 - alpha) * pi[i]! : pi[i]!;
        let bound = 0;
        for (let i = E; i < rows; i++) bound += price[i]! * m.coverRequired[this.coverEntries[i - E]!]!;
        let exact = true;
        let added = 0;
        for (let e = 0; e < E; e++) {
          if (performance.now() >= deadline) return;
          for (let d = a0; d < b0; d++) {
            const cell = (e * D + d) * V;
            const t = (d - a0) * V;
            cost[t] = m.pref[cell]!;
            for (let v = 1; v < V; v++) {
              if (!m.allowed[cell + v]) {
                cost[t + v] = Infinity;
                continue;
              }
              let c = m.pref[cell + v]!;
              for (const r of this.cellRows[(d - a0) * S + v - 1]!) c -= price[r]!;
              cost[t + v] = c;
            }
          }
          const best = this.dp.solve(e, this.a, e * D, a0, b0, cost, out);
          if (!Number.isFinite(best)) {
            exact = false;
            continue;
          }
          bound += best;
          // Reduced cost of the column under the LP duals.
          let rc = -y[e]!;
          for (let t = 0; t < this.L; t++) {
            const v = out[t]!;
            rc += m.pref[(e * D + a0 + t) * V + v]!;
            if (v > 0) for (const r of this.cellRows[t * S + v - 1]!) rc -= pi[r]!;
          }
          if (rc < -1e-7 && this.add(e, out) !== undefined) added++;
        }
        if (exact && bound > this.lowerBound) {
          this.lowerBound = bound;
          this.center ??= new Float64Array(rows);
          this.center.set(price);
        }
        if (added > 0) break;
        if (alpha === 0) {
          this.converged = true;
          return;
        }
        alpha = 0;
      }
    }
  }

  /** LP value of each pool column of employee e (0 for non-basic). */
  lpValue(e: number, j: number): number {
    return this.lp.value(this.pool[e]![j]!.lp);
  }

  /**
   * Simulated annealing over one pool column per employee, starting from the current window rows (which are in the
   * pool), for `moves` moves. Applies the best selection found to `set(e, d, v)` when it improves on the start.
   */
  select(random: () => number, moves: number, t0: number, t1: number, set: (e: number, d: number, v: number) => void): PoolResult {
    const { m, a0, L, pool } = this;
    const { E, D, S } = m;
    const choice = new Int32Array(E);
    const cnt = new Int32Array(L * S);
    const keyOf = (vals: ArrayLike<number>): string => {
      let k = '';
      for (let t = 0; t < L; t++) k += String.fromCharCode(48 + vals[t]!);
      return k;
    };
    for (let e = 0; e < E; e++) {
      const cur = keyOf(this.a.subarray(e * D + a0, e * D + a0 + L));
      let j = pool[e]!.findIndex((c) => keyOf(c.values) === cur);
      if (j < 0) j = this.add(e, this.a.subarray(e * D + a0, e * D + a0 + L)) ?? 0;
      choice[e] = j;
      const col = pool[e]![j]!.values;
      for (let t = 0; t < L; t++) if (col[t]! > 0) cnt[t * S + col[t]! - 1]!++;
    }
    const cellCost = (t: number, s: number, n: number): number => coverCost(m, (a0 + t) * S + s, n);
    /** Objective change of switching e to column j; applies it when `apply`. */
    const change = (e: number, j: number, apply: boolean): number => {
      const from = pool[e]![choice[e]!]!;
      const to = pool[e]![j]!;
      let delta = to.pref - from.pref;
      const fv = from.values;
      const tv = to.values;
      for (let t = 0; t < L; t++) {
        const x = fv[t]!;
        const z = tv[t]!;
        if (x === z) continue;
        if (x > 0) {
          const c = t * S + x - 1;
          delta += cellCost(t, x - 1, cnt[c]! - 1) - cellCost(t, x - 1, cnt[c]!);
          cnt[c]!--;
        }
        if (z > 0) {
          const c = t * S + z - 1;
          delta += cellCost(t, z - 1, cnt[c]! + 1) - cellCost(t, z - 1, cnt[c]!);
          cnt[c]!++;
        }
      }
      if (!apply)
        for (let t = 0; t < L; t++) {
          const x = fv[t]!;
          const z = tv[t]!;
          if (x === z) continue;
          if (z > 0) cnt[t * S + z - 1]!--;
          if (x > 0) cnt[t * S + x - 1]!++;
        }
      else choice[e] = j;
      return delta;
    };
    const start = Int32Array.from(choice);
    let cur = 0;
    let best = 0;
    const bestChoice = Int32Array.from(choice);
    let temperature = t0;
    const cool = Math.pow(t1 / t0, 1 / Math.max(1, moves));
    for (let it = 0; it < moves; it++) {
      temperature *= cool;
      const e = Math.floor(random() * E);
      const n = pool[e]!.length;
      if (n < 2) continue;
      const j = Math.floor(random() * n);
      if (j === choice[e]) continue;
      const delta = change(e, j, false);
      if (delta <= 0 || random() < Math.exp(-delta / temperature)) {
        change(e, j, true);
        cur += delta;
        if (cur < best - 1e-9) {
          best = cur;
          bestChoice.set(choice);
        }
      }
    }
    if (best < -1e-9) {
      for (let e = 0; e < E; e++) {
        if (bestChoice[e] === start[e]) continue;
        const col = pool[e]![bestChoice[e]!]!.values;
        for (let t = 0; t < L; t++) set(e, a0 + t, col[t]!);
      }
      return { improved: true, delta: best, moves };
    }
    return { improved: false, delta: 0, moves };
  }
}
