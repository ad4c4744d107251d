// Redeployment requests (AP): one item per request, its decisions inside it, changed only by conditional single-item
// writes on its `version`.
//
// WHY NO DECISION CAN EXIST WITHOUT ITS AUDIT ENTRY: dynalite has no transactions, so a decision and its audit entry
// cannot be written as two items atomically. They are not two writes: the one conditional UpdateItem that adds the
// decision to the item's `decisions` (and bumps `version`, and moves `status`) also puts the decision's audit entry
// into the same item's `outbox` (audit.ts). DynamoDB applies a single-item update entirely or not at all, so either
// both the decision and its entry are stored, or neither is. The entry is copied into the station's audit partition
// right after (flushAfterChange); if the process dies first, the entry waits in the outbox, where the sparse
// `pending-audit` index finds it, and every read of the trail copies it before answering. The same holds for the
// request's creation (a conditional put carrying `redeployment.requested`), withdrawal and expiry.
//
// WHY TWO CHIEFS APPROVING IN THE SAME INSTANT BOTH COUNT: each decision is a compare-and-set on the `version` that
// was read. Of two concurrent writers from the same version one wins; the other's condition fails, it reads the item
// again and re-runs the state machine (shared/approvals) on the fresh copy, which now holds the first decision, and
// writes again (a bounded number of times, with jittered backoff). Nothing is overwritten, nothing is lost.
//
// Keys (table.ts): pk STATION#<stationId>, sk RD#<id>; GSI1 gsi1pk RD#<stationId>#<status>, gsi1sk <createdAt>#<id>.
// The document sits in `request`; `version`, `status`, `personId`, `dateFrom` and `dateTo` are copied to the top
// level for conditions and filters. `replanPending` marks a request whose status change after publication has not
// yet been carried to the published plans (see replan / resumeReplans).
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { asApproved, asRead, expire, isDue } from '../approvals/index.ts';
import type { AuditEntry } from '../domain/audit.ts';
import { conflict } from '../domain/errors.ts';
import type { ApprovedRedeployment } from '../domain/plan.ts';
import type { Redeployment, RedeploymentStatus } from '../domain/redeployment.ts';
import { type AuditTrail, newAuditId, outboxOnCreate, outboxOnUpdate } from './audit.ts';
import type { StoreClient } from './client.ts';
import { queryAll, queryPages, send, sendIfHeld } from './send.ts';
import type { Log } from '../telemetry.ts';
import { decodeCursor, encodeCursor, type Page } from './cursor.ts';
import { isConditionFailure, translateStoreError } from './errors.ts';
import type { PlanStore } from './plans.ts';
import { GSI1, keys } from './table.ts';
import { say, summaryOf } from '../i18n/index.ts';

/** How often a change is re-applied on a fresh copy after losing a race, before answering 409. */
export const MAX_CHANGE_ATTEMPTS = 12;

/** The system acting on its own (lazy expiry, the nightly job). */
const SYSTEM = (stationId: string): AuditEntry['actor'] => ({ sub: 'system', groups: ['system'], stationId });

/** What a change to a request writes: the new document, its audit entry, and whether published plans need a re-plan. */
export type RequestChange = { next: Redeployment; entry: AuditEntry; replan?: boolean };

export type ChangeResult = { request: Redeployment; changed: boolean };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const documentOf = (item: Record<string, unknown>): Redeployment => item.request as Redeployment;

export class RedeploymentStore {
  /** Told after every stored change of a request, with the request as written (see store/index.ts). */
  onChanged: (request: Redeployment) => Promise<void> = async () => {};

  constructor(
    private readonly client: StoreClient,
    private readonly tableName: string,
    private readonly audit: AuditTrail,
    private readonly plans: PlanStore,
    private readonly log: Log,
  ) {}

  /** Stores a new request: one conditional put carrying its `redeployment.requested` entry. */
  async create(request: Redeployment, entry: AuditEntry): Promise<Redeployment> {
    const key = keys.redeployment(request.stationId, request.id);
    await send(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { ...key, itemType: 'redeployment', ...this.indexed(request), request, ...outboxOnCreate(entry) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
      `Request ${request.id} exists already; nothing was changed.`,
    );
    await this.audit.flushAfterChange(key, entry);
    await this.onChanged(request);
    return request;
  }

  /** The top-level attributes conditions, filters and the status index read. */
  private indexed(request: Redeployment) {
    return {
      version: request.version,
      status: request.status,
      personId: request.personId,
      dateFrom: request.from,
      dateTo: request.to,
      gsi1pk: keys.redeploymentsIndex(request.stationId, request.status),
      gsi1sk: `${request.createdAt}#${request.id}`,
    };
  }

  /** The request as stored (no expiry applied), or null. */
  async getStored(stationId: string, id: string): Promise<Redeployment | null> {
    const { Item } = await send(this.client, new GetCommand({ TableName: this.tableName, Key: keys.redeployment(stationId, id), ConsistentRead: true }));
    return Item && Item.itemType === 'redeployment' ? documentOf(Item) : null;
  }

  /** The request as a reader sees it today: a pending request whose first day has passed is expired, and stored so. */
  async get(stationId: string, id: string, today: string): Promise<Redeployment | null> {
    const stored = await this.getStored(stationId, id);
    if (!stored || !isDue(stored, today)) return stored;
    return (await this.change(stationId, id, today, () => null))?.request ?? null;
  }

  /**
   * Applies a change decided by `apply` (the state machine) to the request as it is now: read, decide, write on the
   * version read; on a lost race read again and decide again, at most MAX_CHANGE_ATTEMPTS times, then 409.
   * A request found pending after its first day is expired first (its own write and audit entry), and `apply` sees
   * it expired. `apply` returns null when there is nothing to write (an idempotent repeat); it may throw.
   * Null when there is no such request.
   */
  async change(stationId: string, id: string, today: string, apply: (current: Redeployment) => RequestChange | null): Promise<ChangeResult | null> {
    for (let attempt = 0; attempt < MAX_CHANGE_ATTEMPTS; attempt++) {
      if (attempt > 0) await sleep(Math.floor(Math.random() * 8 * Math.min(attempt, 4)) + 1);
      let current = await this.getStored(stationId, id);
      if (!current) return null;
      if (isDue(current, today)) {
        const now = new Date();
        const expired = expire(current, now);
        const written = await this.write(current.version, {
          next: expired,
          entry: {
            id: newAuditId(now),
            stationId,
            at: now.toISOString(),
            actor: SYSTEM(stationId),
            action: 'redeployment.expired',
            target: { kind: 'redeployment', id },
            ...summaryOf(say('audit.redeployment.expired', { requestId: id, from: current.from, personId: current.personId, post: current.post })),
            detail: { status: 'expired', from: current.from, to: current.to, decisions: current.decisions.length, version: expired.version },
          },
        });
        if (!written) continue;
        current = expired;
      }
      const change = apply(current);
      if (change === null) return { request: current, changed: false };
      if (await this.write(current.version, change)) {
        if (change.replan) await this.replanAfterChange(change.next, change.entry, today);
        return { request: change.next, changed: true };
      }
    }
    throw conflict(say('error.store.contended', { kind: 'request', id }));
  }

  /**
   * One conditional UpdateItem: the new document, status index, version, and the audit entry in the outbox, on the
   * condition that the stored version is still `expected`. False when another writer won; throws on other failures.
   */
  private async write(expected: number, change: RequestChange): Promise<boolean> {
    const { next, entry } = change;
    const key = keys.redeployment(next.stationId, next.id);
    const outbox = outboxOnUpdate(entry);
    const indexed = this.indexed(next);
    const written = await sendIfHeld(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression:
          `SET #request = :request, #version = :version, #status = :status, gsi1pk = :gsi1pk, ${outbox.set}` +
          (change.replan ? ', replanPending = :replan' : ''),
        ConditionExpression: 'itemType = :type AND #version = :expected',
        ExpressionAttributeNames: { '#request': 'request', '#version': 'version', '#status': 'status', ...outbox.names },
        ExpressionAttributeValues: {
          ':request': next,
          ':version': indexed.version,
          ':status': indexed.status,
          ':gsi1pk': indexed.gsi1pk,
          ':type': 'redeployment',
          ':expected': expected,
          ...(change.replan ? { ':replan': { at: entry.at, actor: entry.actor, status: next.status, version: next.version } } : {}),
          ...outbox.values,
        },
      }),
    );
    if (!written) return false;
    await this.audit.flushAfterChange(key, entry);
    await this.onChanged(next);
    return true;
  }

  /**
   * After an approval, rejection or withdrawal: marks the published days in the request's dates (from today on) as
   * needing a re-plan, then clears `replanPending`. Best effort right after the change: what is left undone is
   * picked up by resumeReplans (the nightly job), since the marking is idempotent.
   */
  private async replanAfterChange(request: Redeployment, entry: AuditEntry, today: string): Promise<void> {
    try {
      await this.replan(request, { at: entry.at, actor: entry.actor, status: request.status, version: request.version }, today);
    } catch (error) {
      this.log.warn('re-plan marking left for the nightly job', { redeploymentId: request.id, error: error instanceof Error ? error : String(error) });
    }
  }

  private async replan(request: Redeployment, cause: { at: string; actor: AuditEntry['actor']; status: string; version: number }, today: string) {
    const from = request.from > today ? request.from : today;
    await this.plans.replanPublished(request.stationId, from, request.to, {
      at: cause.at,
      actor: cause.actor,
      key: `${request.id}@${cause.version}`,
      why: { kind: 'request', requestId: request.id, personId: request.personId, post: request.post, from: request.from, to: request.to, status: cause.status },
      detail: { redeploymentId: request.id, status: cause.status },
    });
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.redeployment(request.stationId, request.id),
          UpdateExpression: 'REMOVE replanPending',
          ConditionExpression: 'replanPending.#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': cause.version },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) translateStoreError(error);
      });
  }

  /** Carries every status change whose re-plan marking was interrupted to the published plans (idempotent). */
  async resumeReplans(stationId: string, today: string): Promise<number> {
    let done = 0;
    const pages = queryPages(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rd)',
      FilterExpression: 'attribute_exists(replanPending)',
      ExpressionAttributeValues: { ':pk': keys.stationPartition(stationId), ':rd': 'RD#' },
      ConsistentRead: true,
    });
    for await (const page of pages)
      for (const item of page) {
        const pending = item.replanPending as { at: string; actor: AuditEntry['actor']; status: string; version: number };
        await this.replan(documentOf(item), pending, today);
        done += 1;
      }
    return done;
  }

  /**
   * For the nightly job: expires every request of the station still pending after its first day (`today` in the
   * station's zone; reads do the same lazily), and finishes re-plan markings a crash interrupted. Returns the ids expired.
   */
  async expirePending(stationId: string, today: string): Promise<string[]> {
    const expired = await this.expireDue(stationId, today);
    await this.resumeReplans(stationId, today);
    return expired;
  }

  /** Expires the station's due pending requests (one query on the `pending` status partition). Returns their ids. */
  async expireDue(stationId: string, today: string): Promise<string[]> {
    const expired: string[] = [];
    const pages = queryPages(this.client, {
      TableName: this.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :p',
      FilterExpression: 'dateFrom < :today',
      ExpressionAttributeValues: { ':p': keys.redeploymentsIndex(stationId, 'pending'), ':today': today },
    });
    for await (const page of pages)
      for (const item of page) {
        const id = documentOf(item).id;
        const result = await this.change(stationId, id, today, () => null);
        if (result?.request.status === 'expired') expired.push(id);
      }
    return expired;
  }

  /**
   * A page of the station's requests, oldest first: by status through GSI1, or all of them in the station's
   * partition. Statuses are as a reader sees them today (a due pending request shows as expired and is left out of
   * a `pending` page).
   */
  async list(stationId: string, options: { status?: RedeploymentStatus; today: string; cursor?: string | null; limit?: number }): Promise<Page<Redeployment>> {
    const { status, today } = options;
    const limit = options.limit ?? 100;
    const page = status
      ? await send(
          this.client,
          new QueryCommand({
            TableName: this.tableName,
            IndexName: GSI1,
            KeyConditionExpression: 'gsi1pk = :p',
            ExpressionAttributeValues: { ':p': keys.redeploymentsIndex(stationId, status) },
            ExclusiveStartKey: decodeCursor(
              options.cursor,
              (k) => k.gsi1pk === keys.redeploymentsIndex(stationId, status) && k.pk === keys.stationPartition(stationId),
            ),
            Limit: limit,
          }),
        )
      : await send(
          this.client,
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rd)',
            ExpressionAttributeValues: { ':pk': keys.stationPartition(stationId), ':rd': 'RD#' },
            ExclusiveStartKey: decodeCursor(options.cursor, (k) => k.pk === keys.stationPartition(stationId) && (k.sk ?? '').startsWith('RD#')),
            Limit: limit,
            ConsistentRead: true,
          }),
        );
    const items = (page.Items ?? [])
      .filter((i) => i.itemType === 'redeployment')
      .map((i) => asRead(documentOf(i), today))
      .filter((r) => !status || r.status === status);
    return { items, next: encodeCursor(page.LastEvaluatedKey) };
  }

  /** Every request of the station with one of these statuses, optionally only those overlapping `from`..`to`. */
  async withStatus(stationId: string, statuses: readonly RedeploymentStatus[], range?: { from: string; to: string }): Promise<Redeployment[]> {
    const out: Redeployment[] = [];
    for (const status of statuses) {
      const items = await queryAll(this.client, {
        TableName: this.tableName,
        IndexName: GSI1,
        KeyConditionExpression: 'gsi1pk = :p',
        ...(range ? { FilterExpression: 'dateFrom <= :to AND dateTo >= :from' } : {}),
        ExpressionAttributeValues: { ':p': keys.redeploymentsIndex(stationId, status), ...(range ? { ':from': range.from, ':to': range.to } : {}) },
      });
      for (const item of items) out.push(documentOf(item));
    }
    return out;
  }

  /**
   * The station's fully approved requests that touch `from`..`to` (AP-5), for the planner. The status index is
   * eventually consistent in DynamoDB, so each hit is confirmed by a consistent read: a request withdrawn a moment
   * ago is never planned with.
   */
  async approvedFor(stationId: string, from: string, to: string): Promise<ApprovedRedeployment[]> {
    const out: ApprovedRedeployment[] = [];
    for (const candidate of await this.withStatus(stationId, ['approved'], { from, to })) {
      const now = await this.getStored(stationId, candidate.id);
      if (now && now.status === 'approved') out.push(asApproved(now));
    }
    return out.sort((a, b) => a.from.localeCompare(b.from) || a.id.localeCompare(b.id));
  }
}
