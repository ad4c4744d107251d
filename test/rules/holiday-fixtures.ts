// Plans of the tiny station (fixtures.ts) over the 2026 Spring Festival and National Day, made the way a plan that
// follows the official calendar (CAL-3) looks: the A and the office keep official workdays (W on the make-up
// Saturdays, none on the holidays); the duty groups run through the holidays unchanged.
import { builtinCalendar } from '../../shared/calendar/builtin.ts';
import type { Calendar } from '../../shared/calendar/index.ts';
import type { Assignment } from '../../shared/domain/plan.ts';
import type { StationConfig } from '../../shared/domain/station.ts';
import type { PlanContext } from '../../shared/rules/checks.ts';
import { dateRange, isoWeekday, patternShiftCode } from '../../shared/rotation/index.ts';
import { A, AUXILIARY, B1, B2, DIRECTOR, assign, context, rest, tinyStation } from './fixtures.ts';

/** Three full ISO weeks around the Spring Festival holiday (15–23 February; make-up Saturdays 14 and 28 February). */
export const SPRING = { start: '2026-02-09', days: 21 } as const;
/** Two full ISO weeks over National Day (1–7 October; make-up days 20 September and 10 October). */
export const NATIONAL_DAY = { start: '2026-09-28', days: 14 } as const;

export const SPRING_HOLIDAYS = dateRange('2026-02-15', 9);

export function holidayContext(station: StationConfig, window: { start: string; days: number }, extra: Partial<PlanContext> = {}): PlanContext {
  return context(station, { start: window.start, days: window.days, calendar: builtinCalendar(station.calendar), ...extra });
}

function day(station: StationConfig, calendar: Calendar, personId: string, date: string): Assignment {
  const person = station.people.find((p) => p.id === personId)!;
  const workday = calendar.isWorkday(date);
  switch (personId) {
    case DIRECTOR:
      return workday ? assign(station, personId, date, 'W', 'station-duty') : rest(station, personId, date);
    case AUXILIARY:
      return workday ? assign(station, personId, date, 'W', 'community', { communityId: 'C1' }) : rest(station, personId, date);
    case A:
      return workday ? assign(station, personId, date, 'W', 'community') : rest(station, personId, date);
    case B1:
    case B2:
      return patternShiftCode(station, person, date, calendar) === 'R' ? rest(station, personId, date) : assign(station, personId, date, 'W', 'community');
    default: {
      const code = patternShiftCode(station, person, date, calendar);
      if (code === 'P') return assign(station, personId, date, 'P', 'patrol-01');
      if (code === 'S' && isoWeekday(date) <= 5) return assign(station, personId, date, 'S', 'case-handling');
      return rest(station, personId, date);
    }
  }
}

/** The plan of the window that follows the official calendar. */
export function holidayPlan(window: { start: string; days: number }, station: StationConfig = tinyStation()): Assignment[] {
  const calendar = builtinCalendar(station.calendar);
  return dateRange(window.start, window.days).flatMap((date) => station.people.map((p) => day(station, calendar, p.id, date)));
}
