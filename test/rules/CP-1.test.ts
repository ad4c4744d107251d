// CP-1: per full ISO week, a dedicated community officer's community hours are at least the station's share (90 %)
// of their working hours.
import { describe, expect, it } from 'vitest';
import { A, assign, baselineAssignments, context, replaceDay, tinyStation, violationsOf, WEEK1 } from './fixtures.ts';

const station = tinyStation();
const approved = [{ id: 'rd_3', personId: A, post: 'station-duty' as const, from: '2026-12-09', to: '2026-12-09' }];
// The A's week 1: W on Monday to Friday (40 h) and F on Saturday (4 h); Wednesday becomes 8 h of station duty.
const pulled = replaceDay(baselineAssignments(station), A, '2026-12-09', assign(station, A, '2026-12-09', 'W', 'station-duty', { redeploymentId: 'rd_3' }));

describe('CP-1 community share', () => {
  it('holds when all working time is community work', () => {
    expect(violationsOf('CP-1', context(station), baselineAssignments(station))).toEqual([]);
  });

  it('breaks when 36 of 44 hours (82 %) are in the community, and lists the week', () => {
    const found = violationsOf('CP-1', context(station, { approved }), pulled);
    expect(found).toEqual([expect.objectContaining({ rule: 'CP-1', severity: 'soft', personIds: [A], dates: WEEK1 })]);
    expect(found[0]!.message).toMatch(/Wang Fang \(P020\) spends 36 of 44 working hours \(82 %\).*2026-W50.*90 %/);
    // 36 h is still CP-2's target: only the share is broken.
    expect(violationsOf('CP-2', context(station, { approved }), pulled)).toEqual([]);
  });

  it('does not judge a week the plan cuts', () => {
    expect(violationsOf('CP-1', context(station, { approved, start: '2026-12-09', days: 12 }), pulled)).toEqual([]);
  });
});
