// Tenancy over HTTP (API.md, Auth and Branches): a branch acts only on its own stations, sees only them in its list;
// admin sees every branch; a station's leaders only their station; the branch is set once and moved by admin only.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.ts';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { as, putStation, smallStation, today } from '../approvals/helpers.ts';
import { startTestStore, type TestStore } from '../helpers/dynalite.ts';
import { call, callRoute, listBranch } from './helpers.ts';

const DC = 'dongcheng';
const XC = 'xicheng';
const dcBranch = as(['branch'], 'B-DC', null, DC);
const xcBranch = as(['branch'], 'B-XC', null, XC);
const admin = as(['admin'], 'ADMIN', null);
const directorOf = (stationId: string) => as(['director'], `D-${stationId}`, stationId);

let db: TestStore;

const ids = (answer: { body: { items: { stationId: string }[] } }) => answer.body.items.map((i) => i.stationId).sort();

beforeAll(async () => {
  db = await startTestStore();
  for (const [stationId, branchId] of [['dc-a', DC], ['dc-b', DC], ['xc-a', XC]] as const)
    expect((await putStation(stationId, { ...smallStation(stationId), branchId }, directorOf(stationId))).status).toBe(201);
  expect((await putStation('plain', smallStation('plain'), directorOf('plain'))).status).toBe(201);
});
afterAll(async () => {
  await db?.close();
});

describe('a branch user of another branch', () => {
  const stationRoutes = ROUTES.filter((r) => r.path.startsWith('/stations/{stationId}'));
  const params = { stationId: 'dc-a', planId: 'pl_abc123', redeploymentId: 'rd_abc123' };

  it.each(stationRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('gets 403 AUTH-BRANCH on %s', async (_, r) => {
    const answer = await callRoute(r, { params, claims: xcBranch, body: {}, query: { from: today(), to: today() } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(403);
    expect(answer.body.error.code).toBe('AUTH-BRANCH');
  });

  it('covers every station route there is (none left out of the list above)', () => {
    expect(stationRoutes.length).toBe(ROUTES.filter((r) => r.path.includes('{stationId}')).length);
    expect(stationRoutes.length).toBeGreaterThanOrEqual(13);
  });

  it("never sees another branch's station in a list: its own list, and 403 on the other's", async () => {
    expect(ids(await listBranch(XC, xcBranch))).toEqual(['xc-a']);
    const other = await listBranch(DC, xcBranch);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('AUTH-BRANCH');
  });
});

describe('a branch user of the station’s branch', () => {
  it('reads the station, its audit trail, its requests and its whole roster', async () => {
    const range = { from: today(), to: addDaysTo(today(), 6) };
    expect((await call('GET /stations/{stationId}', { params: { stationId: 'dc-a' }, claims: dcBranch })).status).toBe(200);
    expect((await call('GET /stations/{stationId}/audit', { params: { stationId: 'dc-a' }, claims: dcBranch })).status).toBe(200);
    expect((await call('GET /stations/{stationId}/redeployments', { params: { stationId: 'dc-a' }, claims: dcBranch })).status).toBe(200);
    const roster = await call('GET /stations/{stationId}/roster', { params: { stationId: 'dc-a' }, claims: dcBranch, query: range });
    expect(roster.status, JSON.stringify(roster.body)).toBe(200);
  });

  it('still may not plan (403 AUTH-ROLE: the branch checks, it does not plan)', async () => {
    const answer = await call('POST /stations/{stationId}/plans', { params: { stationId: 'dc-a' }, claims: dcBranch, body: { start: today(), days: 1 } });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('AUTH-ROLE');
  });

  it('lists exactly the stations of its branch', async () => {
    const answer = await listBranch(DC, dcBranch);
    expect(answer.status).toBe(200);
    expect(ids(answer)).toEqual(['dc-a', 'dc-b']);
    expect(answer.body.items[0]).toMatchObject({ stationId: 'dc-a', name: 'dc-a', people: 10, communityOfficers: 3, pendingForBranch: 0 });
    expect(answer.body.items[0].next28).toMatchObject({ from: today(), to: addDaysTo(today(), 27), published: 0, shortfalls: 0 });
  });

  it('pages through its list with the cursor', async () => {
    const first = await listBranch(DC, dcBranch, { limit: '1' });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.next).toEqual(expect.any(String));
    const second = await listBranch(DC, dcBranch, { limit: '1', cursor: first.body.next });
    expect([...ids(first), ...ids(second)]).toEqual(['dc-a', 'dc-b']);
    // A cursor of one branch never steers a query into another branch's partition.
    expect((await listBranch(XC, xcBranch, { cursor: first.body.next })).status).toBe(400);
  });
});

describe('admin and station leaders', () => {
  it('admin sees every branch and every station', async () => {
    expect(ids(await listBranch(DC, admin))).toEqual(['dc-a', 'dc-b']);
    expect(ids(await listBranch(XC, admin))).toEqual(['xc-a']);
    expect((await call('GET /stations/{stationId}', { params: { stationId: 'xc-a' }, claims: admin })).status).toBe(200);
  });

  it('a station director of one branch cannot read another station, of their branch or another', async () => {
    for (const stationId of ['dc-b', 'xc-a']) {
      const answer = await call('GET /stations/{stationId}', { params: { stationId }, claims: directorOf('dc-a') });
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('AUTH-STATION');
    }
    const list = await listBranch(DC, directorOf('dc-a'));
    expect(list.status).toBe(403);
    expect(list.body.error.code).toBe('AUTH-ROLE');
  });
});

describe("the station's branch", () => {
  it('is "default" when the creating PUT names none, and for a station stored before branches', async () => {
    expect((await call('GET /stations/{stationId}', { params: { stationId: 'plain' }, claims: directorOf('plain') })).body.branchId).toBe('default');
    // A configuration item written before branches existed: no branchId attribute, none in the document.
    const { Item } = await db.store.client.send(new (await import('@aws-sdk/lib-dynamodb')).GetCommand({ TableName: db.store.tableName, Key: { pk: 'STATION#plain', sk: 'CONFIG' } }));
    const { branchId: _b, ...legacy } = Item!;
    void _b;
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const doc = JSON.parse(gunzipSync(legacy.doc as Uint8Array).toString('utf8')) as Record<string, unknown>;
    delete doc.branchId;
    await db.store.client.send(new PutCommand({ TableName: db.store.tableName, Item: { ...legacy, pk: 'STATION#old', doc: gzipSync(JSON.stringify(doc)) } }));
    const old = await call('GET /stations/{stationId}', { params: { stationId: 'old' }, claims: as(['branch'], 'B-DEF', null, 'default') });
    expect(old.status).toBe(200);
    expect(old.body.branchId).toBe('default');
    expect((await call('GET /stations/{stationId}', { params: { stationId: 'old' }, claims: dcBranch })).body.error.code).toBe('AUTH-BRANCH');
  });

  it("is kept by a leader's PUT that leaves it out or repeats it, and refused (403 AUTH-BRANCH) when changed", async () => {
    const read = await call('GET /stations/{stationId}', { params: { stationId: 'dc-a' }, claims: directorOf('dc-a') });
    const { id: _i, version, updatedAt: _u, updatedBy: _ub, branchId, ...doc } = read.body;
    expect(branchId).toBe(DC);
    const moved = await putStation('dc-a', { ...doc, branchId: XC, version }, directorOf('dc-a'));
    expect(moved.status).toBe(403);
    expect(moved.body.error.code).toBe('AUTH-BRANCH');
    const same = await putStation('dc-a', { ...doc, branchId: DC, version }, directorOf('dc-a'));
    expect(same.status).toBe(200);
    const without = await putStation('dc-a', { ...doc, version: same.body.version }, directorOf('dc-a'));
    expect(without.status).toBe(200);
    expect(without.body.branchId).toBe(DC);
  });

  it('admin moves a station to another branch: it leaves one list and joins the other', async () => {
    const read = await call('GET /stations/{stationId}', { params: { stationId: 'dc-b' }, claims: admin });
    const { id: _i, updatedAt: _u, updatedBy: _ub, ...doc } = read.body;
    const moved = await putStation('dc-b', { ...doc, branchId: XC }, admin);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(ids(await listBranch(DC, dcBranch))).toEqual(['dc-a']);
    expect(ids(await listBranch(XC, xcBranch))).toEqual(['dc-b', 'xc-a']);
    expect((await call('GET /stations/{stationId}', { params: { stationId: 'dc-b' }, claims: dcBranch })).body.error.code).toBe('AUTH-BRANCH');
    expect((await call('GET /stations/{stationId}', { params: { stationId: 'dc-b' }, claims: xcBranch })).status).toBe(200);
  });
});
