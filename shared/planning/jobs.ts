// Planning jobs (docs/planning-jobs.md): what a plan being made looks like, when a job counts as dead, and why a
// cancel is refused. Pure: the store keeps the job item, the job runner moves it, the handlers translate.
import type { Actor } from '../domain/audit.ts';
import { conflict, type DomainError } from '../domain/errors.ts';
import type { PlanJob, PlanJobFailure, PlanProgress } from '../domain/plan.ts';
import { render, say, type Lang } from '../i18n/index.ts';

/**
 * A running job writes its heartbeat about every second. One silent for two minutes is taken as dead (its Lambda
 * function timed out or crashed, the local server stopped): generous, so a slow store or a long garbage collection
 * never kills a live job, and short enough that nobody waits long for a plan that will not come.
 */
export const STALE_AFTER_SECONDS = 120;
/** How often a job writes its progress (and so its heartbeat), and reads whether it was cancelled. */
export const PROGRESS_EVERY_MS = 1000;

/** A job as the store keeps it: the public fields, plus who asked (for the audit entry) and the solve's inputs. */
export type JobRecord = PlanJob & {
  requestedBy: Actor;
  seed?: number;
  /** Set when a runner took the job: only that runner may write its progress and its plan. */
  claimedAt?: string;
};

/** A job just asked for: nobody runs it yet, its heartbeat is its creation. */
export function newJob(input: {
  id: string;
  stationId: string;
  start: string;
  days: number;
  seconds: number;
  seed?: number | undefined;
  stationVersion: number;
  actor: Actor;
  at: Date;
}): JobRecord {
  const at = input.at.toISOString();
  return {
    id: input.id,
    stationId: input.stationId,
    start: input.start,
    days: input.days,
    status: 'solving',
    version: 1,
    createdAt: at,
    createdBy: input.actor.sub,
    stationVersion: input.stationVersion,
    seconds: input.seconds,
    progress: { elapsedSeconds: 0, score: null, bound: 0 },
    heartbeatAt: at,
    requestedBy: input.actor,
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
  };
}

/** Heartbeats older than this are a dead job's. */
export const staleBefore = (now: Date): string => new Date(now.getTime() - STALE_AFTER_SECONDS * 1000).toISOString();

export const isStale = (job: Pick<PlanJob, 'status' | 'heartbeatAt'>, now: Date): boolean => job.status === 'solving' && job.heartbeatAt < staleBefore(now);

/** Seconds since the job started, as progress reports them (a tenth of a second). */
export const elapsedSince = (startedAt: string, now: Date): number => Math.max(0, Math.round((now.getTime() - Date.parse(startedAt)) / 100) / 10);

/** The best of two progress reports: the lower score, the higher bound (both only ever improve). */
export function better(a: PlanProgress, b: Partial<PlanProgress>): PlanProgress {
  const score = b.score === null || b.score === undefined ? a.score : a.score === null ? b.score : Math.min(a.score, b.score);
  const bound = b.bound === null || b.bound === undefined ? a.bound : a.bound === null ? b.bound : Math.max(a.bound, b.bound);
  return { elapsedSeconds: Math.max(a.elapsedSeconds, b.elapsedSeconds ?? 0), score, bound };
}

/** Why a job ended without a plan, in the catalogue's words. */
export function failureOf(code: PlanJobFailure['code'], cause?: { key?: string | undefined; params?: Record<string, unknown> }): PlanJobFailure {
  if (cause?.key !== undefined) {
    // A refusal of the core (the station was removed, ...) says itself why.
    const params = (cause.params ?? {}) as Parameters<typeof say>[1];
    return { code, message: render('en', cause.key, params), key: cause.key, params: params ?? {} };
  }
  const said = code === 'NOT_STARTED' ? say('job.failure.notStarted') : say('job.failure.failed');
  return { code, message: said.message, key: said.key, params: said.params };
}

/**
 * The job as a reader sees it, in their language: a job silent for longer than STALE_AFTER_SECONDS is reported as
 * failed (STALE), though its item still says `solving` — a read never writes, and should the job come back to life
 * its next heartbeat makes it live again.
 */
export function jobAnswer(job: JobRecord, now: Date, lang: Lang): PlanJob {
  const { requestedBy: _by, seed: _seed, claimedAt: _claimed, ...doc } = job;
  const failure: PlanJobFailure | undefined = isStale(job, now)
    ? (() => {
        const said = say('job.failure.stale', { seconds: STALE_AFTER_SECONDS, at: job.heartbeatAt });
        return { code: 'STALE' as const, message: said.message, key: said.key, params: said.params };
      })()
    : job.failure;
  if (!failure) return doc;
  const message = failure.key !== undefined ? render(lang, failure.key, failure.params ?? {}) : failure.message;
  return { ...doc, status: 'failed', failure: { ...failure, message } };
}

/** What a cancel that found the plan in this state is told (409): nothing to cancel, or already stopping. */
export function cancelRefusal(planId: string, now: { status: string; cancelRequestedAt?: string | undefined; cancelRequestedBy?: string | undefined; heartbeatAt?: string | undefined }, at: Date): DomainError {
  if (now.status === 'solving' && now.heartbeatAt !== undefined && isStale({ status: 'solving', heartbeatAt: now.heartbeatAt }, at))
    return conflict(say('error.plan.notSolving', { planId, status: 'failed' }));
  if (now.status === 'solving' && now.cancelRequestedAt !== undefined)
    return conflict(say('error.plan.cancelling', { planId, at: now.cancelRequestedAt, by: now.cancelRequestedBy ?? '' }));
  return conflict(say('error.plan.notSolving', { planId, status: now.status }));
}
