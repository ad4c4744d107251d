// Test helpers: an in-memory dynalite store the handlers use, API Gateway (HTTP API, payload 2.0) events built the
// way local/gateway.ts builds them, and a way to call a Lambda handler and read its answer.
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { startEmbeddedStore } from '../../local/app.ts';
import type { ApiEvent, ApiResult } from '../../shared/http/api.ts';
import { useStore, type RosterStore } from '../../shared/store/index.ts';
import { lambdaContext as localLambdaContext } from '../../local/gateway.ts';

export type TestStore = { store: RosterStore; endpoint: string; close(): Promise<void> };

/** Starts dynalite in memory on a random port, points the handlers at it (useStore) and returns it. */
export async function startTestStore(): Promise<TestStore> {
  const embedded = await startEmbeddedStore({ memory: true });
  useStore(embedded.store);
  return embedded;
}

/** The claims of a caller; groups become API Gateway's "[a b]" string form. `null` sends no claims at all. */
export type TestClaims = { sub: string; groups: string[]; stationId?: string | null; branchId?: string | null; extra?: Record<string, string | number | boolean> };

export type ApiEventInput = {
  method: string;
  path: string;
  /** Defaults to `${method} ${path}` with `{name}` placeholders — pass it when `path` holds real values. */
  routeKey?: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as it is. */
  body?: unknown;
  claims?: TestClaims | null;
};

export function gatewayClaims(claims: TestClaims): Record<string, string | number | boolean> {
  return {
    sub: claims.sub,
    'cognito:groups': `[${claims.groups.join(' ')}]`,
    ...(claims.stationId ? { 'custom:stationId': claims.stationId } : {}),
    ...(claims.branchId ? { 'custom:branchId': claims.branchId } : {}),
    token_use: 'id',
    ...(claims.extra ?? {}),
  };
}

/** An APIGatewayProxyEventV2WithJWTAuthorizer as API Gateway (and local/gateway.ts) hands it to a function. */
export function apiEvent(input: ApiEventInput): ApiEvent {
  const now = new Date();
  const body = input.body === undefined ? undefined : typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
  const routeKey = input.routeKey ?? `${input.method} ${input.path}`;
  const rawQueryString = new URLSearchParams(input.query ?? {}).toString();
  const headers: Record<string, string> = { host: 'localhost', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(input.headers ?? {}) };
  return {
    version: '2.0',
    routeKey,
    rawPath: input.path,
    rawQueryString,
    headers,
    queryStringParameters: input.query && Object.keys(input.query).length ? input.query : undefined,
    pathParameters: input.pathParameters && Object.keys(input.pathParameters).length ? input.pathParameters : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: input.method, path: input.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      authorizer: {
        principalId: '',
        integrationLatency: 0,
        jwt: { claims: input.claims ? gatewayClaims(input.claims) : {}, scopes: [] },
      },
    },
    body,
    isBase64Encoded: false,
  } as unknown as ApiEvent;
}

export const lambdaContext = (functionName = 'test'): Context => localLambdaContext(functionName);

export type Invoked<B = any> = { status: number; headers: Record<string, string>; body: B; raw: string | undefined };

type Handler = (event: ApiEvent, context: Context) => Promise<ApiResult>;

/** Calls a handler with a minimal Lambda context; parses the body when the answer is JSON. */
export async function invoke<B = any>(handler: Handler, event: ApiEvent): Promise<Invoked<B>> {
  const result = await handler(event, lambdaContext());
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
  const raw = result.body;
  const isJson = (headers['content-type'] ?? '').includes('application/json');
  return { status: result.statusCode ?? 200, headers, body: (isJson && raw !== undefined ? JSON.parse(raw) : raw) as B, raw };
}
