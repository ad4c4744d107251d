// Planning jobs in the store: the plan's own head item `PLAN#<planId>`, in status `solving` while the job runs.
//
// Every change is ONE conditional single-item write on that head (no transactions, no TTL):
//   start     PutItem, the item must not exist                           (the API, before it starts the job)
//   claim     UpdateItem: solving, unclaimed, heartbeat not stale         (the runner, once)
//   progress  UpdateItem: solving and claimed by this runner; returns the item, so the same write tells the runner
//             whether a cancel was asked (the runner "polls" the item with its heartbeat, about every second)
//   cancel    UpdateItem: solving, not cancelled yet, heartbeat not stale (two cancels at once: one wins)
//   finish    body parts first (write-once puts, as plans.ts), then UpdateItem on the head: solving and claimed by
//             this runner → draft, with the `plan.created` audit entry in its outbox
//   fail      UpdateItem: solving (and, from a runner, claimed by it) → failed, with the reason
// A job whose runner died stays `solving` with an old heartbeat; readers report it as failed (shared/planning/jobs.ts).
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit.ts';
import type { Plan, PlanJobFailure, PlanProgress } from '../domain/plan.ts';
import type { JobRecord } from '../planning/jobs.ts';
import { planEnd } from '../roster/index.ts';
import { type AuditTrail, outboxOnUpdate } from './audit.ts';
import type { StoreClient } from './client.ts';
import { isConditionFailure, translateStoreError } from './errors.ts';
import type { PlanStore } from './plans.ts';
import { send, sendIfHeld } from './send.ts';
import { keys } from './table.ts';

/** What a write that lost its condition found on the item instead (null: no such plan). */
export type JobState = { status: string; cancelRequestedAt?: string; cancelRequestedBy?: string; heartbeatAt?: string } | null;

export type CancelResult = { ok: true; job: JobRecord } | { ok: false; found: JobState };

const JOB_FIELDS = [
  'id', 'stationId', 'start', 'days', 'status', 'version', 'createdAt', 'createdBy', 'stationVersion', 'seconds', 'seed', 'progress',
  'heartbeatAt', 'cancelRequestedAt', 'cancelRequestedBy', 'failure', 'requestedBy', 'claimedAt',
] as const;

function jobOf(item: Record<string, unknown>): JobRecord {
  const out: Record<string, unknown> = {};
  for (const field of JOB_FIELDS) if (item[field] !== undefined) out[field] = item[field];
  return out as JobRecord;
}

const stateOf = (item: Record<string, unknown> | undefined): JobState =>
  item && item.kind === 'plan'
    ? {
        status: String(item.status),
        ...(typeof item.cancelRequestedAt === 'string' ? { cancelRequestedAt: item.cancelRequestedAt } : {}),
        ...(typeof item.cancelRequestedBy === 'string' ? { cancelRequestedBy: item.cancelRequestedBy } : {}),
        ...(typeof item.heartbeatAt === 'string' ? { heartbeatAt: item.heartbeatAt } : {}),
      }
    : null;

export class PlanJobStore {
  constructor(
    private readonly client: StoreClient,
    private readonly tableName: string,
    private readonly audit: AuditTrail,
    private readonly plans: PlanStore,
  ) {}

  /** Stores a new job in status `solving` (a plan head without a body, so plan listings and indexes see it). */
  async start(job: JobRecord): Promise<void> {
    await send(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.plan(job.stationId, job.id),
          kind: 'plan',
          ...job,
          end: planEnd(job),
          needsReplan: [],
          parts: 0,
          bodyBytes: 0,
          summary: { people: 0, assignments: 0, shortfalls: 0, violations: 0, hardViolations: 0 },
          gsi1pk: keys.plansIndex(job.stationId),
          gsi1sk: `${job.start}#${job.id}`,
          // The completion's audit entry goes into this map (audit.ts: outboxOnUpdate needs the map to exist).
          outbox: {},
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
      `Plan ${job.id} exists already; nothing was changed.`,
    );
  }

  /** The job, or null when there is no such plan or it is no job any more (a draft: plans.get reads it). */
  async read(stationId: string, planId: string): Promise<JobRecord | null> {
    const { Item } = await send(this.client, new GetCommand({ TableName: this.tableName, Key: keys.plan(stationId, planId), ConsistentRead: true }));
    return Item && Item.kind === 'plan' && (Item.status === 'solving' || Item.status === 'failed') ? jobOf(Item) : null;
  }

  private async found(stationId: string, planId: string): Promise<JobState> {
    const { Item } = await send(this.client, new GetCommand({ TableName: this.tableName, Key: keys.plan(stationId, planId), ConsistentRead: true }));
    return stateOf(Item);
  }

  /** A runner takes the job. Null when it is taken already, not solving, or stale (a runner that came too late). */
  async claim(stationId: string, planId: string, token: string, now: string, staleBefore: string): Promise<JobRecord | null> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.plan(stationId, planId),
          UpdateExpression: 'SET claimToken = :token, claimedAt = :now, heartbeatAt = :now',
          ConditionExpression: '#kind = :plan AND #status = :solving AND attribute_not_exists(claimToken) AND heartbeatAt >= :stale',
          ExpressionAttributeNames: { '#kind': 'kind', '#status': 'status' },
          ExpressionAttributeValues: { ':token': token, ':now': now, ':plan': 'plan', ':solving': 'solving', ':stale': staleBefore },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return jobOf(Attributes ?? {});
    } catch (error) {
      if (isConditionFailure(error)) return null;
      return translateStoreError(error);
    }
  }

  /**
   * The runner's heartbeat with its progress. Returns whether a cancel was asked, or null when the job is no longer
   * this runner's (then it stops: whatever it would write is refused anyway).
   */
  async progress(stationId: string, planId: string, token: string, progress: PlanProgress, now: string): Promise<{ cancelRequested: boolean } | null> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.plan(stationId, planId),
          UpdateExpression: 'SET progress = :progress, heartbeatAt = :now',
          ConditionExpression: '#status = :solving AND claimToken = :token',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':progress': progress, ':now': now, ':solving': 'solving', ':token': token },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { cancelRequested: typeof Attributes?.cancelRequestedAt === 'string' };
    } catch (error) {
      if (isConditionFailure(error)) return null;
      return translateStoreError(error);
    }
  }

  /** Asks a solving job to stop and keep its best plan. Refused (with what was found) when it is not solving any more, already stopping, or stale. */
  async cancel(stationId: string, planId: string, by: string, now: string, staleBefore: string): Promise<CancelResult> {
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.plan(stationId, planId),
          UpdateExpression: 'SET cancelRequestedAt = :now, cancelRequestedBy = :by',
          ConditionExpression: '#kind = :plan AND #status = :solving AND attribute_not_exists(cancelRequestedAt) AND heartbeatAt >= :stale',
          ExpressionAttributeNames: { '#kind': 'kind', '#status': 'status' },
          ExpressionAttributeValues: { ':now': now, ':by': by, ':plan': 'plan', ':solving': 'solving', ':stale': staleBefore },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { ok: true, job: jobOf(Attributes ?? {}) };
    } catch (error) {
      if (!isConditionFailure(error)) translateStoreError(error);
      return { ok: false, found: await this.found(stationId, planId) };
    }
  }

  /**
   * The job's plan: body parts first (write-once), then the head turns from `solving` into the draft in one
   * conditional write carrying its `plan.created` audit entry. False when the job is no longer this runner's.
   */
  async finish(plan: Plan, token: string, entry: AuditEntry): Promise<boolean> {
    const { packed, inline, head } = await this.plans.writeBody(plan);
    const key = keys.plan(plan.stationId, plan.id);
    const outbox = outboxOnUpdate(entry);
    const written = await sendIfHeld(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression:
          `SET #status = :draft, #version = :version, stationVersion = :stationVersion, parts = :parts, bodyBytes = :bytes, summary = :summary, ` +
          `progress = :progress, stoppedEarly = :stopped${inline ? ', doc = :doc' : ''}, ${outbox.set} REMOVE claimToken`,
        ConditionExpression: '#status = :solving AND claimToken = :token',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version', ...outbox.names },
        ExpressionAttributeValues: {
          ':draft': 'draft',
          ':version': plan.version,
          ':stationVersion': plan.stationVersion,
          ':parts': head.parts,
          ':bytes': head.bodyBytes,
          ':summary': head.summary,
          ':progress': plan.progress ?? null,
          ':stopped': plan.stoppedEarly === true,
          ':solving': 'solving',
          ':token': token,
          ...(inline ? { ':doc': packed } : {}),
          ...outbox.values,
        },
      }),
    );
    if (!written) return false;
    await this.audit.flushAfterChange(key, entry);
    return true;
  }

  /** Ends a job without a plan. `token`: only if this runner holds it. False when it was not solving (or not theirs). */
  async fail(stationId: string, planId: string, failure: PlanJobFailure, now: string, token?: string): Promise<boolean> {
    return sendIfHeld(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.plan(stationId, planId),
        UpdateExpression: 'SET #status = :failed, failure = :failure, heartbeatAt = :now',
        ConditionExpression: `#status = :solving${token !== undefined ? ' AND claimToken = :token' : ''}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':failed': 'failed', ':failure': failure, ':now': now, ':solving': 'solving', ...(token !== undefined ? { ':token': token } : {}) },
      }),
    );
  }
}
