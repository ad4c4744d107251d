// A local API Gateway (HTTP API, payload 2.0): matches a request to a route of functions/routes.ts, checks the token
// as the JWT authorizer would, builds the very event Lambda receives and calls the same handler function.
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { ROUTES, routeKey, type FunctionName, type RouteSpec } from '../functions/routes.ts';
import type { ApiEvent, ApiResult } from '../shared/http/api.ts';
import { REQUEST_ID_HEADER } from '../shared/http/observe.ts';
import type { DevAuthority } from './dev-auth.ts';

type LambdaHandler = (event: ApiEvent, context: Context) => Promise<ApiResult>;

// The same modules Lambda loads, one per function folder.
const loaders: Record<FunctionName, () => Promise<{ handler: LambdaHandler }>> = {
  health: () => import('../functions/health/handler.ts') as Promise<{ handler: LambdaHandler }>,
  'api-docs': () => import('../functions/api-docs/handler.ts') as Promise<{ handler: LambdaHandler }>,
  stations: () => import('../functions/stations/handler.ts') as Promise<{ handler: LambdaHandler }>,
  audit: () => import('../functions/audit/handler.ts') as Promise<{ handler: LambdaHandler }>,
  plans: () => import('../functions/plans/handler.ts') as Promise<{ handler: LambdaHandler }>,
  roster: () => import('../functions/roster/handler.ts') as Promise<{ handler: LambdaHandler }>,
  calendar: () => import('../functions/calendar/handler.ts') as Promise<{ handler: LambdaHandler }>,
  redeployments: () => import('../functions/redeployments/handler.ts') as Promise<{ handler: LambdaHandler }>,
  'reinforced-duty': () => import('../functions/reinforced-duty/handler.ts') as Promise<{ handler: LambdaHandler }>,
  absences: () => import('../functions/absences/handler.ts') as Promise<{ handler: LambdaHandler }>,
  pins: () => import('../functions/pins/handler.ts') as Promise<{ handler: LambdaHandler }>,
  requests: () => import('../functions/requests/handler.ts') as Promise<{ handler: LambdaHandler }>,
  me: () => import('../functions/me/handler.ts') as Promise<{ handler: LambdaHandler }>,
  feeds: () => import('../functions/feeds/handler.ts') as Promise<{ handler: LambdaHandler }>,
  branches: () => import('../functions/branches/handler.ts') as Promise<{ handler: LambdaHandler }>,
};

type CompiledRoute = { spec: RouteSpec; pattern: RegExp; names: string[] };

const compiled: CompiledRoute[] = ROUTES.map((spec) => {
  const names: string[] = [];
  const escaped = spec.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `^${escaped.replace(/\{(\w+)\}/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}$`,
  );
  return { spec, pattern, names };
});

export type GatewayRequest = { method: string; path: string; query: string; headers: Record<string, string>; body: string | undefined };

export function matchRoute(method: string, path: string): { spec: RouteSpec; params: Record<string, string> } | 'method-not-allowed' | 'bad-escape' | null {
  let pathMatched = false;
  for (const route of compiled) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (route.spec.method !== method) continue;
    const params: Record<string, string> = {};
    try {
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1]!);
      });
    } catch {
      return 'bad-escape';
    }
    return { spec: route.spec, params };
  }
  return pathMatched ? 'method-not-allowed' : null;
}

/** The gateway's own refusals carry the request id too, as every answer of the product does. */
const errorResult = (status: number, code: string, message: string, requestId: string): ApiResult => ({
  statusCode: status,
  headers: { 'content-type': 'application/json; charset=utf-8', [REQUEST_ID_HEADER]: requestId },
  body: JSON.stringify({ error: { code, message, details: [], requestId } }),
});

export async function dispatch(request: GatewayRequest, auth: DevAuthority): Promise<ApiResult | null> {
  const matched = matchRoute(request.method, request.path);
  if (matched === null) return null;
  const requestId = randomUUID();
  if (matched === 'bad-escape') return errorResult(400, 'BAD_REQUEST', `The path ${request.path} has a malformed %-escape.`, requestId);
  if (matched === 'method-not-allowed') return errorResult(405, 'METHOD_NOT_ALLOWED', `${request.method} is not served on ${request.path}.`, requestId);
  const { spec, params } = matched;
  let claims: Record<string, string | number | boolean> | null = null;
  if (!spec.public) {
    claims = await auth.verify(request.headers.authorization);
    if (!claims) return errorResult(401, 'UNAUTHENTICATED', 'Sign in first: the token is missing, forged or expired.', requestId);
  }
  const now = new Date();
  const search = new URLSearchParams(request.query);
  const queryStringParameters: Record<string, string> = {};
  for (const key of new Set(search.keys())) queryStringParameters[key] = search.getAll(key).join(',');
  const event = {
    version: '2.0',
    routeKey: routeKey(spec),
    rawPath: request.path,
    rawQueryString: request.query,
    headers: request.headers,
    queryStringParameters: Object.keys(queryStringParameters).length ? queryStringParameters : undefined,
    pathParameters: Object.keys(params).length ? params : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: request.headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: { method: request.method, path: request.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: request.headers['user-agent'] ?? '' },
      requestId,
      routeKey: routeKey(spec),
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
    },
    body: request.body,
    isBase64Encoded: false,
  } as unknown as ApiEvent;
  const { handler } = await loaders[spec.function]();
  return handler(event, lambdaContext(spec.function));
}

/** The Lambda context a handler gets locally (and in handler tests). */
export function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
