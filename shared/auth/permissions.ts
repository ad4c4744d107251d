// "Who may do what" (API.md): pure decisions over the caller's claims. Handlers call `authorize` before anything else.
import type { Actor } from '../domain/audit.ts';
import { forbidden } from '../domain/errors.ts';

export const GROUPS = ['director', 'instructor', 'deputy', 'officer', 'auxiliary', 'branch', 'admin'] as const;
export type Group = (typeof GROUPS)[number];

export const ACTIONS = {
  'station.configure': ['director', 'instructor', 'admin'],
  'station.read': ['director', 'instructor', 'deputy', 'branch', 'admin'],
  'plan.manage': ['director', 'instructor', 'deputy'],
  'roster.read': ['director', 'instructor', 'deputy'],
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
} as const satisfies Record<string, readonly Group[]>;
export type Action = keyof typeof ACTIONS;

/** Groups whose members act on every station (of their branch); everyone else only on their own. */
const CROSS_STATION: ReadonlySet<string> = new Set(['branch', 'admin']);

export function actsOnEveryStation(actor: Actor): boolean {
  return actor.groups.some((g) => CROSS_STATION.has(g));
}

export function may(actor: Actor, action: Action, stationId: string): boolean {
  const allowed: readonly string[] = ACTIONS[action];
  const byRole = actor.groups.filter((g) => allowed.includes(g));
  if (byRole.length === 0) return false;
  return actor.stationId === stationId || byRole.some((g) => CROSS_STATION.has(g));
}

/** Throws 403 with `AUTH-ROLE` (wrong group) or `AUTH-STATION` (another station) unless the actor may act. */
export function authorize(actor: Actor, action: Action, stationId: string): void {
  if (may(actor, action, stationId)) return;
  const allowed: readonly string[] = ACTIONS[action];
  if (!actor.groups.some((g) => allowed.includes(g)))
    throw forbidden('AUTH-ROLE', `Only ${allowed.join(', ')} may do this (${action}); you are ${actor.groups.join(', ') || 'in no group'}.`);
  throw forbidden('AUTH-STATION', `You act only on your own station (${actor.stationId ?? 'none'}), not on ${stationId}.`);
}
