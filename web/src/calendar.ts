// The official calendar on the page (CAL-3): days come from `GET /calendar` (the page never bundles the data) and
// are kept in one signal, read by the roster's day headers and the demand screen through the core's calendar module.
import { signal } from '@preact/signals';
import { PLAIN_WEEK, calendarFromDays, type Calendar, type CalendarDay } from '../../shared/calendar/index.ts';
import type { CalendarAnswer } from '../../shared/domain/calendar.ts';
import { json } from './api.ts';

/** The days loaded so far; the plain week until the first answer. */
export const officialCalendar = signal<Calendar>(PLAIN_WEEK);
/** The last answer's years and where their data comes from. */
export const calendarYears = signal<CalendarAnswer['years']>([]);

const known = new Map<string, CalendarDay>();
const missing = new Set<number>();

/** Loads `from`..`to` (at most 366 days) into the page's calendar. A failure leaves the calendar as it was. */
export async function loadCalendar(from: string, to: string): Promise<CalendarAnswer | null> {
  try {
    const answer = await json<CalendarAnswer>('GET', `/calendar?from=${from}&to=${to}`);
    for (const d of answer.items) known.set(d.date, d);
    for (const y of new Set(answer.items.map((d) => Number(d.date.slice(0, 4))))) missing.delete(y);
    for (const y of answer.missingYears) missing.add(y);
    officialCalendar.value = calendarFromDays([...known.values()], [...missing]);
    calendarYears.value = answer.years;
    return answer;
  } catch {
    return null;
  }
}
