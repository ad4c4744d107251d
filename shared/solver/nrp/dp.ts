// Exact best row (or window of a row) for one employee: a dynamic programme over the days of a window with state
// (value of the day, run length, window minutes, window weekends, counts of the shift types whose limit binds).
// Every hard rule of the row is a rule of the programme, so whatever it returns is feasible for that employee, given
// the days outside the window (which stay as they are). The cost of a value in a day is whatever the caller says
// (the engine passes request penalties plus the cover change the employee's shift makes given everybody else).
//
// States are dense (index arithmetic, typed arrays) but only reached states are expanded (one active list per day).
// A window whose state space exceeds `maxStates` is refused (returns NaN) so that the caller can shrink it.
import type { NrpModel } from './model.ts';

const PRUNE = process.env.NRP_PRUNE !== "0";
export class RowDP {
  private cost0 = new Float64Array(0);
  private cost1 = new Float64Array(0);
  private stamp0 = new Int32Array(0);
  private stamp1 = new Int32Array(0);
  private parent = new Int32Array(0);
  private active0 = new Int32Array(0);
  private active1 = new Int32Array(0);
  private gen = 1;
  /** Window start-state; kept for the trace back. */
  private readonly budgets: Int32Array;
  private readonly strides: Int32Array;
  private readonly weekendPre: Uint8Array;
  private blockStamp = new Int32Array(0);
  private blockList = new Int32Array(0);
  private pmin = new Float64Array(0);
  private blockGen = 0;
  private readonly digits: Int32Array;
  private readonly axisStride: Int32Array;
  private readonly axisRadix: Int32Array;

  /**
   * Drop the states of a layer that another state of the same (value, run, minutes) block dominates: no more
   * weekends, no more shifts of any binding type, and no higher cost. Returns the new number of active states.
   */
  private prune(cost: Float64Array, stamp: Int32Array, gen: number, active: Int32Array, n: number, B: number, C: number, Wn: number, S: number, typeAxes: readonly number[]): number {
    if (this.blockList.length < n) this.blockList = new Int32Array(Math.max(n, this.blockList.length * 2));
    const bg = ++this.blockGen;
    const blockStamp = this.blockStamp;
    const blocks = this.blockList;
    let nb = 0;
    for (let i = 0; i < n; i++) {
      const b = (active[i]! / B) | 0;
      if (blockStamp[b] !== bg) {
        blockStamp[b] = bg;
        blocks[nb++] = b;
      }
    }
    const pmin = this.pmin;
    const strides = this.strides;
    const budgets = this.budgets;
    const nAxes = typeAxes.length;
    // Per block: pmin[x] = min cost over states y ≤ x (componentwise in weekends and counts); then mark dominated
    // states by lowering their stamp (they stay traceable but are not expanded).
    const digits = this.digits;
    const axisStride = this.axisStride;
    const axisRadix = this.axisRadix;
    for (let a = 0; a < nAxes; a++) {
      axisStride[a] = strides[typeAxes[a]!]!;
      axisRadix[a] = budgets[typeAxes[a]!]! + 1;
    }
    for (let j = 0; j < nb; j++) {
      const base = blocks[j]! * B;
      let x = 0;
      for (let w = 0; w < Wn; w++) {
        for (let a = 0; a < nAxes; a++) digits[a] = 0;
        for (let c = 0; c < C; c++, x++) {
          const idx = base + x;
          let best = stamp[idx] === gen ? cost[idx]! : Infinity;
          let below = w > 0 ? pmin[x - C]! : Infinity;
          for (let a = 0; a < nAxes; a++) {
            if (digits[a]! > 0) {
              const p = pmin[x - axisStride[a]!]!;
              if (p < below) below = p;
            }
          }
          if (best !== Infinity && below <= best) stamp[idx] = gen - 1; // dominated
          if (below < best) best = below;
          pmin[x] = best;
          // Next mixed-radix digits.
          for (let a = 0; a < nAxes; a++) {
            if (++digits[a]! < axisRadix[a]!) break;
            digits[a] = 0;
          }
        }
      }
    }
    void S;
    void Wn;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const idx = active[i]!;
      if (stamp[idx] === gen) active[k++] = idx;
    }
    return k;
  }

  /** States expanded over the life of this object (for profiling). */
  expanded = 0;
  calls = 0;

  constructor(
    readonly m: NrpModel,
    readonly maxStates = 400_000,
  ) {
    this.budgets = new Int32Array(m.S);
    this.strides = new Int32Array(m.S);
    this.weekendPre = new Uint8Array(m.weekends);
    this.digits = new Int32Array(m.S);
    this.axisStride = new Int32Array(m.S);
    this.axisRadix = new Int32Array(m.S);
  }

  /** Number of states of the window (for choosing window sizes); NaN when the outside of the window breaks a limit. */
  stateCount(e: number, row: ArrayLike<number>, off: number, a0: number, b0: number): number {
    const dims = this.dims(e, row, off, a0, b0);
    return dims ? dims.size : NaN;
  }

  private dims(e: number, row: ArrayLike<number>, off: number, a0: number, b0: number) {
    const { m } = this;
    const { D, S, V } = m;
    const L = b0 - a0;
    let outMinutes = 0;
    const outCount = new Int32Array(S);
    this.weekendPre.fill(0);
    let outWeekends = 0;
    for (let d = 0; d < D; d++) {
      if (d >= a0 && d < b0) continue;
      const v = row[off + d]!;
      if (v > 0) {
        outMinutes += m.valueMinutes[v]!;
        outCount[v - 1]!++;
        const w = m.weekendOf[d]!;
        if (w >= 0 && !this.weekendPre[w]) {
          this.weekendPre[w] = 1;
          outWeekends++;
        }
      }
    }
    const unit = m.minuteUnit;
    let maxLen = 0;
    for (let v = 1; v < V; v++) maxLen = Math.max(maxLen, m.valueMinutes[v]!);
    const minutesBudget = Math.min(m.maxMinutes[e]! - outMinutes, L * maxLen);
    if (minutesBudget < 0) return null;
    const Mn = Math.floor(minutesBudget / unit + 1e-9) + 1;
    const minNeeded = m.minMinutes[e]! - outMinutes;
    // Weekends touching the window that are not yet worked outside it.
    let freeWeekends = 0;
    let lastW = -1;
    for (let d = a0; d < b0; d++) {
      const w = m.weekendOf[d]!;
      if (w >= 0 && w !== lastW) {
        lastW = w;
        if (!this.weekendPre[w]) freeWeekends++;
      }
    }
    const weekendBudget = m.maxWeekends[e]! - outWeekends;
    if (weekendBudget < 0) return null;
    const Wn = Math.min(weekendBudget, freeWeekends) + 1;
    let C = 1;
    for (let s = 0; s < S; s++) {
      const budget = m.maxShifts[e * S + s]! - outCount[s]!;
      if (budget < 0) return null;
      let possible = 0;
      for (let d = a0; d < b0; d++) if (m.allowed[(e * D + d) * V + s + 1]) possible++;
      if (budget < possible && budget > 0) {
        this.budgets[s] = budget;
        this.strides[s] = C;
        C *= budget + 1;
      } else {
        this.budgets[s] = budget === 0 ? 0 : -1; // 0: forbidden in the window; -1: not binding
        this.strides[s] = 0;
      }
    }
    const maxCons = m.maxConsecutive[e]!;
    const workCap = maxCons >= D ? Math.max(m.minConsecutive[e]!, 1) : Math.max(maxCons, 1);
    const offCap = Math.max(m.minConsecutiveOff[e]!, 1);
    const R = Math.max(workCap, offCap) + 1;
    const size = V * R * Mn * Wn * C;
    return { L, Mn, Wn, C, R, size, workCap, offCap, unlimitedRuns: maxCons >= D, minNeeded, unit };
  }

  /**
   * Best values for employee e on days a0 … b0−1, the rest of the row `row[off + d]` fixed. `cost[(d − a0) * V + v]`
   * is the cost of value v on day d (Infinity = not allowed). Writes the values into `out[0 … b0−a0−1]` and returns
   * the minimum cost, Infinity when no feasible window exists, NaN when the state space is larger than `maxStates`.
   */
  solve(e: number, row: ArrayLike<number>, off: number, a0: number, b0: number, cost: Float64Array, out: Uint8Array): number {
    const { m } = this;
    const { D, V } = m;
    const dims = this.dims(e, row, off, a0, b0);
    if (!dims) return Infinity;
    const { L, Mn, Wn, C, R, size, workCap, offCap, unlimitedRuns, minNeeded, unit } = dims;
    if (size > this.maxStates) return NaN;
    this.calls++;
    if (this.cost0.length < size) {
      const n = Math.max(size, Math.floor(this.cost0.length * 1.5));
      this.cost0 = new Float64Array(n);
      this.cost1 = new Float64Array(n);
      this.stamp0 = new Int32Array(n);
      this.stamp1 = new Int32Array(n);
      this.active0 = new Int32Array(n);
      this.active1 = new Int32Array(n);
      this.gen = 1;
    }
    if (this.parent.length < size * L) this.parent = new Int32Array(Math.max(size * L, Math.floor(this.parent.length * 1.5)));
    const minCons = m.minConsecutive[e]!;
    const minOff = m.minConsecutiveOff[e]!;
    const maxCons = m.maxConsecutive[e]!;
    const budgets = this.budgets;
    const strides = this.strides;
    const weekendPre = this.weekendPre;
    const forbid = m.forbidNext;
    const vMinutes = m.valueMinutes;
    const weekendOf = m.weekendOf;
    const S = m.S;
    const minuteStep = new Int32Array(V);
    for (let v = 1; v < V; v++) minuteStep[v] = Math.round(vMinutes[v]! / unit);
    const typeStride = new Int32Array(V);
    const typeBudget = new Int32Array(V);
    typeBudget[0] = -1;
    for (let s = 0; s < S; s++) {
      typeStride[s + 1] = strides[s]!;
      typeBudget[s + 1] = budgets[s]!;
    }

    // Start state (the day before the window).
    let k0 = 0;
    let r0 = offCap;
    if (a0 > 0) {
      k0 = row[off + a0 - 1]!;
      const work = k0 > 0;
      let len = 1;
      for (let d = a0 - 2; d >= 0 && row[off + d]! > 0 === work; d--) len++;
      r0 = work ? Math.min(len, workCap) : Math.min(len, offCap);
    }
    // needAfter[t]: minutes units the window must hold after day a0 + t so that the minimum stays reachable, given
    // the most days that can still be worked (runs of at most maxCons separated by at least minOff days off).
    let maxLenE = 0;
    for (let v = 1; v < V; v++) if (m.maxShifts[e * S + v - 1]! > 0) maxLenE = Math.max(maxLenE, minuteStep[v]!);
    const needAfter = new Int32Array(L);
    const needUnits = Math.ceil(minNeeded / unit - 1e-9);
    for (let t = 0; t < L; t++) {
      const rest = L - 1 - t;
      const cycle = unlimitedRuns ? 1 : maxCons + Math.max(minOff, 1);
      const workable = unlimitedRuns ? rest : Math.floor(rest / cycle) * maxCons + Math.min(rest % cycle, maxCons);
      needAfter[t] = needUnits - workable * maxLenE;
    }
    const B = Wn * C;
    const typeAxes: number[] = [];
    for (let s = 0; s < S; s++) if (strides[s]! > 0) typeAxes.push(s);
    if (B > 1 && this.blockStamp.length < size / B + 1) this.blockStamp = new Int32Array(Math.ceil(size / B) + 1);
    if (this.pmin.length < B) this.pmin = new Float64Array(B);
    const strideW = C;
    const strideM = Wn * C;
    const strideR = Mn * strideM;
    const strideK = R * strideR;

    let gen = ++this.gen;
    if (gen > 2_000_000_000) {
      this.stamp0.fill(0);
      this.stamp1.fill(0);
      gen = this.gen = 1;
    }
    let curCost = this.cost0;
    let curStamp = this.stamp0;
    let curActive = this.active0;
    let nxtCost = this.cost1;
    let nxtStamp = this.stamp1;
    let nxtActive = this.active1;
    const startIdx = k0 * strideK + r0 * strideR;
    let nCur = 1;
    curActive[0] = startIdx;
    curCost[startIdx] = 0;
    curStamp[startIdx] = gen;
    const parent = this.parent;
    let curGen = gen;

    for (let t = 0; t < L; t++) {
      const d = a0 + t;
      const nxtGen = ++this.gen;
      let nNxt = 0;
      const w = weekendOf[d]!;
      const weekendFree = w >= 0 && !weekendPre[w];
      const sameWeekendPrev = t > 0 && w >= 0 && weekendOf[d - 1] === w;
      const cbase = t * V;
      const pbase = t * size;
      for (let i = 0; i < nCur; i++) {
        const idx = curActive[i]!;
        const base = curCost[idx]!;
        // Decode.
        let q = (idx / C) | 0;
        const c = idx - q * C;
        let q2 = (q / Wn) | 0;
        const wk = q - q2 * Wn;
        q = (q2 / Mn) | 0;
        const mm = q2 - q * Mn;
        const k = (q / R) | 0;
        const r = q - k * R;
        for (let v = 0; v < V; v++) {
          const cv = cost[cbase + v]!;
          if (cv === Infinity || typeBudget[v] === 0) continue;
          let nr = 1;
          let nm = mm;
          let nw = wk;
          let nc = c;
          if (v > 0) {
            if (k > 0) {
              if (forbid[k * V + v]) continue;
              nr = r + 1;
              if (nr > workCap) {
                if (!unlimitedRuns) continue;
                nr = workCap;
              }
            } else if (r < minOff && r !== d) continue;
            nm = mm + minuteStep[v]!;
            if (nm >= Mn || nm < needAfter[t]!) continue;
            if (weekendFree && !(sameWeekendPrev && k > 0)) {
              nw = wk + 1;
              if (nw >= Wn) continue;
            }
            const st = typeStride[v]!;
            if (st > 0) {
              if (((c / st) | 0) % (typeBudget[v]! + 1) >= typeBudget[v]!) continue;
              nc = c + st;
            }
          } else {
            if (nm < needAfter[t]!) continue;
            if (k > 0) {
              if (r < minCons && r !== d) continue;
            } else nr = r + 1 > offCap ? offCap : r + 1;
          }
          const ni = v * strideK + nr * strideR + nm * strideM + nw * strideW + nc;
          const nv = base + cv;
          if (nxtStamp[ni] !== nxtGen) {
            nxtStamp[ni] = nxtGen;
            nxtCost[ni] = nv;
            nxtActive[nNxt++] = ni;
            parent[pbase + ni] = idx;
          } else if (nv < nxtCost[ni]!) {
            nxtCost[ni] = nv;
            parent[pbase + ni] = idx;
          }
        }
      }
      this.expanded += nCur;
      if (PRUNE && B > 1 && nNxt > 1) nNxt = this.prune(nxtCost, nxtStamp, nxtGen, nxtActive, nNxt, B, C, Wn, S, typeAxes);
      // Swap layers.
      const tmp = curCost;
      curCost = nxtCost;
      nxtCost = tmp;
      const tmpS = curStamp;
      curStamp = nxtStamp;
      nxtStamp = tmpS;
      const tmpA = curActive;
      curActive = nxtActive;
      nxtActive = tmpA;
      nCur = nNxt;
      curGen = nxtGen;
    }
    void curGen;
    // Keep the layer buffers in their slots for the next call (they may have been swapped).
    this.cost0 = curCost;
    this.cost1 = nxtCost;
    this.stamp0 = curStamp;
    this.stamp1 = nxtStamp;
    this.active0 = curActive;
    this.active1 = nxtActive;

    // Best valid end state.
    const b0v = b0 < D ? row[off + b0]! : -1;
    let fl = 0;
    if (b0 < D) {
      const work = b0v > 0;
      fl = 1;
      while (b0 + fl < D && row[off + b0 + fl]! > 0 === work) fl++;
    }
    const tailTouchesEnd = b0 + fl >= D;
    let best = Infinity;
    let bestIdx = -1;
    for (let i = 0; i < nCur; i++) {
      const idx = curActive[i]!;
      const cst = curCost[idx]!;
      if (cst >= best) continue;
      const q2 = (((idx / C) | 0) / Wn) | 0;
      const q = (q2 / Mn) | 0;
      const mm = q2 - q * Mn;
      const k = (q / R) | 0;
      const r = q - k * R;
      if (mm * unit < minNeeded - 1e-9) continue;
      if (b0 < D) {
        const startedAtZero = r === b0; // exact whenever it matters (below the minimum)
        if (k > 0 && b0v > 0) {
          if (forbid[k * V + b0v]) continue;
          const combined = r + fl;
          if (!unlimitedRuns && combined > maxCons) continue;
          if (!startedAtZero && !tailTouchesEnd && combined < minCons) continue;
        } else if (k > 0) {
          if (r < minCons && !startedAtZero) continue;
          if (!tailTouchesEnd && fl < minOff) continue;
        } else if (b0v > 0) {
          if (r < minOff && !startedAtZero) continue;
          if (!tailTouchesEnd && fl < minCons) continue;
          if (!unlimitedRuns && fl > maxCons) continue;
        } else {
          if (!startedAtZero && !tailTouchesEnd && r + fl < minOff) continue;
        }
      }
      best = cst;
      bestIdx = idx;
    }
    if (bestIdx < 0) return Infinity;
    // Trace back.
    let idx = bestIdx;
    for (let t = L - 1; t >= 0; t--) {
      const k = Math.floor(idx / strideK);
      out[t] = k;
      idx = parent[t * size + idx]!;
    }
    return best;
  }
}
