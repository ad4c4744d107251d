// One person's roster as an RFC 5545 calendar (`format=ics&personId=`): one VEVENT per working assignment, times in
// UTC (so no VTIMEZONE is needed), the station's zone named in X-WR-TIMEZONE for clients that show it.
import { createEvents, type EventAttributes } from 'ics';
import type { Assignment } from '../domain/plan.ts';
import { postName, render, type Lang } from '../i18n/index.ts';

/** Posts that are not work: no event. */
const NOT_WORK: ReadonlySet<string> = new Set(['rest', 'absent']);

export const PRODUCT_ID = '-//duty-roster-planner//roster//EN';

export type CalendarInput = {
  stationId: string;
  stationName: string;
  timezone: string;
  person: { id: string; name?: string };
  assignments: readonly Assignment[];
  /** Community id → name, for event locations. */
  communities?: ReadonlyMap<string, string>;
  /** Titles and descriptions: English keeps post ids (as the calendar always had), Chinese writes post names. */
  lang?: Lang;
};

/** The stable UID of a person's post on a date: re-publishing the same duty updates the event instead of adding one. */
export const eventUid = (stationId: string, a: Pick<Assignment, 'personId' | 'date' | 'post'>): string =>
  `${a.date}.${a.post}.${a.personId}.${stationId}@duty-roster-planner`;

export const isWorking = (a: Assignment): boolean => !NOT_WORK.has(a.post) && a.hours > 0 && a.start !== undefined && a.end !== undefined;

export function rosterCalendar(input: CalendarInput): string {
  const { stationId, person } = input;
  const seen = new Map<string, number>();
  const events: EventAttributes[] = [];
  for (const a of input.assignments) {
    if (a.personId !== person.id || !isWorking(a)) continue;
    let uid = eventUid(stationId, a);
    const n = (seen.get(uid) ?? 0) + 1;
    seen.set(uid, n);
    if (n > 1) uid = uid.replace('@', `.${n}@`);
    const community = a.communityId ? (input.communities?.get(a.communityId) ?? a.communityId) : undefined;
    const lang = input.lang ?? 'en';
    const post = lang === 'zh' ? postName('zh', a.post) : a.post;
    const description = [
      render(lang, 'file.eventDescription', { post, shift: a.shift, hours: a.hours }),
      community ? render(lang, 'file.eventCommunity', { community }) : undefined,
      a.redeploymentId ? render(lang, 'file.eventRedeployment', { redeploymentId: a.redeploymentId }) : undefined,
      a.reinforcedDuty ? render(lang, 'file.eventReinforced') : undefined,
      a.callIn ? render(lang, 'file.eventCallIn') : undefined,
    ].filter((line): line is string => line !== undefined);
    events.push({
      uid,
      title: render(lang, 'file.eventTitle', { post, shift: a.shift }),
      start: Date.parse(a.start!),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: Date.parse(a.end!),
      endInputType: 'utc',
      endOutputType: 'utc',
      location: community ?? a.place,
      description: description.join('\n'),
      categories: [a.post],
      status: 'CONFIRMED',
      busyStatus: 'BUSY',
    });
  }
  const { error, value } = createEvents(events, {
    productId: PRODUCT_ID,
    calName: render(input.lang ?? 'en', 'file.calendarName', { station: input.stationName, person: person.name ?? person.id }),
  });
  if (error || value === null) throw error ?? new Error('the calendar could not be written');
  // `ics` writes X-WR-CALNAME but not X-WR-TIMEZONE; it goes with the other calendar properties, before the first component.
  const at = value.search(/\r\n(BEGIN:VEVENT|END:VCALENDAR)\r\n/);
  return `${value.slice(0, at)}\r\nX-WR-TIMEZONE:${input.timezone}${value.slice(at)}`;
}
