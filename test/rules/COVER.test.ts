// COVER: on each date, shift and post with demand, the people on it plus the reported shortfall reach the demand.
import { describe, expect, it } from 'vitest';
import type { Shortfall } from '../../shared/domain/plan.ts';
import { baselineAssignments, context, G1_OFFICER, replaceDay, rest, tinyStation, violationsOf } from './fixtures.ts';

const station = tinyStation();
const uncovered = replaceDay(baselineAssignments(station), G1_OFFICER, '2026-12-07', rest(station, G1_OFFICER, '2026-12-07'));

describe('COVER demand covered', () => {
  it('holds when every post is staffed', () => {
    expect(violationsOf('COVER', context(station), baselineAssignments(station))).toEqual([]);
  });

  it('holds when the gap is reported as a shortfall', () => {
    const shortfalls: Shortfall[] = [{ date: '2026-12-07', shift: 'P', post: 'patrol-01', missing: 1, rule: 'ROT-4', message: 'nobody left' }];
    expect(violationsOf('COVER', context(station), uncovered, shortfalls)).toEqual([]);
  });

  it('breaks for a silent gap, naming post, shift, day and how many are missing', () => {
    const found = violationsOf('COVER', context(station), uncovered);
    expect(found).toEqual([expect.objectContaining({ rule: 'COVER', severity: 'soft', personIds: [], dates: ['2026-12-07'] })]);
    expect(found[0]!.message).toBe('patrol-01 in shift P on 2026-12-07 (Mon) needs 1, has 0: 1 missing without a reported shortfall (COVER)');
  });

  it('asks for reinforced duty only inside the declared period', () => {
    // An empty plan for 12-23 and 12-24: reinforced duty is declared from 12-24.
    const found = violationsOf('COVER', context(station, { start: '2026-12-23', days: 2 }), []);
    expect(found.map((v) => `${v.dates[0]} ${v.message.split(' ')[0]}`).sort()).toEqual([
      '2026-12-23 case-handling',
      '2026-12-23 patrol-01',
      '2026-12-24 case-handling',
      '2026-12-24 patrol-01',
      '2026-12-24 reinforced-duty',
    ]);
  });
});
