// POST/GET /stations/{stationId}/absences, DELETE .../absences/{absenceId} (API.md, "Absences"). An absence lives in
// the station document's `absences` (with its id), so recording one is one conditional versioned write of the station
// item with its audit entry inside (shared/store/stations.ts `change`). Published days it touches are then marked
// as needing a re-plan on the plans covering them (idempotent, like the approvals do).
import { logger } from '../../shared/telemetry.ts';
import { z } from 'zod';
import { todayIn } from '../../shared/approvals/index.ts';
import { laterDate } from '../../shared/rotation/index.ts';
import { authorizeStation } from '../../shared/http/access.ts';
import type { RecordedAbsence } from '../../shared/domain/absences.ts';
import { AbsenceBody, AbsenceId, DateRange } from '../../shared/domain/day-to-day.ts';
import { badRequest, notFound } from '../../shared/domain/errors.ts';
import { reasonName, say, summaryOf } from '../../shared/i18n/index.ts';
import type { Absence, StationConfig } from '../../shared/domain/station.ts';
import { configOf, newId } from '../../shared/daytoday/ids.ts';
import { httpHandler, parseOr400, type ApiRequest } from '../../shared/http/api.ts';
import { stationIdOf } from '../../shared/http/params.ts';
import { newAuditId, storeFromEnvironment, type RosterStore } from '../../shared/store/index.ts';
import type { Actor } from '../../shared/domain/audit.ts';

const absenceIdOf = (path: Record<string, string>): string => parseOr400(z.object({ absenceId: AbsenceId }), path, 'path').absenceId;

/** Marks the published days of `from`..`to` (from today on) for a re-plan; best effort after the change itself. */
export async function markReplan(store: RosterStore, stationId: string, timezone: string, range: { from: string; to: string }, cause: { at: string; actor: Actor; key: string; why: { kind: 'day-to-day'; en: string; zh: string }; detail: Record<string, unknown> }) {
  const today = todayIn(timezone);
  const from = laterDate(range.from, today);
  try {
    return await store.plans.replanPublished(stationId, from, range.to, cause);
  } catch (error) {
    logger.warn('re-plan marking failed; the leader can mark again', { stationId, error: String(error) });
    return [];
  }
}

export async function recordAbsence(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'absence.manage', stationId);
  const body = parseOr400(AbsenceBody, request.body, 'absence');
  const store = storeFromEnvironment();
  const now = new Date();
  const absence = { id: newId('ab', now), personId: body.personId, from: body.from, to: body.to, reason: body.reason, ...(body.note ? { note: body.note } : {}) } satisfies Absence;
  const changed = await store.stations.change(stationId, (current) => {
    if (!current.people.some((p) => p.id === body.personId))
      throw badRequest(say('error.badRequest', { what: 'absence', count: 1 }), [{ path: 'personId', message: `unknown person "${body.personId}" at station ${stationId}` }]);
    const config: StationConfig = { ...configOf(current), absences: [...current.absences, absence] };
    return { config, result: absence, entry: absenceEntry(stationId, request.actor, now, 'absence.recorded', absence, current.version + 1) };
  });
  if (!changed) throw notFound(say('error.notFound.station', { stationId }));
  const marked = await markReplan(store, stationId, changed.station.timezone, absence, replanCause(now, request.actor, absence, 'recorded'));
  return { status: 201, body: { ...absence, replan: marked } satisfies RecordedAbsence, headers: { location: `/stations/${stationId}/absences/${absence.id}` } };
}

export async function listAbsences(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'absence.manage', stationId);
  const range = parseOr400(DateRange, { from: request.query.from, to: request.query.to }, 'query');
  const station = await storeFromEnvironment().stations.get(stationId);
  if (!station) throw notFound(say('error.notFound.station', { stationId }));
  const items = station.absences.filter((a) => (!range.to || a.from <= range.to) && (!range.from || a.to >= range.from));
  return { body: { items, next: null } };
}

export async function removeAbsence(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'absence.manage', stationId);
  const id = absenceIdOf(request.path);
  const store = storeFromEnvironment();
  const now = new Date();
  const changed = await store.stations.change(stationId, (current) => {
    const absence = current.absences.find((a) => a.id === id);
    if (!absence) throw notFound(say('error.notFound.absence', { absenceId: id, stationId }));
    const config: StationConfig = { ...configOf(current), absences: current.absences.filter((a) => a.id !== id) };
    return { config, result: absence, entry: absenceEntry(stationId, request.actor, now, 'absence.removed', absence, current.version + 1) };
  });
  if (!changed) throw notFound(say('error.notFound.station', { stationId }));
  await markReplan(store, stationId, changed.station.timezone, changed.result, replanCause(now, request.actor, changed.result, 'removed'));
  return { status: 204 };
}

function absenceEntry(stationId: string, actor: Actor, now: Date, action: 'absence.recorded' | 'absence.removed', a: Absence, version: number) {
  return {
    id: newAuditId(now),
    stationId,
    at: now.toISOString(),
    actor,
    action,
    target: { kind: 'absence', id: a.id ?? '' },
    ...summaryOf(say('audit.absence', { action, absenceId: a.id ?? '', personId: a.personId, from: a.from, to: a.to, reason: a.reason })),
    detail: { absenceId: a.id, personId: a.personId, from: a.from, to: a.to, reason: a.reason, version },
  };
}

const replanCause = (now: Date, actor: Actor, a: Absence, what: string) => ({
  at: now.toISOString(),
  actor,
  key: `${a.id}@${what}`,
  why: {
    kind: 'day-to-day' as const,
    en: `the absence ${a.id} of ${a.personId} (${a.from} to ${a.to}, ${a.reason}) was ${what}`,
    zh: `${a.personId}的缺勤${a.id}（${a.from}至${a.to}，${reasonName('zh', a.reason)}）已${what === 'recorded' ? '登记' : '撤销'}`,
  },
  detail: { absenceId: a.id, personId: a.personId },
});

export const handler = httpHandler({
  'POST /stations/{stationId}/absences': recordAbsence,
  'GET /stations/{stationId}/absences': listAbsences,
  'DELETE /stations/{stationId}/absences/{absenceId}': removeAbsence,
});
