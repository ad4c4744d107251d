// A tiny station and a clean two-week plan for it, which every rule test starts from and then breaks in one place.
//
// Station: three duty groups on P-S-R (G1 is on P on 2026-12-07), one community C1 with its A (no group) and two Bs
// (G1, G2), one regular officer per group (driver and case handler), a director and an auxiliary. Demand: patrol-01
// on P every day (driver), case-handling on S on weekdays, reinforced-duty on S inside the declared period only
// (2026-12-24 to 2026-12-26, outside the baseline plan).
//
// Baseline plan 2026-12-07 (Mon) to 2026-12-20 (Sun), two full ISO weeks (W50, W51). The Bs keep their group's days
// and do community work (W) on them; each has one flexible night (F) on a day followed by a day off, in place of W, so
// that REST-1's 11 h hold around it. The A does W Monday to Friday and F on Saturday.
import { builtinCalendar } from '../../shared/calendar/builtin.ts';
import type { ApprovedRedeployment, Assignment } from '../../shared/domain/plan.ts';
import type { PostId } from '../../shared/domain/posts.ts';
import { StationConfig, type StationConfigInput } from '../../shared/domain/station.ts';
import { checkPlan, type PlanContext } from '../../shared/rules/checks.ts';
import { dateRange, formatInstant, isoWeekday, patternShiftCode, shiftTimes, shiftType } from '../../shared/rotation/index.ts';

export const START = '2026-12-07';
export const DAYS = 14;
export const WEEK1 = dateRange('2026-12-07', 7);
export const WEEK2 = dateRange('2026-12-14', 7);

export const DIRECTOR = 'P001';
/** Regular officers, one per duty group. */
export const G1_OFFICER = 'P010';
export const G2_OFFICER = 'P011';
export const G3_OFFICER = 'P012';
/** C1's A (no duty group) and Bs. */
export const A = 'P020';
export const B1 = 'P021';
export const B2 = 'P022';
export const AUXILIARY = 'P090';

export function stationInput(): StationConfigInput {
  return {
    name: 'Tiny',
    timezone: 'Asia/Shanghai',
    rules: { communityShare: 0.9, weeklyCommunityHours: 36, minRestHours: 11, maxConsecutiveNights: 3 },
    shiftTypes: [
      { code: 'P', name: 'primary', start: '08:00', hours: 24 },
      { code: 'S', name: 'secondary', start: '08:00', hours: 10 },
      { code: 'R', name: 'rest', hours: 0 },
      { code: 'W', name: 'community weekday', start: '08:30', hours: 8 },
      { code: 'F', name: 'flexible night', start: '18:00', hours: 4 },
      { code: 'N', name: 'night', start: '20:00', hours: 10 },
    ],
    pattern: { cycle: ['P', 'S', 'R'], anchorDate: '2026-01-05' },
    groups: [
      { id: 'G1', offset: 0 },
      { id: 'G2', offset: 1 },
      { id: 'G3', offset: 2 },
    ],
    communities: [{ id: 'C1', name: 'Dashilan West', auxiliaries: 2 }],
    people: [
      { id: DIRECTOR, name: 'Zhang Wei', kind: 'officer', rank: 'director', group: null, skills: [], joined: '2003-07-01' },
      { id: G1_OFFICER, name: 'Zhou Peng', kind: 'officer', rank: 'officer', group: 'G1', skills: ['driver', 'case-handling'], joined: '2015-07-01' },
      { id: G2_OFFICER, name: 'Li Na', kind: 'officer', rank: 'officer', group: 'G2', skills: ['driver', 'case-handling'], joined: '2019-09-01' },
      { id: G3_OFFICER, name: 'Chen Jie', kind: 'officer', rank: 'officer', group: 'G3', skills: ['driver', 'case-handling'], joined: '2018-09-01' },
      {
        id: A, name: 'Wang Fang', kind: 'officer', rank: 'officer', group: null, skills: [], joined: '2006-03-01',
        community: { id: 'C1', role: 'A', dedicated: true, since: '2021-09-01' },
      },
      {
        id: B1, name: 'Xu Xin', kind: 'officer', rank: 'officer', group: 'G1', skills: ['driver'], joined: '2017-09-01',
        community: { id: 'C1', role: 'B', dedicated: true, since: '2021-09-01' },
      },
      {
        id: B2, name: 'Lin Peng', kind: 'officer', rank: 'officer', group: 'G2', skills: ['driver'], joined: '2018-09-01',
        community: { id: 'C1', role: 'B', dedicated: true, since: '2022-09-01' },
      },
      { id: AUXILIARY, name: 'Zhao Min', kind: 'auxiliary', rank: 'auxiliary', group: null, skills: [], joined: '2020-03-01' },
    ],
    demand: [
      { post: 'patrol-01', shift: 'P', people: 1, skills: ['driver'] },
      { post: 'case-handling', shift: 'S', people: 1, skills: ['case-handling'], weekdays: [1, 2, 3, 4, 5] },
      { post: 'reinforced-duty', shift: 'S', people: 1 },
    ],
    absences: [],
    reinforcedDuty: [{ from: '2026-12-24', to: '2026-12-26', note: 'level-1 reinforced duty' }],
  };
}

/** The tiny station, optionally edited before validation (the edit may mutate the input document). */
export function tinyStation(edit?: (doc: StationConfigInput) => void): StationConfig {
  const doc = stationInput();
  edit?.(doc);
  return StationConfig.parse(doc);
}

export function context(station: StationConfig = tinyStation(), extra: Partial<PlanContext> = {}): PlanContext {
  return { station, start: START, days: DAYS, approved: [] as ApprovedRedeployment[], calendar: builtinCalendar(station.calendar), ...extra };
}

const PLACE: Partial<Record<PostId, Assignment['place']>> = { community: 'community', 'flex-night': 'community', rest: 'none', absent: 'none' };

/** One assignment with the start, end, hours and place a plan would give it. */
export function assign(station: StationConfig, personId: string, date: string, shift: string, post: PostId, extra: Partial<Assignment> = {}): Assignment {
  const off = post === 'rest' || post === 'absent';
  const times = off ? null : shiftTimes(station, shift, date);
  const person = station.people.find((p) => p.id === personId);
  const communityId = PLACE[post] === 'community' ? person?.community?.id : undefined;
  return {
    personId,
    date,
    shift,
    post,
    ...(times ? { start: formatInstant(times.start), end: formatInstant(times.end) } : {}),
    place: PLACE[post] ?? 'station',
    ...(communityId ? { communityId } : {}),
    hours: off ? 0 : (shiftType(station, shift)?.hours ?? 0),
    ...extra,
  };
}

export const rest = (station: StationConfig, personId: string, date: string): Assignment => assign(station, personId, date, 'R', 'rest');
export const absent = (station: StationConfig, personId: string, date: string): Assignment => assign(station, personId, date, 'R', 'absent');

/** The Bs' flexible nights: on a day followed by a day off, in place of community work. */
const FLEX_NIGHTS: Record<string, string[]> = { [B1]: ['2026-12-08', '2026-12-17'], [B2]: ['2026-12-07', '2026-12-20'] };

function baselineDay(station: StationConfig, personId: string, date: string): Assignment {
  const person = station.people.find((p) => p.id === personId)!;
  const weekday = isoWeekday(date) <= 5;
  switch (personId) {
    case DIRECTOR:
      return weekday ? assign(station, personId, date, 'W', 'station-duty') : rest(station, personId, date);
    case AUXILIARY:
      return weekday ? assign(station, personId, date, 'W', 'community', { communityId: 'C1' }) : rest(station, personId, date);
    case A:
      if (weekday) return assign(station, personId, date, 'W', 'community');
      return isoWeekday(date) === 6 ? assign(station, personId, date, 'F', 'flex-night') : rest(station, personId, date);
    case B1:
    case B2: {
      if (FLEX_NIGHTS[personId]?.includes(date)) return assign(station, personId, date, 'F', 'flex-night');
      return patternShiftCode(station, person, date, builtinCalendar()) === 'R' ? rest(station, personId, date) : assign(station, personId, date, 'W', 'community');
    }
    default: {
      const code = patternShiftCode(station, person, date, builtinCalendar());
      if (code === 'P') return assign(station, personId, date, 'P', 'patrol-01');
      if (code === 'S' && weekday) return assign(station, personId, date, 'S', 'case-handling');
      return rest(station, personId, date);
    }
  }
}

/** The clean two-week plan: it breaks no rule of the catalogue. */
export function baselineAssignments(station: StationConfig = tinyStation()): Assignment[] {
  return dateRange(START, DAYS).flatMap((date) => station.people.map((p) => baselineDay(station, p.id, date)));
}

/** The plan with one person's assignments on one date replaced (by nothing, when none are given). */
export function replaceDay(assignments: readonly Assignment[], personId: string, date: string, ...replacement: Assignment[]): Assignment[] {
  return [...assignments.filter((a) => !(a.personId === personId && a.date === date)), ...replacement];
}

/** The violations of one rule that `checkPlan` finds. */
export function violationsOf(ruleId: string, ctx: PlanContext, assignments: readonly Assignment[], shortfalls: PlanShortfalls = []) {
  return checkPlan(ctx, { assignments: [...assignments], shortfalls: [...shortfalls] }).filter((v) => v.rule === ruleId);
}
type PlanShortfalls = Parameters<typeof checkPlan>[1]['shortfalls'];
