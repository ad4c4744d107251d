// The roster plan document (API.md, "Roster plans"): the single source of its public type.
import { z } from 'zod';
import { IsoDate, LocalId } from './primitives.ts';
import { PostId } from './posts.ts';
import { MessageParams } from '../i18n/index.ts';

/**
 * The sentence of a shortfall, violation or suggestion: `key` names it in the catalogue (shared/i18n), `params` holds its
 * figures and ids. The stored plan keeps both; `message` (`why`) is rendered in the reader's language on every read.
 * Plans stored before keys existed have neither and keep their English text.
 */
const Said = { key: z.string().optional(), params: MessageParams.optional() };

export const MAX_PLAN_DAYS = 92;
/** A plan the caller waits for must fit the API function's 29 s; a planning job (`wait: false`) may take longer. */
export const MAX_WAIT_SECONDS = 20;
export const MAX_JOB_SECONDS = 600;

/** `POST /stations/{id}/plans` */
export const PlanRequest = z
  .strictObject({
    start: IsoDate,
    days: z.int('days must be a whole number').min(1, 'days must be at least 1').max(MAX_PLAN_DAYS, `days must be at most ${MAX_PLAN_DAYS}`),
    /** Search time budget in seconds (default 2, growing with the station's size). */
    seconds: z.number().min(0.05).max(MAX_JOB_SECONDS, `seconds must be at most ${MAX_JOB_SECONDS}`).optional(),
    seed: z.int().min(0).max(2 ** 31 - 1).optional(),
    /** `false`: answer 202 at once and plan as a job whose progress GET shows (docs/planning-jobs.md). */
    wait: z.boolean().optional(),
  })
  // Checked even when other fields are bad, so that a 400 lists every bad field at once.
  .refine((asked) => asked.wait === false || asked.seconds === undefined || asked.seconds <= MAX_WAIT_SECONDS, {
    path: ['seconds'],
    message: `seconds above ${MAX_WAIT_SECONDS} need "wait": false (a planning job)`,
    when: (payload) => {
      const value = payload.value as { seconds?: unknown } | null;
      return typeof value === 'object' && value !== null && typeof value.seconds === 'number';
    },
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
  /** PIN-1: the pin that fixed this assignment. */
  pinId: z.string().optional(),
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
  ...Said,
});
export type Shortfall = z.infer<typeof Shortfall>;

export const Violation = z.object({
  rule: z.string(),
  severity: z.enum(['hard', 'soft', 'station']),
  personIds: z.array(z.string()),
  dates: z.array(IsoDate),
  message: z.string(),
  ...Said,
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
  ...Said,
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

/**
 * How far a planning job is: seconds since it started, the best plan's score so far (null until the first plan is
 * made) and the best proven lower bound so far (0 is always one: every term is non-negative).
 */
export const PlanProgress = z.object({ elapsedSeconds: z.number().min(0), score: z.number().nullable(), bound: z.number().nullable() });
export type PlanProgress = z.infer<typeof PlanProgress>;

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
  /** PIN-1: the pins inside the plan's dates when it was made (publishing refuses a plan that misses a newer pin). */
  pinIds: z.array(z.string()).optional(),
  solver: z.object({ seed: z.int(), seconds: z.number(), iterations: z.int(), firstFeasibleScore: z.number() }),
  /** Plans made as a job (`wait: false`): the last progress the job wrote. */
  progress: PlanProgress.optional(),
  /** The job was cancelled: this is the best plan found until then. */
  stoppedEarly: z.literal(true).optional(),
});
export type Plan = z.infer<typeof Plan>;

/** Why a planning job ended without a plan: STALE (no sign of life for a long time), FAILED (the job broke), NOT_STARTED. */
export const PlanJobFailure = z.object({ code: z.enum(['STALE', 'FAILED', 'NOT_STARTED']), message: z.string(), key: z.string().optional(), params: MessageParams.optional() });
export type PlanJobFailure = z.infer<typeof PlanJobFailure>;

/**
 * A plan still being made (`solving`) or one whose job ended without a plan (`failed`): what `POST .../plans` with
 * `"wait": false` answers (202) and `GET .../plans/{planId}` shows until the plan is a draft.
 */
export const PlanJob = z.object({
  id: z.string(),
  stationId: z.string(),
  start: IsoDate,
  days: z.int(),
  status: z.enum(['solving', 'failed']),
  version: z.int(),
  createdAt: z.string(),
  createdBy: z.string(),
  stationVersion: z.int(),
  /** The time budget the job was given, in seconds. */
  seconds: z.number(),
  progress: PlanProgress,
  /** The job's last sign of life (written about every second while it runs). */
  heartbeatAt: z.string(),
  /** Set by `POST .../cancel`: the job stops within about a second and keeps its best plan. */
  cancelRequestedAt: z.string().optional(),
  cancelRequestedBy: z.string().optional(),
  failure: PlanJobFailure.optional(),
});
export type PlanJob = z.infer<typeof PlanJob>;

/** `GET .../plans/{planId}`: a finished plan, or a job still making it. */
export const PlanOrJob = z.union([Plan, PlanJob]);
export type PlanOrJob = z.infer<typeof PlanOrJob>;

/** An approved redeployment as the solver sees it: one officer, one post, a date range (AP-5). */
export const ApprovedRedeployment = z.object({
  id: z.string(),
  personId: LocalId,
  post: PostId,
  from: IsoDate,
  to: IsoDate,
});
export type ApprovedRedeployment = z.infer<typeof ApprovedRedeployment>;
