// CAL-3: the roster follows China's official calendar. Holding and breaking on plans over the 2026 Spring Festival
// and National Day: the community weekday schedule (W) keeps official workdays; a year without data is reported.
import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../../shared/calendar/builtin.ts';
import { planRoster } from '../../shared/solver/index.ts';
import { dateRange } from '../../shared/rotation/index.ts';
import { A, AUXILIARY, assign, context, replaceDay, rest, tinyStation, violationsOf } from './fixtures.ts';
import { NATIONAL_DAY, SPRING, SPRING_HOLIDAYS, holidayContext, holidayPlan } from './holiday-fixtures.ts';

const station = tinyStation();

describe('CAL-3 official calendar', () => {
  it('holds for plans that keep W on official workdays over the Spring Festival and National Day', () => {
    expect(violationsOf('CAL-3', holidayContext(station, SPRING), holidayPlan(SPRING))).toEqual([]);
    expect(violationsOf('CAL-3', holidayContext(station, NATIONAL_DAY), holidayPlan(NATIONAL_DAY))).toEqual([]);
    // The A works the make-up Saturdays 14 and 28 February and 10 October, and none of the holidays.
    const spring = holidayPlan(SPRING).filter((a) => a.personId === A && a.shift === 'W').map((a) => a.date);
    expect(spring).toContain('2026-02-14');
    expect(spring).toContain('2026-02-28');
    expect(spring.filter((d) => SPRING_HOLIDAYS.includes(d))).toEqual([]);
    expect(holidayPlan(NATIONAL_DAY).some((a) => a.personId === A && a.date === '2026-10-10' && a.shift === 'W')).toBe(true);
  });

  it('breaks for community weekday work on a public holiday (Spring Festival and National Day)', () => {
    const spring = replaceDay(holidayPlan(SPRING), A, '2026-02-17', assign(station, A, '2026-02-17', 'W', 'community'));
    const found = violationsOf('CAL-3', holidayContext(station, SPRING), spring);
    expect(found).toEqual([expect.objectContaining({ rule: 'CAL-3', severity: 'soft', personIds: [A], dates: ['2026-02-17'] })]);
    expect(found[0]!.message).toContain('a public holiday (春节)');
    const national = replaceDay(holidayPlan(NATIONAL_DAY), A, '2026-10-05', assign(station, A, '2026-10-05', 'W', 'community'));
    expect(violationsOf('CAL-3', holidayContext(station, NATIONAL_DAY), national)).toEqual([expect.objectContaining({ personIds: [A], dates: ['2026-10-05'] })]);
  });

  it("follows the station's own days over the official ones", () => {
    const own = tinyStation((doc) => {
      doc.calendar = { workdays: [], restDays: ['2026-02-24'] };
    });
    const plan = holidayPlan(SPRING); // made with the official calendar: W on Tuesday 24 February
    const found = violationsOf('CAL-3', holidayContext(own, SPRING), plan);
    // The A and the auxiliary (no duty group either) keep the community weekday schedule.
    expect(found).toEqual([
      expect.objectContaining({ personIds: [A], dates: ['2026-02-24'] }),
      expect.objectContaining({ personIds: [AUXILIARY], dates: ['2026-02-24'] }),
    ]);
    const kept = [A, AUXILIARY].reduce((p, id) => replaceDay(p, id, '2026-02-24', rest(own, id, '2026-02-24')), plan);
    expect(violationsOf('CAL-3', holidayContext(own, SPRING), kept)).toEqual([]);
  });

  it('breaks, naming the year, for a plan in a year without official data (never guessed)', () => {
    const ctx = context(station, { start: '2028-01-03', days: 7, calendar: builtinCalendar() });
    const found = violationsOf('CAL-3', ctx, []);
    expect(found).toEqual([expect.objectContaining({ rule: 'CAL-3', personIds: [], dates: dateRange('2028-01-03', 7) })]);
    expect(found[0]!.message).toContain('No official calendar for 2028');
    expect(found[0]!.message).toContain('PUT /calendar/2028');
  });

  it('the engine gives the A (no duty group) W on the make-up Saturdays and none on the holidays', () => {
    const plan = planRoster({ station, start: SPRING.start, days: 28, seed: 1, seconds: 0.3 });
    const aDays = plan.assignments.filter((a) => a.personId === A && a.post === 'community').map((a) => a.date);
    expect(aDays).toContain('2026-02-14');
    expect(aDays).toContain('2026-02-28');
    expect(aDays.filter((d) => SPRING_HOLIDAYS.includes(d))).toEqual([]);
    expect(plan.violations.filter((v) => v.rule === 'CAL-3')).toEqual([]);
    // The same plan in 2028 reports the year.
    const later = planRoster({ station, start: '2028-02-07', days: 7, seed: 1, seconds: 0.2 });
    expect(later.violations.filter((v) => v.rule === 'CAL-3').map((v) => v.message)).toEqual([expect.stringContaining('2028')]);
  });
});
