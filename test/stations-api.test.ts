// GET / PUT /stations/{stationId} and GET /stations/{stationId}/audit: the Lambda handlers, called with API Gateway
// events, over an in-memory dynalite.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { handler as auditHandler } from '../functions/audit/handler.ts';
import { handler as stationsHandler } from '../functions/stations/handler.ts';
import { MAX_BODY_BYTES } from '../shared/http/api.ts';
import { apiEvent, invoke, startTestStore, type Invoked, type TestClaims, type TestStore } from './helpers/dynalite.ts';
import { apiExample, tenMistakes, type Doc } from './helpers/fixtures.ts';

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
});
afterAll(async () => {
  await db?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const director = (stationId: string, sub = 'P001'): TestClaims => ({ sub, groups: ['director'], stationId });
const instructor = (stationId: string, sub = 'P002'): TestClaims => ({ sub, groups: ['instructor'], stationId });

function put(stationId: string, body: unknown, claims: TestClaims | null, headers: Record<string, string> = {}): Promise<Invoked> {
  return invoke(
    stationsHandler,
    apiEvent({ method: 'PUT', path: `/stations/${stationId}`, routeKey: 'PUT /stations/{stationId}', pathParameters: { stationId }, body, claims, headers }),
  );
}

function get(stationId: string, claims: TestClaims | null = director(stationId)): Promise<Invoked> {
  return invoke(
    stationsHandler,
    apiEvent({ method: 'GET', path: `/stations/${stationId}`, routeKey: 'GET /stations/{stationId}', pathParameters: { stationId }, claims }),
  );
}

function audit(stationId: string, claims: TestClaims | null = director(stationId), query: Record<string, string> = {}): Promise<Invoked> {
  return invoke(
    auditHandler,
    apiEvent({ method: 'GET', path: `/stations/${stationId}/audit`, routeKey: 'GET /stations/{stationId}/audit', pathParameters: { stationId }, claims, query }),
  );
}

/** Creates a station from the API.md example and returns the GET answer. */
async function create(stationId: string, doc: Doc = apiExample()): Promise<Doc> {
  const created = await put(stationId, doc, director(stationId));
  expect(created.status).toBe(201);
  const read = await get(stationId);
  expect(read.status).toBe(200);
  return read.body as Doc;
}

/**
 * Holds every read of a station's configuration until `count` of them are waiting, so that concurrent PUTs are sure to
 * have read the same version before either writes (no reliance on how the event loop happens to interleave them).
 */
function holdStationReadsUntil(stationId: string, count: number): { held: () => number } {
  const client = db.store.client;
  const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  const waiting: (() => void)[] = [];
  vi.spyOn(client, 'send').mockImplementation((async (command: unknown) => {
    const input = (command as { input?: { Key?: { pk?: string; sk?: string }; ProjectionExpression?: string } }).input;
    const isConfigRead = command instanceof GetCommand && input?.Key?.pk === `STATION#${stationId}` && input.Key.sk === 'CONFIG' && !input.ProjectionExpression;
    if (isConfigRead && waiting.length < count) {
      await new Promise<void>((release) => {
        waiting.push(release);
        if (waiting.length === count) for (const r of waiting) r();
      });
    }
    return send(command);
  }) as never);
  return { held: () => waiting.length };
}

describe('PUT and GET /stations/{stationId}: the happy path', () => {
  it('PUT creates the station (201, version 1), GET returns it with id and version, PUT again makes version 2', async () => {
    const created = await put('qianmen', apiExample(), director('qianmen'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'qianmen', version: 1, updatedBy: 'P001', name: 'Qianmen', timezone: 'Asia/Shanghai' });
    expect(Number.isNaN(Date.parse(created.body.updatedAt))).toBe(false);
    expect(created.headers.etag).toBe('"1"');

    const read = await get('qianmen');
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toMatch(/application\/json/);
    expect(read.body).toEqual(created.body);
    expect(read.body.people).toHaveLength(3);
    expect(read.body.rules.minCommunityOfficerShare).toBe(0.4); // defaults are stored filled in
    expect(read.headers.etag).toBe('"1"');

    const changed = apiExample();
    changed.name = 'Qianmen Station';
    const updated = await put('qianmen', changed, instructor('qianmen'));
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: 'qianmen', version: 2, name: 'Qianmen Station', updatedBy: 'P002' });

    const again = await get('qianmen');
    expect(again.body).toMatchObject({ id: 'qianmen', version: 2, name: 'Qianmen Station', updatedBy: 'P002' });
  });

  it('a GET answer sent back unchanged as the PUT body (id, version, updatedAt, updatedBy included) is accepted', async () => {
    const read = await create('roundtrip');
    expect(read).toMatchObject({ id: 'roundtrip', version: 1 });
    expect(read.updatedAt).toEqual(expect.any(String));
    expect(read.updatedBy).toBe('P001');

    const saved = await put('roundtrip', read, director('roundtrip', 'P009'));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(2);

    const after = await get('roundtrip');
    const { version: _v1, updatedAt: _a1, updatedBy: _b1, ...configBefore } = read;
    const { version: v2, updatedAt: _a2, updatedBy: b2, ...configAfter } = after.body as Doc;
    expect(configAfter).toEqual(configBefore);
    expect(v2).toBe(2);
    expect(b2).toBe('P009');
  });

  it('If-Match with the current version is accepted; with a stale one it is a 409 and nothing changes', async () => {
    await create('ifmatch');
    const v2 = await put('ifmatch', apiExample(), director('ifmatch'), { 'If-Match': '"1"' });
    expect(v2.status).toBe(200);
    expect(v2.body.version).toBe(2);

    const stale = apiExample();
    stale.name = 'Stale';
    const refused = await put('ifmatch', stale, director('ifmatch'), { 'If-Match': '"1"' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    const read = await get('ifmatch');
    expect(read.body).toMatchObject({ version: 2, name: 'Qianmen' });

    const weak = await put('ifmatch', apiExample(), director('ifmatch'), { 'if-match': 'W/"2"' });
    expect(weak.status).toBe(200);
    expect(weak.body.version).toBe(3);
  });

  it('a stale `version` in the body is a 409 and nothing changes', async () => {
    const v1 = await create('bodyversion');
    const v2 = await put('bodyversion', { ...v1, name: 'Second' }, director('bodyversion'));
    expect(v2.status).toBe(200);

    const refused = await put('bodyversion', { ...v1, name: 'Lost update' }, director('bodyversion'));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT' });
    expect(refused.body.error.message).toEqual(expect.any(String));
    expect((await get('bodyversion')).body).toMatchObject({ version: 2, name: 'Second' });
  });

  it('a version for a station that does not exist yet is refused and creates nothing', async () => {
    const answer = await put('not-yet', { ...apiExample(), version: 4 }, director('not-yet'));
    expect(answer.status).toBe(404);
    expect((await get('not-yet')).status).toBe(404);
  });
});

describe('PUT with mistakes', () => {
  it('ten kinds of mistakes → 400 listing each with path and message, and the stored document unchanged', async () => {
    const before = await create('mistakes');
    const { doc, expected } = tenMistakes();
    const answer = await put('mistakes', doc, director('mistakes'));
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('BAD_REQUEST');
    const details = answer.body.error.details as { path: string; message: string }[];
    expect(details.length).toBeGreaterThanOrEqual(10);
    for (const d of details) {
      expect(d.path).toEqual(expect.any(String));
      expect(d.message.length).toBeGreaterThan(0);
    }
    for (const { path, kind } of expected)
      expect(details.map((d) => d.path), `${kind} at ${path}`).toContain(path);
    expect(details.find((d) => d.path === 'people[1].group')?.message).toMatch(/G9/);
    expect(details.find((d) => d.path === 'rules')?.message).toMatch(/maxConsecutiveNight/);

    const after = await get('mistakes');
    expect(after.body).toEqual(before);
  });

  it('the read-only fields are checked too: an id for another station, a bad version, a bad If-Match', async () => {
    const before = await create('readonly');
    const answer = await put('readonly', { ...apiExample(), id: 'elsewhere', version: 'one' }, director('readonly'), { 'if-match': 'latest' });
    expect(answer.status).toBe(400);
    const paths = (answer.body.error.details as { path: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'version', 'If-Match']));
    expect((await get('readonly')).body).toEqual(before);
  });

  it('a missing body, or one that is not an object, is a 400', async () => {
    for (const body of [undefined, '[]', '"station"', 'null']) {
      const answer = await put('nobody', body, director('nobody'));
      expect(answer.status, String(body)).toBe(400);
      expect(answer.body.error.code).toBe('BAD_REQUEST');
    }
    expect((await get('nobody')).status).toBe(404);
  });

  it('a body that is not JSON → 400', async () => {
    const answer = await put('notjson', '{"name": "Qianmen",', director('notjson'));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'BAD_REQUEST', details: [{ path: '(body)' }] });
  });

  it('a body over 1 MB → 413', async () => {
    const doc = apiExample();
    doc.name = 'x'.repeat(MAX_BODY_BYTES);
    const answer = await put('huge', doc, director('huge'));
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await get('huge')).status).toBe(404);
  });

  it('a body of exactly 1 MB is let through to validation (400 for the over-long name, not 413)', async () => {
    const doc = apiExample();
    doc.name = '';
    const overhead = Buffer.byteLength(JSON.stringify(doc));
    doc.name = 'x'.repeat(MAX_BODY_BYTES - overhead);
    expect(Buffer.byteLength(JSON.stringify(doc))).toBe(MAX_BODY_BYTES);
    const answer = await put('exactly', doc, director('exactly'));
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.map((d: { path: string }) => d.path)).toEqual(['name']);
  });
});

describe('concurrent PUTs from the same version', () => {
  it('with the version given (body and If-Match): exactly one 200 and one 409', async () => {
    const v1 = await create('race-versioned');
    const [a, b] = await Promise.all([
      put('race-versioned', { ...v1, name: 'A' }, director('race-versioned', 'PA')),
      put('race-versioned', { ...apiExample(), name: 'B' }, director('race-versioned', 'PB'), { 'If-Match': '"1"' }),
    ]);
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    const winner = a!.status === 200 ? 'A' : 'B';
    expect((await get('race-versioned')).body).toMatchObject({ version: 2, name: winner });
  });

  it('with the version given, when both have read version 1 before either writes: one 200, one 409 from the store', async () => {
    const v1 = await create('race-held');
    const gate = holdStationReadsUntil('race-held', 2);
    const [a, b] = await Promise.all([
      put('race-held', { ...v1, name: 'A' }, director('race-held', 'PA')),
      put('race-held', { ...v1, name: 'B' }, director('race-held', 'PB')),
    ]);
    vi.restoreAllMocks();
    expect(gate.held()).toBe(2);
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    const loser = a!.status === 409 ? a! : b!;
    expect(loser.body.error.code).toBe('CONFLICT');
    expect((await get('race-held')).body.version).toBe(2);
  });

  it('without a version: exactly one 200 and one 409 (a blind write does not overwrite a concurrent one)', async () => {
    await create('race-blind');
    const gate = holdStationReadsUntil('race-blind', 2);
    const [a, b] = await Promise.all([
      put('race-blind', { ...apiExample(), name: 'A' }, director('race-blind', 'PA')),
      put('race-blind', { ...apiExample(), name: 'B' }, director('race-blind', 'PB')),
    ]);
    vi.restoreAllMocks();
    expect(gate.held()).toBe(2);
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    const winner = a!.status === 200 ? 'A' : 'B';
    const read = await get('race-blind');
    expect(read.body).toMatchObject({ version: 2, name: winner });

    // Only the accepted PUTs are in the trail: the creation and the winner.
    const trail = await audit('race-blind');
    expect(trail.body.items.map((e: Doc) => e.actor.sub)).toEqual(['P001', `P${winner}`]);
  });

  it('without a version, plain Promise.all: one 200 and one 409', async () => {
    await create('race-plain');
    const [a, b] = await Promise.all([
      put('race-plain', { ...apiExample(), name: 'A' }, director('race-plain', 'PA')),
      put('race-plain', { ...apiExample(), name: 'B' }, director('race-plain', 'PB')),
    ]);
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    expect((await get('race-plain')).body.version).toBe(2);
  });

  it('two creations of the same new station: one 201, one 409', async () => {
    const gate = holdStationReadsUntil('race-create', 2);
    const [a, b] = await Promise.all([
      put('race-create', { ...apiExample(), name: 'A' }, director('race-create', 'PA')),
      put('race-create', { ...apiExample(), name: 'B' }, director('race-create', 'PB')),
    ]);
    vi.restoreAllMocks();
    expect(gate.held()).toBe(2);
    expect([a!.status, b!.status].sort()).toEqual([201, 409]);
    expect((await get('race-create')).body.version).toBe(1);
    expect((await audit('race-create')).body.items).toHaveLength(1);
  });
});

describe('who may PUT and GET', () => {
  beforeAll(async () => {
    await create('guarded');
  });

  it('an officer of the station → 403 AUTH-ROLE', async () => {
    const answer = await put('guarded', apiExample(), { sub: 'P014', groups: ['officer'], stationId: 'guarded' });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('AUTH-ROLE');
  });

  it('a deputy or branch may not configure either (403 AUTH-ROLE)', async () => {
    for (const groups of [['deputy'], ['branch'], ['auxiliary']]) {
      const answer = await put('guarded', apiExample(), { sub: 'X', groups, stationId: 'guarded', branchId: 'default' });
      expect(answer.status, groups[0]).toBe(403);
      expect(answer.body.error.code).toBe('AUTH-ROLE');
    }
  });

  it('the director of another station → 403 AUTH-STATION', async () => {
    const answer = await put('guarded', apiExample(), director('dashilan', 'P777'));
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('AUTH-STATION');
    const read = await get('guarded', director('dashilan', 'P777'));
    expect(read.status).toBe(403);
    expect(read.body.error.code).toBe('AUTH-STATION');
  });

  it('an admin may PUT any station', async () => {
    const admin: TestClaims = { sub: 'root-1', groups: ['admin'], stationId: null };
    const changed = await put('guarded', { ...apiExample(), name: 'By admin' }, admin);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, updatedBy: 'root-1' });
    const created = await put('admin-made', apiExample(), { ...admin, stationId: 'somewhere-else' });
    expect(created.status).toBe(201);
  });

  it('the refused PUTs changed nothing', async () => {
    const read = await get('guarded');
    expect(read.body).toMatchObject({ version: 2, name: 'By admin' });
  });

  it('no claims → 401', async () => {
    const answer = await put('guarded', apiExample(), null);
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('UNAUTHENTICATED');
    expect((await get('guarded', null)).status).toBe(401);
    expect((await audit('guarded', null)).status).toBe(401);
  });

  it('claims without a sub → 401', async () => {
    const answer = await put('guarded', apiExample(), { sub: '', groups: ['director'], stationId: 'guarded' });
    expect(answer.status).toBe(401);
  });

  it('an unknown station → 404', async () => {
    const answer = await get('nowhere', { sub: 'root', groups: ['admin'], stationId: null });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NOT_FOUND');
  });

  it('a bad station id in the path → 400 naming stationId', async () => {
    for (const stationId of ['Qianmen', 'qian_men', '-leading-dash', 'a'.repeat(65)]) {
      const claims = director(stationId);
      const read = await get(stationId, claims);
      expect(read.status, stationId).toBe(400);
      expect(read.body.error.details.map((d: { path: string }) => d.path)).toEqual(['stationId']);
      const write = await put(stationId, apiExample(), claims);
      expect(write.status, stationId).toBe(400);
    }
  });

  it('an event for a route the function does not serve → 404', async () => {
    const answer = await invoke(
      stationsHandler,
      apiEvent({ method: 'DELETE', path: '/stations/guarded', routeKey: 'DELETE /stations/{stationId}', pathParameters: { stationId: 'guarded' }, claims: director('guarded') }),
    );
    expect(answer.status).toBe(404);
  });
});

describe('GET /stations/{stationId}/audit', () => {
  it('lists every accepted PUT, oldest first, with the actor and action station.configured; rejected ones are absent', async () => {
    const id = 'audited';
    const accepted: string[] = [];
    const attempt = async (body: unknown, claims: TestClaims, headers: Record<string, string> = {}) => {
      const answer = await put(id, body, claims, headers);
      if (answer.status === 200 || answer.status === 201) accepted.push(claims.sub);
      return answer.status;
    };
    expect(await attempt(apiExample(), director(id, 'P001'))).toBe(201);
    expect(await attempt(tenMistakes().doc, director(id, 'P-bad'))).toBe(400);
    expect(await attempt({ ...apiExample(), name: 'Two' }, instructor(id, 'P002'))).toBe(200);
    expect(await attempt(apiExample(), { sub: 'P-officer', groups: ['officer'], stationId: id })).toBe(403);
    expect(await attempt(apiExample(), director('elsewhere', 'P-other'))).toBe(403);
    expect(await attempt(apiExample(), director(id, 'P-stale'), { 'if-match': '1' })).toBe(409);
    expect(await attempt('{not json', director(id, 'P-junk'))).toBe(400);
    const read = await get(id);
    expect(await attempt({ ...read.body, name: 'Three' }, { sub: 'root', groups: ['admin'], stationId: null })).toBe(200);
    expect(accepted).toEqual(['P001', 'P002', 'root']);

    const trail = await audit(id);
    expect(trail.status).toBe(200);
    expect(trail.body.next).toBeNull();
    const items = trail.body.items as Doc[];
    expect(items.map((e) => e.actor.sub)).toEqual(accepted);
    for (const entry of items) {
      expect(entry).toMatchObject({ stationId: id, action: 'station.configured', target: { kind: 'station', id } });
      expect(entry.summary).toEqual(expect.any(String));
    }
    expect(items.map((e) => e.detail.version)).toEqual([1, 2, 3]);
    const times = items.map((e) => Date.parse(e.at));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(items[1]!.detail.sections).toEqual(['name']);
  });

  it('pages with next, and reading twice does not duplicate entries', async () => {
    const id = 'audit-pages';
    await create(id);
    for (const name of ['B', 'C', 'D', 'E']) expect((await put(id, { ...apiExample(), name }, director(id))).status).toBe(200);
    const seen: number[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const answer: Invoked = await audit(id, director(id), { limit: '2', ...(next ? { next } : {}) });
      expect(answer.status).toBe(200);
      seen.push(...(answer.body.items as Doc[]).map((e) => e.detail.version as number));
      next = answer.body.next;
      pages++;
    } while (next && pages < 10);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect((await audit(id)).body.items).toHaveLength(5);
  });

  it('is refused to an officer (403) and to another station’s director (403 AUTH-STATION)', async () => {
    await create('audit-guarded');
    const officer = await audit('audit-guarded', { sub: 'P1', groups: ['officer'], stationId: 'audit-guarded' });
    expect(officer.status).toBe(403);
    expect(officer.body.error.code).toBe('AUTH-ROLE');
    const other = await audit('audit-guarded', director('dashilan'));
    expect(other.body.error.code).toBe('AUTH-STATION');
  });

  it('from/to are dates in the station’s time zone (API.md: "dates are YYYY-MM-DD in the station\'s time zone")', async () => {
    // 2026-03-01T17:30Z is 2026-03-02 01:30 in Asia/Shanghai, the example station's zone.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T17:30:00.000Z') });
    try {
      expect((await put('audit-tz', apiExample(), director('audit-tz'))).status).toBe(201);
    } finally {
      vi.useRealTimers();
    }
    const all = await audit('audit-tz');
    expect(all.body.items.map((e: Doc) => e.at)).toEqual(['2026-03-01T17:30:00.000Z']);
    const march2 = await audit('audit-tz', director('audit-tz'), { from: '2026-03-02', to: '2026-03-02' });
    expect(march2.status).toBe(200);
    expect(march2.body.items).toHaveLength(1);
    const march1 = await audit('audit-tz', director('audit-tz'), { from: '2026-03-01', to: '2026-03-01' });
    expect(march1.body.items).toHaveLength(0);
  });

  it('a "to" before "from" in the query → 400', async () => {
    const answer = await audit('audit-pages', director('audit-pages'), { from: '2026-03-02', to: '2026-03-01' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details.map((d: { path: string }) => d.path)).toEqual(['to']);
  });

  it('a cursor from another station’s trail is refused (400)', async () => {
    const foreign = Buffer.from(JSON.stringify({ pk: 'AUDIT#qianmen', sk: '2026-01-01T00:00:00.000Z#x' })).toString('base64url');
    const answer = await audit('audit-pages', director('audit-pages'), { next: foreign });
    expect(answer.status).toBe(400);
  });
});

describe('FB-4 through the configuration', () => {
  it('a director cannot change reinforcedDuty with PUT (403 FB-4), and the stored periods stay as they were', async () => {
    const { startTestStore, apiEvent, invoke } = await import('./helpers/dynalite.ts');
    const { handler } = await import('../functions/stations/handler.ts');
    const { apiExample } = await import('./helpers/fixtures.ts');
    const store = await startTestStore();
    try {
      const claims = { sub: 'P001', groups: ['director'], stationId: 'fb4' };
      const doc = apiExample();
      const created = await invoke(handler, apiEvent({ method: 'PUT', path: '/stations/fb4', routeKey: 'PUT /stations/{stationId}', pathParameters: { stationId: 'fb4' }, body: doc, claims }));
      expect(created.status).toBe(201);
      const changed = { ...doc, reinforcedDuty: [{ from: '2027-02-01', to: '2027-02-02', note: 'self-declared' }] };
      const refused = await invoke(handler, apiEvent({ method: 'PUT', path: '/stations/fb4', routeKey: 'PUT /stations/{stationId}', pathParameters: { stationId: 'fb4' }, body: changed, claims }));
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('FB-4');
      const unchanged = await invoke(handler, apiEvent({ method: 'PUT', path: '/stations/fb4', routeKey: 'PUT /stations/{stationId}', pathParameters: { stationId: 'fb4' }, body: { ...doc, name: 'Renamed' }, claims }));
      expect(unchanged.status).toBe(200);
      const admin = { sub: 'root', groups: ['admin'] };
      const byAdmin = await invoke(handler, apiEvent({ method: 'PUT', path: '/stations/fb4', routeKey: 'PUT /stations/{stationId}', pathParameters: { stationId: 'fb4' }, body: changed, claims: admin }));
      expect(byAdmin.status).toBe(200);
    } finally {
      await store.close();
    }
  });
});
