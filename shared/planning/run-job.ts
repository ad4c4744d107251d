// Running one planning job, the same in the cloud (the plan-worker Lambda function, invoked asynchronously by the
// API) and locally (started in the server's process by functions/plans/launch.ts): claim the job, read the station,
// solve on a worker thread while writing progress about every second (each write also tells whether a cancel was
// asked), and write the best plan as the draft. Every write is one conditional single-item write (plan-jobs.ts).
import { randomUUID } from 'node:crypto';
import { DomainError } from '../domain/errors.ts';
import type { PlanProgress } from '../domain/plan.ts';
import type { RosterStore } from '../store/index.ts';
import { better, elapsedSince, failureOf, PROGRESS_EVERY_MS, staleBefore } from './jobs.ts';
import { createdEntry, draftOf, planInputs } from './make.ts';
import { solveInThread, type SolveRunner } from './solve-thread.ts';

export type JobRef = { stationId: string; planId: string };

/** done: the draft is stored; lost: another runner has it, or it is not solving any more; failed: stored as failed. */
export type JobOutcome = 'done' | 'lost' | 'failed';

export type RunOptions = {
  solve?: SolveRunner;
  now?: () => Date;
  /** Between progress writes (default about a second). */
  everyMs?: number;
  log?: (line: Record<string, unknown>) => void;
  /** Aborted when the process is going away (the local server closing): the solve stops and nothing more is written. */
  signal?: AbortSignal;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runPlanJob(store: RosterStore, ref: JobRef, options: RunOptions = {}): Promise<JobOutcome> {
  const now = options.now ?? (() => new Date());
  const solve = options.solve ?? solveInThread;
  const everyMs = options.everyMs ?? PROGRESS_EVERY_MS;
  const log = options.log ?? ((line) => console.log(JSON.stringify(line)));
  const token = randomUUID();
  const claimedAt = now();
  const job = await store.planJobs.claim(ref.stationId, ref.planId, token, claimedAt.toISOString(), staleBefore(claimedAt));
  if (!job) {
    log({ level: 'info', message: 'planning job not taken: claimed already, not solving or stale', ...ref });
    return 'lost';
  }
  try {
    const inputs = await planInputs(store, ref.stationId, { start: job.start, days: job.days, seed: job.seed, seconds: job.seconds });
    const handle = solve(inputs.input);
    let progress: PlanProgress = { ...job.progress };
    let settled = false;
    void handle.result.then(
      () => (settled = true),
      () => (settled = true),
    );
    if (job.cancelRequestedAt !== undefined) handle.stop();
    const abandon = () => handle.stop();
    options.signal?.addEventListener('abort', abandon, { once: true });
    // Heartbeat and progress until the solver answers; the write's answer says whether to stop.
    while (!settled) {
      await Promise.race([sleep(everyMs), handle.result.catch(() => undefined)]);
      if (settled || options.signal?.aborted) break;
      const at = now();
      const latest = handle.latest();
      progress = better({ ...progress, elapsedSeconds: elapsedSince(job.createdAt, at) }, latest ? { score: latest.score, bound: latest.bound } : {});
      const told = await store.planJobs.progress(ref.stationId, ref.planId, token, progress, at.toISOString());
      if (told === null) {
        handle.stop();
        log({ level: 'warn', message: 'planning job lost its item while solving; stopping', ...ref });
        await handle.result.catch(() => undefined);
        return 'lost';
      }
      if (told.cancelRequested && !handle.stopped()) handle.stop();
    }
    const solved = await handle.result;
    options.signal?.removeEventListener('abort', abandon);
    // Left as it is: readers report it failed once its heartbeat is stale (docs/planning-jobs.md).
    if (options.signal?.aborted) return 'lost';
    const done = now();
    const final: PlanProgress = { elapsedSeconds: elapsedSince(job.createdAt, done), score: solved.score.total, bound: solved.bound ?? progress.bound };
    const plan = draftOf({ id: job.id, stationId: job.stationId, createdAt: job.createdAt, createdBy: job.createdBy }, inputs, solved, {
      progress: final,
      stoppedEarly: handle.stopped(),
    });
    const stored = await store.planJobs.finish(plan, token, createdEntry(plan, inputs, job.requestedBy, done));
    return stored ? 'done' : 'lost';
  } catch (error) {
    log({ level: 'error', message: 'planning job failed', ...ref, error: String(error), stack: error instanceof Error ? error.stack : undefined });
    const cause = error instanceof DomainError && error.key !== undefined ? { key: error.key, params: error.params } : undefined;
    await store.planJobs.fail(ref.stationId, ref.planId, failureOf('FAILED', cause), now().toISOString(), token).catch(() => false);
    return 'failed';
  }
}
