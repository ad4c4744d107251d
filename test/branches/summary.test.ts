// summarizeStation and branchTotals (shared/branches/summary.ts): the branch's figures of a station, pure.
import { describe, expect, it } from 'vitest';
import { branchTotals, summarizeStation, waitingForBranch, type PublishedPlan } from '../../shared/branches/summary.ts';
import type { Assignment, Shortfall } from '../../shared/domain/plan.ts';
import type { Redeployment } from '../../shared/domain/redeployment.ts';
import { dateRange, isoWeekday } from '../../shared/rotation/index.ts';
import { smallConfig, smallStation } from '../approvals/helpers.ts';

const TODAY = '2026-12-07'; // a Monday: the window holds four full ISO weeks
const station = smallConfig({ ...smallStation('Summary'), branchId: 'dongcheng' });

/** P020 (C1's A) at community work every weekday, 8 hours; nobody else has anything. */
const communityWeekdays = (start: string, days: number): Assignment[] =>
  dateRange(start, days)
    .filter((d) => isoWeekday(d) <= 5)
    .map((date) => ({ personId: 'P020', date, shift: 'W', post: 'community', place: 'community', communityId: 'C1', hours: 8 }));

const shortfall = (date: string, missing: number): Shortfall => ({ date, shift: 'S', post: 'station-duty', missing, rule: 'COVER', message: '' });

const planA: PublishedPlan = { id: 'pl_a', start: TODAY, days: 14, publishedAt: '2026-12-01T00:00:00Z', assignments: communityWeekdays(TODAY, 14), shortfalls: [shortfall('2026-12-08', 1), shortfall('2026-12-15', 5)] };
// Published later over the second week: its days win, so plan A's shortfall on 12-15 no longer counts.
const planB: PublishedPlan = { id: 'pl_b', start: '2026-12-14', days: 7, publishedAt: '2026-12-02T00:00:00Z', assignments: communityWeekdays('2026-12-14', 7), shortfalls: [shortfall('2026-12-15', 2)] };

const request = (id: string, extra: Partial<Redeployment>): Redeployment =>
  ({ id, stationId: 's', personId: 'P020', post: 'routine-duty', kind: 'routine-duty', from: '2026-12-20', to: '2026-12-20', status: 'pending', required: ['director', 'instructor', 'branch'], decisions: [], ...extra }) as Redeployment;

describe('summarizeStation', () => {
  const s = summarizeStation({ stationId: 's', station, today: TODAY, published: [planA, planB], pending: [], computedAt: 'now' });

  it('reads the configuration: people, CP-4 share, communities, A/B groups, branch', () => {
    expect(s).toMatchObject({ stationId: 's', branchId: 'dongcheng', people: 10, officers: 9, communityOfficers: 3, communities: 2, abGroups: 1 });
    expect(s.communityOfficerShare).toBe(0.3333);
  });

  it('counts published days and the shortfalls of the publication each day comes from', () => {
    expect(s.next28).toMatchObject({ from: TODAY, to: '2027-01-03', published: 14, shortfalls: 3 });
    expect(s.next28.shortfallDays.map((d) => [d.date, d.missing])).toEqual([['2026-12-08', 1], ['2026-12-15', 2]]);
  });

  it('AB-2 over published weekdays only: C1 always covered, C2 never → one half', () => {
    expect(s.next28.abCoverage).toBe(0.5);
  });

  it('CP-2 per dedicated officer and wholly published week: P020 at 40 h in both weeks, the other two at 0', () => {
    expect(s.next28).toMatchObject({ communityWeeks: 6, communityWeeksAtTarget: 2 });
  });

  it('with nothing published, nothing is judged', () => {
    const none = summarizeStation({ stationId: 's', station, today: TODAY, published: [], pending: [], computedAt: 'now' });
    expect(none.next28).toMatchObject({ published: 0, shortfalls: 0, abCoverage: null, communityWeeks: 0, communityWeeksAtTarget: 0 });
  });
});

describe('waitingForBranch', () => {
  it('counts pending requests that need the branch and lack its decision; not expired, decided or branch-free ones', () => {
    const requests = [
      request('rd_1', {}),
      request('rd_2', { decisions: [{ by: 'B', role: 'branch', decision: 'approve', comment: '', at: 'x' }] }),
      request('rd_3', { required: ['director', 'instructor'] }),
      request('rd_4', { status: 'approved' }),
      request('rd_5', { from: '2026-12-06', to: '2026-12-06' }), // still stored pending, but its first day passed
    ];
    expect(waitingForBranch(requests, TODAY).map((r) => r.id)).toEqual(['rd_1']);
  });
});

describe('branchTotals', () => {
  it('adds up the stations (DOMAIN.md: Dongcheng, 20 stations, 163 communities, 148 dedicated officers, 66 A/B groups)', () => {
    const one = summarizeStation({ stationId: 's', station, today: TODAY, published: [planA], pending: [request('rd_1', {})], computedAt: 'now' });
    expect(branchTotals([one, { ...one, stationId: 't' }])).toEqual({ stations: 2, communities: 4, communityOfficers: 6, abGroups: 2, officers: 18, people: 20, pendingForBranch: 2, shortfalls: 12 });
    expect(branchTotals([])).toMatchObject({ stations: 0, communities: 0 });
  });
});
