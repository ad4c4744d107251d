// The store's one way to call DynamoDB: every failure comes back as the product error it means (errors.ts), and
// every multi-page query is paged by the SDK's own paginator instead of a hand-written LastEvaluatedKey loop.
import {
  paginateQuery,
  type DeleteCommand,
  type DeleteCommandOutput,
  type GetCommand,
  type GetCommandOutput,
  type PutCommand,
  type PutCommandOutput,
  type QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  type UpdateCommand,
  type UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { StoreClient } from './client.ts';
import { isConditionFailure, translateStoreError } from './errors.ts';

type StoreCommand = GetCommand | PutCommand | QueryCommand | UpdateCommand | DeleteCommand;
type OutputOf<C> = C extends GetCommand
  ? GetCommandOutput
  : C extends PutCommand
    ? PutCommandOutput
    : C extends QueryCommand
      ? QueryCommandOutput
      : C extends UpdateCommand
        ? UpdateCommandOutput
        : DeleteCommandOutput;

/** Sends one conditional write: true when it was written, false when its condition did not hold; other failures as `send`. */
export async function sendIfHeld(client: StoreClient, command: PutCommand | UpdateCommand | DeleteCommand): Promise<boolean> {
  try {
    await (client.send as (command: StoreCommand) => Promise<unknown>).call(client, command);
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    return translateStoreError(error);
  }
}

/** Sends one command; a failed condition becomes a 409 worded by `onConflict`, throttling a 503 (errors.ts). */
export async function send<C extends StoreCommand>(client: StoreClient, command: C, onConflict?: string): Promise<OutputOf<C>> {
  try {
    // The document client's `send` is overloaded per command; one signature covers the ones the store uses.
    return (await (client.send as (command: StoreCommand) => Promise<unknown>).call(client, command)) as OutputOf<C>;
  } catch (error) {
    return translateStoreError(error, onConflict);
  }
}

export type Item = Record<string, unknown>;

/** The pages of a query, one after another (paginateQuery follows LastEvaluatedKey); errors translated. */
export async function* queryPages(client: StoreClient, input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): AsyncGenerator<Item[]> {
  const pages = paginateQuery({ client }, input);
  while (true) {
    let next: IteratorResult<QueryCommandOutput>;
    try {
      next = await pages.next();
    } catch (error) {
      translateStoreError(error);
    }
    if (next.done) return;
    yield next.value.Items ?? [];
  }
}

/** Every item a query matches, across all its pages. */
export async function queryAll(client: StoreClient, input: Omit<QueryCommandInput, 'ExclusiveStartKey'>): Promise<Item[]> {
  const items: Item[] = [];
  for await (const page of queryPages(client, input)) items.push(...page);
  return items;
}
