// The planning job's words on the page: the proven-gap sentence while a job runs (none until the bound proves
// something), and the progress and cancel sentences in Chinese and English.
import { afterEach, describe, expect, it } from 'vitest';
import { setLang, t } from '../../web/src/i18n.ts';
import { progressGap } from '../../web/src/screens/roster/job.tsx';

afterEach(() => setLang('en'));

describe('a running job on the page', () => {
  it('says the gap of the best score so far to the bound, rounded up, once the bound is above 0', () => {
    setLang('en');
    expect(progressGap(null, 0)).toBeNull();
    expect(progressGap(14015, 0)).toBeNull();
    expect(progressGap(2540, 2530)).toBe('Proven within 0.4 % of the best possible plan (score 2540, lower bound 2530).');
    expect(progressGap(304, 304)).toContain('Proven optimal');
    setLang('zh');
    expect(progressGap(2540, 2530)).toBe('与最优方案相差不超过 0.4 %（得分 2540，下界 2530）。');
  });

  it('names the cancel button and the stopped plan in both languages', () => {
    setLang('zh');
    expect(t('jobCancel')).toBe('取消并保留当前最佳');
    expect(t('jobElapsed', { elapsed: '12.4', seconds: 60 })).toBe('已用 12.4 秒，最多 60 秒');
    setLang('en');
    expect(t('jobCancel')).toBe('Stop and keep the best');
    expect(t('jobStopped', { id: 'pl_1', shortfalls: 2, violations: 0 })).toContain('Stopped early: plan pl_1');
  });
});
