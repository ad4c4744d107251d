// The generic rostering rules of the catalogue (SEQ-1, SEQ-2, SEQ-3, WKD-1, TYPE-1, TIME-1, SUCC-1, REQ-1): for each,
// a row that keeps it and a row that breaks it, judged by the pure helpers of shared/rules/sequences.ts and by the
// NRP evaluator (which must name the same rule).
import { describe, expect, it } from 'vitest';
import { rule } from '../../shared/rules/catalogue.ts';
import {
  forbiddenSuccessions,
  offRunsUnderMin,
  runs,
  runsOverMax,
  totalMinutes,
  touchesHorizon,
  typesOverMax,
  weekends,
  workedFlags,
  workedWeekends,
  workRunsUnderMin,
} from '../../shared/rules/sequences.ts';
import { evaluate, type NrpHardRule } from '../../shared/solver/nrp/evaluate.ts';
import { compile, fromRoster, type NrpEmployee, type NrpInstance } from '../../shared/solver/nrp/model.ts';

const DAYS = 14; // Monday 0 … Sunday 13: weekends are days 5–6 and 12–13.
const base: NrpEmployee = {
  id: 'A',
  maxShifts: { E: 14, L: 3 },
  minMinutes: 4 * 480,
  maxMinutes: 9 * 480,
  maxConsecutive: 4,
  minConsecutive: 2,
  minConsecutiveOff: 2,
  maxWeekends: 1,
  daysOff: [],
};
function model(employee: Partial<NrpEmployee> = {}, extra: Partial<NrpInstance> = {}) {
  return compile({
    name: 'rules',
    days: DAYS,
    startWeekday: 0,
    shifts: [
      { id: 'E', minutes: 480, cannotFollow: [] },
      { id: 'L', minutes: 480, cannotFollow: ['E'] },
    ],
    employees: [{ ...base, ...employee }],
    onRequests: [],
    offRequests: [],
    cover: [],
    ...extra,
  });
}
/** Parse a compact row: `E`, `L` or `-` (day off) per day. */
const row = (s: string): string[] => [...s].map((c) => (c === '-' ? '' : c));
function breaks(rowText: string, employee: Partial<NrpEmployee> = {}): Record<NrpHardRule, number> {
  const m = model(employee);
  return evaluate(m, fromRoster(m, { A: row(rowText) })).hardByRule;
}

// Holds every rule of `base`: runs of 2–3, breaks of 2, one weekend (the first), 8 shifts, one L (not before an E).
const GOOD = 'EE--EEE--EEL--';

describe('catalogue entries for the generic rostering rules', () => {
  it('has every id with severity, sentence, source and weight', () => {
    for (const id of ['SEQ-1', 'SEQ-2', 'SEQ-3', 'WKD-1', 'TYPE-1', 'TIME-1', 'SUCC-1', 'REQ-1'] as const) {
      const entry = rule(id);
      expect(entry.id).toBe(id);
      expect(entry.sentence.length).toBeGreaterThan(20);
      expect(['generic', 'Curtois']).toContain(entry.source);
      expect(entry.severity).toBe(id === 'REQ-1' ? 'soft' : 'hard');
      expect(entry.weight).toBe(id === 'REQ-1' ? 1 : 0);
    }
  });

  it('the reference row keeps every hard rule', () => {
    expect(Object.values(breaks(GOOD)).every((n) => n === 0)).toBe(true);
  });
});

describe('SEQ-1 max consecutive working days', () => {
  it('holds for runs up to the maximum and breaks for a longer run', () => {
    expect(runsOverMax(workedFlags(row('EEEE--EE------')), 4)).toEqual([]);
    expect(runsOverMax(workedFlags(row('EEEEE--EE-----')), 4)).toEqual([{ value: true, start: 0, length: 5 }]);
    expect(breaks('--EEEE--EE----')['SEQ-1']).toBe(0);
    expect(breaks('--EEEEE--EE---')['SEQ-1']).toBe(1);
  });
});

describe('SEQ-2 min consecutive working days', () => {
  it('exempts runs touching the horizon and breaks for a short inner run', () => {
    const flags = workedFlags(row('E--EE--E--EE-E'));
    // The first (day 0) and last (day 13) single days touch the horizon; day 7 does not.
    expect(workRunsUnderMin(flags, 2)).toEqual([{ value: true, start: 7, length: 1 }]);
    expect(touchesHorizon({ value: true, start: 0, length: 1 }, DAYS)).toBe(true);
    expect(breaks('E--EE--EE--EEE')['SEQ-2']).toBe(0);
    expect(breaks('EE--E--EE--EEE')['SEQ-2']).toBe(1);
  });
});

describe('SEQ-3 min consecutive days off', () => {
  it('exempts breaks touching the horizon and breaks for a short inner break', () => {
    expect(offRunsUnderMin(workedFlags(row('-EE--EE-EE---E')), 2)).toEqual([{ value: false, start: 7, length: 1 }]);
    expect(runs(workedFlags(row('-EE'))).map((r) => r.length)).toEqual([1, 2]);
    expect(breaks('-EE--EE--EE--E')['SEQ-3']).toBe(0);
    expect(breaks('-EE--EE-EE----')['SEQ-3']).toBe(1);
  });
});

describe('WKD-1 max worked weekends', () => {
  it('counts a weekend when its Saturday or its Sunday is worked', () => {
    expect(weekends(DAYS, 0)).toEqual([
      [5, 6],
      [12, 13],
    ]);
    expect(weekends(8, 6)).toEqual([[0], [6, 7]]); // starts on a Sunday
    expect(workedWeekends(workedFlags(row('----EE--------')), 0)).toBe(1);
    expect(workedWeekends(workedFlags(row('-----EE----EE-')), 0)).toBe(2);
    expect(breaks('EE--EE----EE--')['WKD-1']).toBe(0);
    expect(breaks('----EEE----EEE')['WKD-1']).toBe(1);
  });
});

describe('TYPE-1 max shifts of a type', () => {
  it('breaks when a type is worked more often than its limit', () => {
    expect(typesOverMax(row('LL--LL--------'), { L: 3 })).toEqual([{ shift: 'L', count: 4, max: 3 }]);
    expect(typesOverMax(row('LL--EL--------'), new Map([['L', 3]]))).toEqual([]);
    expect(breaks('EE--LLL--EE---')['TYPE-1']).toBe(0);
    expect(breaks('EE--LL--LL----')['TYPE-1']).toBe(1);
  });
});

describe('TIME-1 working minutes', () => {
  it('breaks below the minimum and above the maximum', () => {
    expect(totalMinutes(row('EE--LL--------'), () => 480)).toBe(1920);
    expect(breaks('EE--EE--------')['TIME-1']).toBe(0);
    expect(breaks('EE------------')['TIME-1']).toBe(1);
    expect(breaks('EEEE-EEEE-EEEE', { maxWeekends: 2, maxConsecutive: 5, minConsecutiveOff: 1 })['TIME-1']).toBe(1);
  });
});

describe('SUCC-1 forbidden successions', () => {
  it('breaks when a shift follows one it may not follow', () => {
    const cannot = (a: string, b: string): boolean => a === 'L' && b === 'E';
    expect(forbiddenSuccessions(row('EL--EE--'), cannot)).toEqual([]);
    expect(forbiddenSuccessions(row('LE--EE--'), cannot)).toEqual([1]);
    expect(breaks('EL--EE--EE----')['SUCC-1']).toBe(0);
    expect(breaks('LE--EE--EE----')['SUCC-1']).toBe(1);
  });
});

describe('REQ-1 shift requests', () => {
  it('costs the weight of an unmet shift-on request and of a granted shift-off request', () => {
    const m = model(
      {},
      {
        onRequests: [{ employee: 'A', day: 0, shift: 'E', weight: 2 }],
        offRequests: [{ employee: 'A', day: 4, shift: 'E', weight: 3 }],
      },
    );
    const kept = evaluate(m, fromRoster(m, { A: row('EE--LL--EE----') }));
    expect(kept.breakdown['REQ-1']).toBe(0);
    const broken = evaluate(m, fromRoster(m, { A: row('-EE-EE--EE----') }));
    expect(broken.breakdown).toMatchObject({ 'REQ-1': 5, shiftOn: 2, shiftOff: 3 });
    expect(broken.objective).toBe(5);
  });
});
