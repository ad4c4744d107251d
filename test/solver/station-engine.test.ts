// The column-generation station engine's own pieces: the terms (incremental = full recompute under random moves), the
// pricing (a column's cost is what the cell state says; no REST-1-keeping column is cheaper under the same prices)
// and the bound (never above the plan's score; the gap the plan reports is the one its score and bound give).
import { describe, expect, it } from 'vitest';
import { generateStation, type GeneratedPattern } from '../../bench/generate-station.ts';
import { builtinCalendar } from '../../shared/calendar/builtin.ts';
import { StationConfig } from '../../shared/domain/station.ts';
import { random } from '../../shared/random.ts';
import { planRoster } from '../../shared/solver/index.ts';
import { buildModel, type Model } from '../../shared/solver/model.ts';
import { Pricer, type Prices } from '../../shared/solver/station/pricing.ts';
import { RosterState } from '../../shared/solver/station/state.ts';

const START = '2027-01-04';
const patterns: GeneratedPattern[] = ['three-groups-two-running', 'four-teams-three-shifts'];

function modelOf(pattern: GeneratedPattern, people: number, days: number, seed: number, startOffset = 0): Model {
  const station = StationConfig.parse(generateStation({ people, seed, pattern }));
  const start = new Date(Date.parse(`${START}T00:00:00Z`) + startOffset * 86_400_000).toISOString().slice(0, 10);
  return buildModel(station, start, days, [], [], builtinCalendar(station.calendar));
}

/** A state with random options on random cells (REST-1 is not the point here: scoring is). */
function scrambled(model: Model, rand: () => number): RosterState {
  const state = new RosterState(model);
  for (let cell = 0; cell < state.choice.length; cell++) if (rand() < 0.3) state.set(cell, Math.floor(rand() * model.domains[cell]!.length));
  return state;
}

describe('station terms: the incremental score of a move equals a full recompute', () => {
  for (const pattern of patterns)
    it(`random one- and two-cell moves on a ${pattern} station with a partial week`, () => {
      const model = modelOf(pattern, 40, 17, 5, 3);
      const rand = random(11);
      const state = scrambled(model, rand);
      let total = state.total();
      let checked = 0;
      for (let move = 0; move < 400; move++) {
        const cells = [Math.floor(rand() * state.choice.length)];
        if (rand() < 0.5) cells.push(Math.floor(rand() * state.choice.length));
        const ks = cells.map((cell) => Math.floor(rand() * model.domains[cell]!.length));
        const rows = cells.flatMap((cell, i) => [state.option(cell).row, model.domains[cell]![ks[i]!]!.row]);
        const before = state.touchedCost(cells, rows);
        cells.forEach((cell, i) => {
          state.set(cell, ks[i]!);
        });
        const delta = state.touchedCost(cells, rows) - before;
        const full = state.total();
        expect(delta).toBe(full - total);
        if (delta !== 0) checked++;
        total = full;
      }
      expect(checked).toBeGreaterThan(50); // the moves really changed the score
    });
});

function randomPrices(model: Model, rand: () => number, scale: number): Prices {
  return {
    row: Float64Array.from(model.rows, () => (rand() < 0.5 ? 0 : rand() * scale)),
    ab: Float64Array.from({ length: model.communities.length * model.dates.length }, () => (rand() < 0.5 ? 0 : rand() * scale * 0.2)),
  };
}

const collected = (model: Model, p: number, choice: ArrayLike<number>, prices: Prices): number => {
  const days = model.dates.length;
  let v = 0;
  for (let d = 0; d < days; d++) {
    const o = model.domains[p * days + d]![choice[d]!]!;
    if (o.row >= 0) v += prices.row[o.row]!;
    const c = model.communityOf[p]!;
    if (c >= 0 && o.post === 'community') v += prices.ab[c * days + d]!;
  }
  return v;
};

describe('station pricing: one person\'s best column', () => {
  for (const pattern of patterns)
    it(`on a ${pattern} station: its cost is the cell state's, and random rest-keeping columns never beat it`, () => {
      const model = modelOf(pattern, 30, 14, 2);
      const pricer = new Pricer(model);
      const rand = random(7);
      const days = model.dates.length;
      let callIns = 0;
      for (let trial = 0; trial < 6; trial++) {
        const prices = randomPrices(model, rand, trial < 3 ? 80 : 1000);
        const state = new RosterState(model);
        for (let p = 0; p < model.people.length; p++) {
          const priced = pricer.price(p, prices);
          for (let d = 0; d < days; d++) state.set(p * days + d, priced.choice[d]!);
          for (let d = 0; d < days; d++) expect(state.restOk(p, d)).toBe(true);
          expect(priced.cost).toBeCloseTo(state.rowCost(p), 6);
          expect(priced.reduced).toBeCloseTo(priced.cost - collected(model, p, priced.choice, prices), 6);
          callIns += state.callIns[p]!;
          // Random columns that keep REST-1, built a day at a time.
          for (let sample = 0; sample < 20; sample++) {
            const choice = new Int32Array(days);
            for (let d = 0; d < days; d++) {
              const domain = model.domains[p * days + d]!;
              choice[d] = 0;
              state.set(p * days + d, 0);
              const k = Math.floor(rand() * domain.length);
              state.set(p * days + d, k);
              if (d === days - 1 ? state.restOk(p, d) : restBefore(state, p, d)) choice[d] = k;
              else state.set(p * days + d, 0);
            }
            if (!Array.from({ length: days }, (_, d) => state.restOk(p, d)).every(Boolean)) continue;
            const reduced = state.rowCost(p) - collected(model, p, choice, prices);
            expect(reduced).toBeGreaterThanOrEqual(priced.reduced - 1e-6);
          }
        }
      }
      expect(callIns).toBeGreaterThan(0); // high prices made the pricing call people in
    });
});

/** REST-1 with the day before only (the day after is not chosen yet). */
function restBefore(state: RosterState, p: number, d: number): boolean {
  const next = d + 1;
  const days = state.days;
  const saved = state.choice[p * days + next]!;
  state.set(p * days + next, 0); // the pattern day after: rest or own work, which REST-1 never blames alone
  const ok = state.restOk(p, d);
  state.set(p * days + next, saved);
  return ok;
}

describe('station bound', () => {
  it('is never above the plan\'s score, and the plan reports the gap they give', () => {
    for (const [pattern, people, days, seed] of [
      ['three-groups-two-running', 20, 14, 3],
      ['four-teams-three-shifts', 24, 10, 4],
      ['three-groups-two-running', 35, 21, 9],
    ] as const) {
      const station = StationConfig.parse(generateStation({ people, seed, pattern }));
      const plan = planRoster({ station, start: START, days, seed: 1, seconds: 3 });
      expect(plan.bound).toBeDefined();
      expect(plan.bound!).toBeGreaterThan(0);
      expect(plan.bound!).toBeLessThanOrEqual(plan.score.total);
      expect(plan.gap).toBeCloseTo(plan.score.total > 0 ? (plan.score.total - plan.bound!) / plan.score.total : 0, 3);
    }
  }, 60_000);
});
