// The restricted master LP of column generation: choose a mix of columns per person (convexity rows) so that every
// post's cover and every grid's A/B coverage is met or its shortfall paid (slack columns at the COVER and AB-2
// weights). Solved by the revised simplex that the staff-rostering engine uses (../nrp/lp.ts, a dense inverse: fine
// for the few hundred rows of a station month, too slow past about a thousand, where the engine uses the Lagrangian
// subgradient alone). Its duals are the prices the pricing uses.
import type { Model } from '../model.ts';
import { RevisedSimplex } from '../nrp/lp.ts';
import { AB_PRICE, COVER_PRICE } from './bound.ts';
import type { Prices } from './pricing.ts';

/** Past this many rows the dense inverse (m² numbers, twice while refactoring) costs more memory than a plan may. */
export const MASTER_MAX_ROWS = Number(process.env.STATION_MASTER_ROWS ?? 4500);

export class StationMaster {
  readonly lp: RevisedSimplex;
  readonly rows: number;
  /** Master row of each (community, day) with AB-2 (workdays), or -1. */
  private readonly abRow: Int32Array;
  private readonly convexity: number;
  /** Person and option choice of each person column (by LP column index). */
  readonly owner: number[] = [];
  readonly choices: Int32Array[] = [];
  /** LP column indexes of each person's columns. */
  private readonly byPerson: number[][];
  private readonly seen = new Set<string>();

  /** Rows of the full master (every A/B coverage row). */
  static size(model: Model): number {
    const ab = model.communities.length * model.workday.filter(Boolean).length;
    return model.rows.length + ab + model.people.length;
  }

  /**
   * The A/B coverage rows a master starts with: grids on workdays that the starting plan covers with at most one
   * person. The others join only when an LP solution leaves them short (`missingCoverage`): on a large station most
   * grids are covered many times over, their rows would never bind, and the dense LP pays for every row squared.
   */
  static atRisk(model: Model, start: readonly Int32Array[]): Uint8Array {
    const days = model.dates.length;
    const count = new Int32Array(model.communities.length * days);
    start.forEach((choice, p) => {
      const c = model.communityOf[p]!;
      if (c >= 0) for (let d = 0; d < days; d++) if (model.domains[p * days + d]![choice[d]!]!.post === 'community') count[c * days + d]! += 1;
    });
    return Uint8Array.from(count, (n, i) => (model.workday[i % days] && n <= 1 ? 1 : 0));
  }

  /** Rows a master holding these coverage rows has. */
  static rowsWith(model: Model, held: Uint8Array): number {
    return model.rows.length + held.reduce((s, x) => s + x, 0) + model.people.length;
  }

  /** `held`: which (community × day) grids have a coverage row (default: those `atRisk` under the start). */
  constructor(
    readonly model: Model,
    start: readonly Int32Array[],
    startCosts: readonly number[],
    readonly held: Uint8Array = StationMaster.atRisk(model, start),
  ) {
    const days = model.dates.length;
    this.byPerson = model.people.map(() => []);
    this.abRow = new Int32Array(model.communities.length * days).fill(-1);
    let m = model.rows.length;
    for (let c = 0; c < model.communities.length; c++) for (let d = 0; d < days; d++) if (model.workday[d] && held[c * days + d]) this.abRow[c * days + d] = m++;
    this.convexity = m;
    m += model.people.length;
    this.rows = m;
    const b = new Float64Array(m);
    model.rows.forEach((row, r) => {
      b[r] = row.people;
    });
    for (let i = model.rows.length; i < this.convexity; i++) b[i] = 1;
    for (let p = 0; p < model.people.length; p++) b[this.convexity + p] = 1;
    this.lp = new RevisedSimplex(m, b);
    // Slack columns first: shortage (paid) and surplus (free) per cover and coverage row; the LP indexes follow.
    const short: number[] = [];
    const surplus: number[] = [];
    for (let i = 0; i < this.convexity; i++) {
      const weight = i < model.rows.length ? COVER_PRICE : AB_PRICE;
      short.push(this.lp.addColumn(weight, [i], [1]));
      surplus.push(this.lp.addColumn(0, [i], [-1]));
      this.owner.push(-1, -1);
      this.choices.push(new Int32Array(0), new Int32Array(0));
    }
    // The starting plan's columns, one per person, make a feasible basis with one slack per row.
    const basis = new Int32Array(m);
    const filled = new Float64Array(this.convexity);
    start.forEach((choice, p) => {
      const j = this.add(p, choice, startCosts[p]!)!;
      basis[this.convexity + p] = j;
      this.entries(p, choice, (i) => (filled[i]! += 1));
    });
    for (let i = 0; i < this.convexity; i++) basis[i] = filled[i]! < b[i]! ? short[i]! : surplus[i]!;
    if (!this.lp.setBasis(basis)) throw new Error('station master: singular starting basis');
  }

  private entries(p: number, choice: Int32Array, visit: (row: number) => void): void {
    const { model } = this;
    const days = model.dates.length;
    const c = model.communityOf[p]!;
    for (let d = 0; d < days; d++) {
      const o = model.domains[p * days + d]![choice[d]!]!;
      if (o.row >= 0) visit(o.row);
      if (c >= 0 && o.post === 'community' && this.abRow[c * days + d]! >= 0) visit(this.abRow[c * days + d]!);
    }
  }

  /** Adds a person's column (cost: their own terms); undefined when the master has it already. */
  add(p: number, choice: Int32Array, cost: number): number | undefined {
    const key = `${p}:${choice.join(',')}`;
    if (this.seen.has(key)) return undefined;
    this.seen.add(key);
    const rows: number[] = [];
    this.entries(p, choice, (i) => rows.push(i));
    rows.push(this.convexity + p);
    this.owner.push(p);
    this.choices.push(Int32Array.from(choice));
    const j = this.lp.addColumn(cost, rows, rows.map(() => 1));
    this.byPerson[p]!.push(j);
    return j;
  }

  /** Duals as prices for the pricing, clamped to the slack weights (any prices give a valid bound). */
  prices(into: Prices): void {
    const { model, lp } = this;
    model.rows.forEach((_, r) => {
      into.row[r] = Math.min(COVER_PRICE, Math.max(0, lp.y[r]!));
    });
    for (let i = 0; i < this.abRow.length; i++) {
      const row = this.abRow[i]!;
      into.ab[i] = row >= 0 ? Math.min(AB_PRICE, Math.max(0, lp.y[row]!)) : 0;
    }
  }

  /** The convexity dual of a person: a new column helps when its reduced cost is below it. */
  personDual(p: number): number {
    return this.lp.y[this.convexity + p]!;
  }

  /** Holds a person to one of their columns: the others leave pricing, and any the LP still uses become too dear. */
  fix(p: number, keep: number): void {
    for (const j of this.byPerson[p]!) {
      if (j === keep) continue;
      this.lp.setActive(j, false);
      if (this.lp.value(j) > 0) this.lp.setCost(j, 1e7);
    }
  }

  /** A person's heaviest column in the LP values `x` and its value (-1 when they have none). */
  heaviestOf(p: number, x: Float64Array): { j: number; value: number } {
    let j = -1;
    for (const k of this.byPerson[p]!) if (j < 0 || x[k]! > x[j]!) j = k;
    return { j, value: j < 0 ? 0 : x[j]! };
  }

  /** Workday grids without a row here that the LP's solution covers less than once. */
  missingCoverage(): number[] {
    const { model } = this;
    const days = model.dates.length;
    const x = this.lp.values();
    const covered = new Float64Array(this.abRow.length);
    for (let j = 0; j < this.owner.length; j++) {
      const p = this.owner[j]!;
      if (p < 0 || x[j]! <= 1e-9) continue;
      const c = model.communityOf[p]!;
      if (c < 0) continue;
      const choice = this.choices[j]!;
      for (let d = 0; d < days; d++) if (model.domains[p * days + d]![choice[d]!]!.post === 'community') covered[c * days + d]! += x[j]!;
    }
    const missing: number[] = [];
    for (let i = 0; i < this.abRow.length; i++) if (this.abRow[i]! < 0 && model.workday[i % days] && covered[i]! < 1 - 1e-6) missing.push(i);
    return missing;
  }

  /** The same master with more coverage rows: every column kept, the LP's heaviest columns as the starting plan. */
  withRows(extra: readonly number[]): StationMaster {
    const held = Uint8Array.from(this.held);
    for (const i of extra) held[i] = 1;
    const start = this.heaviest();
    const x = this.lp.values();
    const next = new StationMaster(this.model, start, start.map((_, p) => this.lp.costs[this.heaviestOf(p, x).j]!), held);
    for (let j = 0; j < this.owner.length; j++) if (this.owner[j]! >= 0) next.add(this.owner[j]!, this.choices[j]!, this.lp.costs[j]!);
    return next;
  }

  /** Per person, the column the LP weights most (its rounding). */
  heaviest(): Int32Array[] {
    const x = this.lp.values();
    const best = new Float64Array(this.model.people.length).fill(-1);
    const out: Int32Array[] = this.model.people.map(() => new Int32Array(this.model.dates.length));
    for (let j = 0; j < this.owner.length; j++) {
      const p = this.owner[j]!;
      if (p >= 0 && x[j]! > best[p]!) {
        best[p] = x[j]!;
        out[p] = this.choices[j]!;
      }
    }
    return out;
  }
}
