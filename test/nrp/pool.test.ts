// The dive's completion from the column pools: the objective it reports is the true one of its choice, it never
// ends worse than its start, and on small blocks it finds the best choice (checked by enumeration).
import { describe, expect, it } from 'vitest';
import { choosePoolColumns, type PoolColumn } from '../../shared/solver/nrp/pool.ts';
import { compile, coverCost, type NrpInstance } from '../../shared/solver/nrp/model.ts';
import { seeded } from './helpers.ts';

function instance(days: number, employees: number, random: () => number): NrpInstance {
  const ids = Array.from({ length: employees }, (_, i) => `E${i}`);
  return {
    name: 'pool',
    days,
    startWeekday: 0,
    shifts: [
      { id: 'D', minutes: 480, cannotFollow: [] },
      { id: 'N', minutes: 480, cannotFollow: [] },
    ],
    employees: ids.map((id) => ({ id, maxShifts: { D: days, N: days }, minMinutes: 0, maxMinutes: days * 480, maxConsecutive: days, minConsecutive: 1, minConsecutiveOff: 1, maxWeekends: 9, daysOff: [] })),
    onRequests: [],
    offRequests: [],
    cover: Array.from({ length: days }, (_, day) => [
      { day, shift: 'D', required: 1 + Math.floor(random() * 2), underWeight: 100, overWeight: 1 },
      { day, shift: 'N', required: Math.floor(random() * 2), underWeight: 100, overWeight: 1 },
    ]).flat(),
  };
}

describe('choosePoolColumns (restricted master completion of a dive)', () => {
  it('reports the true objective, never worsens its start and finds the enumerated optimum on small blocks', () => {
    const random = seeded(77);
    for (let trial = 0; trial < 25; trial++) {
      const days = 4;
      const K = 3;
      const m = compile(instance(days, K, random));
      const pools: PoolColumn[][] = Array.from({ length: K }, () =>
        Array.from({ length: 2 + Math.floor(random() * 4) }, () => ({
          values: Uint8Array.from({ length: days }, () => Math.floor(random() * 3)),
          pref: Math.floor(random() * 20),
        })),
      );
      const outside = new Int32Array(days * m.S);
      const objectiveOf = (choice: ArrayLike<number>): number => {
        const cnt = Int32Array.from(outside);
        let z = 0;
        pools.forEach((cols, p) => {
          const col = cols[choice[p]!]!;
          z += col.pref;
          col.values.forEach((v, t) => {
            if (v > 0) cnt[t * m.S + v - 1]!++;
          });
        });
        for (let c = 0; c < cnt.length; c++) z += coverCost(m, c, cnt[c]!);
        return z;
      };
      let best = Infinity;
      const sizes = pools.map((p) => p.length);
      for (let x = 0; x < sizes.reduce((a, b) => a * b, 1); x++) {
        let y = x;
        const choice = sizes.map((n) => {
          const j = y % n;
          y = Math.floor(y / n);
          return j;
        });
        best = Math.min(best, objectiveOf(choice));
      }
      const start = new Int32Array(K);
      const result = choosePoolColumns({ m, a0: 0, pools, outside, free: [0, 1, 2] }, start, performance.now() + 30, seeded(trial));
      expect(result.objective).toBe(objectiveOf(result.choice));
      expect(result.objective).toBeLessThanOrEqual(objectiveOf(start));
      expect(result.objective).toBe(best);
    }
  });

  it('keeps the positions that are not free', () => {
    const m = compile(instance(3, 2, seeded(3)));
    const pools: PoolColumn[][] = [
      [{ values: Uint8Array.of(0, 0, 0), pref: 50 }, { values: Uint8Array.of(1, 1, 1), pref: 0 }],
      [{ values: Uint8Array.of(0, 0, 0), pref: 0 }, { values: Uint8Array.of(1, 1, 1), pref: 0 }],
    ];
    const result = choosePoolColumns({ m, a0: 0, pools, outside: new Int32Array(3 * m.S), free: [1] }, Int32Array.of(0, 0), performance.now() + 20, seeded(1));
    expect(result.choice[0]).toBe(0);
    expect(result.choice[1]).toBe(1);
  });
});
