// The official calendar module (CAL-3): the built-in package data checked against the State Council's notice for
// 2026 (国务院办公厅关于2026年部分节假日安排的通知, written out here by hand), every day of the year; then the layers.
import { describe, expect, it } from 'vitest';
import { BUILTIN_YEARS, builtinCalendar } from '../../shared/calendar/builtin.ts';
import { calendarOf, holidayLabel, nextWorkdayFrom, officialYears, PLAIN_WEEK } from '../../shared/calendar/index.ts';
import { CalendarYearBody, calendarYearIssues } from '../../shared/domain/calendar.ts';
import { validateStationConfig } from '../../shared/domain/station.ts';
import { dateRange, isoWeekday } from '../../shared/rotation/index.ts';
import { stationInput } from '../rules/fixtures.ts';

/** The 2026 notice: each holiday with its days off and the weekend days worked in exchange. */
const NOTICE_2026: { name: string; from: string; days: number; work: string[] }[] = [
  { name: '元旦', from: '2026-01-01', days: 3, work: ['2026-01-04'] },
  { name: '春节', from: '2026-02-15', days: 9, work: ['2026-02-14', '2026-02-28'] },
  { name: '清明', from: '2026-04-04', days: 3, work: [] },
  { name: '劳动节', from: '2026-05-01', days: 5, work: ['2026-05-09'] },
  { name: '端午', from: '2026-06-19', days: 3, work: [] },
  { name: '中秋', from: '2026-09-25', days: 3, work: [] },
  { name: '国庆节', from: '2026-10-01', days: 7, work: ['2026-09-20', '2026-10-10'] },
];

describe('built-in data (chinese-days, pinned) against the 2026 notice', () => {
  const calendar = builtinCalendar();
  const holidays = new Map(NOTICE_2026.flatMap((h) => dateRange(h.from, h.days).map((d) => [d, h.name] as const)));
  const makeUp = new Set(NOTICE_2026.flatMap((h) => h.work));

  it('agrees on every day of 2026', () => {
    const days = dateRange('2026-01-01', 365);
    const expected = days.map((date) => {
      const holiday = holidays.get(date) ?? null;
      const workday = makeUp.has(date) || (isoWeekday(date) <= 5 && holiday === null);
      return { date, workday, holiday, makeUpWorkday: makeUp.has(date) };
    });
    expect(days.map((d) => calendar.day(d))).toEqual(expected);
    expect(calendar.missingYears(days)).toEqual([]);
  });

  it('carries the Spring Festival with its two make-up Saturdays and National Day with its make-up days', () => {
    expect(dateRange('2026-02-14', 15).filter((d) => calendar.isMakeUpWorkday(d))).toEqual(['2026-02-14', '2026-02-28']);
    expect(calendar.holidayName('2026-02-17')).toBe('春节');
    expect(calendar.isWorkday('2026-02-17')).toBe(false);
    expect(calendar.isMakeUpWorkday('2026-10-10')).toBe(true);
    expect(calendar.holidayName('2026-10-01')).toBe('国庆节');
    expect(holidayLabel('国庆节', 'en')).toBe('National Day');
    expect(holidayLabel('春节', 'zh')).toBe('春节');
  });

  it('has no 2027 notice, so 2027 and 2028 are reported missing, never guessed', () => {
    expect(Object.keys(BUILTIN_YEARS)).toContain('2026');
    expect(calendar.missingYears(['2026-12-31', '2027-01-01', '2028-06-01'])).toEqual([2027, 2028]);
    // Their days answer as the plain week meanwhile.
    expect(calendar.day('2027-01-01')).toEqual(PLAIN_WEEK.day('2027-01-01'));
  });
});

describe('layers: package < admin < station', () => {
  const loaded2027 = { holidays: [{ date: '2027-01-01', name: '元旦' }], makeUpWorkdays: ['2027-01-02'] };

  it("an admin's year replaces the package's year whole", () => {
    const corrected = calendarOf(officialYears(BUILTIN_YEARS, { '2026': { holidays: [{ date: '2026-03-02', name: 'test' }], makeUpWorkdays: [] }, '2027': loaded2027 }));
    expect(corrected.isWorkday('2026-02-17')).toBe(true); // the package's Spring Festival is gone with its year
    expect(corrected.holidayName('2026-03-02')).toBe('test');
    expect(corrected.isMakeUpWorkday('2027-01-02')).toBe(true);
    expect(corrected.missingYears(['2027-05-01'])).toEqual([]);
  });

  it("a station's own days win over both", () => {
    const station = calendarOf(officialYears(BUILTIN_YEARS, { '2027': loaded2027 }), { workdays: ['2026-02-17'], restDays: ['2027-01-02', '2026-02-24'] });
    expect(station.day('2026-02-17')).toEqual({ date: '2026-02-17', workday: true, holiday: null, makeUpWorkday: true });
    expect(station.isWorkday('2027-01-02')).toBe(false);
    expect(station.isWorkday('2026-02-24')).toBe(false);
    expect(nextWorkdayFrom(station, '2026-02-23')).toBe('2026-02-25');
  });

  it('checks a year body against its year and refuses a station day that is both', () => {
    const body = CalendarYearBody.parse({ holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2028-01-01', name: 'x' }], makeUpWorkdays: ['2027-01-01', '2027-01-04'] });
    expect(calendarYearIssues('2027', body).map((i) => i.message)).toEqual([
      '2028-01-01 is not in 2027',
      '2027-01-01 is given twice (also at holidays[0].date)',
      '2027-01-01 is a weekday; a make-up working day is a Saturday or Sunday',
      '2027-01-04 is a weekday; a make-up working day is a Saturday or Sunday',
    ]);
    expect(CalendarYearBody.safeParse({ holidays: [], makeUpWorkdays: [], note: 'x' }).success).toBe(false);
    const doc = { ...stationInput(), calendar: { workdays: ['2026-02-17'], restDays: ['2026-02-17'] } };
    const result = validateStationConfig(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toContainEqual({ path: ['calendar', 'restDays', 0], message: '2026-02-17 is also among calendar.workdays' });
  });
});
