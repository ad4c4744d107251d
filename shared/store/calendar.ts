// The official calendar's years an admin loaded (`PUT /calendar/{year}`, CAL-3): one item per year, versioned, its
// audit entry riding in the same conditional write (trail `_calendar`). The built-in package data is not stored.
import { GetCommand, PutCommand, } from '@aws-sdk/lib-dynamodb';
import type { OfficialYear } from '../calendar/index.ts';
import type { AuditEntry } from '../domain/audit.ts';
import { type AuditTrail, outboxOnCreate } from './audit.ts';
import type { StoreClient } from './client.ts';
import { keys } from './table.ts';
import { queryAll, send } from './send.ts';

export type LoadedYear = OfficialYear & { year: string; version: number; updatedAt: string; updatedBy: string };

const toYear = (item: Record<string, unknown>): LoadedYear => ({
  year: String(item.year),
  holidays: (item.holidays ?? []) as LoadedYear['holidays'],
  makeUpWorkdays: (item.makeUpWorkdays ?? []) as string[],
  version: Number(item.version),
  updatedAt: String(item.updatedAt),
  updatedBy: String(item.updatedBy),
});

export class CalendarStore {
  constructor(
    private readonly client: StoreClient,
    private readonly tableName: string,
    private readonly audit: AuditTrail,
  ) {}

  /** Every loaded year (a few dozen items at most: one partition, read whole). */
  async loadedYears(): Promise<LoadedYear[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :year)',
      ExpressionAttributeValues: { ':pk': keys.calendarPartition, ':year': 'YEAR#' },
      ConsistentRead: true,
    });
    const out = items.map(toYear);
    return out;
  }

  async get(year: string): Promise<LoadedYear | null> {
    const { Item } = await send(this.client, new GetCommand({ TableName: this.tableName, Key: keys.calendarYear(year), ConsistentRead: true }));
    return Item ? toYear(Item) : null;
  }

  /**
   * Loads or replaces a year if the stored version is still `expectedVersion` (`null`: not loaded yet). One conditional
   * single-item write with the audit entry in the item's outbox; a concurrent loader loses with 409.
   */
  async put(year: string, data: OfficialYear, options: { expectedVersion: number | null; entry: AuditEntry }): Promise<LoadedYear> {
    const { expectedVersion, entry } = options;
    const version = (expectedVersion ?? 0) + 1;
    const key = keys.calendarYear(year);
    const item = {
      ...key,
      year,
      holidays: data.holidays,
      makeUpWorkdays: data.makeUpWorkdays,
      version,
      updatedAt: entry.at,
      updatedBy: entry.actor.sub,
      // The whole item is rewritten: the outbox holds this change's entry (older ones were flushed when written).
      ...outboxOnCreate(entry),
    };
    await send(
      this.client,
      new PutCommand({
        TableName: this.tableName,
        Item: item,
        ConditionExpression: expectedVersion === null ? 'attribute_not_exists(pk)' : '#version = :expected',
        ...(expectedVersion === null
          ? {}
          : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':expected': expectedVersion } }),
      }),
      `The calendar of ${year} was changed by someone else first; read it and retry.`,
    );
    await this.audit.flushAfterChange(key, entry);
    return { year, holidays: data.holidays, makeUpWorkdays: data.makeUpWorkdays, version, updatedAt: entry.at, updatedBy: entry.actor.sub };
  }
}
