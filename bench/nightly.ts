// Nightly bench: N generated stations of realistic, varied sizes (generateStations: about 20 to 300 people, a third
// on four teams and three shifts) in an in-memory dynalite, then the nightly job as it runs in the cloud — the dispatch
// handler pages through the stations into a queue, and a pool of worker threads (each with its own store client to
// the same dynalite endpoint) runs the worker handler on batches of 5, failed records coming round again until the
// third receive sends them to the dead letters. Prints one JSON line:
//   {stations, seconds, failures, p50StationSeconds, p95StationSeconds, ...}
// `seconds` is the wall time of the (last) night from dispatch to an empty queue; a station's seconds are its whole
// night in the worker (marker, reads, solve, plan writes, publication); `failures` are stations in the dead letters.
//   npm run bench:nightly -- --stations 200
//   npm run bench:nightly -- --stations 50 --nights 2        a second night: the steady state (one day published)
//   npm run bench:nightly -- --stations 20 --solver-seconds 2 --workers 2 --seed 7
// The solver budget defaults to 1 s per station here (2 s in the cloud), to keep a 200-station run to a few minutes
// on two shared cores; the search usually stops at its own limits on small stations well before either budget.
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSRecord } from 'aws-lambda';
import { createDispatchHandler } from '../functions/nightly-dispatch/handler.ts';
import { startEmbeddedStore } from '../local/app.ts';
import { InProcessQueue, localContext } from '../local/nightly-queue.ts';
import { StationConfig } from '../shared/domain/station.ts';
import { nightlyOptions, type NightResult } from '../shared/nightly/index.ts';
import { newAuditId, useStore } from '../shared/store/index.ts';
import { generateStations } from './generate-station.ts';
import type { StoreStats, ThreadData, ThreadReply } from './nightly-thread.ts';

const { values } = parseArgs({
  options: {
    stations: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '2' },
    nights: { type: 'string', default: '1' },
    'solver-seconds': { type: 'string', default: '1' },
    horizon: { type: 'string', default: '28' },
    lead: { type: 'string', default: '7' },
    'batch-size': { type: 'string', default: '5' },
  },
  strict: true,
});
const count = Number(values.stations);
const seed = Number(values.seed);
const workers = Number(values.workers);
const nights = Number(values.nights);
const batchSize = Number(values['batch-size']);
for (const [name, n, min] of [['stations', count, 1], ['seed', seed, 0], ['workers', workers, 1], ['nights', nights, 1], ['batch-size', batchSize, 1]] as const)
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
const options = nightlyOptions({ solverSeconds: Number(values['solver-seconds']), horizonDays: Number(values.horizon), leadDays: Number(values.lead) }, {});
// 02:00 in Shanghai on 2027-01-04: the first night; the horizon starts 2027-01-05 (generated absences are around then).
const FIRST_NIGHT_AT = Date.parse('2027-01-03T18:00:00Z');
const log = (line: string) => process.stderr.write(`${line}\n`);

const embedded = await startEmbeddedStore({ memory: true });
useStore(embedded.store);

// ---- load the stations ----
const loadStarted = performance.now();
const configs = generateStations(count, seed).map((s) => StationConfig.parse(s));
const people = configs.map((c) => c.people.length);
const packedStationBytes = configs.map((c) => gzipSync(Buffer.from(JSON.stringify(c))).byteLength);
let next = 0;
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (next < configs.length) {
      const i = next++;
      const stationId = `st-${String(i).padStart(5, '0')}`;
      const at = new Date();
      await embedded.store.stations.put(stationId, configs[i]!, {
        expectedVersion: null,
        entry: { id: newAuditId(at), stationId, at: at.toISOString(), actor: { sub: 'bench', groups: ['admin'], stationId: null }, action: 'station.configured', target: { kind: 'station', id: stationId }, summary: 'bench station', detail: {} },
      });
    }
  }),
);
log(`loaded ${count} stations (${Math.min(...people)}–${Math.max(...people)} people, mean ${Math.round(people.reduce((a, b) => a + b, 0) / count)}) in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

// ---- the worker pool ----
type Thread = { worker: Worker; busy: SQSRecord[] | null };
const threadData: ThreadData = { endpoint: embedded.endpoint, tableName: embedded.store.tableName, options };
// A worker thread does not inherit tsx's loader: the thread registers it, then imports the TypeScript entry.
const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./nightly-thread.ts', import.meta.url).href)}); });`;
const threads: Thread[] = Array.from({ length: workers }, () => ({ worker: new Worker(bootstrap, { eval: true, workerData: threadData }), busy: null }));
await Promise.all(threads.map((t) => new Promise<void>((resolve, reject) => {
  t.worker.once('message', (m: ThreadReply) => (m.type === 'ready' ? resolve() : reject(new Error('worker did not start'))));
  t.worker.once('error', reject);
})));

const quiet = new Logger({ serviceName: 'nightly-bench', logLevel: 'SILENT' });
type NightFigures = { seconds: number; results: NightResult[]; dead: number; failedAttempts: number; stats: StoreStats; dispatchSeconds: number };

async function runNight(index: number): Promise<NightFigures> {
  const queue = new InProcessQueue();
  const results: NightResult[] = [];
  const stats: StoreStats = { calls: {}, readUnits: 0, writeUnits: 0, indexWriteUnits: 0, bytesWritten: 0 };
  let failedAttempts = 0;
  const started = performance.now();
  const scheduledTime = new Date(FIRST_NIGHT_AT + index * 86_400_000).toISOString();
  await createDispatchHandler({ send: queue.send, logger: quiet })({ scheduledTime }, localContext('nightly-dispatch'));
  const dispatchSeconds = (performance.now() - started) / 1000;
  await new Promise<void>((resolve, reject) => {
    const feed = (thread: Thread) => {
      const records = queue.receive(batchSize);
      thread.busy = records.length > 0 ? records : null;
      if (records.length > 0) thread.worker.postMessage({ type: 'batch', records });
      else if (threads.every((t) => t.busy === null)) {
        for (const t of threads) t.worker.removeAllListeners('message').removeAllListeners('error');
        resolve();
      }
    };
    for (const thread of threads) {
      thread.worker.on('message', (m: ThreadReply) => {
        if (m.type !== 'done') return;
        results.push(...m.results);
        for (const [k, v] of Object.entries(m.stats.calls)) stats.calls[k] = (stats.calls[k] ?? 0) + v;
        stats.readUnits += m.stats.readUnits;
        stats.writeUnits += m.stats.writeUnits;
        stats.indexWriteUnits += m.stats.indexWriteUnits;
        stats.bytesWritten += m.stats.bytesWritten;
        const failed = new Set(m.failed);
        failedAttempts += failed.size;
        queue.settle(thread.busy!, { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) });
        // Idle threads pick up retried records too.
        for (const t of threads) if (t === thread || (t.busy === null && queue.depth > 0)) feed(t);
      });
      thread.worker.on('error', reject);
    }
    for (const thread of threads) feed(thread);
  });
  return { seconds: (performance.now() - started) / 1000, results, dead: queue.dead.length, failedAttempts, stats, dispatchSeconds };
}

const quantile = (sorted: number[], q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

let figures: NightFigures | undefined;
for (let night = 0; night < nights; night++) {
  figures = await runNight(night);
  const done = figures.results.filter((r) => r.status === 'done');
  log(`night ${night + 1}: ${done.length} done, ${figures.dead} dead, ${figures.failedAttempts} failed attempts, ${round(figures.seconds, 1)} s`);
}
for (const t of threads) t.worker.postMessage({ type: 'stop' });
await Promise.all(threads.map((t) => new Promise((resolve) => t.worker.once('exit', resolve))));
await embedded.close();

const last = figures!;
const done = last.results.filter((r): r is Extract<NightResult, { status: 'done' }> => r.status === 'done');
const stationSeconds = done.map((r) => r.seconds).sort((a, b) => a - b);
const solverSeconds = done.map((r) => r.solverSeconds).sort((a, b) => a - b);
const perStation = (n: number) => round(n / Math.max(1, done.length), 1);
const line = {
  stations: count,
  seconds: round(last.seconds, 1),
  failures: last.dead + (count - done.length - last.dead),
  p50StationSeconds: round(quantile(stationSeconds, 0.5)),
  p95StationSeconds: round(quantile(stationSeconds, 0.95)),
  meanStationSeconds: round(stationSeconds.reduce((a, b) => a + b, 0) / Math.max(1, stationSeconds.length)),
  maxStationSeconds: round(stationSeconds.at(-1) ?? 0),
  p50SolverSeconds: round(quantile(solverSeconds, 0.5)),
  workers,
  night: nights,
  solverBudgetSeconds: options.solverSeconds,
  horizonDays: options.horizonDays,
  leadDays: options.leadDays,
  meanPeople: Math.round(people.reduce((a, b) => a + b, 0) / count),
  meanPublishedDays: round(done.reduce((s, r) => s + (r.published?.days ?? 0), 0) / Math.max(1, done.length), 2),
  meanPublishedBodyKb: round(done.reduce((s, r) => s + (r.published?.bodyBytes ?? 0), 0) / 1024 / Math.max(1, done.filter((r) => r.published).length), 1),
  failedAttempts: last.failedAttempts,
  dispatchSeconds: round(last.dispatchSeconds, 2),
  perStation: {
    calls: Object.fromEntries(Object.entries(last.stats.calls).sort().map(([k, v]) => [k, perStation(v)])),
    readUnits: perStation(last.stats.readUnits),
    writeUnits: perStation(last.stats.writeUnits),
    indexWriteUnits: perStation(last.stats.indexWriteUnits),
    kbWritten: perStation(last.stats.bytesWritten / 1024),
    packedStationKb: round(packedStationBytes.reduce((a, b) => a + b, 0) / count / 1024, 1),
  },
};
process.stdout.write(`${JSON.stringify(line)}\n`);
if (line.failures > 0) process.exitCode = 1;
