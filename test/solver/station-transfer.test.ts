// Transfers of call-ins (shared/solver/station/responses.ts): one person takes over call-ins from people who carry
// more. They never raise the score, keep REST-1, leave the cell state's counters as a fresh recompute has them, and
// on a station where the greedy start piles call-ins on a few people they lower the score where best responses alone
// are stuck.
import { describe, expect, it } from 'vitest';
import { generateStation } from '../../bench/generate-station.ts';
import { builtinCalendar } from '../../shared/calendar/builtin.ts';
import { StationConfig } from '../../shared/domain/station.ts';
import { buildModel } from '../../shared/solver/model.ts';
import { keepPublished, repair } from '../../shared/solver/station/local.ts';
import { Pricer } from '../../shared/solver/station/pricing.ts';
import { bestResponses, transferResponses } from '../../shared/solver/station/responses.ts';
import { RosterState } from '../../shared/solver/station/state.ts';

describe('call-in transfers', () => {
  it('lower the score where best responses are stuck, and keep every hard rule', () => {
    const station = StationConfig.parse(generateStation({ people: 65, seed: 3, pattern: 'four-teams-three-shifts' }));
    const model = buildModel(station, '2027-01-04', 28, [], [], builtinCalendar(station.calendar));
    const state = new RosterState(model);
    keepPublished(state);
    repair(state);
    const pricer = new Pricer(model);
    const everyone = model.people.map((_, p) => p);
    bestResponses(state, pricer, everyone, Number.POSITIVE_INFINITY);
    const stuck = state.total();
    expect(bestResponses(state, pricer, everyone, Number.POSITIVE_INFINITY)).toBe(0);

    const kept = transferResponses(state, pricer, everyone, Number.POSITIVE_INFINITY);
    expect(kept).toBeGreaterThan(0);
    expect(state.total()).toBeLessThan(stuck);
    expect(state.breakdown()['FAIR-1'].penalty).toBeGreaterThan(0);

    const fresh = new RosterState(model);
    for (let cell = 0; cell < state.choice.length; cell++) fresh.set(cell, state.choice[cell]!);
    expect(fresh.total()).toBe(state.total());
    expect(Array.from(fresh.cover)).toEqual(Array.from(state.cover));
    expect(Array.from(fresh.callIns)).toEqual(Array.from(state.callIns));
    for (let p = 0; p < model.people.length; p++) for (let d = 0; d < state.days; d++) expect(state.feasible(p, d)).toBe(true);
  });
});
