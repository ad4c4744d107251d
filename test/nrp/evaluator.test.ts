// Our evaluator against the independent Curtois checker (evaluate.mjs, run in its own node process): the objective,
// its split and the number of hard breaks agree on random rosters (mostly infeasible) and on engine rosters.
import { describe, expect, it } from 'vitest';
import { solveNrp } from '../../shared/solver/nrp/engine.ts';
import { evaluate, ScoreState } from '../../shared/solver/nrp/evaluate.ts';
import { toRoster, type NrpModel } from '../../shared/solver/nrp/model.ts';
import { checkWithEvaluator, loadModel, seeded } from './helpers.ts';

/** A random roster: each cell a day off with probability `pOff`, otherwise any shift (days off included). */
function randomAssignment(m: NrpModel, random: () => number, pOff: number): Uint8Array {
  const a = new Uint8Array(m.E * m.D);
  for (let i = 0; i < a.length; i++) a[i] = random() < pOff ? 0 : 1 + Math.floor(random() * m.S);
  return a;
}

const INSTANCES = ['Instance1', 'Instance4', 'Instance7', 'Instance11'];

describe('evaluator agrees with evaluate.mjs', () => {
  for (const name of INSTANCES) {
    it(`${name}: random rosters`, () => {
      const m = loadModel(name);
      const random = seeded(name.length * 31 + m.E);
      for (const pOff of [0.2, 0.45, 0.7]) {
        const a = randomAssignment(m, random, pOff);
        const ours = evaluate(m, a);
        const theirs = checkWithEvaluator(name, toRoster(m, a));
        expect(ours.hard).toBe(theirs.hard);
        expect(ours.feasible).toBe(theirs.feasible);
        expect(ours.objective).toBe(theirs.objective);
        expect(ours.breakdown.COVER).toBe(theirs.breakdown.cover);
        expect(ours.breakdown.shiftOn).toBe(theirs.breakdown.shiftOn);
        expect(ours.breakdown.shiftOff).toBe(theirs.breakdown.shiftOff);
        expect(ours.hard).toBeGreaterThan(0);
      }
    });
  }

  for (const name of ['Instance1', 'Instance3', 'Instance5']) {
    it(`${name}: an engine roster`, () => {
      const m = loadModel(name);
      const result = solveNrp(m, { seconds: 1.5, seed: 3 });
      const theirs = checkWithEvaluator(name, toRoster(m, result.assignment));
      expect(theirs.feasible).toBe(true);
      expect(result.hard).toBe(0);
      expect(result.objective).toBe(theirs.objective);
    });
  }

  it('incremental scoring follows single-cell changes exactly', () => {
    const m = loadModel('Instance7');
    const random = seeded(7);
    const st = new ScoreState(m, randomAssignment(m, random, 0.4));
    for (let i = 0; i < 2000; i++) {
      const e = Math.floor(random() * m.E);
      const d = Math.floor(random() * m.D);
      const v = Math.floor(random() * m.V);
      const before = st.objective();
      const predicted = st.deltaSet(e, d, v);
      expect(st.set(e, d, v)).toBeCloseTo(predicted, 9);
      expect(st.objective()).toBeCloseTo(before + predicted, 9);
      if (i % 250 === 0) {
        const full = evaluate(m, st.a);
        expect(st.objective()).toBeCloseTo(full.objective, 9);
        expect(st.hard()).toBe(full.hard);
      }
    }
  });
});
