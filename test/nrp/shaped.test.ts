// The generator of instances shaped like Curtois Instance13–24 (bench/curtois/shaped.ts): published sizes, the shapes
// assumed in bench/curtois/README.md, a planted roster that keeps every hard rule, and the engine feasible on a small
// shaped instance within a short budget.
import { describe, expect, it } from 'vitest';
import { generateShaped, SHAPED_SIZES } from '../../bench/curtois/shaped.ts';
import { parseCurtois } from '../../bench/curtois/format.ts';
import { solveNrp } from '../../shared/solver/nrp/engine.ts';
import { compile, toRoster } from '../../shared/solver/nrp/model.ts';
import { checkRoster } from './helpers.ts';

describe('instances shaped like Curtois 13–24', () => {
  it('have the published sizes of Instance13–24', () => {
    expect(SHAPED_SIZES.map((s) => [s.days, s.staff, s.types])).toEqual([
      [28, 120, 18], [42, 32, 4], [42, 45, 6], [56, 20, 3], [56, 32, 4], [84, 22, 3],
      [84, 40, 5], [182, 50, 6], [182, 100, 8], [364, 50, 10], [364, 100, 16], [364, 150, 32],
    ]);
  });

  it('are shaped as assumed: forbidden successions, restricted types, tight minutes, many weighted requests, cover 100/1', () => {
    const spec = SHAPED_SIZES.find((s) => s.name === 'Shaped24')!;
    const g = generateShaped(spec);
    const inst = parseCurtois(g.text, spec.name);
    expect([inst.days, inst.employees.length, inst.shifts.length]).toEqual([364, 150, 32]);
    expect(inst.shifts.some((s) => s.cannotFollow.length > 0)).toBe(true);
    // Every employee is restricted to a subset of the types (cap 0 on the others).
    for (const e of inst.employees) {
      const zero = Object.values(e.maxShifts).filter((n) => n === 0).length;
      expect(zero).toBeGreaterThan(0);
      expect(zero).toBeLessThan(32);
      expect(e.minMinutes).toBeLessThanOrEqual(e.maxMinutes);
      expect(e.maxConsecutive).toBeLessThanOrEqual(6);
    }
    // Tight bands: on average the minimum is within 10 % of the maximum.
    const band = inst.employees.reduce((a, e) => a + (e.maxMinutes - e.minMinutes) / e.maxMinutes, 0) / inst.employees.length;
    expect(band).toBeLessThan(0.1);
    const requests = [...inst.onRequests, ...inst.offRequests];
    expect(requests.length).toBeGreaterThan(2000);
    expect(new Set(requests.map((r) => r.weight))).toEqual(new Set([1, 2, 3]));
    expect(inst.cover.length).toBe(364 * 32);
    expect(inst.cover.every((c) => c.underWeight === 100 && c.overWeight === 1)).toBe(true);
    expect(inst.employees.some((e) => e.daysOff.length > 0)).toBe(true);
  });

  it('plant a roster that keeps every hard rule (so each instance is feasible)', () => {
    for (const spec of SHAPED_SIZES) {
      const g = generateShaped(spec);
      const score = checkRoster(spec.name, g.witness, g.text);
      expect(score.hardByRule, spec.name).toEqual({ 'SUCC-1': 0, 'TYPE-1': 0, 'TIME-1': 0, 'SEQ-1': 0, 'SEQ-2': 0, 'SEQ-3': 0, 'WKD-1': 0, 'ROT-4': 0 });
    }
  });

  it('the engine finds a feasible roster of a small shaped instance within a short budget', () => {
    const spec = { name: 'ShapedSmall', days: 56, staff: 12, types: 5, seed: 5 };
    const g = generateShaped(spec);
    const m = compile(parseCurtois(g.text, spec.name));
    const result = solveNrp(m, { seconds: 2, seed: 1, maxMoves: 300 });
    const checked = checkRoster(spec.name, toRoster(m, result.assignment), g.text);
    expect(checked.feasible).toBe(true);
    expect(checked.objective).toBe(result.objective);
  });
});
