// The generic staff-rostering model (employees × days, one shift or a day off per cell) and its compiled form.
// Nothing here knows a file format or a station: adapters (curtois.ts) build an `NrpInstance`, `compile` turns it into
// flat typed arrays the evaluator and the engine index directly.
//
// Rules (all per employee, hard): at most one shift a day (by construction), forbidden successions (SUCC-1), max shifts
// of a type (TYPE-1), min and max working minutes (TIME-1), max consecutive working days (SEQ-1), min consecutive
// working days (SEQ-2) and min consecutive days off (SEQ-3) except for runs that touch the first or the last day of the
// horizon, max worked weekends (WKD-1: a weekend is worked when its Saturday or its Sunday has a shift), days off
// (ROT-4). Objective (soft): shift-on requests not granted and shift-off requests granted (REQ-1), cover under and over
// the requirement times its weights (COVER).
import { weekends } from '../../rules/sequences.ts';

export type NrpShift = {
  id: string;
  minutes: number;
  /** Shift ids that may not be worked on the day after this shift. */
  cannotFollow: readonly string[];
};

export type NrpEmployee = {
  id: string;
  /** Max number of shifts of a type; a type not listed is unlimited. */
  maxShifts: Readonly<Record<string, number>>;
  minMinutes: number;
  maxMinutes: number;
  maxConsecutive: number;
  minConsecutive: number;
  minConsecutiveOff: number;
  maxWeekends: number;
  /** Day indexes on which the employee must not work. */
  daysOff: readonly number[];
};

export type NrpRequest = { employee: string; day: number; shift: string; weight: number };
export type NrpCover = { day: number; shift: string; required: number; underWeight: number; overWeight: number };

export type NrpInstance = {
  name: string;
  days: number;
  /** Weekday of day 0: 0 = Monday … 6 = Sunday. */
  startWeekday: number;
  shifts: readonly NrpShift[];
  employees: readonly NrpEmployee[];
  onRequests: readonly NrpRequest[];
  offRequests: readonly NrpRequest[];
  cover: readonly NrpCover[];
};

/** A roster by employee id: one shift id per day, `""` for a day off. */
export type Roster = Record<string, string[]>;

/** No limit (a large finite number so that it stays in an Int32Array). */
export const UNLIMITED = 1 << 29;

/**
 * The compiled model. Cell values are `0` for a day off and `s + 1` for shift `s`; arrays indexed by employee `e`,
 * day `d`, shift `s`, value `v` are flat: `[e * days + d]`, `[d * S + s]`, `[(e * days + d) * V + v]` with `V = S + 1`.
 */
export type NrpModel = {
  instance: NrpInstance;
  E: number;
  D: number;
  S: number;
  /** S + 1: the number of cell values. */
  V: number;
  shiftIds: readonly string[];
  employeeIds: readonly string[];
  /** Minutes of each value (0 for a day off). */
  valueMinutes: Int32Array;
  /** `[p * V + v]` = 1 when value v may not follow value p on the next day (both shifts). */
  forbidNext: Uint8Array;
  /** `[e * S + s]` max shifts of type s (UNLIMITED if none). */
  maxShifts: Int32Array;
  minMinutes: Float64Array;
  maxMinutes: Float64Array;
  maxConsecutive: Int32Array;
  minConsecutive: Int32Array;
  minConsecutiveOff: Int32Array;
  maxWeekends: Int32Array;
  /** `[e * D + d]` = 1 on a day off. */
  dayOff: Uint8Array;
  /** `[(e * D + d) * V + v]` request penalty of value v for employee e on day d (REQ-1). */
  pref: Float64Array;
  /** `[(e * D + d) * V + v]` = 1 when value v is allowed in that cell (day off, type limit 0 forbid shifts). */
  allowed: Uint8Array;
  /** Cover entries per cell `d * S + s`: entries `coverStart[c] .. coverStart[c + 1]` of the three arrays below. */
  coverStart: Int32Array;
  coverRequired: Int32Array;
  coverUnder: Float64Array;
  coverOver: Float64Array;
  /** Weekend index of each day (Saturday or Sunday), -1 on weekdays. */
  weekendOf: Int32Array;
  weekends: number;
  /** Greatest common divisor of the shift lengths (minutes resource unit of the engine's dynamic programme). */
  minuteUnit: number;
};

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

/** Weekend index per day for a horizon starting on `startWeekday` (0 = Monday); weekends are Saturday + Sunday. */
export function weekendIndex(days: number, startWeekday: number): { weekendOf: Int32Array; weekends: number } {
  const weekendOf = new Int32Array(days).fill(-1);
  const list = weekends(days, startWeekday);
  list.forEach((w, i) => {
    for (const d of w) weekendOf[d] = i;
  });
  return { weekendOf, weekends: list.length };
}

export function compile(instance: NrpInstance): NrpModel {
  const { days: D } = instance;
  const S = instance.shifts.length;
  const V = S + 1;
  const E = instance.employees.length;
  const shiftIndex = new Map(instance.shifts.map((s, i) => [s.id, i]));
  const employeeIndex = new Map(instance.employees.map((e, i) => [e.id, i]));
  const shiftOf = (id: string, where: string): number => {
    const s = shiftIndex.get(id);
    if (s === undefined) throw new Error(`${where}: unknown shift ${id}`);
    return s;
  };
  const employeeOf = (id: string, where: string): number => {
    const e = employeeIndex.get(id);
    if (e === undefined) throw new Error(`${where}: unknown employee ${id}`);
    return e;
  };
  const dayOf = (d: number, where: string): number => {
    if (!Number.isInteger(d) || d < 0 || d >= D) throw new Error(`${where}: day ${d} outside 0..${D - 1}`);
    return d;
  };

  const valueMinutes = new Int32Array(V);
  instance.shifts.forEach((s, i) => {
    valueMinutes[i + 1] = s.minutes;
  });
  const forbidNext = new Uint8Array(V * V);
  instance.shifts.forEach((s, i) => {
    for (const t of s.cannotFollow) forbidNext[(i + 1) * V + shiftOf(t, `shift ${s.id}`) + 1] = 1;
  });

  const maxShifts = new Int32Array(E * S).fill(UNLIMITED);
  const minMinutes = new Float64Array(E);
  const maxMinutes = new Float64Array(E);
  const maxConsecutive = new Int32Array(E);
  const minConsecutive = new Int32Array(E);
  const minConsecutiveOff = new Int32Array(E);
  const maxWeekends = new Int32Array(E);
  const dayOff = new Uint8Array(E * D);
  const cap = (n: number): number => (Number.isFinite(n) ? Math.min(Math.max(n, 0), UNLIMITED) : UNLIMITED);
  instance.employees.forEach((emp, e) => {
    for (const [id, n] of Object.entries(emp.maxShifts)) maxShifts[e * S + shiftOf(id, `employee ${emp.id}`)] = cap(n);
    minMinutes[e] = emp.minMinutes;
    maxMinutes[e] = emp.maxMinutes;
    maxConsecutive[e] = cap(emp.maxConsecutive);
    minConsecutive[e] = cap(emp.minConsecutive);
    minConsecutiveOff[e] = cap(emp.minConsecutiveOff);
    maxWeekends[e] = cap(emp.maxWeekends);
    for (const d of emp.daysOff) dayOff[e * D + dayOf(d, `days off of ${emp.id}`)] = 1;
  });

  const pref = new Float64Array(E * D * V);
  for (const r of instance.onRequests) {
    const e = employeeOf(r.employee, 'shift-on request');
    const d = dayOf(r.day, 'shift-on request');
    const s = shiftOf(r.shift, 'shift-on request');
    for (let v = 0; v < V; v++) if (v !== s + 1) pref[(e * D + d) * V + v]! += r.weight;
  }
  for (const r of instance.offRequests) {
    const e = employeeOf(r.employee, 'shift-off request');
    const d = dayOf(r.day, 'shift-off request');
    const s = shiftOf(r.shift, 'shift-off request');
    pref[(e * D + d) * V + s + 1]! += r.weight;
  }

  const allowed = new Uint8Array(E * D * V);
  for (let e = 0; e < E; e++)
    for (let d = 0; d < D; d++) {
      const base = (e * D + d) * V;
      allowed[base] = 1;
      if (dayOff[e * D + d]) continue;
      for (let s = 0; s < S; s++) if (maxShifts[e * S + s]! > 0) allowed[base + s + 1] = 1;
    }

  const perCell: number[][] = Array.from({ length: D * S }, () => []);
  instance.cover.forEach((c, i) => {
    perCell[dayOf(c.day, 'cover') * S + shiftOf(c.shift, 'cover')]!.push(i);
  });
  const coverStart = new Int32Array(D * S + 1);
  const coverRequired = new Int32Array(instance.cover.length);
  const coverUnder = new Float64Array(instance.cover.length);
  const coverOver = new Float64Array(instance.cover.length);
  let k = 0;
  perCell.forEach((list, cell) => {
    coverStart[cell] = k;
    for (const i of list) {
      const c = instance.cover[i]!;
      coverRequired[k] = c.required;
      coverUnder[k] = c.underWeight;
      coverOver[k] = c.overWeight;
      k++;
    }
  });
  coverStart[D * S] = k;

  const { weekendOf, weekends } = weekendIndex(D, instance.startWeekday);
  let minuteUnit = 0;
  for (const s of instance.shifts) minuteUnit = gcd(minuteUnit, Math.round(s.minutes));
  if (minuteUnit <= 0) minuteUnit = 1;

  return {
    instance,
    E,
    D,
    S,
    V,
    shiftIds: instance.shifts.map((s) => s.id),
    employeeIds: instance.employees.map((e) => e.id),
    valueMinutes,
    forbidNext,
    maxShifts,
    minMinutes,
    maxMinutes,
    maxConsecutive,
    minConsecutive,
    minConsecutiveOff,
    maxWeekends,
    dayOff,
    pref,
    allowed,
    coverStart,
    coverRequired,
    coverUnder,
    coverOver,
    weekendOf,
    weekends,
    minuteUnit,
  };
}

/** Cover penalty of cell `c = d * S + s` staffed by `n` people. */
export function coverCost(m: NrpModel, c: number, n: number): number {
  let cost = 0;
  for (let k = m.coverStart[c]!, end = m.coverStart[c + 1]!; k < end; k++) {
    const req = m.coverRequired[k]!;
    if (n < req) cost += (req - n) * m.coverUnder[k]!;
    else if (n > req) cost += (n - req) * m.coverOver[k]!;
  }
  return cost;
}

/** A roster by id from a flat assignment (`[e * D + d]` = value). */
export function toRoster(m: NrpModel, a: ArrayLike<number>): Roster {
  const roster: Roster = {};
  m.employeeIds.forEach((id, e) => {
    const row: string[] = [];
    for (let d = 0; d < m.D; d++) {
      const v = a[e * m.D + d]!;
      row.push(v === 0 ? '' : m.shiftIds[v - 1]!);
    }
    roster[id] = row;
  });
  return roster;
}

/** The flat assignment of a roster by id; throws on unknown employees or shifts and on rows of the wrong length. */
export function fromRoster(m: NrpModel, roster: Roster): Uint8Array {
  const a = new Uint8Array(m.E * m.D);
  const shiftIndex = new Map(m.shiftIds.map((s, i) => [s, i + 1]));
  for (const id of Object.keys(roster)) if (!m.employeeIds.includes(id)) throw new Error(`unknown employee ${id}`);
  m.employeeIds.forEach((id, e) => {
    const row = roster[id];
    if (!row || row.length !== m.D) throw new Error(`${id}: needs ${m.D} days`);
    row.forEach((s, d) => {
      const v = s === '' ? 0 : shiftIndex.get(s);
      if (v === undefined) throw new Error(`${id} day ${d}: unknown shift ${s}`);
      a[e * m.D + d] = v;
    });
  });
  return a;
}
