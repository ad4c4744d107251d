// AB-2: on every official workday (CAL-3) each grid has its A or one of its Bs at community work (避免断点).
import { describe, expect, it } from 'vitest';
import type { StationConfig } from '../../shared/domain/station.ts';
import { A, absent, assign, B1, B2, baselineAssignments, context, replaceDay, rest, tinyStation, violationsOf } from './fixtures.ts';
import { NATIONAL_DAY, SPRING, holidayContext, holidayPlan } from './holiday-fixtures.ts';

const aAway = (date: string): StationConfig =>
  tinyStation((doc) => {
    doc.absences = [{ personId: A, from: date, to: date, reason: 'leave' }];
  });

describe('AB-2 no gap', () => {
  it('holds when the A is at community work every weekday', () => {
    expect(violationsOf('AB-2', context(), baselineAssignments())).toEqual([]);
  });

  it('holds when the A is away and a B covers the grid', () => {
    // Wednesday 12-09: the A is on leave; B2 (G2 on P) does community work.
    const station = aAway('2026-12-09');
    const plan = replaceDay(baselineAssignments(station), A, '2026-12-09', absent(station, A, '2026-12-09'));
    expect(violationsOf('AB-2', context(station), plan)).toEqual([]);
  });

  it('breaks when the A and all Bs are away, and says where each one is', () => {
    // Tuesday 12-08: the A is on leave, B1 has their flexible night (evening), B2 rests (G2 on R).
    const station = aAway('2026-12-08');
    const plan = replaceDay(baselineAssignments(station), A, '2026-12-08', absent(station, A, '2026-12-08'));
    const found = violationsOf('AB-2', context(station), plan);
    expect(found).toEqual([expect.objectContaining({ rule: 'AB-2', severity: 'soft', personIds: [A, B1, B2], dates: ['2026-12-08'] })]);
    expect(found[0]!.message).toContain('Community Dashilan West (C1) on 2026-12-08 (Tue)');
    expect(found[0]!.message).toContain('Wang Fang (P020, A) absent (leave)');
    expect(found[0]!.message).toContain('Xu Xin (P021, B) on a flexible night');
    expect(found[0]!.message).toContain('Lin Peng (P022, B) resting');
  });

  it('breaks when the only officer at work is redeployed', () => {
    const station = aAway('2026-12-09');
    const approved = [{ id: 'rd_4', personId: B2, post: 'station-duty' as const, from: '2026-12-09', to: '2026-12-09' }];
    let plan = replaceDay(baselineAssignments(station), A, '2026-12-09', absent(station, A, '2026-12-09'));
    plan = replaceDay(plan, B2, '2026-12-09', assign(station, B2, '2026-12-09', 'W', 'station-duty', { redeploymentId: 'rd_4' }));
    const found = violationsOf('AB-2', context(station, { approved }), plan);
    expect(found).toEqual([expect.objectContaining({ personIds: [A, B1, B2], dates: ['2026-12-09'] })]);
    expect(found[0]!.message).toContain('Lin Peng (P022, B) redeployed to station-duty');
  });
});

describe('AB-2 on official workdays (CAL-3)', () => {
  const station = tinyStation();
  const emptyGrid = (plan: ReturnType<typeof holidayPlan>, date: string) =>
    [A, B1, B2].reduce((p, id) => replaceDay(p, id, date, rest(station, id, date)), plan);

  it('holds when the grid is empty on a holiday weekday (Spring Festival, National Day)', () => {
    expect(violationsOf('AB-2', holidayContext(station, SPRING), holidayPlan(SPRING))).toEqual([]);
    expect(violationsOf('AB-2', holidayContext(station, SPRING), emptyGrid(holidayPlan(SPRING), '2026-02-17'))).toEqual([]);
    expect(violationsOf('AB-2', holidayContext(station, NATIONAL_DAY), emptyGrid(holidayPlan(NATIONAL_DAY), '2026-10-06'))).toEqual([]);
  });

  it('breaks when the grid is empty on a make-up working Saturday', () => {
    expect(violationsOf('AB-2', holidayContext(station, SPRING), emptyGrid(holidayPlan(SPRING), '2026-02-28'))).toEqual([
      expect.objectContaining({ rule: 'AB-2', dates: ['2026-02-28'] }),
    ]);
    expect(violationsOf('AB-2', holidayContext(station, NATIONAL_DAY), emptyGrid(holidayPlan(NATIONAL_DAY), '2026-10-10'))).toEqual([
      expect.objectContaining({ rule: 'AB-2', dates: ['2026-10-10'] }),
    ]);
  });
});
