// Planning jobs as they start in the cloud: the plans function invokes the plan-worker function asynchronously
// (InvocationType Event, mocked with aws-sdk-client-mock); an invoke that fails leaves no plan stuck in `solving`;
// a job whose worker never writes again is reported failed (STALE) after STALE_AFTER_SECONDS; the worker function
// refuses a malformed event and a job that is not its to take.
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePlanJobLauncher } from '../../functions/plans/launch.ts';
import { handler as plansHandler } from '../../functions/plans/handler.ts';
import { handler as workerHandler } from '../../functions/plan-worker/handler.ts';
import { DEMO_STATION_ID, loadDemoStation } from '../../local/app.ts';
import { PlanJob } from '../../shared/domain/plan.ts';
import { STALE_AFTER_SECONDS } from '../../shared/planning/jobs.ts';
import { apiEvent, invoke, lambdaContext, startTestStore, type Invoked, type TestStore } from '../helpers/dynalite.ts';

const STATION = DEMO_STATION_ID;
const director = { sub: 'P001', groups: ['director'], stationId: STATION };
const lambda = mockClient(LambdaClient);

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
  expect(await loadDemoStation(db.store)).toBe(true);
});
beforeEach(() => {
  process.env.PLAN_WORKER_FUNCTION = 'duty-roster-plan-worker';
  usePlanJobLauncher(null);
  lambda.reset();
});
afterEach(() => {
  delete process.env.PLAN_WORKER_FUNCTION;
  vi.useRealTimers();
});
afterAll(async () => {
  lambda.restore();
  await db?.close();
});

const post = (headers: Record<string, string> = {}): Promise<Invoked> =>
  invoke(
    plansHandler,
    apiEvent({ method: 'POST', path: `/stations/${STATION}/plans`, routeKey: 'POST /stations/{stationId}/plans', pathParameters: { stationId: STATION }, body: { start: '2027-02-01', days: 28, wait: false }, claims: director, headers }),
  );
const get = (planId: string, headers: Record<string, string> = {}): Promise<Invoked> =>
  invoke(plansHandler, apiEvent({ method: 'GET', path: `/stations/${STATION}/plans/${planId}`, routeKey: 'GET /stations/{stationId}/plans/{planId}', pathParameters: { stationId: STATION, planId }, claims: director, headers }));
const cancel = (planId: string): Promise<Invoked> =>
  invoke(
    plansHandler,
    apiEvent({ method: 'POST', path: `/stations/${STATION}/plans/${planId}/cancel`, routeKey: 'POST /stations/{stationId}/plans/{planId}/cancel', pathParameters: { stationId: STATION, planId }, claims: director }),
  );

describe('starting the plan worker', () => {
  it('invokes the worker function asynchronously with the job, and answers 202', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    const answer = await post();
    expect(answer.status).toBe(202);
    const job = PlanJob.parse(answer.body);
    const calls = lambda.commandCalls(InvokeCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input).toMatchObject({ FunctionName: 'duty-roster-plan-worker', InvocationType: 'Event' });
    expect(JSON.parse(new TextDecoder().decode(input.Payload as Uint8Array))).toEqual({ stationId: STATION, planId: job.id });
    expect((await get(job.id)).body).toMatchObject({ id: job.id, status: 'solving' });
  });

  it('when the invoke fails: 503 in the reader\'s language, and the job is failed, not left solving', async () => {
    lambda.on(InvokeCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
    const answer = await post({ 'accept-language': 'zh-CN' });
    expect(answer.status).toBe(503);
    expect(answer.body.error.code).toBe('JOB_NOT_STARTED');
    expect(answer.body.error.message).toContain('无法启动');
    const planId = answer.body.error.params.planId as string;
    const read = await get(planId);
    expect(PlanJob.parse(read.body)).toMatchObject({ status: 'failed', failure: { code: 'NOT_STARTED' } });
    expect(read.body.failure.message).toContain('could not be started');
    // Nothing to cancel.
    expect((await cancel(planId)).status).toBe(409);
  });

  it('an invoke the service does not accept (not 202) fails the same way', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 500 });
    const answer = await post();
    expect(answer.status).toBe(503);
    expect((await get(answer.body.error.params.planId)).body.status).toBe('failed');
  });
});

describe('a job whose worker died', () => {
  it('is reported failed (STALE) once its heartbeat is older than STALE_AFTER_SECONDS, and cannot be cancelled', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    const started = await post();
    expect(started.status).toBe(202);
    // Nobody runs this job (the worker is mocked away): move the clock past the timeout.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (STALE_AFTER_SECONDS + 5) * 1000);
    const read = await get(started.body.id, { 'accept-language': 'zh' });
    expect(PlanJob.parse(read.body)).toMatchObject({ status: 'failed', failure: { code: 'STALE' } });
    expect(read.body.failure.message).toContain(`${STALE_AFTER_SECONDS}秒`);
    const refused = await cancel(started.body.id);
    expect(refused.status).toBe(409);
    // A worker that starts this late does not take the job.
    expect(await workerHandler({ stationId: STATION, planId: started.body.id }, lambdaContext('plan-worker'))).toEqual({ outcome: 'lost' });
  });
});

describe('the plan-worker function', () => {
  it('ignores a malformed event and a job that is not solving', async () => {
    expect(await workerHandler({ planId: 42 }, lambdaContext('plan-worker'))).toEqual({ outcome: 'malformed' });
    expect(await workerHandler({ stationId: STATION, planId: 'pl_00000000000000000000000000000000' }, lambdaContext('plan-worker'))).toEqual({ outcome: 'lost' });
  });
});
