// Builds the engine's model from a station: for every person and day, the options the hard rules leave open.
// Hard rules (ROT-4 absences, SKILL-1, FB-1..FB-4) are enforced here, by never offering a forbidden option;
// REST-1 depends on neighbouring days and is checked by the search on every move.
import { BUILTIN_YEARS } from '../calendar/builtin.ts';
import { calendarOf, type Calendar } from '../calendar/index.ts';
import { demandApplies, isHolidayOff, meetingDays, partyCommitteeDays } from '../rules/days.ts';
import { hasLimits } from '../rules/station-limits.ts';
import { ABSOLUTELY_FORBIDDEN, NEEDS_REDEPLOYMENT, type PostId } from '../domain/posts.ts';
import type { ApprovedRedeployment, Assignment } from '../domain/plan.ts';
import type { Pin } from '../domain/day-to-day.ts';
import type { Demand, Person, StationConfig } from '../domain/station.ts';
import {
  COMMUNITY_WEEKDAY_SHIFT,
  FLEX_NIGHT_SHIFT,
  dateRange,
  isNightShift,
  isoWeek,
  isoWeekday,
  patternShiftCode,
  restCode,
  shiftTimes,
  shiftType,
} from '../rotation/index.ts';

export type OptionKind = 'absent' | 'rest' | 'home' | 'demand';

/** One way a person can spend a day. `home` is their own work: community work, or standby at the station. */
export type Option = {
  kind: OptionKind;
  shift: string;
  post: PostId;
  place: 'station' | 'community' | 'none';
  hours: number;
  /** Index into model.rows for demand options. */
  row: number;
  callIn: boolean;
  redeploymentId?: string;
  reinforced: boolean;
  /** Epoch milliseconds; 0 for options with no hours. */
  startMs: number;
  endMs: number;
  night: boolean;
  /** Off the pattern: REST-1 binds it. */
  offPattern: boolean;
  /** Interned `shift|post|row`: the same work in two people's domains has the same key. */
  key: number;
  /** Interned `shift|post`: what a reader of the plan sees (STAB-1 compares this). */
  work: number;
  /** PIN-1: the pin this option is fixed by (the cell's domain is this option alone). */
  pinId?: string;
};

/** A pin the model could not keep (the station changed since it was set), and why. */
export type UnkeptPin = { pin: Pin; why: string };

export type DemandRow = { index: number; date: number; shift: string; post: PostId; people: number; skills: readonly string[]; demand: Demand };

export type PersonInfo = {
  person: Person;
  index: number;
  dedicated: boolean;
  communityId?: string;
  role?: 'A' | 'B';
  skills: ReadonlySet<string>;
};

export type Model = {
  station: StationConfig;
  dates: string[];
  weeks: string[];
  /** Week index per day. */
  weekOf: number[];
  /** Day indexes of each week. */
  weekDays: number[][];
  /** People whose options differ in night work on some day (NIGHT-1 can change for them). */
  nightChoice: boolean[];
  /** Weeks fully inside the plan (CP-1, CP-2, CP-3 judge only these). */
  fullWeek: boolean[];
  people: PersonInfo[];
  rows: DemandRow[];
  /** Options per cell `person * days + day`. */
  domains: Option[][];
  /** Published work (`Option.work`) per cell, or -1 (STAB-1). */
  published: number[];
  /** Pattern option index per cell (the day as the rotation has it). */
  patternChoice: number[];
  /** The rotation's shift code per cell (before absences). */
  patternShift: string[];
  communities: string[];
  /** Community index per person, -1 if none. */
  communityOf: number[];
  /** Official workday per day (CAL-3: make-up days in, public holidays out): AB-2 applies. */
  workday: boolean[];
  /** Public holiday per day: CP-2's weekly target is pro-rated for it as for a day of absence. */
  holidayOff: boolean[];
  /** CAL-1 / CAL-2 meeting day per day, moved off holidays (community officers on duty are not pulled). */
  meetingDay: boolean[];
  /** The official calendar with the station's own days (CAL-3). */
  calendar: Calendar;
  minRestMs: number;
  /** The station sets limits on off-pattern work (SEQ-1, SEQ-3, WKD-1, TYPE-1). */
  hasLimits: boolean;
  /** Weekday of the first day, 0 = Monday. */
  startWeekday: number;
  maxConsecutiveNights: number;
  communityShare: number;
  weeklyCommunityHours: number;
  flexHours: number;
  /** Pattern shift times of the day after the plan, per person (REST-1 across the horizon's end). */
  nextAfterEndStartMs: number[];
  /** Last working end before the plan, per person (REST-1 across the horizon's start). */
  lastBeforeStartEndMs: number[];
  approved: readonly ApprovedRedeployment[];
  /** PIN-1: pins inside the dates whose option the hard rules no longer leave open. */
  unkeptPins: UnkeptPin[];
};

/**
 * The option of a cell's domain that a pin fixes: the same post (and shift, when the pin names one). A pin to `rest`
 * on a working day is a day off the model does not offer by itself: `restOption` makes it. Null: not open that day.
 */
export function optionForPin(domain: readonly Option[], pin: Pick<Pin, 'post' | 'shift'>): Option | null {
  if (pin.post === 'rest') return domain.find((o) => o.kind === 'rest') ?? null;
  return domain.find((o) => o.post === pin.post && o.shift === pin.shift) ?? null;
}

function isAbsent(station: StationConfig, personId: string, date: string): boolean {
  return station.absences.some((a) => a.personId === personId && a.from <= date && date <= a.to);
}

type Times = { startMs: number; endMs: number; night: boolean; hours: number };

/**
 * `frozenDates`: dates whose published assignments are kept exactly (a re-plan of only the changed days: each such
 * cell's domain is its published option alone, where the hard rules still leave it open). Pins come from the
 * station document (`station.pins`); a pinned cell's domain is the pinned option alone, so no search can move it.
 */
export function buildModel(
  station: StationConfig,
  start: string,
  days: number,
  approved: readonly ApprovedRedeployment[],
  published: readonly Assignment[],
  /** The official calendar with the station's days (CAL-3); without it the built-in data and the station's days. */
  calendar: Calendar = calendarOf(BUILTIN_YEARS, station.calendar),
  /** Days kept exactly as published (a re-plan changes only the days that changed). */
  frozenDates: readonly string[] = [],
): Model {
  const dates = dateRange(start, days);
  const weekKeys: string[] = [];
  const weekOf = dates.map((d) => {
    const w = isoWeek(d);
    let idx = weekKeys.indexOf(w);
    if (idx < 0) idx = weekKeys.push(w) - 1;
    return idx;
  });
  const fullWeek = weekKeys.map((_, w) => weekOf.filter((x) => x === w).length === 7);

  const timesCache = new Map<string, Times | null>();
  const timesOf = (code: string, date: string): Times | null => {
    const key = `${code}|${date}`;
    if (!timesCache.has(key)) {
      const t = shiftTimes(station, code, date);
      const type = shiftType(station, code);
      timesCache.set(key, t && type ? { startMs: t.start.getTime(), endMs: t.end.getTime(), night: isNightShift(station, code), hours: type.hours } : null);
    }
    return timesCache.get(key)!;
  };

  const communities = station.communities.map((c) => c.id);
  const people: PersonInfo[] = station.people.map((person, index) => ({
    person,
    index,
    dedicated: person.community?.dedicated === true,
    ...(person.community ? { communityId: person.community.id, role: person.community.role } : {}),
    skills: new Set(person.skills),
  }));

  const rows: DemandRow[] = [];
  const rowsByDate: DemandRow[][] = dates.map(() => []);
  dates.forEach((date, d) => {
    const applying = station.demand.filter((demand) => demandApplies(station, demand, date, calendar));
    for (const demand of applying) {
      // Rows for the same post and shift on a day are one post: whoever holds it needs the skills of all of them.
      const skills = [...new Set(applying.filter((o) => o.post === demand.post && o.shift === demand.shift).flatMap((o) => o.skills))];
      const row: DemandRow = { index: rows.length, date: d, shift: demand.shift, post: demand.post, people: demand.people, skills, demand };
      rows.push(row);
      rowsByDate[d]!.push(row);
    }
  });

  const hasCommunityShift = station.shiftTypes.some((s) => s.code === COMMUNITY_WEEKDAY_SHIFT && s.hours > 0);
  const approvedFor = (personId: string, post: PostId, date: string) =>
    approved.find((r) => r.personId === personId && r.post === post && r.from <= date && date <= r.to);

  const keys = new Map<string, number>();
  const intern = (k: string): number => {
    let id = keys.get(k);
    if (id === undefined) {
      id = keys.size;
      keys.set(k, id);
    }
    return id;
  };
  const make = (o: Omit<Option, 'key' | 'work' | 'startMs' | 'endMs' | 'night' | 'hours'>, times: Times | null): Option => ({
    ...o,
    hours: times?.hours ?? 0,
    startMs: times?.startMs ?? 0,
    endMs: times?.endMs ?? 0,
    night: times?.night ?? false,
    key: intern(`${o.shift}|${o.post}|${o.row}`),
    work: intern(`${o.shift}|${o.post}`),
  });
  // The pattern's shift depends only on the person's group (or on having none): computed once per group and day.
  const patternOfGroup = new Map<string, string[]>();
  const patternCodes = (person: Person): string[] => {
    const group = person.group ?? '';
    let codes = patternOfGroup.get(group);
    if (!codes) {
      codes = dates.map((date) => patternShiftCode(station, person, date, calendar));
      patternOfGroup.set(group, codes);
    }
    return codes;
  };
  const rowTimes = rows.map((row) => timesOf(row.shift, dates[row.date]!));
  // Options are read, never changed: people with the same work on a day share one option object.
  const demandOptions = new Map<number, Option>();
  const ownDays = dates.map(() => new Map<string, Option>());
  const ownDay = (d: number, key: string, create: () => Option): Option => {
    let option = ownDays[d]!.get(key);
    if (!option) {
      option = create();
      ownDays[d]!.set(key, option);
    }
    return option;
  };
  const domains: Option[][] = [];
  const patternChoice: number[] = [];
  const patternShift: string[] = [];
  for (const info of people) {
    const { person } = info;
    const codes = patternCodes(person);
    for (let d = 0; d < days; d++) {
      const date = dates[d]!;
      const options: Option[] = [];
      const base = codes[d]!;
      patternShift.push(base);
      const baseTimes = timesOf(base, date);
      if (isAbsent(station, person.id, date)) {
        options.push(make({ kind: 'absent', shift: base, post: 'absent', place: 'none', row: -1, callIn: false, reinforced: false, offPattern: false }, null));
        domains.push(options);
        patternChoice.push(0);
        continue;
      }
      const working = baseTimes !== null;
      if (working) {
        // Community officers do community work on their working days in the community shift (ROT-1 reading).
        const community = info.communityId !== undefined && (info.dedicated || person.group === null);
        const homeShift = community && hasCommunityShift ? COMMUNITY_WEEKDAY_SHIFT : base;
        options.push(
          ownDay(d, `${community ? 'c' : 's'}|${homeShift}`, () =>
            make(
              { kind: 'home', shift: homeShift, post: community ? 'community' : 'standby', place: community ? 'community' : 'station', row: -1, callIn: false, reinforced: false, offPattern: false },
              timesOf(homeShift, date),
            ),
          ),
        );
      } else {
        options.push(ownDay(d, `r|${base}`, () => make({ kind: 'rest', shift: base, post: 'rest', place: 'none', row: -1, callIn: false, reinforced: false, offPattern: false }, null)));
      }
      for (const row of rowsByDate[d]!) {
        if (!row.skills.every((s) => info.skills.has(s))) continue;
        const times = rowTimes[row.index]!;
        if (!times) continue;
        const reinforced = row.post === 'reinforced-duty';
        let redeploymentId: string | undefined;
        let onPattern: boolean;
        if (info.dedicated) {
          if (ABSOLUTELY_FORBIDDEN[row.post]) continue; // FB-1, FB-2: no approval unlocks these
          if (NEEDS_REDEPLOYMENT.has(row.post)) {
            const approval = approvedFor(person.id, row.post, date); // FB-3: only under an approved redeployment
            if (!approval) continue;
            redeploymentId = approval.id;
            onPattern = false;
          } else if (reinforced) {
            onPattern = false; // FB-4: allowed inside the declared period, always off the community pattern
          } else {
            if (!working || row.shift !== base) continue;
            onPattern = true;
          }
        } else if (working) {
          // On a working day people keep their shift; other shifts come only as call-ins from a day off.
          if (row.shift !== base) continue;
          onPattern = true;
        } else {
          onPattern = false;
        }
        const shared = redeploymentId === undefined ? row.index * 4 + (working ? 0 : 2) + (onPattern ? 0 : 1) : -1;
        const known = shared >= 0 ? demandOptions.get(shared) : undefined;
        if (known) {
          options.push(known);
          continue;
        }
        const option = make(
          {
            kind: 'demand',
            shift: row.shift,
            post: row.post,
            place: 'station',
            row: row.index,
            callIn: !working,
            ...(redeploymentId ? { redeploymentId } : {}),
            reinforced,
            offPattern: !onPattern,
          },
          times,
        );
        if (shared >= 0) demandOptions.set(shared, option);
        options.push(option);
      }
      domains.push(options);
      patternChoice.push(0);
    }
  }

  // STAB-1: the published day's main assignment (shift and post), where it is still one of the options.
  const publishedByCell = new Map<string, Assignment>();
  for (const a of published) if (a.post !== 'flex-night') publishedByCell.set(`${a.personId}|${a.date}`, a);

  // Frozen days keep their published option; pins (after, so that a pin wins) fix theirs.
  const dayOf = new Map(dates.map((d, i) => [d, i]));
  const frozen = new Set(frozenDates);
  for (const info of people)
    dates.forEach((date, d) => {
      if (!frozen.has(date)) return;
      const a = publishedByCell.get(`${info.person.id}|${date}`);
      const cell = info.index * days + d;
      const kept = a && domains[cell]!.find((o) => o.post === a.post && o.shift === a.shift);
      if (kept) domains[cell] = [kept];
    });
  const unkeptPins: UnkeptPin[] = [];
  const personIndex = new Map(people.map((p) => [p.person.id, p.index]));
  const restShift = restCode(station);
  for (const pin of station.pins) {
    const d = dayOf.get(pin.date);
    const p = personIndex.get(pin.personId);
    if (d === undefined) continue;
    if (p === undefined) {
      unkeptPins.push({ pin, why: `${pin.personId} is no longer one of the station's people` });
      continue;
    }
    const cell = p * days + d;
    const domain = domains[cell]!;
    let option = optionForPin(domain, pin);
    if (!option && pin.post === 'rest' && domain[0]!.kind !== 'absent')
      option = make({ kind: 'rest', shift: restShift, post: 'rest', place: 'none', row: -1, callIn: false, reinforced: false, offPattern: false }, null);
    if (!option) {
      const absent = domain[0]!.kind === 'absent';
      unkeptPins.push({ pin, why: absent ? `${pin.personId} is absent on ${pin.date} (ROT-4)` : `${pin.post} in shift ${pin.shift} is no longer open to ${pin.personId} on ${pin.date}` });
      continue;
    }
    domains[cell] = [{ ...option, pinId: pin.id }];
  }
  const publishedChoice = people.flatMap((info) =>
    dates.map((date, d) => {
      const a = publishedByCell.get(`${info.person.id}|${date}`);
      if (!a) return -1;
      const domain = domains[info.index * days + d]!;
      return domain.find((o) => o.post === a.post && o.shift === a.shift)?.work ?? -1;
    }),
  );

  const communityIndex = new Map(communities.map((c, i) => [c, i]));
  const meetings = new Set([...meetingDays(start, days, calendar), ...partyCommitteeDays(start, days, calendar)].map((m) => m.date));
  const flex = shiftType(station, FLEX_NIGHT_SHIFT);
  const before = dates.length ? new Date(Date.parse(`${dates[0]}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : start;
  const after = dates.length ? new Date(Date.parse(`${dates[dates.length - 1]}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : start;
  return {
    station,
    dates,
    weeks: weekKeys,
    weekOf,
    weekDays: weekKeys.map((_, w) => weekOf.flatMap((x, d) => (x === w ? [d] : []))),
    nightChoice: people.map((info) =>
      dates.some((_, d) => {
        const domain = domains[info.index * days + d]!;
        return domain.some((o) => o.night !== domain[0]!.night);
      }),
    ),
    fullWeek,
    people,
    rows,
    domains,
    published: publishedChoice,
    patternChoice,
    patternShift,
    communities,
    communityOf: people.map((p) => (p.communityId !== undefined && (p.role === 'A' || p.role === 'B') ? communityIndex.get(p.communityId) ?? -1 : -1)),
    workday: dates.map((d) => calendar.isWorkday(d)),
    holidayOff: dates.map((d) => isHolidayOff(calendar, d)),
    meetingDay: dates.map((d) => meetings.has(d)),
    calendar,
    minRestMs: station.rules.minRestHours * 3_600_000,
    hasLimits: hasLimits(station.rules),
    startWeekday: dates.length ? isoWeekday(dates[0]!) - 1 : 0,
    maxConsecutiveNights: station.rules.maxConsecutiveNights,
    communityShare: station.rules.communityShare,
    weeklyCommunityHours: station.rules.weeklyCommunityHours,
    flexHours: flex && flex.hours > 0 ? flex.hours : 0,
    nextAfterEndStartMs: people.map((info) => {
      if (isAbsent(station, info.person.id, after)) return Number.POSITIVE_INFINITY;
      const code = patternShiftCode(station, info.person, after, calendar);
      return timesOf(code, after)?.startMs ?? Number.POSITIVE_INFINITY;
    }),
    lastBeforeStartEndMs: people.map((info) => {
      if (isAbsent(station, info.person.id, before)) return Number.NEGATIVE_INFINITY;
      const code = patternShiftCode(station, info.person, before, calendar);
      return timesOf(code, before)?.endMs ?? Number.NEGATIVE_INFINITY;
    }),
    approved,
    unkeptPins,
  };
}
