// The roster plan document (API.md, "Roster plans"): the single source of its public type.
import { z } from 'zod';
import { IsoDate, LocalId } from './primitives.ts';
import { PostId } from './posts.ts';

export const MAX_PLAN_DAYS = 92;

/** `POST /stations/{id}/plans` */
export const PlanRequest = z.strictObject({
  start: IsoDate,
  days: z.int('days must be a whole number').min(1, 'days must be at least 1').max(MAX_PLAN_DAYS, `days must be at most ${MAX_PLAN_DAYS}`),
  /** Search time budget in seconds (default 2). */
  seconds: z.number().min(0.05).max(20).optional(),
  seed: z.int().min(0).max(2 ** 31 - 1).optional(),
});
export type PlanRequest = z.infer<typeof PlanRequest>;

/** `POST .../plans/{planId}/publish`: optionally the version the client read (else `If-Match`). */
export const PublishRequest = z.strictObject({ version: z.int().min(1).optional() }).optional();

export const Assignment = z.object({
  personId: z.string(),
  date: IsoDate,
  shift: z.string(),
  post: PostId,
  /** ISO 8601 instants with the station's offset; absent for rest and absence. */
  start: z.string().optional(),
  end: z.string().optional(),
  place: z.enum(['station', 'community', 'none']),
  communityId: z.string().optional(),
  hours: z.number().min(0),
  redeploymentId: z.string().optional(),
  reinforcedDuty: z.literal(true).optional(),
  /** Work on a day the person's pattern has off (a call-in). */
  callIn: z.literal(true).optional(),
});
export type Assignment = z.infer<typeof Assignment>;

export const Shortfall = z.object({
  date: IsoDate,
  shift: z.string(),
  post: PostId,
  missing: z.int().min(1),
  /** The rule that kept the post uncovered (e.g. FB-1, FB-3, ROT-4) or COVER when simply nobody is left. */
  rule: z.string(),
  message: z.string(),
});
export type Shortfall = z.infer<typeof Shortfall>;

export const Violation = z.object({
  rule: z.string(),
  severity: z.enum(['hard', 'soft', 'station']),
  personIds: z.array(z.string()),
  dates: z.array(IsoDate),
  message: z.string(),
});
export type Violation = z.infer<typeof Violation>;

export const CommunityHoursKpi = z.object({
  personId: z.string(),
  communityId: z.string().optional(),
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  hours: z.number(),
  /** Community hours over all working hours that week (1 when the officer did not work). */
  share: z.number(),
});

export const AbCoverageKpi = z.object({
  communityId: z.string(),
  date: IsoDate,
  covered: z.boolean(),
  by: z.array(z.string()),
});

export const Kpis = z.object({
  onPostShare: z.number(),
  community: z.array(CommunityHoursKpi),
  abCoverage: z.array(AbCoverageKpi).default([]),
  callIns: z.int().default(0),
  fairness: z.record(z.string(), z.number()).default({}),
});
export type Kpis = z.infer<typeof Kpis>;

export const Suggestion = z.object({
  kind: z.literal('redeployment'),
  personId: z.string(),
  post: PostId,
  from: IsoDate,
  to: IsoDate,
  why: z.string(),
  /** AP-6: what the pull would cost the community. */
  cost: z
    .object({
      communityHoursLost: z.number(),
      week: z.string(),
      breaks: z.array(z.enum(['CP-1', 'CP-2', 'AB-2'])),
    })
    .optional(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const ScoreLine = z.object({ rule: z.string(), count: z.number(), penalty: z.number() });

export const PlanStatus = z.enum(['draft', 'published', 'superseded']);

export const Plan = z.object({
  id: z.string(),
  stationId: z.string(),
  start: IsoDate,
  days: z.int(),
  status: PlanStatus,
  version: z.int(),
  createdAt: z.string(),
  createdBy: z.string(),
  publishedAt: z.string().optional(),
  stationVersion: z.int(),
  assignments: z.array(Assignment),
  shortfalls: z.array(Shortfall),
  violations: z.array(Violation),
  kpis: Kpis,
  suggestions: z.array(Suggestion),
  score: z.object({ total: z.number(), hard: z.number(), byRule: z.array(ScoreLine) }),
  /** A proven lower bound on score.total for any plan of this station and dates under the same rules. */
  bound: z.number().optional(),
  /** (score.total − bound) / score.total, 0 when the plan is proven optimal (absent on plans made before bounds). */
  gap: z.number().optional(),
  /** Approved redeployments this plan used (AP-5), by id. */
  redeploymentIds: z.array(z.string()).default([]),
  /** Published days an approval changed after publication (AP-5): they need a re-plan. */
  needsReplan: z.array(IsoDate).default([]),
  solver: z.object({ seed: z.int(), seconds: z.number(), iterations: z.int(), firstFeasibleScore: z.number() }),
});
export type Plan = z.infer<typeof Plan>;

/** An approved redeployment as the solver sees it: one officer, one post, a date range (AP-5). */
export const ApprovedRedeployment = z.object({
  id: z.string(),
  personId: LocalId,
  post: PostId,
  from: IsoDate,
  to: IsoDate,
});
export type ApprovedRedeployment = z.infer<typeof ApprovedRedeployment>;
