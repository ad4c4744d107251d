// One person's assignment on one day as the plan document writes it, built from the station alone: what a pin or a
// swap would put in the roster. The hard-rule checks (shared/rules) judge these exactly as they judge a plan.
import type { ApprovedRedeployment, Assignment } from '../domain/plan.ts';
import type { PostId } from '../domain/posts.ts';
import type { StationConfig } from '../domain/station.ts';
import { formatInstant, patternShiftCode, shiftTimes, shiftType } from '../rotation/index.ts';
import { inReinforcedPeriod } from '../rules/days.ts';
import { BUILTIN_YEARS } from '../calendar/builtin.ts';
import { calendarOf, type Calendar } from '../calendar/index.ts';

/** The calendar the day-to-day checks read: the built-in official years with the station's own days over them. */
export const stationCalendar = (station: StationConfig): Calendar => calendarOf(BUILTIN_YEARS, station.calendar);

export type CellWork = { personId: string; date: string; post: PostId; shift: string };

const NOT_WORK: ReadonlySet<string> = new Set(['rest', 'absent']);

export function assignmentAs(station: StationConfig, approved: readonly ApprovedRedeployment[], work: CellWork, extra: Partial<Assignment> = {}): Assignment {
  const person = station.people.find((p) => p.id === work.personId);
  const isWork = !NOT_WORK.has(work.post);
  const times = isWork ? shiftTimes(station, work.shift, work.date) : null;
  const community = work.post === 'community' || work.post === 'flex-night';
  // Off the pattern: the person's own day has no hours (a call-in), as the planner marks it.
  const own = person ? patternShiftCode(station, person, work.date, stationCalendar(station)) : work.shift;
  const offPattern = isWork && (shiftType(station, own)?.hours ?? 0) === 0;
  const redeployment = approved.find((r) => r.personId === work.personId && r.post === work.post && r.from <= work.date && work.date <= r.to);
  return {
    personId: work.personId,
    date: work.date,
    shift: work.shift,
    post: work.post,
    ...(times ? { start: formatInstant(times.start), end: formatInstant(times.end) } : {}),
    place: !isWork ? 'none' : community ? 'community' : 'station',
    ...(community && person?.community ? { communityId: person.community.id } : {}),
    hours: times ? (shiftType(station, work.shift)?.hours ?? 0) : 0,
    ...(redeployment ? { redeploymentId: redeployment.id } : {}),
    ...(work.post === 'reinforced-duty' && inReinforcedPeriod(station, work.date) ? { reinforcedDuty: true as const } : {}),
    ...(offPattern ? { callIn: true as const } : {}),
    ...extra,
  };
}
