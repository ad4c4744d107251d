// AP-6: what pulling a dedicated community officer off community work costs, computed from the station's rotation
// when a request is made, so that the approvers see it before they decide. Pure: the station, the request and the
// station's other approved requests in, the cost out.
//
// Readings (written down, as the brief asks):
// - "Community work per the rotation" is the planner's reading (catalogue.ts, ROT-1): a dedicated community officer
//   (or an officer with a community post and no duty group) does community work on each working day of their
//   pattern (a day whose shift has hours), in the community weekday shift `W` when the station has one, else in the
//   pattern's shift; an absent officer does none. One flexible night (`F`, CP-3) is added in a week with at least one
//   community day, as the planner does.
// - Days another approved request already takes the officer off community work are not counted again: that loss is
//   the other request's.
// - The hours the officer would work on the post are the hours of the shift the station's demand asks for that post
//   on that day (the longest when several rows apply), else as long as the community day they lose.
// - CP-1 / CP-2 "would break" in an ISO week when, after the pull, the week is below the station's share / the weekly
//   target (pro-rated for days of absence, as checkCP2 does) and the pull takes community hours or adds station hours
//   in that week (public holidays pro-rate the target as days of absence do). Weeks are whole ISO weeks (Monday to Sunday), also where the request covers only part of one.
// - AB-2 "would break" on an official workday (CAL-3) of the request on which the officer would have been at community work and no
//   other officer of the grid would be (per their rotation, absences and approved requests). For a transfer, the
//   named replacement counts as an officer of the grid ("fill first, then move").
import { builtinCalendar } from '../calendar/builtin.ts';
import type { Calendar } from '../calendar/index.ts';
import type { ApprovedRedeployment } from '../domain/plan.ts';
import type { PostId } from '../domain/posts.ts';
import type { BreakableRule, RedeploymentCost, WeekCost } from '../domain/redeployment.ts';
import type { Person, StationConfig } from '../domain/station.ts';
import { say, type Said } from '../i18n/index.ts';
import {
  COMMUNITY_WEEKDAY_SHIFT,
  FLEX_NIGHT_SHIFT,
  addDaysTo,
  dateRange,
  daysBetween,
  isoWeek,
  isoWeekday,
  patternShiftCode,
  shiftType,
} from '../rotation/index.ts';
import { demandApplies, isHolidayOff, weeklyCommunityTarget } from '../rules/days.ts';

export type CostRequest = {
  personId: string;
  post: PostId;
  from: string;
  to: string;
  kind?: string;
  replacementId?: string | undefined;
};

const EPSILON = 1e-9;
const round1 = (n: number): number => Math.round(n * 10) / 10;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

function absent(station: StationConfig, personId: string, date: string): boolean {
  return station.absences.some((a) => a.personId === personId && a.from <= date && date <= a.to);
}

function demandShiftHours(station: StationConfig, post: PostId, date: string): number | null {
  let best: number | null = null;
  const calendar = calendarFor(station);
  for (const row of station.demand) {
    if (row.post !== post) continue;
    if (!demandApplies(station, row, date, calendar)) continue;
    const hours = shiftType(station, row.shift)?.hours ?? 0;
    if (hours > 0 && (best === null || hours > best)) best = hours;
  }
  return best;
}

// AP-6 is computed when a request is made, from the built-in official calendar and the station's own days (CAL-3).
const calendars = new WeakMap<StationConfig, Calendar>();
function calendarFor(station: StationConfig): Calendar {
  let calendar = calendars.get(station);
  if (!calendar) {
    calendar = builtinCalendar(station.calendar);
    calendars.set(station, calendar);
  }
  return calendar;
}

/** The Monday of a date's ISO week. */
export const mondayOf = (date: string): string => addDaysTo(date, 1 - isoWeekday(date));

/**
 * The hours of community work the rotation gives a person on a date (0 on days off, absent, or for someone who does
 * no community work), ignoring approved requests.
 */
export function rotationCommunityHours(station: StationConfig, person: Person, date: string, asCommunityOfficer = false): number {
  if (absent(station, person.id, date)) return 0;
  const community = asCommunityOfficer || (person.community !== undefined && (person.community.dedicated || person.group === null));
  if (!community) return 0;
  const base = shiftType(station, patternShiftCode(station, person, date, calendarFor(station)));
  if (!base || base.hours === 0) return 0;
  const weekday = shiftType(station, COMMUNITY_WEEKDAY_SHIFT);
  return weekday && weekday.hours > 0 ? weekday.hours : base.hours;
}

/** AP-6 for one request. `approved`: the station's other approved requests (the request itself is left out by id). */
export function redeploymentCost(
  station: StationConfig,
  request: CostRequest,
  approved: readonly ApprovedRedeployment[] = [],
  selfId?: string,
): RedeploymentCost {
  const officer = station.people.find((p) => p.id === request.personId);
  const empty: RedeploymentCost = { communityHoursLost: 0, weeks: [], breaks: [], gaps: [], notes: [] };
  if (!officer || request.to < request.from) return empty;
  const others = approved.filter((r) => r.id !== selfId);
  const pulledBy = (personId: string, date: string): ApprovedRedeployment | undefined =>
    others.find((r) => r.personId === personId && r.from <= date && date <= r.to);
  const inRange = (date: string): boolean => request.from <= date && date <= request.to;
  const flex = shiftType(station, FLEX_NIGHT_SHIFT);
  const flexHours = flex && flex.hours > 0 ? flex.hours : 0;
  const { communityShare, weeklyCommunityHours } = station.rules;

  const weeks: WeekCost[] = [];
  const notes: Said[] = [];
  const firstMonday = mondayOf(request.from);
  const weekCount = Math.floor(daysBetween(firstMonday, request.to) / 7) + 1;
  for (let w = 0; w < weekCount; w++) {
    const dates = dateRange(addDaysTo(firstMonday, w * 7), 7);
    let before = 0;
    let after = 0;
    let daysBefore = 0;
    let daysAfter = 0;
    let otherPullHours = 0;
    let postHours = 0;
    let absentDays = 0;
    for (const date of dates) {
      const isAbsent = absent(station, officer.id, date);
      if (isAbsent || isHolidayOff(calendarFor(station), date)) absentDays += 1;
      const other = pulledBy(officer.id, date);
      const hours = rotationCommunityHours(station, officer, date);
      if (other) {
        if (!isAbsent) otherPullHours += demandShiftHours(station, other.post, date) ?? hours;
        continue;
      }
      before += hours;
      if (hours > 0) daysBefore += 1;
      if (inRange(date)) {
        if (!isAbsent) postHours += demandShiftHours(station, request.post, date) ?? (hours || (shiftType(station, COMMUNITY_WEEKDAY_SHIFT)?.hours ?? 0));
      } else {
        after += hours;
        if (hours > 0) daysAfter += 1;
      }
    }
    if (daysBefore > 0) before += flexHours;
    if (daysAfter > 0) after += flexHours;
    const lost = before - after;
    const workingAfter = after + otherPullHours + postHours;
    const shareAfter = workingAfter > 0 ? after / workingAfter : 1;
    const target = weeklyCommunityTarget(weeklyCommunityHours, absentDays);
    const touched = lost > 0 || postHours > 0;
    const breaks: BreakableRule[] = [];
    if (touched && shareAfter + EPSILON < communityShare) breaks.push('CP-1');
    if (touched && lost > 0 && after + EPSILON < target) breaks.push('CP-2');
    const week = isoWeek(dates[0]!);
    weeks.push({
      week,
      dates: dates.filter(inRange),
      communityHoursLost: round1(lost),
      communityHoursBefore: round1(before),
      communityHoursAfter: round1(after),
      weeklyTarget: round1(target),
      shareAfter: round3(shareAfter),
      breaks,
    });
    notes.push(
      say('cost.week', {
        week, from: dates[0]!, to: dates[6]!, name: officer.name, personId: officer.id,
        lost: round1(lost), before: round1(before), after: round1(after), target: round1(target), shareAfter, share: communityShare, breaks,
      }),
    );
  }

  // AB-2: the grid without anyone at community work on a weekday the officer would have covered.
  const gaps: RedeploymentCost['gaps'] = [];
  const communityId = officer.community?.id;
  if (communityId !== undefined) {
    const replacement = request.kind === 'transfer' && request.replacementId ? station.people.find((p) => p.id === request.replacementId) : undefined;
    const grid = station.people.filter((p) => p.id !== officer.id && p.kind === 'officer' && p.community?.id === communityId);
    const covering = (date: string): boolean =>
      grid.some((p) => rotationCommunityHours(station, p, date) > 0 && !pulledBy(p.id, date)) ||
      (replacement !== undefined && replacement.id !== officer.id && rotationCommunityHours(station, replacement, date, true) > 0 && !pulledBy(replacement.id, date));
    for (const date of dateRange(request.from, daysBetween(request.from, request.to) + 1)) {
      if (!calendarFor(station).isWorkday(date)) continue;
      if (pulledBy(officer.id, date) || rotationCommunityHours(station, officer, date) === 0) continue;
      if (!covering(date)) gaps.push({ date, communityId });
    }
    for (const gap of gaps)
      notes.push(say('cost.gap', { date: gap.date, communityId }));
  }

  const breaks = new Set<BreakableRule>(weeks.flatMap((w) => w.breaks));
  if (gaps.length > 0) breaks.add('AB-2');
  return {
    communityHoursLost: round1(weeks.reduce((s, w) => s + w.communityHoursLost, 0)),
    weeks,
    breaks: (['CP-1', 'CP-2', 'AB-2'] as const).filter((r) => breaks.has(r)),
    gaps,
    notes: notes.map((n) => n.message),
    noteParams: notes.map(({ key, params }) => ({ key, params })),
  };
}
