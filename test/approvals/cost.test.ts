// AP-6: what a pull costs, from the station's rotation (shared/approvals/cost.ts), on the small station of helpers.ts.
// Week 2026-W50 is 2026-12-07 (Mon) to 2026-12-13 (Sun). Group G1 (the B, P021) works P on the 7th, 10th, 13th,
// S on the 8th and 11th, and rests on the 9th and 12th. The A (P020, no group) does community work Monday to Friday.
// Community day: W, 8 h; flexible night: F, 4 h; station duty is demanded in S (10 h).
import { describe, expect, it } from 'vitest';
import { createRequest, redeploymentCost } from '../../shared/approvals/index.ts';
import { RedeploymentRequestBody } from '../../shared/domain/redeployment.ts';
import { Redeployment } from '../../shared/domain/redeployment.ts';
import { groupCode, smallConfig, smallStation } from './helpers.ts';

const station = smallConfig();
const pull = (personId: string, from: string, to = from, extra: Record<string, unknown> = {}) => ({ personId, post: 'station-duty' as const, from, to, ...extra });

describe('AP-6: the cost of a pull', () => {
  it('the calendar the expectations below rely on', () => {
    expect(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'].map((d) => groupCode(0, d)).join('')).toBe('PSRPSRP');
    expect(groupCode(1, '2026-12-09')).toBe('P'); // G2 works on the 9th
  });

  it('one weekday of the A: 8 h lost (44 → 36 h, target 36 h: CP-2 holds), share 36/46 breaks CP-1', () => {
    const cost = redeploymentCost(station, pull('P020', '2026-12-08'));
    expect(cost.communityHoursLost).toBe(8);
    expect(cost.weeks).toEqual([
      { week: '2026-W50', dates: ['2026-12-08'], communityHoursLost: 8, communityHoursBefore: 44, communityHoursAfter: 36, weeklyTarget: 36, shareAfter: 0.783, breaks: ['CP-1'] },
    ]);
    expect(cost.breaks).toEqual(['CP-1']);
    expect(cost.gaps).toEqual([]); // the B works that day
    expect(cost.notes[0]).toMatch(/2026-W50 .* loses 8 h .*44 h → 36 h.*breaks CP-1/);
  });

  it('two weekdays: 16 h lost, 28 h < 36 h breaks CP-2 too', () => {
    const cost = redeploymentCost(station, pull('P020', '2026-12-08', '2026-12-09'));
    expect(cost.communityHoursLost).toBe(16);
    expect(cost.weeks[0]).toMatchObject({ communityHoursAfter: 28, breaks: ['CP-1', 'CP-2'] });
    expect(cost.breaks).toEqual(['CP-1', 'CP-2', 'AB-2']);
  });

  it('AB-2: the A pulled on a weekday the B rests leaves the grid empty; on a day the B works it does not', () => {
    const gap = redeploymentCost(station, pull('P020', '2026-12-09'));
    expect(gap.gaps).toEqual([{ date: '2026-12-09', communityId: 'C1' }]);
    expect(gap.breaks).toContain('AB-2');
    expect(gap.notes.some((n) => n.includes('2026-12-09 (Wed)') && n.includes('AB-2'))).toBe(true);
    expect(redeploymentCost(station, pull('P020', '2026-12-10')).gaps).toEqual([]);
  });

  it('AB-2 counts the B\'s absences and the approved pulls of the others', () => {
    const doc = smallStation();
    doc.absences = [{ personId: 'P021', from: '2026-12-10', to: '2026-12-10', reason: 'training' }];
    expect(redeploymentCost(smallConfig(doc), pull('P020', '2026-12-10')).gaps).toEqual([{ date: '2026-12-10', communityId: 'C1' }]);
    const approvedB = [{ id: 'rd_b', personId: 'P021', post: 'security-check' as const, from: '2026-12-08', to: '2026-12-08' }];
    expect(redeploymentCost(station, pull('P020', '2026-12-08'), approvedB).gaps).toEqual([{ date: '2026-12-08', communityId: 'C1' }]);
  });

  it('a transfer\'s replacement takes the grid: no AB-2 gap on the days they work', () => {
    const transfer = pull('P020', '2026-12-09', '2026-12-09', { kind: 'transfer', replacementId: 'P011' });
    expect(redeploymentCost(station, transfer).gaps).toEqual([]);
    // A replacement resting that day (G1's P010) does not close the gap.
    expect(redeploymentCost(station, { ...transfer, replacementId: 'P010' }).gaps).toHaveLength(1);
  });

  it('a pull on the B\'s rest day loses no community hours, but its station hours lower the share (CP-1)', () => {
    const cost = redeploymentCost(station, pull('P021', '2026-12-09'));
    expect(cost.communityHoursLost).toBe(0);
    expect(cost.weeks[0]).toMatchObject({ communityHoursBefore: 44, communityHoursAfter: 44, shareAfter: 0.815, breaks: ['CP-1'] });
    expect(cost.gaps).toEqual([]);
  });

  it('absences: no loss on absent days, and the CP-2 target is pro-rated', () => {
    const doc = smallStation();
    doc.absences = [{ personId: 'P020', from: '2026-12-07', to: '2026-12-08', reason: 'leave' }];
    const cost = redeploymentCost(smallConfig(doc), pull('P020', '2026-12-08', '2026-12-09'));
    expect(cost.weeks[0]).toMatchObject({ dates: ['2026-12-08', '2026-12-09'], communityHoursLost: 8, communityHoursBefore: 28, communityHoursAfter: 20, weeklyTarget: 25.7 });
    expect(cost.weeks[0]!.breaks).toContain('CP-2');
  });

  it('a range over two ISO weeks is costed week by week', () => {
    const cost = redeploymentCost(station, pull('P020', '2026-12-11', '2026-12-14'));
    expect(cost.weeks.map((w) => [w.week, w.dates, w.communityHoursLost])).toEqual([
      ['2026-W50', ['2026-12-11', '2026-12-12', '2026-12-13'], 8],
      ['2026-W51', ['2026-12-14'], 8],
    ]);
    expect(cost.communityHoursLost).toBe(16);
  });

  it('a whole week pulled loses the flexible night too', () => {
    const cost = redeploymentCost(station, pull('P020', '2026-12-07', '2026-12-13'));
    expect(cost.weeks[0]).toMatchObject({ communityHoursLost: 44, communityHoursAfter: 0, shareAfter: 0 });
    expect(cost.weeks[0]!.breaks).toEqual(['CP-1', 'CP-2']);
  });

  it('days another approved request already takes are not lost twice', () => {
    const other = [{ id: 'rd_other', personId: 'P020', post: 'station-duty' as const, from: '2026-12-08', to: '2026-12-08' }];
    const cost = redeploymentCost(station, pull('P020', '2026-12-09'), other);
    expect(cost.weeks[0]).toMatchObject({ communityHoursLost: 8, communityHoursBefore: 36, communityHoursAfter: 28 });
    // The request itself (same id) is not "another" one.
    expect(redeploymentCost(station, pull('P020', '2026-12-08'), other, 'rd_other').weeks[0]!.communityHoursLost).toBe(8);
  });

  it('the post\'s shift hours come from the demand; without demand the pull is as long as the community day', () => {
    const noDemand = redeploymentCost(station, { ...pull('P020', '2026-12-08'), post: 'command-room' });
    expect(noDemand.weeks[0]!.shareAfter).toBeCloseTo(36 / 44, 3);
  });

  it('is computed when the request is made and is part of the document', () => {
    const body = RedeploymentRequestBody.parse(pull('P020', '2026-12-09'));
    const request = createRequest({ id: 'rd_cost', stationId: 'small', station, body, actor: { sub: 'P003', groups: ['deputy'], stationId: 'small' }, now: new Date('2026-11-22T02:00:00Z') });
    expect(Redeployment.parse(request).cost).toEqual(redeploymentCost(station, body));
    expect(request.cost.breaks).toEqual(['CP-1', 'AB-2']);
  });
});
