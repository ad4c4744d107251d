// Pricing: one person's best plan over the whole horizon (a column) under prices on the posts they fill and the
// A/B coverage they give, by dynamic programming over days. Everything that lives inside one person's row is exact
// here: REST-1 between consecutive days (the state keeps the previous day's option), NIGHT-1 (the length of the
// current run of nights), CALLIN-1 + FAIR-1 (the call-in count; a convex cost, so a state with fewer call-ins and a
// lower cost dominates), CP-1/CP-2 (a dedicated officer's hours in the current full ISO week), CAL-1, STAB-1 and
// REDEPLOY-1 (per day). The station's optional limits (SEQ/WKD/TYPE) are checked on the result: the search over
// all rows without them is a relaxation, so the prices' bound stays valid; a breaking column is just not used.
import { limitBreaks } from '../../rules/station-limits.ts';
import type { Model, Option } from '../model.ts';
import * as T from '../terms/index.ts';
import { restKept } from './state.ts';

/** Prices: per demand row (what filling one more place is worth) and per community × day (A/B coverage). */
export type Prices = { row: Float64Array; ab: Float64Array };

export type Priced = {
  /** Option index per day. */
  choice: Int32Array;
  /** The person's own terms for this column (what the cell state's rowCost says). */
  cost: number;
  /** cost − the prices the column collects. */
  reduced: number;
  /** Keeps the station's optional limits (always true without them). */
  feasible: boolean;
};

/** Tie-break toward a preferred plan: small against every weight (whole numbers), summed over a horizon. */
const PREFER = 1e-4;

const EMPTY: T.WeekTally = { community: 0, work: 0, absentDays: 0, communityDays: 0 };

type Label = { c: number; g: number; k: number; prev: Label | null };
/** A DP state: the option taken that day (the first of its rest class), the night run, the week tally's id. */
type State = { k: number; run: number; tally: number; labels: Label[] };

const callInStep = (c: number): number => T.callIns(c + 1) + T.fairness(c + 1) - T.callIns(c) - T.fairness(c);

/** Last day of each day's week when the week is full (CP-1, CP-2 are judged there), else -1. */
function weekEnds(model: Model): Int32Array {
  const ends = new Int32Array(model.dates.length).fill(-1);
  model.weekDays.forEach((days, w) => {
    if (model.fullWeek[w]) ends[days[days.length - 1]!] = w;
  });
  return ends;
}

export class Pricer {
  readonly days: number;
  private readonly weekEnd: Int32Array;
  private readonly firstOfFullWeek: Uint8Array;

  constructor(readonly model: Model) {
    this.days = model.dates.length;
    this.weekEnd = weekEnds(model);
    this.firstOfFullWeek = new Uint8Array(this.days);
    model.weekDays.forEach((days, w) => {
      if (model.fullWeek[w]) this.firstOfFullWeek[days[0]!] = 1;
    });
  }

  /** The value a price gives to option o of person p on day d. */
  private collected(p: number, d: number, o: Option, prices: Prices): number {
    let v = 0;
    if (o.row >= 0) v += prices.row[o.row]!;
    const c = this.model.communityOf[p]!;
    if (c >= 0 && o.post === 'community') v += prices.ab[c * this.days + d]!;
    return v;
  }

  /**
   * The person's best column under the prices. `prefer` (an option per day) breaks ties toward a known plan: it
   * lowers that plan's options by a tiny amount, so `reduced` is at most that much below the true minimum and stays
   * a valid bound.
   */
  price(p: number, prices: Prices, prefer?: Int32Array): Priced {
    const { model, days } = this;
    const dedicated = model.people[p]!.dedicated;
    const max = model.maxConsecutiveNights;
    const minRest = model.minRestMs;
    // A layer is the list of states after a day: the option taken (its index; options that end alike share a
    // state), the night run, the week tally; each with its Pareto front of labels over call-ins (fewer call-ins and
    // lower cost dominates). `slot` finds a state of the next layer by its key.
    let layer: State[] = [{ k: -1, run: 0, tally: 0, labels: [{ c: 0, g: 0, k: -1, prev: null }] }];
    let tallies: readonly T.WeekTally[] = [EMPTY];
    const slot = new Map<number, number>();
    for (let d = 0; d < days; d++) {
      const domain = model.domains[p * days + d]!;
      const next: State[] = [];
      slot.clear();
      const newTallies: T.WeekTally[] = [];
      const tallyIds = new Map<string, number>();
      const inFullWeek = dedicated && model.fullWeek[model.weekOf[d]!]!;
      const closesWeek = dedicated && this.weekEnd[d]! >= 0;
      const published = model.published[p * days + d]!;
      const prevDomain = d > 0 ? model.domains[p * days + d - 1]! : null;
      // Options that end alike (same end, same off-pattern flag, or no work) leave the same state for tomorrow.
      const restClass = new Int32Array(domain.length);
      for (let k = 0; k < domain.length; k++) {
        const o = domain[k]!;
        let cls = k;
        for (let j = 0; j < k; j++) {
          const q = domain[j]!;
          if ((o.hours > 0) === (q.hours > 0) && (o.hours === 0 || (q.endMs === o.endMs && q.offPattern === o.offPattern)) && q.night === o.night) {
            cls = restClass[j]!;
            break;
          }
        }
        restClass[k] = cls;
      }
      for (let k = 0; k < domain.length; k++) {
        const o = domain[k]!;
        // Per-day terms and prices of this option.
        let step = T.stability(published, o.work) + T.redeployment(o.redeploymentId !== undefined) - this.collected(p, d, o, prices);
        if (dedicated && model.meetingDay[d] && o.kind === 'demand') step += T.meeting(1);
        if (prefer && prefer[d] === k) step -= PREFER;
        const callIn = o.callIn;
        for (let s = 0; s < layer.length; s++) {
          const state = layer[s]!;
          const pk = state.k;
          // REST-1 with the previous day (or the day before the plan).
          if (o.hours > 0) {
            if (pk >= 0) {
              const q = prevDomain![pk]!;
              if (q.hours > 0 && !restKept(minRest, q.endMs, q.offPattern, o.startMs, o.offPattern)) continue;
            } else if (!restKept(minRest, model.lastBeforeStartEndMs[p]!, false, o.startMs, o.offPattern)) continue;
            if (d === days - 1 && !restKept(minRest, o.endMs, o.offPattern, model.nextAfterEndStartMs[p]!, false)) continue;
          }
          const run = o.night ? Math.min(state.run + 1, max + 1) : 0;
          let g0 = step + (o.night ? T.night(run, max) : 0);
          const storedRun = Math.min(run, max);
          // Week tally (dedicated officers, full weeks only).
          let tallyId = 0;
          if (inFullWeek) {
            const t0 = this.firstOfFullWeek[d] ? EMPTY : tallies[state.tally]!;
            const t: T.WeekTally = {
              community: t0.community + (o.place === 'community' ? o.hours : 0),
              work: t0.work + o.hours,
              absentDays: t0.absentDays + (o.kind === 'absent' || model.holidayOff[d] ? 1 : 0),
              communityDays: t0.communityDays + (o.place === 'community' ? 1 : 0),
            };
            if (closesWeek) {
              g0 += T.weeklyHours(t, model) + T.communityShare(t, model);
            } else {
              const tk = `${t.community}|${t.work}|${t.absentDays}|${t.communityDays > 0 ? 1 : 0}`;
              let id = tallyIds.get(tk);
              if (id === undefined) {
                id = newTallies.push({ ...t, communityDays: t.communityDays > 0 ? 1 : 0 }) - 1;
                tallyIds.set(tk, id);
              }
              tallyId = id;
            }
          }
          const nkey = (tallyId * (max + 2) + storedRun) * domain.length + restClass[k]!;
          let at = slot.get(nkey);
          if (at === undefined) {
            at = next.push({ k, run: storedRun, tally: tallyId, labels: [] }) - 1;
            slot.set(nkey, at);
          }
          const front = next[at]!.labels;
          const labels = state.labels;
          for (let i = 0; i < labels.length; i++) {
            const l = labels[i]!;
            const c = callIn ? l.c + 1 : l.c;
            const g = l.g + g0 + (callIn ? callInStep(l.c) : 0);
            if (!dominated(front, c, g)) insert(front, { c, g, k, prev: l });
          }
        }
      }
      layer = next;
      tallies = newTallies.length ? newTallies : [EMPTY];
    }
    let best: Label | null = null;
    for (const state of layer) for (const l of state.labels) if (!best || l.g < best.g - 1e-9) best = l;
    const choice = new Int32Array(days);
    if (!best) {
      // No column keeps REST-1 (cannot happen: the pattern itself always does); keep the pattern.
      return { choice, cost: Number.POSITIVE_INFINITY, reduced: Number.POSITIVE_INFINITY, feasible: false };
    }
    let collected = 0;
    for (let l: Label | null = best, d = days - 1; l && l.k >= 0; l = l.prev, d--) {
      choice[d] = l.k;
      collected += this.collected(p, d, model.domains[p * days + d]![l.k]!, prices);
    }
    const feasible = !model.hasLimits || this.keepsLimits(p, choice);
    return { choice, cost: best.g + collected, reduced: best.g, feasible };
  }

  keepsLimits(p: number, choice: Int32Array): boolean {
    const { model, days } = this;
    const options = Array.from(choice, (k, d) => model.domains[p * days + d]![k]!);
    const row = {
      worked: options.map((o) => o.hours > 0),
      shift: options.map((o) => o.shift),
      callIn: options.map((o) => o.callIn),
      redeployed: options.map((o) => o.redeploymentId !== undefined),
    };
    return limitBreaks(row, model.station.rules, model.startWeekday).length === 0;
  }
}

/** Insert into a Pareto front over (call-ins, cost): drop what the new label dominates, skip it if dominated. */
function dominated(front: readonly Label[], c: number, g: number): boolean {
  for (let i = 0; i < front.length; i++) {
    const f = front[i]!;
    if (f.c <= c && f.g <= g + 1e-9) return true;
  }
  return false;
}

function insert(front: Label[], label: Label): void {
  let w = 0;
  for (let i = 0; i < front.length; i++) {
    const f = front[i]!;
    if (!(label.c <= f.c && label.g <= f.g + 1e-9)) front[w++] = f;
  }
  front.length = w;
  front.push(label);
}
