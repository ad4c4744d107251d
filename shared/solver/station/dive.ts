// Price-and-dive: an integer plan from the converged master. People whose heaviest column is whole are held to it;
// of the others, the most certain fifth are fixed to their heaviest column; the people still free are priced
// again under the new duals (fixing moves them) and the LP is solved again, until nobody is split. Rounding the LP
// alone leaves clashing columns (posts twice covered, others short); pricing inside the dive lets the free people
// adapt to the fixed ones.
import type { StationMaster } from './master.ts';
import type { Pricer, Prices } from './pricing.ts';

export type DiveOptions = {
  deadline: number;
  shouldStop?: () => boolean;
  /** Tie-break toward a known plan (an option per cell), as in the bound's pricing. */
  prefer?: Int32Array;
};

/** Changes the master (call it when the bound is done); returns one column per person. */
export function dive(master: StationMaster, pricer: Pricer, prices: Prices, options: DiveOptions): Int32Array[] {
  const { model } = master;
  const days = model.dates.length;
  const people = model.people.length;
  const fixed = new Uint8Array(people);
  const stop = () => performance.now() > options.deadline || options.shouldStop?.() === true;
  while (!stop()) {
    const x = master.lp.values();
    const split: { p: number; j: number; value: number }[] = [];
    for (let p = 0; p < people; p++) {
      if (fixed[p]) continue;
      const h = master.heaviestOf(p, x);
      if (h.j < 0) continue;
      if (h.value > 1 - 1e-6) {
        fixed[p] = 1;
        master.fix(p, h.j);
      } else split.push({ p, ...h });
    }
    if (split.length === 0) break;
    split.sort((a, b) => b.value - a.value);
    for (const s of split.slice(0, Math.max(1, Math.ceil(split.length / 5)))) {
      fixed[s.p] = 1;
      master.fix(s.p, s.j);
    }
    // Re-solve, letting the free people answer the fixing with new columns (a few rounds at most).
    for (let round = 0; round < 5 && !stop(); round++) {
      const status = master.lp.solve(100_000, options.deadline, options.shouldStop);
      if (status !== 'optimal') return master.heaviest();
      master.prices(prices);
      let added = 0;
      for (let p = 0; p < people; p++) {
        if (fixed[p]) continue;
        const priced = pricer.price(p, prices, options.prefer?.subarray(p * days, (p + 1) * days));
        if (priced.feasible && priced.reduced < master.personDual(p) - 1e-6 && master.add(p, priced.choice, priced.cost) !== undefined) added++;
      }
      if (added === 0) break;
    }
  }
  return master.heaviest();
}
