// Notices and calendar feeds of one person (API.md, "Notices and calendar feeds").
//
// A notice is one item in the person's partition, written by the code path that made the change, right after the
// change's own write, with a put that is conditional on the notice not existing yet. Its id is derived from its
// cause (`<at of the cause>#<hash of the cause's key>`), so writing it again (a retry, or the resumption of a
// request's pending effect) leaves exactly one. No transaction is needed: the change never depends on the notice.
// "Read" is one mark per person (`upTo`: the newest notice id read), so marking is one conditional write, never one
// per notice.
//
// A calendar feed stores only the SHA-256 of its secret: the person's FEED item names the hash in use, and the
// FEED#<hash> item leads back to the person. A feed is valid only while the person's item still names its hash, so a
// new secret or a revocation is one write to the person's item and the old URL stops working at once.
import { logger } from '../telemetry.ts';
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredNotice } from '../domain/day-to-day.ts';
import type { StoreClient } from './client.ts';
import { decodeCursor, encodeCursor, type Page } from './cursor.ts';
import { isConditionFailure, translateStoreError } from './errors.ts';
import { keys } from './table.ts';
import { sendIfHeld } from './send.ts';

export const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The id of a notice: its cause's instant, then a hash of its cause's key (the same cause, the same id). */
export const noticeId = (at: string, key: string): string => `${at}#${hashOf(key).slice(0, 16)}`;

export type NoticeToWrite = { stationId: string; personId: string; key: string; at: string; kind: StoredNotice['kind']; params: StoredNotice['params'] };

export class NoticeStore {
  constructor(
    private readonly client: StoreClient,
    private readonly tableName: string,
  ) {}

  /** Writes each notice once (idempotent by its cause key). Failures are logged, never thrown: the change stands. */
  async send(notices: readonly NoticeToWrite[]): Promise<number> {
    let written = 0;
    for (const n of notices) {
      const id = noticeId(n.at, n.key);
      const notice: StoredNotice = { id, at: n.at, kind: n.kind, params: n.params };
      try {
        await this.client.send(
          new PutCommand({ TableName: this.tableName, Item: { ...keys.notice(n.stationId, n.personId, id), itemType: 'notice', notice }, ConditionExpression: 'attribute_not_exists(pk)' }),
        );
        written += 1;
      } catch (error) {
        if (!isConditionFailure(error)) logger.warn('notice not written', { key: n.key, personId: n.personId, error: String(error) });
      }
    }
    return written;
  }

  /** The person's notices, newest first, with the read mark. */
  async list(stationId: string, personId: string, options: { cursor?: string | null; limit?: number } = {}): Promise<{ page: Page<StoredNotice>; upTo: string | null; unread: number }> {
    const pk = keys.personPartition(stationId, personId);
    const page = await this.client
      .send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :n)',
          ExpressionAttributeValues: { ':pk': pk, ':n': 'NOTICE#' },
          ScanIndexForward: false,
          Limit: options.limit ?? 50,
          ConsistentRead: true,
          ExclusiveStartKey: decodeCursor(options.cursor, (k) => k.pk === pk),
        }),
      )
      .catch(translateStoreError);
    const upTo = await this.readMark(stationId, personId);
    const unread = await this.countAfter(pk, upTo);
    return { page: { items: (page.Items ?? []).map((i) => i.notice as StoredNotice), next: encodeCursor(page.LastEvaluatedKey) }, upTo, unread };
  }

  private async readMark(stationId: string, personId: string): Promise<string | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.noticesRead(stationId, personId), ConsistentRead: true })).catch(translateStoreError);
    return typeof Item?.upTo === 'string' ? Item.upTo : null;
  }

  private async countAfter(pk: string, upTo: string | null): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client
        .send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: 'pk = :pk AND sk > :after',
            FilterExpression: 'itemType = :notice',
            ExpressionAttributeValues: { ':pk': pk, ':after': `NOTICE#${upTo ?? ''}`, ':notice': 'notice' },
            Select: 'COUNT',
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        )
        .catch(translateStoreError);
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return count;
  }

  /** Marks every notice up to `upTo` read; the mark only moves forward (one conditional write). */
  async markRead(stationId: string, personId: string, upTo: string): Promise<string> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.noticesRead(stationId, personId),
          UpdateExpression: 'SET upTo = :upTo',
          ConditionExpression: 'attribute_not_exists(upTo) OR upTo < :upTo',
          ExpressionAttributeValues: { ':upTo': upTo },
        }),
      );
      return upTo;
    } catch (error) {
      if (!isConditionFailure(error)) translateStoreError(error);
      return (await this.readMark(stationId, personId)) ?? upTo;
    }
  }

  /** A new feed secret's hash becomes the person's feed (the previous one stops working). */
  async setFeed(stationId: string, personId: string, hash: string, at: string): Promise<void> {
    await this.client
      .send(new PutCommand({ TableName: this.tableName, Item: { ...keys.feed(hash), itemType: 'feed', stationId, personId, createdAt: at }, ConditionExpression: 'attribute_not_exists(pk)' }))
      .catch((error: unknown) => translateStoreError(error));
    await this.client
      .send(new PutCommand({ TableName: this.tableName, Item: { ...keys.personFeed(stationId, personId), itemType: 'person-feed', hash, createdAt: at } }))
      .catch((error: unknown) => translateStoreError(error));
  }

  /** Revokes the person's feed; false when there was none. */
  async revokeFeed(stationId: string, personId: string, at: string): Promise<boolean> {
    return sendIfHeld(
      this.client,
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.personFeed(stationId, personId),
        UpdateExpression: 'REMOVE #hash SET revokedAt = :at',
        ConditionExpression: 'attribute_exists(#hash)',
        ExpressionAttributeNames: { '#hash': 'hash' },
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }

  /** The person a secret's hash belongs to, if it is still their feed. */
  async feedOwner(hash: string): Promise<{ stationId: string; personId: string } | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.feed(hash), ConsistentRead: true })).catch(translateStoreError);
    if (Item?.itemType !== 'feed') return null;
    const owner = { stationId: String(Item.stationId), personId: String(Item.personId) };
    const { Item: current } = await this.client
      .send(new GetCommand({ TableName: this.tableName, Key: keys.personFeed(owner.stationId, owner.personId), ConsistentRead: true }))
      .catch(translateStoreError);
    return current?.hash === hash ? owner : null;
  }
}
