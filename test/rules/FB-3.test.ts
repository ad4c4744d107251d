// FB-3: a dedicated community officer on other non-community work needs an approved redeployment for that officer,
// post and day, and the assignment cites it.
import { describe, expect, it } from 'vitest';
import type { ApprovedRedeployment } from '../../shared/domain/plan.ts';
import { assign, B1, baselineAssignments, context, replaceDay, tinyStation, violationsOf } from './fixtures.ts';

const station = tinyStation();
// 2026-12-12 is a rest day of B1 (G1 on R): a pull onto station duty that day.
const pull = (redeploymentId?: string) =>
  replaceDay(baselineAssignments(station), B1, '2026-12-12', assign(station, B1, '2026-12-12', 'W', 'station-duty', redeploymentId ? { redeploymentId } : {}));
const approval: ApprovedRedeployment = { id: 'rd_7', personId: B1, post: 'station-duty', from: '2026-12-12', to: '2026-12-12' };

describe('FB-3 no other non-community work without approval', () => {
  it('holds under an approved redeployment for that officer, post and day, cited by the assignment', () => {
    expect(violationsOf('FB-3', context(station, { approved: [approval] }), pull('rd_7'))).toEqual([]);
  });

  it('breaks without any approval', () => {
    const found = violationsOf('FB-3', context(station), pull());
    expect(found).toEqual([expect.objectContaining({ rule: 'FB-3', severity: 'hard', personIds: [B1], dates: ['2026-12-12'] })]);
    expect(found[0]!.message).toContain('Xu Xin (P021) is on station-duty on 2026-12-12');
    expect(found[0]!.message).toContain('no approved redeployment covers');
  });

  it('breaks when the approval exists but the assignment does not cite it', () => {
    const found = violationsOf('FB-3', context(station, { approved: [approval] }), pull());
    expect(found).toEqual([expect.objectContaining({ rule: 'FB-3', personIds: [B1], dates: ['2026-12-12'] })]);
    expect(found[0]!.message).toContain('does not cite approved redeployment rd_7');
  });

  it('breaks when the cited approval is for another day or another post', () => {
    const otherDay = { ...approval, from: '2026-12-13', to: '2026-12-14' };
    expect(violationsOf('FB-3', context(station, { approved: [otherDay] }), pull('rd_7'))).toHaveLength(1);
    const otherPost = { ...approval, post: 'command-room' as const };
    expect(violationsOf('FB-3', context(station, { approved: [otherPost] }), pull('rd_7'))).toHaveLength(1);
    expect(violationsOf('FB-3', context(station), pull('rd_7'))[0]!.message).toContain('rd_7 is not an approved one');
  });
});
