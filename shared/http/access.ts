// The one door every station route goes through before it does anything: the decision is permissions.ts's; this
// only fetches the station's branch when that decision needs it (a branch user), so a leader costs no read.
import { say } from '../i18n/index.ts';
import { authorize, needsBranch, type Action, type StationScope } from '../auth/permissions.ts';
import type { Actor } from '../domain/audit.ts';
import { notFound } from '../domain/errors.ts';
import { storeFromEnvironment, type RosterStore } from '../store/index.ts';

/** The station as the permission decision needs it: with its stored branch when the actor is a branch user. */
export async function scopeOf(actor: Actor, stationId: string, store: RosterStore = storeFromEnvironment()): Promise<StationScope> {
  if (!needsBranch(actor, stationId)) return { stationId };
  const branchId = await store.stations.branchOf(stationId);
  if (branchId === null) throw notFound(say('error.notFound.station', { stationId }));
  return { stationId, branchId };
}

/** 403 (AUTH-ROLE, AUTH-STATION, AUTH-BRANCH) unless the actor may; returns the scope for further decisions. */
export async function authorizeStation(actor: Actor, action: Action, stationId: string, store: RosterStore = storeFromEnvironment()): Promise<StationScope> {
  const scope = await scopeOf(actor, stationId, store);
  authorize(actor, action, scope);
  return scope;
}
