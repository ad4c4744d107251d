// The plan-worker function: one planning job per asynchronous invocation (the plans function invokes it with
// InvocationType Event and `{stationId, planId}`), with the minutes a long plan needs where the API function has 29 s.
// The job itself (claim, solve on a worker thread, progress every second, cancel, the draft) is shared/planning.
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { runPlanJob, type JobOutcome } from '../../shared/planning/run-job.ts';
import { storeFromEnvironment } from '../../shared/store/index.ts';

const JobEvent = z.object({ stationId: z.string().min(1), planId: z.string().min(1) });

const logger = new Logger({ serviceName: 'plan-worker' });

export async function handler(event: unknown, context: Context): Promise<{ outcome: JobOutcome | 'malformed' }> {
  logger.addContext(context);
  const parsed = JobEvent.safeParse(event);
  if (!parsed.success) {
    // Nothing to retry: a malformed event will never name a job.
    logger.error('malformed planning job event', { event: JSON.stringify(event).slice(0, 500) });
    return { outcome: 'malformed' };
  }
  const outcome = await runPlanJob(storeFromEnvironment(), parsed.data, {
    log: (line) => {
      const { level, message, ...rest } = line;
      const text = String(message ?? 'planning job');
      if (level === 'error') logger.error(text, rest);
      else if (level === 'warn') logger.warn(text, rest);
      else logger.info(text, rest);
    },
  });
  logger.info('planning job ended', { ...parsed.data, outcome });
  return { outcome };
}
