// CAL-2 (simple reading): every Wednesday, the weekly community party committee meeting, each community has at
// least one of its community officers doing community work (place `community`).
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../shared/domain/plan.ts';
import { A, absent, assign, B1, B2, baselineAssignments, context, replaceDay, rest, tinyStation, violationsOf } from './fixtures.ts';
import { NATIONAL_DAY, SPRING, holidayContext, holidayPlan } from './holiday-fixtures.ts';

// Wednesday 12-09: the A is on leave and B1 rests (G1 on R); B2 is the one left.
const station = tinyStation((doc) => {
  doc.absences = [{ personId: A, from: '2026-12-09', to: '2026-12-09', reason: 'leave' }];
});
const withB2 = (...b2: Assignment[]) =>
  replaceDay(replaceDay(baselineAssignments(station), A, '2026-12-09', absent(station, A, '2026-12-09')), B2, '2026-12-09', ...b2);

describe('CAL-2 community party committee meeting', () => {
  it('holds when one community officer does community work that Wednesday, even an evening one', () => {
    expect(violationsOf('CAL-2', context(), baselineAssignments())).toEqual([]);
    expect(violationsOf('CAL-2', context(station), withB2(assign(station, B2, '2026-12-09', 'F', 'flex-night')))).toEqual([]);
  });

  it('breaks when all of them are away that Wednesday', () => {
    const found = violationsOf('CAL-2', context(station), withB2(rest(station, B2, '2026-12-09')));
    expect(found).toEqual([expect.objectContaining({ rule: 'CAL-2', severity: 'soft', personIds: [A, B1, B2], dates: ['2026-12-09'] })]);
    expect(found[0]!.message).toContain('party committee meeting');
    expect(found[0]!.message).toContain('Wang Fang (P020, A) absent (leave)');
  });
});

describe('CAL-2 meeting moved off a holiday (CAL-3)', () => {
  const plain = tinyStation();
  const gridAway = (window: { start: string; days: number }, date: string) =>
    [A, B1, B2].reduce((p, id) => replaceDay(p, id, date, rest(plain, id, date)), holidayPlan(window));

  it('holds when nobody of the community works on the holiday Wednesday (18 February, 7 October)', () => {
    expect(violationsOf('CAL-2', holidayContext(plain, SPRING), holidayPlan(SPRING))).toEqual([]);
    expect(violationsOf('CAL-2', holidayContext(plain, SPRING), gridAway(SPRING, '2026-02-18'))).toEqual([]);
    expect(violationsOf('CAL-2', holidayContext(plain, NATIONAL_DAY), gridAway(NATIONAL_DAY, '2026-10-07'))).toEqual([]);
  });

  it('breaks when nobody works on the next workday, where the meeting moved (24 February, 8 October)', () => {
    expect(violationsOf('CAL-2', holidayContext(plain, SPRING), gridAway(SPRING, '2026-02-24'))).toEqual([
      expect.objectContaining({ rule: 'CAL-2', dates: ['2026-02-24'] }),
    ]);
    expect(violationsOf('CAL-2', holidayContext(plain, NATIONAL_DAY), gridAway(NATIONAL_DAY, '2026-10-08'))).toEqual([
      expect.objectContaining({ rule: 'CAL-2', dates: ['2026-10-08'] }),
    ]);
  });
});
