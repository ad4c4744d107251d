// Our evaluator against the benchmark's published checker: on rosters whose verdicts that checker gave (a recorded
// fixture), the objective, its split and the number of hard breaks agree; engine rosters score as the engine says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { solveNrp } from '../../shared/solver/nrp/engine.ts';
import { evaluate, ScoreState } from '../../shared/solver/nrp/evaluate.ts';
import { fromRoster, toRoster, type NrpModel, type Roster } from '../../shared/solver/nrp/model.ts';
import { checkRoster, loadModel, seeded } from './helpers.ts';

/** A random roster: each cell a day off with probability `pOff`, otherwise any shift (days off included). */
function randomAssignment(m: NrpModel, random: () => number, pOff: number): Uint8Array {
  const a = new Uint8Array(m.E * m.D);
  for (let i = 0; i < a.length; i++) a[i] = random() < pOff ? 0 : 1 + Math.floor(random() * m.S);
  return a;
}

type Golden = { instance: string; roster: Roster; feasible: boolean; hard: number; objective: number; breakdown: { shiftOn: number; shiftOff: number; cover: number } };
/** What the benchmark's published checker said of these rosters (recorded by bench/curtois/record-checker.ts). */
const GOLDEN = JSON.parse(readFileSync(new URL('./fixtures/checker-golden.json', import.meta.url), 'utf8')) as Golden[];

describe('evaluator agrees with the published checker', () => {
  it('covers feasible and infeasible rosters of four instances', () => {
    expect(new Set(GOLDEN.map((g) => g.instance)).size).toBe(4);
    expect(GOLDEN.some((g) => g.feasible)).toBe(true);
    expect(GOLDEN.some((g) => !g.feasible)).toBe(true);
  });

  for (const [i, g] of GOLDEN.entries()) {
    it(`${g.instance} roster ${i}: hard breaks, objective and its split`, () => {
      const m = loadModel(g.instance);
      const ours = evaluate(m, fromRoster(m, g.roster));
      expect(ours.hard).toBe(g.hard);
      expect(ours.feasible).toBe(g.feasible);
      expect(ours.objective).toBe(g.objective);
      expect(ours.breakdown.COVER).toBe(g.breakdown.cover);
      expect(ours.breakdown.shiftOn).toBe(g.breakdown.shiftOn);
      expect(ours.breakdown.shiftOff).toBe(g.breakdown.shiftOff);
    });
  }

  for (const name of ['Instance1', 'Instance3', 'Instance5']) {
    it(`${name}: an engine roster`, () => {
      const m = loadModel(name);
      const result = solveNrp(m, { seconds: 1.5, seed: 3 });
      const scored = checkRoster(name, toRoster(m, result.assignment));
      expect(scored.feasible).toBe(true);
      expect(result.hard).toBe(0);
      expect(result.objective).toBe(scored.objective);
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
