// The thin HTTP shell every function shares: API Gateway HTTP API (payload 2.0) events in, API.md answers out.
// Middlewares, one job each: logs, request id and metrics (observe); compress the answer; answer errors in the API.md
// shape; lower-case the request's header names; read claims; refuse oversized bodies; parse JSON.
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import type { Actor } from '../domain/audit.ts';
import { DomainError, badRequest, formatPath } from '../domain/errors.ts';
import { langOf, render, say, type Lang } from '../i18n/index.ts';
import { localizeDetails } from '../i18n/details.ts';
import { logger } from '../telemetry.ts';
import { contentEncoding } from './content-encoding.ts';
import { correlationIdOf, observe } from './observe.ts';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

/** What a route sees: the parsed request with the caller's identity. */
export type ApiRequest = {
  routeKey: string;
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  actor: Actor;
  /** The reader's language: `?lang=zh|en`, else `Accept-Language` (zh, zh-* → Chinese), else English. */
  lang: Lang;
};

export type RouteResponse = {
  status?: number;
  body?: unknown;
  /** Raw text answers (CSV, iCalendar) with their content type. */
  text?: string;
  /** Binary answers (.xlsx), sent base64-encoded as API Gateway expects. */
  binary?: Uint8Array;
  headers?: Record<string, string>;
};

export type Route = (request: ApiRequest) => Promise<RouteResponse>;

export const MAX_BODY_BYTES = 1024 * 1024;

/** Middy's convention: middlewares leave what they parsed on the event for the handler. */
type ParsedEvent = ApiEvent & { parsedBody?: unknown; actor?: Actor };

const json = (status: number, body: unknown, headers: Record<string, string> = {}): ApiResult => ({
  statusCode: status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

/** The reader's language of an event: `?lang=` wins over `Accept-Language`. */
export function eventLang(event: Pick<ApiEvent, 'headers' | 'queryStringParameters'>): Lang {
  const headers = lowerCaseKeys(event.headers ?? {});
  return langOf(headers['accept-language'], event.queryStringParameters?.lang);
}

/**
 * Turns any thrown error into the API.md error shape, its message in the reader's language (with `params` beside it
 * when it came from the catalogue) and the request id a caller can quote (`requestId`, also the `x-request-id`
 * header). Unknown errors become a 500 that leaks nothing but that id; the log has the rest.
 */
export const errorAnswer = (): MiddlewareObj<ParsedEvent, ApiResult> => ({
  name: 'errorAnswer',
  onError: (request) => {
    const error = request.error;
    const lang = eventLang(request.event);
    const requestId = correlationIdOf(request.event, request.context);
    if (error instanceof DomainError) {
      const headers: Record<string, string> = error.status === 503 ? { 'retry-after': '1' } : {};
      const message = error.key === undefined ? error.message : render(lang, error.key, error.params);
      const details = localizeDetails(error.details, lang);
      request.response = json(error.status, { error: { code: error.code, message, params: error.params, details, requestId } }, headers);
      return;
    }
    logger.error('unhandled error', { route: request.event.routeKey, error: error instanceof Error ? error : String(error) });
    request.response = json(500, { error: { code: 'INTERNAL', message: render(lang, 'error.internal'), params: {}, details: [], requestId } });
  },
});

/** Refuses bodies over 1 MB (413) and bodies that are not JSON (400) before any route runs. */
export const jsonBody = (): MiddlewareObj<ParsedEvent, ApiResult> => ({
  name: 'jsonBody',
  before: (request) => {
    const { body, isBase64Encoded } = request.event;
    if (body === undefined || body === null || body === '') return;
    const raw = isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
    if (raw.byteLength > MAX_BODY_BYTES)
      throw new DomainError(413, 'PAYLOAD_TOO_LARGE', say('error.tooLarge', { bytes: raw.byteLength, limit: MAX_BODY_BYTES }));
    try {
      request.event.parsedBody = JSON.parse(raw.toString('utf8')) as unknown;
    } catch (error) {
      throw badRequest(say('error.badRequest.json'), [{ path: '(body)', message: error instanceof Error ? error.message : 'not JSON' }]);
    }
  },
});

function claimGroups(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return [];
  // API Gateway passes a Cognito array claim as "[a b]" or as a JSON string; accept both.
  const trimmed = value.trim();
  if (trimmed.startsWith('[') && trimmed.includes('"')) {
    try {
      return (JSON.parse(trimmed) as unknown[]).map(String);
    } catch {
      /* fall through */
    }
  }
  return trimmed.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

/** Reads the identity API Gateway's JWT authorizer (or the local server) checked. No claims, no entry. */
export const claims = (): MiddlewareObj<ParsedEvent, ApiResult> => ({
  name: 'claims',
  before: (request) => {
    const jwt = request.event.requestContext?.authorizer?.jwt?.claims;
    // The person id: Cognito users are created with the station's person id as user name (README), and Cognito's own
    // `sub` is a generated UUID, so its id token's `cognito:username` wins; local dev tokens carry the id in `sub`.
    const username = jwt?.['cognito:username'];
    const sub = typeof username === 'string' && username !== '' ? username : jwt?.sub;
    if (typeof sub !== 'string' || sub === '') throw new DomainError(401, 'UNAUTHENTICATED', say('error.unauthenticated'));
    const stationId = jwt?.['custom:stationId'];
    const branchId = jwt?.['custom:branchId'];
    request.event.actor = {
      sub,
      groups: claimGroups(jwt?.['cognito:groups']),
      stationId: typeof stationId === 'string' && stationId !== '' ? stationId : null,
      ...(typeof branchId === 'string' && branchId !== '' ? { branchId } : {}),
    };
  },
});

/**
 * Builds a Lambda handler from routes keyed by API Gateway route key (e.g. `PUT /stations/{stationId}`).
 * Public routes (`/health`) skip the claims check.
 */
export function httpHandler(routes: Record<string, Route>, options: { public?: readonly string[] } = {}) {
  const open = new Set(options.public ?? []);
  const base = async (event: ParsedEvent): Promise<ApiResult> => {
    const route = routes[event.routeKey];
    const lang = eventLang(event);
    if (!route) return json(404, { error: { code: 'NOT_FOUND', message: render(lang, 'error.notFound.route', { route: event.routeKey }), params: { route: event.routeKey }, details: [] } });
    const answer = await route({
      lang,
      routeKey: event.routeKey,
      path: (event.pathParameters ?? {}) as Record<string, string>,
      query: (event.queryStringParameters ?? {}) as Record<string, string>,
      headers: lowerCaseKeys(event.headers ?? {}),
      body: event.parsedBody,
      actor: event.actor ?? { sub: '', groups: [], stationId: null },
    });
    const status = answer.status ?? 200;
    if (answer.text !== undefined) return { statusCode: status, headers: answer.headers ?? {}, body: answer.text };
    if (answer.binary !== undefined)
      return { statusCode: status, headers: answer.headers ?? {}, body: Buffer.from(answer.binary).toString('base64'), isBase64Encoded: true };
    if (answer.body === undefined) return { statusCode: status, headers: answer.headers ?? {} };
    return json(status, answer.body, answer.headers);
  };
  const requireClaims = claims();
  // Order matters: `after` and `onError` run from the last middleware to the first, so the error answer is made
  // before it is compressed, and the request id is added to whatever is finally answered.
  return middy<ParsedEvent, ApiResult>(base)
    .use(observe())
    .use(contentEncoding())
    .use(errorAnswer())
    .use(httpHeaderNormalizer() as MiddlewareObj<ParsedEvent, ApiResult>)
    .use({
      name: 'claimsUnlessPublic',
      before: (request) => (open.has(request.event.routeKey) ? undefined : requireClaims.before?.(request)),
    })
    .use(jsonBody());
}

function lowerCaseKeys(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = v;
  return out;
}

/** Validates with a zod schema; on failure a 400 listing every bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badRequest(
    say('error.badRequest', { what, count: result.error.issues.length }),
    result.error.issues.map((issue) => ({ path: formatPath(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))), message: issue.message })),
  );
}
