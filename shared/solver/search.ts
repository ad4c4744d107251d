// The optimiser: a greedy construction (the first feasible plan), then simulated annealing over three moves —
// change one day, swap two people's posts on a day, pull a candidate onto a short post — with incremental scoring.
// Hard rules are never traded: the model offers only allowed options and every move is checked against REST-1 and
// the station's limits.
import { RULES } from '../rules/catalogue.ts';
import { weeklyCommunityTarget } from '../rules/days.ts';
import { limitBreaks, type LimitRow } from '../rules/station-limits.ts';
import type { Model, Option } from './model.ts';
import { random } from '../random.ts';

export const WEIGHTS = {
  cover: RULES.COVER.weight,
  callIn: RULES['CALLIN-1'].weight,
  fairness: RULES['FAIR-1'].weight,
  redeploy: RULES['REDEPLOY-1'].weight,
  stability: RULES['STAB-1'].weight,
  ab: RULES['AB-2'].weight,
  cp1: RULES['CP-1'].weight,
  cp2: RULES['CP-2'].weight,
  cal: RULES['CAL-1'].weight,
  night: RULES['NIGHT-1'].weight,
};


export type ScoreBreakdown = Record<'COVER' | 'CALLIN-1' | 'FAIR-1' | 'REDEPLOY-1' | 'STAB-1' | 'AB-2' | 'CP-1' | 'CP-2' | 'CAL-1' | 'NIGHT-1', { count: number; penalty: number }>;

export class RosterState {
  readonly days: number;
  readonly choice: Int32Array;
  readonly cover: Int32Array;
  readonly abCount: Int32Array;
  readonly callIns: Int32Array;
  /** Candidate cells per demand row (people whose domain holds the row), for targeted moves. */
  readonly candidates: Int32Array[];
  /** Option index of each candidate cell's row option, aligned with `candidates`. */
  readonly candidateOption: Int32Array[];

  constructor(readonly model: Model) {
    this.days = model.dates.length;
    const cells = model.people.length * this.days;
    this.choice = new Int32Array(cells);
    this.cover = new Int32Array(model.rows.length);
    this.abCount = new Int32Array(model.communities.length * this.days);
    this.callIns = new Int32Array(model.people.length);
    const cand: number[][] = model.rows.map(() => []);
    const candOpt: number[][] = model.rows.map(() => []);
    model.domains.forEach((domain, cell) => {
      domain.forEach((o, k) => {
        if (o.row >= 0) {
          cand[o.row]!.push(cell);
          candOpt[o.row]!.push(k);
        }
      });
    });
    this.candidates = cand.map((c) => Int32Array.from(c));
    this.candidateOption = candOpt.map((c) => Int32Array.from(c));
    for (let cell = 0; cell < cells; cell++) this.enter(cell, 0);
    this.rowStamp = new Int32Array(model.rows.length);
    this.personStamp = new Int32Array(model.people.length);
    this.weekStamp = new Int32Array(model.people.length * Math.max(1, model.weeks.length));
    this.abStamp = new Int32Array(Math.max(1, model.communities.length * this.days));
  }

  option(cell: number, k = this.choice[cell]!): Option {
    return this.model.domains[cell]![k]!;
  }

  private enter(cell: number, k: number): void {
    this.choice[cell] = k;
    const o = this.option(cell, k);
    const person = Math.floor(cell / this.days);
    const day = cell % this.days;
    if (o.row >= 0) this.cover[o.row]! += 1;
    if (o.callIn) this.callIns[person]! += 1;
    const c = this.model.communityOf[person]!;
    if (c >= 0 && o.post === 'community') this.abCount[c * this.days + day]! += 1;
  }

  private leave(cell: number): void {
    const o = this.option(cell);
    const person = Math.floor(cell / this.days);
    const day = cell % this.days;
    if (o.row >= 0) this.cover[o.row]! -= 1;
    if (o.callIn) this.callIns[person]! -= 1;
    const c = this.model.communityOf[person]!;
    if (c >= 0 && o.post === 'community') this.abCount[c * this.days + day]! -= 1;
  }

  set(cell: number, k: number): void {
    this.leave(cell);
    this.enter(cell, k);
  }

  // ---- REST-1: work off the pattern keeps the minimum rest; nothing overlaps (SLOT-1) ----

  /** Two consecutive working assignments: off-pattern work keeps the rest and never overlaps. */
  private pairOk(aEnd: number, aOff: boolean, bStart: number, bOff: boolean): boolean {
    if (!aOff && !bOff) return true; // the pattern's own sequence is the station's choice
    return bStart - aEnd >= this.model.minRestMs;
  }

  /** Every hard rule a move can break: REST-1/SLOT-1 around the day, and the station's limits (SEQ-1, SEQ-3, WKD-1, TYPE-1). */
  feasible(person: number, day: number): boolean {
    return this.restOk(person, day) && this.limitsOk(person);
  }

  private limitRow: LimitRow | null = null;

  /** The station's optional limits on off-pattern work, judged by the same function as the checks. */
  limitsOk(person: number): boolean {
    const limits = this.model.station.rules;
    if (!this.model.hasLimits) return true;
    this.limitRow ??= {
      worked: new Array<boolean>(this.days).fill(false),
      shift: new Array<string | null>(this.days).fill(null),
      callIn: new Array<boolean>(this.days).fill(false),
      redeployed: new Array<boolean>(this.days).fill(false),
    };
    const row = this.limitRow;
    const base = person * this.days;
    for (let d = 0; d < this.days; d++) {
      const o = this.option(base + d);
      (row.worked as boolean[])[d] = o.hours > 0;
      (row.shift as (string | null)[])[d] = o.shift;
      (row.callIn as boolean[])[d] = o.callIn;
      (row.redeployed as boolean[])[d] = o.redeploymentId !== undefined;
    }
    return limitBreaks(row, limits, this.model.startWeekday).length === 0;
  }

  /** REST-1 and SLOT-1 around one person's day (the days before and after the plan follow the pattern). */
  restOk(person: number, day: number): boolean {
    const base = person * this.days;
    const cur = this.option(base + day);
    if (cur.hours === 0) return true;
    if (day > 0) {
      const prev = this.option(base + day - 1);
      if (prev.hours > 0 && !this.pairOk(prev.endMs, prev.offPattern, cur.startMs, cur.offPattern)) return false;
    } else if (!this.pairOk(this.model.lastBeforeStartEndMs[person]!, false, cur.startMs, cur.offPattern)) return false;
    if (day < this.days - 1) {
      const next = this.option(base + day + 1);
      if (next.hours > 0 && !this.pairOk(cur.endMs, cur.offPattern, next.startMs, next.offPattern)) return false;
    } else if (!this.pairOk(cur.endMs, cur.offPattern, this.model.nextAfterEndStartMs[person]!, false)) return false;
    return true;
  }

  // ---- soft terms, each local so that a move is scored by what it touches ----

  coverCost(row: number): number {
    const missing = this.model.rows[row]!.people - this.cover[row]!;
    return missing > 0 ? missing * WEIGHTS.cover : 0;
  }

  abCost(community: number, day: number): number {
    return this.model.workday[day] && this.abCount[community * this.days + day] === 0 ? WEIGHTS.ab : 0;
  }

  callInCost(person: number): number {
    const c = this.callIns[person]!;
    return c * WEIGHTS.callIn + c * c * WEIGHTS.fairness;
  }

  cellCost(cell: number): number {
    const k = this.choice[cell]!;
    const o = this.option(cell, k);
    let cost = 0;
    const pub = this.model.published[cell]!;
    if (pub >= 0 && pub !== o.work) cost += WEIGHTS.stability;
    if (o.redeploymentId) cost += WEIGHTS.redeploy;
    return cost;
  }

  /** CP-1, CP-2 over a full week, and CAL-1/CAL-2 on its meeting days, for a dedicated community officer. */
  weekTerms(person: number, week: number): { cal: number; cp1: number; cp2: number } {
    const terms = { cal: 0, cp1: 0, cp2: 0 };
    if (!this.model.people[person]!.dedicated) return terms;
    let community = 0;
    let work = 0;
    let absent = 0;
    let communityDays = 0;
    const base = person * this.days;
    for (const day of this.model.weekDays[week]!) {
      const o = this.option(base + day);
      if (o.kind === 'absent' || this.model.holidayOff[day]) absent += 1; // CP-2 pro-rates holidays as absences
      work += o.hours;
      if (o.place === 'community') {
        community += o.hours;
        communityDays += 1;
      }
      if (this.model.meetingDay[day] && o.kind === 'demand') terms.cal += WEIGHTS.cal;
    }
    if (!this.model.fullWeek[week]) return terms;
    if (communityDays > 0 && this.model.flexHours > 0) {
      community += this.model.flexHours; // CP-3's flexible night, placed after the search
      work += this.model.flexHours;
    }
    const target = weeklyCommunityTarget(this.model.weeklyCommunityHours, absent);
    if (community < target) terms.cp2 = Math.ceil(target - community - 1e-9) * WEIGHTS.cp2;
    if (work > 0 && community / work < this.model.communityShare)
      terms.cp1 = Math.ceil((this.model.communityShare - community / work) * 100 - 1e-9) * WEIGHTS.cp1;
    return terms;
  }

  weekCost(person: number, week: number): number {
    const t = this.weekTerms(person, week);
    return t.cal + t.cp1 + t.cp2;
  }

  /** NIGHT-1 over the whole plan: one penalty for each night that extends a run beyond the maximum. */
  nightCost(person: number): number {
    return this.nightCostFrom(person, 0, this.days - 1);
  }

  /** The NIGHT-1 penalties of the days from..to: day d is penalised when it and the `max` days before it are nights. */
  nightCostFrom(person: number, from: number, to: number): number {
    const max = this.model.maxConsecutiveNights;
    const base = person * this.days;
    let cost = 0;
    for (let d = Math.max(from, max); d <= Math.min(to, this.days - 1); d++) {
      let all = true;
      for (let k = d - max; k <= d && all; k++) all = this.option(base + k).night;
      if (all) cost += WEIGHTS.night;
    }
    return cost;
  }

  /** Everything, from scratch (construction, tests, and the final breakdown). */
  breakdown(): ScoreBreakdown {
    const b: ScoreBreakdown = {
      COVER: { count: 0, penalty: 0 },
      'CALLIN-1': { count: 0, penalty: 0 },
      'FAIR-1': { count: 0, penalty: 0 },
      'REDEPLOY-1': { count: 0, penalty: 0 },
      'STAB-1': { count: 0, penalty: 0 },
      'AB-2': { count: 0, penalty: 0 },
      'CP-1': { count: 0, penalty: 0 },
      'CP-2': { count: 0, penalty: 0 },
      'CAL-1': { count: 0, penalty: 0 },
      'NIGHT-1': { count: 0, penalty: 0 },
    };
    const add = (rule: keyof ScoreBreakdown, count: number, penalty: number) => {
      b[rule].count += count;
      b[rule].penalty += penalty;
    };
    this.model.rows.forEach((row, r) => {
      const missing = Math.max(0, row.people - this.cover[r]!);
      add('COVER', missing, missing * WEIGHTS.cover);
    });
    for (let p = 0; p < this.model.people.length; p++) {
      const c = this.callIns[p]!;
      add('CALLIN-1', c, c * WEIGHTS.callIn);
      add('FAIR-1', c > 1 ? 1 : 0, c * c * WEIGHTS.fairness);
      const nights = this.nightCost(p);
      add('NIGHT-1', nights / WEIGHTS.night, nights);
      for (let w = 0; w < this.model.weeks.length; w++) {
        const t = this.weekTerms(p, w);
        if (t.cal) add('CAL-1', t.cal / WEIGHTS.cal, t.cal);
        if (t.cp1) add('CP-1', 1, t.cp1);
        if (t.cp2) add('CP-2', 1, t.cp2);
      }
    }
    for (let cell = 0; cell < this.choice.length; cell++) {
      const k = this.choice[cell]!;
      const pub = this.model.published[cell]!;
      if (pub >= 0 && pub !== this.option(cell, k).work) add('STAB-1', 1, WEIGHTS.stability);
      if (this.option(cell, k).redeploymentId) add('REDEPLOY-1', 1, WEIGHTS.redeploy);
    }
    for (let c = 0; c < this.model.communities.length; c++)
      for (let day = 0; day < this.days; day++) {
        const cost = this.abCost(c, day);
        if (cost) add('AB-2', 1, cost);
      }
    return b;
  }

  total(): number {
    return Object.values(this.breakdown()).reduce((sum, line) => sum + line.penalty, 0);
  }

  // Stamps mark what a scoring pass has already counted, without allocating sets in the hot loop.
  private stamp = 0;
  private rowStamp = new Int32Array(0);
  private personStamp = new Int32Array(0);
  private weekStamp = new Int32Array(0);
  private abStamp = new Int32Array(0);

  /** Cost of every term a set of changed cells touches (before or after applying them). */
  touchedCost(cells: readonly number[], rows: readonly number[]): number {
    const stamp = ++this.stamp;
    let cost = 0;
    for (const r of rows)
      if (r >= 0 && this.rowStamp[r] !== stamp) {
        this.rowStamp[r] = stamp;
        cost += this.coverCost(r);
      }
    const weeks = this.model.weeks.length;
    for (const cell of cells) {
      const person = Math.floor(cell / this.days);
      const day = cell % this.days;
      cost += this.cellCost(cell);
      const c = this.model.communityOf[person]!;
      if (c >= 0 && this.abStamp[c * this.days + day] !== stamp) {
        this.abStamp[c * this.days + day] = stamp;
        cost += this.abCost(c, day);
      }
      const week = this.model.weekOf[day]!;
      if (this.model.people[person]!.dedicated && this.weekStamp[person * weeks + week] !== stamp) {
        this.weekStamp[person * weeks + week] = stamp;
        cost += this.weekCost(person, week);
      }
      if (this.model.nightChoice[person]) cost += this.nightCostFrom(person, day, day + this.model.maxConsecutiveNights);
      if (this.personStamp[person] !== stamp) {
        this.personStamp[person] = stamp;
        cost += this.callInCost(person);
      }
    }
    return cost;
  }
}

export type SearchOptions = { seed: number; seconds: number; maxIterations?: number; /** Skip the greedy construction (to measure the search alone). */ skipConstruction?: boolean };
export type SearchResult = { choice: Int32Array; score: number; firstFeasibleScore: number; iterations: number; seconds: number };

/** Greedy construction: published days first, then each short post gets the scarcest fitting person. */
export function construct(state: RosterState): void {
  const { model } = state;
  for (let cell = 0; cell < state.choice.length; cell++) {
    const pub = model.published[cell]!;
    if (pub < 0) continue;
    // Of the options doing the published work, take one whose post still needs people (a post can have two rows).
    const domain = model.domains[cell]!;
    let pick = -1;
    for (let k = 0; k < domain.length; k++) {
      const o = domain[k]!;
      if (o.work !== pub) continue;
      if (pick < 0 || (o.row >= 0 && state.cover[o.row]! < model.rows[o.row]!.people)) pick = k;
    }
    if (pick < 0) continue;
    const before = state.choice[cell]!;
    state.set(cell, pick);
    if (!state.feasible(Math.floor(cell / state.days), cell % state.days)) state.set(cell, before);
  }
  const order = model.rows.map((_, r) => r).sort((a, b) => state.candidates[a]!.length - state.candidates[b]!.length || a - b);
  for (const r of order) {
    const row = model.rows[r]!;
    // Pass 1: people on their own shift; pass 2: call-ins; pass 3: approved redeployments.
    for (const pass of [0, 1, 2]) {
      while (state.cover[r]! < row.people) {
        let best = -1;
        let bestScarcity = Number.POSITIVE_INFINITY;
        const cands = state.candidates[r]!;
        for (let i = 0; i < cands.length; i++) {
          const cell = cands[i]!;
          const k = state.candidateOption[r]![i]!;
          const o = state.option(cell, k);
          const current = state.option(cell);
          if (current.kind === 'demand' || current.kind === 'absent') continue;
          // Own shift first, then call-ins, then pulling community officers (approved or reinforced duty).
          const kindPass = o.callIn ? 1 : o.offPattern ? 2 : 0;
          if (kindPass !== pass) continue;
          const scarcity = model.domains[cell]!.length + (o.callIn ? state.callIns[Math.floor(cell / state.days)]! * 10 : 0);
          if (scarcity >= bestScarcity) continue;
          const before = state.choice[cell]!;
          state.set(cell, k);
          const ok = state.feasible(Math.floor(cell / state.days), cell % state.days);
          state.set(cell, before);
          if (!ok) continue;
          best = i;
          bestScarcity = scarcity;
        }
        if (best < 0) break;
        state.set(cands[best]!, state.candidateOption[r]![best]!);
      }
    }
  }
}

export function search(state: RosterState, options: SearchOptions): SearchResult {
  const started = performance.now();
  const rand = random(options.seed);
  const { model } = state;
  const cells = state.choice.length;
  if (!options.skipConstruction) construct(state);
  const firstFeasibleScore = state.total();
  let current = firstFeasibleScore;
  let best = current;
  const bestChoice = Int32Array.from(state.choice);
  const free: number[] = [];
  for (let cell = 0; cell < cells; cell++) if (model.domains[cell]!.length > 1) free.push(cell);
  // 60 proposals per free cell: enough to settle the demo-sized stations, and 300 people stay under 5 s here.
  const maxIterations = options.maxIterations ?? Math.min(3_000_000, Math.max(20_000, free.length * 60));
  const deadline = started + options.seconds * 1000;
  // Cool enough that over-covering a post (a call-in: ~35) is rarely accepted, warm enough to trade stability.
  const t0 = 10;
  const t1 = 0.05;
  let iterations = 0;
  if (free.length === 0) return { choice: bestChoice, score: best, firstFeasibleScore, iterations, seconds: (performance.now() - started) / 1000 };

  const changedCells: number[] = [];
  const changedRows: number[] = [];
  const previous: number[] = [];

  const revert = (): void => {
    for (let t = changedCells.length - 1; t >= 0; t--) state.set(changedCells[t]!, previous[t]!);
  };
  const applyMove = (): boolean => {
    for (let i = 0; i < changedCells.length; i++) {
      const cell = changedCells[i]!;
      if (!state.feasible(Math.floor(cell / state.days), cell % state.days)) return false;
    }
    return true;
  };

  for (; iterations < maxIterations; iterations++) {
    if ((iterations & 1023) === 0 && performance.now() > deadline) break;
    const temperature = t0 * (t1 / t0) ** (iterations / maxIterations);
    changedCells.length = 0;
    changedRows.length = 0;
    previous.length = 0;
    const moveKind = rand();
    if (moveKind < 0.4 && model.rows.length > 0) {
      // Pull a candidate onto a post; if they leave another post, hand it to someone free that day (ejection chain).
      const r = Math.floor(rand() * model.rows.length);
      const cands = state.candidates[r]!;
      if (cands.length === 0) continue;
      const i = Math.floor(rand() * cands.length);
      const cell = cands[i]!;
      const k = state.candidateOption[r]![i]!;
      const was = state.option(cell);
      if (state.choice[cell] === k || was.kind === 'absent') continue;
      changedCells.push(cell);
      previous.push(state.choice[cell]!);
      changedRows.push(was.row, r);
      let other = -1;
      let otherK = -1;
      if (was.row >= 0 && rand() < 0.7) {
        // A few random probes, not a scan: on large stations most candidates of a post are busy elsewhere.
        const vc = state.candidates[was.row]!;
        for (let t = 0; t < 8; t++) {
          const j = Math.floor(rand() * vc.length);
          const o = state.option(vc[j]!);
          if (vc[j] === cell || o.kind === 'demand' || o.kind === 'absent') continue;
          other = vc[j]!;
          otherK = state.candidateOption[was.row]![j]!;
          break;
        }
      }
      if (other >= 0) {
        changedCells.push(other);
        previous.push(state.choice[other]!);
        changedRows.push(state.option(other).row);
      }
      const before = state.touchedCost(changedCells, changedRows);
      state.set(cell, k);
      if (other >= 0) state.set(other, otherK);
      if (!applyMove()) {
        revert();
        continue;
      }
      const delta = state.touchedCost(changedCells, changedRows) - before;
      if (delta <= 0 || rand() < Math.exp(-delta / temperature)) current += delta;
      else revert();
    } else if (moveKind < 0.75) {
      // Swap two people's options on the same day where each can take the other's. A partner for someone on a post
      // comes from that post's candidates (who can take it), which makes most proposals valid.
      const cell = free[Math.floor(rand() * free.length)]!;
      const day = cell % state.days;
      const held = state.option(cell).row;
      let other: number;
      if (held >= 0 && rand() < 0.8) {
        const cands = state.candidates[held]!;
        other = cands[Math.floor(rand() * cands.length)]!;
      } else other = Math.floor(rand() * model.people.length) * state.days + day;
      if (other === cell) continue;
      const a = state.option(cell);
      const b = state.option(other);
      if (a.key === b.key) continue;
      const kb = model.domains[cell]!.findIndex((o) => o.key === b.key);
      const ka = model.domains[other]!.findIndex((o) => o.key === a.key);
      if (ka < 0 || kb < 0) continue;
      changedCells.push(cell, other);
      previous.push(state.choice[cell]!, state.choice[other]!);
      changedRows.push(a.row, b.row);
      const before = state.touchedCost(changedCells, changedRows);
      state.set(cell, kb);
      state.set(other, ka);
      if (!applyMove()) {
        state.set(cell, previous[0]!);
        state.set(other, previous[1]!);
        continue;
      }
      const delta = state.touchedCost(changedCells, changedRows) - before;
      if (delta <= 0 || rand() < Math.exp(-delta / temperature)) current += delta;
      else {
        state.set(cell, previous[0]!);
        state.set(other, previous[1]!);
      }
    } else {
      // Change one day to another of its options.
      const cell = free[Math.floor(rand() * free.length)]!;
      const domain = model.domains[cell]!;
      const k = Math.floor(rand() * domain.length);
      if (k === state.choice[cell]) continue;
      changedCells.push(cell);
      previous.push(state.choice[cell]!);
      changedRows.push(state.option(cell).row, domain[k]!.row);
      const before = state.touchedCost(changedCells, changedRows);
      state.set(cell, k);
      if (!applyMove()) {
        state.set(cell, previous[0]!);
        continue;
      }
      const delta = state.touchedCost(changedCells, changedRows) - before;
      if (delta <= 0 || rand() < Math.exp(-delta / temperature)) current += delta;
      else state.set(cell, previous[0]!);
    }
    if (current < best) {
      best = current;
      bestChoice.set(state.choice);
    }
  }
  for (let cell = 0; cell < cells; cell++) if (state.choice[cell] !== bestChoice[cell]) state.set(cell, bestChoice[cell]!);
  return { choice: bestChoice, score: state.total(), firstFeasibleScore, iterations, seconds: (performance.now() - started) / 1000 };
}
