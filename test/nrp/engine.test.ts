// The NRP engine: feasible rosters on the first Curtois instances within 2 s, exact rows from the dynamic programme
// (against brute force), a valid lower bound, determinism for a seed.
import { describe, expect, it } from 'vitest';
import { RowDP } from '../../shared/solver/nrp/dp.ts';
import { solveNrp } from '../../shared/solver/nrp/engine.ts';
import { evaluate, rowBreaks } from '../../shared/solver/nrp/evaluate.ts';
import { compile, toRoster, type NrpInstance } from '../../shared/solver/nrp/model.ts';
import { checkRoster, loadModel, seeded } from './helpers.ts';

const BEST_KNOWN: Record<string, number> = { Instance1: 607, Instance2: 828, Instance3: 1001 };

describe('NRP engine', () => {
  for (const name of ['Instance1', 'Instance2', 'Instance3']) {
    it(`finds a feasible roster for ${name} within 2 s`, () => {
      const m = loadModel(name);
      const t0 = performance.now();
      const result = solveNrp(m, { seconds: 2, seed: 1 });
      const seconds = (performance.now() - t0) / 1000;
      expect(seconds).toBeLessThan(2.5);
      expect(result.hard).toBe(0);
      const checked = checkRoster(name, toRoster(m, result.assignment));
      expect(checked.feasible).toBe(true);
      expect(checked.objective).toBe(result.objective);
      // The bound is a bound, and the time to best is within the run.
      expect(result.lowerBound).toBeLessThanOrEqual(BEST_KNOWN[name]! + 1e-6);
      expect(result.objective).toBeGreaterThanOrEqual(BEST_KNOWN[name]!);
      expect(result.timeToBest).toBeLessThanOrEqual(result.seconds);
      expect(result.history.at(-1)!.objective).toBe(result.objective);
    });
  }

  it('re-optimises windows of every employee on a large master (Instance12): feasible, and better than the construction', () => {
    const m = loadModel('Instance12');
    // Search only, a few moves: on this instance the first moves are window moves (they keep most of the work).
    const result = solveNrp(m, { seconds: 60, seed: 1, columnShare: 0, maxMoves: 3 });
    expect(result.hard).toBe(0);
    const checked = checkRoster('Instance12', toRoster(m, result.assignment));
    expect(checked.feasible).toBe(true);
    expect(checked.objective).toBe(result.objective);
    expect(result.objective).toBeLessThan(result.history[0]!.objective);
  });

  it('is deterministic for a seed when stopped by a move count', () => {
    const m = loadModel('Instance4');
    const run = () => solveNrp(m, { seconds: 60, seed: 5, columnShare: 0, maxMoves: 300 });
    const a = run();
    const b = run();
    expect(Array.from(a.assignment)).toEqual(Array.from(b.assignment));
    expect(a.objective).toBe(b.objective);
    const c = solveNrp(m, { seconds: 60, seed: 6, columnShare: 0, maxMoves: 300 });
    expect(evaluate(m, c.assignment).hard).toBe(0);
  });

  it('honours the time budget', () => {
    const m = loadModel('Instance9');
    const t0 = performance.now();
    const result = solveNrp(m, { seconds: 1.5, seed: 2 });
    expect((performance.now() - t0) / 1000).toBeLessThan(2.5);
    expect(result.hard).toBe(0);
  });
});

describe('RowDP is exact', () => {
  it('matches brute force on random small rows, windows and limits', () => {
    const random = seeded(12345);
    const ri = (a: number, b: number): number => a + Math.floor(random() * (b - a + 1));
    let checked = 0;
    for (let trial = 0; trial < 400; trial++) {
      const D = ri(3, 9);
      const S = ri(1, 3);
      const shifts = Array.from({ length: S }, (_, i) => ({ id: `S${i}`, minutes: [480, 600, 720][ri(0, 2)]!, cannotFollow: [] as string[] }));
      for (const s of shifts) for (const t of shifts) if (random() < 0.2) s.cannotFollow.push(t.id);
      const employee = {
        id: 'A',
        maxShifts: Object.fromEntries(shifts.map((s) => [s.id, random() < 0.6 ? ri(0, 5) : 99])),
        minMinutes: ri(0, 4) * 480,
        maxMinutes: ri(3, 9) * 480,
        maxConsecutive: ri(1, 6),
        minConsecutive: ri(1, 3),
        minConsecutiveOff: ri(1, 3),
        maxWeekends: ri(0, 3),
        daysOff: random() < 0.5 ? [ri(0, D - 1)] : [],
      };
      const inst: NrpInstance = { name: 't', days: D, startWeekday: ri(0, 6), shifts, employees: [employee], onRequests: [], offRequests: [], cover: [] };
      const m = compile(inst);
      const V = S + 1;
      // A feasible row to start from (the DP keeps the days outside the window).
      const row = new Uint8Array(D);
      let found = false;
      for (let tries = 0; tries < 2000 && !found; tries++) {
        for (let d = 0; d < D; d++) row[d] = ri(0, S);
        found = rowBreaks(m, 0, row, 0) === 0;
      }
      if (!found) continue;
      const a0 = ri(0, D - 1);
      const b0 = ri(a0 + 1, D);
      const L = b0 - a0;
      const cost = new Float64Array(L * V);
      for (let t = 0; t < L; t++) for (let v = 0; v < V; v++) cost[t * V + v] = m.allowed[(a0 + t) * V + v] ? ri(-10, 20) : Infinity;
      const out = new Uint8Array(L);
      const got = new RowDP(m).solve(0, row, 0, a0, b0, cost, out);
      let best = Infinity;
      const cur = Uint8Array.from(row);
      for (let x = 0; x < V ** L; x++) {
        let y = x;
        let c = 0;
        for (let t = 0; t < L; t++) {
          const v = y % V;
          y = (y - v) / V;
          cur[a0 + t] = v;
          c += cost[t * V + v]!;
        }
        if (c < best && rowBreaks(m, 0, cur, 0) === 0) best = c;
      }
      expect(got).toBe(best);
      const chk = Uint8Array.from(row);
      chk.set(out, a0);
      expect(rowBreaks(m, 0, chk, 0)).toBe(0);
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });
});
