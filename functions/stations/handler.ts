// GET / PUT /stations/{stationId}: the station configuration (API.md). Translates only; decisions live in shared/.
import { z } from 'zod';
import { actsOnEveryStation, branchAfterPut } from '../../shared/auth/permissions.ts';
import { DEFAULT_BRANCH } from '../../shared/domain/primitives.ts';
import { authorizeStation } from '../../shared/http/access.ts';
import { badRequest, conflict, forbidden, notFound, formatPath } from '../../shared/domain/errors.ts';
import { describeConfigChange, changedSections } from '../../shared/domain/station-changes.ts';
import { validateStationConfig } from '../../shared/domain/station.ts';
import { httpHandler, type ApiRequest } from '../../shared/http/api.ts';
import { stationIdOf } from '../../shared/http/params.ts';
import { newAuditId, storeFromEnvironment } from '../../shared/store/index.ts';
import { exportStaff, previewStaffImport } from './staff.ts';
import { say } from '../../shared/i18n/index.ts';

/** Fields a GET answer carries that a client may send back unchanged with its PUT. */
const ReadOnlyFields = z.object({
  id: z.string().optional(),
  version: z.int().min(1).optional(),
  updatedAt: z.string().optional(),
  updatedBy: z.string().optional(),
});

const IfMatch = z.string().regex(/^(W\/)?"?\d+"?$/, 'If-Match must be a station version such as "3"');

export async function getStation(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'station.read', stationId);
  const station = await storeFromEnvironment().stations.get(stationId);
  if (!station) throw notFound(say('error.notFound.station', { stationId }));
  return { body: station, headers: { etag: `"${station.version}"` } };
}

export async function putStation(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'station.configure', stationId);
  if (request.body === null || typeof request.body !== 'object' || Array.isArray(request.body))
    throw badRequest('The station document is missing.', [{ path: '(body)', message: 'expected a JSON object' }]);
  const body = request.body as Record<string, unknown>;

  const readOnly = ReadOnlyFields.safeParse({ id: body.id, version: body.version, updatedAt: body.updatedAt, updatedBy: body.updatedBy });
  const { id, version, updatedAt: _updatedAt, updatedBy: _updatedBy, ...document } = body;
  const details = readOnly.success ? [] : readOnly.error.issues.map((i) => ({ path: formatPath(i.path as (string | number)[]), message: i.message }));
  if (typeof id === 'string' && id !== stationId) details.push({ path: 'id', message: `the body is for station "${id}", the path for "${stationId}"` });
  const ifMatch = request.headers['if-match'];
  if (ifMatch !== undefined && !IfMatch.safeParse(ifMatch).success) details.push({ path: 'If-Match', message: 'expected a station version such as "3"' });
  const validated = validateStationConfig(document);
  if (!validated.ok) details.push(...validated.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
  if (details.length > 0 || !validated.ok)
    throw badRequest(say('error.badRequest.station', { count: details.length }), details);

  const store = storeFromEnvironment();
  const current = await store.stations.get(stationId);
  // The version the client read: If-Match, else the body's `version`, else the one we just read (a blind write
  // still loses to a concurrent writer rather than silently overwriting it).
  const claimed = ifMatch !== undefined ? Number(ifMatch.replace(/\D/g, '')) : typeof version === 'number' ? version : undefined;
  const expectedVersion = claimed ?? current?.version ?? null;
  if (claimed !== undefined && current === null)
    throw notFound(say('error.notFound.stationVersion', { stationId, claimed }));
  if (claimed !== undefined && current !== null && current.version !== claimed)
    throw conflict(say('error.conflict.version', { what: 'station', id: stationId, version: current.version, claimed }));

  // FB-4: level-1 reinforced duty is declared by the branch (POST /stations/{id}/reinforced-duty); a station's
  // own leaders cannot add or change periods through the configuration.
  if (current && !actsOnEveryStation(request.actor) && JSON.stringify(current.reinforcedDuty) !== JSON.stringify(validated.value.reinforcedDuty))
    throw forbidden('FB-4', say('error.reinforcedByBranch'));

  // The branch: set by the creating PUT, kept when a later PUT leaves it out, changed by admin only (AUTH-BRANCH).
  const config = { ...validated.value, branchId: branchAfterPut(request.actor, current?.branchId ?? null, validated.value.branchId, DEFAULT_BRANCH) };
  const at = new Date();
  const described = describeConfigChange(current, config);
  const saved = await store.stations.put(stationId, config, {
    expectedVersion,
    entry: {
      id: newAuditId(at),
      stationId,
      at: at.toISOString(),
      actor: request.actor,
      action: 'station.configured',
      target: { kind: 'station', id: stationId },
      summary: described.message,
      summaryKey: described.key,
      params: described.params,
      detail: { version: (expectedVersion ?? 0) + 1, sections: changedSections(current, config), changes: described.changes },
    },
  });
  return { status: current ? 200 : 201, body: saved, headers: { etag: `"${saved.version}"` } };
}

export const handler = httpHandler({
  'GET /stations/{stationId}': getStation,
  'PUT /stations/{stationId}': putStation,
  'GET /stations/{stationId}/staff': exportStaff,
  'POST /stations/{stationId}/staff/import': previewStaffImport,
});
