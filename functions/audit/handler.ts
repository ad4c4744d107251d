// GET /stations/{stationId}/audit: the audit trail, oldest first, paged.
import { authorize } from '../../shared/auth/permissions.ts';
import { httpHandler, parseOr400, type ApiRequest } from '../../shared/http/api.ts';
import { DateRangeQuery, PageQuery, cursorOf, stationIdOf } from '../../shared/http/params.ts';
import { storeFromEnvironment } from '../../shared/store/index.ts';

export async function listAudit(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  authorize(request.actor, 'audit.read', stationId);
  const range = parseOr400(DateRangeQuery, { from: request.query.from, to: request.query.to }, 'query');
  const page = parseOr400(PageQuery, { cursor: request.query.cursor, next: request.query.next, limit: request.query.limit }, 'query');
  const entries = await storeFromEnvironment().audit.list(stationId, { ...range, cursor: cursorOf(page), limit: page.limit ?? 100 });
  return { body: entries };
}

export const handler = httpHandler({ 'GET /stations/{stationId}/audit': listAudit });
