// The day-to-day rules (DOMAIN.md: PIN-1, LV-1, SW-1) as pure functions over a few assignments. The hard rules a pin
// or a swap must not break are judged by the very checks of checks.ts (one definition per rule), run on the changed
// cells and their neighbours only.
import type { Actor } from '../domain/audit.ts';
import type { Assignment, Violation } from '../domain/plan.ts';
import {
  checkFB1,
  checkFB2,
  checkFB3,
  checkFB4,
  checkREST1,
  checkROT4,
  checkSKILL1,
  type PlanCheck,
  type PlanContext,
} from './checks.ts';
import type { RuleId } from './catalogue.ts';
import { say, type Said } from '../i18n/index.ts';

/** The hard rules a single day's change is judged by (API.md: pins and swaps), in the order a refusal names them. */
export const DAY_RULES: ReadonlyArray<readonly [RuleId, PlanCheck]> = [
  ['ROT-4', checkROT4],
  ['FB-1', checkFB1],
  ['FB-2', checkFB2],
  ['FB-3', checkFB3],
  ['FB-4', checkFB4],
  ['SKILL-1', checkSKILL1],
  ['REST-1', checkREST1],
];

export type Cell = { personId: string; date: string };

/**
 * Every break of a day rule that touches one of `cells`, judged on `assignments` (the changed cells and what lies
 * around them). Sorted by DAY_RULES order, so the first is the one a refusal names.
 */
export function dayBreaks(ctx: PlanContext, assignments: readonly Assignment[], cells: readonly Cell[]): Violation[] {
  const touches = (v: Violation) => cells.some((c) => v.personIds.includes(c.personId) && v.dates.includes(c.date));
  return DAY_RULES.flatMap(([, check]) => check(ctx, { assignments, shortfalls: [] }).filter(touches));
}

/** PIN-1: a pin is set on today or a later day (station time); null when the date is fine. */
export function pinDateSaid(date: string, today: string): Said | null {
  return date < today ? say('pin.past', { date, today }) : null;
}
export const pinDateRefusal = (date: string, today: string): string | null => pinDateSaid(date, today)?.message ?? null;

/** LV-1: who decides a leave request: a station leader of that station, never the person on leave. */
export function leaveDeciderSaid(actor: Actor, stationId: string, leave: { personId: string; requestedBy: string }): Said | null {
  const leader = ['director', 'instructor', 'deputy'].some((g) => actor.groups.includes(g)) && actor.stationId === stationId;
  if (!leader) return say('leave.notLeader', { stationId });
  if (actor.sub === leave.personId) return say('leave.own', { sub: actor.sub });
  return null;
}
export const leaveDeciderRefusal = (actor: Actor, stationId: string, leave: { personId: string; requestedBy: string }): string | null =>
  leaveDeciderSaid(actor, stationId, leave)?.message ?? null;

/** SW-1: the two sides of a swap are two different people (and each side one of the two). */
export function swapPartiesSaid(proposer: string, colleague: string): Said | null {
  return proposer === colleague ? say('swap.twoPeople') : null;
}
export const swapPartiesRefusal = (proposer: string, colleague: string): string | null => swapPartiesSaid(proposer, colleague)?.message ?? null;

/** SW-1: the hard rules a swap must not break for either person; the first break found, or null. */
export function swapBreak(ctx: PlanContext, exchanged: readonly Assignment[], cells: readonly Cell[]): Violation | null {
  return dayBreaks(ctx, exchanged, cells)[0] ?? null;
}
