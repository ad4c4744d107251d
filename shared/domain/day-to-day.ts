// The day-to-day documents (API.md: Absences, Pins, Requests from officers, Notices and calendar feeds) and the bodies
// of their endpoints: the single source of their public types. Request bodies are strict (unknown fields refused).
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { z } from 'zod';
import { Plan } from './plan.ts';
import { IsoDate, LocalId } from './primitives.ts';
import { PostId } from './posts.ts';
import { Redeployment } from './redeployment.ts';

/** The longest absence or leave accepted in one record: as long as the longest plan. */
export const MAX_ABSENCE_DAYS = 92;

const Note = z.string().max(500, 'at most 500 characters');
const Comment = z.string().max(2000, 'at most 2000 characters');

const idOf = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{1,64}$`), `not an id of this kind (${prefix}_ followed by letters and digits)`);
export const AbsenceId = idOf('ab');
export const PinId = idOf('pin');
export const LeaveId = idOf('lv');
export const SwapId = idOf('sw');

function rangeRefinement(value: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" is before "from"' });
  else if (differenceInCalendarDays(parseISO(value.to), parseISO(value.from)) + 1 > MAX_ABSENCE_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_ABSENCE_DAYS} days` });
}

export const ABSENCE_REASONS = ['leave', 'sick', 'training', 'other'] as const;
export const AbsenceReason = z.enum(ABSENCE_REASONS);
export type AbsenceReason = z.infer<typeof AbsenceReason>;

/** `POST /stations/{id}/absences` */
export const AbsenceBody = z
  .strictObject({ personId: LocalId, from: IsoDate, to: IsoDate, reason: AbsenceReason, note: Note.optional() })
  .superRefine(rangeRefinement);
export type AbsenceBody = z.infer<typeof AbsenceBody>;

/** `POST /stations/{id}/pins`: `post` may be `rest`; `shift` defaults to the one the post is asked for that day. */
export const PinBody = z.strictObject({
  personId: LocalId,
  date: IsoDate,
  post: PostId.refine((p) => p !== 'absent' && p !== 'flex-night', 'an absence is recorded as an absence, a flexible night is placed by the planner'),
  shift: z.string().regex(/^[A-Za-z0-9]{1,8}$/, '1–8 letters or digits').optional(),
  note: Note.optional(),
});
export type PinBody = z.infer<typeof PinBody>;

/** A pin as stored in the station document and returned by the API. */
export const Pin = z.strictObject({
  id: PinId,
  personId: LocalId,
  date: IsoDate,
  post: PostId,
  shift: z.string().min(1).max(8),
  note: Note.optional(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Pin = z.infer<typeof Pin>;

/** `POST /stations/{id}/pins` answers the pin, with the id of the pin it replaced (same person and day). */
export const PinSet = Pin.extend({ replaces: PinId.optional() });
export type PinSet = z.infer<typeof PinSet>;

/** `?from=&to=` of `GET .../absences`, `GET .../pins` and `GET .../replan`: both optional, in order. */
export const DateRange = z
  .strictObject({ from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '"to" is before "from"', path: ['to'] });

/** The published plans a change marked as needing a re-plan, with the days newly marked on each. */
export const ReplanMarks = z.array(z.object({ planId: z.string(), dates: z.array(IsoDate) }));
export type ReplanMarks = z.infer<typeof ReplanMarks>;

// ---------------------------------------------------------------------------------------------------------------
// Re-plan of the changed days
// ---------------------------------------------------------------------------------------------------------------

/** `GET /stations/{id}/replan` answers the days of `from`..`to` marked as needing a re-plan. */
export const ReplanDays = z.object({ from: IsoDate, to: IsoDate, days: z.array(IsoDate) });
export type ReplanDays = z.infer<typeof ReplanDays>;

/** `POST /stations/{id}/replan`: the body is optional; without dates, from today over the longest plan. */
export const ReplanBody = z
  .strictObject({ from: IsoDate.optional(), to: IsoDate.optional(), seconds: z.number().min(0.05).max(20).optional(), seed: z.int().min(0).max(2 ** 31 - 1).optional() })
  .refine((b) => !b.from || !b.to || b.from <= b.to, { message: '"to" is before "from"', path: ['to'] })
  .optional();

/** A person's main work on a day (the flexible night left out; two assignments joined with `+`). */
export const CellWork = z.object({ post: z.string(), shift: z.string() });
export type CellWork = z.infer<typeof CellWork>;
/** One person-day whose post or shift differs between two versions of the roster (null: no assignment). */
export const CellChange = z.object({ personId: z.string(), date: IsoDate, before: CellWork.nullable(), after: CellWork.nullable() });
export type CellChange = z.infer<typeof CellChange>;

/** `POST /stations/{id}/replan` answers the days re-planned, the draft (null when no day needed it) and its difference. */
export const ReplanAnswer = z.object({ days: z.array(IsoDate), plan: Plan.nullable(), changes: z.array(CellChange), count: z.int() });
export type ReplanAnswer = z.infer<typeof ReplanAnswer>;

// ---------------------------------------------------------------------------------------------------------------
// Leave requests (LV-1) and swaps (SW-1)
// ---------------------------------------------------------------------------------------------------------------

export const LEAVE_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const LeaveStatus = z.enum(LEAVE_STATUSES);
export type LeaveStatus = z.infer<typeof LeaveStatus>;

/** `POST /stations/{id}/leave-requests` */
export const LeaveBody = z
  .strictObject({ from: IsoDate, to: IsoDate, reason: AbsenceReason, note: Note.optional(), personId: LocalId.optional() })
  .superRefine(rangeRefinement);
export type LeaveBody = z.infer<typeof LeaveBody>;

export const RequestDecisionBody = z.strictObject({ decision: z.enum(['approve', 'reject']), comment: Comment.optional() });
export type RequestDecisionBody = z.infer<typeof RequestDecisionBody>;

export const LeaveRequest = z.object({
  id: LeaveId,
  stationId: z.string(),
  personId: LocalId,
  from: IsoDate,
  to: IsoDate,
  reason: AbsenceReason,
  note: z.string().optional(),
  status: LeaveStatus,
  requestedBy: z.string(),
  createdAt: z.string(),
  decision: z.object({ by: z.string(), decision: z.enum(['approve', 'reject']), comment: z.string().optional(), at: z.string() }).optional(),
  /** The absence an approval created. */
  absenceId: AbsenceId.optional(),
  closedAt: z.string().optional(),
  version: z.int(),
});
export type LeaveRequest = z.infer<typeof LeaveRequest>;

export const SWAP_STATUSES = ['proposed', 'pending', 'approved', 'rejected', 'withdrawn'] as const;
export const SwapStatus = z.enum(SWAP_STATUSES);
export type SwapStatus = z.infer<typeof SwapStatus>;

/** `POST /stations/{id}/swaps` */
export const SwapBody = z.strictObject({ date: IsoDate, withPersonId: LocalId, withDate: IsoDate.optional() });
export type SwapBody = z.infer<typeof SwapBody>;

/** One side of a swap as the published roster had it when the swap was proposed. */
export const SwapSide = z.object({ personId: LocalId, date: IsoDate, shift: z.string(), post: PostId });
export type SwapSide = z.infer<typeof SwapSide>;

export const Swap = z.object({
  id: SwapId,
  stationId: z.string(),
  status: SwapStatus,
  /** The proposer's assignment, and the colleague's. */
  mine: SwapSide,
  theirs: SwapSide,
  createdAt: z.string(),
  acceptedAt: z.string().optional(),
  decision: z.object({ by: z.string(), decision: z.enum(['approve', 'reject']), comment: z.string().optional(), at: z.string() }).optional(),
  /** The publication an approval made. */
  planId: z.string().optional(),
  closedAt: z.string().optional(),
  version: z.int(),
});
export type Swap = z.infer<typeof Swap>;

/** `GET /stations/{id}/leave-requests?status=&personId=` (`personId` of someone else: leaders only). */
export const LeaveListQuery = z.strictObject({ status: LeaveStatus.optional(), personId: z.string().max(64).optional() });

/** `GET /stations/{id}/swaps?status=` */
export const SwapListQuery = z.strictObject({ status: SwapStatus.optional() });

/** `POST /stations/{id}/swaps/check` answers the two sides when no rule is broken (else the 422 a proposal gets). */
export const SwapCheck = z.object({ ok: z.literal(true), mine: SwapSide, theirs: SwapSide });
export type SwapCheck = z.infer<typeof SwapCheck>;

/** `GET /stations/{id}/inbox`: what waits for the caller, each item with the actions the caller may take. */
export const Inbox = z.object({
  /** Only what the caller can act on. */
  counts: z.object({ redeployments: z.int(), leave: z.int(), swaps: z.int(), total: z.int() }),
  redeployments: z.array(Redeployment.extend({ canDecide: z.boolean() })),
  leave: z.array(LeaveRequest.extend({ canDecide: z.boolean() })),
  swaps: z.array(Swap.extend({ canDecide: z.boolean(), canAccept: z.boolean() })),
});
export type Inbox = z.infer<typeof Inbox>;

export const ListRequestsQuery = z.strictObject({
  status: z.string().optional(),
  personId: LocalId.optional(),
  cursor: z.string().max(2048).optional(),
  next: z.string().max(2048).optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Notices and calendar feeds
// ---------------------------------------------------------------------------------------------------------------

export const NOTICE_KINDS = ['roster-changed', 'request-decided', 'approval-waiting', 'swap-proposed'] as const;
export const NoticeKind = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof NoticeKind>;

/** A notice as stored: its sentence is written at read time in the reader's language from `params`. */
export const StoredNotice = z.object({
  id: z.string(),
  at: z.string(),
  kind: NoticeKind,
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
});
export type StoredNotice = z.infer<typeof StoredNotice>;
/** A notice as the API returns it: its sentence in the reader's language, and whether it is read. */
export const Notice = StoredNotice.extend({ message: z.string(), read: z.boolean() });
export type Notice = z.infer<typeof Notice>;

/** `GET /me/notices?cursor=` */
export const NoticesQuery = z.strictObject({ cursor: z.string().max(2048).optional(), next: z.string().max(2048).optional() });

/** `GET /me/notices` answers a page of notices, newest first, and how many are unread. */
export const NoticesPage = z.object({ items: z.array(Notice), next: z.string().nullable(), unread: z.int() });
export type NoticesPage = z.infer<typeof NoticesPage>;

/** `POST /me/notices/read`: every notice up to this id is read. */
export const NoticesReadBody = z.strictObject({ upTo: z.string().min(1).max(200) });
/** The read mark after the call (it only moves forward, so it may be later than the one sent). */
export const NoticesRead = z.object({ upTo: z.string() });
export type NoticesRead = z.infer<typeof NoticesRead>;

/** `POST /me/calendar-feed`: the body, when sent, is an empty object. */
export const CalendarFeedBody = z.strictObject({});
/** The new feed's address (the secret is in it, shown once) and whose it is. */
export const CalendarFeed = z.object({ url: z.string(), personId: z.string(), stationId: z.string() });
export type CalendarFeed = z.infer<typeof CalendarFeed>;

/** `GET /feeds/{feed}`: the secret (16–128 letters, digits, `_` or `-`) followed by `.ics`. */
export const FEED_FILE = /^([A-Za-z0-9_-]{16,128})\.ics$/;
export const FeedFile = z.string().regex(FEED_FILE, 'a feed secret followed by .ics');
