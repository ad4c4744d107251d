// The redeployment request document and the bodies of its endpoints (API.md, "Redeployments (AP)"): the single source
// of their public types. Request bodies are strict (unknown fields are refused); answers are plain objects.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { z } from 'zod';
import { IsoDate, LocalId } from './primitives.ts';
import { PostId } from './posts.ts';
import { PageQuery } from './queries.ts';

/** The longest request (and reinforced-duty period) accepted: as long as the longest plan. */
export const MAX_REQUEST_DAYS = 92;

export const REDEPLOYMENT_KINDS = ['duty', 'routine-duty', 'transfer'] as const;
export const RedeploymentKind = z.enum(REDEPLOYMENT_KINDS);
export type RedeploymentKind = z.infer<typeof RedeploymentKind>;

export const APPROVER_ROLES = ['director', 'instructor', 'branch'] as const;
export const ApproverRole = z.enum(APPROVER_ROLES);
export type ApproverRole = z.infer<typeof ApproverRole>;

export const REDEPLOYMENT_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn', 'expired'] as const;
export const RedeploymentStatus = z.enum(REDEPLOYMENT_STATUSES);
export type RedeploymentStatus = z.infer<typeof RedeploymentStatus>;

/** Request ids are `rd_` and letters or digits (they become part of a key: no separators). */
export const RedeploymentId = z.string().regex(/^rd_[A-Za-z0-9]{1,64}$/, 'not a redeployment id (rd_ followed by letters and digits)');

const Reason = z.string().max(2000, 'at most 2000 characters');
const Comment = z.string().max(2000, 'at most 2000 characters');

/** Checks a `from`..`to` pair once both are real dates: order and length. */
function rangeRefinement(what: string) {
  return (value: { from: string; to: string }, ctx: z.RefinementCtx) => {
    if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" is before "from"' });
    else if (differenceInCalendarDays(parseISO(value.to), parseISO(value.from)) + 1 > MAX_REQUEST_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `${what} covers at most ${MAX_REQUEST_DAYS} days` });
  };
}

/** `POST /stations/{id}/redeployments` */
export const RedeploymentRequestBody = z
  .strictObject({
    personId: LocalId,
    post: PostId,
    from: IsoDate,
    to: IsoDate,
    reason: Reason.default(''),
    kind: RedeploymentKind.default('duty'),
    replacementId: LocalId.optional(),
  })
  .superRefine((body, ctx) => {
    rangeRefinement('a request')(body, ctx);
    if (body.kind === 'transfer' && body.replacementId === undefined)
      ctx.addIssue({ code: 'custom', path: ['replacementId'], message: 'a transfer names its replacement ("fill first, then move", AP-3)' });
    if (body.kind !== 'transfer' && body.replacementId !== undefined)
      ctx.addIssue({ code: 'custom', path: ['replacementId'], message: 'only a transfer names a replacement' });
  });
export type RedeploymentRequestBody = z.infer<typeof RedeploymentRequestBody>;

/** `GET /stations/{id}/redeployments?status=&cursor=&limit=` */
export const RedeploymentListQuery = PageQuery.extend({ status: RedeploymentStatus.optional() });

/** `POST .../redeployments/{id}/decisions` */
export const DecisionBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: Comment.default(''),
});
export type DecisionBody = z.infer<typeof DecisionBody>;

/** `POST .../redeployments/{id}/withdraw`: the body is optional. */
export const WithdrawBody = z.strictObject({ reason: Reason.default('') }).optional();

/** `POST /stations/{id}/reinforced-duty` (FB-4) */
export const ReinforcedDutyBody = z
  .strictObject({ from: IsoDate, to: IsoDate, note: z.string().max(500, 'at most 500 characters').default('') })
  .superRefine(rangeRefinement('a reinforced-duty period'));
export type ReinforcedDutyBody = z.infer<typeof ReinforcedDutyBody>;

export const Decision = z.object({
  /** The approver's person id (`sub`). */
  by: z.string(),
  role: ApproverRole,
  decision: z.enum(['approve', 'reject']),
  comment: z.string(),
  at: z.string(),
});
export type Decision = z.infer<typeof Decision>;

export const BREAKABLE_RULES = ['CP-1', 'CP-2', 'AB-2'] as const;
export type BreakableRule = (typeof BREAKABLE_RULES)[number];

/** AP-6, one ISO week the request touches: the officer's community hours with and without the pull. */
export const WeekCost = z.object({
  week: z.string(),
  /** Dates of the request in this week. */
  dates: z.array(IsoDate),
  communityHoursLost: z.number(),
  /** The week's community hours per the rotation (community days and the flexible night), before and after the pull. */
  communityHoursBefore: z.number(),
  communityHoursAfter: z.number(),
  /** CP-2's target for the week, pro-rated for days of absence. */
  weeklyTarget: z.number(),
  /** CP-1: community hours over all working hours after the pull (1 when the officer would not work). */
  shareAfter: z.number(),
  breaks: z.array(z.enum(BREAKABLE_RULES)),
});
export type WeekCost = z.infer<typeof WeekCost>;

/** AP-6: what the pull costs, computed when the request is made. */
export const RedeploymentCost = z.object({
  communityHoursLost: z.number(),
  weeks: z.array(WeekCost),
  /** Every rule the pull would break in some week or on some day. */
  breaks: z.array(z.enum(BREAKABLE_RULES)),
  /** AB-2: weekdays on which nobody else of the officer's grid would be at community work. */
  gaps: z.array(z.object({ date: IsoDate, communityId: z.string() })),
  /** One sentence per finding, for the approvers. */
  notes: z.array(z.string()),
});
export type RedeploymentCost = z.infer<typeof RedeploymentCost>;

/** The request as the API returns it (and as the store keeps it). */
export const Redeployment = z.object({
  id: z.string(),
  stationId: z.string(),
  kind: RedeploymentKind,
  personId: z.string(),
  post: PostId,
  from: IsoDate,
  to: IsoDate,
  reason: z.string(),
  replacementId: z.string().optional(),
  status: RedeploymentStatus,
  required: z.array(ApproverRole),
  decisions: z.array(Decision),
  cost: RedeploymentCost,
  requestedBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int().min(1),
  /** When the status left `pending`, and who made it leave (absent for expiry, which nobody does). */
  closedAt: z.string().optional(),
  closedBy: z.string().optional(),
  /** The withdrawal's reason, when withdrawn. */
  withdrawReason: z.string().optional(),
});
export type Redeployment = z.infer<typeof Redeployment>;
