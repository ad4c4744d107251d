// The redeployment and reinforced-duty endpoints when DynamoDB fails, on a mocked document client
// (aws-sdk-client-mock): throttling → 503 with retry-after; a lost condition → the change is re-applied on a fresh
// copy, and 409 CONFLICT only when it keeps losing; anything else → 500 that leaks nothing.
import { gzipSync } from 'node:zlib';
import { type MockInstance, afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConditionalCheckFailedException, DynamoDBClient, ProvisionedThroughputExceededException, ThrottlingException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createRequest, decide, todayIn } from '../../shared/approvals/index.ts';
import { RedeploymentRequestBody, type Redeployment } from '../../shared/domain/redeployment.ts';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { RosterStore, useStore } from '../../shared/store/index.ts';
import { MAX_CHANGE_ATTEMPTS } from '../../shared/store/redeployments.ts';
import { as, decideOn, declareReinforced, fileRequest, listRequests, readRequest, smallConfig, withdrawOf, ZONE } from './helpers.ts';
import { logger } from '../../shared/telemetry.ts';

const S = 'small';
const director = as(['director'], 'P001', S);
const instructor = as(['instructor'], 'P002', S);
const deputy = as(['deputy'], 'P003', S);
const branch = as(['branch'], 'B1', null);

const ddb = mockClient(DynamoDBDocumentClient);
let store: RosterStore;

beforeAll(() => {
  const raw = new DynamoDBClient({ region: 'local', endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  store = new RosterStore(DynamoDBDocumentClient.from(raw), 'roster');
  useStore(store);
});
afterAll(() => {
  ddb.restore();
  store.client.destroy();
});

let logError: MockInstance<typeof logger.error>;
beforeEach(() => {
  ddb.reset();
  logError = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
  vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const config = smallConfig();
const from = addDaysTo(todayIn(ZONE), 10);
const stationItem = (version = 1) => ({
  pk: `STATION#${S}`,
  sk: 'CONFIG',
  version,
  doc: new Uint8Array(gzipSync(Buffer.from(JSON.stringify(config)))),
  name: config.name,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'P001',
  gsi1pk: 'STATIONS',
  gsi1sk: S,
  outbox: {},
});
const pendingRequest: Redeployment = createRequest({
  id: 'rd_mocked1',
  stationId: S,
  station: config,
  body: RedeploymentRequestBody.parse({ personId: 'P020', post: 'station-duty', from, to: from }),
  actor: { sub: 'P003', groups: ['deputy'], stationId: S },
  now: new Date(),
});
const requestItem = (request: Redeployment) => ({ pk: `STATION#${S}`, sk: `RD#${request.id}`, itemType: 'redeployment', version: request.version, status: request.status, request, outbox: {} });

/** The station and the request as stored; queries find nothing; writes succeed unless a test says otherwise. */
function storeHolds(request: Redeployment = pendingRequest) {
  ddb.on(GetCommand, { Key: { pk: `STATION#${S}`, sk: 'CONFIG' } }).resolves({ Item: stationItem() });
  ddb.on(GetCommand, { Key: { pk: `STATION#${S}`, sk: `RD#${request.id}` } }).resolves({ Item: requestItem(request) });
  ddb.on(QueryCommand).resolves({ Items: [] });
  ddb.on(PutCommand).resolves({});
  ddb.on(UpdateCommand).resolves({});
}

const throttled = () => new ProvisionedThroughputExceededException({ message: 'slow down (mocked)', $metadata: {} });
const lostCondition = () => new ConditionalCheckFailedException({ message: 'condition failed (mocked)', $metadata: {} });
/** Conditional writes of a request on its version (not the audit outbox's housekeeping). */
const versionWrites = () => ddb.commandCalls(UpdateCommand).filter((c) => (c.args[0].input.ConditionExpression ?? '').includes('#version = :expected') && String(c.args[0].input.Key?.sk).startsWith('RD#'));

function expectBusy(answer: { status: number; headers: Record<string, string>; body: any }) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(503);
  expect(answer.body.error.code).toBe('STORE_BUSY');
  expect(answer.headers['retry-after']).toMatch(/^[1-9]\d*$/);
  expect(logError).not.toHaveBeenCalled();
}

describe('throttling → 503 STORE_BUSY with retry-after', () => {
  it('on the write of a new request', async () => {
    storeHolds();
    ddb.on(PutCommand).rejects(throttled());
    expectBusy(await fileRequest(S, { personId: 'P020', post: 'station-duty', from: addDaysTo(from, 1), to: addDaysTo(from, 1) }, deputy));
  });

  it('on the queries before a new request (nothing is written)', async () => {
    storeHolds();
    ddb.on(QueryCommand).rejects(new ThrottlingException({ message: 'x', $metadata: {} }));
    expectBusy(await fileRequest(S, { personId: 'P020', post: 'station-duty', from: addDaysTo(from, 1), to: addDaysTo(from, 1) }, deputy));
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('on the read of the request before a decision, and on the decision\'s write (no retry of a throttled write)', async () => {
    storeHolds();
    ddb.on(GetCommand, { Key: { pk: `STATION#${S}`, sk: `RD#${pendingRequest.id}` } }).rejects(throttled());
    expectBusy(await decideOn(S, pendingRequest.id, { decision: 'approve' }, director));
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
    ddb.reset();
    storeHolds();
    ddb.on(UpdateCommand).rejects(throttled());
    expectBusy(await decideOn(S, pendingRequest.id, { decision: 'approve' }, director));
    expect(versionWrites()).toHaveLength(1);
  });

  it('on reads: one request, a list, and the expiry sweep before a list', async () => {
    storeHolds();
    ddb.on(GetCommand, { Key: { pk: `STATION#${S}`, sk: `RD#${pendingRequest.id}` } }).rejects(throttled());
    expectBusy(await readRequest(S, pendingRequest.id, director));
    ddb.reset();
    storeHolds();
    ddb.on(QueryCommand).rejects(throttled());
    expectBusy(await listRequests(S, director, { status: 'pending' }));
  });

  it('on a withdrawal and on a reinforced-duty declaration', async () => {
    storeHolds();
    ddb.on(UpdateCommand).rejects(throttled());
    expectBusy(await withdrawOf(S, pendingRequest.id, deputy));
    expectBusy(await declareReinforced(S, { from, to: from }, branch));
  });
});

describe('lost conditions', () => {
  it('a decision that loses once is re-applied on the fresh copy (the other chief\'s decision kept) → 200', async () => {
    storeHolds();
    // The instructor decided between our read and our write: the first write loses, the re-read shows version 2.
    const theirs = decide(pendingRequest, { sub: 'P002', groups: ['instructor'], stationId: S }, S, { decision: 'approve', comment: '' }, new Date(), todayIn(ZONE));
    if (!theirs.changed) throw new Error('expected a change');
    ddb
      .on(GetCommand, { Key: { pk: `STATION#${S}`, sk: `RD#${pendingRequest.id}` } })
      .resolvesOnce({ Item: requestItem(pendingRequest) })
      .resolves({ Item: requestItem(theirs.request) });
    ddb.on(UpdateCommand).rejectsOnce(lostCondition()).resolves({});
    const answer = await decideOn(S, pendingRequest.id, { decision: 'approve' }, director);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({ status: 'approved', version: 3 });
    const writes = versionWrites();
    expect(writes).toHaveLength(2);
    expect(writes[0]!.args[0].input.ExpressionAttributeValues?.[':expected']).toBe(1);
    expect(writes[1]!.args[0].input.ExpressionAttributeValues?.[':expected']).toBe(2);
    const written = writes[1]!.args[0].input.ExpressionAttributeValues?.[':request'] as Redeployment;
    expect(written.decisions.map((d) => d.role)).toEqual(['instructor', 'director']);
    // The audit entry rode in the same write.
    expect(writes[1]!.args[0].input.UpdateExpression).toContain('outbox.#auditId = :auditEntry');
    expect(writes[1]!.args[0].input.ExpressionAttributeValues?.[':auditEntry']).toMatchObject({ action: 'redeployment.decided', actor: { sub: 'P001' } });
  });

  it(`a decision that keeps losing → 409 CONFLICT after ${MAX_CHANGE_ATTEMPTS} attempts`, async () => {
    storeHolds();
    ddb.on(UpdateCommand).rejects(lostCondition());
    const answer = await decideOn(S, pendingRequest.id, { decision: 'approve' }, instructor);
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('CONFLICT');
    expect(versionWrites()).toHaveLength(MAX_CHANGE_ATTEMPTS);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0); // no audit entry copied for a change that never happened
  });

  it('a new request whose id exists already → 409 CONFLICT', async () => {
    storeHolds();
    ddb.on(PutCommand).rejects(lostCondition());
    const answer = await fileRequest(S, { personId: 'P020', post: 'station-duty', from: addDaysTo(from, 1), to: addDaysTo(from, 1) }, deputy);
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('CONFLICT');
  });

  it('a reinforced-duty declaration that loses to a station change is re-applied once to the fresh station → 201', async () => {
    storeHolds();
    // Reads of the station: the branch check, the declaration's read (version 1), the re-read after the lost race.
    ddb.on(GetCommand, { Key: { pk: `STATION#${S}`, sk: 'CONFIG' } }).resolvesOnce({ Item: stationItem(1) }).resolvesOnce({ Item: stationItem(1) }).resolves({ Item: stationItem(2) });
    ddb.on(UpdateCommand).rejectsOnce(lostCondition()).resolves({});
    const answer = await declareReinforced(S, { from, to: from, note: 'x' }, branch);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.version).toBe(3);
    const stationWrites = ddb.commandCalls(UpdateCommand).filter((c) => c.args[0].input.Key?.sk === 'CONFIG' && (c.args[0].input.ConditionExpression ?? '').includes('#version = :expected'));
    expect(stationWrites.map((c) => c.args[0].input.ExpressionAttributeValues?.[':expected'])).toEqual([1, 2]);
  });

  it('… and when it loses twice → 409 CONFLICT (one retry only)', async () => {
    storeHolds();
    ddb.on(UpdateCommand).rejects(lostCondition());
    const answer = await declareReinforced(S, { from, to: from, note: 'x' }, branch);
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('CONFLICT');
    expect(ddb.commandCalls(UpdateCommand).filter((c) => c.args[0].input.Key?.sk === 'CONFIG')).toHaveLength(2);
  });
});

describe('anything else', () => {
  it('→ 500 INTERNAL that leaks nothing', async () => {
    storeHolds();
    ddb.on(UpdateCommand).rejects(Object.assign(new Error('ValidationException: secret table detail'), { name: 'ValidationException' }));
    const answer = await decideOn(S, pendingRequest.id, { decision: 'approve' }, director);
    expect(answer.status).toBe(500);
    expect(answer.body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(answer.body)).not.toContain('secret');
    expect(logError.mock.calls.some(([message]) => message === 'unhandled error')).toBe(true);
  });
});
