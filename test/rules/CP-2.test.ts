// CP-2: per full ISO week, at least the weekly community hours (36), pro-rated for days of absence and public holidays.
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../shared/domain/plan.ts';
import type { StationConfig } from '../../shared/domain/station.ts';
import { dateRange } from '../../shared/rotation/index.ts';
import { A, absent, baselineAssignments, context, rest, tinyStation, violationsOf, WEEK1 } from './fixtures.ts';
import { NATIONAL_DAY, SPRING, holidayContext, holidayPlan } from './holiday-fixtures.ts';

type DayOff = (station: StationConfig, personId: string, date: string) => Assignment;

/** The A misses Monday and Tuesday of week 1: 3 × 8 h + 4 h of flexible night = 28 h. */
const without = (station: StationConfig, dayOff: DayOff) =>
  baselineAssignments(station).map((a) => (a.personId === A && (a.date === '2026-12-07' || a.date === '2026-12-08') ? dayOff(station, A, a.date) : a));

describe('CP-2 weekly community hours', () => {
  it('holds at 36 h, and at 28 h when two days of absence bring the target down to 36 × 5/7 ≈ 25.7 h', () => {
    expect(violationsOf('CP-2', context(), baselineAssignments())).toEqual([]); // the Bs have exactly 36 h
    const onLeave = tinyStation((doc) => {
      doc.absences = [{ personId: A, from: '2026-12-07', to: '2026-12-08', reason: 'training' }];
    });
    expect(violationsOf('CP-2', context(onLeave), without(onLeave, absent))).toEqual([]);
  });

  it('breaks at 28 h when the two days are simply rest', () => {
    const station = tinyStation();
    const found = violationsOf('CP-2', context(station), without(station, rest));
    expect(found).toEqual([expect.objectContaining({ rule: 'CP-2', severity: 'soft', personIds: [A], dates: WEEK1 })]);
    expect(found[0]!.message).toMatch(/Wang Fang \(P020\) has 28 community hours in 2026-W50.*target is 36 h/);
  });
});

describe('CP-2 pro-rated for public holidays as for absence (CAL-3)', () => {
  const station = tinyStation();
  /** The A's community days in the National Day window, all but the given dates turned to rest. */
  const aOnly = (window: { start: string; days: number }, keep: readonly string[]) =>
    holidayPlan(window).map((a) => (a.personId === A && a.post === 'community' && !keep.includes(a.date) ? rest(station, A, a.date) : a));

  it('holds in the Spring Festival week with no community hours at all (all seven days are holidays: target 0 h)', () => {
    expect(violationsOf('CP-2', holidayContext(station, SPRING), holidayPlan(SPRING))).toEqual([]);
    const weekOff = holidayPlan(SPRING).filter((a) => a.personId === A && a.date >= '2026-02-16' && a.date <= '2026-02-22');
    expect(weekOff.every((a) => a.hours === 0)).toBe(true);
  });

  it('holds in the National Day week at 24 h: four holidays bring the target to 36 × 3/7 ≈ 15.4 h', () => {
    expect(violationsOf('CP-2', holidayContext(station, NATIONAL_DAY), holidayPlan(NATIONAL_DAY))).toEqual([]);
  });

  it('breaks in the National Day week at 8 h, and at 24 h when the station works the holidays', () => {
    const found = violationsOf('CP-2', holidayContext(station, NATIONAL_DAY), aOnly(NATIONAL_DAY, ['2026-09-28', '2026-10-08', '2026-10-09', '2026-10-10']));
    expect(found).toEqual([expect.objectContaining({ rule: 'CP-2', personIds: [A], dates: dateRange('2026-09-28', 7) })]);
    expect(found[0]!.message).toContain('target is 15.4 h, pro-rated for 4 public holiday(s) from 36 h');
    const working = tinyStation((doc) => {
      doc.calendar = { workdays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04'], restDays: [] };
    });
    // The plan as made for the official calendar: the A's 24 h (and a B's 32 h) now fall short of the full 36 h.
    const full = violationsOf('CP-2', holidayContext(working, NATIONAL_DAY), holidayPlan(NATIONAL_DAY)).filter((v) => v.personIds.includes(A));
    expect(full).toEqual([expect.objectContaining({ personIds: [A], dates: dateRange('2026-09-28', 7) })]);
    expect(full[0]!.message).toContain('the target is 36 h (CP-2)');
  });
});
