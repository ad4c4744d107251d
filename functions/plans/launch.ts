// Starting a planning job once its `solving` item is stored. In the cloud: an asynchronous invocation (InvocationType
// Event) of the plan-worker function named by PLAN_WORKER_FUNCTION, which has minutes where the API function has
// 29 s. Locally (no PLAN_WORKER_FUNCTION: npm start, the tests): the job runs in this process, its solver on a worker
// thread (shared/planning/solve-thread.ts), so the local server keeps answering while it plans.
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { runPlanJob, type JobOutcome, type JobRef } from '../../shared/planning/run-job.ts';
import { storeFromEnvironment } from '../../shared/store/index.ts';

/** Starts the job; throws when it could not be started (the caller marks the job failed). */
export type PlanJobLauncher = (job: JobRef) => Promise<void>;

/** Where a plan-worker function reads its job from: the asynchronous invocation's payload. */
export type PlanJobEvent = JobRef;

let sharedClient: LambdaClient | undefined;

/** One client per container, made on first use (the API function may never start a job). */
function lambdaClient(): LambdaClient {
  sharedClient ??= new LambdaClient({});
  return sharedClient;
}

export function lambdaLauncher(functionName: string, client?: LambdaClient): PlanJobLauncher {
  return async (job) => {
    const payload: PlanJobEvent = { stationId: job.stationId, planId: job.planId };
    const answer = await (client ?? lambdaClient()).send(new InvokeCommand({ FunctionName: functionName, InvocationType: 'Event', Payload: new TextEncoder().encode(JSON.stringify(payload)) }));
    // An accepted asynchronous invocation answers 202; anything else means the job was not queued.
    if (answer.StatusCode !== 202) throw new Error(`plan worker ${functionName} answered ${answer.StatusCode ?? 'nothing'} to an asynchronous invocation`);
  };
}

/** Jobs running in this process, so that the local server (and the tests) can wait for them before closing the store. */
const running = new Set<Promise<JobOutcome>>();
let closing = new AbortController();

export const localLauncher: PlanJobLauncher = async (job) => {
  const run = runPlanJob(storeFromEnvironment(), job, { signal: closing.signal }).catch((error: unknown) => {
    console.error(JSON.stringify({ level: 'error', message: 'local planning job failed', ...job, error: String(error) }));
    return 'failed' as const;
  });
  running.add(run);
  void run.finally(() => running.delete(run));
};

/** Waits for every local job to end (they end by themselves: each has its time budget). */
export async function localJobsSettled(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

/**
 * Stops every local job without writing its plan (the local server is closing its store); their items stay
 * `solving` and are reported failed once stale, as a worker that died would leave them.
 */
export async function abandonLocalJobs(): Promise<void> {
  closing.abort();
  await localJobsSettled();
  closing = new AbortController();
}

let chosen: PlanJobLauncher | undefined;

/** The launcher for this environment: the plan-worker function when PLAN_WORKER_FUNCTION names one, else local. */
export function planJobLauncher(): PlanJobLauncher {
  if (chosen) return chosen;
  const name = process.env.PLAN_WORKER_FUNCTION;
  return name ? lambdaLauncher(name) : localLauncher;
}

/** Lets tests pick a launcher (null: back to the environment's). */
export function usePlanJobLauncher(launcher: PlanJobLauncher | null): void {
  chosen = launcher ?? undefined;
}
