// Calls any route of functions/routes.ts by its route key, through the very handler Lambda would run.
import { handler as auditHandler } from '../../functions/audit/handler.ts';
import { handler as apiDocsHandler } from '../../functions/api-docs/handler.ts';
import { handler as branchesHandler } from '../../functions/branches/handler.ts';
import { handler as calendarHandler } from '../../functions/calendar/handler.ts';
import { handler as healthHandler } from '../../functions/health/handler.ts';
import { handler as plansHandler } from '../../functions/plans/handler.ts';
import { handler as redeploymentsHandler } from '../../functions/redeployments/handler.ts';
import { handler as reinforcedHandler } from '../../functions/reinforced-duty/handler.ts';
import { handler as rosterHandler } from '../../functions/roster/handler.ts';
import { handler as stationsHandler } from '../../functions/stations/handler.ts';
import { ROUTES, type FunctionName, type RouteSpec } from '../../functions/routes.ts';
import { apiEvent, invoke, type Invoked, type TestClaims } from '../helpers/dynalite.ts';

const HANDLERS: Record<FunctionName, Parameters<typeof invoke>[0]> = {
  health: healthHandler,
  stations: stationsHandler,
  audit: auditHandler,
  plans: plansHandler,
  roster: rosterHandler,
  redeployments: redeploymentsHandler,
  'reinforced-duty': reinforcedHandler,
  branches: branchesHandler,
  calendar: calendarHandler,
  'api-docs': apiDocsHandler,
};

export type Call = { params: Record<string, string>; claims: TestClaims | null; body?: unknown; query?: Record<string, string> };

export function callRoute(route: RouteSpec, call: Call): Promise<Invoked> {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => call.params[name] ?? `{${name}}`);
  return invoke(
    HANDLERS[route.function],
    apiEvent({
      method: route.method,
      path,
      routeKey: `${route.method} ${route.path}`,
      pathParameters: call.params,
      claims: call.claims,
      ...(call.body !== undefined ? { body: call.body } : {}),
      ...(call.query ? { query: call.query } : {}),
    }),
  );
}

export function route(key: string): RouteSpec {
  const found = ROUTES.find((r) => `${r.method} ${r.path}` === key);
  if (!found) throw new Error(`no route ${key}`);
  return found;
}

export const call = (key: string, c: Call) => callRoute(route(key), c);

export const listBranch = (branchId: string, claims: TestClaims, query?: Record<string, string>) =>
  call('GET /branches/{branchId}/stations', { params: { branchId }, claims, ...(query ? { query } : {}) });
