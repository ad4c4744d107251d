// CP-2: per full ISO week, at least the weekly community hours (36), pro-rated for days of absence.
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../shared/domain/plan.ts';
import type { StationConfig } from '../../shared/domain/station.ts';
import { A, absent, baselineAssignments, context, rest, tinyStation, violationsOf, WEEK1 } from './fixtures.ts';

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
