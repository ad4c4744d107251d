// Issue 13's acceptance in a real browser, in Chinese (docs/day-to-day.md): an officer asks for leave on a 390×844
// phone; the director approves on the desktop; the roster marks the days; "re-plan changed days" shows the difference;
// publishing makes a notice appear on the officer's phone and the officer's calendar feed URL, fetched with no token,
// shows the new days. Then pins from the grid: one kept and shown, one that FB-1 forbids refused at its cell.
import type { Page } from 'playwright-core';
import { encode } from 'uqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../shared/approvals/index.ts';
import { postCode, postName } from '../../shared/i18n/terms.ts';
import { addDaysTo, isoWeekday } from '../../shared/rotation/index.ts';
import { startLocalApp, type LocalApp } from '../../local/app.ts';
import { englishOnScreen, ensureWebBuilt, launch, screenshot, watch, type Browser, type Problems } from './browser.ts';

type Assignment = { personId: string; date: string; shift: string; post: string };

let app: LocalApp;
let desktop: Browser;
let phone: Browser;
/** The published roster: 28 days from the next Monday (station time). */
let planStart = '';
const PLAN_DAYS = 28;
const OFFICER = 'P031'; // the demo's `?as=officer`: a dedicated community officer (B role of C1)

beforeAll(async () => {
  await ensureWebBuilt();
  app = await startLocalApp({ port: 0, memory: true, log: () => {} });
  desktop = await launch({ locale: 'zh-CN' });
  phone = await launch({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true });
  // The roster the day-to-day loop starts from (planning and publishing on the page are page.test.ts's subject).
  const today = todayIn('Asia/Shanghai');
  planStart = addDaysTo(today, 8 - isoWeekday(today));
  const plan = await api<{ id: string; version: number }>('POST', '/stations/demo/plans', 'P001', ['director'], { start: planStart, days: PLAN_DAYS });
  expect(plan.status).toBe(201);
  expect((await api('POST', `/stations/demo/plans/${plan.body.id}/publish`, 'P001', ['director'], { version: plan.body.version })).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await desktop?.close();
  await phone?.close();
  await app?.close();
});

async function api<T>(method: string, path: string, sub: string, groups: string[], body?: unknown): Promise<{ status: number; body: T }> {
  const made = await fetch(`${app.url}/dev/token`, { method: 'POST', body: JSON.stringify({ sub, groups, stationId: 'demo' }) });
  const { token } = (await made.json()) as { token: string };
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (res.status === 204 ? null : await res.json()) as T };
}

const published = async (personId: string): Promise<Assignment[]> =>
  (await api<{ assignments: Assignment[] }>('GET', `/stations/demo/roster?from=${planStart}&to=${addDaysTo(planStart, PLAN_DAYS - 1)}`, 'P001', ['director'])).body.assignments.filter(
    (a) => a.personId === personId,
  );

async function open(browser: Browser, path: string): Promise<{ page: Page; problems: Problems }> {
  const page = await browser.context.newPage();
  const problems = watch(page);
  await page.goto(`${app.url}${path}`);
  return { page, problems };
}

/** The station-local dates of the feed's events (DTSTART in UTC; the station is UTC+8). */
function eventDates(ics: string): Set<string> {
  const dates = new Set<string>();
  for (const m of ics.matchAll(/^DTSTART:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})\d{2}Z/gm)) {
    const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) + 8 * 3_600_000;
    dates.add(new Date(at).toISOString().slice(0, 10));
  }
  return dates;
}

const badge = async (page: Page) => Number(await page.getByTestId('notice-count').textContent());

describe('the day-to-day loop on the page, in Chinese', () => {
  it('leave from the phone, approval on the desktop, re-plan with its difference, publication, notice and feed', async () => {
    // The leave: the officer's first two working days in a row from the second week (community work only).
    const before = await published(OFFICER);
    const works = (d: string) => {
      const day = before.filter((a) => a.date === d);
      return day.length === 1 && day[0]!.post === 'community';
    };
    const first = Array.from({ length: 14 }, (_, i) => addDaysTo(planStart, 7 + i)).find((d) => works(d) && works(addDaysTo(d, 1)))!;
    const leaveDays = [first, addDaysTo(first, 1)];

    // 1. The officer, on a phone: the feed URL first (to compare later), then the leave request.
    const officer = await open(phone, '/?as=officer');
    const op = officer.page;
    await op.getByRole('list', { name: '我的排班' }).waitFor();
    const panel = op.getByRole('region', { name: '日常事务' });
    await panel.getByRole('button', { name: '日历订阅地址' }).click();
    const feedUrl = await op.getByTestId('feed-url').inputValue();
    expect(feedUrl).toMatch(/\/feeds\/[A-Za-z0-9_-]+\.ics\?lang=zh$/); // asked in Chinese: Chinese event titles
    // The same URL as a QR code for the phone's calendar app: the modules drawn are those of this URL.
    const qr = op.getByRole('img', { name: /^订阅地址二维码/ });
    await qr.waitFor();
    const expected = encode(feedUrl, { ecc: 'M', border: 0 });
    expect(Number(await qr.getAttribute('data-size'))).toBe(expected.size);
    const drawn = ((await qr.locator('path').getAttribute('d')) ?? '').match(/M(\d+) (\d+)/g) ?? [];
    const dark = expected.data.flatMap((row, y) => row.flatMap((on, x) => (on ? [`M${x + 4} ${y + 4}`] : [])));
    expect(drawn).toEqual(dark);
    const feedBefore = await fetch(feedUrl); // plain fetch, no token
    expect(feedBefore.status).toBe(200);
    expect(feedBefore.headers.get('content-type')).toContain('text/calendar');
    const datesBefore = eventDates(await feedBefore.text());
    for (const d of leaveDays) expect(datesBefore.has(d), d).toBe(true);
    const unreadBefore = await badge(op);

    await panel.getByText('申请请假', { exact: true }).click(); // the form folds open on the phone
    const leaveForm = op.getByRole('form', { name: '申请请假' });
    await leaveForm.locator('#leave-from').fill(leaveDays[0]!);
    await leaveForm.locator('#leave-to').fill(leaveDays[1]!);
    await leaveForm.getByLabel('事由').selectOption({ label: '事假/年假' });
    await leaveForm.getByRole('button', { name: '提交' }).click();
    const sent = op.getByText(/^请假申请 lv_\w+ 已提交/);
    await sent.waitFor();
    const leaveId = /lv_\w+/.exec((await sent.textContent())!)![0];
    // The officer's own requests list it as waiting, with a way to withdraw it.
    const myLeave = op.getByRole('group', { name: '我的申请' }).locator(`[data-my-leave-id="${leaveId}"]`);
    await myLeave.getByText(/：待审批$/).waitFor();
    expect(await myLeave.getByRole('button', { name: '撤回' }).count()).toBe(1);
    expect(await op.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390); // nothing wider than the phone
    await screenshot(op, 'dtd-officer-leave-sent');

    // 2. The director, on the desktop: the leave waits in the inbox, approving it marks the two days in the grid.
    const director = await open(desktop, '/?as=director');
    const dp = director.page;
    const grid = dp.getByRole('grid', { name: '排班表' });
    await grid.waitFor();
    const leaveItem = dp.locator(`[data-leave-id="${leaveId}"]`);
    await leaveItem.waitFor();
    expect(await leaveItem.textContent()).toContain('徐欣');
    expect(await dp.getByTestId('inbox-counts').textContent()).toContain('请假 1');
    const cell = (personId: string, date: string) => grid.locator(`tr[data-person-id="${personId}"] td[data-date="${date}"]`);
    for (const d of leaveDays) expect(await cell(OFFICER, d).getAttribute('class')).not.toContain('absence-recorded');
    await leaveItem.getByRole('button', { name: '批准' }).click();
    await dp.getByText(`申请 ${leaveId} 现为：已批准。`).waitFor();
    for (const d of leaveDays) await grid.locator(`tr[data-person-id="${OFFICER}"] td[data-date="${d}"].absence-recorded`).waitFor();
    // Only the leave's days are marked: the day before and after are not.
    for (const d of [addDaysTo(leaveDays[0]!, -1), addDaysTo(leaveDays[1]!, 1)]) expect(await cell(OFFICER, d).getAttribute('class')).not.toContain('absence-recorded');
    await dp.getByTestId('replan-waiting').getByText(`需要重排的已发布日期：${leaveDays.length} 天`).waitFor();

    // 3. Re-plan the changed days: the difference lists and highlights the cells, the officer's two days become absent.
    await dp.getByRole('button', { name: '重排有变化的日期' }).click();
    const diff = dp.getByTestId('replan-diff');
    await diff.waitFor();
    const changes = await diff.locator('li').evaluateAll((els) => els.map((e) => ({ personId: (e as HTMLElement).dataset.personId!, date: (e as HTMLElement).dataset.date!, after: (e as HTMLElement).dataset.after! })));
    expect(Number(await dp.getByTestId('replan-count').textContent())).toBe(changes.length);
    for (const d of leaveDays) expect(changes).toContainEqual({ personId: OFFICER, date: d, after: 'absent' });
    // Nothing outside the re-planned days changes.
    expect(changes.filter((c) => !leaveDays.includes(c.date))).toEqual([]);
    expect(await diff.textContent()).toContain(`${postName('zh', 'community')} → ${postName('zh', 'absent')}`);
    for (const c of changes) expect(await cell(c.personId, c.date).getAttribute('class')).toContain('replan-changed');
    expect(await englishOnScreen(dp)).toEqual([]);
    await screenshot(dp, 'dtd-director-replan-diff');
    await screenshot(dp, 'dtd-director-replan-diff-full', true);

    // 4. Publish: the grid shows the new roster.
    await dp.getByRole('button', { name: '发布重排结果' }).click();
    await dp.getByText('已发布：排班表、通知和日历订阅随之更新。').waitFor();
    for (const d of leaveDays) await grid.locator(`tr[data-person-id="${OFFICER}"] td[data-date="${d}"]`).getByText(postCode('zh', 'absent'), { exact: true }).waitFor();
    expect(await grid.locator('td.replan-changed').count()).toBe(0);
    const after = await published(OFFICER);
    for (const d of leaveDays) expect(after.find((a) => a.date === d)?.post).toBe('absent');

    // 5. The officer's phone: the bell's unread count rises (the panel polls), the notices say what changed.
    await op.waitForFunction((n) => Number(document.querySelector('[data-testid="notice-count"]')?.textContent) >= n, unreadBefore + 2, { timeout: 45_000 });
    await screenshot(op, 'dtd-officer-notice-count');
    await op.getByTestId('notice-bell').click();
    const notices = op.getByTestId('notices');
    await notices.locator('li[data-kind="roster-changed"]').first().waitFor();
    await notices.locator('li[data-kind="request-decided"]').first().waitFor();
    expect(await notices.locator('li[data-kind="roster-changed"]').first().textContent()).toMatch(/[\u4e00-\u9fff]/);
    await op.waitForFunction(() => document.querySelector('[data-testid="notice-count"]')?.textContent === '0');
    expect(await englishOnScreen(op)).toEqual([]);
    await screenshot(op, 'dtd-officer-notices');
    // Their own days on the phone follow the notice without a reload: the leave days show the absence.
    for (const d of leaveDays) await op.locator(`.my-day[data-date="${d}"] .chip`).getByText(postCode('zh', 'absent'), { exact: true }).waitFor();
    await op.reload();
    await op.getByRole('list', { name: '我的排班' }).waitFor();
    for (const d of leaveDays) expect(await op.locator(`.my-day[data-date="${d}"] .chip`).textContent()).toBe(postCode('zh', 'absent'));
    await op.locator(`[data-my-leave-id="${leaveId}"][data-status="approved"]`).getByText(/：已批准$/).waitFor();
    expect(await op.locator(`[data-my-leave-id="${leaveId}"]`).getByRole('button', { name: '撤回' }).count()).toBe(0);

    // 6. The feed URL, fetched with no token, follows the publication: no duty on the leave days, the rest kept.
    const feedAfter = await fetch(feedUrl);
    expect(feedAfter.status).toBe(200);
    const datesAfter = eventDates(await feedAfter.text());
    for (const d of leaveDays) expect(datesAfter.has(d), d).toBe(false);
    expect([...datesBefore].filter((d) => !leaveDays.includes(d)).every((d) => datesAfter.has(d))).toBe(true);

    expect(officer.problems.errors).toEqual([]);
    expect(director.problems.errors).toEqual([]);
    await op.close();
    await dp.close();
  }, 240_000);

  it('pins a post from the grid, shows and removes it, and shows a pin that FB-1 forbids at its cell', async () => {
    const { page, problems } = await open(desktop, '/?as=director');
    const grid = page.getByRole('grid', { name: '排班表' });
    await grid.waitFor();
    const cell = (personId: string, date: string) => grid.locator(`tr[data-person-id="${personId}"] td[data-date="${date}"]`);
    // P007 (duty group G1, case handling) on a primary-shift day of the third week that is not already case handling.
    const day = (await published('P007')).find((a) => a.date >= addDaysTo(planStart, 14) && a.shift === 'P' && a.post !== 'case-handling')!;
    expect(day).toBeDefined();
    await cell('P007', day.date).click();
    const sheet = page.getByRole('dialog');
    await sheet.waitFor();
    await sheet.getByRole('form', { name: '固定当天岗位' }).getByLabel('岗位').selectOption({ label: postName('zh', 'case-handling') });
    await sheet.getByRole('button', { name: '固定', exact: true }).click();
    await sheet.getByText(/^已将.+固定为办案，以后的排班都会保留。$/).waitFor();
    await grid.locator(`tr[data-person-id="P007"] td[data-date="${day.date}"].pinned`).waitFor();
    const pinId = await cell('P007', day.date).getAttribute('data-pin-id');
    expect(pinId).toMatch(/^pin_/);
    const stored = await api<{ items: { id: string; post: string }[] }>('GET', `/stations/demo/pins?from=${day.date}&to=${day.date}`, 'P001', ['director']);
    expect(stored.body.items).toEqual([expect.objectContaining({ id: pinId, post: 'case-handling' })]);
    // Read again from the API after a reload: still marked.
    await page.reload();
    await grid.locator(`tr[data-person-id="P007"] td[data-date="${day.date}"][data-pin-id="${pinId}"]`).waitFor();
    await screenshot(page, 'dtd-director-pinned');

    // A community officer on patrol car 01: refused with FB-1, shown at the cell with the rule and its sentence.
    const fbDay = addDaysTo(planStart, 15);
    problems.expected.push(/status of 422/);
    await cell(OFFICER, fbDay).click();
    await page.getByRole('dialog').getByRole('form', { name: '固定当天岗位' }).getByLabel('岗位').selectOption({ label: postName('zh', 'patrol-01') });
    await page.getByRole('dialog').getByRole('button', { name: '固定', exact: true }).click();
    const refusal = cell(OFFICER, fbDay).locator('.cell-refusal[data-rule="FB-1"]');
    await refusal.waitFor();
    const text = (await refusal.textContent())!;
    expect(text).toContain('FB-1');
    expect(text).toContain('未能固定：不准从事 01、02 巡逻车值守');
    expect(text).toContain('专职社区民警不准从事01、02巡逻车的值守工作');
    expect(await cell(OFFICER, fbDay).getAttribute('class')).toContain('pin-refused');
    expect(await cell(OFFICER, fbDay).getAttribute('data-pin-id')).toBeNull();
    expect((await api<{ items: unknown[] }>('GET', `/stations/demo/pins?from=${fbDay}&to=${fbDay}`, 'P001', ['director'])).body.items).toEqual([]);
    expect(await englishOnScreen(page)).toEqual([]);
    await screenshot(page, 'dtd-director-pin-refused');

    // Removing the kept pin from its cell.
    await cell('P007', day.date).click();
    await page.getByRole('dialog').getByRole('button', { name: '取消固定' }).click();
    await page.getByRole('dialog').getByText('固定已取消。').waitFor();
    await grid.locator(`tr[data-person-id="P007"] td[data-date="${day.date}"]:not(.pinned)`).waitFor();
    expect((await api<{ items: unknown[] }>('GET', `/stations/demo/pins?from=${day.date}&to=${day.date}`, 'P001', ['director'])).body.items).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('marks a person absent from a cell of the grid (reason, dates) and removes the absence', async () => {
    const { page, problems } = await open(desktop, '/?as=director');
    const grid = page.getByRole('grid', { name: '排班表' });
    await grid.waitFor();
    const cell = (personId: string, date: string) => grid.locator(`tr[data-person-id="${personId}"] td[data-date="${date}"]`);
    const [from, to] = [addDaysTo(planStart, 19), addDaysTo(planStart, 20)];
    await cell('P008', from).click();
    const sheet = page.getByRole('dialog');
    const form = sheet.getByRole('form', { name: '登记缺勤' });
    await form.getByLabel('事由').selectOption({ label: '病假' });
    expect(await form.locator('#absence-from').inputValue()).toBe(from); // the cell's day is the default
    await form.locator('#absence-to').fill(to);
    await form.getByRole('button', { name: '登记缺勤' }).click();
    await sheet.getByText(/^已登记吴平的缺勤/).waitFor();
    for (const d of [from, to]) await grid.locator(`tr[data-person-id="P008"] td[data-date="${d}"].absence-recorded[data-absence="sick"]`).waitFor();
    expect(await cell('P008', addDaysTo(to, 1)).getAttribute('class')).not.toContain('absence-recorded');
    const stored = await api<{ items: { id: string; personId: string; from: string; to: string; reason: string }[] }>('GET', `/stations/demo/absences?from=${from}&to=${to}`, 'P001', ['director']);
    expect(stored.body.items.filter((a) => a.personId === 'P008')).toEqual([expect.objectContaining({ from, to, reason: 'sick' })]);
    await screenshot(page, 'dtd-director-absence');
    // Escape closes the sheet and puts focus back on the cell; the close button does too.
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.date)).toBe(from);
    await page.keyboard.press('Enter'); // Enter on a cell opens its actions again
    await sheet.getByRole('button', { name: '关闭' }).click();
    await sheet.waitFor({ state: 'detached' });
    // Open the next day's cell: the absence is named there and removed from it.
    await cell('P008', to).click();
    await page.getByRole('dialog').getByRole('button', { name: '撤销缺勤' }).click();
    await page.getByRole('dialog').getByText('缺勤已撤销。').waitFor();
    for (const d of [from, to]) await grid.locator(`tr[data-person-id="P008"] td[data-date="${d}"]:not(.absence-recorded)`).waitFor();
    expect((await api<{ items: { personId: string }[] }>('GET', `/stations/demo/absences?from=${from}&to=${to}`, 'P001', ['director'])).body.items.filter((a) => a.personId === 'P008')).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('a swap from the phone: the check names the rule before sending, the colleague accepts, the director approves', async () => {
    // Three people of duty group G1 on one primary-shift day: two auxiliaries on different posts, and P005 on a patrol car.
    const [a, b, driver] = await Promise.all(['P054', 'P056', 'P005'].map(published));
    const one = (list: Assignment[], d: string) => {
      const day = list.filter((x) => x.date === d);
      return day.length === 1 ? day[0]! : undefined;
    };
    const date = Array.from({ length: 14 }, (_, i) => addDaysTo(planStart, 7 + i)).find((d) => {
      const [x, y, z] = [one(a!, d), one(b!, d), one(driver!, d)];
      return x && y && z && x.shift === 'P' && y.shift === 'P' && x.post !== y.post && z.post.startsWith('patrol-');
    })!;
    expect(date).toBeDefined();
    const mine = one(a!, date)!;
    const theirs = one(b!, date)!;

    const aux = await open(phone, '/?as=auxiliary');
    const ap = aux.page;
    aux.problems.expected.push(/status of 422/);
    await ap.getByRole('list', { name: '我的排班' }).waitFor();
    await ap.getByText('申请换班', { exact: true }).click();
    const form = ap.getByRole('form', { name: '申请换班' });
    await form.locator('#swap-date').fill(date);
    await form.locator('#swap-with-date').fill(date);
    // With the patrol driver: the check says SKILL-1 before anything is sent, and sending stays off.
    await form.getByLabel('同事').selectOption('P005');
    await form.getByRole('button', { name: '检查规则' }).click();
    const refused = form.locator('.swap-check[data-rule="SKILL-1"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('此次换班会违反 SKILL-1：岗位所需技能。');
    expect(await refused.textContent()).toMatch(/孙艳（P054）.*驾驶/);
    expect(await form.getByRole('button', { name: '提交换班申请' }).isDisabled()).toBe(true);
    expect((await api<{ items: unknown[] }>('GET', '/stations/demo/swaps', 'P001', ['director'])).body.items).toEqual([]);
    expect(await englishOnScreen(ap)).toEqual([]);
    await screenshot(ap, 'dtd-aux-swap-refused');
    // With the other auxiliary: no rule broken, sent.
    await form.getByLabel('同事').selectOption('P056');
    await form.getByRole('button', { name: '检查规则' }).click();
    await form.locator('.swap-check[data-ok="true"]').getByText('此次换班不违反任何规则，可以提交。').waitFor();
    await form.getByRole('button', { name: '提交换班申请' }).click();
    const sent = ap.getByText(/^换班申请 sw_\w+ 已提交/);
    await sent.waitFor();
    const swapId = /sw_\w+/.exec((await sent.textContent())!)![0];
    await ap.locator(`[data-my-swap-id="${swapId}"]`).getByText(/：待同事同意$/).waitFor();
    expect(await ap.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The colleague, on their phone (the local sign-in picker), accepts from their inbox.
    const colleague = await open(phone, '/');
    const cp = colleague.page;
    await cp.locator('#signin-person').selectOption('P056');
    await cp.getByRole('button', { name: '登录' }).click();
    const offered = cp.locator(`[data-swap-id="${swapId}"]`);
    await offered.waitFor();
    expect(await offered.getByRole('button', { name: '批准' }).count()).toBe(0); // not a leader: no decision offered
    await offered.getByRole('button', { name: '同意换班' }).click();
    await cp.getByText(`申请 ${swapId} 现为：待审批。`).waitFor();

    // The director decides on the desktop; the approved swap is a publication: the grid shows the two days exchanged.
    const director = await open(desktop, '/?as=director');
    const dp = director.page;
    const grid = dp.getByRole('grid', { name: '排班表' });
    await grid.waitFor();
    const item = dp.locator(`[data-swap-id="${swapId}"]`);
    await item.waitFor();
    expect(await item.getByRole('button', { name: '同意换班' }).count()).toBe(0);
    await item.getByRole('button', { name: '批准' }).click();
    await dp.getByText(`申请 ${swapId} 现为：已批准。`).waitFor();
    await grid.locator(`tr[data-person-id="P054"] td[data-date="${date}"]`).getByText(postCode('zh', theirs.post), { exact: true }).waitFor();
    await grid.locator(`tr[data-person-id="P056"] td[data-date="${date}"]`).getByText(postCode('zh', mine.post), { exact: true }).waitFor();
    expect(one(await published('P054'), date)?.post).toBe(theirs.post);
    expect(one(await published('P056'), date)?.post).toBe(mine.post);
    await screenshot(dp, 'dtd-director-swap-approved');
    for (const p of [aux, colleague, director]) expect(p.problems.errors).toEqual([]);
    await ap.close();
    await cp.close();
    await dp.close();
  }, 180_000);

  it('never offers a leader action to an officer, nor swaps to a leader', async () => {
    const officer = await open(phone, '/?as=officer');
    await officer.page.getByRole('list', { name: '我的排班' }).waitFor();
    expect(await officer.page.getByRole('button', { name: '重排有变化的日期' }).count()).toBe(0);
    await officer.page.getByText('申请换班', { exact: true }).click();
    await officer.page.getByRole('form', { name: '申请换班' }).waitFor();
    // The officer's own cells carry no leader actions (the grid, hidden on the phone, has no actionable cell).
    expect(await officer.page.locator('td.actionable').count()).toBe(0);
    const director = await open(desktop, '/?as=director');
    await director.page.getByRole('grid', { name: '排班表' }).waitFor();
    expect(await director.page.getByRole('form', { name: '申请换班' }).count()).toBe(0);
    expect(await director.page.locator('td.actionable').count()).toBeGreaterThan(0);
    await officer.page.close();
    await director.page.close();
  }, 60_000);
});
