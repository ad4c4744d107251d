// Leave requests (LV-1) and swaps (SW-1): one item per request in the station's partition, changed only by
// conditional single-item writes on its `version`, each carrying its audit entry in the item's outbox (audit.ts),
// exactly like redeployments.ts. A decision whose effect lies in another item (an approved leave's absence in the
// station document, an approved swap's publication) is marked `effectPending` in the same write; the effect is then
// applied idempotently (ids derived from the request) and the mark cleared, and `pendingEffects` finds the marks a
// crash left behind, so the effect is never lost and never applied twice.
//
// Keys (table.ts): pk STATION#<stationId>, sk LV#<id> | SW#<id>; GSI1 gsi1pk LV#<stationId>#<status>, gsi1sk <id>.
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit.ts';
import { conflict } from '../domain/errors.ts';
import { say } from '../i18n/index.ts';
import { type AuditTrail, outboxOnCreate, outboxOnUpdate } from './audit.ts';
import type { StoreClient } from './client.ts';
import { isConditionFailure, translateStoreError } from './errors.ts';
import { keys } from './table.ts';
import { sendIfHeld } from './send.ts';

export type RequestKind = 'leave' | 'swap';
type Versioned = { id: string; stationId: string; status: string; version: number };
export type Change<T> = { next: T; entry: AuditEntry; effect?: boolean };

const PREFIX: Record<RequestKind, string> = { leave: 'LV', swap: 'SW' };
const MAX_ATTEMPTS = 12;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class RequestStore<T extends Versioned> {
  constructor(
    private readonly client: StoreClient,
    private readonly tableName: string,
    private readonly audit: AuditTrail,
    private readonly kind: RequestKind,
  ) {}

  private key(stationId: string, id: string) {
    return keys.request(stationId, PREFIX[this.kind], id);
  }

  async create(doc: T, entry: AuditEntry): Promise<T> {
    const key = this.key(doc.stationId, doc.id);
    await this.client
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, itemType: this.kind, version: doc.version, status: doc.status, doc, gsi1pk: keys.requestsIndex(doc.stationId, PREFIX[this.kind], doc.status), gsi1sk: doc.id, ...outboxOnCreate(entry) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch((error: unknown) => translateStoreError(error, `${doc.id} exists already; nothing was changed.`));
    await this.audit.flushAfterChange(key, entry);
    return doc;
  }

  async get(stationId: string, id: string): Promise<(T & { effectPending?: boolean }) | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: this.key(stationId, id), ConsistentRead: true })).catch(translateStoreError);
    return Item && Item.itemType === this.kind ? { ...(Item.doc as T), ...(Item.effectPending ? { effectPending: true } : {}) } : null;
  }

  /**
   * Read, decide (`apply`: null = nothing to write; it may throw), write on the version read; a lost race reads and
   * decides again, at most MAX_ATTEMPTS times, then 409. Null when there is no such request.
   */
  async change(stationId: string, id: string, apply: (current: T) => Change<T> | null): Promise<{ doc: T; changed: boolean } | null> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (attempt > 0) await sleep(Math.floor(Math.random() * 8 * Math.min(attempt, 4)) + 1);
      const current = await this.get(stationId, id);
      if (!current) return null;
      const { effectPending: _e, ...doc } = current;
      void _e;
      const change = apply(doc as unknown as T);
      if (change === null) return { doc: doc as unknown as T, changed: false };
      if (await this.write(current.version, change)) return { doc: change.next, changed: true };
    }
    throw conflict(say('error.conflict.busy', { id }));
  }

  private async write(expected: number, change: Change<T>): Promise<boolean> {
    const { next, entry } = change;
    const key = this.key(next.stationId, next.id);
    const outbox = outboxOnUpdate(entry);
    const written = await sendIfHeld(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: `SET doc = :doc, #version = :version, #status = :status, gsi1pk = :gsi1pk, ${outbox.set}${change.effect ? ', effectPending = :true' : ''}`,
        ConditionExpression: 'itemType = :type AND #version = :expected',
        ExpressionAttributeNames: { '#version': 'version', '#status': 'status', ...outbox.names },
        ExpressionAttributeValues: {
          ':doc': next,
          ':version': next.version,
          ':status': next.status,
          ':gsi1pk': keys.requestsIndex(next.stationId, PREFIX[this.kind], next.status),
          ':type': this.kind,
          ':expected': expected,
          ...(change.effect ? { ':true': true } : {}),
          ...outbox.values,
        },
      }),
    );
    if (!written) return false;
    await this.audit.flushAfterChange(key, entry);
    return true;
  }

  /** Clears the effect mark once the effect is applied (idempotent). */
  async effectDone(stationId: string, id: string): Promise<void> {
    await this.client
      .send(new UpdateCommand({ TableName: this.tableName, Key: this.key(stationId, id), UpdateExpression: 'REMOVE effectPending', ConditionExpression: 'attribute_exists(pk)' }))
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) translateStoreError(error);
      });
  }

  /** Every request of the station (newest first), optionally of one status; `pendingEffects` only those still marked. */
  async list(stationId: string, options: { status?: string; pendingEffects?: boolean } = {}): Promise<(T & { effectPending?: boolean })[]> {
    const out: (T & { effectPending?: boolean })[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client
        .send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ...(options.pendingEffects ? { FilterExpression: 'attribute_exists(effectPending)' } : options.status ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } } : {}),
            ExpressionAttributeValues: { ':pk': keys.stationPartition(stationId), ':prefix': `${PREFIX[this.kind]}#`, ...(options.status && !options.pendingEffects ? { ':status': options.status } : {}) },
            ConsistentRead: true,
            ScanIndexForward: false,
            ExclusiveStartKey: start,
          }),
        )
        .catch(translateStoreError);
      for (const item of page.Items ?? []) if (item.itemType === this.kind) out.push({ ...(item.doc as T), ...(item.effectPending ? { effectPending: true } : {}) });
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }
}
