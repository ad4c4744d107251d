// PLAN-1: every person has at least one assignment on every day of the plan (rest or absent included).
import { describe, expect, it } from 'vitest';
import { checkPLAN1, checkPlan } from '../../shared/rules/checks.ts';
import { assign, baselineAssignments, context, G1_OFFICER, replaceDay, violationsOf } from './fixtures.ts';

describe('PLAN-1 everyone every day', () => {
  it('holds for the clean plan, which breaks no rule at all', () => {
    const ctx = context();
    expect(checkPlan(ctx, { assignments: baselineAssignments(ctx.station), shortfalls: [] })).toEqual([]);
  });

  it('breaks when a person has no assignment on some days, naming them and the days', () => {
    const ctx = context();
    let plan = replaceDay(baselineAssignments(ctx.station), G1_OFFICER, '2026-12-09');
    plan = replaceDay(plan, G1_OFFICER, '2026-12-12');
    const found = violationsOf('PLAN-1', ctx, plan);
    expect(found).toEqual([
      expect.objectContaining({ rule: 'PLAN-1', severity: 'hard', personIds: [G1_OFFICER], dates: ['2026-12-09', '2026-12-12'] }),
    ]);
    expect(found[0]!.message).toContain('Zhou Peng (P010)');
  });

  it('breaks for someone who is not one of the station\'s people, or a day outside the plan', () => {
    const ctx = context();
    const plan = [
      ...baselineAssignments(ctx.station),
      assign(ctx.station, 'P999', '2026-12-07', 'R', 'rest'),
      assign(ctx.station, G1_OFFICER, '2026-12-21', 'R', 'rest'),
    ];
    const found = checkPLAN1(ctx, { assignments: plan, shortfalls: [] });
    expect(found.map((v) => [v.personIds, v.dates])).toEqual([
      [[G1_OFFICER], ['2026-12-21']],
      [['P999'], ['2026-12-07']],
    ]);
  });
});
