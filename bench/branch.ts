// Branch bench: 2,000 stations in 100 branches in an in-memory dynalite, each stored through the station store (so
// each has its summary under its branch), then
//   - the latency of GET /branches/{id}/stations for a branch of 20 stations whose plans are published (p50, p95 over
//     the local gateway: token check, handler, one Query), and
//   - the write units one publication costs with the summary kept, from ConsumedCapacity (ReturnConsumedCapacity
//     TOTAL added to every command), per command.
// Prints one JSON line.
//   npm run bench:branch
//   npm run bench:branch -- --stations 400 --branches 20 --requests 200 --solver-seconds 0.3
import { parseArgs } from 'node:util';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startEmbeddedStore } from '../local/app.ts';
import { createDevAuthority } from '../local/dev-auth.ts';
import { dispatch } from '../local/gateway.ts';
import { StationConfig } from '../shared/domain/station.ts';
import { newAuditId, useStore } from '../shared/store/index.ts';
import { todayIn } from '../shared/approvals/index.ts';
import { generateStations } from './generate-station.ts';

const { values } = parseArgs({
  options: {
    stations: { type: 'string', default: '2000' },
    branches: { type: 'string', default: '100' },
    requests: { type: 'string', default: '300' },
    'solver-seconds': { type: 'string', default: '0.3' },
    seed: { type: 'string', default: '1' },
  },
  strict: true,
});
const STATIONS = Number(values.stations);
const BRANCHES = Number(values.branches);
const REQUESTS = Number(values.requests);
const SOLVER_SECONDS = Number(values['solver-seconds']);

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (n: number, d = 2): number => Math.round(n * 10 ** d) / 10 ** d;
const branchOf = (i: number): string => `branch-${String(i % BRANCHES).padStart(3, '0')}`;
const stationOf = (i: number): string => `st-${String(i).padStart(5, '0')}`;

const db = await startEmbeddedStore({ memory: true });
useStore(db.store);
const auth = await createDevAuthority();

// Capacity accounting: every command asks for its consumed capacity; the recorder keeps the write units by command
// while `recording` is on.
type Used = { command: string; pk: string; writeUnits: number; readUnits: number };
let recording: Used[] | null = null;
const raw = db.store.client as unknown as { middlewareStack: DynamoDBClient['middlewareStack'] };
raw.middlewareStack.add(
  (next, context) => async (args) => {
    const input = args.input as Record<string, unknown>;
    if (!('ReturnConsumedCapacity' in input)) input.ReturnConsumedCapacity = 'TOTAL';
    const out = await next(args);
    const consumed = (out.output as { ConsumedCapacity?: { CapacityUnits?: number; WriteCapacityUnits?: number; ReadCapacityUnits?: number } }).ConsumedCapacity;
    if (recording && consumed) {
      const command = String(context.commandName ?? '?');
      const writes = /Put|Update|Delete/.test(command);
      const item = (input.Item ?? input.Key) as Record<string, { S?: string }> | undefined;
      recording.push({ command, pk: String(item?.pk?.S ?? ''), writeUnits: writes ? (consumed.WriteCapacityUnits ?? consumed.CapacityUnits ?? 0) : 0, readUnits: writes ? 0 : (consumed.ReadCapacityUnits ?? consumed.CapacityUnits ?? 0) });
    }
    return out;
  },
  { step: 'initialize', name: 'consumedCapacity' },
);

// ---- load: 2,000 stations of 20 varied shapes, 20 per branch ----
const shapes = generateStations(20, Number(values.seed)).map((s) => StationConfig.parse(s));
const loadStarted = performance.now();
// Four writers at once (the store is in this process, so more only queue up behind each other).
let nextStation = 0;
async function loader(): Promise<void> {
  for (let i = nextStation++; i < STATIONS; i = nextStation++) {
    const stationId = stationOf(i);
    const at = new Date();
    const config = { ...shapes[i % shapes.length]!, name: `Station ${i}`, branchId: branchOf(i) };
    await db.store.stations.put(stationId, config, {
      expectedVersion: null,
      entry: { id: newAuditId(at), stationId, at: at.toISOString(), actor: { sub: 'bench', groups: ['admin'], stationId: null }, action: 'station.configured', target: { kind: 'station', id: stationId }, summary: 'bench load', detail: {} },
    });
  }
}
await Promise.all(Array.from({ length: 4 }, loader));
const loadSeconds = (performance.now() - loadStarted) / 1000;

const http = async (method: string, path: string, token: string, body?: unknown, query = '') => {
  const result = await dispatch({ method, path, query, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', host: 'localhost' }, body: body === undefined ? undefined : JSON.stringify(body) }, auth);
  if (!result) throw new Error(`no route ${method} ${path}`);
  return { status: result.statusCode ?? 200, body: result.body ? (JSON.parse(result.body) as Record<string, any>) : {} };
};

// ---- the measured branch: publish 28 days at each of its 20 stations (the figures then have shortfalls to show) ----
const measured = branchOf(0);
const members = Array.from({ length: STATIONS }, (_, i) => i).filter((i) => branchOf(i) === measured).map(stationOf);
let publication: { writeUnits: number; byCommand: Record<string, number>; readUnits: number; summaryWriteUnits: number; planPeople: number; bodyBytes: number } | null = null;
for (const stationId of members) {
  const leader = await auth.issue({ sub: 'P-bench', groups: ['director'], stationId });
  const station = await db.store.stations.get(stationId);
  const start = todayIn(station!.timezone);
  const created = await http('POST', `/stations/${stationId}/plans`, leader, { start, days: 28, seconds: SOLVER_SECONDS });
  if (created.status !== 201) throw new Error(`plan at ${stationId}: ${created.status} ${JSON.stringify(created.body).slice(0, 300)}`);
  const record = publication === null;
  if (record) recording = [];
  const published = await http('POST', `/stations/${stationId}/plans/${created.body.id}/publish`, leader);
  if (published.status !== 200) throw new Error(`publish at ${stationId}: ${published.status}`);
  if (record && recording) {
    const used: Used[] = recording;
    recording = null;
    const byCommand: Record<string, number> = {};
    for (const u of used) if (u.writeUnits > 0) byCommand[u.command] = round((byCommand[u.command] ?? 0) + u.writeUnits, 1);
    const head = await db.store.plans.head(stationId, created.body.id);
    // The summary's own write: the Put into the branch's partition.
    const summaryPut = used.find((u) => /Put/.test(u.command) && u.pk.startsWith('BRANCH#'));
    publication = {
      writeUnits: round(used.reduce((n, u) => n + u.writeUnits, 0), 1),
      readUnits: round(used.reduce((n, u) => n + u.readUnits, 0), 1),
      byCommand,
      summaryWriteUnits: summaryPut?.writeUnits ?? 0,
      planPeople: station!.people.length,
      bodyBytes: head?.bodyBytes ?? 0,
    };
  }
}

// ---- GET /branches/{id}/stations as the branch's user ----
const branchToken = await auth.issue({ sub: 'B-bench', groups: ['branch'], branchId: measured });
const first = await http('GET', `/branches/${measured}/stations`, branchToken);
if (first.status !== 200 || first.body.items.length !== members.length) throw new Error(`list: ${first.status}, ${first.body.items?.length} items`);
const listBytes = JSON.stringify(first.body).length;
recording = [];
await http('GET', `/branches/${measured}/stations`, branchToken);
const listReadUnits = round(recording.reduce((n, u) => n + u.readUnits, 0), 1);
recording = null;
const times: number[] = [];
for (let i = 0; i < REQUESTS; i++) {
  const t = performance.now();
  await http('GET', `/branches/${measured}/stations`, branchToken);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);

console.log(
  JSON.stringify({
    stations: STATIONS,
    branches: BRANCHES,
    loadSeconds: round(loadSeconds, 1),
    list: { branch: measured, stations: members.length, requests: REQUESTS, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), bytes: listBytes, readUnits: listReadUnits },
    publication,
  }),
);
await db.close();
