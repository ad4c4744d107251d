// The Curtois adapter: the text format parsed into the generic model, checked against the instance files.
import { describe, expect, it } from 'vitest';
import { instanceName, parseCurtois } from '../../bench/curtois/format.ts';
import { compile, coverCost, UNLIMITED } from '../../shared/solver/nrp/model.ts';
import { loadInstance } from './helpers.ts';

describe('Curtois adapter', () => {
  it('parses Instance1: horizon, shift, staff limits, days off, requests and cover', () => {
    const inst = loadInstance('Instance1');
    expect(inst.name).toBe('Instance1');
    expect(inst.days).toBe(14);
    expect(inst.startWeekday).toBe(0);
    expect(inst.shifts).toEqual([{ id: 'D', minutes: 480, cannotFollow: [] }]);
    expect(inst.employees.map((e) => e.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(inst.employees[0]).toEqual({
      id: 'A',
      maxShifts: { D: 14 },
      maxMinutes: 4320,
      minMinutes: 3360,
      maxConsecutive: 5,
      minConsecutive: 2,
      minConsecutiveOff: 2,
      maxWeekends: 1,
      daysOff: [0],
    });
    expect(inst.employees.map((e) => e.daysOff)).toEqual([[0], [5], [8], [2], [9], [5], [1], [7]]);
    expect(inst.onRequests).toHaveLength(21);
    expect(inst.onRequests[0]).toEqual({ employee: 'A', day: 2, shift: 'D', weight: 2 });
    expect(inst.offRequests).toHaveLength(5);
    expect(inst.offRequests[2]).toEqual({ employee: 'F', day: 8, shift: 'D', weight: 3 });
    expect(inst.cover).toHaveLength(14);
    expect(inst.cover.map((c) => c.required)).toEqual([5, 7, 6, 4, 5, 5, 5, 6, 7, 4, 2, 5, 6, 4]);
    expect(inst.cover.every((c) => c.shift === 'D' && c.underWeight === 100 && c.overWeight === 1)).toBe(true);
  });

  it('compiles Instance1: request penalties per cell and cover costs', () => {
    const m = compile(loadInstance('Instance1'));
    expect([m.E, m.D, m.S, m.V]).toEqual([8, 14, 1, 2]);
    expect(m.weekends).toBe(2);
    expect(Array.from(m.weekendOf)).toEqual([-1, -1, -1, -1, -1, 0, 0, -1, -1, -1, -1, -1, 1, 1]);
    // A's shift-on request for day 2 (weight 2): a day off costs 2, the shift costs nothing.
    expect([m.pref[(0 * m.D + 2) * m.V + 0], m.pref[(0 * m.D + 2) * m.V + 1]]).toEqual([2, 0]);
    // F's shift-off request for day 8 (weight 3).
    expect([m.pref[(5 * m.D + 8) * m.V + 0], m.pref[(5 * m.D + 8) * m.V + 1]]).toEqual([0, 3]);
    // A's day off 0 allows no shift.
    expect(m.allowed[(0 * m.D + 0) * m.V + 1]).toBe(0);
    // Day 0 needs 5: 3 staffed costs 2 × 100, 7 staffed costs 2 × 1.
    expect(coverCost(m, 0, 3)).toBe(200);
    expect(coverCost(m, 0, 7)).toBe(2);
    expect(coverCost(m, 0, 5)).toBe(0);
  });

  it('parses Instance12: ten shift types with successions, sixty staff with per-type limits, 280 cover entries', () => {
    const inst = loadInstance('Instance12');
    expect(inst.days).toBe(28);
    expect(inst.shifts.map((s) => s.id)).toEqual(['a1', 'a2', 'a3', 'd1', 'd2', 'd3', 'p1', 'p2', 'p3', 'n1']);
    expect(inst.shifts.find((s) => s.id === 'n1')).toEqual({ id: 'n1', minutes: 480, cannotFollow: ['a1', 'a2', 'a3', 'd1', 'd2', 'd3', 'p1', 'p2', 'p3'] });
    expect(inst.employees).toHaveLength(60);
    expect(inst.employees[0]).toMatchObject({
      id: 'A',
      maxShifts: { a1: 28, a2: 28, a3: 28, d1: 28, d2: 28, d3: 0, p1: 0, p2: 28, p3: 28, n1: 0 },
      maxMinutes: 8640,
      minMinutes: 7560,
      maxConsecutive: 5,
      minConsecutive: 2,
      minConsecutiveOff: 2,
      maxWeekends: 2,
    });
    expect(inst.employees[4]!.maxShifts.n1).toBe(4);
    expect(inst.cover).toHaveLength(280);
    expect(new Set(inst.cover.map((c) => `${c.day}/${c.shift}`)).size).toBe(280);

    const m = compile(inst);
    expect([m.E, m.D, m.S]).toEqual([60, 28, 10]);
    expect(m.weekends).toBe(4);
    const idx = (id: string): number => m.shiftIds.indexOf(id) + 1;
    expect(m.forbidNext[idx('n1') * m.V + idx('a1')]).toBe(1);
    expect(m.forbidNext[idx('a1') * m.V + idx('n1')]).toBe(0);
    // A may never work d3, p1 or n1: no cell allows them.
    for (let d = 0; d < m.D; d++) for (const s of ['d3', 'p1', 'n1']) expect(m.allowed[(0 * m.D + d) * m.V + idx(s)]).toBe(0);
    expect(m.maxShifts[0 * m.S + idx('a1') - 1]).toBe(28);
    expect(UNLIMITED).toBeGreaterThan(1000);
  });

  it('names instances by file and rejects unknown references', () => {
    expect(instanceName('/x/y/Instance7.txt')).toBe('Instance7');
    const bad = 'SECTION_HORIZON\n7\nSECTION_SHIFTS\nD,480,\nSECTION_STAFF\nA,D=7,4000,0,5,1,1,2\nSECTION_COVER\n0,X,1,100,1\n';
    expect(() => compile(parseCurtois(bad, 'bad'))).toThrow(/unknown shift X/);
  });
});
