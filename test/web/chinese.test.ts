// The Chinese page has no English sentence: the test walks every visible text node of each screen (plan with
// shortfalls, rule breaks and suggestions, approvals, every set-up screen, the audit trail with a configuration diff)
// in a real browser. Ids and codes are aside: what the page marks as code (<code>, rule chips, post codes, person ids)
// and words in capitals (CSV, EN).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redeployment } from '../../shared/domain/redeployment.ts';
import { startLocalApp, type LocalApp } from '../../local/app.ts';
import { englishOnScreen, ensureWebBuilt, launch, screenshot, watch, type Browser } from './browser.ts';

let app: LocalApp;
let browser: Browser;

beforeAll(async () => {
  await ensureWebBuilt();
  app = await startLocalApp({ port: 0, memory: true, log: () => {} });
  browser = await launch({ locale: 'zh-CN' });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function values(page: Page): Promise<string[]> {
  // Inputs show ids and numbers the person typed; select boxes show their chosen option's text.
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('select'))
      .filter((s) => s.checkVisibility())
      .map((s) => s.selectedOptions[0]?.textContent ?? '')
      .filter((t) => /[A-Za-z]{2,}[\s,.'’()-]+[A-Za-z]{2,}/.test(t) || /\b[a-z]{4,}\b/.test(t)),
  );
}

async function token(sub: string, groups: string[]): Promise<string> {
  const res = await fetch(`${app.url}/dev/token`, { method: 'POST', body: JSON.stringify({ sub, groups, stationId: 'demo' }) });
  return ((await res.json()) as { token: string }).token;
}

describe('the page in Chinese', () => {
  it('shows no English sentence on the plan, approvals, set-up and audit screens', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    await page.goto(`${app.url}/?as=director`);
    await page.getByRole('button', { name: '生成排班' }).click();
    await page.getByRole('grid', { name: '排班表' }).waitFor({ timeout: 120_000 });
    await page.locator('#issues-title').waitFor();
    // The plan of the demo station has shortfalls, rule breaks and suggestions: the walk reads their reasons.
    expect(await page.locator('.issues .issue').count()).toBeGreaterThan(0);
    expect(await page.locator('.suggestion').count()).toBeGreaterThan(0);
    // A pending request with its AP-6 cost in the inbox.
    const suggestion = page.locator('.suggestion').first();
    const personId = (await suggestion.getAttribute('data-person-id'))!;
    const [, post, from, to] = (await suggestion.getAttribute('data-key'))!.split('|');
    const filed = await fetch(`${app.url}/stations/demo/redeployments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token('P003', ['deputy'])}`, 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: JSON.stringify({ personId, post, from, to, kind: 'duty', reason: '值班缺人' }),
    });
    expect(filed.status).toBe(201);
    const id = ((await filed.json()) as Redeployment).id;
    await page.reload();
    await page.locator(`[data-request-id="${id}"]`).waitFor();
    await page.getByRole('grid', { name: '排班表' }).waitFor();
    const seen: Record<string, string[]> = {};
    seen.plan = [...(await englishOnScreen(page)), ...(await values(page))];
    await screenshot(page, 'zh-plan-full', true);

    // Every set-up screen; then a saved change so that the audit trail has a diff to show.
    for (const [name, label] of [
      ['staff', '人员'],
      ['communities', '社区与班组'],
      ['rotation', '轮班与班次'],
      ['demand', '岗位需求'],
      ['rules', '规则设置'],
    ] as const) {
      await page.getByRole('navigation', { name: '页面' }).getByRole('link', { name: label, exact: true }).click();
      await page.locator('#setup-title').getByText(label, { exact: true }).waitFor();
      seen[name] = [...(await englishOnScreen(page)), ...(await values(page))];
    }
    await page.locator('#rule-weeklyCommunityHours').fill('30');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/^已保存/).waitFor();
    await page.getByRole('navigation', { name: '页面' }).getByRole('link', { name: '操作记录', exact: true }).click();
    await page.locator('.audit-entry .changes').first().waitFor();
    expect(await page.locator('.audit-entry .changes').first().textContent()).toContain('每周驻社区时长：由 36 改为 30');
    seen.audit = [...(await englishOnScreen(page)), ...(await values(page))];
    await screenshot(page, 'zh-audit', true);

    for (const [screen, texts] of Object.entries(seen)) expect(texts, screen).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 240_000);
});
