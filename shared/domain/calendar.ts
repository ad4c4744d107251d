// The official calendar's public documents (API.md, "Official calendar"): the single source of their types.
// Request bodies are strict: an unknown field is refused, naming it.
import { differenceInCalendarDays, getISODay, parseISO } from 'date-fns';
import { z } from 'zod';
import { IsoDate } from './primitives.ts';

export const MAX_CALENDAR_DAYS = 366;

/** `{year}` in `PUT /calendar/{year}`. */
export const CalendarYear = z.string().regex(/^(19|20|21)\d\d$/, 'expected a year such as 2027');

const isWeekend = (date: string): boolean => getISODay(parseISO(date)) >= 6;

/** The body of `PUT /calendar/{year}`: one year's notice. Every date must lie in that year (checked with the year). */
export const CalendarYearBody = z.strictObject({
  holidays: z.array(z.strictObject({ date: IsoDate, name: z.string().trim().min(1, 'a holiday needs its name').max(40, 'at most 40 characters') })).max(60),
  makeUpWorkdays: z.array(IsoDate).max(30),
});
export type CalendarYearBody = z.infer<typeof CalendarYearBody>;

/** Issues of a well-formed year body against its year: dates outside it, twice given, a day both off and on. */
export function calendarYearIssues(year: string, body: CalendarYearBody): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const seen = new Map<string, string>();
  const note = (date: string, at: (string | number)[]) => {
    if (!date.startsWith(`${year}-`)) issues.push({ path: at, message: `${date} is not in ${year}` });
    const first = seen.get(date);
    if (first !== undefined) issues.push({ path: at, message: `${date} is given twice (also at ${first})` });
    else seen.set(date, at.join('.').replace(/\.(\d+)/g, '[$1]'));
  };
  body.holidays.forEach((h, i) => {
    note(h.date, ['holidays', i, 'date']);
  });
  body.makeUpWorkdays.forEach((d, i) => {
    note(d, ['makeUpWorkdays', i]);
    // A make-up working day (调休上班) is a Saturday or Sunday; a weekday works anyway.
    if (!isWeekend(d)) issues.push({ path: ['makeUpWorkdays', i], message: `${d} is a weekday; a make-up working day is a Saturday or Sunday` });
  });
  return issues;
}

/** `GET /calendar?from=&to=`: both required, at most 366 days. */
export const CalendarQuery = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .superRefine((q, ctx) => {
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" is before "from"' });
    else if (differenceInCalendarDays(parseISO(q.to), parseISO(q.from)) + 1 > MAX_CALENDAR_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_CALENDAR_DAYS} days` });
  });

export const CalendarDayItem = z.object({
  date: IsoDate,
  workday: z.boolean(),
  holiday: z.string().nullable(),
  makeUpWorkday: z.boolean(),
});

export const CalendarYearSource = z.object({
  year: z.int(),
  /** `package`: the built-in data; `admin`: loaded with `PUT /calendar/{year}`; `missing`: no data (CAL-3). */
  source: z.enum(['package', 'admin', 'missing']),
  updatedAt: z.string().optional(),
  updatedBy: z.string().optional(),
});
export type CalendarYearSource = z.infer<typeof CalendarYearSource>;

/** The answer of `GET /calendar`. `years` says where each year's data comes from. */
export const CalendarAnswer = z.object({
  items: z.array(CalendarDayItem),
  missingYears: z.array(z.int()),
  years: z.array(CalendarYearSource),
});
export type CalendarAnswer = z.infer<typeof CalendarAnswer>;

/** The answer of `PUT /calendar/{year}`: the year as stored. */
export const LoadedCalendarYear = z.object({
  year: z.string(),
  holidays: z.array(z.object({ date: IsoDate, name: z.string() })),
  makeUpWorkdays: z.array(IsoDate),
  version: z.int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

/** A station's own days (its document's `"calendar"`): they win over the official data for that station. */
export const StationCalendarDays = z.strictObject({
  workdays: z.array(IsoDate).max(400).default([]),
  restDays: z.array(IsoDate).max(400).default([]),
});
export type StationCalendarDays = z.infer<typeof StationCalendarDays>;
