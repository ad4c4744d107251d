// GET /calendar?from=&to= and PUT /calendar/{year} (API.md, "Official calendar", CAL-3). Translates only: the
// calendar module answers the days, the store keeps the years an admin loaded.
import { say } from '../../shared/i18n/index.ts';
import { z } from 'zod';
import { authorizeRole } from '../../shared/auth/permissions.ts';
import { BUILTIN_YEARS } from '../../shared/calendar/builtin.ts';
import { calendarOf, yearsBetween } from '../../shared/calendar/index.ts';
import { CalendarQuery, CalendarYear, CalendarYearBody, calendarYearIssues, type CalendarAnswer } from '../../shared/domain/calendar.ts';
import { badRequest, conflict } from '../../shared/domain/errors.ts';
import { formatPath } from '../../shared/domain/errors.ts';
import { httpHandler, parseOr400, type ApiRequest } from '../../shared/http/api.ts';
import { dateRange, daysBetween } from '../../shared/rotation/index.ts';
import { keys } from '../../shared/store/table.ts';
import { newAuditId, storeFromEnvironment } from '../../shared/store/index.ts';

const IfMatch = z.string().regex(/^(W\/)?"?\d+"?$/, 'If-Match must be a version such as "1"');

export async function getCalendar(request: ApiRequest) {
  authorizeRole(request.actor, 'calendar.read');
  const query = parseOr400(CalendarQuery, { from: request.query.from, to: request.query.to }, 'query');
  const store = storeFromEnvironment();
  const loaded = await store.calendar.loadedYears();
  const official = await store.officialYears();
  const calendar = calendarOf(official);
  const dates = dateRange(query.from, daysBetween(query.from, query.to) + 1);
  const byYear = new Map(loaded.map((y) => [y.year, y]));
  const answer: CalendarAnswer = {
    items: dates.map((d) => calendar.day(d)),
    missingYears: calendar.missingYears(dates),
    years: yearsBetween(query.from, query.to).map((year) => {
      const admin = byYear.get(String(year));
      if (admin) return { year, source: 'admin' as const, updatedAt: admin.updatedAt, updatedBy: admin.updatedBy };
      return { year, source: String(year) in BUILTIN_YEARS ? ('package' as const) : ('missing' as const) };
    }),
  };
  return { body: answer };
}

export async function putCalendarYear(request: ApiRequest) {
  authorizeRole(request.actor, 'calendar.load');
  const { year } = parseOr400(z.object({ year: CalendarYear }), request.path, 'path');
  const body = parseOr400(CalendarYearBody, request.body, 'calendar year');
  const issues = calendarYearIssues(year, body);
  if (issues.length > 0)
    throw badRequest(say('calendar.problems', { year, count: issues.length }), issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  const ifMatch = request.headers['if-match'];
  if (ifMatch !== undefined && !IfMatch.safeParse(ifMatch).success)
    throw badRequest('The If-Match header is not a version.', [{ path: 'If-Match', message: 'expected a version such as "1"' }]);

  const store = storeFromEnvironment();
  const current = await store.calendar.get(year);
  const claimed = ifMatch !== undefined ? Number(ifMatch.replace(/\D/g, '')) : undefined;
  if (claimed !== undefined && claimed !== (current?.version ?? 0))
    throw conflict(say('calendar.version', { year, current: current?.version ?? 0, claimed }));
  const data = {
    holidays: [...body.holidays].sort((a, b) => a.date.localeCompare(b.date)),
    makeUpWorkdays: [...body.makeUpWorkdays].sort(),
  };
  const at = new Date();
  const saved = await store.calendar.put(year, data, {
    expectedVersion: current?.version ?? null,
    entry: {
      id: newAuditId(at),
      stationId: keys.calendarAuditStation,
      at: at.toISOString(),
      actor: request.actor,
      action: 'calendar.loaded',
      target: { kind: 'calendar', id: year },
      summary: `${current ? 'corrected' : 'loaded'} the official calendar of ${year}: ${data.holidays.length} holiday(s), ${data.makeUpWorkdays.length} make-up working day(s) (CAL-3)`,
      detail: { year, version: current ? current.version + 1 : 1, holidays: data.holidays, makeUpWorkdays: data.makeUpWorkdays },
    },
  });
  return { status: current ? 200 : 201, body: saved, headers: { location: `/calendar?from=${year}-01-01&to=${year}-12-31`, etag: `"${saved.version}"` } };
}

export const handler = httpHandler({
  'GET /calendar': getCalendar,
  'PUT /calendar/{year}': putCalendarYear,
});
