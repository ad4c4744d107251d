// The station objective, one function per soft rule (keyed by its rule ID, weights from the catalogue). The cell
// state's incremental score, its full recompute, the column-generation pricing and the exact HiGHS peer all call
// these, so the four can never disagree about what a rule costs.
import { weeklyCommunityTarget } from '../../rules/days.ts';
import { RULES } from '../../rules/catalogue.ts';

/** COVER: each missing person on a post. */
export const cover = (people: number, held: number): number => (held < people ? (people - held) * RULES.COVER.weight : 0);

/** AB-2: a grid with nobody of its A/B group at community work on a working day. */
export const abGap = (workday: boolean, atCommunity: number): number => (workday && atCommunity === 0 ? RULES['AB-2'].weight : 0);

/** CALLIN-1: each call-in from a day off. */
export const callIns = (count: number): number => count * RULES['CALLIN-1'].weight;

/** FAIR-1: call-ins spread fairly — the square of one person's call-ins. */
export const fairness = (count: number): number => count * count * RULES['FAIR-1'].weight;

/** STAB-1: a published day whose work (shift and post) the plan changes. */
export const stability = (published: number, work: number): number => (published >= 0 && published !== work ? RULES['STAB-1'].weight : 0);

/** REDEPLOY-1: a day spent under an approved redeployment. */
export const redeployment = (redeployed: boolean): number => (redeployed ? RULES['REDEPLOY-1'].weight : 0);

/** CAL-1 / CAL-2: a dedicated community officer pulled onto a post on a meeting day. */
export const meeting = (pulledOnMeetingDay: number): number => pulledOnMeetingDay * RULES['CAL-1'].weight;

/** NIGHT-1: a night that extends a run of nights beyond the station's maximum (`run` counts this night). */
export const night = (run: number, max: number): number => (run > max ? RULES['NIGHT-1'].weight : 0);

/** One dedicated community officer's full ISO week, as CP-1 and CP-2 judge it. */
export type WeekTally = { community: number; work: number; absentDays: number; communityDays: number };
export type WeekRules = { weeklyCommunityHours: number; communityShare: number; flexHours: number };

/** CP-3's flexible night (placed after the search) counts as community work in a week with community work. */
const withFlex = (t: WeekTally, r: WeekRules): { community: number; work: number } =>
  t.communityDays > 0 && r.flexHours > 0 ? { community: t.community + r.flexHours, work: t.work + r.flexHours } : t;

/** CP-2: each hour short of the weekly community hours (pro rata for absent days and public holidays, CAL-3). */
export function weeklyHours(t: WeekTally, r: WeekRules): number {
  const { community } = withFlex(t, r);
  const target = weeklyCommunityTarget(r.weeklyCommunityHours, t.absentDays);
  return community < target ? Math.ceil(target - community - 1e-9) * RULES['CP-2'].weight : 0;
}

/** CP-1: each percentage point of working time in the week below the community share. */
export function communityShare(t: WeekTally, r: WeekRules): number {
  const { community, work } = withFlex(t, r);
  return work > 0 && community / work < r.communityShare ? Math.ceil((r.communityShare - community / work) * 100 - 1e-9) * RULES['CP-1'].weight : 0;
}

/** Every soft term by its rule ID (CALLIN-1 and FAIR-1 are one person's call-in count; CAL-2 is scored with CAL-1). */
export const TERMS = {
  COVER: cover,
  'AB-2': abGap,
  'CALLIN-1': callIns,
  'FAIR-1': fairness,
  'STAB-1': stability,
  'REDEPLOY-1': redeployment,
  'CAL-1': meeting,
  'NIGHT-1': night,
  'CP-1': communityShare,
  'CP-2': weeklyHours,
} as const;

export type TermRule = keyof typeof TERMS;
export const TERM_RULES = Object.keys(TERMS) as TermRule[];
