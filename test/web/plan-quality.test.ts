// The page's sentence about a plan's proven quality: the gap rounded up (the claim stays true), in both languages.
import { describe, expect, it } from 'vitest';
import { setLang, t } from '../../web/src/i18n.ts';
import { gapPercent } from '../../web/src/screens/roster/panels.tsx';

describe('plan quality sentence', () => {
  it('rounds the gap up to a tenth of a percent', () => {
    expect(gapPercent(0.0031)).toBe('0.4');
    expect(gapPercent(0.004)).toBe('0.4');
    expect(gapPercent(0.0401)).toBe('4.1');
    expect(gapPercent(0)).toBe('0.0');
  });
  it('says it in Chinese and English', () => {
    setLang('zh');
    expect(t('planGap', { gap: gapPercent(0.0036), score: 2540, bound: 2530 })).toBe('与最优方案相差不超过 0.4 %（得分 2540，下界 2530）。');
    setLang('en');
    expect(t('planGap', { gap: gapPercent(0.0036), score: 2540, bound: 2530 })).toBe('Proven within 0.4 % of the best possible plan (score 2540, lower bound 2530).');
    expect(t('planOptimal', { score: 304 })).toContain('Proven optimal');
  });
});
