// The generic sequence rules (SEQ-1, SEQ-3, WKD-1, TYPE-1) as a station uses them: optional limits in its `rules`.
// Reading: like REST-1, they bind work off the pattern. A duty pattern is the station's own choice (ROT-2's cycle has
// six working days in a row), so a limit is broken only where off-pattern work (a call-in, or a redeployment for
// TYPE-1) is part of the breach: a run that a call-in lengthens, a break a call-in shortens, a weekend worked only
// through call-ins, a shift count that includes a call-in. Counting limits (weekends, shifts of a type) are per four
// weeks and scale with the plan's length. The checks and the engine both call `limitBreaks`, so they agree.
import { runs, touchesHorizon, weekends } from './sequences.ts';

export type StationLimits = {
  maxConsecutiveWorkingDays?: number | undefined;
  minConsecutiveDaysOff?: number | undefined;
  maxWorkedWeekends?: number | undefined;
  maxShiftsOfType?: Readonly<Record<string, number>> | undefined;
};

/** One person's plan, a day at a time: worked or not, the shift code, and whether that day's work is off the pattern. */
export type LimitRow = {
  worked: readonly boolean[];
  shift: readonly (string | null)[];
  callIn: readonly boolean[];
  redeployed: readonly boolean[];
};

/** `params`: the figures of the sentence (i18n catalogue, key = the rule ID). */
export type LimitBreak = { rule: 'SEQ-1' | 'SEQ-3' | 'WKD-1' | 'TYPE-1'; days: number[]; params: Record<string, number | string> };

export const hasLimits = (limits: StationLimits): boolean =>
  limits.maxConsecutiveWorkingDays !== undefined ||
  limits.minConsecutiveDaysOff !== undefined ||
  limits.maxWorkedWeekends !== undefined ||
  (limits.maxShiftsOfType !== undefined && Object.keys(limits.maxShiftsOfType).length > 0);

/** A per-four-weeks limit over a plan of `days` days. */
export const scaledLimit = (perFourWeeks: number, days: number): number => Math.ceil((perFourWeeks * days) / 28);

const range = (start: number, length: number) => Array.from({ length }, (_, i) => start + i);

/** `startWeekday`: 0 = Monday … 6 = Sunday for the plan's first day. */
export function limitBreaks(row: LimitRow, limits: StationLimits, startWeekday: number): LimitBreak[] {
  const days = row.worked.length;
  const out: LimitBreak[] = [];
  const all = runs(row.worked);
  if (limits.maxConsecutiveWorkingDays !== undefined) {
    const max = limits.maxConsecutiveWorkingDays;
    for (const run of all)
      if (run.value && run.length > max && range(run.start, run.length).some((d) => row.callIn[d]))
        out.push({ rule: 'SEQ-1', days: range(run.start, run.length), params: { count: run.length, max } });
  }
  if (limits.minConsecutiveDaysOff !== undefined) {
    const min = limits.minConsecutiveDaysOff;
    for (const run of all) {
      if (run.value || run.length >= min || touchesHorizon(run, days)) continue;
      const before = run.start - 1;
      const after = run.start + run.length;
      if (row.callIn[before] || row.callIn[after])
        out.push({ rule: 'SEQ-3', days: range(run.start, run.length), params: { count: run.length, min } });
    }
  }
  if (limits.maxWorkedWeekends !== undefined) {
    const max = scaledLimit(limits.maxWorkedWeekends, days);
    const worked = weekends(days, startWeekday).filter((w) => w.some((d) => row.worked[d]));
    const byCallIn = worked.filter((w) => w.filter((d) => row.worked[d]).every((d) => row.callIn[d]));
    if (worked.length > max && byCallIn.length > 0)
      out.push({ rule: 'WKD-1', days: byCallIn.flatMap((w) => w.filter((d) => row.worked[d])), params: { worked: worked.length, byCallIn: byCallIn.length, max } });
  }
  for (const [code, perFourWeeks] of Object.entries(limits.maxShiftsOfType ?? {})) {
    const max = scaledLimit(perFourWeeks, days);
    const on = row.shift.flatMap((s, d) => (s === code && row.worked[d] ? [d] : []));
    const off = on.filter((d) => row.callIn[d] || row.redeployed[d]);
    if (on.length > max && off.length > 0)
      out.push({ rule: 'TYPE-1', days: off, params: { count: on.length, shift: code, max } });
  }
  return out;
}
