// Station configurations: one item each, versioned for optimistic locking, its audit entry in the same write.
import { say } from '../i18n/index.ts';
import { gzipSync, gunzipSync } from 'node:zlib';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit.ts';
import { DomainError, conflict } from '../domain/errors.ts';
import { DEFAULT_BRANCH } from '../domain/primitives.ts';
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

/** Called after every stored change with the branch the station was under before, when that changed. */
export type StationChanged = (stationId: string, hint: { movedFrom?: string }) => Promise<void>;

export class StationStore {
  constructor(
    private readonly client: StoreClient,
    private readonly tableName: string,
    private readonly audit: AuditTrail,
    private readonly changed: StationChanged = async () => {},
  ) {}

  async get(stationId: string): Promise<StationRecord | null> {
    const { Item } = await send(this.client, new GetCommand({ TableName: this.tableName, Key: keys.station(stationId), ConsistentRead: true }));
    if (!Item) return null;
    const config = unpack(Item.doc as Uint8Array);
    return {
      id: stationId,
      version: Number(Item.version),
      updatedAt: String(Item.updatedAt),
      updatedBy: String(Item.updatedBy),
      ...config,
      // Stations stored before branches existed belong to "default" (API.md, Branches).
      branchId: config.branchId ?? DEFAULT_BRANCH,
    };
  }

  /** Only the station's branch (the tenancy check of a branch user), or null when there is no such station. */
  async branchOf(stationId: string): Promise<string | null> {
    const { Item } = await send(
      this.client,
      new GetCommand({ TableName: this.tableName, Key: keys.station(stationId), ProjectionExpression: 'pk, branchId', ConsistentRead: true }),
    );
    if (!Item) return null;
    return typeof Item.branchId === 'string' ? Item.branchId : DEFAULT_BRANCH;
  }

  /**
   * Writes a configuration if the stored version is still `expectedVersion` (`null`: the station must not exist yet).
   * One conditional single-item write; the audit entry rides along in the item's outbox.
   */
  async put(stationId: string, config: StationConfig, options: { expectedVersion: number | null; entry: AuditEntry }): Promise<StationRecord> {
    const { expectedVersion, entry } = options;
    const version = (expectedVersion ?? 0) + 1;
    const key = keys.station(stationId);
    const branchId = config.branchId ?? DEFAULT_BRANCH;
    config = { ...config, branchId };
    const common = {
      version,
      doc: pack(config),
      branchId,
      name: config.name,
      updatedAt: entry.at,
      updatedBy: entry.actor.sub,
      gsi1pk: keys.stationsIndex,
      gsi1sk: stationId,
    };
    let movedFrom: string | undefined;
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
      const out = await send(
        this.client,
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: `SET #version = :version, doc = :doc, branchId = :branchId, #name = :name, updatedAt = :updatedAt, updatedBy = :updatedBy, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, ${outbox.set}`,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version', '#name': 'name', ...outbox.names },
          ExpressionAttributeValues: {
            ':version': version,
            ':doc': common.doc,
            ':branchId': branchId,
            ':name': common.name,
            ':updatedAt': common.updatedAt,
            ':updatedBy': common.updatedBy,
            ':gsi1pk': common.gsi1pk,
            ':gsi1sk': common.gsi1sk,
            ':expected': expectedVersion,
            ...outbox.values,
          },
          // The branch it was under: a move must take the station's summary out of the old branch's list.
          ReturnValues: 'UPDATED_OLD',
        }),
        `Station ${stationId} changed since version ${expectedVersion}; read it again and retry.`,
      );
      const before = out.Attributes?.branchId;
      movedFrom = typeof before === 'string' ? before : DEFAULT_BRANCH;
    }
    await this.audit.flushAfterChange(key, entry);
    await this.changed(stationId, movedFrom !== undefined && movedFrom !== branchId ? { movedFrom } : {});
    return { id: stationId, version, updatedAt: entry.at, updatedBy: entry.actor.sub, ...config };
  }

  /**
   * A change to the station document decided by `apply` on the document as it is now (an absence, a pin): read,
   * decide, one conditional write on the version read; when another writer won, read again and decide again (at most
   * `attempts` times, jittered), then 409. `apply` returns null when there is nothing to write; it may throw.
   */
  async change<T>(
    stationId: string,
    apply: (current: StationRecord) => { config: StationConfig; entry: AuditEntry; result: T } | { result: T; config?: undefined },
    attempts = 12,
  ): Promise<{ station: StationRecord; result: T; changed: boolean } | null> {
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 10 * Math.min(attempt, 5)) + 1));
      const current = await this.get(stationId);
      if (!current) return null;
      const decided = apply(current);
      if (decided.config === undefined) return { station: current, result: decided.result, changed: false };
      try {
        const station = await this.put(stationId, decided.config, { expectedVersion: current.version, entry: decided.entry });
        return { station, result: decided.result, changed: true };
      } catch (error) {
        if (error instanceof DomainError && error.status === 409) continue;
        throw error;
      }
    }
    throw conflict(say('error.store.contended', { kind: 'station', id: stationId }));
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
