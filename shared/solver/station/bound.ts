// The Lagrangian view of a station: prices on cover (per demand row) and A/B coverage (per grid and day) relax the
// constraints that link people; under any prices, Σ prices × right-hand sides + Σ over people of their best reduced
// cost is a lower bound on every plan's score. The column generation in ./engine.ts sets the prices from its master's
// duals; where the master is too large, projected subgradient steps move them.
import type { Model } from '../model.ts';
import { Pricer, type Priced, type Prices } from './pricing.ts';
import type { RosterState } from './state.ts';
import * as T from '../terms/index.ts';

/** The most a place on a post (one person's COVER weight) and a grid's coverage (AB-2) can be worth. */
export const COVER_PRICE = T.cover(1, 0);
export const AB_PRICE = T.abGap(true, 0);

/** Lagrangian bound for the prices: Σ prices × right-hand sides + Σ over people of their best reduced cost. */
export class StationBound {
  readonly prices: Prices;
  readonly pricer: Pricer;
  readonly columns: Int32Array[];
  /** The last pricing of each person. */
  readonly priced: Priced[] = [];
  constructor(readonly model: Model) {
    this.pricer = new Pricer(model);
    this.prices = { row: new Float64Array(model.rows.length), ab: new Float64Array(model.communities.length * model.dates.length) };
    this.columns = model.people.map(() => new Int32Array(model.dates.length));
  }

  /** Prices every person; returns the bound for the current prices and leaves each person's column in `columns`. */
  evaluate(prefer?: Int32Array): number {
    const { model, prices } = this;
    let bound = 0;
    model.rows.forEach((row, r) => {
      bound += prices.row[r]! * row.people;
    });
    for (let c = 0; c < model.communities.length; c++)
      for (let d = 0; d < model.dates.length; d++) if (model.workday[d]) bound += prices.ab[c * model.dates.length + d]!;
    for (let p = 0; p < model.people.length; p++) {
      const priced = this.pricer.price(p, prices, prefer?.subarray(p * model.dates.length, (p + 1) * model.dates.length));
      bound += priced.reduced;
      this.columns[p] = priced.choice;
      this.priced[p] = priced;
    }
    return bound;
  }

  /** Cover and coverage the current columns give (the subgradient is right-hand side minus these). */
  usage(): { rows: Int32Array; ab: Int32Array } {
    const { model } = this;
    const days = model.dates.length;
    const rows = new Int32Array(model.rows.length);
    const ab = new Int32Array(model.communities.length * days);
    this.columns.forEach((choice, p) => {
      const c = model.communityOf[p]!;
      for (let d = 0; d < days; d++) {
        const o = model.domains[p * days + d]![choice[d]!]!;
        if (o.row >= 0) rows[o.row]! += 1;
        if (c >= 0 && o.post === 'community') ab[c * days + d]! += 1;
      }
    });
    return { rows, ab };
  }

  /**
   * Prices read off a plan: a post it leaves short is worth its COVER weight, one held by a call-in about a call-in,
   * a grid it leaves uncovered its AB-2 weight; everything else starts at zero.
   */
  warmStart(state: RosterState): void {
    const { model, prices } = this;
    const days = model.dates.length;
    const callIn = T.callIns(1) + T.fairness(1);
    model.rows.forEach((row, r) => {
      prices.row[r] = state.cover[r]! < row.people ? COVER_PRICE : 0;
    });
    for (let cell = 0; cell < state.choice.length; cell++) {
      const o = state.option(cell);
      if (o.row >= 0 && (o.callIn || o.offPattern) && prices.row[o.row]! < COVER_PRICE) prices.row[o.row] = callIn;
    }
    for (let c = 0; c < model.communities.length; c++)
      for (let d = 0; d < days; d++) prices.ab[c * days + d] = model.workday[d] && state.abCount[c * days + d] === 0 ? AB_PRICE : 0;
  }

  /** One projected subgradient step of length `step` × (target − bound) / ‖g‖². False when the gradient vanishes. */
  step(bound: number, target: number, step: number): boolean {
    const { model, prices } = this;
    const days = model.dates.length;
    const use = this.usage();
    const gRow = new Float64Array(model.rows.length);
    const gAb = new Float64Array(prices.ab.length);
    let norm = 0;
    model.rows.forEach((row, r) => {
      let g = row.people - use.rows[r]!;
      if ((g > 0 && prices.row[r]! >= COVER_PRICE) || (g < 0 && prices.row[r]! <= 0)) g = 0;
      gRow[r] = g;
      norm += g * g;
    });
    for (let c = 0; c < model.communities.length; c++)
      for (let d = 0; d < days; d++) {
        if (!model.workday[d]) continue;
        const i = c * days + d;
        let g = 1 - use.ab[i]!;
        if ((g > 0 && prices.ab[i]! >= AB_PRICE) || (g < 0 && prices.ab[i]! <= 0)) g = 0;
        gAb[i] = g;
        norm += g * g;
      }
    if (norm === 0) return false;
    const t = (step * Math.max(target - bound, 1e-6)) / norm;
    gRow.forEach((g, r) => {
      prices.row[r] = Math.min(COVER_PRICE, Math.max(0, prices.row[r]! + t * g));
    });
    gAb.forEach((g, i) => {
      prices.ab[i] = Math.min(AB_PRICE, Math.max(0, prices.ab[i]! + t * g));
    });
    return true;
  }
}
