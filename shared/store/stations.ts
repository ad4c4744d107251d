// Station configurations: one item each, versioned for optimistic locking, its audit entry in the same write.
import { gzipSync, gunzipSync } from 'node:zlib';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit.ts';
import type { StationConfig, StationRecord } from '../domain/station.ts';
import { type AuditTrail, outboxOnCreate, outboxOnUpdate } from './audit.ts';
import type { StoreClient } from './client.ts';
import { decodeCursor, encodeCursor, type Page } from './cursor.ts';
import { send } from './send.ts';
import { GSI1, keys } from './table.ts';

// The document is kept gzip-compressed: a 1,000-person station is ~250 KB of JSON, well under 400 KB once packed.
const pack = (config: StationConfig): Uint8Array => gzipSync(Buffer.from(JSON.stringify(config)));
const unpack = (doc: Uint8Array): StationConfig => JSON.parse(gunzipSync(doc).toString('utf8')) as StationConfig;

export type StationSummary = { id: string; name: string; version: number; updatedAt: string };

export class StationStore {
  constructor(
    private readonly client: StoreClient,
    private readonly tableName: string,
    private readonly audit: AuditTrail,
  ) {}

  async get(stationId: string): Promise<StationRecord | null> {
    const { Item } = await send(this.client, new GetCommand({ TableName: this.tableName, Key: keys.station(stationId), ConsistentRead: true }));
    if (!Item) return null;
    return {
      id: stationId,
      version: Number(Item.version),
      updatedAt: String(Item.updatedAt),
      updatedBy: String(Item.updatedBy),
      ...unpack(Item.doc as Uint8Array),
    };
  }

  /**
   * Writes a configuration if the stored version is still `expectedVersion` (`null`: the station must not exist yet).
   * One conditional single-item write; the audit entry rides along in the item's outbox.
   */
  async put(stationId: string, config: StationConfig, options: { expectedVersion: number | null; entry: AuditEntry }): Promise<StationRecord> {
    const { expectedVersion, entry } = options;
    const version = (expectedVersion ?? 0) + 1;
    const key = keys.station(stationId);
    const common = {
      version,
      doc: pack(config),
      name: config.name,
      updatedAt: entry.at,
      updatedBy: entry.actor.sub,
      gsi1pk: keys.stationsIndex,
      gsi1sk: stationId,
    };
    if (expectedVersion === null) {
      await send(
        this.client,
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, ...common, ...outboxOnCreate(entry) },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
        `Station ${stationId} was created by someone else first; read it and retry.`,
      );
    } else {
      const outbox = outboxOnUpdate(entry);
      await send(
        this.client,
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: `SET #version = :version, doc = :doc, #name = :name, updatedAt = :updatedAt, updatedBy = :updatedBy, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, ${outbox.set}`,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version', '#name': 'name', ...outbox.names },
          ExpressionAttributeValues: {
            ':version': version,
            ':doc': common.doc,
            ':name': common.name,
            ':updatedAt': common.updatedAt,
            ':updatedBy': common.updatedBy,
            ':gsi1pk': common.gsi1pk,
            ':gsi1sk': common.gsi1sk,
            ':expected': expectedVersion,
            ...outbox.values,
          },
        }),
        `Station ${stationId} changed since version ${expectedVersion}; read it again and retry.`,
      );
    }
    await this.audit.flushAfterChange(key, entry);
    return { id: stationId, version, updatedAt: entry.at, updatedBy: entry.actor.sub, ...config };
  }

  /** Every station, a page at a time, by id (the nightly dispatcher walks this). */
  async list(options: { cursor?: string | null; limit?: number } = {}): Promise<Page<StationSummary>> {
    const page = await send(
      this.client,
      new QueryCommand({
        TableName: this.tableName,
        IndexName: GSI1,
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': keys.stationsIndex },
        ProjectionExpression: 'gsi1sk, #name, #version, updatedAt',
        ExpressionAttributeNames: { '#name': 'name', '#version': 'version' },
        ExclusiveStartKey: decodeCursor(options.cursor, (k) => k.gsi1pk === keys.stationsIndex),
        Limit: options.limit ?? 100,
      }),
    );
    return {
      items: (page.Items ?? []).map((i) => ({ id: String(i.gsi1sk), name: String(i.name), version: Number(i.version), updatedAt: String(i.updatedAt) })),
      next: encodeCursor(page.LastEvaluatedKey),
    };
  }
}
