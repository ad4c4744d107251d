// A stand-in for the Cognito hosted UI and token endpoint on loopback, for the sign-in browser test: OpenID discovery,
// /oauth2/authorize (signs the person in at once and sends back a one-time code), /oauth2/token (the code with its
// PKCE verifier, or a refresh token, for tokens signed with jose), /oauth2/revoke and /logout, as Cognito names them.
// It records every address it is asked for and every token it issues, so the test can look for tokens in addresses.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type CryptoKey } from 'jose';

export type Person = { username: string; groups: string[]; stationId?: string };

export type OidcStandIn = {
  issuer: string;
  clientId: string;
  /** Every path and query the provider was asked for, in order. */
  urls: string[];
  /** Every token issued (ID, access and refresh). */
  issued: string[];
  /** ID tokens issued by a refresh, in order. */
  refreshedIdTokens: string[];
  revoked: string[];
  /** Checks an ID token as API Gateway's JWT authorizer would (signature, issuer, audience, expiry). */
  verifyIdToken(token: string): Promise<Record<string, unknown> | null>;
  close(): Promise<void>;
};

const base64url = (bytes: Buffer) => bytes.toString('base64url');

export async function startOidcStandIn(options: { clientId: string; person: Person; lifetimeSeconds: number }): Promise<OidcStandIn> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; nonce: string | null; redirectUri: string }>();
  const refreshTokens = new Set<string>();
  const state = { urls: [] as string[], issued: [] as string[], refreshedIdTokens: [] as string[], revoked: [] as string[] };
  let issuer = '';

  const sign = (claims: Record<string, unknown>, key: CryptoKey) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test' })
      .setIssuer(issuer)
      .setSubject(`uuid-of-${options.person.username}`)
      .setIssuedAt()
      .setExpirationTime(`${options.lifetimeSeconds}s`)
      .sign(key);

  async function tokens(nonce: string | null, withRefresh: boolean) {
    const { person } = options;
    const idToken = await sign(
      {
        aud: options.clientId,
        token_use: 'id',
        'cognito:username': person.username,
        'cognito:groups': person.groups,
        ...(person.stationId ? { 'custom:stationId': person.stationId } : {}),
        ...(nonce ? { nonce } : {}),
        jti: base64url(randomBytes(8)),
      },
      privateKey,
    );
    const accessToken = await sign({ client_id: options.clientId, token_use: 'access', scope: 'openid email profile', jti: base64url(randomBytes(8)) }, privateKey);
    const refreshToken = withRefresh ? base64url(randomBytes(32)) : undefined;
    if (refreshToken) refreshTokens.add(refreshToken);
    state.issued.push(idToken, accessToken, ...(refreshToken ? [refreshToken] : []));
    return { id_token: idToken, access_token: accessToken, token_type: 'Bearer', expires_in: options.lifetimeSeconds, ...(refreshToken ? { refresh_token: refreshToken } : {}) };
  }

  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type, authorization', 'access-control-allow-methods': 'GET, POST' };
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors });
    res.end(JSON.stringify(body));
  };
  const form = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', issuer);
    state.urls.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    if (url.pathname === '/.well-known/openid-configuration')
      return send(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/oauth2/authorize`,
        token_endpoint: `${issuer}/oauth2/token`,
        revocation_endpoint: `${issuer}/oauth2/revoke`,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        scopes_supported: ['openid', 'email', 'profile'],
      });
    if (url.pathname === '/.well-known/jwks.json') return send(res, 200, { keys: [jwk] });
    if (url.pathname === '/oauth2/authorize') {
      const q = url.searchParams;
      // The hosted UI would ask for a password here; the stand-in signs the person in at once.
      if (q.get('client_id') !== options.clientId || q.get('response_type') !== 'code' || q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge'))
        return send(res, 400, { error: 'invalid_request' });
      const code = base64url(randomBytes(16));
      codes.set(code, { challenge: q.get('code_challenge')!, nonce: q.get('nonce'), redirectUri: q.get('redirect_uri')! });
      const back = new URL(q.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      res.writeHead(302, { location: back.toString() });
      res.end();
      return;
    }
    if (url.pathname === '/oauth2/token' && req.method === 'POST') {
      const body = await form(req);
      if (body.get('client_id') !== options.clientId) return send(res, 401, { error: 'invalid_client' });
      if (body.get('grant_type') === 'authorization_code') {
        const grant = codes.get(body.get('code') ?? '');
        codes.delete(body.get('code') ?? '');
        const verifier = body.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!grant || grant.challenge !== challenge || grant.redirectUri !== body.get('redirect_uri')) return send(res, 400, { error: 'invalid_grant' });
        return send(res, 200, await tokens(grant.nonce, true));
      }
      if (body.get('grant_type') === 'refresh_token') {
        if (!refreshTokens.has(body.get('refresh_token') ?? '')) return send(res, 400, { error: 'invalid_grant' });
        // As Cognito: new ID and access tokens, the same refresh token.
        const renewed = await tokens(null, false);
        state.refreshedIdTokens.push(renewed.id_token);
        return send(res, 200, renewed);
      }
      return send(res, 400, { error: 'unsupported_grant_type' });
    }
    if (url.pathname === '/oauth2/revoke' && req.method === 'POST') {
      const token = (await form(req)).get('token') ?? '';
      refreshTokens.delete(token);
      state.revoked.push(token);
      return send(res, 200, {});
    }
    if (url.pathname === '/logout') {
      res.writeHead(302, { location: url.searchParams.get('logout_uri') ?? '/' });
      res.end();
      return;
    }
    send(res, 404, { error: 'not_found' });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    clientId: options.clientId,
    ...state,
    async verifyIdToken(token) {
      try {
        const { payload } = await jwtVerify(token, publicKey, { issuer, audience: options.clientId });
        return payload.token_use === 'id' ? payload : null;
      } catch {
        return null;
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
