// The nightly worker: SQS batches of station messages in, one station's night each (shared/nightly), a partial batch
// response out, so that a failing station is retried (and after three receives parked in the dead-letter queue)
// without holding back the others of its batch. Logs one summary line per station with Powertools' logger.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { NightBusyError, NightlyMessage, nightlyOptions, runNight, type NightResult, type NightlyOptions } from '../../shared/nightly/index.ts';
import { storeFromEnvironment } from '../../shared/store/index.ts';

export type WorkerHandlerOptions = {
  /** Defaults to the defaults overridden by the NIGHTLY_* variables. */
  options?: NightlyOptions;
  logger?: Logger;
  /** Called with each station's result (the local runner and the bench collect timings). */
  onResult?: (result: NightResult) => void;
};

export function createWorkerHandler(settings: WorkerHandlerOptions = {}) {
  const options = settings.options ?? nightlyOptions();
  const logger = settings.logger ?? new Logger({ serviceName: 'nightly' });
  const processor = new BatchProcessor(EventType.SQS);

  const recordHandler = async (record: SQSRecord): Promise<NightResult> => {
    let message: NightlyMessage;
    try {
      message = NightlyMessage.parse(JSON.parse(record.body));
    } catch (error) {
      logger.error('malformed nightly message', { messageId: record.messageId, body: record.body.slice(0, 500), error: error as Error });
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
      } else logger.info('night skipped', { ...result, result: undefined });
      settings.onResult?.(result);
      return result;
    } catch (error) {
      if (error instanceof NightBusyError) logger.warn('night busy: another attempt holds it; retrying later', { stationId: error.stationId, night: error.night, leaseUntil: error.leaseUntil });
      else logger.error('night failed', { stationId: message.stationId, scheduledTime: message.scheduledTime, receiveCount: record.attributes?.ApproximateReceiveCount, error: error as Error });
      throw error;
    }
  };

  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    logger.addContext(context);
    // One station after another: the solver is CPU-bound, so parallel records would only share the one vCPU.
    return processPartialResponse(event, recordHandler, processor, { context, processInParallel: false, throwOnFullBatchFailure: false });
  };
}

export const handler = createWorkerHandler();
