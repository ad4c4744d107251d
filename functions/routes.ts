// Every API route and the function folder that serves it: read by the local server and by infra/ alike,
// so the two can never disagree about what exists.
export const FUNCTIONS = ['health', 'api-docs', 'stations', 'audit', 'plans', 'roster', 'redeployments', 'reinforced-duty', 'calendar', 'branches'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export type RouteSpec = { method: 'GET' | 'PUT' | 'POST' | 'DELETE'; path: string; function: FunctionName; public?: boolean };

export const ROUTES: readonly RouteSpec[] = [
  { method: 'GET', path: '/health', function: 'health', public: true },
  { method: 'GET', path: '/openapi.json', function: 'api-docs', public: true },
  { method: 'GET', path: '/docs', function: 'api-docs', public: true },
  { method: 'GET', path: '/stations/{stationId}', function: 'stations' },
  { method: 'PUT', path: '/stations/{stationId}', function: 'stations' },
  { method: 'GET', path: '/stations/{stationId}/audit', function: 'audit' },
  { method: 'POST', path: '/stations/{stationId}/plans', function: 'plans' },
  { method: 'GET', path: '/stations/{stationId}/plans/{planId}', function: 'plans' },
  { method: 'POST', path: '/stations/{stationId}/plans/{planId}/publish', function: 'plans' },
  { method: 'GET', path: '/stations/{stationId}/roster', function: 'roster' },
  { method: 'POST', path: '/stations/{stationId}/redeployments', function: 'redeployments' },
  { method: 'GET', path: '/stations/{stationId}/redeployments', function: 'redeployments' },
  { method: 'GET', path: '/stations/{stationId}/redeployments/{redeploymentId}', function: 'redeployments' },
  { method: 'POST', path: '/stations/{stationId}/redeployments/{redeploymentId}/decisions', function: 'redeployments' },
  { method: 'POST', path: '/stations/{stationId}/redeployments/{redeploymentId}/withdraw', function: 'redeployments' },
  { method: 'POST', path: '/stations/{stationId}/reinforced-duty', function: 'reinforced-duty' },
  { method: 'GET', path: '/calendar', function: 'calendar' },
  { method: 'PUT', path: '/calendar/{year}', function: 'calendar' },
  { method: 'GET', path: '/branches/{branchId}/stations', function: 'branches' },
];

export const routeKey = (route: RouteSpec) => `${route.method} ${route.path}`;

/**
 * The DynamoDB actions each function may use (least privilege in infra/). Writes that carry audit entries also
 * flush them (PutItem into the audit partition, UpdateItem to clear the outbox).
 */
export const TABLE_ACTIONS: Record<FunctionName, readonly string[]> = {
  health: [],
  'api-docs': [],
  // Also keeps the station's summary under its branch (Query on gsi1 and the station partition to compute it,
  // PutItem to store it, DeleteItem from the old branch when admin moves the station).
  stations: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
  audit: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  // Reads the station and published plans (GetItem, Query on gsi1 and body parts); writes body parts and heads
  // (PutItem), publishes (UpdateItem), flushes audit entries (PutItem, UpdateItem).
  plans: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  // Read only: the station, published plan heads (gsi1) and bodies.
  roster: ['dynamodb:GetItem', 'dynamodb:Query'],
  // Reads the station and requests (GetItem; Query on the station partition, gsi1 by status, published plan heads);
  // creates requests (PutItem) and changes them (UpdateItem, conditional on version); marks published plan heads as
  // needing a re-plan (UpdateItem); flushes audit entries (PutItem, UpdateItem). Never deletes, never scans.
  redeployments: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  // Reads the station (GetItem) and published plan heads (Query on gsi1); writes the station (UpdateItem, conditional
  // on version), marks plan heads (UpdateItem), flushes audit entries (PutItem, UpdateItem).
  'reinforced-duty': ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  // Reads the loaded years (Query on the calendar partition, GetItem); loads a year (PutItem, conditional on its
  // version) and flushes its audit entry (PutItem, UpdateItem).
  calendar: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  // Read only: one Query on the branch's partition of station summaries (plans, redeployments, reinforced-duty and
  // the nightly worker rewrite a summary with PutItem after their change, which they may already).
  branches: ['dynamodb:Query'],
};

/** Functions without routes: the nightly job (infra/ wires the dispatcher to the schedule, the worker to the queue). */
export const JOB_FUNCTIONS = ['nightly-dispatch', 'nightly-worker'] as const;
export type JobFunctionName = (typeof JOB_FUNCTIONS)[number];

export const JOB_TABLE_ACTIONS: Record<JobFunctionName, readonly string[]> = {
  // Pages through the stations (Query on gsi1); nothing else.
  'nightly-dispatch': ['dynamodb:Query'],
  // Reads the station, published plans and approved redeployments (GetItem, Query); claims and finishes the night's
  // marker (UpdateItem); stores and publishes the night's plan (PutItem, UpdateItem) and flushes audit entries.
  'nightly-worker': ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
};
