// An audit-trail entry (API.md, `GET /stations/{id}/audit`): who did what, when. Entries are never edited.
import { z } from 'zod';
import { MessageParams } from '../i18n/index.ts';

export const AUDIT_ACTIONS = [
  'station.configured',
  'plan.created',
  'plan.published',
  /** Published days an approval, rejection or withdrawal (or a reinforced-duty declaration) changed after publication. */
  'plan.replan-needed',
  'redeployment.requested',
  'redeployment.decided',
  'redeployment.withdrawn',
  'redeployment.expired',
  'reinforced-duty.declared',
  // The day-to-day loop (absences, pins, leave, swaps, re-plans).
  'absence.recorded',
  'absence.removed',
  'pin.set',
  'pin.removed',
  'leave.requested',
  'leave.decided',
  'leave.withdrawn',
  'swap.proposed',
  'swap.accepted',
  'swap.decided',
  'swap.withdrawn',
  /** An admin loaded or corrected a year of the official calendar (CAL-3); kept in the `_calendar` trail. */
  'calendar.loaded',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

/** `branchId`: the branch a `branch` user belongs to (`custom:branchId`); absent for everyone else. */
export const Actor = z.object({ sub: z.string(), groups: z.array(z.string()), stationId: z.string().nullable(), branchId: z.string().nullable().optional() });
export type Actor = z.infer<typeof Actor>;

export const AuditEntry = z.object({
  id: z.string(),
  stationId: z.string(),
  at: z.string(),
  actor: Actor,
  action: AuditAction,
  target: z.object({ kind: z.string(), id: z.string() }),
  /** One line for a person, in the reader's language (rendered from `summaryKey` and `params` when they are there). */
  summary: z.string(),
  /** The catalogue key of `summary` (shared/i18n); entries written before keys existed have none. */
  summaryKey: z.string().optional(),
  /** The figures and ids of `summary`. */
  params: MessageParams.optional(),
  /**
   * What happened, for programs. `station.configured`: `{version, sections, changes}` with `changes` a list of
   * `ConfigChange` (shared/domain/station-changes.ts): person added/removed/changed (field from → to), items of a
   * section added/removed/changed, settings from → to.
   */
  detail: z.record(z.string(), z.unknown()).default({}),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
