// The station configuration document (API.md, `PUT /stations/{stationId}`): the single source of its public type.
// Unknown fields are refused everywhere (strict objects), so a misspelt setting is an error, not a silent default.
import { z } from 'zod';
import { StationCalendarDays } from './calendar.ts';
import { BranchId, ClockTime, IsoDate, LocalId, Share, TimeZone } from './primitives.ts';
import { PostId } from './posts.ts';
import { Pin } from './day-to-day.ts';

export const BUILTIN_PATTERNS = {
  /** ROT-1 三班两运转: primary, secondary, rest; groups one day apart. */
  'three-groups-two-running': ['P', 'S', 'R'],
  /** ROT-2 四班三运转: day, day, evening, evening, night, night, off, off; teams two days apart. */
  'four-teams-three-shifts': ['D', 'D', 'E', 'E', 'N', 'N', 'O', 'O'],
} as const;
export type BuiltinPatternName = keyof typeof BUILTIN_PATTERNS;

export const DEFAULT_ANCHOR_DATE = '2026-01-05';

export const StationRules = z.strictObject({
  /** CP-1: share of a dedicated community officer's working time spent in the community. */
  communityShare: Share.default(0.9),
  /** CP-2: weekly community hours target. */
  weeklyCommunityHours: z.number().min(0).max(168).default(36),
  /** ROT-4: hours between the end of one shift and the start of the next. */
  minRestHours: z.number().min(0).max(48).default(11),
  maxConsecutiveNights: z.int().min(1).max(31).default(3),
  /** CP-6 / AP-3: a transfer before this tenure must give a reason. */
  transferMinTenureYears: z.number().min(0).max(40).default(5),
  /** CP-4: community officers' share of the station's officers. */
  minCommunityOfficerShare: Share.default(0.4),
  // Generic limits (SEQ-1, SEQ-3, WKD-1, TYPE-1), optional; they bind off-pattern work (shared/rules/station-limits.ts).
  maxConsecutiveWorkingDays: z.int().min(1).max(31).optional(),
  minConsecutiveDaysOff: z.int().min(1).max(14).optional(),
  /** Per four weeks. */
  maxWorkedWeekends: z.int().min(0).max(4).optional(),
  /** Per four weeks, by shift code. */
  maxShiftsOfType: z.record(z.string(), z.int().min(0).max(31)).optional(),
});
export type StationRules = z.infer<typeof StationRules>;

export const ShiftType = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9]{1,8}$/, '1–8 letters or digits'),
  name: z.string().min(1).max(80),
  start: ClockTime.optional(),
  hours: z.number().min(0, 'hours must be between 0 and 24').max(24, 'hours must be between 0 and 24'),
  /** A night shift for fatigue rules; by default a shift that runs past midnight or starts at or after 18:00. */
  night: z.boolean().optional(),
});
export type ShiftType = z.infer<typeof ShiftType>;

export const Pattern = z.union([
  z.strictObject({
    cycle: z.array(z.string().min(1)).min(1, 'a cycle needs at least one shift code').max(366),
    anchorDate: IsoDate.default(DEFAULT_ANCHOR_DATE),
  }),
  z.strictObject({
    builtin: z.enum(Object.keys(BUILTIN_PATTERNS) as [BuiltinPatternName, ...BuiltinPatternName[]]),
    anchorDate: IsoDate.default(DEFAULT_ANCHOR_DATE),
  }),
]);
export type Pattern = z.infer<typeof Pattern>;

export const DutyGroup = z.strictObject({
  id: LocalId,
  name: z.string().max(80).optional(),
  offset: z.int().min(0).max(366),
});
export type DutyGroup = z.infer<typeof DutyGroup>;

export const Community = z.strictObject({
  id: LocalId,
  name: z.string().min(1).max(120),
  /** CP-5: auxiliaries working in this community (一社区一警两辅). */
  auxiliaries: z.int().min(0).max(50).default(0),
  /** AB-3: neighbouring grids that back this one up. */
  neighbours: z.array(LocalId).default([]),
});
export type Community = z.infer<typeof Community>;

export const RANKS = ['director', 'instructor', 'deputy', 'officer', 'auxiliary'] as const;
export const Rank = z.enum(RANKS);

export const CommunityPost = z.strictObject({
  id: LocalId,
  role: z.enum(['A', 'B']),
  dedicated: z.boolean(),
  since: IsoDate,
});

export const Person = z.strictObject({
  id: LocalId,
  name: z.string().min(1).max(120),
  kind: z.enum(['officer', 'auxiliary']),
  rank: Rank,
  group: LocalId.nullable().default(null),
  skills: z.array(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'skills are lower-case words such as "driver"')).default([]),
  joined: IsoDate,
  community: CommunityPost.optional(),
});
export type Person = z.infer<typeof Person>;

export const Demand = z.strictObject({
  post: PostId,
  shift: z.string().min(1),
  people: z.int('people must be a whole number').min(1, 'people must be at least 1').max(500),
  skills: z.array(z.string().min(1)).default([]),
  /** ISO weekdays (1 = Monday … 7 = Sunday) the demand applies to; all days when absent. */
  weekdays: z.array(z.int().min(1).max(7)).min(1).optional(),
  /** CAL-3: only on official workdays, rest days (weekends and holidays) or public holidays; with `weekdays`, both apply. */
  days: z.enum(['workdays', 'restDays', 'holidays']).optional(),
});
export type Demand = z.infer<typeof Demand>;

export const Absence = z.strictObject({
  /** Given by `POST .../absences` (absences written into the document by hand may have none). */
  id: z.string().regex(/^ab_[A-Za-z0-9]{1,64}$/, 'not an absence id (ab_ followed by letters and digits)').optional(),
  personId: LocalId,
  from: IsoDate,
  to: IsoDate,
  reason: z.string().min(1).max(120),
  note: z.string().max(500).optional(),
});
export type Absence = z.infer<typeof Absence>;

export const ReinforcedDutyPeriod = z.strictObject({
  from: IsoDate,
  to: IsoDate,
  note: z.string().max(500).default(''),
});
export type ReinforcedDutyPeriod = z.infer<typeof ReinforcedDutyPeriod>;

const StationShape = z.strictObject({
  name: z.string().min(1).max(120),
  /** The branch the station belongs to (API.md, Branches); absent: "default". Only admin changes it once set. */
  branchId: BranchId.optional(),
  timezone: TimeZone,
  rules: StationRules.default(StationRules.parse({})),
  shiftTypes: z.array(ShiftType).min(1),
  pattern: Pattern,
  groups: z.array(DutyGroup).default([]),
  communities: z.array(Community).default([]),
  people: z.array(Person).min(1).max(2000),
  demand: z.array(Demand).default([]),
  absences: z.array(Absence).default([]),
  reinforcedDuty: z.array(ReinforcedDutyPeriod).default([]),
  /** PIN-1: posts a leader fixed by hand (`POST .../pins`); every plan keeps them. */
  pins: z.array(Pin).default([]),
  /** CAL-3: the station's own working and rest days, winning over the official calendar. */
  calendar: StationCalendarDays.optional(),
});

type Issue = { path: (string | number)[]; message: string };

// Reference checks read the document loosely so that they run even when other fields have type errors:
// a client gets every mistake in one answer, not one layer at a time.
type Loose = Record<string, unknown>;
const entries = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.map((v) => (v !== null && typeof v === 'object' ? (v as Loose) : {})) : [];
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function duplicates(items: Loose[], field: string, where: string): Issue[] {
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  items.forEach((item, index) => {
    const k = str(item[field]);
    if (k === undefined) return;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, index);
    else issues.push({ path: [where, index, field], message: `duplicate ${field} "${k}" (also at ${where}[${first}])` });
  });
  return issues;
}

/** Cross-field checks: duplicate ids, references between sections, date ranges. */
export function stationReferenceIssues(raw: unknown): Issue[] {
  const station: Loose = raw !== null && typeof raw === 'object' ? (raw as Loose) : {};
  const shiftTypes = entries(station.shiftTypes);
  const groups = entries(station.groups);
  const communities = entries(station.communities);
  const people = entries(station.people);
  const demand = entries(station.demand);
  const absences = entries(station.absences);
  const reinforced = entries(station.reinforcedDuty);
  const issues: Issue[] = [
    ...duplicates(shiftTypes, 'code', 'shiftTypes'),
    ...duplicates(groups, 'id', 'groups'),
    ...duplicates(communities, 'id', 'communities'),
    ...duplicates(people, 'id', 'people'),
  ];
  const shiftCodes = new Set(shiftTypes.map((s) => str(s.code)));
  const groupIds = new Set(groups.map((g) => str(g.id)));
  const communityIds = new Set(communities.map((c) => str(c.id)));
  const personIds = new Set(people.map((p) => str(p.id)));

  shiftTypes.forEach((s, i) => {
    if (typeof s.hours === 'number' && s.hours > 0 && s.start === undefined)
      issues.push({ path: ['shiftTypes', i, 'start'], message: `shift "${str(s.code)}" has ${s.hours} hours but no start time` });
  });

  const rules: Loose = station.rules !== null && typeof station.rules === 'object' ? (station.rules as Loose) : {};
  if (rules.maxShiftsOfType !== null && typeof rules.maxShiftsOfType === 'object')
    for (const code of Object.keys(rules.maxShiftsOfType as object))
      if (!shiftCodes.has(code)) issues.push({ path: ['rules', 'maxShiftsOfType', code], message: `unknown shift code "${code}"` });

  const pattern: Loose = station.pattern !== null && typeof station.pattern === 'object' ? (station.pattern as Loose) : {};
  if (Array.isArray(pattern.cycle)) {
    pattern.cycle.forEach((code: unknown, i: number) => {
      if (typeof code === 'string' && !shiftCodes.has(code))
        issues.push({ path: ['pattern', 'cycle', i], message: `unknown shift code "${code}"` });
    });
  } else if (typeof pattern.builtin === 'string' && pattern.builtin in BUILTIN_PATTERNS) {
    const name = pattern.builtin as BuiltinPatternName;
    for (const code of new Set(BUILTIN_PATTERNS[name]))
      if (!shiftCodes.has(code))
        issues.push({ path: ['pattern', 'builtin'], message: `pattern "${name}" uses shift code "${code}", which shiftTypes does not define` });
  }

  communities.forEach((c, i) => {
    const neighbours: unknown[] = Array.isArray(c.neighbours) ? c.neighbours : [];
    neighbours.forEach((n, j) => {
      if (typeof n !== 'string') return;
      if (!communityIds.has(n)) issues.push({ path: ['communities', i, 'neighbours', j], message: `unknown community "${n}"` });
      else if (n === str(c.id)) issues.push({ path: ['communities', i, 'neighbours', j], message: 'a community cannot neighbour itself' });
    });
  });

  people.forEach((p, i) => {
    const group = str(p.group);
    if (group !== undefined && !groupIds.has(group)) issues.push({ path: ['people', i, 'group'], message: `unknown duty group "${group}"` });
    const post: Loose = p.community !== null && typeof p.community === 'object' ? (p.community as Loose) : {};
    const communityId = str(post.id);
    if (communityId !== undefined && !communityIds.has(communityId))
      issues.push({ path: ['people', i, 'community', 'id'], message: `unknown community "${communityId}"` });
    if (typeof p.kind === 'string' && typeof p.rank === 'string' && (p.kind === 'auxiliary') !== (p.rank === 'auxiliary'))
      issues.push({ path: ['people', i, 'rank'], message: 'rank "auxiliary" goes with kind "auxiliary" and only with it' });
    if (post.dedicated === true && p.kind === 'auxiliary')
      issues.push({ path: ['people', i, 'community', 'dedicated'], message: 'only officers are dedicated community officers' });
  });

  const hoursOf = new Map(shiftTypes.map((s) => [str(s.code), s.hours]));
  demand.forEach((d, i) => {
    const shift = str(d.shift);
    if (shift === undefined) return;
    if (!shiftCodes.has(shift)) issues.push({ path: ['demand', i, 'shift'], message: `unknown shift code "${shift}"` });
    else if (hoursOf.get(shift) === 0)
      issues.push({ path: ['demand', i, 'shift'], message: `shift "${shift}" has no hours; nobody can cover demand in it` });
    const twin = demand.findIndex((o, j) => j < i && o.post === d.post && o.shift === d.shift && sameDays(o.weekdays, d.weekdays) && o.days === d.days);
    if (twin >= 0) issues.push({ path: ['demand', i], message: `demand for ${String(d.post)} in shift ${shift} is given twice (also at demand[${twin}])` });
  });

  absences.forEach((a, i) => {
    const personId = str(a.personId);
    if (personId !== undefined && !personIds.has(personId))
      issues.push({ path: ['absences', i, 'personId'], message: `unknown person "${personId}"` });
    issues.push(...rangeIssue(a, ['absences', i]));
  });
  reinforced.forEach((r, i) => {
    issues.push(...rangeIssue(r, ['reinforcedDuty', i]));
  });

  const calendar: Loose = station.calendar !== null && typeof station.calendar === 'object' ? (station.calendar as Loose) : {};
  const workdays = new Set(Array.isArray(calendar.workdays) ? calendar.workdays.map(str) : []);
  if (Array.isArray(calendar.restDays))
    calendar.restDays.forEach((d: unknown, i: number) => {
      if (typeof d === 'string' && workdays.has(d)) issues.push({ path: ['calendar', 'restDays', i], message: `${d} is also among calendar.workdays` });
    });
  return issues;
}

function rangeIssue(range: Loose, at: (string | number)[]): Issue[] {
  const from = str(range.from);
  const to = str(range.to);
  // Only two real dates can be out of order; a malformed one has its own error already.
  const real = (d: string | undefined) => d !== undefined && IsoDate.safeParse(d).success;
  return real(from) && real(to) && to! < from! ? [{ path: [...at, 'to'], message: '"to" is before "from"' }] : [];
}

function sameDays(a: unknown, b: unknown): boolean {
  const key = (d: unknown) => (Array.isArray(d) ? [...new Set(d)].sort().join(',') : 'all');
  return key(a) === key(b);
}

/** A station configuration as sent by a client and as stored (defaults filled in). */
export const StationConfig = StationShape.superRefine((station, ctx) => {
  for (const issue of stationReferenceIssues(station)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

/**
 * Validates a client's document and lists every problem at once: shape and type errors from zod, and the
 * reference checks even where the shape is broken elsewhere.
 */
export function validateStationConfig(
  raw: unknown,
): { ok: true; value: StationConfig } | { ok: false; issues: Issue[] } {
  const parsed = StationShape.safeParse(raw);
  const references = stationReferenceIssues(raw);
  if (parsed.success && references.length === 0) return { ok: true, value: parsed.data };
  const shapeIssues: Issue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
  return { ok: false, issues: [...shapeIssues, ...references] };
}
export type StationConfig = z.infer<typeof StationConfig>;
export type StationConfigInput = z.input<typeof StationConfig>;

/** What the store adds to a configuration: its id and optimistic-locking version, and who wrote it last. */
export const StationStamp = z.object({ id: z.string(), version: z.int().min(1), updatedAt: z.string(), updatedBy: z.string() });

/** A station as the API returns it: the configuration plus its id and optimistic-locking version. */
export const StationDocument = StationConfig.and(StationStamp);
export type StationRecord = StationConfig & z.infer<typeof StationStamp>;
