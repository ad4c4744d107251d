// GET /stations/{stationId}/roster?from=&to=[&personId=][&format=json|csv|ics] (API.md, "Roster plans"): the
// published roster, per date from the most recently published plan covering it. Translates only.
import { may, ACTIONS } from '../../shared/auth/permissions.ts';
import { authorizeStation } from '../../shared/http/access.ts';
import { forbidden, notFound } from '../../shared/domain/errors.ts';
import { RosterQuery, type Roster } from '../../shared/domain/roster.ts';
import { httpHandler, parseOr400, type ApiRequest, type RouteResponse } from '../../shared/http/api.ts';
import { stationIdOf } from '../../shared/http/params.ts';
import { rosterCsv } from '../../shared/roster/csv.ts';
import { rosterCalendar } from '../../shared/roster/ics.ts';
import { rosterAssignments } from '../../shared/roster/index.ts';
import { storeFromEnvironment } from '../../shared/store/index.ts';

export async function readRoster(request: ApiRequest): Promise<RouteResponse> {
  const stationId = stationIdOf(request.path);
  // Every member of the station may read their own roster; the whole roster (or someone else's) needs roster.read.
  const scope = await authorizeStation(request.actor, 'roster.own', stationId);
  const { query: q } = request;
  const query = parseOr400(RosterQuery, { from: q.from, to: q.to, personId: q.personId, format: q.format }, 'query');
  // The branch (and admin) read a station's whole roster read-only: the branch page opens a station.
  const whole = may(request.actor, 'roster.read', scope) || may(request.actor, 'roster.oversee', scope);
  if (!whole && query.personId !== request.actor.sub)
    throw forbidden(
      'AUTH-ROLE',
      `Only ${ACTIONS['roster.read'].join(', ')} may read the whole roster or another person's; you may read your own: add personId=${request.actor.sub}.`,
    );

  const store = storeFromEnvironment();
  const station = await store.stations.get(stationId);
  if (!station) throw notFound(`No station ${stationId}.`);
  const plans = await store.plans.listPublished(stationId, query.from, query.to);
  const assignments = rosterAssignments(plans, query.from, query.to, query.personId);
  const name = `roster-${stationId}-${query.from}-${query.to}${query.personId ? `-${query.personId}` : ''}`;
  const personal = { 'cache-control': 'private, no-store' };

  if (query.format === 'csv') {
    const names = new Map(station.people.map((p) => [p.id, p.name]));
    return {
      text: rosterCsv(assignments, names),
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"`, ...personal },
    };
  }
  if (query.format === 'ics') {
    const personId = query.personId!; // RosterQuery requires it for ics
    const person = station.people.find((p) => p.id === personId);
    return {
      text: rosterCalendar({
        stationId,
        stationName: station.name,
        timezone: station.timezone,
        person: { id: personId, ...(person ? { name: person.name } : {}) },
        assignments,
        communities: new Map(station.communities.map((c) => [c.id, c.name])),
      }),
      headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${name}.ics"`, ...personal },
    };
  }
  const roster: Roster = { stationId, from: query.from, to: query.to, assignments };
  return { body: roster, headers: personal };
}

export const handler = httpHandler({ 'GET /stations/{stationId}/roster': readRoster });
