// SEQ-1, SEQ-3, WKD-1, TYPE-1 as a station uses them: optional limits that bind off-pattern work (call-ins,
// redeployments); the pattern's own sequence is never a break. Engine and checks share `limitBreaks`.
import { describe, expect, it } from 'vitest';
import { limitBreaks, scaledLimit, type LimitRow } from '../../shared/rules/station-limits.ts';
import { StationConfig } from '../../shared/domain/station.ts';
import { planRoster } from '../../shared/solver/index.ts';
import { checkPlan } from '../../shared/rules/checks.ts';
import { builtinCalendar } from '../../shared/calendar/builtin.ts';

const MONDAY = 0;
function row(pattern: string, shifts?: string): LimitRow {
  // W = worked on pattern, C = call-in, R = redeployed on a working day, . = off
  const days = [...pattern];
  return {
    worked: days.map((c) => c !== '.'),
    shift: days.map((c, i) => (c === '.' ? null : shifts?.[i] ?? 'D')),
    callIn: days.map((c) => c === 'C'),
    redeployed: days.map((c) => c === 'R'),
  };
}

describe('SEQ-1 max consecutive working days (off-pattern work)', () => {
  it('holds for a long run of pattern work, and for a call-in that keeps runs short', () => {
    expect(limitBreaks(row('WWWWWWW..WWC..'), { maxConsecutiveWorkingDays: 5 }, MONDAY).filter((b) => b.rule === 'SEQ-1')).toEqual([]);
  });
  it('breaks when a call-in joins two runs into one longer than the limit', () => {
    const found = limitBreaks(row('..WWWCWW......'), { maxConsecutiveWorkingDays: 5 }, MONDAY);
    expect(found).toEqual([expect.objectContaining({ rule: 'SEQ-1', days: [2, 3, 4, 5, 6, 7] })]);
  });
});

describe('SEQ-3 min consecutive days off', () => {
  it('holds when the days off around a call-in stay long enough, and ignores runs touching the horizon', () => {
    expect(limitBreaks(row('.C..WWW...WW'), { minConsecutiveDaysOff: 2 }, MONDAY)).toEqual([]);
  });
  it('breaks when a call-in cuts a break short', () => {
    const found = limitBreaks(row('WW.C..WW'), { minConsecutiveDaysOff: 2 }, MONDAY);
    expect(found).toEqual([expect.objectContaining({ rule: 'SEQ-3', days: [2] })]);
  });
});

describe('WKD-1 max worked weekends (per four weeks)', () => {
  const fourWeeks = (weekendDays: string) => {
    // 28 days from a Monday; weekendDays gives the 8 weekend days in order (Sat, Sun, Sat, Sun, ...)
    const chars = Array.from({ length: 28 }, () => '.');
    [5, 6, 12, 13, 19, 20, 26, 27].forEach((d, i) => {
      chars[d] = weekendDays[i]!;
    });
    return row(chars.join(''));
  };
  it('holds when the extra weekend comes from the pattern, or the count is within the limit', () => {
    expect(limitBreaks(fourWeeks('WW.WW.W.'), { maxWorkedWeekends: 2 }, MONDAY)).toEqual([]);
    expect(limitBreaks(fourWeeks('C.......'), { maxWorkedWeekends: 2 }, MONDAY)).toEqual([]);
  });
  it('breaks when a call-in works a weekend beyond the limit', () => {
    const found = limitBreaks(fourWeeks('W.W...C.'), { maxWorkedWeekends: 2 }, MONDAY);
    expect(found).toEqual([expect.objectContaining({ rule: 'WKD-1', days: [26] })]);
  });
  it('scales with the plan length', () => {
    expect(scaledLimit(2, 28)).toBe(2);
    expect(scaledLimit(2, 14)).toBe(1);
    expect(scaledLimit(2, 56)).toBe(4);
  });
});

describe('TYPE-1 max shifts of a type (per four weeks)', () => {
  it('holds for pattern nights beyond the limit and for off-pattern nights within it', () => {
    expect(limitBreaks(row('WWWW', 'NNNN'), { maxShiftsOfType: { N: 0 } }, MONDAY)).toEqual([]);
    expect(limitBreaks(row('WC..', 'NN..'), { maxShiftsOfType: { N: 8 } }, MONDAY)).toEqual([]);
  });
  it('breaks when off-pattern work adds a shift of a type over the limit', () => {
    const found = limitBreaks(row('WWRW', 'NDNN'), { maxShiftsOfType: { N: 0 } }, MONDAY);
    expect(found).toEqual([expect.objectContaining({ rule: 'TYPE-1', days: [2] })]);
  });
});

describe('the engine keeps the limits (a shortfall rather than a break)', () => {
  const base = {
    name: 'Limits', timezone: 'Asia/Shanghai',
    shiftTypes: [
      { code: 'D', name: 'day', start: '08:00', hours: 8 },
      { code: 'O', name: 'off', hours: 0 },
    ],
    pattern: { cycle: ['D', 'D', 'D', 'O', 'O'], anchorDate: '2027-01-04' },
    groups: [{ id: 'G1', offset: 0 }, { id: 'G2', offset: 3 }],
    people: [
      { id: 'A1', name: 'A One', kind: 'officer', rank: 'officer', group: 'G1', skills: ['driver'], joined: '2015-01-01' },
      { id: 'B1', name: 'B One', kind: 'officer', rank: 'officer', group: 'G2', skills: ['driver'], joined: '2015-01-01' },
    ],
    demand: [{ post: 'patrol-01', shift: 'D', people: 2, skills: ['driver'] }],
  };
  it('without a limit, people are called in to cover; with maxConsecutiveWorkingDays 3 the call-ins that would make a 4-day run are refused', () => {
    const free = StationConfig.parse(base);
    const limited = StationConfig.parse({ ...base, rules: { maxConsecutiveWorkingDays: 3 } });
    const a = planRoster({ station: free, start: '2027-01-04', days: 10, seed: 1, seconds: 1 });
    const b = planRoster({ station: limited, start: '2027-01-04', days: 10, seed: 1, seconds: 1 });
    expect(a.kpis.callIns).toBeGreaterThan(0);
    expect(b.kpis.callIns).toBeLessThan(a.kpis.callIns);
    expect(b.shortfalls.length).toBeGreaterThan(a.shortfalls.length);
    const ctx = { station: limited, start: '2027-01-04', days: 10, approved: [], calendar: builtinCalendar() };
    expect(checkPlan(ctx, b).filter((v) => v.rule === 'SEQ-1')).toEqual([]);
    // The same call-ins under the limit would have been a break: the check sees them in the unlimited plan.
    expect(checkPlan(ctx, a).filter((v) => v.rule === 'SEQ-1').length).toBeGreaterThan(0);
  });
});
