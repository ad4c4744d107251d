// POST/GET /stations/{stationId}/pins, DELETE .../pins/{pinId} (API.md, "Pins (manual overrides)", PIN-1). A pin lives
// in the station document's `pins`; setting one is one conditional versioned write of the station item with its audit
// entry inside. The hard rules are judged by shared/daytoday/pins.ts (the existing checks of shared/rules) before the
// write, on the station as it is at that write (a lost race judges again on the fresh copy).
import { z } from 'zod';
import { todayIn } from '../../shared/approvals/index.ts';
import { authorizeStation } from '../../shared/http/access.ts';
import type { Actor } from '../../shared/domain/audit.ts';
import { DateRange, PinBody, PinId, type Pin, type PinSet } from '../../shared/domain/day-to-day.ts';
import { badRequest, notFound, ruleBreak, saidDetail } from '../../shared/domain/errors.ts';
import { isMessageKey, postName, say, summaryOf } from '../../shared/i18n/index.ts';
import type { StationConfig } from '../../shared/domain/station.ts';
import { configOf, newId } from '../../shared/daytoday/ids.ts';
import { pinRefusal, pinShift } from '../../shared/daytoday/pins.ts';
import { httpHandler, parseOr400, type ApiRequest } from '../../shared/http/api.ts';
import { stationIdOf } from '../../shared/http/params.ts';
import { newAuditId, storeFromEnvironment } from '../../shared/store/index.ts';
import { markReplan } from '../absences/handler.ts';

const pinIdOf = (path: Record<string, string>): string => parseOr400(z.object({ pinId: PinId }), path, 'path').pinId;

export async function setPin(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'pin.manage', stationId);
  const body = parseOr400(PinBody, request.body, 'pin');
  const store = storeFromEnvironment();
  const approved = await store.approvedRedeploymentsFor(stationId, body.date, body.date);
  const now = new Date();
  const changed = await store.stations.change(stationId, (current) => {
    if (!current.people.some((p) => p.id === body.personId))
      throw badRequest(say('error.badRequest', { what: 'pin', count: 1 }), [{ path: 'personId', message: `unknown person "${body.personId}" at station ${stationId}` }]);
    const config = configOf(current);
    if (body.shift !== undefined && !config.shiftTypes.some((s) => s.code === body.shift))
      throw badRequest(say('error.badRequest', { what: 'pin', count: 1 }), [{ path: 'shift', message: `unknown shift code "${body.shift}"` }]);
    const pin: Pin = {
      id: newId('pin', now),
      personId: body.personId,
      date: body.date,
      post: body.post,
      shift: pinShift(config, body),
      ...(body.note ? { note: body.note } : {}),
      createdAt: now.toISOString(),
      createdBy: request.actor.sub,
    };
    const refusal = pinRefusal({ station: config, approved, pin, today: todayIn(config.timezone, now) });
    if (refusal)
      throw ruleBreak(refusal.rule, isMessageKey(refusal.key) ? { key: refusal.key, params: refusal.params ?? {}, message: refusal.message } : refusal.message, [saidDetail('post', refusal)]);
    const replaced = config.pins.find((p) => p.personId === pin.personId && p.date === pin.date);
    const next: StationConfig = { ...config, pins: [...config.pins.filter((p) => p !== replaced), pin] };
    return { config: next, result: { pin, replaced }, entry: pinEntry(stationId, request.actor, now, 'pin.set', pin, current.version + 1, replaced?.id) };
  });
  if (!changed) throw notFound(say('error.notFound.station', { stationId }));
  const { pin, replaced } = changed.result;
  await markReplan(store, stationId, changed.station.timezone, { from: pin.date, to: pin.date }, {
    at: now.toISOString(),
    actor: request.actor,
    key: `${pin.id}@set`,
    why: { kind: 'day-to-day', en: `${pin.personId} was pinned to ${pin.post} on ${pin.date} (${pin.id})`, zh: `${pin.personId}于${pin.date}被固定为${postName('zh', pin.post)}（${pin.id}）` },
    detail: { pinId: pin.id, personId: pin.personId },
  });
  return { status: 201, body: { ...pin, ...(replaced ? { replaces: replaced.id } : {}) } satisfies PinSet, headers: { location: `/stations/${stationId}/pins/${pin.id}` } };
}

export async function listPins(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'pin.manage', stationId);
  const range = parseOr400(DateRange, { from: request.query.from, to: request.query.to }, 'query');
  const station = await storeFromEnvironment().stations.get(stationId);
  if (!station) throw notFound(say('error.notFound.station', { stationId }));
  const items = station.pins.filter((p) => (!range.from || p.date >= range.from) && (!range.to || p.date <= range.to));
  return { body: { items, next: null } };
}

export async function removePin(request: ApiRequest) {
  const stationId = stationIdOf(request.path);
  await authorizeStation(request.actor, 'pin.manage', stationId);
  const id = pinIdOf(request.path);
  const store = storeFromEnvironment();
  const now = new Date();
  const changed = await store.stations.change(stationId, (current) => {
    const pin = current.pins.find((p) => p.id === id);
    if (!pin) throw notFound(say('error.notFound.pin', { pinId: id, stationId }));
    const config: StationConfig = { ...configOf(current), pins: current.pins.filter((p) => p.id !== id) };
    return { config, result: pin, entry: pinEntry(stationId, request.actor, now, 'pin.removed', pin, current.version + 1) };
  });
  if (!changed) throw notFound(say('error.notFound.station', { stationId }));
  const pin = changed.result;
  await markReplan(store, stationId, changed.station.timezone, { from: pin.date, to: pin.date }, {
    at: now.toISOString(),
    actor: request.actor,
    key: `${pin.id}@removed`,
    why: { kind: 'day-to-day', en: `the pin ${pin.id} of ${pin.personId} on ${pin.date} was removed`, zh: `${pin.personId}于${pin.date}的固定岗位${pin.id}已取消` },
    detail: { pinId: pin.id, personId: pin.personId },
  });
  return { status: 204 };
}

function pinEntry(stationId: string, actor: Actor, now: Date, action: 'pin.set' | 'pin.removed', pin: Pin, version: number, replaces?: string) {
  return {
    id: newAuditId(now),
    stationId,
    at: now.toISOString(),
    actor,
    action,
    target: { kind: 'pin', id: pin.id },
    ...summaryOf(say('audit.pin', { action, personId: pin.personId, post: pin.post, shift: pin.shift, date: pin.date, ...(replaces ? { replaces } : {}) })),
    detail: { pinId: pin.id, personId: pin.personId, date: pin.date, post: pin.post, shift: pin.shift, version, ...(replaces ? { replaces } : {}) },
  };
}

export const handler = httpHandler({
  'POST /stations/{stationId}/pins': setPin,
  'GET /stations/{stationId}/pins': listPins,
  'DELETE /stations/{stationId}/pins/{pinId}': removePin,
});
