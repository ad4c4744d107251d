// The branch's page in a real browser as a branch user of Dongcheng: the table lists exactly the branch's stations
// with their figures, a station opens read-only, and level-1 reinforced duty is declared for two stations at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startLocalApp, type LocalApp } from '../../local/app.ts';
import { smallStation, today } from '../approvals/helpers.ts';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { ensureWebBuilt, launch, screenshot, watch, type Browser } from './browser.ts';

let app: LocalApp;
let desktop: Browser;

async function token(claims: { sub: string; groups: string[]; stationId?: string; branchId?: string }): Promise<string> {
  const res = await fetch(`${app.url}/dev/token`, { method: 'POST', body: JSON.stringify(claims) });
  return ((await res.json()) as { token: string }).token;
}

async function api(method: string, path: string, bearer: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${app.url}${path}`, { method, headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  return { status: res.status, body: await res.json() };
}

/** A page signed in with a token, as an earlier sign-in of the tab would have left it. */
async function signedIn(bearer: string, path = '/'): Promise<Page> {
  const page = await desktop.context.newPage();
  watch(page);
  await page.addInitScript((t) => sessionStorage.setItem('roster.session', t), bearer);
  await page.goto(`${app.url}${path}`);
  return page;
}

beforeAll(async () => {
  await ensureWebBuilt();
  app = await startLocalApp({ port: 0, memory: true, log: () => {} });
  desktop = await launch({ locale: 'en-GB' });
  const admin = await token({ sub: 'ADMIN', groups: ['admin'] });
  for (const [id, name, branchId] of [['dc-one', 'Qianmen', 'dongcheng'], ['dc-two', 'Dongsi', 'dongcheng'], ['xc-one', 'Xinjiekou', 'xicheng']] as const)
    expect((await api('PUT', `/stations/${id}`, admin, { ...smallStation(name), branchId })).status).toBe(201);
  // Qianmen publishes a week: its figures then show published days.
  const director = await token({ sub: 'P001', groups: ['director'], stationId: 'dc-one' });
  const plan = await api('POST', '/stations/dc-one/plans', director, { start: today(), days: 7, seconds: 0.2 });
  expect(plan.status).toBe(201);
  expect((await api('POST', `/stations/dc-one/plans/${plan.body.id}/publish`, director)).status).toBe(200);
}, 240_000);

afterAll(async () => {
  await desktop?.close();
  await app?.close();
});

describe('the branch page, as Dongcheng', () => {
  it('lists exactly the branch’s stations with figures, opens one read-only, declares reinforced duty for two', async () => {
    const page = await signedIn(await token({ sub: 'B-DC', groups: ['branch'], branchId: 'dongcheng' }));
    await page.getByRole('heading', { name: 'Stations of branch dongcheng' }).waitFor();
    const rows = page.locator('.branch-table tbody tr');
    await rows.first().waitFor();
    expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-station')))).sort()).toEqual(['dc-one', 'dc-two']);

    // Figures: Qianmen has a week published; both have 10 people, 3 of 9 officers dedicated.
    const qianmen = page.locator('tr[data-station="dc-one"]');
    expect(await qianmen.locator('[data-col="published"]').textContent()).toBe('7 / 28');
    expect(await page.locator('tr[data-station="dc-two"] [data-col="published"]').textContent()).toBe('0 / 28');
    expect(await qianmen.locator('[data-col="people"]').textContent()).toBe('10');
    expect(await qianmen.locator('[data-col="share"]').textContent()).toMatch(/^3 of 9/);
    expect(await qianmen.locator('[data-col="ab"]').textContent()).toMatch(/%$/);
    // Totals of the branch: 2 stations, 4 communities, 6 dedicated officers, 2 A/B groups.
    expect(await page.locator('[data-total="totalStations"] dd').textContent()).toBe('2');
    expect(await page.locator('[data-total="totalCommunities"] dd').textContent()).toBe('4');
    expect(await page.locator('[data-total="totalOfficers"] dd').textContent()).toBe('6');
    expect(await page.locator('[data-total="totalAbGroups"] dd').textContent()).toBe('2');

    // Sortable: by days published, most first, then the other way.
    await page.locator('button[data-sort="published"]').click();
    expect(await rows.first().getAttribute('data-station')).toBe('dc-one');
    await page.locator('button[data-sort="published"]').click();
    expect(await rows.first().getAttribute('data-station')).toBe('dc-two');
    expect(await page.locator('th:has(button[data-sort="published"])').getAttribute('aria-sort')).toBe('ascending');

    // Open Qianmen: its published week, read only (no button that changes anything inside).
    await page.locator('button[data-open="dc-one"]').click();
    const panel = page.locator('section[data-opened="dc-one"]');
    await panel.getByRole('heading', { name: 'Qianmen: read only' }).waitFor();
    await panel.locator('.branch-roster tbody tr').first().waitFor();
    expect(await panel.locator('.branch-roster tbody tr').count()).toBe(10);
    expect(await panel.locator('button').allTextContents()).toEqual(['Close']);

    // Declare level-1 reinforced duty for both stations.
    await page.getByLabel('Select Qianmen').check();
    await page.getByLabel('Select Dongsi').check();
    await page.getByRole('button', { name: 'Declare for 2 station(s)' }).click();
    await page.locator('.declare-outcomes li[data-outcome="declared"]').nth(1).waitFor();
    expect(await page.locator('.declare-outcomes li[data-outcome="declared"]').count()).toBe(2);
    await screenshot(page, 'branch-dongcheng', true);
    const day = addDaysTo(today(), 1);
    const admin = await token({ sub: 'ADMIN', groups: ['admin'] });
    for (const id of ['dc-one', 'dc-two']) expect((await api('GET', `/stations/${id}`, admin)).body.reinforcedDuty).toEqual([{ from: day, to: day, note: '' }]);
    expect((await api('GET', '/stations/xc-one', admin)).body.reinforcedDuty).toEqual([]);
    // The table shows the declared period once the list is read again.
    await qianmen.locator('[data-col="reinforced"]').filter({ hasText: /\S/ }).waitFor();
    await page.close();
  });

  it('reads in Chinese', async () => {
    const page = await signedIn(await token({ sub: 'B-DC', groups: ['branch'], branchId: 'dongcheng' }));
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: 'dongcheng 分局所辖派出所' }).waitFor();
    await page.locator('[data-total="totalOfficers"] dt').filter({ hasText: '专职社区民警' }).waitFor();
    await screenshot(page, 'branch-dongcheng-zh', true);
    await page.close();
  });
});
