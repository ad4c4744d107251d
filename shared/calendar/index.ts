// China's official calendar (CAL-3): public holidays and make-up working days (调休) as the State Council publishes
// them each year, and the questions the roster asks of it. Pure: the data comes in as layers, lowest first —
// the built-in package data (builtin.ts), a year the admin loaded (`PUT /calendar/{year}`, which replaces that year
// whole), and a station's own day overrides (`"calendar"` in its document). This module never imports the package,
// so the page can use it without bundling the data.
//
// A year with no official data is never guessed at: its days answer as the plain week (Monday to Friday working, no
// holidays) so that a plan can still be made, and `missingYears` names the year so that the plan reports CAL-3.
import { addDays, formatISO, getISODay, parseISO } from 'date-fns';

/** One year's notice: the holidays with their names, and the weekend days that become working days. */
export type OfficialYear = {
  holidays: readonly { date: string; name: string }[];
  makeUpWorkdays: readonly string[];
};

/** The official layers resolved: for each year that has data, that year's notice (the admin's when loaded, else the package's). */
export type OfficialYears = Readonly<Record<string, OfficialYear>>;

/** Where a year's data comes from. */
export type YearSource = 'package' | 'admin';

/** A station's own overrides of single days (its document's `"calendar"`): they win over the official data. */
export type StationDays = { workdays?: readonly string[]; restDays?: readonly string[] };

/** What the roster needs to know about one date. */
export type CalendarDay = {
  date: string;
  /** An official working day (make-up working days included, holidays excluded), after the station's overrides. */
  workday: boolean;
  /** The public holiday's name as the notice gives it (Chinese, e.g. 春节), or null. */
  holiday: string | null;
  /** A weekend day (or holiday) that is a working day: 调休上班. */
  makeUpWorkday: boolean;
};

export type Calendar = {
  day(date: string): CalendarDay;
  isWorkday(date: string): boolean;
  holidayName(date: string): string | null;
  isMakeUpWorkday(date: string): boolean;
  /** The years among these dates that have no official data (sorted). */
  missingYears(dates: readonly string[]): number[];
  /** The official data this calendar was built from (passed on to the solver as it is). */
  readonly official: OfficialYears;
};

const isoWeekday = (date: string): number => getISODay(parseISO(date));
const yearOf = (date: string): string => date.slice(0, 4);

/** Merges the official layers: a year the admin loaded replaces the package's year whole. */
export function officialYears(builtin: OfficialYears, loaded: OfficialYears): OfficialYears {
  return { ...builtin, ...loaded };
}

/** The calendar for a station (or, without overrides, the official one). */
export function calendarOf(official: OfficialYears, station: StationDays = {}): Calendar {
  const holidays = new Map<string, string>();
  const makeUp = new Set<string>();
  for (const year of Object.values(official)) {
    for (const h of year.holidays) holidays.set(h.date, h.name);
    for (const d of year.makeUpWorkdays) makeUp.add(d);
  }
  const stationWork = new Set(station.workdays ?? []);
  const stationRest = new Set(station.restDays ?? []);
  const cache = new Map<string, CalendarDay>();

  const day = (date: string): CalendarDay => {
    const cached = cache.get(date);
    if (cached) return cached;
    const weekend = isoWeekday(date) >= 6;
    const holiday = holidays.get(date) ?? null;
    let workday = makeUp.has(date) || (!weekend && holiday === null);
    // The station's own days win; a station working day that is not an ordinary weekday is a make-up day for it.
    if (stationWork.has(date)) workday = true;
    if (stationRest.has(date)) workday = false;
    const result: CalendarDay = { date, workday, holiday: workday ? null : holiday, makeUpWorkday: workday && (weekend || holiday !== null) };
    cache.set(date, result);
    return result;
  };

  return {
    day,
    isWorkday: (date) => day(date).workday,
    holidayName: (date) => day(date).holiday,
    isMakeUpWorkday: (date) => day(date).makeUpWorkday,
    missingYears: (dates) => [...new Set(dates.map(yearOf))].filter((y) => !(y in official)).map(Number).sort((a, b) => a - b),
    official,
  };
}

/** The calendar of a year with no data anywhere: the plain week. For callers that must name their choice. */
export const PLAIN_WEEK: Calendar = calendarOf({});

/** The first working day on or after a date (at most 60 days on; a holiday never lasts that long). */
export function nextWorkdayFrom(calendar: Calendar, date: string): string {
  let d = date;
  for (let i = 0; i < 60 && !calendar.isWorkday(d); i++) d = formatISO(addDays(parseISO(d), 1), { representation: 'date' });
  return d;
}

/** Years from..to as numbers (inclusive). */
export function yearsBetween(from: string, to: string): number[] {
  const out: number[] = [];
  for (let y = Number(yearOf(from)); y <= Number(yearOf(to)); y++) out.push(y);
  return out;
}

/** The official holidays' English names, for the page and the English API (the notice names them in Chinese). */
export const HOLIDAY_NAMES_EN: Readonly<Record<string, string>> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明: 'Qingming Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  端午: 'Dragon Boat Festival',
  端午节: 'Dragon Boat Festival',
  中秋: 'Mid-Autumn Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
  中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日: 'Victory Day (70th anniversary)',
};

/** A holiday's name in a language: Chinese as given; English from the table, else the name as given. */
export function holidayLabel(name: string, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? name : (HOLIDAY_NAMES_EN[name] ?? name);
}
