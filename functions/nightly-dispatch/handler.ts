// The nightly dispatcher: invoked by the EventBridge schedule with `{"scheduledTime": "<aws.scheduler.scheduled-time>"}`
// (optionally `"night": "YYYY-MM-DD"` to rerun a night), it pages through every station and sends one SQS message per
// station, ten per SendMessageBatch (shared/nightly/dispatch.ts). When some stations could not be enqueued it still
// pages to the end, then fails, so that the invocation is retried: stations whose night is done already are skipped.
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { IsoDate } from '../../shared/domain/primitives.ts';
import { dispatchNight, type DispatchSummary, type SendBatch } from '../../shared/nightly/dispatch.ts';
import { observe } from '../../shared/http/observe.ts';
import { storeFromEnvironment } from '../../shared/store/index.ts';
import { logger as sharedLogger } from '../../shared/telemetry.ts';

export const DispatchEvent = z.object({
  scheduledTime: z.iso.datetime({ offset: true }).optional(),
  night: IsoDate.optional(),
});
export type DispatchEvent = z.infer<typeof DispatchEvent>;

/** SendMessageBatch to `queueUrl`; returns the entries SQS did not accept. */
export function sqsSender(client: SQSClient, queueUrl: string): SendBatch {
  return async (messages) => {
    const { Failed } = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: messages.map((m, i) => ({ Id: String(i), MessageBody: JSON.stringify(m) })),
      }),
    );
    return { failed: (Failed ?? []).map((f) => messages[Number(f.Id)]!).filter(Boolean) };
  };
}

export function createDispatchHandler(settings: { send?: SendBatch; logger?: Logger; now?: () => Date } = {}) {
  const logger = settings.logger ?? sharedLogger;
  let send = settings.send;
  const dispatch = async (event: unknown): Promise<DispatchSummary> => {
    const input = DispatchEvent.parse(event ?? {});
    if (!send) {
      const queueUrl = process.env.NIGHTLY_QUEUE_URL;
      if (!queueUrl) throw new Error('NIGHTLY_QUEUE_URL is not set');
      send = sqsSender(new SQSClient({}), queueUrl);
    }
    const scheduledTime = input.scheduledTime ?? (settings.now ?? (() => new Date()))().toISOString();
    const summary = await dispatchNight(storeFromEnvironment(), send, {
      scheduledTime,
      ...(input.night ? { night: input.night } : {}),
      onError: (what, error) => logger.warn(`dispatch: ${what} failed`, { error: error as Error }),
    });
    const { failed, ...counts } = summary;
    if (failed.length > 0) {
      logger.error('dispatch: some stations were not enqueued', { ...counts, failed: failed.length, firstFailed: failed.slice(0, 20) });
      throw new Error(`${failed.length} of ${summary.stations} stations were not enqueued; the retry re-sends every station (done nights are skipped)`);
    }
    logger.info('dispatched', counts);
    return summary;
  };
  // The Lambda context and the invocation's id on every log line (the same middleware as the API's).
  const handler = middy<unknown, DispatchSummary>(dispatch).use(observe({ logger }));
  return (event: unknown, context?: Context): Promise<DispatchSummary> => handler(event, context ?? ({} as Context));
}

export const handler = createDispatchHandler();
