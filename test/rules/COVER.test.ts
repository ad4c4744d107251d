// COVER: on each date, shift and post with demand, the people on it plus the reported shortfall reach the demand.
import { describe, expect, it } from 'vitest';
import type { Shortfall } from '../../shared/domain/plan.ts';
import { dateRange } from '../../shared/rotation/index.ts';
import { baselineAssignments, context, G1_OFFICER, replaceDay, rest, tinyStation, violationsOf } from './fixtures.ts';
import { NATIONAL_DAY, SPRING, holidayContext, holidayPlan } from './holiday-fixtures.ts';

const station = tinyStation();
const uncovered = replaceDay(baselineAssignments(station), G1_OFFICER, '2026-12-07', rest(station, G1_OFFICER, '2026-12-07'));

describe('COVER demand covered', () => {
  it('holds when every post is staffed', () => {
    expect(violationsOf('COVER', context(station), baselineAssignments(station))).toEqual([]);
  });

  it('holds when the gap is reported as a shortfall', () => {
    const shortfalls: Shortfall[] = [{ date: '2026-12-07', shift: 'P', post: 'patrol-01', missing: 1, rule: 'ROT-4', message: 'nobody left' }];
    expect(violationsOf('COVER', context(station), uncovered, shortfalls)).toEqual([]);
  });

  it('breaks for a silent gap, naming post, shift, day and how many are missing', () => {
    const found = violationsOf('COVER', context(station), uncovered);
    expect(found).toEqual([expect.objectContaining({ rule: 'COVER', severity: 'soft', personIds: [], dates: ['2026-12-07'] })]);
    expect(found[0]!.message).toBe('patrol-01 in shift P on 2026-12-07 (Mon) needs 1, has 0: 1 missing without a reported shortfall (COVER)');
  });

  it('asks for reinforced duty only inside the declared period', () => {
    // An empty plan for 12-23 and 12-24: reinforced duty is declared from 12-24.
    const found = violationsOf('COVER', context(station, { start: '2026-12-23', days: 2 }), []);
    expect(found.map((v) => `${v.dates[0]} ${v.message.split(' ')[0]}`).sort()).toEqual([
      '2026-12-23 case-handling',
      '2026-12-23 patrol-01',
      '2026-12-24 case-handling',
      '2026-12-24 patrol-01',
      '2026-12-24 reinforced-duty',
    ]);
  });
});

describe('COVER with demand days: workdays, rest days, holidays (CAL-3)', () => {
  const withDemand = (days: 'workdays' | 'restDays' | 'holidays') =>
    tinyStation((doc) => {
      doc.demand = [...(doc.demand ?? []), { post: 'large-event', shift: 'S', people: 1, days }];
    });
  const missingOn = (days: 'workdays' | 'restDays' | 'holidays', window: { start: string; days: number }) =>
    violationsOf('COVER', holidayContext(withDemand(days), window), holidayPlan(window)).flatMap((v) => v.dates);

  it('asks for holiday-only demand on the holidays alone (Spring Festival, National Day)', () => {
    expect(missingOn('holidays', SPRING)).toEqual(dateRange('2026-02-15', 9));
    expect(missingOn('holidays', NATIONAL_DAY)).toEqual(dateRange('2026-10-01', 7));
  });

  it('asks for workday demand on the make-up Saturdays and never on a holiday', () => {
    const workdays = missingOn('workdays', SPRING);
    expect(workdays).toContain('2026-02-14');
    expect(workdays).toContain('2026-02-28');
    expect(workdays.filter((d) => d >= '2026-02-15' && d <= '2026-02-23')).toEqual([]);
    expect(missingOn('workdays', NATIONAL_DAY)).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10']);
  });

  it('asks for rest-day demand on weekends and holidays, not on the make-up Saturday', () => {
    expect(missingOn('restDays', NATIONAL_DAY)).toEqual([...dateRange('2026-10-01', 7), '2026-10-11']);
  });

  it('holds when the holiday demand is staffed, and the station may not give the same row twice', () => {
    const station = withDemand('holidays');
    const staffed = holidayPlan(SPRING, station).map((a) =>
      a.personId === G1_OFFICER && a.post === 'rest' && dateRange('2026-02-15', 9).includes(a.date) ? { ...a, post: 'large-event' as const, shift: 'S', hours: 10, place: 'station' as const } : a,
    );
    const g1Days = staffed.filter((a) => a.personId === G1_OFFICER && a.post === 'large-event').map((a) => a.date);
    const others = dateRange('2026-02-15', 9).filter((d) => !g1Days.includes(d));
    expect(violationsOf('COVER', holidayContext(station, SPRING), staffed).flatMap((v) => v.dates)).toEqual(others);
  });
});
