// The whole product on one machine: dynalite (embedded DynamoDB) started in-process, the table created, the demo
// station loaded when the store is empty, and an HTTP server that plays API Gateway in front of the real handlers.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import dynalite from 'dynalite';
import { StationConfig } from '../shared/domain/station.ts';
import { createStoreClient, ensureTable } from '../shared/store/client.ts';
import { RosterStore, newAuditId, useStore } from '../shared/store/index.ts';
import { DevTokenRequest, createDevAuthority, type DevAuthority } from './dev-auth.ts';
import { dispatch } from './gateway.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEMO_STATION_ID = 'demo';
/** Requests larger than this are cut off before a handler sees them (API Gateway's own limit is 10 MB). */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

export type LocalAppOptions = {
  port?: number;
  /** Keep the database in memory instead of `dataDir`. */
  memory?: boolean;
  dataDir?: string;
  loadDemo?: boolean;
  log?: (line: string) => void;
};

export type LocalApp = { url: string; port: number; store: RosterStore; auth: DevAuthority; close(): Promise<void> };

type DynaliteServer = ReturnType<typeof dynalite>;

function listen(server: { listen(port: number, host: string, cb: () => void): unknown; once(event: 'error', cb: (e: Error) => void): unknown }, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

/** Starts dynalite on a free loopback port and returns a store over it. */
export async function startEmbeddedStore(options: { memory?: boolean; dataDir?: string } = {}): Promise<{ store: RosterStore; endpoint: string; close(): Promise<void> }> {
  const db: DynaliteServer = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(options.memory ? {} : { path: options.dataDir ?? join(ROOT, '.data') }) });
  await listen(db, 0);
  const endpoint = `http://127.0.0.1:${(db.address() as AddressInfo).port}`;
  const tableName = 'roster';
  const store = new RosterStore(createStoreClient({ endpoint, region: 'local' }), tableName);
  await ensureTable(store.client, tableName);
  return {
    store,
    endpoint,
    close: () =>
      new Promise<void>((resolve) => {
        store.client.destroy();
        db.close(() => resolve());
      }),
  };
}

/** Loads demo/station.json as station `demo` unless some station exists already. */
export async function loadDemoStation(store: RosterStore): Promise<boolean> {
  const existing = await store.stations.list({ limit: 1 });
  if (existing.items.length > 0) return false;
  const config = StationConfig.parse(JSON.parse(await readFile(join(ROOT, 'demo', 'station.json'), 'utf8')));
  const at = new Date();
  await store.stations.put(DEMO_STATION_ID, config, {
    expectedVersion: null,
    entry: {
      id: newAuditId(at),
      stationId: DEMO_STATION_ID,
      at: at.toISOString(),
      actor: { sub: 'system', groups: ['admin'], stationId: null },
      action: 'station.configured',
      target: { kind: 'station', id: DEMO_STATION_ID },
      summary: `loaded the demo station "${config.name}" with ${config.people.length} people`,
      detail: { version: 1, demo: true },
    },
  });
  return true;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** The web page: the built bundle in web/dist if present, else web/ as it is. */
async function serveStatic(path: string, res: ServerResponse): Promise<boolean> {
  for (const base of [join(ROOT, 'web', 'dist'), join(ROOT, 'web')]) {
    const relative = normalize(path === '/' ? '/index.html' : path).replace(/^(\.\.[/\\])+/, '');
    const file = join(base, relative);
    if (!file.startsWith(base)) return false;
    try {
      if (!(await stat(file)).isFile()) continue;
    } catch {
      continue;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
    return true;
  }
  return false;
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function handle(req: IncomingMessage, res: ServerResponse, auth: DevAuthority): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = (req.method ?? 'GET').toUpperCase();
  const body = await readBody(req);
  if (body === null) {
    sendJson(res, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.', details: [] } });
    return;
  }
  if (method === 'POST' && url.pathname === '/dev/token') {
    let json: unknown;
    try {
      json = JSON.parse(body || 'null');
    } catch {
      sendJson(res, 400, { error: { code: 'BAD_REQUEST', message: 'The body is not valid JSON.', details: [] } });
      return;
    }
    const parsed = DevTokenRequest.safeParse(json);
    if (!parsed.success) {
      sendJson(res, 400, {
        error: { code: 'BAD_REQUEST', message: 'A dev token needs sub, groups and (for station roles) stationId.', details: parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })) },
      });
      return;
    }
    sendJson(res, 200, { token: await auth.issue(parsed.data) });
    return;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  const result = await dispatch({ method, path: url.pathname, query: url.search.slice(1), headers, body: body === '' ? undefined : body }, auth);
  if (result) {
    // As API Gateway does: a base64 body (a compressed answer) goes out as its bytes, with the function's headers.
    res.writeHead(result.statusCode ?? 200, (result.headers ?? {}) as Record<string, string>);
    res.end(result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''));
    return;
  }
  if (method === 'GET' && (await serveStatic(url.pathname, res))) return;
  sendJson(res, 404, { error: { code: 'NOT_FOUND', message: `Nothing at ${method} ${url.pathname}.`, details: [] } });
}

export async function startLocalApp(options: LocalAppOptions = {}): Promise<LocalApp> {
  const log = options.log ?? ((line: string) => console.log(line));
  const embedded = await startEmbeddedStore(options);
  useStore(embedded.store);
  process.env.TABLE_NAME = embedded.store.tableName;
  process.env.DYNAMODB_ENDPOINT = embedded.endpoint;
  if (options.loadDemo !== false && (await loadDemoStation(embedded.store))) log(`loaded the demo station "${DEMO_STATION_ID}"`);
  const auth = await createDevAuthority();
  const server: Server = createServer((req, res) => {
    const started = performance.now();
    res.on('finish', () => log(`${req.method} ${req.url?.split('?')[0]} ${res.statusCode} ${Math.round(performance.now() - started)}ms`));
    handle(req, res, auth).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'INTERNAL', message: 'Something went wrong on our side.', details: [] } });
      else res.end();
    });
  });
  await listen(server, options.port ?? 3000);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    store: embedded.store,
    auth,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await embedded.close();
    },
  };
}
