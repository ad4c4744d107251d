// FB-1: a dedicated community officer is never on patrol car 01 or 02, whatever is approved.
import { describe, expect, it } from 'vitest';
import { assign, B1, baselineAssignments, context, G1_OFFICER, replaceDay, tinyStation, violationsOf } from './fixtures.ts';

describe('FB-1 no patrol cars', () => {
  it('holds when only other officers drive (and a non-dedicated community officer may)', () => {
    const station = tinyStation((doc) => {
      doc.people.find((p) => p.id === B1)!.community!.dedicated = false;
    });
    const ctx = context(station);
    const plan = replaceDay(baselineAssignments(station), B1, '2026-12-07', assign(station, B1, '2026-12-07', 'P', 'patrol-02'));
    expect(violationsOf('FB-1', ctx, plan)).toEqual([]);
    expect(violationsOf('FB-1', context(), baselineAssignments())).toEqual([]);
  });

  it('breaks for a dedicated community officer on patrol, even with an approval and a redeployment id', () => {
    const station = tinyStation();
    const approved = [{ id: 'rd_1', personId: B1, post: 'patrol-01' as const, from: '2026-12-07', to: '2026-12-07' }];
    const ctx = context(station, { approved });
    let plan = replaceDay(baselineAssignments(station), B1, '2026-12-07', assign(station, B1, '2026-12-07', 'P', 'patrol-01', { redeploymentId: 'rd_1' }));
    plan = replaceDay(plan, G1_OFFICER, '2026-12-07', assign(station, G1_OFFICER, '2026-12-07', 'P', 'case-handling'));
    const found = violationsOf('FB-1', ctx, plan);
    expect(found).toEqual([expect.objectContaining({ rule: 'FB-1', severity: 'hard', personIds: [B1], dates: ['2026-12-07'] })]);
    expect(found[0]!.message).toBe(
      'Xu Xin (P021) is on patrol-01 on 2026-12-07: dedicated community officers never drive patrol cars, and no approval changes that (FB-1)',
    );
  });
});
