// SKILL-1: a post whose demand row needs skills is held only by people who have all of them.
import { describe, expect, it } from 'vitest';
import { assign, baselineAssignments, context, DIRECTOR, replaceDay, violationsOf } from './fixtures.ts';

describe('SKILL-1 required skills', () => {
  it('holds when drivers drive and case handlers handle cases', () => {
    const ctx = context();
    expect(violationsOf('SKILL-1', ctx, baselineAssignments(ctx.station))).toEqual([]);
  });

  it('holds where no demand row applies: case-handling on S is asked for on weekdays only', () => {
    const ctx = context();
    // 2026-12-12 is a Saturday; the director has no skills.
    const plan = replaceDay(baselineAssignments(ctx.station), DIRECTOR, '2026-12-12', assign(ctx.station, DIRECTOR, '2026-12-12', 'S', 'case-handling'));
    expect(violationsOf('SKILL-1', ctx, plan)).toEqual([]);
  });

  it('breaks when someone without the skill holds the post', () => {
    const ctx = context();
    const plan = replaceDay(baselineAssignments(ctx.station), DIRECTOR, '2026-12-12', assign(ctx.station, DIRECTOR, '2026-12-12', 'P', 'patrol-01'));
    const found = violationsOf('SKILL-1', ctx, plan);
    expect(found).toEqual([expect.objectContaining({ rule: 'SKILL-1', severity: 'hard', personIds: [DIRECTOR], dates: ['2026-12-12'] })]);
    expect(found[0]!.message).toMatch(/Zhang Wei \(P001\) is on patrol-01 .* without the skill driver/);
  });
});
