// Which days a rule applies on, read from the official calendar (CAL-3) in one place for the solver's model and the
// independent checks alike: demand days, the meeting days of CAL-1 and CAL-2, and CP-2's pro-rated weekly target.
import type { Calendar } from '../calendar/index.ts';
import { nextWorkdayFrom } from '../calendar/index.ts';
import type { Demand, StationConfig } from '../domain/station.ts';
import { addDaysTo, dateRange, isoWeekday } from '../rotation/index.ts';

export function inReinforcedPeriod(station: StationConfig, date: string): boolean {
  return station.reinforcedDuty.some((r) => r.from <= date && date <= r.to);
}

/**
 * A demand row applies on its weekdays (all days when none are given) and on its kind of day (`days`: official
 * workdays, rest days — weekends and holidays —, or public holidays); reinforced-duty demand only in a declared
 * period (FB-4).
 */
export function demandApplies(station: StationConfig, row: Demand, date: string, calendar: Calendar): boolean {
  if (row.weekdays && !row.weekdays.includes(isoWeekday(date))) return false;
  if (row.days) {
    const day = calendar.day(date);
    if (row.days === 'workdays' && !day.workday) return false;
    if (row.days === 'restDays' && day.workday) return false;
    if (row.days === 'holidays' && day.holiday === null) return false;
  }
  return row.post !== 'reinforced-duty' || inReinforcedPeriod(station, date);
}

export type MeetingDay = {
  date: string;
  meetings: string[];
  /** The day(s) the meeting was due on, when a holiday moved it here. */
  movedFrom?: string[];
};

/** How far back a meeting can be pushed into the plan by a holiday (the longest holiday is nine days). */
const LOOK_BACK_DAYS = 21;

function moved(nominal: { date: string; meetings: string[] }[], calendar: Calendar, start: string, days: number): MeetingDay[] {
  const end = addDaysTo(start, days - 1);
  const byDate = new Map<string, MeetingDay>();
  for (const m of nominal) {
    // A meeting due on a holiday (or any day that is not an official workday) is held on the next workday.
    const date = nextWorkdayFrom(calendar, m.date);
    if (date < start || date > end) continue;
    const day = byDate.get(date) ?? { date, meetings: [] };
    day.meetings.push(...m.meetings.filter((x) => !day.meetings.includes(x)));
    if (date !== m.date) day.movedFrom = [...(day.movedFrom ?? []), m.date];
    byDate.set(date, day);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * CAL-1's meeting days in the plan: first Tuesday (monthly summary, and quarterly summary in Jan, Apr, Jul, Oct) and
 * third Tuesday (progress meeting) of each month, each moved off a holiday to the next workday.
 */
export function meetingDays(start: string, days: number, calendar: Calendar): MeetingDay[] {
  const nominal = dateRange(addDaysTo(start, -LOOK_BACK_DAYS), days + LOOK_BACK_DAYS).flatMap((date) => {
    if (isoWeekday(date) !== 2) return [];
    const dayOfMonth = Number(date.slice(8, 10));
    const month = Number(date.slice(5, 7));
    if (dayOfMonth <= 7) return [{ date, meetings: [...(month % 3 === 1 ? ['quarterly summary meeting'] : []), 'monthly summary meeting'] }];
    if (dayOfMonth >= 15 && dayOfMonth <= 21) return [{ date, meetings: ['monthly progress meeting'] }];
    return [];
  });
  return moved(nominal, calendar, start, days);
}

/** CAL-2's days in the plan: the weekly community party committee meeting, on Wednesday, moved off a holiday. */
export function partyCommitteeDays(start: string, days: number, calendar: Calendar): MeetingDay[] {
  const nominal = dateRange(addDaysTo(start, -LOOK_BACK_DAYS), days + LOOK_BACK_DAYS)
    .filter((date) => isoWeekday(date) === 3)
    .map((date) => ({ date, meetings: ['community party committee meeting'] }));
  return moved(nominal, calendar, start, days);
}

/** A public holiday the station does not work (the days CP-2 pro-rates for, like days of absence). */
export const isHolidayOff = (calendar: Calendar, date: string): boolean => calendar.holidayName(date) !== null;

/**
 * CP-2's target for a week: the weekly hours pro-rated by the days of the week that are neither absence nor public
 * holiday (a day that is both counts once).
 */
export function weeklyCommunityTarget(weeklyHours: number, daysOff: number): number {
  return (weeklyHours * (7 - Math.min(7, daysOff))) / 7;
}
