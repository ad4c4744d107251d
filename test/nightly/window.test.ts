// The pure parts of the nightly job: which night an instant is, what a night publishes, how a solve is cut down.
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../shared/domain/plan.ts';
import { firstChangedDate, nightOf, nightSeed, nightlyOptions, sliceSolution } from '../../shared/nightly/index.ts';
import type { SolveOutput } from '../../shared/solver/types.ts';

const a = (personId: string, date: string, post: Assignment['post'] = 'patrol-01', extra: Partial<Assignment> = {}): Assignment => ({
  personId,
  date,
  shift: post === 'rest' ? 'R' : 'P',
  post,
  place: post === 'rest' ? 'none' : 'station',
  hours: post === 'rest' ? 0 : 24,
  ...extra,
});

describe('nightOf', () => {
  it('is the date in the station time zone', () => {
    expect(nightOf('2027-01-03T18:00:00Z', 'Asia/Shanghai')).toBe('2027-01-04');
    expect(nightOf('2027-01-03T15:59:59Z', 'Asia/Shanghai')).toBe('2027-01-03');
    expect(nightOf('2027-01-03T18:00:00+00:00', 'America/New_York')).toBe('2027-01-03');
  });
});

describe('nightSeed', () => {
  it('is stable per station and night and differs between nights', () => {
    expect(nightSeed('qianmen', '2027-01-04')).toBe(nightSeed('qianmen', '2027-01-04'));
    expect(nightSeed('qianmen', '2027-01-04')).not.toBe(nightSeed('qianmen', '2027-01-05'));
  });
});

describe('firstChangedDate', () => {
  const dates = ['2027-01-05', '2027-01-06', '2027-01-07'];
  it('is the first unpublished date when the published days are kept', () => {
    const published = [a('P1', '2027-01-05'), a('P2', '2027-01-05', 'rest')];
    const solved = [...published, a('P1', '2027-01-06'), a('P1', '2027-01-07')];
    expect(firstChangedDate(solved, published, dates)).toBe('2027-01-06');
  });
  it('is null when every date agrees, whatever the order and the flexible nights', () => {
    const published = dates.flatMap((d) => [a('P1', d), a('P2', d, 'rest'), a('P3', d, 'flex-night')]);
    const solved = [...published].reverse().filter((x) => x.post !== 'flex-night');
    solved.push(a('P4', '2027-01-06', 'flex-night'));
    expect(firstChangedDate(solved, published, dates)).toBeNull();
  });
  it('finds a published day the solver had to change', () => {
    const published = dates.map((d) => a('P1', d));
    const solved = [a('P1', '2027-01-05'), a('P1', '2027-01-06', 'rest'), a('P1', '2027-01-07')];
    expect(firstChangedDate(solved, published, dates)).toBe('2027-01-06');
  });
});

describe('sliceSolution', () => {
  const solved: SolveOutput = {
    start: '2027-01-04',
    days: 14,
    assignments: ['2027-01-04', '2027-01-11', '2027-01-12'].flatMap((d) => [a('P1', d), a('P2', d, 'rest', { callIn: undefined })]),
    shortfalls: [
      { date: '2027-01-04', shift: 'P', post: 'patrol-02', missing: 1, rule: 'COVER', message: '' },
      { date: '2027-01-12', shift: 'P', post: 'patrol-02', missing: 2, rule: 'COVER', message: '' },
    ],
    violations: [
      { rule: 'CP-2', severity: 'soft', personIds: ['P1'], dates: ['2027-01-04'], message: '' },
      { rule: 'CP-4', severity: 'station', personIds: [], dates: [], message: '' },
    ],
    kpis: {
      onPostShare: 0.5,
      community: [
        { personId: 'P9', week: '2027-W01', hours: 36, share: 1 },
        { personId: 'P9', week: '2027-W02', hours: 36, share: 1 },
      ],
      abCoverage: [{ communityId: 'C1', date: '2027-01-04', covered: true, by: ['P9'] }],
      callIns: 3,
      fairness: {},
    },
    suggestions: [],
    score: { total: 10, hard: 0, byRule: [] },
    redeploymentIds: [],
    solver: { seed: 1, seconds: 1, iterations: 1, firstFeasibleScore: 10 },
  };
  it('keeps only what touches the dates', () => {
    const slice = sliceSolution(solved, '2027-01-11', '2027-01-12');
    expect(slice.start).toBe('2027-01-11');
    expect(slice.days).toBe(2);
    expect(new Set(slice.assignments.map((x) => x.date))).toEqual(new Set(['2027-01-11', '2027-01-12']));
    expect(slice.shortfalls.map((s) => s.date)).toEqual(['2027-01-12']);
    expect(slice.violations.map((v) => v.rule)).toEqual(['CP-4']);
    expect(slice.kpis.community.map((k) => k.week)).toEqual(['2027-W02']);
    expect(slice.kpis.abCoverage).toEqual([]);
    expect(slice.kpis.callIns).toBe(0);
    expect(slice.kpis.onPostShare).toBe(0.5);
  });
});

describe('nightlyOptions', () => {
  it('reads NIGHTLY_* and refuses a lead time beyond the horizon', () => {
    expect(nightlyOptions({}, { NIGHTLY_HORIZON_DAYS: '14', NIGHTLY_LEAD_DAYS: '3' })).toMatchObject({ horizonDays: 14, leadDays: 3, solverSeconds: 2 });
    expect(() => nightlyOptions({ horizonDays: 7, leadDays: 8 }, {})).toThrow(/leadDays/);
    expect(() => nightlyOptions({}, { NIGHTLY_SOLVER_SECONDS: 'fast' })).toThrow(/solverSeconds/);
  });
});
