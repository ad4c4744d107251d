// GET /stations/{stationId}/audit: the audit trail, oldest first, paged.
import { authorizeStation } from '../../shared/http/access.ts';
import { httpHandler, parseOr400, type ApiRequest } from '../../shared/http/api.ts';
import { AuditQuery } from '../../shared/domain/queries.ts';
import { cursorOf, stationIdOf } from '../../shared/http/params.ts';
import { storeFromEnvironment } from '../../shared/store/index.ts';
import { notFound } from '../../shared/domain/errors.ts';
import { addDaysTo, startOfStationDay } from '../../shared/rotation/index.ts';

export async function listAudit(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'audit.read', stationId);
  const query = parseOr400(AuditQuery, { from: request.query.from, to: request.query.to, cursor: request.query.cursor, next: request.query.next, limit: request.query.limit }, 'query');
  const store = storeFromEnvironment();
  const station = await store.stations.get(stationId);
  if (!station) throw notFound(`No station ${stationId}.`);
  // API dates are the station's dates: turn them into the UTC instants the trail is keyed by.
  const entries = await store.audit.list(stationId, {
    ...(query.from ? { from: startOfStationDay(query.from, station.timezone) } : {}),
    ...(query.to ? { until: startOfStationDay(addDaysTo(query.to, 1), station.timezone) } : {}),
    cursor: cursorOf(query),
    limit: query.limit ?? 100,
  });
  return { body: entries };
}

export const handler = httpHandler({ 'GET /stations/{stationId}/audit': listAudit });
