// Column generation for a block of the roster: a set of employees K over a window of days [a0, b0) (the whole roster
// when K is everybody and the window is the horizon), everything else fixed. The master LP chooses a convex
// combination of window rows ("columns") per employee of K and pays cover under/over through slack variables, with
// the cover of the employees outside K taken off the requirement. RowDP prices new columns exactly with the LP's duals
// (request penalties minus the cover duals of each cell), so the LP bound is the bound of the column formulation for
// the block: no roster of the block costs less. Diving (fix the most chosen column, re-optimise, repeat) turns the LP
// into a roster. Every column is feasible with the fixed days of its row by construction.
import type { RowDP } from './dp.ts';
import { RevisedSimplex } from './lp.ts';
import { choosePoolColumns } from './pool.ts';
import { random as seededRandom } from '../../random.ts';
import type { NrpModel } from './model.ts';

type Column = { values: Uint8Array; pref: number; lp: number };

/** Cost that keeps a column out of the LP once its employee is fixed to another column. */
const BIG = 1e6;

export class BlockColumns {
  readonly L: number;
  readonly K: number;
  /** Cover entries whose day lies in the window: LP row K + i ↔ entry coverEntries[i]. */
  private readonly coverEntries: number[] = [];
  /** Per window cell (t * S + s): LP rows of its cover entries. */
  private readonly cellRows: number[][];
  /** Per employee position p: its pool of columns. */
  readonly pool: Column[][];
  private readonly keys: Set<string>[];
  private readonly lp: RevisedSimplex;
  /** Column index fixed per employee position by the dive (−1: free). */
  readonly fixed: Int32Array;
  lpObjective = NaN;
  /** Lagrangian lower bound on the block's cost (requests of K in the window + cover of the window's cells). */
  lowerBound = -Infinity;
  lpSolved = false;
  converged = false;
  rounds = 0;
  private readonly cost: Float64Array;
  /** True right-hand side (the LP solves a slightly perturbed one). */
  private readonly trueB: Float64Array;
  private readonly out: Uint8Array;
  private readonly pi: Float64Array;
  private readonly price: Float64Array;
  private center: Float64Array | undefined;
  private priceStart = 0;
  /** Lagrangian bound of the block with the dive's fixings, from the last full pricing round (−Infinity if none). */
  stepBound = -Infinity;
  /**
   * A dive's step stops its column generation once the LP fell by less than this share over three rounds: the LP
   * tails off by hundredths for ten rounds and more after each fixing (Instance8: a dive of 8 s became one of 2 s,
   * rosters of the same quality).
   */
  tail = 1e-3;
  /** Dual smoothing weight of the best-bound duals (Wentges; 0 disables). */
  alpha = 0.5;
  /** Cover of each window cell (t * S + s) by the employees outside the block. */
  private readonly outside: Int32Array;

  constructor(
    readonly m: NrpModel,
    readonly dp: RowDP,
    /** Employees of the block. */
    readonly employees: readonly number[],
    readonly a0: number,
    readonly b0: number,
    /** The current assignment: outside the block it is fixed; inside it gives the first columns. */
    readonly a: Uint8Array,
  ) {
    const { D, S, V } = m;
    const K = employees.length;
    this.K = K;
    this.L = b0 - a0;
    this.cellRows = Array.from({ length: this.L * S }, () => []);
    const inBlock = new Uint8Array(m.E);
    for (const e of employees) inBlock[e] = 1;
    // Cover of the employees outside the block, per window cell.
    const others = new Int32Array(this.L * S);
    for (let e = 0; e < m.E; e++) {
      if (inBlock[e]) continue;
      for (let d = a0; d < b0; d++) {
        const v = a[e * D + d]!;
        if (v > 0) others[(d - a0) * S + v - 1]!++;
      }
    }
    this.outside = others;
    const required: number[] = [];
    for (let d = a0; d < b0; d++)
      for (let s = 0; s < S; s++) {
        const c = d * S + s;
        for (let k = m.coverStart[c]!; k < m.coverStart[c + 1]!; k++) {
          this.cellRows[(d - a0) * S + s]!.push(K + this.coverEntries.length);
          this.coverEntries.push(k);
          required.push(m.coverRequired[k]! - others[(d - a0) * S + s]!);
        }
      }
    const rows = K + this.coverEntries.length;
    const b = new Float64Array(rows);
    for (let p = 0; p < K; p++) b[p] = 1;
    required.forEach((r, i) => {
      b[K + i] = r;
    });
    this.lp = new RevisedSimplex(rows, b);
    this.trueB = b;
    this.pi = new Float64Array(rows);
    this.price = new Float64Array(rows);
    const slack: number[] = [];
    this.coverEntries.forEach((k, i) => {
      slack.push(this.lp.addColumn(m.coverUnder[k]!, [K + i], [1]));
      slack.push(this.lp.addColumn(m.coverOver[k]!, [K + i], [-1]));
    });
    this.pool = Array.from({ length: K }, () => []);
    this.fixed = new Int32Array(K).fill(-1);
    this.keys = Array.from({ length: K }, () => new Set());
    this.cost = new Float64Array(this.L * V);
    this.out = new Uint8Array(this.L);
    // Current rows as the first columns and a starting basis (slack under or over by the sign of the gap).
    const basis = new Int32Array(rows);
    const n = new Float64Array(rows);
    employees.forEach((e, p) => {
      const j = this.add(p, a.subarray(e * D + a0, e * D + b0))!;
      basis[p] = this.pool[p]![j]!.lp;
      for (let t = 0; t < this.L; t++) {
        const v = a[e * D + a0 + t]!;
        if (v > 0) for (const r of this.cellRows[t * S + v - 1]!) n[r]!++;
      }
    });
    for (let i = 0; i < this.coverEntries.length; i++) basis[K + i] = n[K + i]! <= b[K + i]! ? slack[2 * i]! : slack[2 * i + 1]!;
    this.lpSolved = this.lp.setBasis(basis);
  }

  get rows(): number {
    return this.lp.m;
  }

  /** Simplex pivots so far (profiling). */
  get pivots(): number {
    return this.lp.iterations;
  }

  /** Simplex work so far, in the units of RowDP's expanded states (a pivot ≈ rows² / 25 of them). */
  get work(): number {
    return (this.lp.iterations * this.lp.m * this.lp.m) / 25;
  }

  /** Add a column for the employee at position p (window values); returns its pool index, or undefined if known. */
  add(p: number, values: ArrayLike<number>): number | undefined {
    const { m, a0 } = this;
    const { D, S, V } = m;
    const e = this.employees[p]!;
    let key = '';
    for (let t = 0; t < this.L; t++) key += String.fromCharCode(48 + values[t]!);
    const keys = this.keys[p]!;
    if (keys.has(key)) return undefined;
    keys.add(key);
    let pref = 0;
    const rows: number[] = [p];
    for (let t = 0; t < this.L; t++) {
      const v = values[t]!;
      pref += m.pref[(e * D + a0 + t) * V + v]!;
      if (v > 0) rows.push(...this.cellRows[t * S + v - 1]!);
    }
    const lp = this.lp.addColumn(pref, rows, new Array<number>(rows.length).fill(1));
    this.pool[p]!.push({ values: Uint8Array.from(values as ArrayLike<number>), pref, lp });
    return this.pool[p]!.length - 1;
  }

  /**
   * Column generation until the LP is optimal over all columns (no column prices out), the deadline, or `maxRounds`
   * rounds. Each round solves the master LP and prices every free employee once, at duals smoothed towards the
   * best-bound duals; a round that finds nothing there prices again at the LP duals, so that "nothing found" still
   * means "LP optimal".
   */
  generate(deadline: number, maxRounds = Infinity, gap = 0, partial = 0, tail = 0): void {
    const history = [Infinity, Infinity, Infinity];
    const { m, a0, b0, cost, out, K } = this;
    const { D, S, V } = m;
    if (!this.lpSolved) return;
    const rows = this.lp.m;
    const pi = this.pi;
    const price = this.price;
    const anyFixed = this.fixed.some((j) => j >= 0);
    let stepBound = -Infinity;
    this.stepBound = -Infinity;
    let round = 0;
    for (; round < maxRounds && performance.now() < deadline; round++) {
      const status = this.lp.solve(50_000, deadline);
      if (status !== 'optimal') {
        this.lpSolved = status === 'iteration-limit';
        if (!this.lpSolved || performance.now() >= deadline) return;
      }
      this.rounds++;
      this.lpObjective = this.lp.objective();
      // Tailing off (dives): the LP fell by less than `tail` (relative) over the last three rounds.
      if (tail > 0 && round >= 3 && history[(round - 3) % 3]! - this.lpObjective < tail * Math.max(1, Math.abs(this.lpObjective))) break;
      history[round % 3] = this.lpObjective;
      // The block's bound (valid under any fixing) already within `gap` of the LP: no column can improve it enough
      // to matter, so the dive needs no pricing here (most of a dive's steps on tight LPs).
      if (gap > 0 && this.lowerBound > this.lpObjective - gap) {
        this.converged = true;
        break;
      }
      const y = this.lp.y;
      // Cover duals clipped to [−over, under], where the Lagrangian bound is valid.
      for (let i = K; i < rows; i++) {
        const k = this.coverEntries[i - K]!;
        pi[i] = Math.min(m.coverUnder[k]!, Math.max(-m.coverOver[k]!, y[i]!));
      }
      let alpha = this.center ? this.alpha : 0;
      for (;;) {
        for (let i = K; i < rows; i++) price[i] = alpha > 0 ? alpha * this.center![i]! + (1 - alpha) * pi[i]! : pi[i]!;
        let bound = 0;
        for (let i = K; i < rows; i++) bound += price[i]! * this.trueB[i]!;
        let exact = true;
        let added = 0;
        // Partial pricing (dives): start where the last round stopped and stop once `partial` columns are found.
        const first = partial > 0 ? this.priceStart : 0;
        for (let i = 0; i < K; i++) {
          const p = (first + i) % K;
          if (performance.now() >= deadline) return;
          if (partial > 0 && added >= partial) {
            exact = false;
            this.priceStart = p;
            break;
          }
          if (this.fixed[p]! >= 0) {
            // Its only column: the fixed one.
            const col = this.pool[p]![this.fixed[p]!]!;
            let c = col.pref;
            for (let t = 0; t < this.L; t++) {
              const v = col.values[t]!;
              if (v > 0) for (const r of this.cellRows[t * S + v - 1]!) c -= price[r]!;
            }
            bound += c;
            continue;
          }
          const e = this.employees[p]!;
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
          let rc = -y[p]!;
          for (let t = 0; t < this.L; t++) {
            const v = out[t]!;
            rc += m.pref[(e * D + a0 + t) * V + v]!;
            if (v > 0) for (const r of this.cellRows[t * S + v - 1]!) rc -= pi[r]!;
          }
          if (rc < -1e-6 && this.add(p, out) !== undefined) added++;
        }
        if (exact && anyFixed && bound > stepBound) this.stepBound = stepBound = bound;
        if (exact && !anyFixed) {
          if (bound > this.lowerBound) {
            this.lowerBound = bound;
            this.center ??= new Float64Array(rows);
            this.center.set(price);
          }
        }
        // Close enough: the LP cannot fall by `gap` any more (used by the dive between fixings).
        if (gap > 0 && (anyFixed ? stepBound : this.lowerBound) > this.lpObjective - gap) {
          this.converged = true;
          break;
        }
        if (added > 0) break;
        if (alpha === 0) {
          this.converged = true;
          return;
        }
        alpha = 0;
      }
      if (this.converged) break;
    }
    // Leave the LP optimal over the columns found (the dive reads its values).
    if ((round >= maxRounds || this.converged) && performance.now() < deadline) {
      const status = this.lp.solve(50_000, deadline);
      if (status !== 'optimal' && status !== 'iteration-limit') this.lpSolved = false;
      else this.lpObjective = this.lp.objective();
    }
  }

  /** Per employee position, the pool index of its most chosen column in the current LP solution. */
  lpChoice(): Int32Array {
    const x = this.lp.values();
    return Int32Array.from(this.pool, (cols) => {
      let top = 0;
      cols.forEach((c, j) => {
        if (x[c.lp]! > x[cols[top]!.lp]!) top = j;
      });
      return top;
    });
  }

  /** Fix the employee at position p to pool column j: every other column of p gets a prohibitive cost. */
  fix(p: number, j: number): void {
    this.fixed[p] = j;
    this.pool[p]!.forEach((c, i) => {
      if (i !== j) {
        this.lp.setCost(c.lp, BIG);
        this.lp.setActive(c.lp, false);
      }
    });
    this.converged = false;
  }

  /** Undo every fixing (the LP goes back to the whole block, with every column found so far). */
  reset(): void {
    for (let p = 0; p < this.K; p++) {
      if (this.fixed[p]! < 0) continue;
      for (const c of this.pool[p]!) {
        this.lp.setCost(c.lp, c.pref);
        this.lp.setActive(c.lp, true);
      }
      this.fixed[p] = -1;
    }
    this.converged = false;
    this.lpSolved = true;
  }

  /**
   * LP diving: re-optimise the LP with column generation (up to `roundsPerStep` rounds), then fix the employees whose
   * top column has value ≥ `threshold` and the one whose top column has the largest value, until everybody is fixed.
   * Writes the fixed columns through `set` and returns true; false when the deadline stopped it (nothing written).
   */
  dive(deadline: number, roundsPerStep: number, threshold: number, set: (e: number, d: number, v: number) => void, batch = 0, random?: () => number, gap = 0, complete = false, partial = 0, cutoff = Infinity): boolean {
    const { K } = this;
    const cand: { p: number; j: number; v: number }[] = [];
    let stepTime = 0;
    let steps = 0;
    // A share of the time is kept for completing the dive from the pools if the fixing does not finish.
    const fixDeadline = complete ? deadline - Math.min(1000, 0.08 * (deadline - performance.now())) : deadline;
    while (performance.now() < fixDeadline) {
      const stepStart = performance.now();
      this.converged = false;
      this.generate(fixDeadline, roundsPerStep, gap, partial, this.tail);
      if (!this.lpSolved) return false;
      // No roster of this branch can beat the cutoff (the incumbent): give up.
      if (this.stepBound >= cutoff) return false;
      const x = this.lp.values();
      cand.length = 0;
      for (let p = 0; p < K; p++) {
        if (this.fixed[p]! >= 0) continue;
        let topJ = 0;
        let topV = -1;
        this.pool[p]!.forEach((c, j) => {
          const v = x[c.lp]!;
          if (v > topV) {
            topV = v;
            topJ = j;
          }
        });
        // A random tie-breaker (and a little noise) for the randomised dives.
        cand.push({ p, j: topJ, v: random ? topV + 0.3 * random() : topV });
      }
      if (cand.length === 0) break;
      cand.sort((a, b) => b.v - a.v);
      // Fix more at once when the steps so far say that the deadline would come first.
      steps++;
      stepTime += performance.now() - stepStart;
      const stepsLeft = Math.max(1, Math.floor((0.9 * (fixDeadline - performance.now())) / (stepTime / steps)));
      // (A dive that may be completed from the pools does not hurry: the completion handles what is left.)
      const count = Math.max(1, Math.ceil(cand.length * batch), complete ? 0 : Math.ceil(cand.length / stepsLeft), cand.filter((c) => c.v >= threshold).length);
      for (let i = 0; i < count && i < cand.length; i++) this.fix(cand[i]!.p, cand[i]!.j);
    }
    if (this.fixed.some((j) => j < 0)) {
      if (!complete) return false;
      // Out of time: the free employees choose among their pools' columns, from the LP's most chosen ones.
      const start = this.lpChoice();
      const free: number[] = [];
      for (let p = 0; p < K; p++) {
        if (this.fixed[p]! >= 0) start[p] = this.fixed[p]!;
        else free.push(p);
      }
      const chosen = choosePoolColumns({ m: this.m, a0: this.a0, pools: this.pool, outside: this.outside, free }, start, Math.max(deadline, performance.now() + 20), random ?? seededRandom(K * 7919 + this.a0));
      for (const p of free) this.fixed[p] = chosen.choice[p]!;
    }
    this.employees.forEach((e, p) => {
      const col = this.pool[p]![this.fixed[p]!]!.values;
      for (let t = 0; t < this.L; t++) set(e, this.a0 + t, col[t]!);
    });
    return true;
  }
}
