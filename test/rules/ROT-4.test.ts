// ROT-4: a person with an absence covering the date holds only `absent` that day.
import { describe, expect, it } from 'vitest';
import { absent, assign, baselineAssignments, context, G1_OFFICER, replaceDay, tinyStation, violationsOf } from './fixtures.ts';

const onLeave = () =>
  tinyStation((doc) => {
    doc.absences = [{ personId: G1_OFFICER, from: '2026-12-09', to: '2026-12-10', reason: 'leave' }];
  });

describe('ROT-4 absent people are not rostered', () => {
  it('holds when the absent days carry only `absent`', () => {
    const ctx = context(onLeave());
    let plan = replaceDay(baselineAssignments(ctx.station), G1_OFFICER, '2026-12-09', absent(ctx.station, G1_OFFICER, '2026-12-09'));
    plan = replaceDay(plan, G1_OFFICER, '2026-12-10', absent(ctx.station, G1_OFFICER, '2026-12-10'));
    expect(violationsOf('ROT-4', ctx, plan)).toEqual([]);
  });

  it('breaks for rest or work on an absent day', () => {
    const ctx = context(onLeave());
    // The baseline has a rest day on 12-09 and patrol on 12-10 for this officer; neither is `absent`.
    const plan = replaceDay(baselineAssignments(ctx.station), G1_OFFICER, '2026-12-10', assign(ctx.station, G1_OFFICER, '2026-12-10', 'P', 'patrol-01'));
    const found = violationsOf('ROT-4', ctx, plan);
    const byDate = [...found].sort((x, y) => x.dates[0]!.localeCompare(y.dates[0]!));
    expect(byDate.map((v) => [v.rule, v.severity, v.personIds, v.dates])).toEqual([
      ['ROT-4', 'hard', [G1_OFFICER], ['2026-12-09']],
      ['ROT-4', 'hard', [G1_OFFICER], ['2026-12-10']],
    ]);
    expect(found.find((v) => v.dates[0] === '2026-12-10')!.message).toMatch(/Zhou Peng \(P010\) is on patrol-01 on 2026-12-10.*leave/);
  });
});
