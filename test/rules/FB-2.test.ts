// FB-2: a dedicated community officer never handles cases, whatever is approved.
import { describe, expect, it } from 'vitest';
import { assign, B2, baselineAssignments, context, replaceDay, tinyStation, violationsOf } from './fixtures.ts';

describe('FB-2 no case handling', () => {
  it('holds when cases are handled by regular officers', () => {
    expect(violationsOf('FB-2', context(), baselineAssignments())).toEqual([]);
  });

  it('breaks for a dedicated community officer on case-handling, even under an approved redeployment', () => {
    const station = tinyStation();
    const approved = [{ id: 'rd_2', personId: B2, post: 'case-handling' as const, from: '2026-12-01', to: '2026-12-31' }];
    const ctx = context(station, { approved });
    const plan = replaceDay(baselineAssignments(station), B2, '2026-12-10', assign(station, B2, '2026-12-10', 'S', 'case-handling', { redeploymentId: 'rd_2' }));
    const found = violationsOf('FB-2', ctx, plan);
    expect(found).toEqual([expect.objectContaining({ rule: 'FB-2', severity: 'hard', personIds: [B2], dates: ['2026-12-10'] })]);
    expect(found[0]!.message).toContain('Lin Peng (P022) is on case-handling on 2026-12-10');
  });
});
