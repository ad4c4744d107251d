// Helpers of the day-to-day tests: one way to call any handler by its route template, the small station of the
// approvals tests with a driver demand added, and a published plan to work on.
import type { Context } from 'aws-lambda';
import { handler as absencesHandler } from '../../functions/absences/handler.ts';
import { handler as pinsHandler } from '../../functions/pins/handler.ts';
import { handler as plansHandler } from '../../functions/plans/handler.ts';
import { handler as rosterHandler } from '../../functions/roster/handler.ts';
import type { ApiEvent, ApiResult } from '../../shared/http/api.ts';
import { apiEvent, invoke, type Invoked, type TestClaims } from '../helpers/dynalite.ts';
import { as, mondayAfter, putStation, smallStation } from '../approvals/helpers.ts';
import type { Doc } from '../helpers/fixtures.ts';

type Handler = (event: ApiEvent, context: Context) => Promise<ApiResult>;
export type Call = { claims?: TestClaims | null; body?: unknown; query?: Record<string, string>; headers?: Record<string, string> };

/** Calls `handler` for `METHOD /template/{with}/{params}` filled from `values`. */
export function call(handler: Handler, method: string, template: string, values: Record<string, string>, c: Call = {}): Promise<Invoked> {
  const path = template.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? '');
  return invoke(
    handler,
    apiEvent({
      method,
      path,
      routeKey: `${method} ${template}`,
      pathParameters: values,
      claims: c.claims ?? null,
      ...(c.body !== undefined ? { body: c.body } : {}),
      ...(c.query ? { query: c.query } : {}),
      ...(c.headers ? { headers: c.headers } : {}),
    }),
  );
}

export const S = 'small';
export const director = as(['director'], 'P001', S);
export const instructor = as(['instructor'], 'P002', S);
export const deputy = as(['deputy'], 'P003', S);
export const officer = as(['officer'], 'P010', S);
export const colleague = as(['officer'], 'P011', S);
export const communityOfficer = as(['officer'], 'P021', S);
export const auxiliary = as(['auxiliary'], 'P040', S);

/** The small station with patrol car 01 in the primary shift (drivers only): P010, P011, P012 drive. */
export function station(): Doc {
  const doc = smallStation();
  (doc.demand as unknown[]).push({ post: 'patrol-01', shift: 'P', people: 1, skills: ['driver'] });
  return doc;
}

export async function setUp(): Promise<void> {
  const put = await putStation(S, station(), director);
  if (put.status !== 201) throw new Error(`station: ${put.status} ${JSON.stringify(put.body)}`);
}

export const absences = {
  post: (body: unknown, claims: TestClaims | null = deputy) => call(absencesHandler, 'POST', '/stations/{stationId}/absences', { stationId: S }, { claims, body }),
  list: (query: Record<string, string> = {}, claims: TestClaims | null = deputy) => call(absencesHandler, 'GET', '/stations/{stationId}/absences', { stationId: S }, { claims, query }),
  remove: (absenceId: string, claims: TestClaims | null = deputy) => call(absencesHandler, 'DELETE', '/stations/{stationId}/absences/{absenceId}', { stationId: S, absenceId }, { claims }),
};

export const pins = {
  post: (body: unknown, claims: TestClaims | null = director) => call(pinsHandler, 'POST', '/stations/{stationId}/pins', { stationId: S }, { claims, body }),
  list: (query: Record<string, string> = {}, claims: TestClaims | null = director) => call(pinsHandler, 'GET', '/stations/{stationId}/pins', { stationId: S }, { claims, query }),
  remove: (pinId: string, claims: TestClaims | null = director) => call(pinsHandler, 'DELETE', '/stations/{stationId}/pins/{pinId}', { stationId: S, pinId }, { claims }),
};

export const plans = {
  create: (body: unknown, claims: TestClaims | null = director) => call(plansHandler, 'POST', '/stations/{stationId}/plans', { stationId: S }, { claims, body }),
  get: (planId: string, claims: TestClaims | null = director) => call(plansHandler, 'GET', '/stations/{stationId}/plans/{planId}', { stationId: S, planId }, { claims }),
  publish: (planId: string, claims: TestClaims | null = director) => call(plansHandler, 'POST', '/stations/{stationId}/plans/{planId}/publish', { stationId: S, planId }, { claims }),
  replanDays: (query: Record<string, string> = {}, claims: TestClaims | null = director) => call(plansHandler, 'GET', '/stations/{stationId}/replan', { stationId: S }, { claims, query }),
  replan: (body: unknown = {}, claims: TestClaims | null = director) => call(plansHandler, 'POST', '/stations/{stationId}/replan', { stationId: S }, { claims, body }),
};

export const roster = (query: Record<string, string>, claims: TestClaims | null = director) =>
  call(rosterHandler, 'GET', '/stations/{stationId}/roster', { stationId: S }, { claims, query });

/** Plans and publishes `days` days from `start`; returns the published plan. */
export async function publishPlan(start: string, days: number, claims: TestClaims = director) {
  const made = await plans.create({ start, days, seconds: 0.2 }, claims);
  if (made.status !== 201) throw new Error(`plan: ${made.status} ${JSON.stringify(made.body)}`);
  const published = await plans.publish(made.body.id, claims);
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body;
}

export const firstMonday = () => mondayAfter(7);

import { handler as requestsHandler } from '../../functions/requests/handler.ts';
import { handler as meHandler } from '../../functions/me/handler.ts';
import { handler as feedsHandler } from '../../functions/feeds/handler.ts';

export const leave = {
  ask: (body: unknown, claims: TestClaims | null = officer) => call(requestsHandler, 'POST', '/stations/{stationId}/leave-requests', { stationId: S }, { claims, body }),
  list: (query: Record<string, string> = {}, claims: TestClaims | null = deputy) => call(requestsHandler, 'GET', '/stations/{stationId}/leave-requests', { stationId: S }, { claims, query }),
  decide: (leaveId: string, body: unknown, claims: TestClaims | null = deputy) => call(requestsHandler, 'POST', '/stations/{stationId}/leave-requests/{leaveId}/decisions', { stationId: S, leaveId }, { claims, body }),
  withdraw: (leaveId: string, claims: TestClaims | null = officer) => call(requestsHandler, 'POST', '/stations/{stationId}/leave-requests/{leaveId}/withdraw', { stationId: S, leaveId }, { claims }),
};

export const swaps = {
  propose: (body: unknown, claims: TestClaims | null = officer) => call(requestsHandler, 'POST', '/stations/{stationId}/swaps', { stationId: S }, { claims, body }),
  check: (body: unknown, claims: TestClaims | null = officer) => call(requestsHandler, 'POST', '/stations/{stationId}/swaps/check', { stationId: S }, { claims, body }),
  list: (query: Record<string, string> = {}, claims: TestClaims | null = deputy) => call(requestsHandler, 'GET', '/stations/{stationId}/swaps', { stationId: S }, { claims, query }),
  accept: (swapId: string, claims: TestClaims | null) => call(requestsHandler, 'POST', '/stations/{stationId}/swaps/{swapId}/accept', { stationId: S, swapId }, { claims }),
  decide: (swapId: string, body: unknown, claims: TestClaims | null = deputy) => call(requestsHandler, 'POST', '/stations/{stationId}/swaps/{swapId}/decisions', { stationId: S, swapId }, { claims, body }),
  withdraw: (swapId: string, claims: TestClaims | null = officer) => call(requestsHandler, 'POST', '/stations/{stationId}/swaps/{swapId}/withdraw', { stationId: S, swapId }, { claims }),
};

export const inbox = (claims: TestClaims | null = deputy) => call(requestsHandler, 'GET', '/stations/{stationId}/inbox', { stationId: S }, { claims });

export const notices = {
  list: (claims: TestClaims | null, lang = 'en') => call(meHandler, 'GET', '/me/notices', {}, { claims, headers: { 'accept-language': lang } }),
  read: (upTo: unknown, claims: TestClaims | null) => call(meHandler, 'POST', '/me/notices/read', {}, { claims, body: upTo }),
};

export const feeds = {
  create: (claims: TestClaims | null) => call(meHandler, 'POST', '/me/calendar-feed', {}, { claims }),
  revoke: (claims: TestClaims | null) => call(meHandler, 'DELETE', '/me/calendar-feed', {}, { claims }),
  /** Fetches a feed URL's path with no token at all. */
  fetch: (url: string) => {
    const feed = url.split('/feeds/')[1] ?? '';
    return call(feedsHandler, 'GET', '/feeds/{feed}', { feed }, { claims: null });
  },
};
