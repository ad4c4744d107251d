// The built-in layer of the official calendar: the `chinese-days` package's data (pinned exactly in package.json;
// version 1.5.7 carries the State Council notices up to the one for 2026). Only the package's JSON is read, not its
// functions: they treat a year without data as an ordinary one, and CAL-3 must say so instead. Importing this file
// bundles ~37 KB of data; the Lambda handlers do, the page does not (it asks `GET /calendar`).
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { calendarOf, type Calendar, type OfficialYear, type OfficialYears, type StationDays } from './index.ts';

type PackageData = { holidays: Record<string, string>; workdays: Record<string, string> };

/** Entries read "English name,中文名,n"; the notice's own (Chinese) name is the one kept. */
const chineseName = (entry: string): string => entry.split(',')[1] ?? entry;

function fromPackage(raw: PackageData): OfficialYears {
  const years: Record<string, { holidays: { date: string; name: string }[]; makeUpWorkdays: string[] }> = {};
  const yearOf = (date: string) => (years[date.slice(0, 4)] ??= { holidays: [], makeUpWorkdays: [] });
  for (const [date, entry] of Object.entries(raw.holidays)) yearOf(date).holidays.push({ date, name: chineseName(entry) });
  for (const date of Object.keys(raw.workdays)) yearOf(date).makeUpWorkdays.push(date);
  // A year counts as published only when it has holidays: a make-up day listed early (e.g. one in late December for
  // next year's New Year) does not make next year known.
  const out: Record<string, OfficialYear> = {};
  for (const [year, y] of Object.entries(years)) {
    if (y.holidays.length === 0) continue;
    out[year] = { holidays: y.holidays.sort((a, b) => a.date.localeCompare(b.date)), makeUpWorkdays: y.makeUpWorkdays.sort() };
  }
  return out;
}

export const BUILTIN_YEARS: OfficialYears = fromPackage(data as PackageData);

/** The calendar of the built-in data alone, with a station's own days on top (for callers that load no admin years). */
export function builtinCalendar(station?: StationDays): Calendar {
  return calendarOf(BUILTIN_YEARS, station);
}
