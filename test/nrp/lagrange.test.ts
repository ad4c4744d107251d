// The priced whole-row programme (shared/solver/nrp/lagrange.ts): whatever row it returns keeps every hard rule of
// the employee (checked by the evaluator's row check), and on rows with room it finds one.
import { describe, expect, it } from 'vitest';
import { generateShaped } from '../../bench/curtois/shaped.ts';
import { parseCurtois } from '../../bench/curtois/format.ts';
import { rowBreaks } from '../../shared/solver/nrp/evaluate.ts';
import { LagrangeRow } from '../../shared/solver/nrp/lagrange.ts';
import { compile } from '../../shared/solver/nrp/model.ts';
import { loadModel, seeded } from './helpers.ts';

describe('LagrangeRow', () => {
  it('returns only rows that keep every hard rule, under random costs, and finds most rows of a year-long instance', () => {
    const g = generateShaped({ name: 'Year', days: 364, staff: 30, types: 10, seed: 3 });
    const m = compile(parseCurtois(g.text, 'Year'));
    const lr = new LagrangeRow(m);
    const random = seeded(7);
    const cost = new Float64Array(m.D * m.V);
    const out = new Uint8Array(m.D);
    let found = 0;
    for (let e = 0; e < m.E; e++) {
      for (let d = 0; d < m.D; d++)
        for (let v = 0; v < m.V; v++) {
          const i = (e * m.D + d) * m.V + v;
          cost[d * m.V + v] = m.allowed[i] ? m.pref[i]! + (v > 0 ? 60 * random() - 30 : 0) : Infinity;
        }
      const r = lr.solve(e, cost, out);
      if (!Number.isFinite(r)) continue;
      found++;
      expect(rowBreaks(m, e, out, 0)).toBe(0);
      let c = 0;
      for (let d = 0; d < m.D; d++) c += cost[d * m.V + out[d]!]!;
      expect(c).toBeCloseTo(r, 6);
    }
    expect(found).toBeGreaterThan(m.E / 2);
  });

  it('finds a feasible row for every employee of a public instance', () => {
    const m = loadModel('Instance5');
    const lr = new LagrangeRow(m);
    const out = new Uint8Array(m.D);
    const cost = new Float64Array(m.D * m.V);
    for (let e = 0; e < m.E; e++) {
      for (let d = 0; d < m.D; d++) for (let v = 0; v < m.V; v++) cost[d * m.V + v] = m.allowed[(e * m.D + d) * m.V + v] ? m.pref[(e * m.D + d) * m.V + v]! : Infinity;
      if (Number.isFinite(lr.solve(e, cost, out))) expect(rowBreaks(m, e, out, 0)).toBe(0);
    }
  });
});
