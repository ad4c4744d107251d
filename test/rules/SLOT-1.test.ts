// SLOT-1: a person's timed assignments never overlap.
import { describe, expect, it } from 'vitest';
import { assign, baselineAssignments, context, DIRECTOR, G1_OFFICER, violationsOf } from './fixtures.ts';

describe('SLOT-1 one post at a time', () => {
  it('holds for back-to-back shifts (a 24 h primary ending as the secondary starts)', () => {
    const ctx = context();
    // P010 works P on 12-07 (08:00 to 08:00 next day) and S on 12-08 from 08:00.
    expect(violationsOf('SLOT-1', ctx, baselineAssignments(ctx.station))).toEqual([]);
  });

  it('breaks when two posts overlap', () => {
    const ctx = context();
    const plan = [...baselineAssignments(ctx.station), assign(ctx.station, DIRECTOR, '2026-12-07', 'P', 'patrol-01')];
    const found = violationsOf('SLOT-1', ctx, plan);
    expect(found).toEqual([expect.objectContaining({ rule: 'SLOT-1', severity: 'hard', personIds: [DIRECTOR], dates: ['2026-12-07'] })]);
    expect(found[0]!.message).toContain('Zhang Wei (P001)');
  });

  it('breaks across days: a primary running into the next day\'s shift', () => {
    const ctx = context();
    // A night shift (20:00 to 06:00) on 12-08 fits between S (08:00–18:00) and the next P (12-10 08:00).
    const plan = [...baselineAssignments(ctx.station), assign(ctx.station, G1_OFFICER, '2026-12-08', 'N', 'station-duty')];
    expect(violationsOf('SLOT-1', ctx, plan)).toEqual([]);
    // On 12-07 the same night shift falls inside P (12-07 08:00 to 12-08 08:00).
    const clash = [...baselineAssignments(ctx.station), assign(ctx.station, G1_OFFICER, '2026-12-07', 'N', 'station-duty')];
    expect(violationsOf('SLOT-1', ctx, clash)).toEqual([expect.objectContaining({ personIds: [G1_OFFICER], dates: ['2026-12-07'] })]);
  });
});
