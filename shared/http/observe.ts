// The one middleware every function wears (API and nightly alike): the Lambda context and a correlation id on every
// log line of the invocation, the id returned to the caller as `x-request-id`, a log line per HTTP answer, and the
// invocation's metrics flushed as one EMF record at its end.
import type { MiddlewareObj } from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger as sharedLogger, metrics as sharedMetrics } from '../telemetry.ts';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';

export const REQUEST_ID_HEADER = 'x-request-id';

type HttpAnswer = { statusCode?: number; headers?: Record<string, string | number | boolean> };

/**
 * The id a caller can quote: API Gateway's request id for HTTP events (the same one in API Gateway's access log),
 * else Lambda's own request id.
 */
export function correlationIdOf(event: unknown, context: Context | undefined): string {
  const fromGateway = (event as { requestContext?: { requestId?: unknown } } | null)?.requestContext?.requestId;
  if (typeof fromGateway === 'string' && fromGateway !== '') return fromGateway;
  return context?.awsRequestId ?? 'unknown';
}

const isHttpAnswer = (response: unknown): response is HttpAnswer =>
  typeof response === 'object' && response !== null && 'statusCode' in response;

export type ObserveOptions = { logger?: Logger; metrics?: Pick<Metrics, 'hasStoredMetrics' | 'publishStoredMetrics'> };

export function observe<E, R>(options: ObserveOptions = {}): MiddlewareObj<E, R> {
  const logger = options.logger ?? sharedLogger;
  const metrics = options.metrics ?? sharedMetrics;
  const started = new WeakMap<object, number>();

  const finish = (request: { event: E; context: Context; response: R | null }) => {
    const id = correlationIdOf(request.event, request.context);
    const response = request.response as unknown;
    if (isHttpAnswer(response)) {
      response.headers = { ...(response.headers ?? {}), [REQUEST_ID_HEADER]: id };
      const route = (request.event as { routeKey?: string }).routeKey;
      const status = response.statusCode ?? 200;
      const ms = Math.round(performance.now() - (started.get(request as object) ?? performance.now()));
      // A 500 is ours to fix; a 503 is the store throttling (the caller retries); the rest is the caller's business.
      if (status === 503) logger.warn('request answered', { route, status, ms });
      else if (status >= 500) logger.error('request answered', { route, status, ms });
      else logger.info('request answered', { route, status, ms });
    }
    // Only when something was measured: Powertools warns on an empty flush, and most reads measure nothing.
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    logger.resetKeys();
  };

  return {
    before: (request) => {
      started.set(request as object, performance.now());
      if (request.context && typeof request.context === 'object' && 'functionName' in request.context) logger.addContext(request.context);
      logger.appendKeys({ correlation_id: correlationIdOf(request.event, request.context) });
    },
    after: (request) => finish(request),
    onError: (request) => finish(request),
  };
}
