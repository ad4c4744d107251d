// The independent checks of the rule catalogue: pure functions that find every break of a rule in a finished plan.
// They read only the station, the plan window, the approved redeployments and the plan document, never the solver,
// so that the solver's output can be verified by them and its `violations` list can come from them.
// One exported function per rule; `checkPlan` composes the plan rules, `stationFindings` the station-level ones.
//
// Readings where the brief leaves room (see also the readings at the top of catalogue.ts):
// - Work: an assignment whose post is neither `rest` nor `absent`. Timed work also has `start` and `end`.
// - PLAN-1 also refuses assignments of people the station does not have and dates outside the plan window, so that
//   "every person every day" is judged against exactly the station's people and the plan's days.
// - SLOT-1 and REST-1 split the time rules: two overlapping assignments break SLOT-1 only; REST-1 judges the gap
//   between one assignment's end and the next one's start (the one ending latest so far, so a nested slot is skipped).
// - REST-1: a `flex-night` post counts as off the pattern like shift `F`. Rest is measured between working days: the
//   assignments of one date form one working day (a flexible night in the evening after community work is that
//   day's work, not a new shift), so only the gap from one date's work to another date's work is judged.
// - SKILL-1: when several demand rows apply to one post, shift and day, the holder needs the skills of every one of
//   them; COVER adds their `people` up (an extra row is extra need, e.g. one more on Mondays).
// - COVER counts distinct people on the post, shift and day, plus the `missing` of every shortfall reported for it.
// - CP-1/CP-2/CP-3 judge only ISO weeks whose seven days all lie in the plan; absence is read from the station's
//   absences (the record), not from the plan; their violations list all seven days of the week.
// - CP-1 and CP-2 compare with a tolerance of 1e-9 so that 36/40 against 0.9 is not lost to floating point.
// - AB-2: "community work" is a `community` post in that community (an assignment without `communityId` is taken to be
//   in the officer's own community); a flexible night in the evening does not staff the office in the day.
// - CAL-1: meeting days are the first Tuesday (monthly summary; quarterly summary too in Jan, Apr, Jul, Oct) and the
//   third Tuesday (progress meeting) of each month. A dedicated community officer holding an FB-3 or FB-4 post on such
//   a day has been pulled from it, whatever else they do that day.
// - CAL-1 / CAL-2 / AB-2 / CP-2 read the days from the official calendar (CAL-3, rules/days.ts): a meeting due on a
//   holiday is held on the next workday; AB-2 judges official workdays; CP-2 pro-rates public holidays.
// - CAL-2 (kept simple): every Wednesday, at least one community officer of each community does community work
//   (any assignment with place `community` in that community: community, flexible night, meeting held there).
// - AB-2 and CAL-2 also report a community that has no community officers at all: nobody can cover it.
// - Station findings: CP-4 counts dedicated community officers among the officers; CP-5 needs a dedicated officer
//   and `auxiliaries` ≥ 2 per community; AB-1 counts every officer (dedicated or not) who holds the community's post.
// - `plan.kpis` is not read: the checks recompute what they judge rather than trust the solver's figures.
import type { ApprovedRedeployment, Assignment, Kpis, Shortfall, Violation } from '../domain/plan.ts';
import { NEEDS_REDEPLOYMENT, type PostId } from '../domain/posts.ts';
import type { Community, Person, StationConfig } from '../domain/station.ts';
import { addDaysTo, dateRange, FLEX_NIGHT_SHIFT, isNightShift, isoWeek, isoWeekday } from '../rotation/index.ts';
import type { Calendar } from '../calendar/index.ts';
import { checkCAL3 } from './calendar-check.ts';
import { rule, type RuleId } from './catalogue.ts';
import { demandApplies, inReinforcedPeriod, isHolidayOff, meetingDays, partyCommitteeDays, weeklyCommunityTarget } from './days.ts';
import { checkPIN1 } from './pins.ts';
import { say, type MessageKey, type Params } from '../i18n/index.ts';
import { hasLimits, limitBreaks, type LimitBreak } from './station-limits.ts';

export type PlanContext = {
  station: StationConfig;
  start: string;
  days: number;
  approved: ApprovedRedeployment[];
  /** The official calendar with the station's own days (CAL-3): workdays, holidays, meeting days. */
  calendar: Calendar;
};

export { demandApplies, inReinforcedPeriod, meetingDays, type MeetingDay } from './days.ts';

/** The parts of a plan document the checks read. */
export type PlanUnderCheck = { assignments: readonly Assignment[]; shortfalls: readonly Shortfall[]; kpis?: Kpis };

export type PlanCheck = (ctx: PlanContext, plan: PlanUnderCheck) => Violation[];

// ---------------------------------------------------------------------------------------------------------------
// Shared reading of the station and the plan
// ---------------------------------------------------------------------------------------------------------------

const EPSILON = 1e-9;

/** A break of rule `id`: its sentence is the message `key` (default: the rule ID) with `params`, rendered when read. */
function violation(id: RuleId, personIds: readonly string[], dates: readonly string[], params: Params, key: MessageKey = id as MessageKey): Violation {
  return { rule: id, severity: rule(id).severity, personIds: [...new Set(personIds)], dates: [...new Set(dates)].sort(), ...say(key, params) };
}

const isWork = (a: Assignment): boolean => a.post !== 'rest' && a.post !== 'absent';
const isTimedWork = (a: Assignment): a is Assignment & { start: string; end: string } =>
  isWork(a) && a.start !== undefined && a.end !== undefined;
const instant = (iso: string): number => Date.parse(iso);
const hoursBetween = (fromIso: string, toIso: string): number => (instant(toIso) - instant(fromIso)) / 3_600_000;
const round1 = (n: number): number => Math.round(n * 10) / 10;
/** `2026-12-09T08:00:00+08:00` → `2026-12-09 08:00`, in the station's own offset as written in the plan. */
const clock = (iso: string): string => iso.slice(0, 16).replace('T', ' ');
const isDedicated = (p: Person | undefined): boolean => p?.community?.dedicated === true;

type Index = {
  people: Map<string, Person>;
  byPerson: Map<string, Assignment[]>;
  byPersonDate: Map<string, Assignment[]>;
};

// The station and the plan are read many times by the checks of one plan; index each once.
const peopleCache = new WeakMap<StationConfig, Map<string, Person>>();
const assignmentCache = new WeakMap<readonly Assignment[], Pick<Index, 'byPerson' | 'byPersonDate'>>();

function indexOf(ctx: PlanContext, plan: PlanUnderCheck): Index {
  let people = peopleCache.get(ctx.station);
  if (!people) {
    people = new Map(ctx.station.people.map((p) => [p.id, p]));
    peopleCache.set(ctx.station, people);
  }
  let byAssignments = assignmentCache.get(plan.assignments);
  if (!byAssignments) {
    const byPerson = new Map<string, Assignment[]>();
    const byPersonDate = new Map<string, Assignment[]>();
    for (const a of plan.assignments) {
      push(byPerson, a.personId, a);
      push(byPersonDate, dayKey(a.personId, a.date), a);
    }
    byAssignments = { byPerson, byPersonDate };
    assignmentCache.set(plan.assignments, byAssignments);
  }
  return { people, ...byAssignments };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const dayKey = (personId: string, date: string): string => `${personId}|${date}`;
const dayOf = (index: Index, personId: string, date: string): Assignment[] => index.byPersonDate.get(dayKey(personId, date)) ?? [];

/** The params that name a person: id, and name when the station knows them. */
function who(index: Index, personId: string): Params {
  const p = index.people.get(personId);
  return p ? { name: p.name, personId: p.id } : { personId };
}

const communityLabel = (c: Community): Params => ({ communityName: c.name, communityId: c.id });

export function absenceOn(station: StationConfig, personId: string, date: string): StationConfig['absences'][number] | undefined {
  return station.absences.find((a) => a.personId === personId && a.from <= date && date <= a.to);
}

/** ISO weeks whose seven days all lie in the plan, each with its dates (Monday first). */
export function fullIsoWeeks(start: string, days: number): Map<string, string[]> {
  const weeks = new Map<string, string[]>();
  for (const date of dateRange(start, days)) push(weeks, isoWeek(date), date);
  for (const [week, dates] of weeks) if (dates.length < 7) weeks.delete(week);
  return weeks;
}

/** The officers who hold a community's post (A or B, dedicated or not). */
function communityOfficers(station: StationConfig, communityId: string): Person[] {
  return station.people.filter((p) => p.kind === 'officer' && p.community?.id === communityId);
}

const dedicatedOfficers = (station: StationConfig): Person[] => station.people.filter(isDedicated);

/** Community work in a given community: an assignment without `communityId` is in the officer's own community. */
function inCommunity(a: Assignment, person: Person, communityId: string): boolean {
  return (a.communityId ?? person.community?.id) === communityId;
}

/** Where a person is on a date, for messages that explain a gap (rendered by the catalogue). */
function whereabouts(ctx: PlanContext, index: Index, person: Person, date: string): Params {
  const absence = absenceOn(ctx.station, person.id, date);
  if (absence) return { kind: 'absent', reason: absence.reason };
  const day = dayOf(index, person.id, date);
  if (day.length === 0) return { kind: 'none' };
  const work = day.filter(isWork);
  if (work.length === 0) return { kind: day.some((a) => a.post === 'absent') ? 'absentPost' : 'resting' };
  return {
    kind: 'work',
    items: work.map((a): Params => {
      if (a.redeploymentId) return { kind: 'redeployed', post: a.post };
      if (a.reinforcedDuty) return { kind: 'reinforced' };
      if (a.post === 'flex-night') return { kind: 'flex' };
      if (a.post === 'community') return { kind: 'community', communityId: a.communityId ?? person.community?.id ?? '?' };
      return a.post === 'meeting' ? { kind: 'meeting' } : { kind: 'post', post: a.post };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// PLAN-1, ROT-4, SLOT-1, SKILL-1: the shape of the plan
// ---------------------------------------------------------------------------------------------------------------

/** PLAN-1: every person has at least one assignment on every day of the plan, and nobody else is in it. */
export function checkPLAN1(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const index = indexOf(ctx, plan);
  const dates = dateRange(ctx.start, ctx.days);
  const inWindow = new Set(dates);
  const out: Violation[] = [];
  for (const person of ctx.station.people) {
    const missing = dates.filter((d) => dayOf(index, person.id, d).length === 0);
    if (missing.length > 0)
      out.push(
        violation('PLAN-1', [person.id], missing, { ...who(index, person.id), dates: missing }, 'PLAN-1.missing'),
      );
  }
  for (const [personId, list] of index.byPerson) {
    if (!index.people.has(personId))
      out.push(violation('PLAN-1', [personId], list.map((a) => a.date).filter((d) => inWindow.has(d)), { personId }, 'PLAN-1.stranger'));
    const outside = list.map((a) => a.date).filter((d) => !inWindow.has(d));
    if (outside.length > 0)
      out.push(violation('PLAN-1', [personId], outside, { ...who(index, personId), dates: [...new Set(outside)].sort(), start: ctx.start, days: ctx.days }, 'PLAN-1.outside'));
  }
  return out;
}

/** ROT-4: on a day an absence covers, the person holds only `absent`. */
export function checkROT4(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const index = indexOf(ctx, plan);
  const out: Violation[] = [];
  for (const a of plan.assignments) {
    if (a.post === 'absent') continue;
    const absence = absenceOn(ctx.station, a.personId, a.date);
    if (absence)
      out.push(
        violation('ROT-4', [a.personId], [a.date], { ...who(index, a.personId), post: a.post, date: a.date, reason: absence.reason, from: absence.from, to: absence.to }),
      );
  }
  return out;
}

/** SLOT-1: one person's timed assignments never overlap. */
export function checkSLOT1(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const index = indexOf(ctx, plan);
  const out: Violation[] = [];
  for (const [personId, list] of index.byPerson) {
    const timed = list
      .filter((a): a is Assignment & { start: string; end: string } => a.start !== undefined && a.end !== undefined)
      .sort((x, y) => instant(x.start) - instant(y.start));
    timed.forEach((a, i) => {
      // Every later slot that starts before this one ends overlaps it.
      for (let j = i + 1; j < timed.length; j++) {
        const b = timed[j]!;
        if (instant(b.start) >= instant(a.end)) break;
        if (instant(b.end) <= instant(a.start)) continue; // zero-length slot at the same instant
        out.push(
          violation('SLOT-1', [personId], [a.date, b.date], { ...who(index, personId), post: a.post, start: clock(a.start), end: clock(a.end), otherPost: b.post, otherStart: clock(b.start), otherEnd: clock(b.end) }),
        );
      }
    });
  }
  return out;
}

/** SKILL-1: a post whose demand needs skills is held only by people who have them all. */
export function checkSKILL1(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const index = indexOf(ctx, plan);
  const out: Violation[] = [];
  for (const a of plan.assignments) {
    const needed = new Set(
      ctx.station.demand.filter((row) => row.post === a.post && row.shift === a.shift && demandApplies(ctx.station, row, a.date, ctx.calendar)).flatMap((row) => row.skills),
    );
    const has = new Set(index.people.get(a.personId)?.skills ?? []);
    const lacking = [...needed].filter((s) => !has.has(s));
    if (lacking.length > 0)
      out.push(
        violation('SKILL-1', [a.personId], [a.date], { ...who(index, a.personId), post: a.post, shift: a.shift, date: a.date, skills: lacking }),
      );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// FB-1 … FB-4: what a dedicated community officer is never (or only with leave) rostered on
// ---------------------------------------------------------------------------------------------------------------

function dedicatedOnPosts(ctx: PlanContext, plan: PlanUnderCheck, posts: readonly PostId[]): Assignment[] {
  const index = indexOf(ctx, plan);
  return plan.assignments.filter((a) => posts.includes(a.post) && isDedicated(index.people.get(a.personId)));
}

/** FB-1: no dedicated community officer on patrol car 01 or 02, whatever is approved. */
export function checkFB1(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const index = indexOf(ctx, plan);
  return dedicatedOnPosts(ctx, plan, ['patrol-01', 'patrol-02']).map((a) =>
    violation('FB-1', [a.personId], [a.date], { ...who(index, a.personId), post: a.post, date: a.date }),
  );
}

/** FB-2: no dedicated community officer on case handling, whatever is approved. */
export function checkFB2(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const index = indexOf(ctx, plan);
  return dedicatedOnPosts(ctx, plan, ['case-handling']).map((a) =>
    violation('FB-2', [a.personId], [a.date], { ...who(index, a.personId), post: a.post, date: a.date }),
  );
}

const covers = (r: ApprovedRedeployment, a: Assignment): boolean =>
  r.personId === a.personId && r.post === a.post && r.from <= a.date && a.date <= r.to;

/** FB-3: other non-community work only under an approved redeployment for that officer, post and day, cited by id. */
export function checkFB3(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const index = indexOf(ctx, plan);
  const out: Violation[] = [];
  for (const a of dedicatedOnPosts(ctx, plan, [...NEEDS_REDEPLOYMENT])) {
    const cited = a.redeploymentId === undefined ? undefined : ctx.approved.find((r) => r.id === a.redeploymentId);
    if (cited && covers(cited, a)) continue;
    const available = ctx.approved.find((r) => covers(r, a));
    const why: Params =
      a.redeploymentId === undefined
        ? available
          ? { why: 'uncited', redeploymentId: available.id }
          : { why: 'none' }
        : cited
          ? { why: 'elsewhere', redeploymentId: cited.id, coveredPost: cited.post, coveredPersonId: cited.personId, coveredFrom: cited.from, coveredTo: cited.to }
          : { why: 'unapproved', redeploymentId: a.redeploymentId };
    out.push(
      violation('FB-3', [a.personId], [a.date], { ...who(index, a.personId), post: a.post, date: a.date, ...why }),
    );
  }
  return out;
}

/** FB-4: reinforced duty only inside a declared level-1 period, and every such assignment is marked as one. */
export function checkFB4(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const index = indexOf(ctx, plan);
  const out: Violation[] = [];
  for (const a of plan.assignments) {
    if (a.post !== 'reinforced-duty') continue;
    const inPeriod = inReinforcedPeriod(ctx.station, a.date);
    if (inPeriod && a.reinforcedDuty === true) continue;
    out.push(violation('FB-4', [a.personId], [a.date], { ...who(index, a.personId), date: a.date, inPeriod }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// REST-1, NIGHT-1: fatigue
// ---------------------------------------------------------------------------------------------------------------

/**
 * Work off the pattern: a call-in, a redeployment, a flexible night, or reinforced duty by a dedicated community
 * officer (for whom it is always off the community pattern; for others it is a post within their own shift).
 */
function offPattern(a: Assignment, person: Person | undefined): 'call-in' | 'redeployment' | 'reinforced' | 'flex' | null {
  if (a.callIn) return 'call-in';
  if (a.redeploymentId) return 'redeployment';
  if (a.reinforcedDuty && person?.community?.dedicated) return 'reinforced';
  if (a.shift === FLEX_NIGHT_SHIFT || a.post === 'flex-night') return 'flex';
  return null;
}

/** REST-1: work off the pattern leaves the station's minimum rest before and after it. */
export function checkREST1(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const index = indexOf(ctx, plan);
  const minRest = ctx.station.rules.minRestHours;
  const out: Violation[] = [];
  for (const [personId, list] of index.byPerson) {
    const timed = list.filter(isTimedWork).sort((x, y) => instant(x.start) - instant(y.start) || instant(x.end) - instant(y.end));
    let previous = timed[0];
    for (const next of timed.slice(1)) {
      if (!previous) break;
      const gap = hoursBetween(previous.end, next.start);
      const person = index.people.get(personId);
      const reason = offPattern(previous, person) ?? offPattern(next, person);
      // A negative gap is an overlap: SLOT-1's verdict, not a rest question. One date's work is one working day.
      if (gap >= 0 && gap + EPSILON < minRest && reason && previous.date !== next.date)
        out.push(
          violation('REST-1', [personId], [previous.date, next.date], { ...who(index, personId), gap: round1(gap), post: previous.post, end: clock(previous.end), nextPost: next.post, nextStart: clock(next.start), offPattern: reason, minRest }),
        );
      if (instant(next.end) > instant(previous.end)) previous = next;
    }
  }
  return out;
}

/** NIGHT-1: no more consecutive night-shift days than the station allows. */
export function checkNIGHT1(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const index = indexOf(ctx, plan);
  const max = ctx.station.rules.maxConsecutiveNights;
  const out: Violation[] = [];
  for (const [personId, list] of index.byPerson) {
    const nights = [...new Set(list.filter((a) => isWork(a) && isNightShift(ctx.station, a.shift)).map((a) => a.date))].sort();
    for (const run of consecutiveRuns(nights))
      if (run.length > max)
        out.push(
          violation('NIGHT-1', [personId], run, { ...who(index, personId), count: run.length, from: run[0]!, to: run[run.length - 1]!, max }),
        );
  }
  return out;
}

/** Sorted dates split into runs of consecutive calendar days. */
function consecutiveRuns(sortedDates: readonly string[]): string[][] {
  const runs: string[][] = [];
  for (const date of sortedDates) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last !== undefined && addDaysTo(last, 1) === date) run.push(date);
    else runs.push([date]);
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------------------------
// CP-1, CP-2, CP-3: a dedicated community officer's week
// ---------------------------------------------------------------------------------------------------------------

type OfficerWeek = {
  person: Person;
  week: string;
  dates: string[];
  assignments: Assignment[];
  communityHours: number;
  workingHours: number;
  absentDays: number;
  /** Days of the week that are absence or public holiday (one day counted once): CP-2 pro-rates for them. */
  daysOff: number;
  holidayDays: number;
};

/** Each dedicated community officer's full ISO weeks in the plan, with their hours. */
function officerWeeks(ctx: PlanContext, plan: PlanUnderCheck): OfficerWeek[] {
  const index = indexOf(ctx, plan);
  const out: OfficerWeek[] = [];
  for (const [week, dates] of fullIsoWeeks(ctx.start, ctx.days)) {
    for (const person of dedicatedOfficers(ctx.station)) {
      const assignments = dates.flatMap((d) => dayOf(index, person.id, d));
      out.push({
        person,
        week,
        dates,
        assignments,
        communityHours: sum(assignments.filter((a) => a.place === 'community').map((a) => a.hours)),
        workingHours: sum(assignments.filter((a) => a.hours > 0).map((a) => a.hours)),
        absentDays: dates.filter((d) => absenceOn(ctx.station, person.id, d)).length,
        daysOff: dates.filter((d) => absenceOn(ctx.station, person.id, d) || isHolidayOff(ctx.calendar, d)).length,
        holidayDays: dates.filter((d) => isHolidayOff(ctx.calendar, d)).length,
      });
    }
  }
  return out;
}

const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);
const weekLabel = (w: OfficerWeek): Params => ({ week: w.week, from: w.dates[0]!, to: w.dates[w.dates.length - 1]! });
const officerLabel = (w: OfficerWeek): Params => ({ name: w.person.name, personId: w.person.id });

/** CP-1: community hours are at least the station's share of working hours, per full ISO week. */
export function checkCP1(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const target = ctx.station.rules.communityShare;
  return officerWeeks(ctx, plan)
    .filter((w) => w.workingHours > 0 && w.communityHours / w.workingHours + EPSILON < target)
    .map((w) =>
      violation('CP-1', [w.person.id], w.dates, { ...officerLabel(w), ...weekLabel(w), communityHours: round1(w.communityHours), workingHours: round1(w.workingHours), share: w.communityHours / w.workingHours, target }),
    );
}

/** CP-2: at least the weekly community hours, pro-rated for days of absence and public holidays, per full ISO week. */
export function checkCP2(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const weekly = ctx.station.rules.weeklyCommunityHours;
  return officerWeeks(ctx, plan).flatMap((w) => {
    const target = weeklyCommunityTarget(weekly, w.daysOff);
    if (w.communityHours + EPSILON >= target) return [];
    return [
      violation('CP-2', [w.person.id], w.dates, { ...officerLabel(w), ...weekLabel(w), communityHours: round1(w.communityHours), target: round1(target), absentDays: w.absentDays, holidayDays: w.holidayDays, weekly }),
    ];
  });
}

/** CP-3: one flexible night in every full ISO week in which the officer works and is not absent all week. */
export function checkCP3(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  return officerWeeks(ctx, plan)
    .filter((w) => w.absentDays < 7 && w.assignments.some((a) => isWork(a) && a.hours > 0) && !w.assignments.some((a) => a.post === 'flex-night'))
    .map((w) => violation('CP-3', [w.person.id], w.dates, { ...officerLabel(w), ...weekLabel(w) }));
}

// ---------------------------------------------------------------------------------------------------------------
// AB-2, CAL-1, CAL-2: the grid is never left empty
// ---------------------------------------------------------------------------------------------------------------

/** A community found without the community work it needs on a date, explained officer by officer. */
function communityGap(
  ctx: PlanContext,
  plan: PlanUnderCheck,
  id: 'AB-2' | 'CAL-2',
  c: Community,
  date: string,
  worksThere: (a: Assignment, person: Person) => boolean,
  _what: string,
): Violation | null {
  const index = indexOf(ctx, plan);
  const officers = communityOfficers(ctx.station, c.id);
  if (officers.some((p) => dayOf(index, p.id, date).some((a) => worksThere(a, p)))) return null;
  const why = officers.map((p): Params => ({ name: p.name, personId: p.id, role: p.community?.role ?? null, where: whereabouts(ctx, index, p, date) }));
  return violation(id, officers.map((p) => p.id), [date], { rule: id, ...communityLabel(c), date, officers: why }, 'community.gap');
}

/** AB-2: on every official workday (CAL-3) each grid has its A or one of its Bs at community work. */
export function checkAB2(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const weekdays = dateRange(ctx.start, ctx.days).filter((d) => ctx.calendar.isWorkday(d));
  return ctx.station.communities.flatMap((c) =>
    weekdays
      .map((date) =>
        communityGap(ctx, plan, 'AB-2', c, date, (a, p) => a.post === 'community' && inCommunity(a, p, c.id), 'neither its A nor any of its Bs is at community work'),
      )
      .filter((v): v is Violation => v !== null),
  );
}

/** FB-3 and FB-4 posts: where a pulled dedicated community officer is instead of community work. */
const PULLED_POSTS: readonly PostId[] = [...NEEDS_REDEPLOYMENT, 'reinforced-duty'];

/** CAL-1: on a meeting day (moved off holidays) no dedicated community officer on duty is pulled onto an FB-3/FB-4 post. */

export function checkCAL1(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const index = indexOf(ctx, plan);
  return meetingDays(ctx.start, ctx.days, ctx.calendar).flatMap(({ date, meetings, movedFrom }) =>
    dedicatedOfficers(ctx.station).flatMap((p) => {
      const pulled = dayOf(index, p.id, date).filter((a) => PULLED_POSTS.includes(a.post));
      if (pulled.length === 0) return [];
      const posts = [...new Set(pulled.map((a) => a.post))];
      return [
        violation('CAL-1', [p.id], [date], { ...who(index, p.id), posts, date, meetings, movedFrom: movedFrom ?? [] }),
      ];
    }),
  );
}

/** CAL-2 (simple reading): on each meeting day (Wednesday, moved off holidays) every community has an officer at community work. */
export function checkCAL2(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const wednesdays = partyCommitteeDays(ctx.start, ctx.days, ctx.calendar).map((m) => m.date);
  return ctx.station.communities.flatMap((c) =>
    wednesdays
      .map((date) =>
        communityGap(ctx, plan, 'CAL-2', c, date, (a, p) => a.place === 'community' && inCommunity(a, p, c.id), 'no community officer does community work on the day of the weekly party committee meeting'),
      )
      .filter((v): v is Violation => v !== null),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// COVER: demand is staffed or the gap is reported
// ---------------------------------------------------------------------------------------------------------------

/** COVER: people on each post, shift and day plus the reported shortfall reach the demand; no silent gap. */
export function checkCOVER(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const key = (date: string, shift: string, post: string): string => `${date}|${shift}|${post}`;
  const held = new Map<string, Set<string>>();
  for (const a of plan.assignments) {
    const k = key(a.date, a.shift, a.post);
    const people = held.get(k) ?? new Set<string>();
    people.add(a.personId);
    held.set(k, people);
  }
  const reported = new Map<string, number>();
  for (const s of plan.shortfalls) reported.set(key(s.date, s.shift, s.post), (reported.get(key(s.date, s.shift, s.post)) ?? 0) + s.missing);

  const out: Violation[] = [];
  for (const date of dateRange(ctx.start, ctx.days)) {
    const needed = new Map<string, { shift: string; post: PostId; people: number }>();
    for (const row of ctx.station.demand) {
      if (!demandApplies(ctx.station, row, date, ctx.calendar)) continue;
      const k = key(date, row.shift, row.post);
      const n = needed.get(k);
      needed.set(k, { shift: row.shift, post: row.post, people: (n?.people ?? 0) + row.people });
    }
    for (const [k, need] of needed) {
      const have = held.get(k)?.size ?? 0;
      const short = reported.get(k) ?? 0;
      const silent = need.people - have - short;
      if (silent > 0)
        out.push(
          violation('COVER', [], [date], { post: need.post, shift: need.shift, date, needed: need.people, have, reported: short, silent }),
        );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Composition
// ---------------------------------------------------------------------------------------------------------------

/** The plan checks, in catalogue order. */
export const PLAN_CHECKS: ReadonlyArray<readonly [RuleId, PlanCheck]> = [
  ['ROT-4', checkROT4],
  ['REST-1', checkREST1],
  ['NIGHT-1', checkNIGHT1],
  ['SLOT-1', checkSLOT1],
  ['SKILL-1', checkSKILL1],
  ['PLAN-1', checkPLAN1],
  ['FB-1', checkFB1],
  ['FB-2', checkFB2],
  ['FB-3', checkFB3],
  ['FB-4', checkFB4],
  ['CP-1', checkCP1],
  ['CP-2', checkCP2],
  ['CP-3', checkCP3],
  ['AB-2', checkAB2],
  ['CAL-1', checkCAL1],
  ['CAL-2', checkCAL2],
  ['CAL-3', checkCAL3],
  ['COVER', checkCOVER],
  ['SEQ-1', checkSEQ1],
  ['SEQ-3', checkSEQ3],
  ['WKD-1', checkWKD1],
  ['TYPE-1', checkTYPE1],
  ['PIN-1', checkPIN1],
];

// ---------------------------------------------------------------------------------------------------------------
// SEQ-1, SEQ-3, WKD-1, TYPE-1: the station's optional limits on off-pattern work (station-limits.ts)
// ---------------------------------------------------------------------------------------------------------------

function stationLimitBreaks(ctx: PlanContext, plan: PlanUnderCheck, id: LimitBreak['rule']): Violation[] {
  const limits = ctx.station.rules;
  if (!hasLimits(limits)) return [];
  const index = indexOf(ctx, plan);
  const dates = dateRange(ctx.start, ctx.days);
  const startWeekday = isoWeekday(ctx.start) - 1;
  const out: Violation[] = [];
  for (const person of ctx.station.people) {
    const list = index.byPerson.get(person.id) ?? [];
    const main = dates.map((date) => list.find((a) => a.date === date && a.post !== 'flex-night'));
    const row = {
      worked: main.map((a) => a !== undefined && a.hours > 0),
      shift: main.map((a) => a?.shift ?? null),
      callIn: main.map((a) => a?.callIn === true),
      redeployed: main.map((a) => a?.redeploymentId !== undefined),
    };
    for (const b of limitBreaks(row, limits, startWeekday))
      if (b.rule === id) out.push(violation(id, [person.id], b.days.map((d) => dates[d]!), { ...who(index, person.id), ...b.params }));
  }
  return out;
}

export function checkSEQ1(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  return stationLimitBreaks(ctx, plan, 'SEQ-1');
}
export function checkSEQ3(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  return stationLimitBreaks(ctx, plan, 'SEQ-3');
}
export function checkWKD1(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  return stationLimitBreaks(ctx, plan, 'WKD-1');
}
export function checkTYPE1(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  return stationLimitBreaks(ctx, plan, 'TYPE-1');
}

/** Every break of a plan rule found in a finished plan (station-level findings are in `stationFindings`). */
export function checkPlan(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  return PLAN_CHECKS.flatMap(([, check]) => check(ctx, plan));
}

// ---------------------------------------------------------------------------------------------------------------
// Station findings: CP-4, CP-5, AB-1 (the configuration, not the plan)
// ---------------------------------------------------------------------------------------------------------------

/** CP-4's figures: the station's officers, the dedicated community officers among them, and their share. */
export function communityOfficerShare(station: StationConfig): { officers: Person[]; dedicated: Person[]; share: number } {
  const officers = station.people.filter((p) => p.kind === 'officer');
  const dedicated = officers.filter(isDedicated);
  return { officers, dedicated, share: officers.length === 0 ? 0 : dedicated.length / officers.length };
}

/** CP-4: dedicated community officers are at least the station's share of its officers. */
export function checkCP4(station: StationConfig): Violation[] {
  const { officers, dedicated, share } = communityOfficerShare(station);
  const target = station.rules.minCommunityOfficerShare;
  if (share + EPSILON >= target) return [];
  return [
    violation('CP-4', dedicated.map((p) => p.id), [], { dedicated: dedicated.length, officers: officers.length, share, target }),
  ];
}

/** CP-5: one community, one (dedicated) officer, two auxiliaries. */
export function checkCP5(station: StationConfig): Violation[] {
  return station.communities.flatMap((c) => {
    const officers = communityOfficers(station, c.id);
    const noDedicated = !officers.some(isDedicated);
    const fewAuxiliaries = c.auxiliaries < 2;
    if (!noDedicated && !fewAuxiliaries) return [];
    return [violation('CP-5', officers.map((p) => p.id), [], { ...communityLabel(c), noDedicated, fewAuxiliaries, auxiliaries: c.auxiliaries })];
  });
}

/** The communities whose officers form an A/B group (AB-1's reading: an A and at least one B). */
export function abGroups(station: StationConfig): Community[] {
  return station.communities.filter((c) => {
    const officers = communityOfficers(station, c.id);
    return officers.some((p) => p.community?.role === 'A') && officers.some((p) => p.community?.role === 'B');
  });
}

/** AB-1: each community police group has 2 to 5 community officers, exactly one A and at least one B. */
export function checkAB1(station: StationConfig): Violation[] {
  return station.communities.flatMap((c) => {
    const officers = communityOfficers(station, c.id);
    const as = officers.filter((p) => p.community?.role === 'A').length;
    const bs = officers.filter((p) => p.community?.role === 'B').length;
    const badSize = officers.length < 2 || officers.length > 5;
    const badA = as !== 1;
    const noB = bs < 1;
    if (!badSize && !badA && !noB) return [];
    return [violation('AB-1', officers.map((p) => p.id), [], { ...communityLabel(c), badSize, officers: officers.length, badA, as, noB })];
  });
}

/** Station-level findings (severity 'station'): CP-4, CP-5, AB-1. */
export function stationFindings(station: StationConfig): Violation[] {
  return [...checkCP4(station), ...checkCP5(station), ...checkAB1(station)];
}
