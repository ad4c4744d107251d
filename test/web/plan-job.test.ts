// Planning you can watch, in a real browser against the local app: "Create plan" runs as a planning job, the page
// shows its progress (time used, the best score and the bound) and "Stop and keep the best" keeps a plan. The job's
// solver is held by the test (it reports a progress and makes its plan only once stopped), so the job is surely
// still running when the button is pressed; the real solver thread is tested in test/plans/plan-jobs.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localJobsSettled, usePlanJobLauncher } from '../../functions/plans/launch.ts';
import { startLocalApp, type LocalApp } from '../../local/app.ts';
import { runPlanJob, type JobOutcome } from '../../shared/planning/run-job.ts';
import type { SolveRunner } from '../../shared/planning/solve-thread.ts';
import { planRoster, type Progress } from '../../shared/solver/index.ts';
import { ensureWebBuilt, launch, screenshot, watch, type Browser } from './browser.ts';

const PEOPLE = 65;
let app: LocalApp;
let browser: Browser;
const jobs: Promise<JobOutcome>[] = [];

/** Reports a made-up progress until stopped, then makes the plan for real, stopping at once (its best is then the repaired rotation). */
const heldUntilStopped: SolveRunner = (input) => {
  let stopped = false;
  let wake = () => {};
  const woken = new Promise<void>((resolve) => (wake = resolve));
  const latest: Progress = { elapsedSeconds: 1, score: 4321, bound: 4000 };
  return {
    latest: () => latest,
    stop: () => {
      stopped = true;
      wake();
    },
    stopped: () => stopped,
    result: woken.then(() => planRoster({ ...input, seconds: 1 }, { shouldStop: () => stopped })),
  };
};

beforeAll(async () => {
  await ensureWebBuilt();
  app = await startLocalApp({ port: 0, memory: true, log: () => {} });
  usePlanJobLauncher(async (job) => void jobs.push(runPlanJob(app.store, job, { solve: heldUntilStopped, log: () => {} })));
  browser = await launch({ locale: 'en-GB' });
}, 180_000);

afterAll(async () => {
  usePlanJobLauncher(null);
  await browser?.close();
  await Promise.allSettled(jobs);
  await localJobsSettled();
  await app?.close();
});

describe('a plan made as a job', () => {
  it('shows the progress bar, the score and the bound, and "Stop and keep the best" keeps a plan', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page);
    const asked: Record<string, unknown>[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/stations/demo/plans')) asked.push(JSON.parse(r.postData() ?? '{}') as Record<string, unknown>);
    });
    await page.goto(`${app.url}/?as=director`);
    await page.getByRole('button', { name: 'Create plan' }).click();

    const card = page.locator('#plan-job');
    await card.getByRole('heading', { name: 'Making the plan' }).waitFor();
    const bar = card.getByRole('progressbar', { name: 'Planning time used' });
    await bar.waitFor();
    expect(asked[0]).toMatchObject({ wait: false });
    // The solver's first plan: its score and the bound appear while it runs.
    await card.getByText('Best plan so far: score 4321').waitFor();
    await card.getByText('no plan can score below 4000').waitFor();
    expect(await card.locator('.job-gap').textContent()).toBe('Proven within 7.5 % of the best possible plan (score 4321, lower bound 4000).');
    await screenshot(page, 'plan-job-progress');

    // The same card in Chinese, and its button stops the job.
    await page.locator('.lang-toggle').click();
    await card.getByRole('heading', { name: '正在生成排班' }).waitFor();
    await card.getByText('当前最佳方案得分 4321').waitFor();
    expect(await card.locator('.job-gap').textContent()).toBe('与最优方案相差不超过 7.5 %（得分 4321，下界 4000）。');
    await screenshot(page, 'plan-job-progress-zh');
    await card.getByRole('button', { name: '取消并保留当前最佳' }).click();
    await page.getByText(/已提前停止：排班 pl_\w+ 为此前找到的最佳方案/).waitFor();
    await page.locator('.lang-toggle').click();
    expect(await card.count()).toBe(0);
    const grid = page.getByRole('grid', { name: 'Roster' });
    await grid.waitFor();
    expect(await grid.locator('[role="row"][data-person-id]').count()).toBe(PEOPLE);
    // The kept plan says how good it is proven to be, and may be published.
    await page.locator('.plan-quality').first().waitFor();
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).isEnabled()).toBe(true);
    await screenshot(page, 'plan-job-stopped');
    expect(problems.errors).toEqual([]);
  }, 300_000);
});
