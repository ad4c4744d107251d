// What an operator relies on: every API answer carries x-request-id, and that id is the correlation_id of the
// function's own log line for the request (captured from stdout, as CloudWatch would); error bodies carry it too;
// the metrics the functions emit (EMF) have the names the alarms watch.
import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROUTES } from '../functions/routes.ts';
import { DEMO_STATION_ID, loadDemoStation } from '../local/app.ts';
import { createDevAuthority, type DevAuthority } from '../local/dev-auth.ts';
import { dispatch } from '../local/gateway.ts';
import { REQUEST_ID_HEADER } from '../shared/http/observe.ts';
import { METRIC, logger, recordApprovalDecided, recordNightlyStation, recordPlanCreated } from '../shared/telemetry.ts';
import { startTestStore, type TestStore } from './helpers/dynalite.ts';

let db: TestStore;
let auth: DevAuthority;
let director: string;
let lines: string[] = [];

beforeAll(async () => {
  db = await startTestStore();
  await loadDemoStation(db.store);
  auth = await createDevAuthority();
  director = await auth.issue({ sub: 'P001', groups: ['director'], stationId: DEMO_STATION_ID });
  // The tests run with WARN (vitest.config.ts); the request lines are INFO.
  logger.setLogLevel('INFO');
});
afterAll(async () => {
  logger.setLogLevel('WARN');
  await db?.close();
});
afterEach(() => vi.restoreAllMocks());

/** Captures what the functions write (Powertools writes JSON lines: info and warn to stdout, errors to stderr). */
function captureOutput(): void {
  lines = [];
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return write(chunk, ...(rest as []));
    }) as typeof stream.write);
  }
}

const logLinesWith = (id: string) =>
  lines.flatMap((line) => {
    try {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      return parsed.correlation_id === id ? [parsed] : [];
    } catch {
      return [];
    }
  });

const PATH_VALUES: Record<string, string> = { stationId: DEMO_STATION_ID, planId: 'pl_doesnotexist', redeploymentId: 'rd_doesnotexist' };

describe('request ids', () => {
  it('every route answers with x-request-id, and the function logs that id as correlation_id with route and status', async () => {
    captureOutput();
    for (const route of ROUTES) {
      const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => PATH_VALUES[name]!);
      const answer = await dispatch(
        {
          method: route.method,
          path,
          query: route.path.endsWith('/roster') ? 'from=2027-01-04&to=2027-01-10' : '',
          headers: { authorization: `Bearer ${director}`, ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }) },
          body: route.method === 'GET' ? undefined : '{"unexpected": true}',
        },
        auth,
      );
      const label = `${route.method} ${route.path}`;
      expect(answer, label).not.toBeNull();
      const id = String(answer!.headers?.[REQUEST_ID_HEADER] ?? '');
      expect(id, label).toMatch(/^[0-9a-f-]{36}$/);
      const logged = logLinesWith(id).filter((l) => l.message === 'request answered');
      expect(logged, label).toHaveLength(1);
      expect(logged[0], label).toMatchObject({ route: label, status: answer!.statusCode, function_name: route.function });
      // An error answer names the same id in its body, for the caller to quote.
      if ((answer!.statusCode ?? 200) >= 400) expect(JSON.parse(answer!.body ?? '{}').error.requestId, label).toBe(id);
    }
  });

  it('answers refused before any function runs (no token) carry an id too', async () => {
    const answer = await dispatch({ method: 'GET', path: `/stations/${DEMO_STATION_ID}`, query: '', headers: {}, body: undefined }, auth);
    expect(answer!.statusCode).toBe(401);
    const id = String(answer!.headers?.[REQUEST_ID_HEADER]);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(answer!.body!).error.requestId).toBe(id);
  });

  it('two requests get two ids', async () => {
    const ask = () => dispatch({ method: 'GET', path: '/health', query: '', headers: {}, body: undefined }, auth);
    const [a, b] = [await ask(), await ask()];
    expect(a!.headers?.[REQUEST_ID_HEADER]).not.toBe(b!.headers?.[REQUEST_ID_HEADER]);
  });
});

describe('metrics (EMF)', () => {
  it('records plans, solve seconds, shortfalls, hard breaks, approvals and nightly outcomes under the names infra/ alarms on', () => {
    const metrics = new Metrics({ namespace: 'DutyRosterTest', serviceName: 'nightly' });
    recordPlanCreated(metrics, { solver: { seconds: 1.25 }, shortfalls: [1, 2, 3], violations: [{ severity: 'hard' }, { severity: 'soft' }] });
    recordApprovalDecided(metrics);
    recordNightlyStation(metrics, 'done');
    recordNightlyStation(metrics, 'failed');
    const emf = metrics.serializeMetrics() as unknown as Record<string, unknown> & { _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] } };
    const [directive] = emf._aws.CloudWatchMetrics;
    expect(directive!.Namespace).toBe('DutyRosterTest');
    expect(directive!.Dimensions).toEqual([['service']]);
    expect(emf.service).toBe('nightly');
    expect(emf).toMatchObject({
      [METRIC.plansCreated]: 1,
      [METRIC.solveSeconds]: 1.25,
      [METRIC.shortfalls]: 3,
      [METRIC.hardBreaks]: 1,
      [METRIC.approvalsDecided]: 1,
      [METRIC.nightlyStationsDone]: 1,
      [METRIC.nightlyStationsFailed]: 1,
    });
    expect(directive!.Metrics.find((m) => m.Name === METRIC.solveSeconds)!.Unit).toBe('Seconds');
  });
});
