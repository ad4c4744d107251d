// The branch's view of its stations (API.md, Branches): one summary per station, kept by the store on every change.
import { z } from 'zod';
import { IsoDate } from './primitives.ts';
import { PostId } from './posts.ts';

/** A shortfall of the next 28 days as the branch page lists it (the sentence is the page's own, in its language). */
export const ShortfallDay = z.object({ date: IsoDate, shift: z.string(), post: PostId, missing: z.int().min(1), rule: z.string() });
export type ShortfallDay = z.infer<typeof ShortfallDay>;

/** The published roster of the 28 days from today (station time), in the figures the branch watches. */
export const Next28 = z.object({
  from: IsoDate,
  to: IsoDate,
  /** Days of the window that have a published roster (0 to 28). */
  published: z.int().min(0).max(28),
  /** People missing on posts over the published days (sum of `missing`). */
  shortfalls: z.int().min(0),
  /** AB-2: share of (community, published weekday) pairs with the A or a B at community work; null with none. */
  abCoverage: z.number().min(0).max(1).nullable(),
  /** CP-2: dedicated officer-weeks (full ISO weeks, wholly published) at the weekly community hours, of `communityWeeks`. */
  communityWeeksAtTarget: z.int().min(0),
  communityWeeks: z.int().min(0),
  /** The shortfalls themselves, first 100 by date. */
  shortfallDays: z.array(ShortfallDay),
});
export type Next28 = z.infer<typeof Next28>;

export const StationSummary = z.object({
  stationId: z.string(),
  branchId: z.string(),
  name: z.string(),
  people: z.int().min(0),
  /** Officers (民警) of the station: CP-4's denominator. */
  officers: z.int().min(0),
  /** Dedicated community officers (专职社区民警). */
  communityOfficers: z.int().min(0),
  /** CP-4: dedicated community officers over officers. */
  communityOfficerShare: z.number().min(0).max(1),
  /** The station's CP-4 target. */
  communityOfficerTarget: z.number().min(0).max(1),
  communities: z.int().min(0),
  /** Communities with an A/B group (an A and at least one B). */
  abGroups: z.int().min(0),
  /** Pending requests that need the branch's decision and do not have it yet (AP-2, AP-3). */
  pendingForBranch: z.int().min(0),
  /** Level-1 reinforced-duty periods that end today or later. */
  reinforcedDuty: z.array(z.object({ from: IsoDate, to: IsoDate })),
  next28: Next28,
  /** When the figures were computed (ISO 8601). */
  computedAt: z.string(),
});
export type StationSummary = z.infer<typeof StationSummary>;

export const BranchTotals = z.object({
  stations: z.int(),
  communities: z.int(),
  communityOfficers: z.int(),
  abGroups: z.int(),
  officers: z.int(),
  people: z.int(),
  pendingForBranch: z.int(),
  shortfalls: z.int(),
});
export type BranchTotals = z.infer<typeof BranchTotals>;
