// One bench worker thread: its own store client to the shared dynalite endpoint, the very worker handler Lambda runs,
// and a count of the store calls it makes (with the capacity dynalite reports for single-item reads and writes).
import { parentPort, workerData } from 'node:worker_threads';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSRecord } from 'aws-lambda';
import { createWorkerHandler } from '../functions/nightly-worker/handler.ts';
import { localContext, sqsEvent } from '../local/nightly-queue.ts';
import type { NightlyOptions, NightResult } from '../shared/nightly/index.ts';
import { createStoreClient } from '../shared/store/client.ts';
import { RosterStore, useStore } from '../shared/store/index.ts';

export type ThreadData = { endpoint: string; tableName: string; options: NightlyOptions };
export type StoreStats = { calls: Record<string, number>; readUnits: number; writeUnits: number; indexWriteUnits: number; bytesWritten: number };
export type ThreadReply =
  | { type: 'ready' }
  | { type: 'done'; failed: string[]; results: NightResult[]; stats: StoreStats };

const { endpoint, tableName, options } = workerData as ThreadData;
const store = new RosterStore(createStoreClient({ endpoint, region: 'local' }), tableName);
useStore(store);

let stats: StoreStats = { calls: {}, readUnits: 0, writeUnits: 0, indexWriteUnits: 0, bytesWritten: 0 };
const itemBytes = (item: unknown): number =>
  JSON.stringify(item, (_k, v: unknown) => (v instanceof Uint8Array ? 'x'.repeat(v.byteLength) : v instanceof Set ? [...v] : v))?.length ?? 0;

// Counts every command and asks dynalite for the capacity of GetItem / PutItem / UpdateItem. dynalite reports none for
// Query, so a Query is costed from what it read: every returned item (plan heads: plus their packed body, which the
// index holds too) in 4 KB units, halved (eventually consistent). Index writes are estimated: an item with GSI1 keys
// (plan heads) is written again, in full, to gsi1; a change to the audit outbox touches the keys-only pending-audit index.
store.client.middlewareStack.add(
  (next, context) => async (args) => {
    // GetItem, PutItem, UpdateItem, Query (whether the document client or the low-level client names the command).
    const name = String(context.commandName ?? 'unknown').replace(/Command$/, '').replace(/Item$/, '');
    stats.calls[name] = (stats.calls[name] ?? 0) + 1;
    const input = args.input as Record<string, unknown>;
    if (name !== 'Query') input.ReturnConsumedCapacity = 'TOTAL';
    const result = await next(args);
    const output = result.output as Record<string, unknown> & { ConsumedCapacity?: { CapacityUnits?: number }; Items?: Record<string, unknown>[] };
    const units = output.ConsumedCapacity?.CapacityUnits ?? 0;
    if (name === 'Get') stats.readUnits += units;
    else if (name === 'Query') {
      const bodyBytes = (i: Record<string, unknown>) => Number((i.bodyBytes as { N?: string } | undefined)?.N ?? i.bodyBytes ?? 0) || 0;
      const bytes = (output.Items ?? []).reduce((s, i) => s + itemBytes(i) + bodyBytes(i), 0);
      stats.readUnits += Math.max(1, Math.ceil(bytes / 4096)) / 2;
    } else if (name === 'Put' || name === 'Update') {
      stats.writeUnits += units;
      const item = (input.Item ?? {}) as Record<string, unknown>;
      const expression = String(input.UpdateExpression ?? '');
      if (name === 'Put') stats.bytesWritten += itemBytes(item);
      const key = (input.Key ?? item) as { sk?: string };
      const planHead = /^PLAN#[^#]+$/.test(String(key.sk ?? ''));
      if (planHead) stats.indexWriteUnits += units;
      if ('pendingAudit' in item || expression.includes('pendingAudit')) stats.indexWriteUnits += 1;
    }
    return result;
  },
  { step: 'initialize', name: 'benchStoreStats' },
);

const silent = new Logger({ serviceName: 'nightly-bench', logLevel: 'SILENT' });
let results: NightResult[] = [];
const handler = createWorkerHandler({ options, logger: silent, onResult: (r) => results.push(r) });

const port = parentPort!;
port.on('message', (message: { type: 'batch'; records: SQSRecord[] } | { type: 'stop' }) => {
  if (message.type === 'stop') {
    store.client.destroy();
    port.close();
    return;
  }
  void (async () => {
    results = [];
    stats = { calls: {}, readUnits: 0, writeUnits: 0, indexWriteUnits: 0, bytesWritten: 0 };
    let failed: string[];
    try {
      failed = (await handler(sqsEvent(message.records), localContext('nightly-worker'))).batchItemFailures.map((f) => f.itemIdentifier);
    } catch {
      failed = message.records.map((r) => r.messageId);
    }
    port.postMessage({ type: 'done', failed, results, stats } satisfies ThreadReply);
  })();
});
port.postMessage({ type: 'ready' } satisfies ThreadReply);
