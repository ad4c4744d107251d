// The local server (local/app.ts) over HTTP: health, dev tokens, the demo station, token checks, the web page.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import { startLocalApp, type LocalApp } from '../local/app.ts';
import { MAX_BODY_BYTES } from '../shared/http/api.ts';

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ port: 0, memory: true, log: () => {} });
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function call(path: string, init: RequestInit & { token?: string; json?: unknown } = {}) {
  const { token, json, headers, ...rest } = init;
  const response = await fetch(`${app.url}${path}`, {
    ...rest,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(headers as Record<string, string> | undefined),
    },
    ...(json !== undefined ? { body: typeof json === 'string' ? json : JSON.stringify(json) } : {}),
  });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return { status: response.status, type, text, body: type.includes('application/json') && text ? (JSON.parse(text) as any) : undefined };
}

async function devToken(request: Record<string, unknown>): Promise<string> {
  const answer = await call('/dev/token', { method: 'POST', json: request });
  expect(answer.status, answer.text).toBe(200);
  expect(answer.body.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  return answer.body.token as string;
}

const demoDirector = { sub: 'P001', groups: ['director'], stationId: 'demo' };

describe('the local server', () => {
  it('GET /health → 200 {"ok": true}, no token needed', async () => {
    const answer = await call('/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ok: true });
  });

  it('POST /dev/token for the demo director gives a token that reads the demo station (65 people)', async () => {
    const token = await devToken(demoDirector);
    const answer = await call('/stations/demo', { token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: 'demo', version: 1, timezone: 'Asia/Shanghai' });
    expect(answer.body.people).toHaveLength(65);
  });

  it('the demo station was loaded with its audit entry', async () => {
    const token = await devToken(demoDirector);
    const answer = await call('/stations/demo/audit', { token });
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(1);
    expect(answer.body.items[0]).toMatchObject({ action: 'station.configured', actor: { sub: 'system' }, stationId: 'demo' });
  });

  it('a PUT through the server reaches the handler with the token’s claims', async () => {
    const token = await devToken(demoDirector);
    const read = await call('/stations/demo', { token });
    const saved = await call('/stations/demo', { method: 'PUT', token, json: { ...read.body, name: 'Qianmen (edited)' } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, updatedBy: 'P001', name: 'Qianmen (edited)' });

    const officer = await devToken({ sub: 'P030', groups: ['officer'], stationId: 'demo' });
    const refused = await call('/stations/demo', { method: 'PUT', token: officer, json: read.body });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('AUTH-ROLE');

    const elsewhere = await devToken({ sub: 'X1', groups: ['director'], stationId: 'other' });
    expect((await call('/stations/demo', { token: elsewhere })).body.error.code).toBe('AUTH-STATION');

    const trail = await call('/stations/demo/audit', { token });
    expect(trail.body.items.map((e: { actor: { sub: string } }) => e.actor.sub)).toEqual(['system', 'P001']);
  });

  it('a PUT body over 1 MB → 413 through the server too', async () => {
    const token = await devToken(demoDirector);
    const answer = await call('/stations/demo', { method: 'PUT', token, json: `{"name":"${'x'.repeat(MAX_BODY_BYTES)}"}` });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('tokens', () => {
  it('no token → 401', async () => {
    const answer = await call('/stations/demo');
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('a token that is not a Bearer token, or not a JWT → 401', async () => {
    const token = await devToken(demoDirector);
    expect((await call('/stations/demo', { headers: { authorization: token } })).status).toBe(401);
    expect((await call('/stations/demo', { headers: { authorization: `Basic ${token}` } })).status).toBe(401);
    expect((await call('/stations/demo', { token: 'not-a-jwt' })).status).toBe(401);
  });

  it('a forged token (signed with another key) → 401', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ 'cognito:groups': ['admin'], 'custom:stationId': 'demo', token_use: 'id' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('mallory')
      .setIssuer('urn:duty-roster:local-dev')
      .setAudience('duty-roster-local')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const answer = await call('/stations/demo', { token: forged });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('a tampered token (claims changed after signing) → 401', async () => {
    const token = await devToken({ sub: 'P030', groups: ['officer'], stationId: 'demo' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    claims['cognito:groups'] = ['admin'];
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect((await call('/stations/demo', { token: tampered })).status).toBe(401);
  });

  it('an unsigned token (alg none) → 401', async () => {
    const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${encode({ alg: 'none' })}.${encode({ sub: 'P001', 'cognito:groups': ['admin'], iss: 'urn:duty-roster:local-dev', aud: 'duty-roster-local', iat: now, exp: now + 3600 })}.`;
    expect((await call('/stations/demo', { token: unsigned })).status).toBe(401);
  });

  it('an expired token → 401 (the clock moved past its lifetime)', async () => {
    const token = await devToken({ ...demoDirector, expiresIn: 60 });
    expect((await call('/stations/demo', { token })).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 120_000 });
    const answer = await call('/stations/demo', { token });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('POST /dev/token with a bad body → 400 listing what is wrong', async () => {
    const bad: [string, unknown][] = [
      ['not JSON', '{"sub": '],
      ['empty', ''],
      ['no groups', { sub: 'P001', stationId: 'demo' }],
      ['an unknown group', { sub: 'P001', groups: ['captain'], stationId: 'demo' }],
      ['a bad station id', { sub: 'P001', groups: ['director'], stationId: 'Demo Station' }],
      ['an unknown field', { sub: 'P001', groups: ['director'], stationId: 'demo', role: 'god' }],
      ['a zero lifetime', { sub: 'P001', groups: ['director'], stationId: 'demo', expiresIn: 0 }],
      ['an empty sub', { sub: '', groups: ['director'] }],
    ];
    for (const [what, json] of bad) {
      const answer = await call('/dev/token', { method: 'POST', json: json === '' ? undefined : json, headers: { 'content-type': 'application/json' } });
      expect(answer.status, what).toBe(400);
      expect(answer.body.error.code, what).toBe('BAD_REQUEST');
      expect(answer.body.token).toBeUndefined();
    }
    const unknownGroup = await call('/dev/token', { method: 'POST', json: { sub: 'P001', groups: ['captain'] } });
    expect(unknownGroup.body.error.details.map((d: { path: string }) => d.path)).toEqual(['groups.0']);
  });
});

describe('the web page and unknown paths', () => {
  it('GET / serves the HTML page', async () => {
    const answer = await call('/');
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^text\/html/);
    expect(answer.text).toContain('<title>Duty roster planner</title>');
    expect((await call('/index.html')).text).toBe(answer.text);
  });

  it('an unknown path → 404 in the API error shape', async () => {
    for (const path of ['/nope', '/stations', '/stations/demo/plans/x/y', '/package.json']) {
      const answer = await call(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.error.code, path).toBe('NOT_FOUND');
    }
  });

  it('a path with a malformed percent-escape is a client error (400), not a crash (500)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // the server logs what it cannot handle
    const token = await devToken(demoDirector);
    for (const path of ['/stations/%ZZ', '/stations/demo%E0%A4%A/audit']) {
      const answer = await call(path, { token });
      expect(answer.status, path).toBe(400);
    }
  });

  it('a percent-encoded station id is decoded like API Gateway does', async () => {
    const token = await devToken(demoDirector);
    expect((await call('/stations/de%6Do', { token })).body).toMatchObject({ id: 'demo' });
  });

  it('a known path with a method it does not serve → 405', async () => {
    const answer = await call('/health', { method: 'DELETE' });
    expect(answer.status).toBe(405);
    expect(answer.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });
});
