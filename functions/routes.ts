// Every API route and the function folder that serves it: read by the local server and by infra/ alike,
// so the two can never disagree about what exists.
export const FUNCTIONS = ['health', 'stations', 'audit', 'plans', 'roster'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export type RouteSpec = { method: 'GET' | 'PUT' | 'POST' | 'DELETE'; path: string; function: FunctionName; public?: boolean };

export const ROUTES: readonly RouteSpec[] = [
  { method: 'GET', path: '/health', function: 'health', public: true },
  { method: 'GET', path: '/stations/{stationId}', function: 'stations' },
  { method: 'PUT', path: '/stations/{stationId}', function: 'stations' },
  { method: 'GET', path: '/stations/{stationId}/audit', function: 'audit' },
  { method: 'POST', path: '/stations/{stationId}/plans', function: 'plans' },
  { method: 'GET', path: '/stations/{stationId}/plans/{planId}', function: 'plans' },
  { method: 'POST', path: '/stations/{stationId}/plans/{planId}/publish', function: 'plans' },
  { method: 'GET', path: '/stations/{stationId}/roster', function: 'roster' },
];

export const routeKey = (route: RouteSpec) => `${route.method} ${route.path}`;

/**
 * The DynamoDB actions each function may use (least privilege in infra/). Writes that carry audit entries also
 * flush them (PutItem into the audit partition, UpdateItem to clear the outbox).
 */
export const TABLE_ACTIONS: Record<FunctionName, readonly string[]> = {
  health: [],
  stations: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  audit: ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  // Reads the station and published plans (GetItem, Query on gsi1 and body parts); writes body parts and heads
  // (PutItem), publishes (UpdateItem), flushes audit entries (PutItem, UpdateItem).
  plans: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  // Read only: the station, published plan heads (gsi1) and bodies.
  roster: ['dynamodb:GetItem', 'dynamodb:Query'],
};
