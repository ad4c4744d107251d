// The largest plan the API allows (300 people × 92 days, MAX_PLAN_DAYS) must fit Lambda's 6 MB answer: compressed
// by Accept-Encoding (br or gzip), the whole Lambda result stays under the limit and decodes to the same document.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStation } from '../../bench/generate-station.ts';
import { handler as plansHandler } from '../../functions/plans/handler.ts';
import { MAX_PLAN_DAYS } from '../../shared/domain/plan.ts';
import { StationConfig } from '../../shared/domain/station.ts';
import { chooseEncoding } from '../../shared/http/content-encoding.ts';
import { newAuditId } from '../../shared/store/index.ts';
import { apiEvent, lambdaContext, startTestStore, type TestStore } from '../helpers/dynalite.ts';

const LAMBDA_ANSWER_LIMIT = 6 * 1024 * 1024;
const STATION = 'large';
const director = { sub: 'P001', groups: ['director'], stationId: STATION };

let db: TestStore;
let planId = '';
let plain = '';

beforeAll(async () => {
  db = await startTestStore();
  const config = StationConfig.parse(generateStation({ people: 300, seed: 17 }));
  expect(config.people).toHaveLength(300);
  const at = new Date();
  await db.store.stations.put(STATION, config, {
    expectedVersion: null,
    entry: { id: newAuditId(at), stationId: STATION, at: at.toISOString(), actor: { sub: 'test', groups: ['admin'], stationId: null }, action: 'station.configured', target: { kind: 'station', id: STATION }, summary: 'large station', detail: {} },
  });
  // The biggest plan the API makes: every day it allows, the shortest search budget (the size is what matters).
  const made = await plansHandler(
    apiEvent({ method: 'POST', path: `/stations/${STATION}/plans`, routeKey: 'POST /stations/{stationId}/plans', pathParameters: { stationId: STATION }, body: { start: '2027-01-04', days: MAX_PLAN_DAYS, seed: 1, seconds: 0.05 }, claims: director }),
    // Building this plan takes tens of seconds on a busy shared machine: more than the local context's 30 s.
    { ...lambdaContext('plans'), getRemainingTimeInMillis: () => 600_000 },
  );
  expect(made.statusCode).toBe(201);
  planId = (JSON.parse(made.body!) as { id: string }).id;
  plain = (await getPlan()).body!;
}, 600_000);
afterAll(async () => {
  await db?.close();
});

function getPlan(acceptEncoding?: string) {
  return plansHandler(
    apiEvent({
      method: 'GET',
      path: `/stations/${STATION}/plans/${planId}`,
      routeKey: 'GET /stations/{stationId}/plans/{planId}',
      pathParameters: { stationId: STATION, planId },
      claims: director,
      ...(acceptEncoding ? { headers: { 'Accept-Encoding': acceptEncoding } } : {}),
    }),
    lambdaContext('plans'),
  );
}

describe('the largest plan (300 people × 92 days)', () => {
  it('is several megabytes of JSON uncompressed (the reason to compress)', () => {
    const plan = JSON.parse(plain) as { assignments: unknown[]; days: number };
    expect(plan.days).toBe(92);
    // At least one assignment per person and day (flexible nights come on top).
    expect(plan.assignments.length).toBeGreaterThanOrEqual(300 * 92);
    console.info(`300 × 92 plan: ${(Buffer.byteLength(plain) / 1024 / 1024).toFixed(2)} MB of JSON`);
    expect(Buffer.byteLength(plain)).toBeGreaterThan(2 * 1024 * 1024);
  });

  for (const [accept, encoding, decode] of [
    ['gzip, deflate, br', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
    ['br;q=0.5, gzip;q=0.9', 'gzip', gunzipSync],
  ] as const)
    it(`answers ${encoding} for Accept-Encoding "${accept}" under 6 MB, decoding to the same document`, async () => {
      const answer = await getPlan(accept);
      expect(answer.statusCode).toBe(200);
      expect(answer.headers?.['content-encoding']).toBe(encoding);
      expect(String(answer.headers?.vary)).toMatch(/accept-encoding/i);
      expect(answer.isBase64Encoded).toBe(true);
      // What Lambda measures is the whole result it returns to API Gateway, base64 body included.
      const resultBytes = Buffer.byteLength(JSON.stringify(answer));
      console.info(`${encoding}: Lambda result ${(resultBytes / 1024).toFixed(0)} KB (limit ${LAMBDA_ANSWER_LIMIT / 1024} KB)`);
      expect(resultBytes).toBeLessThan(LAMBDA_ANSWER_LIMIT);
      const decoded = decode(Buffer.from(answer.body!, 'base64')).toString('utf8');
      expect(decoded).toBe(plain);
      expect(JSON.parse(decoded)).toEqual(JSON.parse(plain));
    });

  it('is sent as it is to a caller that accepts no encoding we make', async () => {
    const answer = await getPlan('identity');
    expect(answer.headers?.['content-encoding']).toBeUndefined();
    expect(answer.body).toBe(plain);
  });
});

describe('choosing the encoding (Accept-Encoding, RFC 9110)', () => {
  it('takes the highest q-value among br and gzip, br on a tie, nothing when both are refused', () => {
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('')).toBeNull();
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('gzip, br')).toBe('br');
    expect(chooseEncoding('br;q=0.1, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0.5, br;q=0')).toBe('gzip');
    expect(chooseEncoding('deflate, identity')).toBeNull();
    expect(chooseEncoding('GZIP;Q=1')).toBe('gzip');
  });
});
