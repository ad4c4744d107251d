// Exact best row (or window of a row) for one employee: a dynamic programme over the days of a window with state
// (value of the day, run length, window minutes, window weekends, counts of the shift types whose limit binds).
// Every hard rule of the row is a rule of the programme, so whatever it returns is feasible for that employee, given
// the days outside the window (which stay as they are). The cost of a value in a day is whatever the caller says
// (the engine passes request penalties plus the cover change the employee's shift makes given everybody else; the
// column generation passes request penalties minus cover duals).
//
// States are numbered densely (index arithmetic) but only reached states are stored: each day's layer is a list of
// (state, cost, parent position) and a dense stamp/position map deduplicates within the layer being built. States
// dominated by another state of the same (value, run, minutes) with no more weekends, no more shifts of any binding
// type and no higher cost are not expanded. A programme whose state numbering would overflow, or one of whose days
// reaches more than `maxLayer` states, is refused (NaN) so that the caller can use a shorter window.
import { grown } from './grow.ts';
import type { NrpModel } from './model.ts';

/** Optional relaxations and narrowings (used by the construction and the search on large instances). */
export type DpLimits = {
  minMinutes?: number;
  maxWeekends?: number;
  /** Heuristic: consider only the k cheapest classes of shifts per day (the result may then miss the optimum). */
  topK?: number;
};

const PRUNE = process.env.NRP_PRUNE !== "0";
/** Dominance pruning compares each state with at most this many of the cheapest states of its block. */
const TOP = 8;
/** State spaces up to this size use dense maps (they stay in cache); larger ones a hash table per layer. */
const DENSE_STATES = Number(process.env.NRP_DENSE ?? 4096);
/** Pruning is skipped for an employee whose programmes it thins by less than this share (re-measured now and then). */
const PRUNE_GAIN = Number(process.env.NRP_PRUNE_GAIN ?? 0.08);

export class RowDP {
  // Dense per-state maps for the layer being built.
  private stamp = new Int32Array(0);
  private posOf = new Int32Array(0);
  private gen = 0;
  // Per-position storage of all layers.
  private pState = new Int32Array(1 << 16);
  private pCost = new Float64Array(1 << 16);
  private pParent = new Int32Array(1 << 16);
  private pDead = new Uint8Array(1 << 16);
  private pVal = new Uint8Array(1 << 16);
  private layerStart = new Int32Array(1);
  private readonly budgets: Int32Array;
  private readonly strides: Int32Array;
  private readonly weekendPre: Uint8Array;
  private readonly outCount: Int32Array;
  // Pruning scratch.
  private bucketHead = new Int32Array(0);
  private bucketNext = new Int32Array(0);
  private blockIds = new Int32Array(0);
  private readonly axisStride: Int32Array;
  private readonly axisRadix: Int32Array;
  private members = new Int32Array(256);
  private kept = new Int32Array(TOP);
  private memberDigits = new Int32Array(256);
  /** Share of states pruned by dominance, per employee (moving average), and how often it was measured. */
  gains(): number[] {
    return Array.from(this.pruneGain);
  }
  private readonly pruneGain: Float64Array;
  private readonly pruneCalls: Int32Array;
  private readonly succSig: string[];
  /** Value classes of the current programme: class of each value, a representative per class, forbidden successions. */
  private readonly classOf: Int32Array;
  private readonly classRep: Int32Array;
  private readonly classForbid: Uint8Array;
  private nClasses = 1;
  /** States expanded and calls over the life of this object (for profiling). */
  expanded = 0;
  calls = 0;
  refused = 0;

  constructor(
    readonly m: NrpModel,
    /** Most states one day may reach before the programme gives up (NaN). */
    readonly maxLayer = 250_000,
  ) {
    this.budgets = new Int32Array(m.S);
    this.strides = new Int32Array(m.S);
    this.weekendPre = new Uint8Array(m.weekends);
    this.outCount = new Int32Array(m.S);
    this.pruneGain = new Float64Array(m.E);
    // Succession signature of each value: what may follow it and what it may follow.
    this.succSig = Array.from({ length: m.V }, (_, v) => {
      let row = '';
      let col = '';
      for (let u = 0; u < m.V; u++) {
        row += m.forbidNext[v * m.V + u];
        col += m.forbidNext[u * m.V + v];
      }
      return `${row}/${col}`;
    });
    this.classOf = new Int32Array(m.V);
    this.classRep = new Int32Array(m.V);
    this.classForbid = new Uint8Array(m.V * m.V);
    this.pruneCalls = new Int32Array(m.E);
    this.axisStride = new Int32Array(m.S + 1);
    this.axisRadix = new Int32Array(m.S + 1);
  }

  /** Number of states of the window (for choosing window sizes); NaN when the outside of the window breaks a limit. */
  stateCount(e: number, row: ArrayLike<number>, off: number, a0: number, b0: number, limits?: DpLimits): number {
    const dims = this.dims(e, row, off, a0, b0, limits);
    return dims ? dims.size : NaN;
  }

  private dims(e: number, row: ArrayLike<number>, off: number, a0: number, b0: number, limits?: DpLimits) {
    const { m } = this;
    const { D, S, V } = m;
    const L = b0 - a0;
    let outMinutes = 0;
    const outCount = this.outCount;
    outCount.fill(0);
    this.weekendPre.fill(0);
    let outWeekends = 0;
    for (let d = 0; d < D; d++) {
      if (d === a0) {
        d = b0 - 1;
        continue;
      }
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
    for (let v = 1; v < V; v++) if (m.maxShifts[e * S + v - 1]! > 0) maxLen = Math.max(maxLen, m.valueMinutes[v]!);
    const minutesBudget = Math.min(m.maxMinutes[e]! - outMinutes, L * maxLen);
    if (minutesBudget < 0) return null;
    const Mn = Math.floor(minutesBudget / unit + 1e-9) + 1;
    const minNeeded = (limits?.minMinutes ?? m.minMinutes[e]!) - outMinutes;
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
    const weekendBudget = Math.min(limits?.maxWeekends ?? Infinity, m.maxWeekends[e]!) - outWeekends;
    if (weekendBudget < 0) return null;
    const Wn = Math.min(weekendBudget, freeWeekends) + 1;
    // Most shifts the window can hold (minutes, days): a type limit above it does not bind.
    const minLen = (() => {
      let x = Infinity;
      for (let v = 1; v < V; v++) if (m.maxShifts[e * S + v - 1]! > 0 && m.valueMinutes[v]! > 0) x = Math.min(x, m.valueMinutes[v]!);
      return x;
    })();
    const maxShiftsInWindow = Math.min(L, Number.isFinite(minLen) ? Math.floor(minutesBudget / minLen + 1e-9) : L);
    let C = 1;
    for (let s = 0; s < S; s++) {
      const budget = m.maxShifts[e * S + s]! - outCount[s]!;
      if (budget < 0) return null;
      let possible = 0;
      for (let d = a0; d < b0; d++) if (m.allowed[(e * D + d) * V + s + 1]) possible++;
      possible = Math.min(possible, maxShiftsInWindow);
      if (budget < possible && budget > 0) {
        this.budgets[s] = budget;
        this.strides[s] = C;
        C *= budget + 1;
      } else {
        this.budgets[s] = budget === 0 && possible > 0 ? 0 : -1; // 0: forbidden in the window; -1: not binding
        this.strides[s] = 0;
      }
    }
    // Value classes: values with the same minutes, the same binding type (or none binding) and the same successions
    // are interchangeable: each day only the cheapest of a class is tried and a state remembers only the class.
    const keys = new Map<string, number>();
    this.classOf[0] = 0;
    this.classRep[0] = 0;
    let nClasses = 1;
    for (let v = 1; v < V; v++) {
      const s = v - 1;
      const key = `${m.valueMinutes[v]}|${this.strides[s]! > 0 || this.budgets[s] === 0 ? `t${s}` : '-'}|${this.succSig[v]}`;
      let c = keys.get(key);
      if (c === undefined) {
        c = nClasses++;
        keys.set(key, c);
        this.classRep[c] = v;
      }
      this.classOf[v] = c;
    }
    this.nClasses = nClasses;
    for (let c = 0; c < nClasses; c++) for (let v = 0; v < V; v++) this.classForbid[c * V + v] = c === 0 ? 0 : m.forbidNext[this.classRep[c]! * V + v]!;
    const maxCons = m.maxConsecutive[e]!;
    const workCap = maxCons >= D ? Math.max(m.minConsecutive[e]!, 1) : Math.max(maxCons, 1);
    const offCap = Math.max(m.minConsecutiveOff[e]!, 1);
    const R = Math.max(workCap, offCap) + 1;
    const size = nClasses * R * Mn * Wn * C;
    return { L, Mn, Wn, C, R, size, workCap, offCap, unlimitedRuns: maxCons >= D, minNeeded, unit, maxLen };
  }

  private hStamp = new Int32Array(1024);
  private hKey = new Int32Array(1024);
  private hPos = new Int32Array(1024);

  /** A hash table with room for at least `n` states (stamps of older generations count as empty). */
  private ensureHash(n: number): void {
    let cap = this.hStamp.length;
    while (cap < 2 * n) cap <<= 1;
    if (cap === this.hStamp.length) return;
    this.hStamp = new Int32Array(cap);
    this.hKey = new Int32Array(cap);
    this.hPos = new Int32Array(cap);
  }

  /** Double the hash table and re-insert the states of the layer being built (positions start … end−1). */
  private growHash(start: number, end: number, gen: number): void {
    const cap = this.hStamp.length * 2;
    this.hStamp = new Int32Array(cap);
    this.hKey = new Int32Array(cap);
    this.hPos = new Int32Array(cap);
    const mask = cap - 1;
    const shift = 32 - Math.log2(cap);
    for (let p = start; p < end; p++) {
      const ni = this.pState[p]!;
      let slot = Math.imul(ni, 0x9e3779b1) >>> shift;
      while (this.hStamp[slot] === gen) slot = (slot + 1) & mask;
      this.hStamp[slot] = gen;
      this.hKey[slot] = ni;
      this.hPos[slot] = p;
    }
  }

  private ensurePositions(n: number): void {
    if (n <= this.pState.length) return;
    const size = Math.max(n, this.pState.length * 2);
    this.pState = grown(this.pState, size);
    this.pCost = grown(this.pCost, size);
    this.pParent = grown(this.pParent, size);
    this.pDead = grown(this.pDead, size);
    this.pVal = grown(this.pVal, size);
  }

  /**
   * Best values for employee e on days a0 … b0−1, the rest of the row `row[off + d]` fixed. `cost[(d − a0) * V + v]`
   * is the cost of value v on day d (Infinity = not allowed). Writes the values into `out[0 … b0−a0−1]` and returns
   * the minimum cost, Infinity when no feasible window exists, NaN when the programme is too large (see `maxLayer`).
   */
  solve(e: number, row: ArrayLike<number>, off: number, a0: number, b0: number, cost: Float64Array, out: Uint8Array, limits?: DpLimits): number {
    const { m } = this;
    const { D, V, S } = m;
    const dims = this.dims(e, row, off, a0, b0, limits);
    if (!dims) return Infinity;
    const { L, Mn, Wn, C, R, size, workCap, offCap, unlimitedRuns, minNeeded, unit, maxLen } = dims;
    if (size > 2_000_000_000) return NaN;
    this.calls++;
    // Dense stamp/position maps for small state spaces; a per-layer hash table for large ones.
    const useHash = size > DENSE_STATES;
    if (!useHash && this.stamp.length < size) {
      const n = Math.max(size, Math.min(DENSE_STATES, Math.floor(this.stamp.length * 1.5)));
      this.stamp = new Int32Array(n);
      this.posOf = new Int32Array(n);
      this.gen = 0;
      this.hStamp.fill(0);
    }
    if (this.layerStart.length < L + 2) this.layerStart = new Int32Array(L + 2);
    const minCons = m.minConsecutive[e]!;
    const minOff = m.minConsecutiveOff[e]!;
    const maxCons = m.maxConsecutive[e]!;
    const budgets = this.budgets;
    const strides = this.strides;
    const weekendPre = this.weekendPre;
    const weekendOf = m.weekendOf;
    const minuteStep = new Int32Array(V);
    for (let v = 1; v < V; v++) minuteStep[v] = Math.round(m.valueMinutes[v]! / unit);
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
      k0 = this.classOf[row[off + a0 - 1]!]!;
      const work = k0 > 0;
      let len = 1;
      for (let d = a0 - 2; d >= 0 && row[off + d]! > 0 === work; d--) len++;
      r0 = work ? Math.min(len, workCap) : Math.min(len, offCap);
    }
    // needAfter[t]: minutes units the window must hold after day a0 + t so that the minimum stays reachable, given
    // the most days that can still be worked (runs of at most maxCons separated by at least minOff days off).
    const maxStep = Math.round(maxLen / unit);
    const needAfter = new Int32Array(L);
    const needUnits = Math.ceil(minNeeded / unit - 1e-9);
    const cycle = unlimitedRuns ? 1 : maxCons + Math.max(minOff, 1);
    for (let t = 0; t < L; t++) {
      const rest = L - 1 - t;
      const workable = unlimitedRuns ? rest : Math.floor(rest / cycle) * maxCons + Math.min(rest % cycle, maxCons);
      needAfter[t] = needUnits - workable * maxStep;
    }
    const B = Wn * C;
    let nAxes = 0;
    const axisStride = this.axisStride;
    const axisRadix = this.axisRadix;
    if (Wn > 1) {
      axisStride[nAxes] = C;
      axisRadix[nAxes++] = Wn;
    }
    for (let s = 0; s < S; s++)
      if (strides[s]! > 0) {
        axisStride[nAxes] = strides[s]!;
        axisRadix[nAxes++] = budgets[s]! + 1;
      }
    // allowedAfter[t·S + s]: days after a0 + t in the window where type s is allowed; weekendsAfter[t]: free
    // weekends with a day after a0 + t (both bound what the rest of the window can still add).
    const countAxis = new Int32Array(S);
    let nCountAxes = 0;
    for (let s = 0; s < S; s++) if (strides[s]! > 0) countAxis[nCountAxes++] = s;
    const allowedAfter = new Int32Array(L * S);
    for (let t = L - 2; t >= 0; t--)
      for (let s = 0; s < S; s++) allowedAfter[t * S + s] = allowedAfter[(t + 1) * S + s]! + (m.allowed[(e * D + a0 + t + 1) * V + s + 1] ? 1 : 0);
    const weekendsAfter = new Int32Array(L);
    {
      let count = 0;
      let lastW = -1;
      for (let t = L - 1; t >= 0; t--) {
        weekendsAfter[t] = count;
        const w = weekendOf[a0 + t]!;
        if (w >= 0 && w !== lastW && !weekendPre[w]) {
          count++;
          lastW = w;
        }
      }
    }
    // Count axes (binding types): stride and radix per axis, the axis of each value (−1: none), digits scratch.
    const axisStrideC = new Int32Array(Math.max(1, nCountAxes));
    const axisRadixC = new Int32Array(Math.max(1, nCountAxes));
    const typeAxisOf = new Int32Array(V).fill(-1);
    for (let a = 0; a < nCountAxes; a++) {
      const s = countAxis[a]!;
      axisStrideC[a] = strides[s]!;
      axisRadixC[a] = budgets[s]! + 1;
      typeAxisOf[s + 1] = a;
    }
    const digit = new Int32Array(Math.max(1, nCountAxes));
    let minStepE = Infinity;
    for (let v = 1; v < V; v++) if (m.maxShifts[e * S + v - 1]! > 0) minStepE = Math.min(minStepE, minuteStep[v]!);
    if (!Number.isFinite(minStepE)) minStepE = 0;
    // Most shifts the minutes left allow, per minutes index.
    const shiftsLeftOf = new Int32Array(Mn);
    for (let x = 0; x < Mn; x++) shiftsLeftOf[x] = minStepE > 0 ? ((Mn - 1 - x) / minStepE) | 0 : L;
    const strideW = C;
    const strideM = Wn * C;
    const strideR = Mn * strideM;
    const strideK = R * strideR;
    // Cheapest value of each class per day (−1: none allowed).
    const NK = this.nClasses;
    const classOf = this.classOf;
    const classForbid = this.classForbid;
    const dayRep = new Int32Array(L * NK).fill(-1);
    for (let t = 0; t < L; t++)
      for (let v = 0; v < V; v++) {
        const cv = cost[t * V + v]!;
        if (cv === Infinity || typeBudget[v] === 0) continue;
        const c = classOf[v]!;
        const cur = dayRep[t * NK + c]!;
        if (cur < 0 || cv < cost[t * V + cur]!) dayRep[t * NK + c] = v;
      }
    // Optional heuristic narrowing: only the `topK` cheapest classes of shifts per day (the day off always).
    const topK = limits?.topK ?? Infinity;
    if (topK < NK - 1) {
      const ranked: number[] = [];
      for (let t = 0; t < L; t++) {
        ranked.length = 0;
        for (let c = 1; c < NK; c++) if (dayRep[t * NK + c]! >= 0) ranked.push(c);
        if (ranked.length <= topK) continue;
        ranked.sort((x, y) => cost[t * V + dayRep[t * NK + x]!]! - cost[t * V + dayRep[t * NK + y]!]!);
        for (let i = topK; i < ranked.length; i++) dayRep[t * NK + ranked[i]!] = -1;
      }
    }

    // Dominance pruning pays only when it removes enough states: measured per employee, re-tried now and then.
    const gainKnown = this.pruneCalls[e]! > 0;
    const usePrune = PRUNE && (!gainKnown || this.pruneGain[e]! >= PRUNE_GAIN || (this.calls & 63) === 0);
    let prunedStates = 0;
    let builtStates = 0;
    // Layer 0 holds the start state at position 0.
    const layerStart = this.layerStart;
    let nPos = 1;
    this.ensurePositions(1);
    this.pState[0] = k0 * strideK + r0 * strideR;
    this.pCost[0] = 0;
    this.pParent[0] = -1;
    this.pDead[0] = 0;
    layerStart[0] = 0;
    layerStart[1] = 1;

    for (let t = 0; t < L; t++) {
      const d = a0 + t;
      let gen = ++this.gen;
      if (gen > 2_000_000_000) {
        this.stamp.fill(0);
        this.hStamp.fill(0);
        gen = this.gen = 1;
      }
      const stamp = this.stamp;
      const posOf = this.posOf;
      if (useHash) this.ensureHash(4 * (layerStart[t + 1]! - layerStart[t]!));
      let hStamp = this.hStamp;
      let hKey = this.hKey;
      let hPos = this.hPos;
      let hMask = hStamp.length - 1;
      let hShift = 32 - Math.log2(hStamp.length);
      let hLimit = hStamp.length >> 1;
      const w = weekendOf[d]!;
      const weekendFree = w >= 0 && !weekendPre[w];
      const sameWeekendPrev = t > 0 && w >= 0 && weekendOf[d - 1] === w;
      const cbase = t * V;
      const from = layerStart[t]!;
      const to = layerStart[t + 1]!;
      const newStart = nPos;
      // At most (to − from) · V new positions.
      this.ensurePositions(nPos + (to - from) * V);
      const pState = this.pState;
      const pCost = this.pCost;
      const pParent = this.pParent;
      const pDead = this.pDead;
      const pVal = this.pVal;
      for (let pos = from; pos < to; pos++) {
        if (pDead[pos]) continue;
        const idx = pState[pos]!;
        const base = pCost[pos]!;
        let q = (idx / C) | 0;
        const c = idx - q * C;
        const q2 = (q / Wn) | 0;
        const wk = q - q2 * Wn;
        q = (q2 / Mn) | 0;
        const mm = q2 - q * Mn;
        const k = (q / R) | 0;
        const r = q - k * R;
        this.expanded++;
        // Count digits of the state, once (the transitions below only compare and add).
        for (let a = 0; a < nCountAxes; a++) digit[a] = ((c / axisStrideC[a]!) | 0) % axisRadixC[a]!;
        for (let ci = 0; ci < NK; ci++) {
          const v = dayRep[t * NK + ci]!;
          if (v < 0) continue;
          const cv = cost[cbase + v]!;
          let nr = 1;
          let nm = mm;
          let nw = wk;
          let nc = c;
          if (v > 0) {
            if (k > 0) {
              if (classForbid[k * V + v]) continue;
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
            const ax = typeAxisOf[v]!;
            if (ax >= 0) {
              if (digit[ax]! >= typeBudget[v]!) continue;
              nc = c + axisStrideC[ax]!;
            }
          } else {
            if (nm < needAfter[t]!) continue;
            if (k > 0) {
              if (r < minCons && r !== d) continue;
            } else nr = Math.min(r + 1, offCap);
          }
          // Canonical counts: a count that can no longer reach its limit (even if every remaining day took that
          // type, within the minutes left) is as good as any other such count; map them all to the largest one.
          if (nAxes > 0) {
            const shiftsLeft = shiftsLeftOf[nm]!;
            const tv = typeAxisOf[v]!;
            for (let a = 0; a < nCountAxes; a++) {
              const bud = axisRadixC[a]! - 1;
              const aa = allowedAfter[t * S + countAxis[a]!]!;
              const safe = bud - Math.min(aa, shiftsLeft);
              if (safe > 0) {
                const dgt = digit[a]! + (a === tv ? 1 : 0);
                if (dgt < safe) nc += (safe - dgt) * axisStrideC[a]!;
              }
            }
            if (Wn > 1) {
              const safeW = Wn - 1 - weekendsAfter[t]!;
              if (nw < safeW) nw = safeW;
            }
          }
          const ni = ci * strideK + nr * strideR + nm * strideM + nw * strideW + nc;
          const nv = base + cv;
          let found = -1;
          let slot = 0;
          if (useHash) {
            // Open addressing (linear probing) over this layer's states: small and cache-friendly.
            slot = Math.imul(ni, 0x9e3779b1) >>> hShift;
            while (hStamp[slot] === gen) {
              if (hKey[slot] === ni) {
                found = hPos[slot]!;
                break;
              }
              slot = (slot + 1) & hMask;
            }
          } else if (stamp[ni] === gen) found = posOf[ni]!;
          if (found < 0) {
            if (useHash) {
              hStamp[slot] = gen;
              hKey[slot] = ni;
              hPos[slot] = nPos;
            } else {
              stamp[ni] = gen;
              posOf[ni] = nPos;
            }
            pState[nPos] = ni;
            pCost[nPos] = nv;
            pParent[nPos] = pos;
            pDead[nPos] = 0;
            pVal[nPos] = v;
            nPos++;
            if (useHash && nPos - newStart > hLimit) {
              this.growHash(newStart, nPos, gen);
              hStamp = this.hStamp;
              hKey = this.hKey;
              hPos = this.hPos;
              hMask = this.hStamp.length - 1;
              hShift = 32 - Math.log2(this.hStamp.length);
              hLimit = this.hStamp.length >> 1;
            }
          } else if (nv < pCost[found]!) {
            pCost[found] = nv;
            pParent[found] = pos;
            pVal[found] = v;
          }
        }
      }
      layerStart[t + 2] = nPos;
      if (nPos - newStart > this.maxLayer) {
        this.refused++;
        return NaN;
      }
      if (usePrune && nAxes > 0 && nPos - newStart > 1) {
        const dead = this.prune(newStart, nPos, B, nAxes);
        prunedStates += dead;
        builtStates += nPos - newStart;
      }
    }

    if (usePrune && builtStates > 0) {
      const gain = prunedStates / builtStates;
      this.pruneGain[e] = this.pruneCalls[e]! > 0 ? 0.7 * this.pruneGain[e]! + 0.3 * gain : gain;
      this.pruneCalls[e]!++;
    }
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
    let bestPos = -1;
    const pState = this.pState;
    const pCost = this.pCost;
    for (let pos = layerStart[L]!; pos < layerStart[L + 1]!; pos++) {
      const cst = pCost[pos]!;
      if (cst >= best) continue;
      const idx = pState[pos]!;
      const q2 = (((idx / C) | 0) / Wn) | 0;
      const q = (q2 / Mn) | 0;
      const mm = q2 - q * Mn;
      const k = (q / R) | 0;
      const r = q - k * R;
      if (mm * unit < minNeeded - 1e-9) continue;
      if (b0 < D) {
        const startedAtZero = r === b0; // exact whenever it matters (below the minimum)
        if (k > 0 && b0v > 0) {
          if (classForbid[k * V + b0v]) continue;
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
        } else if (!startedAtZero && !tailTouchesEnd && r + fl < minOff) continue;
      }
      best = cst;
      bestPos = pos;
    }
    if (bestPos < 0) return Infinity;
    let pos = bestPos;
    for (let t = L - 1; t >= 0; t--) {
      out[t] = this.pVal[pos]!;
      pos = this.pParent[pos]!;
    }
    return best;
  }

  /**
   * Mark the positions in [start, end) that another position of the same block (value, run, minutes) dominates:
   * no more weekends, no more shifts of any binding type (the axes), no higher cost.
   */
  private prune(start: number, end: number, B: number, nAxes: number): number {
    let killed = 0;
    const n = end - start;
    const pState = this.pState;
    const pCost = this.pCost;
    const pDead = this.pDead;
    // Bucket the positions by block (hash buckets over a power-of-two table).
    let cap = 1;
    while (cap < n * 2) cap <<= 1;
    if (this.bucketHead.length < cap) this.bucketHead = new Int32Array(cap);
    if (this.bucketNext.length < n) {
      this.bucketNext = new Int32Array(Math.max(n, this.bucketNext.length * 2));
      this.blockIds = new Int32Array(this.bucketNext.length);
    }
    const head = this.bucketHead;
    const next = this.bucketNext;
    const blockIds = this.blockIds;
    head.fill(-1, 0, cap);
    const mask = cap - 1;
    for (let i = 0; i < n; i++) {
      const b = (pState[start + i]! / B) | 0;
      blockIds[i] = b;
      const h = Math.imul(b, 0x9e3779b1) >>> 0 & mask;
      next[i] = head[h]!;
      head[h] = i;
    }
    const axisStride = this.axisStride;
    const axisRadix = this.axisRadix;
    for (let h = 0; h < cap; h++) {
      // A bucket can hold several blocks: take them one at a time.
      while (head[h]! >= 0) {
        const first = head[h]!;
        const block = blockIds[first]!;
        // Collect this block's members and unlink them from the bucket.
        let count = 0;
        let prev = -1;
        for (let i = head[h]!; i >= 0; ) {
          const nx = next[i]!;
          if (blockIds[i] === block) {
            if (count >= this.members.length) {
              const bigger = new Int32Array(this.members.length * 2);
              bigger.set(this.members);
              this.members = bigger;
            }
            this.members[count++] = i;
            if (prev < 0) head[h] = nx;
            else next[prev] = nx;
          } else prev = i;
          i = nx;
        }
        if (count < 2) continue;
        const base = block * B;
        // Dominance against the block's cheapest members only (at most TOP of them): a member is dominated when one
        // of those, no dearer, has no more on every axis. Cheap, and it catches most of the dominated states.
        if (this.memberDigits.length < count * nAxes) this.memberDigits = new Int32Array(count * nAxes * 2);
        const md = this.memberDigits;
        const members = this.members;
        const top = this.kept;
        let nt = 0;
        for (let a = 0; a < count; a++) {
          const pa = start + members[a]!;
          const x = pState[pa]! - base;
          for (let ax = 0; ax < nAxes; ax++) md[a * nAxes + ax] = ((x / axisStride[ax]!) | 0) % axisRadix[ax]!;
          // Keep `top` sorted by cost (insertion; TOP is small).
          const c = pCost[pa]!;
          if (nt < TOP || c < pCost[start + members[top[nt - 1]!]!]!) {
            let i = nt < TOP ? nt++ : nt - 1;
            while (i > 0 && pCost[start + members[top[i - 1]!]!]! > c) {
              top[i] = top[i - 1]!;
              i--;
            }
            top[i] = a;
          }
        }
        for (let a = 0; a < count; a++) {
          const pa = start + members[a]!;
          const ca = pCost[pa]!;
          for (let i = 0; i < nt; i++) {
            const b = top[i]!;
            if (b === a) continue;
            const cb = pCost[start + members[b]!]!;
            if (cb > ca) break;
            if (pDead[start + members[b]!]) continue;
            let le = true;
            for (let ax = 0; ax < nAxes; ax++)
              if (md[b * nAxes + ax]! > md[a * nAxes + ax]!) {
                le = false;
                break;
              }
            if (le) {
              pDead[pa] = 1;
              killed++;
              break;
            }
          }
        }
      }
    }
    return killed;
  }
}
