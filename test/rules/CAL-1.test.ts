// CAL-1: monthly summary (first Tuesday), progress (third Tuesday) and quarterly (first Tuesday of Jan/Apr/Jul/Oct)
// meeting days are kept free: no dedicated community officer on duty is pulled onto an FB-3/FB-4 post then.
import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../shared/calendar/builtin.ts';
import { meetingDays } from '../../shared/rules/days.ts';
import { A, assign, baselineAssignments, context, replaceDay, tinyStation, violationsOf } from './fixtures.ts';
import { NATIONAL_DAY, SPRING, holidayContext, holidayPlan } from './holiday-fixtures.ts';

const station = tinyStation();
const pullOn = (date: string) => {
  const approved = [{ id: 'rd_5', personId: A, post: 'station-duty' as const, from: date, to: date }];
  const plan = replaceDay(baselineAssignments(station), A, date, assign(station, A, date, 'W', 'station-duty', { redeploymentId: 'rd_5' }));
  return { ctx: context(station, { approved }), plan };
};

describe('CAL-1 station meetings', () => {
  it('finds the meeting days: first and third Tuesdays, the quarterly one in January', () => {
    expect(meetingDays('2026-12-01', 62, builtinCalendar())).toEqual([
      { date: '2026-12-01', meetings: ['monthly summary meeting'] },
      { date: '2026-12-15', meetings: ['monthly progress meeting'] },
      { date: '2027-01-05', meetings: ['quarterly summary meeting', 'monthly summary meeting'] },
      { date: '2027-01-19', meetings: ['monthly progress meeting'] },
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

describe('CAL-1 meetings move off holidays to the next workday (CAL-3)', () => {
  const calendar = builtinCalendar();
  const pullIn = (window: { start: string; days: number }, date: string) => {
    const approved = [{ id: 'rd_6', personId: A, post: 'station-duty' as const, from: date, to: date }];
    const plan = replaceDay(holidayPlan(window), A, date, assign(station, A, date, 'W', 'station-duty', { redeploymentId: 'rd_6' }));
    return { ctx: holidayContext(station, window, { approved }), plan };
  };

  it('moves the progress meeting of Tuesday 17 February (Spring Festival) to 24 February, and National Day\'s to 8 October', () => {
    expect(meetingDays(SPRING.start, SPRING.days, calendar)).toEqual([{ date: '2026-02-24', meetings: ['monthly progress meeting'], movedFrom: ['2026-02-17'] }]);
    expect(meetingDays(NATIONAL_DAY.start, NATIONAL_DAY.days, calendar)).toEqual([
      { date: '2026-10-08', meetings: ['quarterly summary meeting', 'monthly summary meeting'], movedFrom: ['2026-10-06'] },
    ]);
  });

  it('holds for a pull on the holiday itself', () => {
    const spring = pullIn(SPRING, '2026-02-17');
    expect(violationsOf('CAL-1', spring.ctx, spring.plan)).toEqual([]);
    const national = pullIn(NATIONAL_DAY, '2026-10-06');
    expect(violationsOf('CAL-1', national.ctx, national.plan)).toEqual([]);
  });

  it('breaks for a pull on the day the meeting moved to', () => {
    const spring = pullIn(SPRING, '2026-02-24');
    const found = violationsOf('CAL-1', spring.ctx, spring.plan);
    expect(found).toEqual([expect.objectContaining({ rule: 'CAL-1', personIds: [A], dates: ['2026-02-24'] })]);
    expect(found[0]!.message).toContain('moved from the holiday 2026-02-17');
    const national = pullIn(NATIONAL_DAY, '2026-10-08');
    expect(violationsOf('CAL-1', national.ctx, national.plan)).toEqual([expect.objectContaining({ personIds: [A], dates: ['2026-10-08'] })]);
  });
});
