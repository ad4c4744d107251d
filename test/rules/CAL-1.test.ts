// CAL-1: monthly summary (first Tuesday), progress (third Tuesday) and quarterly (first Tuesday of Jan/Apr/Jul/Oct)
// meeting days are kept free: no dedicated community officer on duty is pulled onto an FB-3/FB-4 post then.
import { describe, expect, it } from 'vitest';
import { meetingDays } from '../../shared/rules/checks.ts';
import { A, assign, baselineAssignments, context, replaceDay, tinyStation, violationsOf } from './fixtures.ts';

const station = tinyStation();
const pullOn = (date: string) => {
  const approved = [{ id: 'rd_5', personId: A, post: 'station-duty' as const, from: date, to: date }];
  const plan = replaceDay(baselineAssignments(station), A, date, assign(station, A, date, 'W', 'station-duty', { redeploymentId: 'rd_5' }));
  return { ctx: context(station, { approved }), plan };
};

describe('CAL-1 station meetings', () => {
  it('finds the meeting days: first and third Tuesdays, the quarterly one in January', () => {
    expect(meetingDays('2026-12-01', 62)).toEqual([
      { date: '2026-12-01', meetings: ['monthly'] },
      { date: '2026-12-15', meetings: ['progress'] },
      { date: '2027-01-05', meetings: ['quarterly', 'monthly'] },
      { date: '2027-01-19', meetings: ['progress'] },
    ]);
  });

  it('holds when a pull (approved, FB-3 satisfied) falls on another day', () => {
    const { ctx, plan } = pullOn('2026-12-16');
    expect(violationsOf('CAL-1', ctx, plan)).toEqual([]);
    expect(violationsOf('FB-3', ctx, plan)).toEqual([]);
    expect(violationsOf('CAL-1', context(), baselineAssignments())).toEqual([]);
  });

  it('breaks when a dedicated community officer is pulled on the third Tuesday', () => {
    const { ctx, plan } = pullOn('2026-12-15');
    const found = violationsOf('CAL-1', ctx, plan);
    expect(found).toEqual([expect.objectContaining({ rule: 'CAL-1', severity: 'soft', personIds: [A], dates: ['2026-12-15'] })]);
    expect(found[0]!.message).toContain('Wang Fang (P020) is on station-duty on 2026-12-15 (Tue), the day of the monthly progress meeting');
  });
});
