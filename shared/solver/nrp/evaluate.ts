// Scoring of a staff roster: the objective (REQ-1 requests, COVER) and the hard rules counted separately, one count per
// break as the independent Curtois checker counts them (one per forbidden succession, per type over its limit, per
// minutes bound, per offending run, for the weekends, per day off worked). `evaluate` scores a whole roster from
// scratch; `ScoreState` keeps the same figures up to date cell by cell (cover counts, request and cover penalties,
// per-employee hard counts recomputed only for the rows that changed).
import { coverCost, type NrpModel } from './model.ts';

export type NrpHardRule = 'SUCC-1' | 'TYPE-1' | 'TIME-1' | 'SEQ-1' | 'SEQ-2' | 'SEQ-3' | 'WKD-1' | 'ROT-4';
export const NRP_HARD_RULES: readonly NrpHardRule[] = ['SUCC-1', 'TYPE-1', 'TIME-1', 'SEQ-1', 'SEQ-2', 'SEQ-3', 'WKD-1', 'ROT-4'];

export type NrpScore = {
  feasible: boolean;
  /** Number of hard breaks (as the Curtois checker counts them). */
  hard: number;
  objective: number;
  breakdown: { 'REQ-1': number; COVER: number; shiftOn: number; shiftOff: number };
  hardByRule: Record<NrpHardRule, number>;
  /** Up to 50 readable breaks. */
  messages: string[];
};

const emptyCounts = (): Record<NrpHardRule, number> => ({ 'SUCC-1': 0, 'TYPE-1': 0, 'TIME-1': 0, 'SEQ-1': 0, 'SEQ-2': 0, 'SEQ-3': 0, 'WKD-1': 0, 'ROT-4': 0 });

/**
 * Hard breaks of employee e's row `a[off + d]` (d = 0 … D−1). `counts` (optional) is incremented per rule and
 * `messages` (optional) receives readable breaks. Returns the number of breaks.
 */
export function rowBreaks(m: NrpModel, e: number, a: ArrayLike<number>, off: number, counts?: Record<NrpHardRule, number>, messages?: string[]): number {
  const { D, S, V } = m;
  const id = m.employeeIds[e]!;
  let n = 0;
  const hit = (rule: NrpHardRule, msg: () => string): void => {
    n++;
    if (counts) counts[rule]++;
    if (messages && messages.length < 50) messages.push(`${rule}: ${id}: ${msg()}`);
  };
  let minutes = 0;
  const typeCount = new Int32Array(S);
  let runStart = 0;
  let weekendsWorked = 0;
  let lastWeekend = -1;
  for (let d = 0; d < D; d++) {
    const v = a[off + d]!;
    if (v > 0) {
      minutes += m.valueMinutes[v]!;
      typeCount[v - 1]!++;
      if (m.dayOff[e * D + d]) hit('ROT-4', () => `works on day off ${d}`);
      const w = m.weekendOf[d]!;
      if (w >= 0 && w !== lastWeekend) {
        weekendsWorked++;
        lastWeekend = w;
      }
    }
    if (d > 0) {
      const p = a[off + d - 1]!;
      if (p > 0 && v > 0 && m.forbidNext[p * V + v]) hit('SUCC-1', () => `${m.shiftIds[v - 1]} on day ${d} after ${m.shiftIds[p - 1]}`);
    }
    // Close the run that ends at day d.
    const next = d + 1 < D ? a[off + d + 1]! : -1;
    if (d + 1 === D || (next > 0) !== (v > 0)) {
      const len = d - runStart + 1;
      const inside = runStart > 0 && d + 1 < D;
      if (v > 0) {
        if (len > m.maxConsecutive[e]!) hit('SEQ-1', () => `${len} shifts from day ${runStart}`);
        if (inside && len < m.minConsecutive[e]!) hit('SEQ-2', () => `${len} shifts from day ${runStart}`);
      } else if (inside && len < m.minConsecutiveOff[e]!) hit('SEQ-3', () => `${len} days off from day ${runStart}`);
      runStart = d + 1;
    }
  }
  for (let s = 0; s < S; s++) {
    const c = typeCount[s]!;
    if (c > 0 && c > m.maxShifts[e * S + s]!) hit('TYPE-1', () => `${c} x ${m.shiftIds[s]} > ${m.maxShifts[e * S + s]}`);
  }
  if (minutes > m.maxMinutes[e]!) hit('TIME-1', () => `${minutes} > ${m.maxMinutes[e]} minutes`);
  if (minutes < m.minMinutes[e]!) hit('TIME-1', () => `${minutes} < ${m.minMinutes[e]} minutes`);
  if (weekendsWorked > m.maxWeekends[e]!) hit('WKD-1', () => `${weekendsWorked} weekends > ${m.maxWeekends[e]}`);
  return n;
}

/** Request penalty (REQ-1) of a roster, split into shift-on and shift-off requests. */
function requestPenalties(m: NrpModel, a: ArrayLike<number>): { shiftOn: number; shiftOff: number } {
  const { D } = m;
  const index = new Map(m.employeeIds.map((id, e) => [id, e]));
  const sIndex = new Map(m.shiftIds.map((id, s) => [id, s + 1]));
  let shiftOn = 0;
  let shiftOff = 0;
  for (const r of m.instance.onRequests) if (a[index.get(r.employee)! * D + r.day] !== sIndex.get(r.shift)) shiftOn += r.weight;
  for (const r of m.instance.offRequests) if (a[index.get(r.employee)! * D + r.day] === sIndex.get(r.shift)) shiftOff += r.weight;
  return { shiftOn, shiftOff };
}

/** Cover counts `[d * S + s]` of an assignment. */
export function coverCounts(m: NrpModel, a: ArrayLike<number>): Int32Array {
  const cnt = new Int32Array(m.D * m.S);
  for (let e = 0; e < m.E; e++)
    for (let d = 0; d < m.D; d++) {
      const v = a[e * m.D + d]!;
      if (v > 0) cnt[d * m.S + v - 1]!++;
    }
  return cnt;
}

/** Score a whole roster from scratch. */
export function evaluate(m: NrpModel, a: ArrayLike<number>): NrpScore {
  const hardByRule = emptyCounts();
  const messages: string[] = [];
  let hard = 0;
  for (let e = 0; e < m.E; e++) hard += rowBreaks(m, e, a, e * m.D, hardByRule, messages);
  const cnt = coverCounts(m, a);
  let cover = 0;
  for (let c = 0; c < m.D * m.S; c++) cover += coverCost(m, c, cnt[c]!);
  const { shiftOn, shiftOff } = requestPenalties(m, a);
  return {
    feasible: hard === 0,
    hard,
    objective: shiftOn + shiftOff + cover,
    breakdown: { 'REQ-1': shiftOn + shiftOff, COVER: cover, shiftOn, shiftOff },
    hardByRule,
    messages,
  };
}

/**
 * Incremental scoring: the assignment, its cover counts, the request and cover penalties, and hard breaks per row.
 * `set` changes one cell in O(1) (objective terms exact at once); the hard count of a changed row is recomputed in
 * O(D) on the next `hard()` or `rowHard(e)` call.
 */
export class ScoreState {
  readonly a: Uint8Array;
  readonly cnt: Int32Array;
  readonly rowHardCount: Int32Array;
  private readonly dirty: Uint8Array;
  private dirtyList: number[] = [];
  private hardTotal = 0;
  prefTotal = 0;
  coverTotal = 0;

  constructor(
    readonly m: NrpModel,
    initial?: ArrayLike<number>,
  ) {
    this.a = new Uint8Array(m.E * m.D);
    if (initial) this.a.set(initial);
    this.cnt = coverCounts(m, this.a);
    this.rowHardCount = new Int32Array(m.E);
    this.dirty = new Uint8Array(m.E);
    for (let e = 0; e < m.E; e++) {
      this.rowHardCount[e] = rowBreaks(m, e, this.a, e * m.D);
      this.hardTotal += this.rowHardCount[e]!;
    }
    for (let c = 0; c < m.D * m.S; c++) this.coverTotal += coverCost(m, c, this.cnt[c]!);
    for (let i = 0; i < m.E * m.D; i++) this.prefTotal += m.pref[i * m.V + this.a[i]!]!;
  }

  objective(): number {
    return this.prefTotal + this.coverTotal;
  }

  /** Objective change if cell (e, d) took value v (nothing changes). */
  deltaSet(e: number, d: number, v: number): number {
    const { m } = this;
    const i = e * m.D + d;
    const old = this.a[i]!;
    if (old === v) return 0;
    let delta = m.pref[i * m.V + v]! - m.pref[i * m.V + old]!;
    if (old > 0) {
      const c = d * m.S + old - 1;
      const n = this.cnt[c]!;
      delta += coverCost(m, c, n - 1) - coverCost(m, c, n);
    }
    if (v > 0) {
      const c = d * m.S + v - 1;
      const n = this.cnt[c]!;
      delta += coverCost(m, c, n + 1) - coverCost(m, c, n);
    }
    return delta;
  }

  /** Set cell (e, d) to value v; returns the objective change. */
  set(e: number, d: number, v: number): number {
    const { m } = this;
    const i = e * m.D + d;
    const old = this.a[i]!;
    if (old === v) return 0;
    const delta = this.deltaSet(e, d, v);
    if (old > 0) this.cnt[d * m.S + old - 1]!--;
    if (v > 0) this.cnt[d * m.S + v - 1]!++;
    this.a[i] = v;
    this.prefTotal += m.pref[i * m.V + v]! - m.pref[i * m.V + old]!;
    this.coverTotal += delta - (m.pref[i * m.V + v]! - m.pref[i * m.V + old]!);
    if (!this.dirty[e]) {
      this.dirty[e] = 1;
      this.dirtyList.push(e);
    }
    return delta;
  }

  private flush(): void {
    for (const e of this.dirtyList) {
      const n = rowBreaks(this.m, e, this.a, e * this.m.D);
      this.hardTotal += n - this.rowHardCount[e]!;
      this.rowHardCount[e] = n;
      this.dirty[e] = 0;
    }
    this.dirtyList = [];
  }

  /** Total hard breaks. */
  hard(): number {
    this.flush();
    return this.hardTotal;
  }

  rowHard(e: number): number {
    this.flush();
    return this.rowHardCount[e]!;
  }
}
