// The cell state of a station plan: one option per person and day, with counters (cover per post, A/B coverage,
// call-ins) so that a change is scored by the terms it touches. Every term is the function of its rule ID in
// ../terms; `breakdown()` recomputes them all from scratch with the same functions.
import { limitBreaks, type LimitRow } from '../../rules/station-limits.ts';
import type { Model, Option } from '../model.ts';
import * as T from '../terms/index.ts';
import { RULES } from '../../rules/catalogue.ts';

/** REST-1 between two consecutive working assignments: work off the pattern keeps the rest and never overlaps. */
export function restKept(minRestMs: number, aEnd: number, aOff: boolean, bStart: number, bOff: boolean): boolean {
  if (!aOff && !bOff) return true; // the pattern's own sequence is the station's choice
  return bStart - aEnd >= minRestMs;
}

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
    return restKept(this.model.minRestMs, aEnd, aOff, bStart, bOff);
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
    return T.cover(this.model.rows[row]!.people, this.cover[row]!);
  }

  abCost(community: number, day: number): number {
    return T.abGap(this.model.workday[day]!, this.abCount[community * this.days + day]!);
  }

  callInCost(person: number): number {
    const c = this.callIns[person]!;
    return T.callIns(c) + T.fairness(c);
  }

  cellCost(cell: number): number {
    const k = this.choice[cell]!;
    const o = this.option(cell, k);
    return T.stability(this.model.published[cell]!, o.work) + T.redeployment(o.redeploymentId !== undefined);
  }

  /** CP-1, CP-2 over a full week, and CAL-1/CAL-2 on its meeting days, for a dedicated community officer. */
  weekTerms(person: number, week: number): { cal: number; cp1: number; cp2: number } {
    const terms = { cal: 0, cp1: 0, cp2: 0 };
    if (!this.model.people[person]!.dedicated) return terms;
    const tally: T.WeekTally = { community: 0, work: 0, absentDays: 0, communityDays: 0 };
    let pulled = 0;
    const base = person * this.days;
    for (const day of this.model.weekDays[week]!) {
      const o = this.option(base + day);
      if (o.kind === 'absent' || this.model.holidayOff[day]) tally.absentDays += 1; // CP-2 pro-rates holidays as absences
      tally.work += o.hours;
      if (o.place === 'community') {
        tally.community += o.hours;
        tally.communityDays += 1;
      }
      if (this.model.meetingDay[day] && o.kind === 'demand') pulled += 1;
    }
    terms.cal = T.meeting(pulled);
    if (!this.model.fullWeek[week]) return terms;
    terms.cp2 = T.weeklyHours(tally, this.model);
    terms.cp1 = T.communityShare(tally, this.model);
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
      cost += T.night(all ? max + 1 : 0, max);
    }
    return cost;
  }

  /** One person's own terms over the plan (everything but COVER and AB-2, which link people): a column's cost. */
  rowCost(person: number): number {
    let cost = this.callInCost(person) + this.nightCost(person);
    for (let d = 0; d < this.days; d++) cost += this.cellCost(person * this.days + d);
    for (let w = 0; w < this.model.weeks.length; w++) cost += this.weekCost(person, w);
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
      add('COVER', Math.max(0, row.people - this.cover[r]!), T.cover(row.people, this.cover[r]!));
    });
    for (let p = 0; p < this.model.people.length; p++) {
      const c = this.callIns[p]!;
      add('CALLIN-1', c, T.callIns(c));
      add('FAIR-1', c > 1 ? 1 : 0, T.fairness(c));
      const nights = this.nightCost(p);
      add('NIGHT-1', nights / RULES['NIGHT-1'].weight, nights);
      for (let w = 0; w < this.model.weeks.length; w++) {
        const t = this.weekTerms(p, w);
        if (t.cal) add('CAL-1', t.cal / RULES['CAL-1'].weight, t.cal);
        if (t.cp1) add('CP-1', 1, t.cp1);
        if (t.cp2) add('CP-2', 1, t.cp2);
      }
    }
    for (let cell = 0; cell < this.choice.length; cell++) {
      const o = this.option(cell);
      const stab = T.stability(this.model.published[cell]!, o.work);
      if (stab) add('STAB-1', 1, stab);
      const redeploy = T.redeployment(o.redeploymentId !== undefined);
      if (redeploy) add('REDEPLOY-1', 1, redeploy);
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

