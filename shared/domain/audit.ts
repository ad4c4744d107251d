// An audit-trail entry (API.md, `GET /stations/{id}/audit`): who did what, when. Entries are never edited.
import { z } from 'zod';

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
  summary: z.string(),
  detail: z.record(z.string(), z.unknown()).default({}),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
