// A small dense revised primal simplex for min cᵀx, Ax = b, x ≥ 0 with sparse columns, an explicit basis inverse
// (product updates, refactored from time to time) and a caller-supplied feasible starting basis. It is the master
// problem solver of the engine's column generation (a few hundred rows), not a general-purpose LP code.

export type LpStatus = 'optimal' | 'iteration-limit' | 'unbounded' | 'singular';

export class RevisedSimplex {
  /** Column data (CSC-like, growable). */
  private colStart: number[] = [0];
  private colRows: number[] = [];
  private colVals: number[] = [];
  readonly costs: number[] = [];
  /** Basis: column per row position, inverse (row-major m × m), basic values, duals. */
  readonly basis: Int32Array;
  private isBasic: Uint8Array = new Uint8Array(0);
  private binv: Float64Array;
  readonly xB: Float64Array;
  readonly y: Float64Array;
  private pivotsSinceRefactor = 0;
  private readonly work: Float64Array;
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
  }

  get columns(): number {
    return this.costs.length;
  }

  /** Add a column; returns its index. */
  addColumn(cost: number, rows: ArrayLike<number>, vals: ArrayLike<number>): number {
    for (let i = 0; i < rows.length; i++) {
      this.colRows.push(rows[i]!);
      this.colVals.push(vals[i]!);
    }
    this.colStart.push(this.colRows.length);
    this.costs.push(cost);
    if (this.isBasic.length < this.costs.length) {
      const bigger = new Uint8Array(Math.max(64, this.isBasic.length * 2));
      bigger.set(this.isBasic);
      this.isBasic = bigger;
    }
    return this.costs.length - 1;
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
  solve(maxIterations = 100_000, deadline = Infinity): LpStatus {
    const { m, binv, xB, y, work: d } = this;
    const tol = 1e-9;
    let degenerate = 0;
    for (let it = 0; it < maxIterations; it++) {
      if ((it & 31) === 31 && performance.now() >= deadline) return 'iteration-limit';
      // Pricing: Dantzig, or Bland after a run of degenerate pivots.
      const bland = degenerate > 50;
      let q = -1;
      let bestRc = -1e-9;
      const n = this.costs.length;
      for (let j = 0; j < n; j++) {
        if (this.isBasic[j]) continue;
        const rc = this.reducedCost(j);
        if (rc < bestRc) {
          q = j;
          bestRc = rc;
          if (bland) break;
        }
      }
      if (q < 0) return 'optimal';
      // FTRAN: d = B^{-1} a_q.
      d.fill(0);
      for (let k = this.colStart[q]!, end = this.colStart[q + 1]!; k < end; k++) {
        const r = this.colRows[k]!;
        const v = this.colVals[k]!;
        for (let i = 0; i < m; i++) d[i]! += binv[i * m + r]! * v;
      }
      // Harris ratio test: the largest pivot among the rows whose ratio is within the feasibility tolerance of the
      // smallest one.
      let thetaMax = Infinity;
      for (let i = 0; i < m; i++) {
        const di = d[i]!;
        if (di > 1e-7) {
          const t = (xB[i]! + 1e-9) / di;
          if (t < thetaMax) thetaMax = t;
        }
      }
      let p = -1;
      let pivMag = 0;
      for (let i = 0; i < m; i++) {
        const di = d[i]!;
        if (di > 1e-7 && xB[i]! / di <= thetaMax && di > pivMag) {
          p = i;
          pivMag = di;
        }
      }
      const theta = p < 0 ? Infinity : Math.max(0, xB[p]! / d[p]!);
      if (p < 0) return 'unbounded';
      degenerate = theta < 1e-12 ? degenerate + 1 : 0;
      void tol;
      // Update basic values.
      for (let i = 0; i < m; i++) if (i !== p) xB[i]! -= theta * d[i]!;
      xB[p] = theta;
      for (let i = 0; i < m; i++) if (xB[i]! < 0 && xB[i]! > -1e-9) xB[i] = 0;
      // Update the inverse.
      const dp = d[p]!;
      const rowP = p * m;
      for (let k = 0; k < m; k++) binv[rowP + k]! /= dp;
      for (let i = 0; i < m; i++) {
        if (i === p) continue;
        const f = d[i]!;
        if (f === 0) continue;
        const rowI = i * m;
        for (let k = 0; k < m; k++) binv[rowI + k]! -= f * binv[rowP + k]!;
      }
      // Duals: y += rc_q * (row p of the new inverse).
      for (let k = 0; k < m; k++) y[k]! += bestRc * binv[rowP + k]!;
      this.isBasic[this.basis[p]!] = 0;
      this.basis[p] = q;
      this.isBasic[q] = 1;
      this.iterations++;
      if (++this.pivotsSinceRefactor >= this.refactorEvery && !this.refactor()) return 'singular';
    }
    return 'iteration-limit';
  }
}
