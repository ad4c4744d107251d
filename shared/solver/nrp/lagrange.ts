// A whole row for one employee over the whole horizon, fast, for long horizons where RowDP's exact programme (which
// carries minutes, weekends and type counts in its state) is too large: a dynamic programme whose state is only the
// value of the day before and the length of the current run (so successions, run limits and days off hold exactly),
// with the row's resources priced instead of counted (Lagrangian relaxation): a price per minute worked, per weekend
// worked and per shift of a capped type. The prices are adjusted (bisection on the minute price, doubling steps on
// the others) until the row keeps its minute band, weekend cap and type caps; the row is then feasible for every rule
// of the employee (checked by the evaluator's own row check before it is returned).
import { rowBreaks } from './evaluate.ts';
import type { NrpModel } from './model.ts';

export class LagrangeRow {
  private best = new Float64Array(0);
  private parent = new Int32Array(0);
  private readonly row: Uint8Array;
  /** Programmes solved (for profiling). */
  calls = 0;
  /** Violation of the row left in `out` by the last `solve` (0: feasible; else minutes short or over in shifts of
   *  480 minutes, plus weekends and shifts over their caps): a near row for an exact repair to finish. */
  violation = Infinity;

  /** A small fixed tilt per (day, value), below one cost unit: it breaks the many ties between equally priced days
   *  (e.g. every over-covered cell costs the same), so that the minutes move a shift at a time with the price. */
  private readonly noise: Float64Array;

  constructor(readonly m: NrpModel) {
    this.row = new Uint8Array(m.D);
    this.noise = new Float64Array(m.D * m.V);
    this.reseed(0x2545f491);
  }

  /** A different tilt (another try at a row the last one could not make feasible). */
  reseed(seed: number): void {
    let x = seed >>> 0;
    for (let i = 0; i < this.noise.length; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      this.noise[i] = (x / 4294967296) * 0.5;
    }
  }

  /**
   * Best row found for employee e under `cost[d * V + v]` (Infinity = not allowed) that keeps every hard rule of the
   * row; written to `out[0 … D−1]`. Returns its cost, or Infinity when none was found within `iterations` prices
   * (`out` then holds the least violating row, see `violation`).
   */
  solve(e: number, cost: Float64Array, out: Uint8Array, iterations = 80): number {
    const { m } = this;
    const { D, S, V } = m;
    // Values the employee may take on some day.
    const vals: number[] = [0];
    for (let v = 1; v < V; v++) {
      if (m.maxShifts[e * S + v - 1]! <= 0) continue;
      for (let d = 0; d < D; d++)
        if (cost[d * V + v] !== Infinity) {
          vals.push(v);
          break;
        }
    }
    const K = vals.length;
    const maxCons = m.maxConsecutive[e]!;
    const minCons = m.minConsecutive[e]!;
    const minOff = m.minConsecutiveOff[e]!;
    const unlimited = maxCons >= D;
    const workCap = unlimited ? Math.max(minCons, 1) : Math.max(maxCons, 1);
    const offCap = Math.max(minOff, 1);
    const R = Math.max(workCap, offCap) + 1;
    const N = K * R;
    if (this.best.length < 2 * N) this.best = new Float64Array(2 * N);
    if (this.parent.length < D * N) this.parent = new Int32Array(D * N);
    const capped: number[] = [];
    for (let i = 1; i < K; i++) if (m.maxShifts[e * S + vals[i]! - 1]! < D) capped.push(i);
    const nu = new Float64Array(K);
    let mu = 0;
    // Minute price per minute (the row's minimum and maximum are one band: one price, either sign).
    let lambda = 0;
    const minMin = m.minMinutes[e]!;
    const maxMin = m.maxMinutes[e]!;
    const maxWe = m.maxWeekends[e]!;
    const row = this.row;
    const counts = new Int32Array(K);
    let found = Infinity;
    this.violation = Infinity;
    let calls = 0;
    /** One programme at the current prices; its resources; true when the row keeps every rule (then it is in `out`). */
    let minutes = 0;
    let weekends = 0;
    const run = (): boolean | undefined => {
      calls++;
      this.calls++;
      if (!this.program(e, cost, vals, R, workCap, offCap, unlimited, lambda, mu, nu, row)) return undefined;
      minutes = 0;
      weekends = 0;
      counts.fill(0);
      let lastW = -1;
      for (let d = 0; d < D; d++) {
        const v = row[d]!;
        if (v === 0) continue;
        minutes += m.valueMinutes[v]!;
        counts[vals.indexOf(v)]!++;
        const w = m.weekendOf[d]!;
        if (w >= 0 && w !== lastW) {
          weekends++;
          lastW = w;
        }
      }
      let violation = Math.max(0, minMin - minutes, minutes - maxMin) / 480 + Math.max(0, weekends - maxWe);
      for (const i of capped) violation += Math.max(0, counts[i]! - m.maxShifts[e * S + vals[i]! - 1]!);
      if (violation < this.violation) {
        this.violation = violation;
        out.set(row);
      }
      if (violation === 0 && rowBreaks(m, e, row, 0) === 0) {
        found = 0;
        for (let d = 0; d < D; d++) found += cost[d * V + row[d]!]!;
        return true;
      }
      return false;
    };
    // Outer rounds raise the weekend and cap prices while they are exceeded; inside, the minute price is bisected
    // (it moves the minutes monotonically while the other prices stay put).
    let muStep = 5;
    let muSide = 0;
    const nuStep = new Float64Array(K).fill(5);
    const nuSide = new Int8Array(K);
    for (let round = 0; round < 16 && calls < iterations; round++) {
      let lo = -Infinity;
      let hi = Infinity;
      let step = 0.01;
      let r: boolean | undefined;
      for (let inner = 0; inner < 14 && calls < iterations; inner++) {
        r = run();
        if (r === undefined) return found;
        if (r) return found;
        if (minutes < minMin) {
          hi = lambda;
          lambda = lo > -Infinity ? (lo + hi) / 2 : lambda - step;
          step *= 2;
        } else if (minutes > maxMin) {
          lo = lambda;
          lambda = hi < Infinity ? (lo + hi) / 2 : lambda + step;
          step *= 2;
        } else break;
        if (hi - lo < 1e-6) break;
      }
      // Weekend and cap prices: each searched on its own like a bracket (the step grows while the same side is
      // exceeded and halves when the side flips; a price falls again when its resource has room to spare).
      let moved = false;
      const side = weekends > maxWe ? 1 : weekends < maxWe && mu > 0 ? -1 : 0;
      if (side !== 0) {
        muStep = side === muSide ? muStep * 1.6 : muStep * 0.5;
        muSide = side;
        mu = Math.max(0, mu + side * muStep);
        moved = side > 0;
      }
      for (const i of capped) {
        const cap = m.maxShifts[e * S + vals[i]! - 1]!;
        const sd = counts[i]! > cap ? 1 : counts[i]! < cap && nu[i]! > 0 ? -1 : 0;
        if (sd === 0) continue;
        nuStep[i] = sd === nuSide[i] ? nuStep[i]! * 1.6 : nuStep[i]! * 0.5;
        nuSide[i] = sd;
        nu[i] = Math.max(0, nu[i]! + sd * nuStep[i]!);
        if (sd > 0) moved = true;
      }
      // Minutes stuck on a jump with nothing else to move: a small random tilt between the values breaks the tie.
      if (!moved) lambda += (hi < Infinity && lo > -Infinity ? hi - lo : 0.001) * 0.5;
    }
    return found;
  }

  /** The Lagrangian programme at the given prices; writes the row; false when no row exists at all. */
  private program(e: number, cost: Float64Array, vals: number[], R: number, workCap: number, offCap: number, unlimited: boolean, lambda: number, mu: number, nu: Float64Array, row: Uint8Array): boolean {
    const { m } = this;
    const { D, V } = m;
    const K = vals.length;
    const N = K * R;
    const minCons = m.minConsecutive[e]!;
    const minOff = m.minConsecutiveOff[e]!;
    let cur = this.best.subarray(0, N);
    let nxt = this.best.subarray(N, 2 * N);
    const parent = this.parent;
    const noise = this.noise;
    cur.fill(Infinity);
    // Day 0 from a virtual off run long enough (a run touching the start is not held to a minimum).
    const start = 0 * R + offCap;
    cur[start] = 0;
    let startDay = true;
    for (let d = 0; d < D; d++) {
      nxt.fill(Infinity);
      const w = m.weekendOf[d]!;
      const sameWeekend = d > 0 && w >= 0 && m.weekendOf[d - 1] === w;
      for (let s = 0; s < N; s++) {
        const base = cur[s]!;
        if (base === Infinity) continue;
        const k = (s / R) | 0;
        const r = s - k * R;
        const pv = vals[k]!;
        for (let j = 0; j < K; j++) {
          const v = vals[j]!;
          const c = cost[d * V + v]! + noise[d * V + v]!;
          if (c === Infinity) continue;
          let ns: number;
          let add = c;
          if (v > 0) {
            let nr: number;
            if (pv > 0) {
              if (m.forbidNext[pv * V + v]) continue;
              nr = r + 1;
              if (nr > workCap) {
                if (!unlimited) continue;
                nr = workCap;
              }
            } else {
              if (r < minOff && !startDay && r !== d) continue;
              nr = 1;
            }
            add += lambda * m.valueMinutes[v]! + nu[j]!;
            if (w >= 0 && !(sameWeekend && pv > 0)) add += mu;
            ns = j * R + nr;
          } else {
            let nr: number;
            if (pv > 0) {
              if (r < minCons && r !== d) continue;
              nr = 1;
            } else nr = Math.min(r + 1, offCap);
            ns = nr;
          }
          const val = base + add;
          if (val < nxt[ns]!) {
            nxt[ns] = val;
            parent[d * N + ns] = s;
          }
        }
      }
      startDay = false;
      const t = cur;
      cur = nxt;
      nxt = t;
    }
    let bestS = -1;
    let bestV = Infinity;
    for (let s = 0; s < N; s++)
      if (cur[s]! < bestV) {
        bestV = cur[s]!;
        bestS = s;
      }
    if (bestS < 0) return false;
    for (let d = D - 1, s = bestS; d >= 0; d--) {
      row[d] = vals[(s / R) | 0]!;
      s = parent[d * N + s]!;
    }
    return true;
  }
}
