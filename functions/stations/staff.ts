// GET /stations/{stationId}/staff?format=xlsx|csv and POST /stations/{stationId}/staff/import: the staff list as a
// spreadsheet, out and in. The import only previews (nothing is saved): it answers every bad row and cell, the
// changes, and the station document with the new people, which the client saves with PUT /stations/{id} and
// If-Match (so the import goes through the same validation, conflict check and audit entry as any other change).
import { StaffExportQuery, StaffImportBody } from '../../shared/domain/staff.ts';
import { authorizeStation } from '../../shared/http/access.ts';
import { badRequest, notFound } from '../../shared/domain/errors.ts';
import { parseOr400, type ApiRequest, type RouteResponse } from '../../shared/http/api.ts';
import { stationIdOf } from '../../shared/http/params.ts';
import { render, say } from '../../shared/i18n/index.ts';
import { XLSX_TYPE, csvRows, staffCsv, staffXlsx, xlsxRows } from '../../shared/staff/files.ts';
import { previewStaff } from '../../shared/staff/read.ts';
import { storeFromEnvironment } from '../../shared/store/index.ts';

async function stationOr404(stationId: string) {
  const station = await storeFromEnvironment().stations.get(stationId);
  if (!station) throw notFound(say('error.notFound.station', { stationId }));
  return station;
}

export async function exportStaff(request: ApiRequest): Promise<RouteResponse> {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'station.read', stationId);
  const { format } = parseOr400(StaffExportQuery, { format: request.query.format }, 'query');
  const station = await stationOr404(stationId);
  const name = `staff-${stationId}`;
  const headers = { 'cache-control': 'private, no-store' };
  if (format === 'csv')
    return { text: staffCsv(station.people, request.lang), headers: { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` } };
  return { binary: await staffXlsx(station.people, request.lang), headers: { ...headers, 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${name}.xlsx"` } };
}

export async function previewStaffImport(request: ApiRequest): Promise<RouteResponse> {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'station.configure', stationId);
  const body = parseOr400(StaffImportBody, request.body, 'staff import');
  const station = await stationOr404(stationId);
  const bytes = Buffer.from(body.content, 'base64');
  let table: string[][];
  try {
    table = body.format === 'xlsx' ? await xlsxRows(bytes) : csvRows(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw badRequest(say('error.badRequest.file', { format: body.format, reason }), [{ path: 'content', message: reason }]);
  }
  const { id: _id, version, updatedAt: _at, updatedBy: _by, ...config } = station;
  const preview = previewStaff(config, table);
  const ok = preview.problems.length === 0;
  return {
    body: {
      ...(body.filename ? { filename: body.filename } : {}),
      rows: preview.rows,
      ok,
      problems: preview.problems.map((p) => ({ ...p, message: render(request.lang, p.key, p.params) })),
      changes: preview.changes,
      people: preview.people,
      // What to PUT (with If-Match: "<version>") to save the import; null while there are problems.
      station: ok ? { ...config, people: preview.people } : null,
      version,
    },
  };
}
