// Moves by whole columns, priced exactly by the person's dynamic programme (./pricing.ts): best responses (one person
// takes their best column given everyone else) and transfers of call-ins (one person takes over call-ins from people
// who carry more: FAIR-1 is a square, so spreading call-ins pays, but no single person's best response can do it — a
// post held by somebody else is worth nothing to the taker, and the holder cannot leave it short). A transfer prices
// the taker's column with each post worth what it would save: a post short without them its COVER weight, a full post
// held by somebody's call-in what that call-in costs its holder at the margin — the holder then goes back to their own
// day off. A transfer is kept when the whole change scores lower.
import { AB_PRICE, COVER_PRICE } from './bound.ts';
import type { Pricer, Prices } from './pricing.ts';
import type { RosterState } from './state.ts';
import * as T from '../terms/index.ts';

/** What a person's count-th call-in costs them (CALLIN-1 and the FAIR-1 square's step). */
const marginal = (count: number): number => T.callIns(count) + T.fairness(count) - T.callIns(count - 1) - T.fairness(count - 1);

/**
 * One person's prices against everyone else's plan, on the posts and grids of their days: a post still short without
 * them is worth its COVER weight (a full one what `whenFull` says), a grid nobody else covers its AB-2 weight.
 */
function priceAgainstOthers(state: RosterState, p: number, prices: Prices, whenFull: (row: number) => number): void {
  const { model, days } = state;
  const c = model.communityOf[p]!;
  for (let d = 0; d < days; d++) {
    const cell = p * days + d;
    const mine = state.option(cell);
    for (const o of model.domains[cell]!) {
      if (o.row < 0) continue;
      const others = state.cover[o.row]! - (mine.row === o.row ? 1 : 0);
      prices.row[o.row] = others < model.rows[o.row]!.people ? COVER_PRICE : whenFull(o.row);
    }
    if (c >= 0) {
      const i = c * days + d;
      const others = state.abCount[i]! - (mine.post === 'community' ? 1 : 0);
      prices.ab[i] = model.workday[d] && others === 0 ? AB_PRICE : 0;
    }
  }
}

/** One pass over `order`; returns how many transfers were kept. */
export function transferResponses(state: RosterState, pricer: Pricer, order: readonly number[], deadline: number, shouldStop?: () => boolean): number {
  const { model } = state;
  const days = state.days;
  const prices: Prices = { row: new Float64Array(model.rows.length), ab: new Float64Array(model.communities.length * days) };
  /** The call-in on a row whose holder saves most by leaving it (cell), or -1. */
  const dearestCallIn = (r: number, except: number): number => {
    const cands = state.candidates[r]!;
    let best = -1;
    let bestSaving = 0;
    for (let i = 0; i < cands.length; i++) {
      const cell = cands[i]!;
      const holder = Math.floor(cell / days);
      if (holder === except || state.choice[cell] !== state.candidateOption[r]![i]) continue;
      if (!state.option(cell).callIn) continue;
      const saving = marginal(state.callIns[holder]!);
      if (saving > bestSaving) {
        bestSaving = saving;
        best = cell;
      }
    }
    return best;
  };
  let kept = 0;
  const cells: number[] = [];
  const rows: number[] = [];
  const before: number[] = [];
  for (const p of order) {
    if (performance.now() > deadline || shouldStop?.() === true) break;
    // A full post held by somebody's call-in is worth what that call-in costs its holder at the margin.
    priceAgainstOthers(state, p, prices, (row) => {
      const held = dearestCallIn(row, p);
      return held >= 0 ? marginal(state.callIns[Math.floor(held / days)]!) : 0;
    });
    const priced = pricer.price(p, prices);
    if (!priced.feasible) continue;
    cells.length = 0;
    rows.length = 0;
    before.length = 0;
    for (let d = 0; d < days; d++) {
      const cell = p * days + d;
      if (state.choice[cell] === priced.choice[d]) continue;
      cells.push(cell);
      rows.push(state.option(cell).row, model.domains[cell]![priced.choice[d]!]!.row);
    }
    if (cells.length === 0) continue;
    // The holders this column relieves: for each post the person newly takes that is then over-full.
    const newRows = cells.map((cell) => model.domains[cell]![priced.choice[cell % days]!]!.row);
    const holders: number[] = [];
    for (const r of newRows) {
      if (r < 0 || state.cover[r]! < model.rows[r]!.people) continue;
      const held = dearestCallIn(r, p);
      if (held >= 0 && !holders.includes(held)) holders.push(held);
    }
    const touched = [...cells, ...holders];
    const cost0 = state.touchedCost(touched, rows);
    for (const cell of cells) {
      before.push(state.choice[cell]!);
      state.set(cell, priced.choice[cell % days]!);
    }
    const holderWas = holders.map((cell) => state.choice[cell]!);
    for (const cell of holders) state.set(cell, model.patternChoice[cell]!);
    const cost1 = state.touchedCost(touched, rows);
    // The holders' days off keep every hard rule too (the taker's column does by its pricing).
    const holdersOk = holders.every((cell) => state.feasible(Math.floor(cell / days), cell % days));
    if (holdersOk && cost1 < cost0 - 1e-9) {
      kept++;
      continue;
    }
    for (let i = 0; i < holders.length; i++) state.set(holders[i]!, holderWas[i]!);
    for (let i = 0; i < cells.length; i++) state.set(cells[i]!, before[i]!);
  }
  return kept;
}

/**
 * Exact best responses: each person in turn takes their best column given everyone else's plan (a post still short
 * without them is worth its COVER weight, a grid nobody else covers its AB-2 weight). Repeats until no person can
 * improve; returns how many columns changed.
 */
export function bestResponses(state: RosterState, pricer: Pricer, order: readonly number[], deadline: number, shouldStop?: () => boolean): number {
  const { model } = state;
  const days = state.days;
  const prices: Prices = { row: new Float64Array(model.rows.length), ab: new Float64Array(model.communities.length * days) };
  let changed = 0;
  for (let sweep = 0; sweep < 20; sweep++) {
    let improved = 0;
    for (const p of order) {
      if (performance.now() > deadline || shouldStop?.() === true) return changed + improved;
      priceAgainstOthers(state, p, prices, () => 0);
      // The person's own terms less what their current column collects: the reduced cost to beat.
      const c = model.communityOf[p]!;
      let current = state.rowCost(p);
      for (let d = 0; d < days; d++) {
        const mine = state.option(p * days + d);
        if (mine.row >= 0) current -= prices.row[mine.row]!;
        if (c >= 0 && mine.post === 'community') current -= prices.ab[c * days + d]!;
      }
      const priced = pricer.price(p, prices);
      if (!priced.feasible || priced.reduced >= current - 1e-6) continue;
      for (let d = 0; d < days; d++) if (state.choice[p * days + d] !== priced.choice[d]) state.set(p * days + d, priced.choice[d]!);
      improved++;
    }
    changed += improved;
    if (improved === 0) break;
  }
  return changed;
}

/**
 * Best responses and transfers in turn until neither changes anything (or time is up); returns how many columns
 * changed. `order` gives a fresh order of the people for each pass.
 */
export function settle(state: RosterState, pricer: Pricer, order: () => readonly number[], deadline: number, shouldStop?: () => boolean): number {
  let changed = 0;
  for (let pass = 0; pass < 10; pass++) {
    const moved = bestResponses(state, pricer, order(), deadline, shouldStop) + transferResponses(state, pricer, order(), deadline, shouldStop);
    changed += moved;
    if (moved === 0 || performance.now() > deadline || shouldStop?.() === true) break;
  }
  return changed;
}
