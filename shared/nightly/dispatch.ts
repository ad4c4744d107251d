// The nightly dispatcher: pages through every station (store.stations.list) and sends one message per station, ten to
// a batch (SQS SendMessageBatch's limit). The queue is a port: SQS in the cloud (functions/nightly-dispatch), an
// in-process queue locally and in the bench. A batch that fails is retried once; entries that still fail are counted
// and paging goes on, so one bad batch never costs the stations after it. Sending the same night twice is harmless:
// the worker does each station's night once (shared/store/nightly.ts).
import type { RosterStore } from '../store/index.ts';
import type { NightlyMessage } from './message.ts';

export const SEND_BATCH_SIZE = 10;

/** Sends up to ten messages; returns the ones that were not accepted (or throws when none were). */
export type SendBatch = (messages: NightlyMessage[]) => Promise<{ failed: NightlyMessage[] }>;

export type DispatchOptions = {
  scheduledTime: string;
  night?: string;
  /** Stations per page of the station list. */
  pageSize?: number;
  /** Batches in flight at once. */
  concurrency?: number;
  onError?: (what: string, error: unknown) => void;
};

export type DispatchSummary = { scheduledTime: string; night?: string; stations: number; sent: number; pages: number; failed: string[] };

async function sendWithRetry(send: SendBatch, batch: NightlyMessage[], onError: DispatchOptions['onError']): Promise<NightlyMessage[]> {
  let pending = batch;
  for (let attempt = 1; attempt <= 2 && pending.length > 0; attempt++) {
    try {
      pending = (await send(pending)).failed;
    } catch (error) {
      onError?.(`send batch (attempt ${attempt}) for ${pending.map((m) => m.stationId).join(', ')}`, error);
    }
  }
  return pending;
}

export async function dispatchNight(store: RosterStore, send: SendBatch, options: DispatchOptions): Promise<DispatchSummary> {
  const pageSize = options.pageSize ?? 100;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const summary: DispatchSummary = { scheduledTime: options.scheduledTime, ...(options.night ? { night: options.night } : {}), stations: 0, sent: 0, pages: 0, failed: [] };
  let cursor: string | null = null;
  do {
    // A page that cannot be read stops the walk (there is no cursor past it); the SDK has retried it already.
    const page = await store.stations.list({ cursor, limit: pageSize });
    summary.pages++;
    summary.stations += page.items.length;
    const messages: NightlyMessage[] = page.items.map((s) => ({
      stationId: s.id,
      scheduledTime: options.scheduledTime,
      ...(options.night ? { night: options.night } : {}),
    }));
    const batches: NightlyMessage[][] = [];
    for (let i = 0; i < messages.length; i += SEND_BATCH_SIZE) batches.push(messages.slice(i, i + SEND_BATCH_SIZE));
    for (let i = 0; i < batches.length; i += concurrency) {
      const results = await Promise.all(batches.slice(i, i + concurrency).map((b) => sendWithRetry(send, b, options.onError)));
      for (const [j, failed] of results.entries()) {
        summary.failed.push(...failed.map((m) => m.stationId));
        summary.sent += batches[i + j]!.length - failed.length;
      }
    }
    cursor = page.next;
  } while (cursor);
  return summary;
}
