// Pure functions over the API documents: no DOM, no fetch. The views and the unit tests use them.
import type { Assignment, Plan, Shortfall, Violation } from '../../shared/domain/plan.ts';
import type { Pin } from '../../shared/domain/day-to-day.ts';
import type { Absence, Person, StationConfig } from '../../shared/domain/station.ts';
import { may, type Action } from '../../shared/auth/permissions.ts';
import { addDaysTo, isoWeekday } from '../../shared/rotation/index.ts';
import { postOrder } from './posts.ts';

/** A station as read from the API (GET /stations/{id}); the local sign-in directory has no id or version. */
export type Station = StationConfig & { id?: string; version?: number; updatedAt?: string; updatedBy?: string };

// ---------- dates: the core's calendar arithmetic (shared/rotation), plus what only the page needs ----------

export { addDaysTo as addDays, dateRange, isoWeek, isoWeekday, isWeekend } from '../../shared/rotation/index.ts';

/** `YYYY-MM-DD` of a local calendar date. */
export const localDate = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The Monday after `today` (a week ahead when today is a Monday): where a new plan usually starts. */
export function nextMonday(today: string): string {
  return addDaysTo(today, 8 - isoWeekday(today));
}

// ---------- people ----------

export type RowGroup = { key: string; kind: 'leadership' | 'group' | 'community' | 'auxiliaries' | 'others'; id: string; people: Person[] };

const LEADER_RANKS = new Set(['director', 'instructor', 'deputy']);
const RANK_ORDER: Record<string, number> = { director: 0, instructor: 1, deputy: 2, officer: 3, auxiliary: 4 };

/**
 * Rows of the roster: the station's leadership, then each duty group's officers, then each community's officers
 * (A first, then Bs), then the auxiliaries by duty group. Every person lands in exactly one group.
 */
export function groupPeople(station: Pick<Station, 'people' | 'groups' | 'communities'>): RowGroup[] {
  const groups: RowGroup[] = [];
  const leadership = station.people.filter((p) => LEADER_RANKS.has(p.rank)).sort((a, b) => (RANK_ORDER[a.rank] ?? 9) - (RANK_ORDER[b.rank] ?? 9) || a.id.localeCompare(b.id));
  const placed = new Set(leadership.map((p) => p.id));
  if (leadership.length) groups.push({ key: 'leadership', kind: 'leadership', id: '', people: leadership });
  const communityIds = [...station.communities.map((c) => c.id)];
  for (const p of station.people) if (p.community && !communityIds.includes(p.community.id)) communityIds.push(p.community.id);
  const inCommunity = (p: Person) => !placed.has(p.id) && p.kind === 'officer' && p.community !== undefined;
  const groupIds = [...station.groups.map((g) => g.id)];
  for (const p of station.people) if (p.group && !groupIds.includes(p.group)) groupIds.push(p.group);
  for (const g of groupIds) {
    const people = station.people.filter((p) => !placed.has(p.id) && p.kind === 'officer' && !inCommunity(p) && p.group === g);
    for (const p of people) placed.add(p.id);
    if (people.length) groups.push({ key: `group:${g}`, kind: 'group', id: g, people });
  }
  for (const c of communityIds) {
    const people = station.people
      .filter((p) => inCommunity(p) && p.community!.id === c)
      .sort((a, b) => a.community!.role.localeCompare(b.community!.role) || a.id.localeCompare(b.id));
    for (const p of people) placed.add(p.id);
    if (people.length) groups.push({ key: `community:${c}`, kind: 'community', id: c, people });
  }
  const auxiliaries = station.people
    .filter((p) => !placed.has(p.id) && p.kind === 'auxiliary')
    .sort((a, b) => (a.group ?? '~').localeCompare(b.group ?? '~') || a.id.localeCompare(b.id));
  for (const p of auxiliaries) placed.add(p.id);
  if (auxiliaries.length) groups.push({ key: 'auxiliaries', kind: 'auxiliaries', id: '', people: auxiliaries });
  const others = station.people.filter((p) => !placed.has(p.id));
  if (others.length) groups.push({ key: 'others', kind: 'others', id: '', people: others });
  return groups;
}

/** A person as the roster knows them when the station itself cannot be read (an officer reading their own roster). */
export function placeholderPerson(id: string): Person {
  return { id, name: id, kind: 'officer', rank: 'officer', group: null, skills: [], joined: '2000-01-01' };
}

// ---------- assignments, markers ----------

/** personId → date → the day's assignments, working posts first. */
export function indexAssignments(assignments: readonly Assignment[]): Map<string, Map<string, Assignment[]>> {
  const index = new Map<string, Map<string, Assignment[]>>();
  for (const a of assignments) {
    let byDate = index.get(a.personId);
    if (!byDate) {
      byDate = new Map();
      index.set(a.personId, byDate);
    }
    const list = byDate.get(a.date);
    if (list) list.push(a);
    else byDate.set(a.date, [a]);
  }
  for (const byDate of index.values())
    for (const list of byDate.values()) list.sort((x, y) => postOrder(x.post) - postOrder(y.post) || (x.start ?? '').localeCompare(y.start ?? ''));
  return index;
}

/** What a cell shows: working posts only when the person works that day; rest/absent alone otherwise. */
export function visibleAssignments(list: readonly Assignment[] | undefined): Assignment[] {
  if (!list || list.length === 0) return [];
  const working = list.filter((a) => a.post !== 'rest' && a.post !== 'absent');
  if (working.length) return working;
  const absent = list.find((a) => a.post === 'absent');
  return [absent ?? list[0]!];
}

/** `personId|date` → the violations that name that person on that date. */
export function violationIndex(violations: readonly Violation[]): Map<string, Violation[]> {
  const map = new Map<string, Violation[]>();
  for (const v of violations)
    for (const p of v.personIds)
      for (const d of v.dates) {
        const key = `${p}|${d}`;
        const list = map.get(key);
        if (list) list.push(v);
        else map.set(key, [v]);
      }
  return map;
}

/** date → the shortfalls of that date. */
export function shortfallIndex(shortfalls: readonly Shortfall[]): Map<string, Shortfall[]> {
  const map = new Map<string, Shortfall[]>();
  for (const s of shortfalls) {
    const list = map.get(s.date);
    if (list) list.push(s);
    else map.set(s.date, [s]);
  }
  return map;
}

/** `08:00–08:00 (+1)` from two ISO instants in the station's offset (the local clock time is in the string). */
export function timeSpan(start?: string, end?: string): string {
  if (!start || !end) return '';
  const clock = (s: string) => s.slice(11, 16);
  const plus = start.slice(0, 10) !== end.slice(0, 10) ? ' (+1)' : '';
  return `${clock(start)}–${clock(end)}${plus}`;
}

// ---------- the day-to-day loop: absences and pins on the grid ----------

/** An absence as `GET /stations/{id}/absences` lists it. */
export type AbsenceRecord = Pick<Absence, 'personId' | 'from' | 'to' | 'reason'> & { id?: string | undefined };

export type CellMarks = { pin?: Pin; absence?: AbsenceRecord };

/** `personId|date` → the pin and the recorded absence of that cell, for the dates shown. */
export function cellMarks(pins: readonly Pin[], absences: readonly AbsenceRecord[], dates: readonly string[]): Map<string, CellMarks> {
  const map = new Map<string, CellMarks>();
  const shown = new Set(dates);
  const at = (key: string): CellMarks => {
    const found = map.get(key);
    if (found) return found;
    const marks: CellMarks = {};
    map.set(key, marks);
    return marks;
  };
  for (const p of pins) if (shown.has(p.date)) at(`${p.personId}|${p.date}`).pin = p;
  for (const a of absences) for (const d of dates) if (d >= a.from && d <= a.to) at(`${a.personId}|${d}`).absence = a;
  return map;
}

/**
 * The posts a leader may pin a person to on a day: every post the station asks for, the community day for a
 * community officer, and rest. The API judges the hard rules (FB, SKILL-1, REST-1, ROT-4) and answers with the rule.
 */
export function pinChoices(station: Pick<StationConfig, 'demand'>, person: Pick<Person, 'community'> | undefined): string[] {
  const posts = new Set<string>(station.demand.map((d) => d.post));
  if (person?.community) posts.add('community');
  return [...posts].sort((a, b) => postOrder(a) - postOrder(b)).concat('rest');
}

// ---------- KPIs ----------

export type CommunityWeekRow = { personId: string; communityId: string | undefined; weeks: Map<string, { hours: number; share: number }> };

export function communityHoursTable(kpis: Plan['kpis']): { weeks: string[]; rows: CommunityWeekRow[] } {
  const weeks = [...new Set(kpis.community.map((k) => k.week))].sort();
  const rows = new Map<string, CommunityWeekRow>();
  for (const k of kpis.community) {
    let row = rows.get(k.personId);
    if (!row) {
      row = { personId: k.personId, communityId: k.communityId, weeks: new Map() };
      rows.set(k.personId, row);
    }
    row.weeks.set(k.week, { hours: k.hours, share: k.share });
  }
  const sorted = [...rows.values()].sort((a, b) => (a.communityId ?? '~').localeCompare(b.communityId ?? '~') || a.personId.localeCompare(b.personId));
  return { weeks, rows: sorted };
}

export function abCoverageTable(kpis: Plan['kpis']): { dates: string[]; communities: string[]; cell: (c: string, d: string) => { covered: boolean; by: string[] } | undefined } {
  const dates = [...new Set(kpis.abCoverage.map((k) => k.date))].sort();
  const communities = [...new Set(kpis.abCoverage.map((k) => k.communityId))].sort();
  const map = new Map(kpis.abCoverage.map((k) => [`${k.communityId}|${k.date}`, k]));
  return { dates, communities, cell: (c, d) => map.get(`${c}|${d}`) };
}

// ---------- who may do what: the core's decisions (shared/auth/permissions.ts), for showing buttons; the API decides ----------

export type Session = { token: string; sub: string; groups: string[]; stationId: string | null; branchId?: string | null; name?: string };

/**
 * The core's decision for the page. A branch user's scope is their own branch (the page shows a station of it); when
 * the core cannot decide without the station's branch, the page offers nothing and the API answers.
 */
function allowed(s: Session, action: Action, stationId: string): boolean {
  try {
    return may(s, action, { stationId, branchId: s.branchId ?? undefined });
  } catch {
    return false;
  }
}

const ownStation = (s: Session, stationId: string) => s.stationId === stationId;

export const canPlan = (s: Session, stationId: string) => allowed(s, 'plan.manage', stationId);
export const canReadRoster = (s: Session, stationId: string) => allowed(s, 'roster.read', stationId);
export const canRequest = (s: Session, stationId: string) => allowed(s, 'redeployment.request', stationId);
export const canReadRequests = (s: Session, stationId: string) => allowed(s, 'redeployment.read', stationId);
export const canReadStation = (s: Session, stationId: string) => allowed(s, 'station.read', stationId);
export const canConfigure = (s: Session, stationId: string) => allowed(s, 'station.configure', stationId);
export const canReadAudit = (s: Session, stationId: string) => allowed(s, 'audit.read', stationId);
/** The day-to-day loop (docs/day-to-day.md): who records absences and pins, decides leave and swaps, proposes swaps. */
export const canManageAbsences = (s: Session, stationId: string) => allowed(s, 'absence.manage', stationId) && ownStation(s, stationId);
export const canManagePins = (s: Session, stationId: string) => allowed(s, 'pin.manage', stationId) && ownStation(s, stationId);
export const canProposeSwap = (s: Session, stationId: string) => allowed(s, 'swap.propose', stationId) && ownStation(s, stationId);
export const canAskLeave = (s: Session, stationId: string) => allowed(s, 'request.own', stationId) && ownStation(s, stationId);

/** The approver role the caller would fill on a request (AP-1, AP-2, AP-4), or null. */
export function approverRole(s: Session, stationId: string, required: readonly string[]): 'director' | 'instructor' | 'branch' | null {
  for (const role of ['director', 'instructor'] as const) if (s.groups.includes(role) && ownStation(s, stationId) && required.includes(role)) return role;
  if (s.groups.includes('branch') && required.includes('branch')) return 'branch';
  return null;
}

/** The most important role of a session, for display. */
export function primaryRole(groups: readonly string[]): string {
  for (const g of ['director', 'instructor', 'deputy', 'branch', 'admin', 'officer', 'auxiliary']) if (groups.includes(g)) return g;
  return groups[0] ?? '';
}

/** Reads a JWT's claims (no check: the API checks the token). */
export function decodeToken(token: string): Session | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = JSON.parse(decodeBase64Url(part)) as Record<string, unknown>;
    const rawGroups = json['cognito:groups'];
    const groups = Array.isArray(rawGroups) ? rawGroups.map(String) : typeof rawGroups === 'string' ? rawGroups.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean) : [];
    const stationId = typeof json['custom:stationId'] === 'string' ? (json['custom:stationId'] as string) : null;
    if (typeof json.sub !== 'string') return null;
    const exp = typeof json.exp === 'number' ? json.exp : undefined;
    if (exp !== undefined && exp * 1000 < Date.now()) return null;
    const branchId = typeof json['custom:branchId'] === 'string' ? (json['custom:branchId'] as string) : null;
    return { token, sub: json.sub, groups, stationId, branchId };
  } catch {
    return null;
  }
}

function decodeBase64Url(s: string): string {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(s.length / 4) * 4, '=');
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The demo station's person for each `?as=` role (local dev sign-in). */
export const DEMO_AS: Record<string, { sub: string; groups: string[]; stationId?: string; branchId?: string }> = {
  director: { sub: 'P001', groups: ['director'], stationId: 'demo' },
  instructor: { sub: 'P002', groups: ['instructor'], stationId: 'demo' },
  deputy: { sub: 'P003', groups: ['deputy'], stationId: 'demo' },
  // A dedicated community officer (B role of C1, duty group G1): not a leader.
  officer: { sub: 'P031', groups: ['officer'], stationId: 'demo' },
  auxiliary: { sub: 'P054', groups: ['auxiliary'], stationId: 'demo' },
  // The demo station is stored without a branch: it belongs to "default".
  branch: { sub: 'branch-1', groups: ['branch'], branchId: 'default' },
  // The admin loads the official calendar's years (CAL-3); no station of their own.
  admin: { sub: 'admin-1', groups: ['admin'] },
};

/** The groups a person of the station signs in with locally. */
export const groupsForRank = (rank: string): string[] => [rank];
