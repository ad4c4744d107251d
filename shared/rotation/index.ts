// ROT-1..ROT-3: expands a station's pattern into each person's shift code per date, and each shift into start and end
// instants in the station's time zone (elapsed hours, so a shift across a DST change keeps its length).
import { TZDate } from '@date-fns/tz';
import { addDays, addHours, differenceInCalendarDays, formatISO, getISODay, getISOWeek, getISOWeekYear, parseISO } from 'date-fns';
import type { Calendar } from '../calendar/index.ts';
import { BUILTIN_PATTERNS, type Person, type ShiftType, type StationConfig } from '../domain/station.ts';

export type StationCalendar = Pick<StationConfig, 'timezone' | 'shiftTypes' | 'pattern' | 'groups' | 'rules'>;

/** The codes people without a duty group follow (API.md): community weekday for community posts, else office hours. */
export const COMMUNITY_WEEKDAY_SHIFT = 'W';
export const FLEX_NIGHT_SHIFT = 'F';

export function dateRange(start: string, days: number): string[] {
  const first = parseISO(start);
  return Array.from({ length: days }, (_, i) => formatISO(addDays(first, i), { representation: 'date' }));
}

export const addDaysTo = (date: string, days: number): string => formatISO(addDays(parseISO(date), days), { representation: 'date' });
/** The earlier / later of two ISO dates (YYYY-MM-DD compares as text). */
export const earlierDate = (a: string, b: string): string => (a <= b ? a : b);
export const laterDate = (a: string, b: string): string => (a >= b ? a : b);
export const daysBetween = (from: string, to: string): number => differenceInCalendarDays(parseISO(to), parseISO(from));

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => getISODay(parseISO(date));
export const isWeekend = (date: string): boolean => isoWeekday(date) >= 6;

/** `2026-W50` */
export function isoWeek(date: string): string {
  const d = parseISO(date);
  return `${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, '0')}`;
}

export function cycleOf(pattern: StationConfig['pattern']): readonly string[] {
  return 'cycle' in pattern ? pattern.cycle : BUILTIN_PATTERNS[pattern.builtin];
}

/** The group's shift code on a date: cycle[(days from anchorDate to date + offset) mod length]. */
export function groupShiftCode(station: StationCalendar, groupId: string, date: string): string {
  const cycle = cycleOf(station.pattern);
  const group = station.groups.find((g) => g.id === groupId);
  if (!group) throw new Error(`unknown duty group ${groupId}`);
  const index = daysBetween(station.pattern.anchorDate, date) + group.offset;
  return cycle[((index % cycle.length) + cycle.length) % cycle.length]!;
}

/** The code of a shift of no hours, used for days off (the station's rest code if it has one). */
export function restCode(station: StationCalendar): string {
  return station.shiftTypes.find((s) => s.hours === 0)?.code ?? 'R';
}

/**
 * What a person's pattern says for a date, before absences and planning. A duty group's rotation runs through public
 * holidays unchanged (police work through them); people without a group follow the community weekday schedule (or
 * office hours), which keeps the official workdays (CAL-3): none on a public holiday, a make-up Saturday included.
 */
export function patternShiftCode(
  station: StationCalendar,
  person: Pick<Person, 'group' | 'community'>,
  date: string,
  calendar: Pick<Calendar, 'isWorkday'>,
): string {
  if (person.group) return groupShiftCode(station, person.group, date);
  return calendar.isWorkday(date) && station.shiftTypes.some((s) => s.code === COMMUNITY_WEEKDAY_SHIFT) ? COMMUNITY_WEEKDAY_SHIFT : restCode(station);
}

export type ShiftTimes = { start: TZDate; end: TZDate };

export function shiftType(station: StationCalendar, code: string): ShiftType | undefined {
  return station.shiftTypes.find((s) => s.code === code);
}

/** Start and end instants of a shift on a date in the station's zone, or null for a shift of no hours. */
export function shiftTimes(station: StationCalendar, code: string, date: string): ShiftTimes | null {
  const type = shiftType(station, code);
  if (!type || type.hours === 0 || !type.start) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = type.start.split(':').map(Number) as [number, number];
  const start = new TZDate(y, m - 1, d, hh, mm, station.timezone);
  return { start, end: addHours(start, type.hours) as TZDate };
}

/** `2026-12-07T08:00:00+08:00` */
export const formatInstant = (instant: TZDate): string => formatISO(instant);

/** A night shift for fatigue rules: set on the shift type, else one that is still running at 02:00. */
export function isNightShift(station: StationCalendar, code: string): boolean {
  const type = shiftType(station, code);
  if (!type || type.hours === 0 || !type.start) return false;
  if (type.night !== undefined) return type.night;
  const [hh, mm] = type.start.split(':').map(Number) as [number, number];
  const startMinutes = hh * 60 + mm;
  const endMinutes = startMinutes + type.hours * 60;
  return endMinutes > 24 * 60 + 120 || startMinutes < 120;
}

/** The UTC instant (ISO 8601) at which a date begins in a time zone. */
export function startOfStationDay(date: string, timezone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, timezone).getTime()).toISOString();
}
