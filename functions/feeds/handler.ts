// GET /feeds/{secret}.ics (API.md, "Notices and calendar feeds"): no token; the secret is the key. Answers the
// person's published roster from 30 days back to 92 days ahead as RFC 5545 (the same writer as `format=ics`), so a
// calendar app that polls it follows every publication; an unknown or revoked secret is 404.
import { todayIn } from '../../shared/approvals/index.ts';
import { FEED_FILE } from '../../shared/domain/day-to-day.ts';
import { notFound } from '../../shared/domain/errors.ts';
import { say } from '../../shared/i18n/index.ts';
import { httpHandler, type ApiRequest } from '../../shared/http/api.ts';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { rosterAssignments } from '../../shared/roster/index.ts';
import { rosterCalendar } from '../../shared/roster/ics.ts';
import { hashOf, storeFromEnvironment } from '../../shared/store/index.ts';

export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 92;

export async function readFeed(request: ApiRequest) {
  const match = FEED_FILE.exec(request.path.feed ?? '');
  if (!match) throw notFound(say('error.notFound.feed'));
  const store = storeFromEnvironment();
  const owner = await store.notices.feedOwner(hashOf(match[1]!));
  if (!owner) throw notFound(say('error.notFound.feed', { revoked: true }));
  const station = await store.stations.get(owner.stationId);
  if (!station) throw notFound(say('error.notFound.feed'));
  const today = todayIn(station.timezone);
  const from = addDaysTo(today, -FEED_DAYS_BACK);
  const to = addDaysTo(today, FEED_DAYS_AHEAD);
  const assignments = rosterAssignments(await store.plans.listPublished(owner.stationId, from, to), from, to, owner.personId);
  const person = station.people.find((p) => p.id === owner.personId);
  return {
    text: rosterCalendar({
      stationId: owner.stationId,
      stationName: station.name,
      timezone: station.timezone,
      person: { id: owner.personId, ...(person ? { name: person.name } : {}) },
      assignments,
      communities: new Map(station.communities.map((c) => [c.id, c.name])),
      lang: request.lang,
    }),
    headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' },
  };
}

export const handler = httpHandler({ 'GET /feeds/{feed}': readFeed }, { public: ['GET /feeds/{feed}'] });
