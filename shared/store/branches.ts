// Station summaries under their branch's partition: the branch page's list is one Query on `BRANCH#<branchId>`.
//
// A summary is rewritten whole after each change that can move its figures (store/index.ts computes it with the
// core's pure summarizeStation). The write is one conditional PutItem: it lands only if no summary computed from a
// later start is stored already. A recomputation reads the station after its own change was stored, so of two
// concurrent ones the later-started one has seen both changes: the condition keeps that one.
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StationSummary } from '../domain/branch.ts';
import type { StoreClient } from './client.ts';
import { decodeCursor, encodeCursor, type Page } from './cursor.ts';
import { keys } from './table.ts';
import { send, sendIfHeld } from './send.ts';

const SUMMARY_PREFIX = 'STATION#';

export class BranchStore {
  constructor(
    private readonly client: StoreClient,
    private readonly tableName: string,
  ) {}

  /**
   * Stores a station's summary unless one computed from a later start is there. `basis` is the instant the
   * computation started (before it read anything). Returns false when a fresher summary won.
   */
  async put(summary: StationSummary, basis: string): Promise<boolean> {
    return sendIfHeld(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.stationSummary(summary.branchId, summary.stationId), kind: 'station-summary', basis, summary },
        ConditionExpression: 'attribute_not_exists(pk) OR basis <= :basis',
        ExpressionAttributeValues: { ':basis': basis },
      }),
    );
  }

  /** Takes a station out of a branch's list (the station moved to another branch). */
  async remove(branchId: string, stationId: string): Promise<void> {
    await send(this.client, new DeleteCommand({ TableName: this.tableName, Key: keys.stationSummary(branchId, stationId) }));
  }

  async get(branchId: string, stationId: string): Promise<StationSummary | null> {
    const { Item } = await send(
      this.client,
      new GetCommand({ TableName: this.tableName, Key: keys.stationSummary(branchId, stationId), ConsistentRead: true }),
    );
    return Item?.kind === 'station-summary' ? (Item.summary as StationSummary) : null;
  }

  /** A page of the branch's station summaries, by station id. */
  async list(branchId: string, options: { cursor?: string | null; limit?: number } = {}): Promise<Page<StationSummary>> {
    const pk = keys.branchPartition(branchId);
    const page = await send(
      this.client,
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': SUMMARY_PREFIX },
        ExclusiveStartKey: decodeCursor(options.cursor, (k) => k.pk === pk && (k.sk ?? '').startsWith(SUMMARY_PREFIX)),
        Limit: options.limit ?? 100,
      }),
    );
    return {
      items: (page.Items ?? []).filter((i) => i.kind === 'station-summary').map((i) => i.summary as StationSummary),
      next: encodeCursor(page.LastEvaluatedKey),
    };
  }
}
