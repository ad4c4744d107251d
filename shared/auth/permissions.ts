// "Who may do what" (API.md): pure decisions over the caller's claims. Handlers call `authorize` before anything else.
//
// Tenancy: a station leader acts on their own station (`custom:stationId`); a `branch` user on the stations whose
// `branchId` is their `custom:branchId` (else 403 AUTH-BRANCH); `admin` on every station. Every station route and the
// branch list decide here, so that the rule lives in one place.
import type { Actor } from '../domain/audit.ts';
import { forbidden } from '../domain/errors.ts';
import { say, type Said } from '../i18n/index.ts';

export const GROUPS = ['director', 'instructor', 'deputy', 'officer', 'auxiliary', 'branch', 'admin'] as const;
export type Group = (typeof GROUPS)[number];

export const ACTIONS = {
  'station.configure': ['director', 'instructor', 'admin'],
  'station.read': ['director', 'instructor', 'deputy', 'branch', 'admin'],
  'plan.manage': ['director', 'instructor', 'deputy'],
  'roster.read': ['director', 'instructor', 'deputy'],
  /** The branch's read-only look at a station's published roster (the branch page opens a station). */
  'roster.oversee': ['branch', 'admin'],
  'redeployment.request': ['director', 'instructor', 'deputy'],
  'redeployment.read': ['director', 'instructor', 'deputy', 'branch'],
  'redeployment.decide': ['director', 'instructor', 'branch'],
  'reinforced-duty.declare': ['branch'],
  'audit.read': ['director', 'instructor', 'deputy', 'branch', 'admin'],
  'roster.own': GROUPS,
  // The day-to-day loop (absences, pins, leave and swap decisions, re-plans, the leaders' inbox).
  'absence.manage': ['director', 'instructor', 'deputy'],
  'pin.manage': ['director', 'instructor', 'deputy'],
  'leave.decide': ['director', 'instructor', 'deputy'],
  'swap.decide': ['director', 'instructor', 'deputy'],
  'swap.propose': ['officer', 'auxiliary'],
  'request.own': ['director', 'instructor', 'deputy', 'officer', 'auxiliary'],
  /** The official calendar (CAL-3) is the same for every station: anyone signed in reads it, the admin loads a year. */
  'calendar.read': GROUPS,
  'calendar.load': ['admin'],
  /** `GET /branches/{branchId}/stations`: that branch's own users, and admin. */
  'branch.read': ['branch', 'admin'],
} as const satisfies Record<string, readonly Group[]>;
export type Action = keyof typeof ACTIONS;

/**
 * The station an action is aimed at. `branchId` is the station's branch as stored (`"default"` for a station stored
 * before branches); `undefined` when the caller has not read it, which is enough unless the actor's only claim to the
 * station is their branch (see `needsBranch`).
 */
export type StationScope = { stationId: string; branchId?: string | undefined };

/** `said`: the message as a catalogue key and params (shared/i18n), rendered in the reader's language. */
export type Refusal = { code: 'AUTH-ROLE' | 'AUTH-STATION' | 'AUTH-BRANCH'; message: string; said?: Said };
const refusedWith = (code: Refusal['code'], said: Said): Refusal => ({ code, message: said.message, said });

const allowedGroups = (action: Action): readonly string[] => ACTIONS[action];
const rolesFor = (actor: Actor, action: Action): string[] => actor.groups.filter((g) => allowedGroups(action).includes(g));
const isAdmin = (roles: readonly string[]): boolean => roles.includes('admin');
const ownStationRole = (actor: Actor, roles: readonly string[], stationId: string): boolean =>
  actor.stationId === stationId && roles.some((g) => g !== 'branch' && g !== 'admin');

/** Groups whose members act beyond their own station: admin on every one, branch on those of its branch. */
export function actsOnEveryStation(actor: Actor): boolean {
  return actor.groups.some((g) => g === 'branch' || g === 'admin');
}

/** A branch user reaching beyond their own station: their tenancy is the station's branch. Admin is never one. */
const branchTenant = (actor: Actor, stationId: string): boolean =>
  actor.groups.includes('branch') &&
  !actor.groups.includes('admin') &&
  !(actor.stationId === stationId && actor.groups.some((g) => g !== 'branch' && g !== 'admin'));

/**
 * True when deciding needs the station's stored `branchId`: the actor is a branch user and holds no station role at
 * this station. Handlers read the branch only then (a station leader on their own station costs no read).
 */
export function needsBranch(actor: Actor, stationId: string): boolean {
  return branchTenant(actor, stationId);
}

/**
 * Why the actor may not act on the station, or null when they may. A branch user meets the branch check first, on
 * every station route: a station of another branch is AUTH-BRANCH whatever the action, so nothing about it leaks.
 */
export function refusal(actor: Actor, action: Action, scope: StationScope): Refusal | null {
  if (branchTenant(actor, scope.stationId)) {
    if (scope.branchId === undefined) throw new Error(`the branch of station ${scope.stationId} is needed to decide ${action} (read it first: needsBranch)`);
    if (!actor.branchId || actor.branchId !== scope.branchId)
      return {
        code: 'AUTH-BRANCH',
        message: actor.branchId
          ? `Station ${scope.stationId} belongs to another branch; you act only on the stations of branch ${actor.branchId}.`
          : 'Your account names no branch (custom:branchId), so you act on no station as the branch.',
      };
  }
  const roles = rolesFor(actor, action);
  if (roles.length === 0)
    return refusedWith('AUTH-ROLE', say('error.auth.role', { allowed: [...allowedGroups(action)], action, groups: actor.groups }));
  if (isAdmin(roles) || ownStationRole(actor, roles, scope.stationId)) return null;
  // The branch check above has passed for this station.
  if (roles.includes('branch') && branchTenant(actor, scope.stationId)) return null;
  return refusedWith('AUTH-STATION', say('error.auth.station', { own: actor.stationId, stationId: scope.stationId }));
}

/** A leader of this very station (the groups that decide leave and swaps there): sees and decides its requests. */
export function leadsStation(actor: Actor, stationId: string): boolean {
  return ownStationRole(actor, rolesFor(actor, 'leave.decide'), stationId);
}

export function may(actor: Actor, action: Action, scope: StationScope): boolean {
  return refusal(actor, action, scope) === null;
}

/** Throws 403 with `AUTH-ROLE` (wrong group), `AUTH-STATION` (another station) or `AUTH-BRANCH` (another branch). */
export function authorize(actor: Actor, action: Action, scope: StationScope): void {
  const refused = refusal(actor, action, scope);
  if (refused) throw forbidden(refused.code, refused.said ?? refused.message);
}

/** `GET /branches/{branchId}/...`: admin, or a branch user of that very branch. */
export function authorizeBranch(actor: Actor, branchId: string): void {
  const roles = rolesFor(actor, 'branch.read');
  if (roles.length === 0)
    throw forbidden('AUTH-ROLE', say('error.branch.readRole', { allowed: [...allowedGroups('branch.read')], groups: actor.groups }));
  if (isAdmin(roles) || actor.branchId === branchId) return;
  throw forbidden('AUTH-BRANCH', say('error.branch.other', { own: actor.branchId ?? '', branchId }));
}

/**
 * The branch a station is stored under after a configuration `PUT`: the one the creating `PUT` names (else
 * `"default"`); afterwards only admin changes it. A `PUT` without `branchId` keeps the stored branch (clients that
 * do not know branches keep working); one that repeats the stored value is fine; a different one is 403 AUTH-BRANCH.
 */
export function branchAfterPut(actor: Actor, stored: string | null, asked: string | undefined, fallback: string): string {
  if (stored === null) return asked ?? fallback;
  if (asked === undefined || asked === stored) return stored;
  if (actor.groups.includes('admin')) return asked;
  throw forbidden('AUTH-BRANCH', say('error.branch.move', { stored, asked: asked ?? '' }));
}

/** For what belongs to no station (the official calendar): the group alone decides; 403 `AUTH-ROLE` otherwise. */
export function authorizeRole(actor: Actor, action: Action): void {
  const allowed: readonly string[] = ACTIONS[action];
  if (!actor.groups.some((g) => allowed.includes(g)))
    throw forbidden('AUTH-ROLE', say('error.auth.role', { allowed: [...allowed], action, groups: actor.groups }));
}
