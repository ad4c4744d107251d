// Nightly run markers: one item per station and night (`STATION#<id>` / `NIGHTLY#<night>`) that makes the nightly job
// idempotent under SQS's at-least-once delivery.
//
//   claim    one conditional UpdateItem: the marker must not exist yet, or be `running` with an expired lease.
//            It becomes `running`, owned by this attempt, with a lease a little longer than the worker's timeout.
//   finish   conditional on still owning the running marker: `done`, with the night's summary.
//   release  after a failure: expires the lease at once, so the redelivered message may take over without waiting.
//
// A redelivered message for a `done` night finds the marker and changes nothing. A worker that crashed mid-way leaves a
// `running` marker whose lease runs out, so the retry (SQS makes the message visible again after the visibility
// timeout, which is longer than the lease) claims it and does the night again. A duplicate that arrives while another
// worker holds a live lease is refused (`claimed: false`) and retried later by SQS.
// Markers expire through the table's TTL attribute `expiresAt` (epoch seconds; dynalite ignores it, which is fine).
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreClient } from './client.ts';
import { isConditionFailure, translateStoreError } from './errors.ts';
import { send } from './send.ts';
import { keys } from './table.ts';

export type NightlyStatus = 'running' | 'done';

export type NightlyMarker = {
  stationId: string;
  night: string;
  status: NightlyStatus;
  /** The attempt that holds (or last held) the marker. */
  owner: string;
  /** ISO instant (UTC) after which a `running` marker may be taken over. */
  leaseUntil: string;
  attempts: number;
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  lastError?: string;
  /** The night's summary, once `done`. */
  result?: Record<string, unknown>;
};

export type NightlyClaim = { claimed: true; marker: NightlyMarker } | { claimed: false; marker: NightlyMarker | null };

export type ClaimOptions = {
  owner: string;
  now: Date;
  leaseSeconds: number;
  /** How long the marker is kept (TTL), in days. */
  keepDays: number;
};

function markerOf(item: Record<string, unknown>): NightlyMarker {
  return {
    stationId: String(item.stationId),
    night: String(item.night),
    status: item.status === 'done' ? 'done' : 'running',
    owner: String(item.owner),
    leaseUntil: String(item.leaseUntil),
    attempts: Number(item.attempts ?? 0),
    startedAt: String(item.startedAt),
    updatedAt: String(item.updatedAt),
    ...(typeof item.finishedAt === 'string' ? { finishedAt: item.finishedAt } : {}),
    ...(typeof item.lastError === 'string' ? { lastError: item.lastError } : {}),
    ...(item.result && typeof item.result === 'object' ? { result: item.result as Record<string, unknown> } : {}),
  };
}

export class NightlyStore {
  constructor(
    private readonly client: StoreClient,
    private readonly tableName: string,
  ) {}

  async get(stationId: string, night: string): Promise<NightlyMarker | null> {
    const { Item } = await send(this.client, new GetCommand({ TableName: this.tableName, Key: keys.nightly(stationId, night), ConsistentRead: true }));
    return Item ? markerOf(Item) : null;
  }

  /** Takes the night for `owner` if nobody did it and nobody holds a live lease on it (see the top of this file). */
  async claim(stationId: string, night: string, options: ClaimOptions): Promise<NightlyClaim> {
    const now = options.now.toISOString();
    try {
      const { Attributes } = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.nightly(stationId, night),
          UpdateExpression:
            'SET stationId = :stationId, #night = :night, #status = :running, #owner = :owner, leaseUntil = :lease, ' +
            'startedAt = if_not_exists(startedAt, :now), updatedAt = :now, expiresAt = :expiresAt ADD attempts :one',
          ConditionExpression: 'attribute_not_exists(pk) OR (#status = :running AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status', '#owner': 'owner', '#night': 'night' },
          ExpressionAttributeValues: {
            ':stationId': stationId,
            ':night': night,
            ':running': 'running',
            ':owner': options.owner,
            ':lease': new Date(options.now.getTime() + options.leaseSeconds * 1000).toISOString(),
            ':now': now,
            ':expiresAt': Math.floor(options.now.getTime() / 1000) + options.keepDays * 86_400,
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { claimed: true, marker: markerOf(Attributes ?? {}) };
    } catch (error) {
      if (!isConditionFailure(error)) translateStoreError(error);
      return { claimed: false, marker: await this.get(stationId, night) };
    }
  }

  /** Marks the night done with its summary; false if `owner` no longer holds it (another attempt took over). */
  async finish(stationId: string, night: string, owner: string, result: Record<string, unknown>, now: Date): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.nightly(stationId, night),
          UpdateExpression: 'SET #status = :done, finishedAt = :now, updatedAt = :now, #result = :result REMOVE lastError',
          ConditionExpression: '#status = :running AND #owner = :owner',
          ExpressionAttributeNames: { '#status': 'status', '#owner': 'owner', '#result': 'result' },
          ExpressionAttributeValues: { ':done': 'done', ':running': 'running', ':owner': owner, ':now': now.toISOString(), ':result': result },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) translateStoreError(error);
      return false;
    }
  }

  /** After a failed attempt: ends its lease now (so a retry need not wait for it) and notes the error. */
  async release(stationId: string, night: string, owner: string, error: string, now: Date): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.nightly(stationId, night),
          UpdateExpression: 'SET leaseUntil = :now, updatedAt = :now, lastError = :error',
          ConditionExpression: '#status = :running AND #owner = :owner',
          ExpressionAttributeNames: { '#status': 'status', '#owner': 'owner' },
          ExpressionAttributeValues: { ':running': 'running', ':owner': owner, ':now': now.toISOString(), ':error': error.slice(0, 1000) },
        }),
      );
    } catch (failure) {
      if (!isConditionFailure(failure)) translateStoreError(failure);
    }
  }
}
