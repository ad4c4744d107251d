// Sign-in through a hosted UI in a real browser: the page (web/dist) with a config.json naming a user pool, against
// an OpenID provider stand-in on loopback (oidc-provider.ts) in place of Cognito, and the real API handlers behind a
// gateway that checks the provider's ID tokens as API Gateway's JWT authorizer does. Every address the browser and
// the provider see is recorded: no token may appear in any of them, at any step (sign-in, refresh, sign-out).
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STATION_ID, loadDemoStation, startEmbeddedStore } from '../../local/app.ts';
import type { DevAuthority } from '../../local/dev-auth.ts';
import { dispatch } from '../../local/gateway.ts';
import { useStore } from '../../shared/store/index.ts';
import { DIST, ensureWebBuilt, launch, screenshot, watch, type Browser } from './browser.ts';
import { startOidcStandIn, type OidcStandIn } from './oidc-provider.ts';

const CLIENT_ID = 'roster-web-client';
/** Short-lived tokens, so that the page renews them (a minute before expiry) within the test. */
const LIFETIME_SECONDS = 66;

let provider: OidcStandIn;
let site: { url: string; server: Server };
let store: Awaited<ReturnType<typeof startEmbeddedStore>>;
let browser: Browser;
/** Authorization headers the API received, in order. */
const bearers: string[] = [];

/** API Gateway's JWT authorizer, played with the provider's key: claims as strings, arrays as "[a b]". */
function providerAuthority(): DevAuthority {
  return {
    issue: () => Promise.reject(new Error('no dev tokens here')),
    async verify(authorization) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      if (!token) return null;
      bearers.push(token);
      const payload = await provider.verifyIdToken(token);
      if (!payload) return null;
      const claims: Record<string, string | number | boolean> = {};
      for (const [k, v] of Object.entries(payload)) claims[k] = Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean);
      return claims;
    },
  };
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

async function serveSite(req: IncomingMessage, res: ServerResponse, auth: DevAuthority): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/config.json') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ apiUrl: '', userPoolId: 'ap-east-1_standin', clientId: CLIENT_ID, cognitoDomain: provider.issuer, oidcAuthority: provider.issuer, stationId: DEMO_STATION_ID }));
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
  const body = Buffer.concat(chunks).toString('utf8');
  const answer = await dispatch({ method: req.method ?? 'GET', path: url.pathname, query: url.search.slice(1), headers, body: body || undefined }, auth);
  if (answer) {
    res.writeHead(answer.statusCode ?? 200, answer.headers as Record<string, string>);
    res.end(answer.isBase64Encoded ? Buffer.from(answer.body ?? '', 'base64') : (answer.body ?? ''));
    return;
  }
  const file = join(DIST, normalize(url.pathname === '/' ? '/index.html' : url.pathname).replace(/^(\.\.[/\\])+/, ''));
  try {
    const content = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(content);
  } catch {
    res.writeHead(404);
    res.end();
  }
}

beforeAll(async () => {
  await ensureWebBuilt();
  provider = await startOidcStandIn({ clientId: CLIENT_ID, person: { username: 'P001', groups: ['director'], stationId: DEMO_STATION_ID }, lifetimeSeconds: LIFETIME_SECONDS });
  store = await startEmbeddedStore({ memory: true });
  useStore(store.store);
  await loadDemoStation(store.store);
  const auth = providerAuthority();
  const server = createServer((req, res) => {
    serveSite(req, res, auth).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
  browser = await launch({ locale: 'en-GB' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (site ? site.server.close(() => resolve()) : resolve()));
  await provider?.close();
  await store?.close();
});

/** Every address the page's frame was at, and every request the browser made. */
function recordAddresses(page: Page): string[] {
  const seen: string[] = [];
  page.on('framenavigated', (frame) => seen.push(frame.url()));
  page.on('request', (request) => seen.push(request.url()));
  return seen;
}

function expectNoTokenIn(addresses: string[]): void {
  expect(provider.issued.length).toBeGreaterThan(0);
  for (const address of addresses) {
    expect(address).not.toMatch(/[?#&](id_token|access_token|refresh_token)=/);
    for (const token of provider.issued) expect(address.includes(token), `a token in ${address}`).toBe(false);
  }
}

describe('sign-in through the hosted UI (authorization code with PKCE)', () => {
  it('signs in, renews the tokens before they expire, signs out at the provider, and never puts a token in an address', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    const addresses = recordAddresses(page);

    // 1. The sign-in screen offers the hosted UI; nothing has been issued yet.
    await page.goto(`${site.url}/`);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // 2. Authorize (with a PKCE challenge), back with a one-time code, the code exchanged by POST: signed in.
    await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 30_000 });
    await page.getByRole('grid', { name: 'Roster' }).or(page.getByText('前门派出所', { exact: false })).first().waitFor({ timeout: 30_000 });
    const authorize = provider.urls.find((u) => u.startsWith('GET /oauth2/authorize'))!;
    expect(authorize).toMatch(/code_challenge=[A-Za-z0-9_-]{43}/);
    expect(authorize).toMatch(/code_challenge_method=S256/);
    expect(authorize).toMatch(/response_type=code/);
    expect(provider.urls.some((u) => u === 'POST /oauth2/token')).toBe(true);
    // The code and state are gone from the address bar once used.
    expect(new URL(page.url()).search).toBe('');
    const firstIdToken = provider.issued[0]!;
    expect(bearers).toContain(firstIdToken);
    await screenshot(page, 'sign-in-hosted-signed-in');

    // 3. A minute before the tokens expire the page renews them with the refresh token (POST), and uses the new ID token.
    await expect.poll(() => provider.refreshedIdTokens.length, { timeout: 30_000, interval: 250 }).toBeGreaterThan(0);
    const renewed = provider.refreshedIdTokens[0]!;
    expect(renewed).not.toBe(firstIdToken);
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => bearers.includes(renewed), { timeout: 30_000 }).toBe(true);

    // 4. Sign-out: the refresh token is revoked, the provider's logout is visited and sends the browser back.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 30_000 });
    expect(provider.revoked).toHaveLength(1);
    // The page can show "Sign in" a moment before the browser reaches the provider's logout: wait for that visit.
    await expect.poll(() => provider.urls.some((u) => u.startsWith('GET /logout')), { timeout: 30_000, interval: 100 }).toBe(true);
    const logout = provider.urls.find((u) => u.startsWith('GET /logout'))!;
    expect(logout).toContain(`client_id=${CLIENT_ID}`);
    expect(logout).toContain(`logout_uri=${encodeURIComponent(`${site.url}/`)}`);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.'))), 'no session left in the tab').toEqual([]);

    expectNoTokenIn([...addresses, ...provider.urls]);
    // The reload and the sign-out navigation abort the page's reads in flight (net::ERR_ABORTED): not failures.
    expect(problems.errors.filter((e) => !e.endsWith('net::ERR_ABORTED'))).toEqual([]);
    await page.close();
  }, 180_000);
});
