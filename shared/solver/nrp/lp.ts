// A small dense revised primal simplex for min cᵀx, Ax = b, x ≥ 0 with sparse columns, an explicit basis inverse
// (product updates, refactored from time to time) and a caller-supplied feasible starting basis. It is the master
// problem solver of the engine's column generation (a few hundred rows), not a general-purpose LP code.
import { grown } from './grow.ts';

/** Smallest pivot the ratio test accepts: smaller ones made the explicit inverse singular on large masters. */
const PIVOT_TOLERANCE = 1e-6;

/** Magnitude below which an entry of the pivot row or column counts as zero in the update of the inverse. */
const DROP = 1e-12;

export type LpStatus = 'optimal' | 'iteration-limit' | 'unbounded' | 'singular';

export class RevisedSimplex {
  /** Column data (CSC-like, growable). */
  private colStart = new Int32Array(1024);
  private colRows = new Int32Array(16384);
  private colVals = new Float64Array(16384);
  private nnz = 0;
  private n = 0;
  private costArr = new Float64Array(1024);
  /** Basis: column per row position, inverse (row-major m × m), basic values, duals. */
  readonly basis: Int32Array;
  private isBasic: Uint8Array = new Uint8Array(1024);
  /** 0 for a column taken out of pricing (it can still be basic until it leaves). */
  private active: Uint8Array = new Uint8Array(1024);
  private binv: Float64Array;
  readonly xB: Float64Array;
  readonly y: Float64Array;
  private pivotsSinceRefactor = 0;
  private readonly work: Float64Array;
  private readonly rowBuf: Float64Array;
  private readonly nzBuf: Int32Array;
  /** Density of the last sampled pivot row of the inverse (profiling). */
  density = 0;
  private rc = new Float64Array(0);
  private weight = new Float64Array(0);
  iterations = 0;
  refactorEvery = Number(process.env.NRP_REFACTOR ?? 1000);

  /** Right-hand side as solved: b plus a tiny deterministic perturbation against degenerate stalling. */
  readonly b: Float64Array;

  constructor(
    readonly m: number,
    b: Float64Array,
    perturbation = 1e-6,
  ) {
    this.b = Float64Array.from(b);
    let seed = 0x9e3779b9;
    for (let i = 0; i < m; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      this.b[i]! += perturbation * (1 + Math.abs(b[i]!)) * (0.5 + seed / 4294967296);
    }
    this.basis = new Int32Array(m).fill(-1);
    this.binv = new Float64Array(m * m);
    this.xB = new Float64Array(m);
    this.y = new Float64Array(m);
    this.work = new Float64Array(m);
    this.rowBuf = new Float64Array(m);
    this.nzBuf = new Int32Array(m);
  }

  get columns(): number {
    return this.n;
  }

  get costs(): Float64Array {
    return this.costArr;
  }

  /** Add a column; returns its index. */
  addColumn(cost: number, rows: ArrayLike<number>, vals: ArrayLike<number>): number {
    if (this.nnz + rows.length > this.colRows.length) {
      const size = Math.max(this.nnz + rows.length, this.colRows.length * 2);
      this.colRows = grown(this.colRows, size);
      this.colVals = grown(this.colVals, size);
    }
    // Per-column arrays grow together (they always have the same length).
    if (this.n + 2 > this.colStart.length) {
      const size = this.colStart.length * 2;
      this.colStart = grown(this.colStart, size);
      this.costArr = grown(this.costArr, size);
      this.isBasic = grown(this.isBasic, size);
      this.active = grown(this.active, size);
    }
    this.active[this.n] = 1;
    for (let i = 0; i < rows.length; i++) {
      this.colRows[this.nnz] = rows[i]!;
      this.colVals[this.nnz++] = vals[i]!;
    }
    this.costArr[this.n] = cost;
    this.colStart[++this.n] = this.nnz;
    return this.n - 1;
  }

  /** Take a column out of (or back into) pricing. */
  setActive(j: number, on: boolean): void {
    this.active[j] = on ? 1 : 0;
  }

  /** Change a column's cost (e.g. a large penalty to keep it out of the solution). */
  setCost(j: number, cost: number): void {
    this.costArr[j] = cost;
    if (this.isBasic[j]) {
      // Duals depend on basic costs: recompute them.
      const { m, binv } = this;
      this.y.fill(0);
      for (let i = 0; i < m; i++) {
        const c = this.costArr[this.basis[i]!]!;
        if (c === 0) continue;
        for (let k = 0; k < m; k++) this.y[k]! += c * binv[i * m + k]!;
      }
    }
  }

  /** Values of all columns in the current basic solution. */
  values(): Float64Array {
    const x = new Float64Array(this.n);
    for (let i = 0; i < this.m; i++) x[this.basis[i]!] = this.xB[i]!;
    return x;
  }

  /** x value of a column in the current basic solution. */
  value(j: number): number {
    if (!this.isBasic[j]) return 0;
    for (let i = 0; i < this.m; i++) if (this.basis[i] === j) return this.xB[i]!;
    return 0;
  }

  objective(): number {
    let z = 0;
    for (let i = 0; i < this.m; i++) z += this.costs[this.basis[i]!]! * this.xB[i]!;
    return z;
  }

  /** Reduced cost of column j under the current duals. */
  reducedCost(j: number): number {
    let rc = this.costs[j]!;
    for (let k = this.colStart[j]!, end = this.colStart[j + 1]!; k < end; k++) rc -= this.y[this.colRows[k]!]! * this.colVals[k]!;
    return rc;
  }

  /** Install a basis (one column per row) and factor it; false when it is singular. */
  setBasis(cols: ArrayLike<number>): boolean {
    for (let i = 0; i < this.m; i++) {
      const old = this.basis[i]!;
      if (old >= 0) this.isBasic[old] = 0;
    }
    for (let i = 0; i < this.m; i++) {
      this.basis[i] = cols[i]!;
      this.isBasic[cols[i]!] = 1;
    }
    return this.refactor();
  }

  /** Recompute the basis inverse (Gauss–Jordan with partial pivoting), basic values and duals. */
  refactor(): boolean {
    const { m } = this;
    // Dense basis matrix, then invert in place into binv.
    const a = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      const j = this.basis[i]!;
      for (let k = this.colStart[j]!, end = this.colStart[j + 1]!; k < end; k++) a[this.colRows[k]! * m + i] = this.colVals[k]!;
    }
    const inv = this.binv;
    inv.fill(0);
    for (let i = 0; i < m; i++) inv[i * m + i] = 1;
    for (let col = 0; col < m; col++) {
      let p = -1;
      let best = 1e-10;
      for (let r = col; r < m; r++) {
        const v = Math.abs(a[r * m + col]!);
        if (v > best) {
          best = v;
          p = r;
        }
      }
      if (p < 0) return false;
      if (p !== col) {
        for (let k = 0; k < m; k++) {
          let t = a[p * m + k]!;
          a[p * m + k] = a[col * m + k]!;
          a[col * m + k] = t;
          t = inv[p * m + k]!;
          inv[p * m + k] = inv[col * m + k]!;
          inv[col * m + k] = t;
        }
      }
      const piv = a[col * m + col]!;
      for (let k = 0; k < m; k++) {
        a[col * m + k]! /= piv;
        inv[col * m + k]! /= piv;
      }
      for (let r = 0; r < m; r++) {
        if (r === col) continue;
        const f = a[r * m + col]!;
        if (f === 0) continue;
        for (let k = col; k < m; k++) a[r * m + k]! -= f * a[col * m + k]!;
        for (let k = 0; k < m; k++) inv[r * m + k]! -= f * inv[col * m + k]!;
      }
    }
    // inv is now (B)^{-1} with rows indexed by basis position: B columns were placed at positions i, so inv = B^{-1}.
    this.recomputeValues();
    this.pivotsSinceRefactor = 0;
    return true;
  }

  private recomputeValues(): void {
    const { m, binv } = this;
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += binv[i * m + k]! * this.b[k]!;
      this.xB[i] = s < 0 && s > -1e-9 ? 0 : s;
    }
    this.y.fill(0);
    for (let i = 0; i < m; i++) {
      const c = this.costs[this.basis[i]!]!;
      if (c === 0) continue;
      for (let k = 0; k < m; k++) this.y[k]! += c * binv[i * m + k]!;
    }
  }

  /** Primal simplex from the current (feasible) basis. */
  /** Make sure the reduced-cost and Devex arrays cover every column. */
  private ensurePricing(): void {
    const n = this.n;
    if (this.rc.length >= n) return;
    const size = Math.max(n, this.rc.length * 2);
    this.rc = new Float64Array(size);
    const w = new Float64Array(size).fill(1);
    w.set(this.weight.subarray(0, Math.min(this.weight.length, size)));
    this.weight = w;
  }

  /** Reduced costs of every column from the current duals. */
  private price(): void {
    const { n, colStart, colRows, colVals, costArr: costs, isBasic, rc, y, active } = this;
    for (let j = 0; j < n; j++) {
      if (isBasic[j] || !active[j]) {
        rc[j] = 0;
        continue;
      }
      let r = costs[j]!;
      for (let k = colStart[j]!, end = colStart[j + 1]!; k < end; k++) r -= y[colRows[k]!]! * colVals[k]!;
      rc[j] = r;
    }
  }

  /** d = B^{-1} a_q (into this.work). */
  private ftran(q: number): Float64Array {
    const { m, binv, work: d, colStart, colRows, colVals } = this;
    d.fill(0);
    for (let k = colStart[q]!, end = colStart[q + 1]!; k < end; k++) {
      const r = colRows[k]!;
      const v = colVals[k]!;
      for (let i = 0; i < m; i++) d[i]! += binv[i * m + r]! * v;
    }
    return d;
  }

  /**
   * Basis change: column q enters at row position p with direction d = B^{-1} a_q and step θ. Updates the basic
   * values, the inverse, the duals, the reduced costs and the Devex weights.
   */
  private pivot(p: number, q: number, d: Float64Array, theta: number): void {
    const { m, binv, xB, y, rc, weight, isBasic, rowBuf: rowP, nzBuf: nzP, colStart, colRows, colVals, n, active } = this;
    for (let i = 0; i < m; i++) if (i !== p) xB[i]! -= theta * d[i]!;
    xB[p] = theta;
    for (let i = 0; i < m; i++) if (xB[i]! < 0 && xB[i]! > -1e-9) xB[i] = 0;
    const dp = d[p]!;
    const rowPStart = p * m;
    let nnzP = 0;
    // Entries below DROP are round-off fill-in (a quarter of the nonzeros on the engine's masters): dropped, they
    // save their share of the update below; the inverse is refactored from the basis every `refactorEvery` pivots.
    for (let k = 0; k < m; k++) {
      let v = binv[rowPStart + k]! / dp;
      if (v < DROP && v > -DROP) v = 0;
      binv[rowPStart + k] = v;
      rowP[k] = v;
      if (v !== 0) nzP[nnzP++] = k;
    }
    // Rank-one update of the inverse; a contiguous loop when row p is dense (no index indirection).
    const dense = nnzP * 3 > m;
    for (let i = 0; i < m; i++) {
      if (i === p) continue;
      const f = d[i]!;
      if (f < DROP && f > -DROP) continue;
      const rowI = i * m;
      if (dense) {
        for (let k = 0; k < m; k++) binv[rowI + k]! -= f * rowP[k]!;
      } else
        for (let t = 0; t < nnzP; t++) {
          const k = nzP[t]!;
          binv[rowI + k]! -= f * rowP[k]!;
        }
    }
    const rcq = rc[q]!;
    for (let t = 0; t < nnzP; t++) {
      const k = nzP[t]!;
      y[k]! += rcq * rowP[k]!;
    }
    const leaving = this.basis[p]!;
    isBasic[leaving] = 0;
    this.basis[p] = q;
    isBasic[q] = 1;
    const wq = weight[q]!;
    for (let j = 0; j < n; j++) {
      if (isBasic[j] || !active[j]) continue;
      let beta = 0;
      for (let k = colStart[j]!, end = colStart[j + 1]!; k < end; k++) beta += rowP[colRows[k]!]! * colVals[k]!;
      if (beta === 0) continue;
      rc[j]! -= rcq * beta;
      const w = beta * beta * wq;
      if (w > weight[j]!) weight[j] = w;
    }
    rc[q] = 0;
    // The leaving column's reduced cost: −rc_q / d_p (β of a basic column is 1/d_p); 0 when it is out of pricing.
    rc[leaving] = active[leaving] ? -rcq / dp : 0;
    weight[leaving] = Math.max(wq / (dp * dp), 1);
    if (wq > 1e8) weight.fill(1, 0, n); // Devex reset
    this.iterations++;
  }

  /** Primal simplex from the current (feasible) basis. `shouldStop` ends it early like the deadline (a cancelled job). */
  solve(maxIterations = 100_000, deadline = Infinity, shouldStop?: () => boolean): LpStatus {
    const { m, xB } = this;
    this.ensurePricing();
    const rc = this.rc;
    const weight = this.weight;
    const isBasic = this.isBasic;
    this.price();
    for (let it = 0; it < maxIterations; it++) {
      if ((it & 31) === 31 && (performance.now() >= deadline || shouldStop?.() === true)) return 'iteration-limit';
      const n = this.n;
      // Devex pricing: the largest rc² / weight among the columns with a negative reduced cost.
      let q = -1;
      let bestScore = -1;
      for (let j = 0; j < n; j++) {
        const r = rc[j]!;
        if (r < -1e-9 && !isBasic[j]) {
          const score = (r * r) / weight[j]!;
          if (score > bestScore) {
            bestScore = score;
            q = j;
          }
        }
      }
      if (q < 0) {
        // Confirm with fresh reduced costs (the updates drift).
        this.price();
        let again = false;
        for (let j = 0; j < n; j++)
          if (rc[j]! < -1e-9 && !isBasic[j]) {
            again = true;
            break;
          }
        if (!again) return 'optimal';
        continue;
      }
      const d = this.ftran(q);
      // Harris ratio test: the largest pivot among the rows whose ratio is within the feasibility tolerance of the
      // smallest one.
      let thetaMax = Infinity;
      for (let i = 0; i < m; i++) {
        const di = d[i]!;
        if (di > PIVOT_TOLERANCE) {
          const t = (xB[i]! + 1e-9) / di;
          if (t < thetaMax) thetaMax = t;
        }
      }
      let p = -1;
      let pivMag = 0;
      for (let i = 0; i < m; i++) {
        const di = d[i]!;
        if (di > PIVOT_TOLERANCE && xB[i]! / di <= thetaMax && di > pivMag) {
          p = i;
          pivMag = di;
        }
      }
      if (p < 0) return 'unbounded';
      this.pivot(p, q, d, Math.max(0, xB[p]! / d[p]!));
      if (++this.pivotsSinceRefactor >= this.refactorEvery) {
        if (!this.refactor()) return 'singular';
        this.price();
      }
    }
    return 'iteration-limit';
  }
}
