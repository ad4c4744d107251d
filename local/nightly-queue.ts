// A stand-in for the nightly SQS queue, in one process: the dispatcher's SendBatch appends, a driver hands batches to
// the very worker handler Lambda runs (SQS events in, partial batch responses out), and a record that fails
// `maxReceiveCount` times moves to the dead-letter list, as the queue's redrive policy does in the cloud.
import { randomUUID } from 'node:crypto';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { NightlyMessage, SendBatch } from '../shared/nightly/index.ts';

export const MAX_RECEIVE_COUNT = 3;

type Queued = { messageId: string; body: string; receiveCount: number; sentAt: number };

export class InProcessQueue {
  private readonly ready: Queued[] = [];
  readonly dead: SQSRecord[] = [];
  sent = 0;

  constructor(readonly maxReceiveCount = MAX_RECEIVE_COUNT) {}

  readonly send: SendBatch = async (messages: NightlyMessage[]) => {
    for (const m of messages) this.ready.push({ messageId: randomUUID(), body: JSON.stringify(m), receiveCount: 0, sentAt: Date.now() });
    this.sent += messages.length;
    return { failed: [] };
  };

  get depth(): number {
    return this.ready.length;
  }

  /** Up to `max` records, as SQS hands them to the event source mapping. */
  receive(max: number): SQSRecord[] {
    return this.ready.splice(0, max).map((q) => {
      q.receiveCount++;
      return toRecord(q);
    });
  }

  /** Settles a batch from the handler's answer: failures go back to the queue, or to the dead letters after the last try. */
  settle(records: readonly SQSRecord[], response: SQSBatchResponse | 'all-failed'): { failed: number } {
    const failedIds = new Set(response === 'all-failed' ? records.map((r) => r.messageId) : response.batchItemFailures.map((f) => f.itemIdentifier));
    for (const record of records) {
      if (!failedIds.has(record.messageId)) continue;
      const receiveCount = Number(record.attributes.ApproximateReceiveCount);
      if (receiveCount >= this.maxReceiveCount) this.dead.push(record);
      else this.ready.push({ messageId: record.messageId, body: record.body, receiveCount, sentAt: Number(record.attributes.SentTimestamp) });
    }
    return { failed: failedIds.size };
  }
}

function toRecord(q: Queued): SQSRecord {
  return {
    messageId: q.messageId,
    receiptHandle: `local-${q.messageId}-${q.receiveCount}`,
    body: q.body,
    attributes: {
      ApproximateReceiveCount: String(q.receiveCount),
      SentTimestamp: String(q.sentAt),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:local:000000000000:nightly',
    awsRegion: 'local',
  };
}

export const sqsEvent = (records: SQSRecord[]): SQSEvent => ({ Records: records });

export function localContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1769',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 180_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

type WorkerHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** Feeds the queue to `handler` in batches of `batchSize` until it is empty (failed records come round again). */
export async function drain(queue: InProcessQueue, handler: WorkerHandler, batchSize = 5): Promise<{ batches: number; failures: number }> {
  let batches = 0;
  let failures = 0;
  while (queue.depth > 0) {
    const records = queue.receive(batchSize);
    batches++;
    let response: SQSBatchResponse | 'all-failed';
    try {
      response = await handler(sqsEvent(records), localContext('nightly-worker'));
    } catch {
      response = 'all-failed';
    }
    failures += queue.settle(records, response).failed;
  }
  return { batches, failures };
}
