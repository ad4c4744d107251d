// The audit trail, and how a change and its audit entry can never come apart without transactions.
//
// dynalite has no TransactWriteItems, so a change and its audit entry cannot be written atomically as two items.
// Instead every changed item carries an `outbox` map: the same conditional single-item write that makes the change
// also puts its audit entry into the item's outbox and sets the sparse key `pendingAudit`. Afterwards the entry is
// copied into the station's audit partition (an idempotent put keyed by the entry id) and removed from the outbox.
// If the process dies in between, the entry is still in the outbox; every read of the audit trail first drains the
// station's outboxes (found through the sparse `pending-audit` index), so no change is ever visible without its entry,
// and an entry never describes a change that did not happen (it was written by the change itself).
import { PutCommand, QueryCommand, UpdateCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit.ts';
import type { StoreClient } from './client.ts';
import { decodeCursor, encodeCursor, type Page } from './cursor.ts';
import { isConditionFailure, translateStoreError } from './errors.ts';
import { queryPages, send } from './send.ts';
import type { Log } from '../telemetry.ts';
import { PENDING_AUDIT_INDEX, keys } from './table.ts';

type ItemKey = { pk: string; sk: string };

/** What a new item carries so that its creation brings its audit entry along (see the comment at the top). */
export function outboxOnCreate(entry: AuditEntry) {
  return { outbox: { [entry.id]: entry }, pendingAudit: keys.stationPartition(entry.stationId) };
}

/** The fragment an UpdateItem adds to its SET clause so that the change carries its audit entry. */
export function outboxOnUpdate(entry: AuditEntry) {
  return {
    set: 'outbox.#auditId = :auditEntry, pendingAudit = :pendingAudit',
    names: { '#auditId': entry.id },
    values: { ':auditEntry': entry, ':pendingAudit': keys.stationPartition(entry.stationId) },
  };
}

export function newAuditId(at: Date, random: () => number = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0');
  return `${at.toISOString()}#${suffix}`;
}

export class AuditTrail {
  constructor(
    private readonly client: StoreClient,
    private readonly tableName: string,
    private readonly log: Log,
  ) {}

  /** Copies one outbox entry into the audit partition, then clears it from the item's outbox. Idempotent. */
  async flush(item: ItemKey, entry: AuditEntry): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: keys.auditPartition(entry.stationId), sk: entry.id, entry },
          ConditionExpression: 'attribute_not_exists(sk)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) translateStoreError(error);
    }
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: item,
          UpdateExpression: 'REMOVE outbox.#id',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#id': entry.id },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) translateStoreError(error);
    }
    await this.clearPendingIfEmpty(item);
  }

  /**
   * `flush` for the moment right after a change: the change is already stored with its entry in the outbox, so a
   * failure here must not turn a success into an error; the next read of the trail copies the entry (`drain`).
   */
  async flushAfterChange(item: ItemKey, entry: AuditEntry): Promise<void> {
    try {
      await this.flush(item, entry);
    } catch (error) {
      this.log.warn('audit entry left in the outbox for the next read', { entryId: entry.id, error: error instanceof Error ? error : String(error) });
    }
  }

  /** Copies every entry still waiting in the station's outboxes. */
  async drain(stationId: string): Promise<void> {
    const pages = queryPages(this.client, {
      TableName: this.tableName,
      IndexName: PENDING_AUDIT_INDEX,
      KeyConditionExpression: 'pendingAudit = :p',
      ExpressionAttributeValues: { ':p': keys.stationPartition(stationId) },
    });
    for await (const page of pages)
      for (const key of page) {
        const item = { pk: String(key.pk), sk: String(key.sk) };
        const { Item } = await send(
          this.client,
          new GetCommand({ TableName: this.tableName, Key: item, ProjectionExpression: 'outbox', ConsistentRead: true }),
        );
        const outbox = (Item?.outbox ?? {}) as Record<string, AuditEntry>;
        for (const entry of Object.values(outbox)) await this.flush(item, entry);
        if (Object.keys(outbox).length === 0) await this.clearPendingIfEmpty(item);
      }
  }

  /** Drops the sparse index key, but only when nothing else is waiting in the outbox. */
  private async clearPendingIfEmpty(item: ItemKey): Promise<void> {
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: item,
          UpdateExpression: 'REMOVE pendingAudit',
          ConditionExpression: 'size(outbox) = :zero',
          ExpressionAttributeValues: { ':zero': 0 },
        }),
      )
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) translateStoreError(error);
      });
  }

  /** The station's trail, oldest first, optionally between two instants (ISO 8601 UTC, `from` inclusive, `until` exclusive). */
  async list(stationId: string, options: { from?: string; until?: string; cursor?: string | null; limit?: number } = {}): Promise<Page<AuditEntry>> {
    await this.drain(stationId);
    const pk = keys.auditPartition(stationId);
    // Entry ids begin with the UTC instant, so a range of instants is a range of sort keys ('#' sorts before digits).
    const lower = options.from ?? '0000';
    const upper = options.until ? `${options.until}` : '9999';
    const page = await send(
      this.client,
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
        ExpressionAttributeValues: { ':pk': pk, ':lo': lower, ':hi': upper },
        ExclusiveStartKey: decodeCursor(options.cursor, (k) => k.pk === pk),
        Limit: options.limit ?? 100,
        ConsistentRead: true,
      }),
    );
    return { items: (page.Items ?? []).map((i) => i.entry as AuditEntry), next: encodeCursor(page.LastEvaluatedKey) };
  }
}
