// The station engine against its exact peer: on small generated stations where HiGHS proves the optimum of the same
// objective (bench/highs-station.ts), the engine's plan reaches it and its bound never passes it.
import { describe, expect, it } from 'vitest';
import { generateStation, type GeneratedPattern } from '../../bench/generate-station.ts';
import { solveStationWithHighs } from '../../bench/highs-station.ts';
import { StationConfig } from '../../shared/domain/station.ts';
import { planRoster } from '../../shared/solver/index.ts';
import { buildModel } from '../../shared/solver/model.ts';

const START = '2027-01-04';

describe('station engine vs HiGHS', () => {
  for (const [pattern, people, days, seed] of [
    ['three-groups-two-running', 30, 14, 1],
    ['four-teams-three-shifts', 30, 14, 1],
    ['three-groups-two-running', 24, 21, 6],
  ] as [GeneratedPattern, number, number, number][])
    it(`${pattern}, ${people} people × ${days} days (seed ${seed}): the engine's plan is HiGHS's proven optimum`, async () => {
      const station = StationConfig.parse(generateStation({ people, seed, pattern }));
      const exact = await solveStationWithHighs(buildModel(station, START, days, [], []), 60);
      expect(exact.optimal).toBe(true);
      expect(exact.objective).toBeGreaterThan(0); // a station with something to optimise
      const plan = planRoster({ station, start: START, days, seed: 1, seconds: 20 });
      expect(plan.score.total).toBe(Math.round(exact.objective));
      expect(plan.bound!).toBeLessThanOrEqual(Math.round(exact.objective));
    }, 180_000);
});
