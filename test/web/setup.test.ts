// The set-up screens in a real browser, in Chinese: the director changes the station from the page and the API's GET
// shows each change; bad values are named at their fields and nothing is saved; two editors at once → the second
// gets the conflict and keeps their edits; leaving with unsaved changes asks first.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StationRecord } from '../../shared/domain/station.ts';
import { startLocalApp, type LocalApp } from '../../local/app.ts';
import { ensureWebBuilt, launch, screenshot, watch, type Browser, type Problems } from './browser.ts';

let app: LocalApp;
let first: Browser;
let second: Browser;

beforeAll(async () => {
  await ensureWebBuilt();
  app = await startLocalApp({ port: 0, memory: true, log: () => {} });
  first = await launch({ locale: 'zh-CN' });
  second = await launch({ locale: 'zh-CN' });
}, 180_000);

afterAll(async () => {
  await first?.close();
  await second?.close();
  await app?.close();
});

async function station(): Promise<StationRecord> {
  const { token } = (await (await fetch(`${app.url}/dev/token`, { method: 'POST', body: JSON.stringify({ sub: 'P001', groups: ['director'], stationId: 'demo' }) })).json()) as { token: string };
  return (await (await fetch(`${app.url}/stations/demo`, { headers: { authorization: `Bearer ${token}` } })).json()) as StationRecord;
}

async function open(browser: Browser, screen: string, as = 'director'): Promise<{ page: Page; problems: Problems }> {
  const page = await browser.context.newPage();
  const problems = watch(page);
  await page.goto(`${app.url}/?as=${as}#/setup/${screen}`);
  await page.locator('#setup-title').waitFor();
  return { page, problems };
}

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: '页面' }).getByRole('link', { name, exact: true });

describe('set-up screens (Chinese)', () => {
  it('adds an officer with skills and an A role, moves a person to another group, changes a shift and a demand entry, saves, and the API shows each change', async () => {
    const before = await station();
    const { page, problems } = await open(first, 'staff');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByRole('heading', { name: '人员', exact: true }).waitFor();
    // A new officer: skills, community C2, A role, dedicated.
    await page.getByRole('button', { name: '新增人员' }).click();
    const form = page.locator('.person-form');
    await form.waitFor();
    const newId = await form.locator('#person-id').inputValue();
    expect(newId).toBe('P066');
    await form.locator('#person-name').fill('李新民');
    await form.locator('#person-skills').fill('driver, dispatcher');
    await form.locator('#person-community').selectOption('C2');
    await form.locator('#person-role').selectOption('A');
    expect(await form.locator('#person-dedicated').isChecked()).toBe(true);
    await form.locator('#person-since').fill('2026-03-01');
    await form.getByRole('button', { name: '关闭' }).click();
    // P005 from G1 to G2, by the bulk change.
    const moved = before.people.find((p) => p.id === 'P005')!;
    expect(moved.group).toBe('G1');
    await page.locator('tr[data-person-id="P005"] input[type="checkbox"]').check();
    await page.locator('#bulk-group').selectOption('G2');
    await page.getByRole('button', { name: '调入此班组' }).click();
    expect(await page.locator('tr[data-person-id="P005"] td').nth(4).textContent()).toBe('G2');
    await page.locator('.unsaved-badge').getByText('有未保存的修改').waitFor();
    await screenshot(page, 'setup-staff-zh');

    // The secondary shift runs 12 hours instead of 10 (moving between set-up screens keeps the draft).
    await tab(page, '轮班与班次').click();
    const sIndex = before.shiftTypes.findIndex((s) => s.code === 'S');
    await page.locator(`#s-${sIndex}-hours`).fill('12');
    await page.locator('.preview-table').waitFor();
    await screenshot(page, 'setup-rotation-zh', true);
    // Patrol car 01 needs 3 people.
    await tab(page, '岗位需求').click();
    const dIndex = before.demand.findIndex((d) => d.post === 'patrol-01');
    await page.locator(`#d-${dIndex}-people`).fill('3');
    await page.locator('.cover-table').waitFor();
    await screenshot(page, 'setup-demand-zh', true);

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(`已保存：派出所配置现为第 ${before.version + 1} 版。`).waitFor();
    expect(await page.locator('.unsaved-badge').count()).toBe(0);

    const after = await station();
    expect(after.version).toBe(before.version + 1);
    expect(after.people.find((p) => p.id === 'P066')).toMatchObject({ name: '李新民', kind: 'officer', rank: 'officer', skills: ['driver', 'dispatcher'], community: { id: 'C2', role: 'A', dedicated: true, since: '2026-03-01' } });
    expect(after.people.find((p) => p.id === 'P005')!.group).toBe('G2');
    expect(after.shiftTypes.find((s) => s.code === 'S')!.hours).toBe(12);
    expect(after.demand.find((d) => d.post === 'patrol-01')!.people).toBe(3);
    // Nothing else moved.
    expect(after.people).toHaveLength(before.people.length + 1);
    expect(after.rules).toEqual(before.rules);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('names a bad value at its field (unknown shift, 25:00, duplicate id) and saves nothing', async () => {
    const before = await station();
    const { page, problems } = await open(first, 'rotation');
    // 25:00 as the start of the primary shift.
    await page.locator('#s-0-start').fill('25:00');
    const startError = page.locator('.field-error[data-path="shiftTypes[0].start"]');
    expect(await startError.textContent()).toContain('时间格式应为 时:分');
    expect(await page.locator('#s-0-start').getAttribute('aria-invalid')).toBe('true');
    // A custom cycle with a shift code nobody defined.
    await page.getByLabel('自定义周期').check();
    await page.locator('#pattern-cycle').fill('P S X');
    const cycleError = page.locator('.field-error[data-path="pattern.cycle[2]"]');
    expect(await cycleError.textContent()).toBe('未知的班次代码“X”');
    // A second person with the director's id.
    await tab(page, '人员').click();
    await page.getByRole('button', { name: '新增人员' }).click();
    await page.locator('#person-name').fill('重复');
    await page.locator('#person-id').fill('P001');
    const idError = page.locator('.person-form .field-error[data-path$=".id"]');
    expect(await idError.textContent()).toContain('“P001”重复');
    expect(await page.locator('#person-id').getAttribute('aria-describedby')).toBe(await idError.getAttribute('id'));

    await page.getByRole('button', { name: '保存', exact: true }).click();
    const list = page.locator('.problems');
    await list.getByText(/保存前需更正 3 处问题/).waitFor();
    expect(await list.locator('li').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.path))).toEqual(expect.arrayContaining(['shiftTypes[0].start', 'pattern.cycle[2]', `people[${before.people.length}].id`]));
    await screenshot(page, 'setup-errors-zh', true);
    const after = await station();
    expect(after.version).toBe(before.version);
    expect(after).toEqual(before);
    expect(problems.errors).toEqual([]);
    // Leaving asks first; staying keeps the edits.
    await tab(page, '排班').click();
    const dialog = page.getByRole('dialog', { name: '有未保存的修改' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '留下继续编辑' }).click();
    expect(await page.locator('#person-id').inputValue()).toBe('P001');
    await tab(page, '排班').click();
    await dialog.getByRole('button', { name: '不保存，离开' }).click();
    await page.getByRole('button', { name: '生成排班' }).waitFor();
    await page.close();
  }, 120_000);

  it('gives the second of two editors the conflict and keeps their edits through the reload', async () => {
    const before = await station();
    const a = await open(first, 'communities');
    const b = await open(second, 'communities', 'instructor');
    a.problems.expected.push(/status of 409/);
    b.problems.expected.push(/status of 409/);
    await a.page.locator('#c-0-name').fill('大栅栏西街（甲）');
    await b.page.locator('#g-2-name').fill('第三组（乙）');
    await a.page.getByRole('button', { name: '保存', exact: true }).click();
    await a.page.getByText(`已保存：派出所配置现为第 ${before.version + 1} 版。`).waitFor();

    await b.page.getByRole('button', { name: '保存', exact: true }).click();
    const conflict = b.page.locator('.conflict');
    await conflict.getByText('他人已先保存。').waitFor();
    expect(await b.page.locator('#g-2-name').inputValue()).toBe('第三组（乙）');
    await screenshot(b.page, 'setup-conflict-zh');
    await conflict.getByRole('button', { name: '重新加载并保留我的修改' }).click();
    // Their edit on top of the other's.
    await expect.poll(() => b.page.locator('#c-0-name').inputValue()).toBe('大栅栏西街（甲）');
    expect(await b.page.locator('#g-2-name').inputValue()).toBe('第三组（乙）');
    await b.page.getByRole('button', { name: '保存', exact: true }).click();
    await b.page.getByText(`已保存：派出所配置现为第 ${before.version + 2} 版。`).waitFor();

    const after = await station();
    expect(after.communities[0]!.name).toBe('大栅栏西街（甲）');
    expect(after.groups[2]!.name).toBe('第三组（乙）');
    expect(a.problems.errors).toEqual([]);
    expect(b.problems.errors).toEqual([]);
    await a.page.close();
    await b.page.close();
  }, 120_000);

  it('shows the set-up read-only to a deputy', async () => {
    const { page, problems } = await open(first, 'rules', 'deputy');
    await page.getByText('您可以查看设置；只有所长和教导员可以修改。').waitFor();
    expect(await page.getByRole('button', { name: '保存', exact: true }).count()).toBe(0);
    expect(await page.locator('#rule-weeklyCommunityHours').isDisabled()).toBe(true);
    expect(await page.locator('tr[data-setting="weeklyCommunityHours"]').textContent()).toContain('CP-2');
    await screenshot(page, 'setup-rules-zh', true);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('imports a staff list: the downloaded .xlsx (65 or more rows) with three bad rows lists exactly those three; a good list is saved and the audit screen shows the diff', async () => {
    const { page, problems } = await open(first, 'staff');
    // The station's size when this test starts (the first test of the file adds one person).
    const n = (await station()).people.length;
    expect(n).toBeGreaterThanOrEqual(65);
    const dir = await mkdtemp(join(tmpdir(), 'staff-'));
    // The station's own list, downloaded from the page.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 .xlsx' }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(n + 1);
    sheet.getRow(10).getCell(4).value = '局长'; // not a rank
    sheet.getRow(20).getCell(11).value = '2019-13-45'; // not a date
    sheet.getRow(30).getCell(2).value = sheet.getRow(31).getCell(2).value; // a duplicate id
    const bad = join(dir, 'staff-bad.xlsx');
    await writeFile(bad, Buffer.from(await book.xlsx.writeBuffer()));
    await page.locator('#staff-file').setInputFiles(bad);
    const table = page.getByRole('table', { name: '文件中的问题' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((els) => [...new Set(els.map((e) => Number((e as HTMLElement).dataset.row)))].sort((a, b) => a - b));
    expect(rows).toEqual([10, 20, 31]);
    expect(await table.textContent()).toContain('局长');
    expect(await page.getByRole('button', { name: /^保存这/ }).count()).toBe(0);
    await screenshot(page, 'setup-import-bad-zh', true);

    // A good list: one person moves from G1 to G3.
    sheet.getRow(10).getCell(4).value = sheet.getRow(11).getCell(4).value;
    sheet.getRow(20).getCell(11).value = sheet.getRow(21).getCell(11).value;
    const ids = new Set<string>();
    for (let r = 2; r <= n + 1; r += 1) ids.add(String(sheet.getRow(r).getCell(2).value));
    const before = await station();
    sheet.getRow(30).getCell(2).value = before.people.find((p) => !ids.has(p.id))!.id;
    const movedRow = [...Array(n).keys()].map((i) => i + 2).find((r) => sheet.getRow(r).getCell(5).value === 'G1' && !sheet.getRow(r).getCell(7).value)!;
    const movedId = String(sheet.getRow(movedRow).getCell(2).value);
    sheet.getRow(movedRow).getCell(5).value = 'G3';
    const good = join(dir, 'staff-good.xlsx');
    await writeFile(good, Buffer.from(await book.xlsx.writeBuffer()));
    await page.locator('#staff-file').setInputFiles(good);
    await page.getByText(`没有问题：共 ${n} 人。`).waitFor();
    await page.getByRole('button', { name: `保存这 ${n} 人` }).click();
    await page.getByText(new RegExp(`^已保存：本所现有 ${n} 人`)).waitFor();
    const after = await station();
    expect(after.version).toBe(before.version + 1);
    expect(after.people.find((p) => p.id === movedId)!.group).toBe('G3');
    await tab(page, '操作记录').click();
    await page.locator('.audit-entry .changes').first().waitFor();
    expect(await page.locator('.audit-entry').first().locator('.changes').textContent()).toContain(`（${movedId}）：班组 由 G1 改为 G3`);
    await screenshot(page, 'audit-import-diff-zh', true);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
