// Every API route and the function folder that serves it: read by the local server and by infra/ alike,
// so the two can never disagree about what exists.
export const FUNCTIONS = ['health', 'stations', 'audit'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export type RouteSpec = { method: 'GET' | 'PUT' | 'POST' | 'DELETE'; path: string; function: FunctionName; public?: boolean };

export const ROUTES: readonly RouteSpec[] = [
  { method: 'GET', path: '/health', function: 'health', public: true },
  { method: 'GET', path: '/stations/{stationId}', function: 'stations' },
  { method: 'PUT', path: '/stations/{stationId}', function: 'stations' },
  { method: 'GET', path: '/stations/{stationId}/audit', function: 'audit' },
];

export const routeKey = (route: RouteSpec) => `${route.method} ${route.path}`;
