// The nightly worker: SQS batches of station messages in, one station's night each (shared/nightly), a partial batch
// response out, so that a failing station is retried (and after three receives parked in the dead-letter queue)
// without holding back the others of its batch. Logs one summary line per station with Powertools' logger.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { NightBusyError, NightlyMessage, nightlyOptions, runNight, type NightResult, type NightlyOptions } from '../../shared/nightly/index.ts';
import { observe } from '../../shared/http/observe.ts';
import { storeFromEnvironment } from '../../shared/store/index.ts';
import { logger as sharedLogger, metrics as sharedMetrics, recordNightlyStation, recordSolve, type MetricsSink } from '../../shared/telemetry.ts';

export type WorkerHandlerOptions = {
  /** Defaults to the defaults overridden by the NIGHTLY_* variables. */
  options?: NightlyOptions;
  logger?: Logger;
  /** Where the station counts and solve figures go (default: the process's EMF metrics, flushed per invocation). */
  metrics?: MetricsSink;
  /** Called with each station's result (the local runner and the bench collect timings). */
  onResult?: (result: NightResult) => void;
};

export function createWorkerHandler(settings: WorkerHandlerOptions = {}) {
  const options = settings.options ?? nightlyOptions();
  const logger = settings.logger ?? sharedLogger;
  const metrics = settings.metrics ?? sharedMetrics;
  const processor = new BatchProcessor(EventType.SQS);

  const recordHandler = async (record: SQSRecord): Promise<NightResult> => {
    let message: NightlyMessage;
    try {
      message = NightlyMessage.parse(JSON.parse(record.body));
    } catch (error) {
      logger.error('malformed nightly message', { messageId: record.messageId, body: record.body.slice(0, 500), error: error as Error });
      recordNightlyStation(metrics, 'failed');
      throw error;
    }
    try {
      const result = await runNight(storeFromEnvironment(), message, options);
      if (result.status === 'done') {
        const { status, stationId, night, people, horizon, published, shortfalls, hardViolations, pinned, replanned, expiredRedeployments, solverSeconds, seconds } = result;
        logger.info('night planned', {
          status, stationId, night, people, horizonStart: horizon.start, horizonDays: horizon.days, pinned,
          replannedDays: replanned.length, expiredRedeployments: expiredRedeployments.length,
          published: published ? `${published.from}..${published.to} ${published.planId}` : 'nothing new',
          shortfalls: shortfalls.horizon, missing: shortfalls.missing, leadShortfalls: shortfalls.lead, hardViolations, solverSeconds, seconds,
        });
        recordNightlyStation(metrics, 'done');
        recordSolve(metrics, { seconds: solverSeconds, shortfalls: shortfalls.horizon, hardBreaks: hardViolations });
      } else logger.info('night skipped', { ...result, result: undefined });
      settings.onResult?.(result);
      return result;
    } catch (error) {
      if (error instanceof NightBusyError) logger.warn('night busy: another attempt holds it; retrying later', { stationId: error.stationId, night: error.night, leaseUntil: error.leaseUntil });
      else {
        logger.error('night failed', { stationId: message.stationId, scheduledTime: message.scheduledTime, receiveCount: record.attributes?.ApproximateReceiveCount, error: error as Error });
        recordNightlyStation(metrics, 'failed');
      }
      throw error;
    }
  };

  // One station after another: the solver is CPU-bound, so parallel records would only share the one vCPU.
  const batch = (event: SQSEvent, context: Context): Promise<SQSBatchResponse> =>
    processPartialResponse(event, recordHandler, processor, { context, processInParallel: false, throwOnFullBatchFailure: false });
  // The Lambda context and the invocation's id on every log line, and the station metrics flushed per invocation.
  return middy<SQSEvent, SQSBatchResponse>(batch).use(observe({ logger }));
}

export const handler = createWorkerHandler();
