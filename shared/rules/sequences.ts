// Pure helpers for the sequence and total rules of a person's row of days (SEQ-1, SEQ-2, SEQ-3, WKD-1, TYPE-1, TIME-1,
// SUCC-1): runs of worked days and days off, worked weekends counted from the weekday of the first day, shift counts
// and working minutes. A row is one entry per day; `worked[d]` says whether day d has a shift. They know nothing of
// stations or solvers, so the station planner and the staff-rostering engine (../solver/nrp) share them.
//
// Readings: a run "touches the horizon" when it starts on the first day or ends on the last day; the minimum rules
// (SEQ-2, SEQ-3) do not judge such runs, because the days before and after the horizon are unknown. A weekend is a
// Saturday and the Sunday after it; it is worked when either day of it inside the horizon has a shift (a horizon that
// starts on a Sunday has that Sunday as a weekend of its own).

/** A maximal run of equal values: worked (`value` true) or off. */
export type Run = { value: boolean; start: number; length: number };

/** Weekday numbering used here: 0 = Monday … 5 = Saturday, 6 = Sunday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Maximal runs of equal values, in day order. */
export function runs(worked: readonly boolean[]): Run[] {
  const out: Run[] = [];
  let last: Run | undefined;
  for (let d = 0; d < worked.length; d++) {
    const value = worked[d] === true;
    if (last && last.value === value) last.length++;
    else {
      last = { value, start: d, length: 1 };
      out.push(last);
    }
  }
  return out;
}

/** True when the run starts on the first day or ends on the last day of a horizon of `days` days. */
export function touchesHorizon(run: Run, days: number): boolean {
  return run.start === 0 || run.start + run.length >= days;
}

/** Runs of worked days. */
export function workedRuns(worked: readonly boolean[]): Run[] {
  return runs(worked).filter((r) => r.value);
}

/** Runs of days off. */
export function offRuns(worked: readonly boolean[]): Run[] {
  return runs(worked).filter((r) => !r.value);
}

/** SEQ-1: runs of worked days longer than `max`. */
export function runsOverMax(worked: readonly boolean[], max: number): Run[] {
  return workedRuns(worked).filter((r) => r.length > max);
}

/** SEQ-2: runs of worked days shorter than `min` that do not touch the horizon. */
export function workRunsUnderMin(worked: readonly boolean[], min: number): Run[] {
  return workedRuns(worked).filter((r) => r.length < min && !touchesHorizon(r, worked.length));
}

/** SEQ-3: runs of days off shorter than `min` that do not touch the horizon. */
export function offRunsUnderMin(worked: readonly boolean[], min: number): Run[] {
  return offRuns(worked).filter((r) => r.length < min && !touchesHorizon(r, worked.length));
}

/** The weekends of a horizon of `days` days whose first day is `startWeekday`: the day indexes of their days inside it. */
export function weekends(days: number, startWeekday: number): number[][] {
  const out: number[][] = [];
  for (let d = 0; d < days; d++) {
    const wd = (startWeekday + d) % 7;
    if (wd === 5) out.push([d]);
    else if (wd === 6) {
      const last = out[out.length - 1];
      if (d > 0 && last && last[0] === d - 1) last.push(d);
      else out.push([d]);
    }
  }
  return out;
}

/** WKD-1: the number of worked weekends (Saturday or Sunday has a shift). */
export function workedWeekends(worked: readonly boolean[], startWeekday: number): number {
  return weekends(worked.length, startWeekday).filter((w) => w.some((d) => worked[d] === true)).length;
}

/** TYPE-1: how many shifts of each type a row holds (`""` or null = day off). */
export function shiftCounts(row: readonly (string | null)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of row) if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

/** TYPE-1: the shift types worked more often than their limit (a type without a limit is unlimited). */
export function typesOverMax(row: readonly (string | null)[], max: ReadonlyMap<string, number> | Readonly<Record<string, number>>): { shift: string; count: number; max: number }[] {
  const limit = (s: string): number | undefined => (max instanceof Map ? max.get(s) : (max as Readonly<Record<string, number>>)[s]);
  const out: { shift: string; count: number; max: number }[] = [];
  for (const [shift, count] of shiftCounts(row)) {
    const m = limit(shift);
    if (m !== undefined && count > m) out.push({ shift, count, max: m });
  }
  return out;
}

/** TIME-1: the working minutes of a row. */
export function totalMinutes(row: readonly (string | null)[], minutesOf: (shift: string) => number): number {
  let total = 0;
  for (const s of row) if (s) total += minutesOf(s);
  return total;
}

/** SUCC-1: the days d ≥ 1 whose shift may not follow the shift of day d − 1. */
export function forbiddenSuccessions(row: readonly (string | null)[], cannotFollow: (before: string, after: string) => boolean): number[] {
  const out: number[] = [];
  for (let d = 1; d < row.length; d++) {
    const a = row[d - 1];
    const b = row[d];
    if (a && b && cannotFollow(a, b)) out.push(d);
  }
  return out;
}

/** The worked flags of a row (`""` or null = day off). */
export function workedFlags(row: readonly (string | null)[]): boolean[] {
  return row.map((s) => s !== null && s !== '');
}
