// What the API answers when DynamoDB fails: throttling is a 503 with retry-after, a lost condition is a 409, and an
// unexpected failure is a 500 that leaks nothing. The store runs on a mocked document client (aws-sdk-client-mock).
import { gzipSync } from 'node:zlib';
import { type MockInstance, afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  ThrottlingException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler as auditHandler } from '../functions/audit/handler.ts';
import { handler as stationsHandler } from '../functions/stations/handler.ts';
import { validateStationConfig } from '../shared/domain/station.ts';
import { RosterStore, useStore } from '../shared/store/index.ts';
import { apiEvent, invoke, type TestClaims } from './helpers/dynalite.ts';
import { apiExample } from './helpers/fixtures.ts';
import { logger } from '../shared/telemetry.ts';

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
});
afterEach(() => {
  vi.restoreAllMocks();
});

const director: TestClaims = { sub: 'P001', groups: ['director'], stationId: 'qianmen' };

const getStation = () =>
  invoke(stationsHandler, apiEvent({ method: 'GET', path: '/stations/qianmen', routeKey: 'GET /stations/{stationId}', pathParameters: { stationId: 'qianmen' }, claims: director }));

const putStation = (body: unknown, headers: Record<string, string> = {}) =>
  invoke(
    stationsHandler,
    apiEvent({ method: 'PUT', path: '/stations/qianmen', routeKey: 'PUT /stations/{stationId}', pathParameters: { stationId: 'qianmen' }, claims: director, body, headers }),
  );

const getAudit = () =>
  invoke(auditHandler, apiEvent({ method: 'GET', path: '/stations/qianmen/audit', routeKey: 'GET /stations/{stationId}/audit', pathParameters: { stationId: 'qianmen' }, claims: director }));

/** A stored station item as the store writes it (the document gzip-packed), at `version`. */
function storedItem(version: number) {
  const validated = validateStationConfig(apiExample());
  if (!validated.ok) throw new Error('the example must be valid');
  return {
    pk: 'STATION#qianmen',
    sk: 'CONFIG',
    version,
    doc: new Uint8Array(gzipSync(Buffer.from(JSON.stringify(validated.value)))),
    name: 'Qianmen',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'P001',
    gsi1pk: 'STATIONS',
    gsi1sk: 'qianmen',
    outbox: {},
  };
}

const awsError = (name: string) => Object.assign(new Error(`${name} (mocked)`), { name, $metadata: {} });

const throttles = [
  ['ProvisionedThroughputExceededException', () => new ProvisionedThroughputExceededException({ message: 'x', $metadata: {} })],
  ['ThrottlingException', () => new ThrottlingException({ message: 'x', $metadata: {} })],
  ['RequestLimitExceeded', () => awsError('RequestLimitExceeded')],
] as const;

function expectBusy(answer: { status: number; headers: Record<string, string>; body: any }) {
  expect(answer.status).toBe(503);
  expect(answer.body.error.code).toBe('STORE_BUSY');
  expect(answer.headers['retry-after']).toMatch(/^[1-9]\d*$/);
  expect(logError).not.toHaveBeenCalled();
}

describe('throttling → 503 STORE_BUSY with retry-after', () => {
  it.each(throttles)('%s on the read of GET /stations/{id}', async (name, make) => {
    const error = make();
    expect(error.name).toBe(name);
    ddb.on(GetCommand).rejects(error);
    expectBusy(await getStation());
    expect(ddb.commandCalls(GetCommand)).toHaveLength(1);
  });

  it.each(throttles)('%s on the read before a PUT', async (_name, make) => {
    ddb.on(GetCommand).rejects(make());
    expectBusy(await putStation(apiExample()));
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('on the write of a PUT', async () => {
    ddb.on(GetCommand).resolves({ Item: storedItem(1) });
    ddb.on(UpdateCommand).rejects(new ProvisionedThroughputExceededException({ message: 'x', $metadata: {} }));
    expectBusy(await putStation(apiExample()));
  });

  it('on the audit trail query', async () => {
    ddb.on(GetCommand).resolves({ Item: storedItem(1) });
    ddb.on(QueryCommand).rejects(new ThrottlingException({ message: 'x', $metadata: {} }));
    expectBusy(await getAudit());
  });
});

describe('a lost condition → 409 CONFLICT', () => {
  it('ConditionalCheckFailedException on the create of a new station', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'x', $metadata: {} }));
    const answer = await putStation(apiExample());
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('CONFLICT');
    const puts = ddb.commandCalls(PutCommand);
    expect(puts).toHaveLength(1); // the station write only: no audit entry for a change that did not happen
    expect(puts[0]!.args[0].input.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0);
    expect(logError).not.toHaveBeenCalled();
  });

  it('ConditionalCheckFailedException on the update of an existing station, conditioned on the version read', async () => {
    ddb.on(GetCommand).resolves({ Item: storedItem(3) });
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'x', $metadata: {} }));
    const answer = await putStation(apiExample(), { 'if-match': '"3"' });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('CONFLICT');
    const updates = ddb.commandCalls(UpdateCommand);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args[0].input.ExpressionAttributeValues).toMatchObject({ ':expected': 3, ':version': 4 });
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
    expect(logError).not.toHaveBeenCalled();
  });
});

describe('nothing else crashes', () => {
  it('the mocked store serves a GET when it answers normally', async () => {
    ddb.on(GetCommand).resolves({ Item: storedItem(5) });
    const answer = await getStation();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: 'qianmen', version: 5, name: 'Qianmen', updatedBy: 'P001' });
  });

  it('an unexpected store failure is a 500 that leaks nothing', async () => {
    ddb.on(GetCommand).rejects(awsError('InternalServerError'));
    const answer = await getStation();
    expect(answer.status).toBe(500);
    expect(answer.body.error.code).toBe('INTERNAL');
    expect(answer.raw).not.toContain('mocked');
    expect(answer.raw).not.toContain('InternalServerError');
    expect(logError.mock.calls.filter(([message]) => message === 'unhandled error')).toHaveLength(1);
  });

  it('an audit entry already in the trail (its copy’s condition fails) is not an error', async () => {
    ddb.on(GetCommand).resolves({ Item: storedItem(1) });
    ddb.on(UpdateCommand).resolves({});
    ddb.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'x', $metadata: {} }));
    const answer = await putStation(apiExample());
    expect(answer.status).toBe(200);
    expect(answer.body.version).toBe(2);
    const copy = ddb.commandCalls(PutCommand)[0]!.args[0].input;
    expect(copy.Item).toMatchObject({ pk: 'AUDIT#qianmen', entry: { action: 'station.configured', actor: { sub: 'P001' } } });
    expect(logError).not.toHaveBeenCalled();
  });

  it('a throttled audit copy after the write succeeded does not report the saved change as failed', async () => {
    // The change and its audit entry were written together (the outbox); copying the entry into the trail is
    // catch-up work that the next audit read redoes. Answering 503 here would invite a retry of a change that was saved.
    ddb.on(GetCommand).resolves({ Item: storedItem(1) });
    ddb.on(UpdateCommand).resolves({});
    ddb.on(PutCommand).rejects(new ProvisionedThroughputExceededException({ message: 'x', $metadata: {} }));
    const answer = await putStation(apiExample(), { 'if-match': '"1"' });
    expect(ddb.commandCalls(UpdateCommand).length).toBeGreaterThanOrEqual(1); // the change was written
    expect(answer.status).toBe(200);
    expect(answer.body.version).toBe(2);
  });
});
