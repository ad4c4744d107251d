// Generalisation beyond the twelve public instances: instances scaled to other sizes (bench/scale-instance.ts) are
// parsed, solved within a short budget and feasible by the independent checker; with its source's own sizes the
// generator gives back an instance the engine scores exactly like the source.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scaleInstance } from '../../bench/scale-instance.ts';
import { parseCurtois } from '../../bench/curtois/format.ts';
import { solveNrp } from '../../shared/solver/nrp/engine.ts';
import { evaluate } from '../../shared/solver/nrp/evaluate.ts';
import { compile, toRoster } from '../../shared/solver/nrp/model.ts';
import { checkRoster, instancePath } from './helpers.ts';

const source = (name: string): string => readFileSync(instancePath(name), 'utf8');

describe('scaled Curtois instances', () => {
  it('reproduces a source instance at its own sizes', () => {
    const text = source('Instance3');
    const original = compile(parseCurtois(text, 'Instance3'));
    const again = compile(parseCurtois(scaleInstance(text, { days: original.D, staff: original.E, shifts: original.S, seed: 1 }, 'Instance3'), 'Instance3'));
    const roster = solveNrp(original, { seconds: 1, seed: 1 }).assignment;
    expect(again.E).toBe(original.E);
    expect(evaluate(again, roster).objective).toBe(evaluate(original, roster).objective);
  });

  for (const [name, days, staff, shifts] of [
    ['Instance7', 84, 22, 3],
    ['Instance10', 56, 30, 6],
  ] as const) {
    it(`solves ${name} scaled to ${days} days, ${staff} staff, ${shifts} shift types feasibly within the budget`, () => {
      const scaledName = `${name}x${days}`;
      const text = scaleInstance(source(name), { days, staff, shifts, seed: 3 }, scaledName);
      const m = compile(parseCurtois(text, scaledName));
      expect([m.D, m.E, m.S]).toEqual([days, staff, shifts]);
      const t0 = performance.now();
      const result = solveNrp(m, { seconds: 3, seed: 1 });
      expect((performance.now() - t0) / 1000).toBeLessThan(4);
      expect(result.hard).toBe(0);
      const checked = checkRoster(scaledName, toRoster(m, result.assignment), text);
      expect(checked.feasible).toBe(true);
      expect(checked.objective).toBe(result.objective);
    });
  }
});
