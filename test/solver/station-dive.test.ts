// The price-and-dive that turns the converged master into a plan: every person ends on one of the master's columns
// (each keeps REST-1 by construction), the plan it gives costs what its columns say, and on a station where the LP is
// tight the dive reaches the rounded bound where the LP's heaviest columns alone do not.
import { describe, expect, it } from 'vitest';
import { generateStation } from '../../bench/generate-station.ts';
import { builtinCalendar } from '../../shared/calendar/builtin.ts';
import { StationConfig } from '../../shared/domain/station.ts';
import { buildModel } from '../../shared/solver/model.ts';
import { dive } from '../../shared/solver/station/dive.ts';
import { StationBound } from '../../shared/solver/station/bound.ts';
import { keepPublished, repair } from '../../shared/solver/station/local.ts';
import { StationMaster } from '../../shared/solver/station/master.ts';
import { RosterState } from '../../shared/solver/station/state.ts';

describe('price-and-dive', () => {
  it('gives one REST-1-keeping column per person and, on a tight LP, the rounded bound', () => {
    const station = StationConfig.parse(generateStation({ people: 300, seed: 1, pattern: 'four-teams-three-shifts' }));
    const model = buildModel(station, '2027-01-04', 28, [], [], builtinCalendar(station.calendar));
    const days = model.dates.length;
    const start = new RosterState(model);
    keepPublished(start);
    repair(start);
    const bound = new StationBound(model);
    const master = new StationMaster(model, model.people.map((_, p) => start.choice.slice(p * days, (p + 1) * days)), model.people.map((_, p) => start.rowCost(p)));
    let best = Number.NEGATIVE_INFINITY;
    for (let round = 0; round < 200; round++) {
      expect(master.lp.solve()).toBe('optimal');
      master.prices(bound.prices);
      best = Math.max(best, bound.evaluate(start.choice));
      let added = 0;
      bound.priced.forEach((priced, p) => {
        if (priced.feasible && priced.reduced < master.personDual(p) - 1e-6 && master.add(p, priced.choice, priced.cost) !== undefined) added++;
      });
      if (added === 0) break;
    }
    const rounded = Math.ceil(best - 1e-6);
    const planOf = (columns: Int32Array[]): RosterState => {
      const plan = new RosterState(model);
      columns.forEach((choice, p) => {
        for (let d = 0; d < days; d++) plan.set(p * days + d, choice[d]!);
      });
      return plan;
    };
    const heaviest = planOf(master.heaviest());

    const columns = dive(master, bound.pricer, bound.prices, { deadline: performance.now() + 60_000, prefer: start.choice });
    const plan = planOf(columns);
    for (let p = 0; p < model.people.length; p++) for (let d = 0; d < days; d++) expect(plan.restOk(p, d)).toBe(true);
    expect(plan.total()).toBeGreaterThanOrEqual(rounded);
    expect(plan.total()).toBe(rounded);
    expect(heaviest.total()).toBeGreaterThan(rounded);
  });
});
