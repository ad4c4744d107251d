// The official calendar on the page, in a real browser: the roster grid's day headers name the 2026 Spring Festival
// holidays and mark the make-up Saturdays (English and Chinese); the admin loads a year's notice as a pasted list
// and sees the year marked as loaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApp, type LocalApp } from '../../local/app.ts';
import { ensureWebBuilt, launch, screenshot, watch, type Browser } from './browser.ts';

let app: LocalApp;
let en: Browser;
let zh: Browser;

beforeAll(async () => {
  await ensureWebBuilt();
  app = await startLocalApp({ port: 0, memory: true, log: () => {} });
  en = await launch({ locale: 'en-GB' });
  zh = await launch({ locale: 'zh-CN' });
}, 180_000);

afterAll(async () => {
  await en?.close();
  await zh?.close();
  await app?.close();
});

async function planFrom(browser: Browser, start: string, create: string, grid: string) {
  const page = await browser.context.newPage();
  const problems = watch(page);
  await page.goto(`${app.url}/?as=director`);
  await page.getByRole('button', { name: create }).waitFor();
  await page.locator('#plan-start').fill(start);
  await page.locator('#plan-start').press('Tab');
  await page.getByRole('button', { name: create }).click();
  try {
    await page.locator('th.day[data-date="2026-02-17"]').waitFor({ timeout: 60_000 });
  } catch (e) {
    await screenshot(page, 'calendar-grid-failed');
    throw new Error(`${String(e)}\n${((await page.locator('body').textContent()) ?? '').slice(0, 1500)}`);
  }
  void grid;
  return { page, problems };
}

describe('the official calendar on the page', () => {
  it('names the holidays and marks the make-up Saturdays in the day headers, in English and Chinese', async () => {
    const english = await planFrom(en, '2026-02-09', 'Create plan', 'Roster');
    const head = (date: string) => english.page.locator(`th.day[data-date="${date}"]`);
    await expect.poll(() => head('2026-02-17').textContent()).toContain('Spring Festival');
    expect(await head('2026-02-17').getAttribute('class')).toContain('holiday');
    expect(await head('2026-02-14').getAttribute('class')).toContain('makeup');
    expect(await head('2026-02-14').getAttribute('title')).toContain('Make-up workday');
    expect(await head('2026-02-24').getAttribute('class')).not.toContain('holiday');
    await screenshot(english.page, 'calendar-grid-en');
    expect(english.problems.errors).toEqual([]);

    // The same grid in Chinese: the language toggle re-renders it.
    await english.page.locator('button.lang-toggle').click();
    await expect.poll(() => head('2026-02-17').textContent()).toContain('春节');
    expect(await head('2026-02-28').getAttribute('title')).toContain('调休上班');
    await screenshot(english.page, 'calendar-grid-zh');
  }, 120_000);

  it('lets the admin load a year as a pasted list and shows the year as loaded', async () => {
    const page = await zh.context.newPage();
    const problems = watch(page);
    await page.goto(`${app.url}/?as=admin#/calendar`);
    await page.getByRole('heading', { name: '法定节假日与调休上班日' }).waitFor();
    await page.getByLabel('年份').fill('2028');
    await page.getByLabel('年份').press('Enter');
    await page.locator('.calendar-status[data-source="missing"]').waitFor();
    await page.getByLabel('放假通知').fill('2028-01-26..2028-01-28 春节\n2028-01-29 上班\nnot a line');
    await page.getByRole('button', { name: '载入该年' }).click();
    await page.getByText('第3行：not a line').waitFor();
    await page.getByLabel('放假通知').fill('2028-01-26..2028-01-28 春节\n2028-01-29 上班');
    await page.getByRole('button', { name: '载入该年' }).click();
    await page.locator('.calendar-status[data-source="admin"]').waitFor();
    expect(await page.locator('.calendar-status').textContent()).toContain('admin-1');
    expect(await page.locator('.calendar-holidays').textContent()).toContain('春节');
    await screenshot(page, 'calendar-admin-zh');
    expect(problems.errors).toEqual([]);
  }, 120_000);
});
