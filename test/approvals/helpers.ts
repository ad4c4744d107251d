// Helpers of the approvals tests: a small station whose grid is easy to reason about, dates relative to today, and
// calls of the redeployment and reinforced-duty handlers with API Gateway events.
import { handler as auditHandler } from '../../functions/audit/handler.ts';
import { handler as redeploymentsHandler } from '../../functions/redeployments/handler.ts';
import { handler as reinforcedHandler } from '../../functions/reinforced-duty/handler.ts';
import { handler as stationsHandler } from '../../functions/stations/handler.ts';
import { todayIn } from '../../shared/approvals/index.ts';
import type { AuditEntry } from '../../shared/domain/audit.ts';
import { StationConfig } from '../../shared/domain/station.ts';
import { addDaysTo, daysBetween, isoWeekday } from '../../shared/rotation/index.ts';
import { apiEvent, invoke, type Invoked, type TestClaims } from '../helpers/dynalite.ts';
import type { Doc } from '../helpers/fixtures.ts';

export const ZONE = 'Asia/Shanghai';
export const ANCHOR = '2026-01-05';

/**
 * A small station (ROT-1, groups one day apart from 2026-01-05): the chiefs P001/P002, deputy P003, three ordinary
 * officers one per group, grid C1 with its A P020 (no group: community weekdays) and B P021 (group G1, under five
 * years in the post), grid C2 with its A P030, and an auxiliary in G1. Demand: station duty in the secondary shift,
 * three people who know the district (skill `local-knowledge`: G1's officer and auxiliary and the community officers
 * have it, so nobody else can be called in); on G1's S days two seats are filled, and only a redeployment of the B
 * fills the third.
 */
export function smallStation(name = 'Small'): Doc {
  return {
    name,
    timezone: ZONE,
    rules: { communityShare: 0.9, weeklyCommunityHours: 36, minRestHours: 11, maxConsecutiveNights: 3, transferMinTenureYears: 5 },
    shiftTypes: [
      { code: 'P', name: 'primary', start: '08:00', hours: 24 },
      { code: 'S', name: 'secondary', start: '08:00', hours: 10 },
      { code: 'R', name: 'rest', hours: 0 },
      { code: 'W', name: 'community weekday', start: '08:30', hours: 8 },
      { code: 'F', name: 'flexible night', start: '18:00', hours: 4 },
    ],
    pattern: { cycle: ['P', 'S', 'R'], anchorDate: ANCHOR },
    groups: [
      { id: 'G1', offset: 0 },
      { id: 'G2', offset: 1 },
      { id: 'G3', offset: 2 },
    ],
    communities: [
      { id: 'C1', name: 'Dashilan West', auxiliaries: 2 },
      { id: 'C2', name: 'Dashilan East', auxiliaries: 2 },
    ],
    people: [
      { id: 'P001', name: 'Zhang Wei', kind: 'officer', rank: 'director', group: null, skills: [], joined: '2003-07-01' },
      { id: 'P002', name: 'Huang Lei', kind: 'officer', rank: 'instructor', group: null, skills: [], joined: '2004-07-01' },
      { id: 'P003', name: 'Hu Tao', kind: 'officer', rank: 'deputy', group: null, skills: [], joined: '2008-07-01' },
      { id: 'P010', name: 'Zhou Peng', kind: 'officer', rank: 'officer', group: 'G1', skills: ['driver', 'local-knowledge'], joined: '2012-01-01' },
      { id: 'P011', name: 'Guo Na', kind: 'officer', rank: 'officer', group: 'G2', skills: ['driver'], joined: '2013-01-01' },
      { id: 'P012', name: 'Li Yong', kind: 'officer', rank: 'officer', group: 'G3', skills: ['driver'], joined: '2014-01-01' },
      { id: 'P020', name: 'Wang Fang', kind: 'officer', rank: 'officer', group: null, skills: ['local-knowledge'], joined: '2006-03-01', community: { id: 'C1', role: 'A', dedicated: true, since: '2015-09-01' } },
      { id: 'P021', name: 'Xu Xin', kind: 'officer', rank: 'officer', group: 'G1', skills: ['local-knowledge'], joined: '2019-09-01', community: { id: 'C1', role: 'B', dedicated: true, since: '2024-09-01' } },
      { id: 'P030', name: 'Sun Yong', kind: 'officer', rank: 'officer', group: null, skills: ['local-knowledge'], joined: '2001-07-01', community: { id: 'C2', role: 'A', dedicated: true, since: '2012-03-01' } },
      { id: 'P040', name: 'Ma Tao', kind: 'auxiliary', rank: 'auxiliary', group: 'G1', skills: ['local-knowledge'], joined: '2021-03-01' },
    ],
    demand: [{ post: 'station-duty', shift: 'S', people: 3, skills: ['local-knowledge'] }],
    absences: [],
    reinforcedDuty: [],
  };
}

export const smallConfig = (doc: Doc = smallStation()): StationConfig => StationConfig.parse(doc);

/** The shift code of a duty group on a date (cycle P, S, R from the anchor). */
export function groupCode(offset: number, date: string): 'P' | 'S' | 'R' {
  const cycle = ['P', 'S', 'R'] as const;
  return cycle[(((daysBetween(ANCHOR, date) + offset) % 3) + 3) % 3]!;
}

/** The first date on or after `from` that satisfies `test`. */
export function firstDate(from: string, test: (date: string) => boolean): string {
  for (let d = from, i = 0; i < 400; d = addDaysTo(d, 1), i++) if (test(d)) return d;
  throw new Error(`no date after ${from}`);
}

export const weekday = (date: string): boolean => isoWeekday(date) <= 5;
export const today = (): string => todayIn(ZONE);
/** The Monday at least `days` days from today. */
export const mondayAfter = (days: number): string => firstDate(addDaysTo(today(), days), (d) => isoWeekday(d) === 1);

/**
 * A caller's claims. A `branch` caller belongs to the branch "default" unless told otherwise: the stations of these
 * tests are stored without `branchId`, which reads as "default" (API.md, Branches).
 */
export const as = (groups: string[], sub: string, stationId: string | null, branchId: string | null = groups.includes('branch') ? 'default' : null): TestClaims => ({
  sub,
  groups,
  stationId,
  ...(branchId ? { branchId } : {}),
});

type Call = { claims?: TestClaims | null; body?: unknown; query?: Record<string, string>; headers?: Record<string, string> };

export function callRedeployments(method: 'GET' | 'POST', stationId: string, rest: '' | `/${string}`, call: Call = {}): Promise<Invoked> {
  const segments = rest.split('/').filter(Boolean);
  const redeploymentId = segments[0];
  const tail = segments[1];
  const template = `/stations/{stationId}/redeployments${redeploymentId ? '/{redeploymentId}' : ''}${tail ? `/${tail}` : ''}`;
  return invoke(
    redeploymentsHandler,
    apiEvent({
      method,
      path: `/stations/${stationId}/redeployments${rest}`,
      routeKey: `${method} ${template}`,
      pathParameters: { stationId, ...(redeploymentId ? { redeploymentId } : {}) },
      claims: call.claims ?? null,
      ...(call.body !== undefined ? { body: call.body } : {}),
      ...(call.query ? { query: call.query } : {}),
      ...(call.headers ? { headers: call.headers } : {}),
    }),
  );
}

export const fileRequest = (stationId: string, body: unknown, claims: TestClaims | null) => callRedeployments('POST', stationId, '', { body, claims });
export const decideOn = (stationId: string, id: string, body: unknown, claims: TestClaims | null) => callRedeployments('POST', stationId, `/${id}/decisions`, { body, claims });
export const withdrawOf = (stationId: string, id: string, claims: TestClaims | null, body?: unknown) => callRedeployments('POST', stationId, `/${id}/withdraw`, { claims, body });
export const readRequest = (stationId: string, id: string, claims: TestClaims | null) => callRedeployments('GET', stationId, `/${id}`, { claims });
export const listRequests = (stationId: string, claims: TestClaims | null, query: Record<string, string> = {}) => callRedeployments('GET', stationId, '', { claims, query });

export function declareReinforced(stationId: string, body: unknown, claims: TestClaims | null): Promise<Invoked> {
  return invoke(
    reinforcedHandler,
    apiEvent({ method: 'POST', path: `/stations/${stationId}/reinforced-duty`, routeKey: 'POST /stations/{stationId}/reinforced-duty', pathParameters: { stationId }, claims, body }),
  );
}

export function putStation(stationId: string, body: unknown, claims: TestClaims): Promise<Invoked> {
  return invoke(stationsHandler, apiEvent({ method: 'PUT', path: `/stations/${stationId}`, routeKey: 'PUT /stations/{stationId}', pathParameters: { stationId }, claims, body }));
}

export function getStation(stationId: string, claims: TestClaims): Promise<Invoked> {
  return invoke(stationsHandler, apiEvent({ method: 'GET', path: `/stations/${stationId}`, routeKey: 'GET /stations/{stationId}', pathParameters: { stationId }, claims }));
}

export async function auditOf(stationId: string, claims: TestClaims): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let next: string | null = null;
  do {
    const answer: Invoked = await invoke(
      auditHandler,
      apiEvent({
        method: 'GET',
        path: `/stations/${stationId}/audit`,
        routeKey: 'GET /stations/{stationId}/audit',
        pathParameters: { stationId },
        claims,
        query: { limit: '500', ...(next ? { next } : {}) },
      }),
    );
    if (answer.status !== 200) throw new Error(`audit: ${answer.status} ${JSON.stringify(answer.body)}`);
    entries.push(...(answer.body.items as AuditEntry[]));
    next = answer.body.next as string | null;
  } while (next);
  return entries;
}
