// The exact peer of the station engine: the same station objective as a MIP for HiGHS (the `highs` npm package,
// WebAssembly; bench only, never bundled into a Lambda), built from the engine's own model (option domains) and
// costed by the same term functions (shared/solver/terms).
//   x_p_d_k ∈ {0,1}   person p takes option k of their domain on day d; Σ_k x_p_d_k = 1
//   REST-1            x_p_d_k + x_p_{d+1}_k' ≤ 1 for each pair that breaks the rest (options that break it with the
//                     days before or after the plan are left out)
//   COVER             Σ x on row r + u_r ≥ people_r,  cost 1000 u_r
//   AB-2              Σ x at community work of the grid's members + v_cd ≥ 1,  v ≤ 1, cost 200 v_cd (workdays)
//   CALLIN-1, FAIR-1  n_p = Σ call-in x; cost 30 n_p + 5 z_p with z_p ≥ j² + (2j + 1)(n_p − j) for every j (exact at
//                     whole n_p because the square is convex)
//   NIGHT-1           y_p_d ≥ Σ_{i=d−max..d} night_i − max, cost 50 y_p_d
//   STAB-1, REDEPLOY-1, CAL-1  linear in x
//   CP-1, CP-2        a dedicated officer's full week is one of its enumerated week patterns (w binary, Σ w = 1,
//                     linked to x); the pattern costs CP-1 + CP-2 by the term functions
// The station's optional limits (SEQ/WKD/TYPE) are not modelled: the peer refuses a station that sets them.
import type { Model, Option } from '../shared/solver/model.ts';
import { restKept } from '../shared/solver/station/state.ts';
import * as T from '../shared/solver/terms/index.ts';

export type StationMip = { lp: string; constant: number; binaries: number; rows: number };

/** Week patterns per dedicated officer and full week past this count are refused (the MIP would explode). */
const MAX_WEEK_PATTERNS = 20_000;

export function buildStationMip(model: Model): StationMip {
  if (model.hasLimits) throw new Error('the HiGHS station peer does not model SEQ/WKD/TYPE limits');
  const days = model.dates.length;
  const P = model.people.length;
  const x = (p: number, d: number, k: number) => `x_${p}_${d}_${k}`;
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  const generals: string[] = [];
  const objective = new Map<string, number>();
  let constant = 0;
  let rowId = 0;
  const cost = (v: string, c: number) => {
    if (c !== 0) objective.set(v, (objective.get(v) ?? 0) + c);
  };
  const fmt = (coef: number, v: string): string => (coef === 1 ? `+ ${v}` : coef === -1 ? `- ${v}` : coef >= 0 ? `+ ${coef} ${v}` : `- ${-coef} ${v}`);
  const addRow = (terms: string[], sense: '<=' | '>=' | '=', rhs: number): void => {
    if (terms.length === 0) return;
    const lines: string[] = [];
    for (let i = 0; i < terms.length; i += 12) lines.push(terms.slice(i, i + 12).join(' '));
    rows.push(` r${rowId++}: ${lines.join('\n   ')} ${sense} ${rhs}`);
  };

  // Which options of a cell exist in the MIP (REST-1 with the days outside the plan), and the variable of each.
  const allowed = (p: number, d: number, o: Option): boolean => {
    if (o.hours === 0) return true;
    if (d === 0 && !restKept(model.minRestMs, model.lastBeforeStartEndMs[p]!, false, o.startMs, o.offPattern)) return false;
    if (d === days - 1 && !restKept(model.minRestMs, o.endMs, o.offPattern, model.nextAfterEndStartMs[p]!, false)) return false;
    return true;
  };
  /** Variables of a cell: [k, name]; a cell with one allowed option is fixed (name null). */
  const vars: (readonly [number, string | null])[][] = [];
  for (let p = 0; p < P; p++)
    for (let d = 0; d < days; d++) {
      const domain = model.domains[p * days + d]!;
      const ks = domain.flatMap((o, k) => (allowed(p, d, o) ? [k] : []));
      if (ks.length === 1) vars.push([[ks[0]!, null]]);
      else {
        const list = ks.map((k) => [k, x(p, d, k)] as const);
        for (const [, v] of list) binaries.push(v!);
        addRow(list.map(([, v]) => fmt(1, v!)), '=', 1);
        vars.push(list);
      }
    }
  /** Σ over a cell's options that satisfy `pick` as terms, and the constant part (fixed cells). */
  const linear = (p: number, d: number, pick: (o: Option) => boolean, coef = 1): { terms: string[]; fixed: number } => {
    const terms: string[] = [];
    let fixed = 0;
    for (const [k, v] of vars[p * days + d]!) {
      const o = model.domains[p * days + d]![k]!;
      if (!pick(o)) continue;
      if (v === null) fixed += coef;
      else terms.push(fmt(coef, v));
    }
    return { terms, fixed };
  };

  // Per-option costs: STAB-1, REDEPLOY-1, CAL-1.
  for (let p = 0; p < P; p++) {
    const dedicated = model.people[p]!.dedicated;
    for (let d = 0; d < days; d++)
      for (const [k, v] of vars[p * days + d]!) {
        const o = model.domains[p * days + d]![k]!;
        const c = T.stability(model.published[p * days + d]!, o.work) + T.redeployment(o.redeploymentId !== undefined) + (dedicated && model.meetingDay[d] && o.kind === 'demand' ? T.meeting(1) : 0);
        if (v === null) constant += c;
        else cost(v, c);
      }
  }

  // REST-1 between consecutive days.
  for (let p = 0; p < P; p++)
    for (let d = 0; d + 1 < days; d++)
      for (const [k, v] of vars[p * days + d]!)
        for (const [k2, v2] of vars[p * days + d + 1]!) {
          const a = model.domains[p * days + d]![k]!;
          const b = model.domains[p * days + d + 1]![k2]!;
          if (a.hours === 0 || b.hours === 0 || restKept(model.minRestMs, a.endMs, a.offPattern, b.startMs, b.offPattern)) continue;
          if (v === null && v2 === null) throw new Error('the model fixes a rest break');
          if (v === null) bounds.push(` ${v2} = 0`);
          else if (v2 === null) bounds.push(` ${v} = 0`);
          else addRow([fmt(1, v), fmt(1, v2)], '<=', 1);
        }

  // COVER.
  const coverTerms: string[][] = model.rows.map(() => []);
  const coverFixed = new Float64Array(model.rows.length);
  for (let p = 0; p < P; p++)
    for (let d = 0; d < days; d++)
      for (const [k, v] of vars[p * days + d]!) {
        const o = model.domains[p * days + d]![k]!;
        if (o.row < 0) continue;
        if (v === null) coverFixed[o.row]! += 1;
        else coverTerms[o.row]!.push(fmt(1, v));
      }
  model.rows.forEach((row, r) => {
    const need = row.people - coverFixed[r]!;
    if (need <= 0) return;
    const u = `u_${r}`;
    cost(u, T.cover(1, 0));
    addRow([...coverTerms[r]!, fmt(1, u)], '>=', need);
  });

  // AB-2.
  for (let c = 0; c < model.communities.length; c++)
    for (let d = 0; d < days; d++) {
      if (!model.workday[d]) continue;
      const terms: string[] = [];
      let fixed = 0;
      for (let p = 0; p < P; p++) {
        if (model.communityOf[p] !== c) continue;
        const part = linear(p, d, (o) => o.post === 'community');
        terms.push(...part.terms);
        fixed += part.fixed;
      }
      if (fixed >= 1) continue;
      const v = `v_${c}_${d}`;
      cost(v, T.abGap(true, 0));
      bounds.push(` 0 <= ${v} <= 1`);
      addRow([...terms, fmt(1, v)], '>=', 1);
    }

  // CALLIN-1 and FAIR-1.
  for (let p = 0; p < P; p++) {
    const terms: string[] = [];
    let fixed = 0;
    for (let d = 0; d < days; d++) {
      const part = linear(p, d, (o) => o.callIn);
      terms.push(...part.terms);
      fixed += part.fixed;
    }
    const most = fixed + terms.length;
    if (most === 0) continue;
    if (terms.length === 0) {
      constant += T.callIns(fixed) + T.fairness(fixed);
      continue;
    }
    const n = `n_${p}`;
    addRow([...terms, fmt(-1, n)], '=', -fixed);
    cost(n, T.callIns(1));
    const z = `z_${p}`;
    cost(z, 1);
    // z ≥ f(j) + (f(j+1) − f(j)) (n − j), the fairness square's tangents.
    for (let j = 0; j < most; j++) {
      const slope = T.fairness(j + 1) - T.fairness(j);
      addRow([fmt(1, z), fmt(-slope, n)], '>=', T.fairness(j) - slope * j);
    }
  }

  // NIGHT-1.
  const max = model.maxConsecutiveNights;
  for (let p = 0; p < P; p++)
    for (let d = max; d < days; d++) {
      const terms: string[] = [];
      let fixed = 0;
      let anyVariable = false;
      for (let i = d - max; i <= d; i++) {
        const part = linear(p, i, (o) => o.night);
        terms.push(...part.terms);
        fixed += part.fixed;
        if (vars[p * days + i]!.some(([, v]) => v !== null)) anyVariable = true;
      }
      if (!anyVariable) {
        constant += T.night(fixed, max);
        continue;
      }
      if (fixed + terms.length <= max) continue;
      const y = `y_${p}_${d}`;
      cost(y, T.night(max + 1, max));
      addRow([fmt(1, y), ...terms.map((t) => (t.startsWith('+') ? `-${t.slice(1)}` : `+${t.slice(1)}`))], '>=', fixed - max);
    }

  // CP-1 and CP-2: week patterns of dedicated officers over full weeks.
  for (let p = 0; p < P; p++) {
    if (!model.people[p]!.dedicated) continue;
    model.weekDays.forEach((weekDays, w) => {
      if (!model.fullWeek[w]) return;
      let patterns: number[][] = [[]];
      for (const d of weekDays) {
        const next: number[][] = [];
        for (const pat of patterns) for (const [k] of vars[p * days + d]!) next.push([...pat, k]);
        patterns = next;
        if (patterns.length > MAX_WEEK_PATTERNS) throw new Error(`too many week patterns for ${model.people[p]!.person.id}`);
      }
      const costOf = (pat: number[]) => {
        const t: T.WeekTally = { community: 0, work: 0, absentDays: 0, communityDays: 0 };
        pat.forEach((k, i) => {
          const o = model.domains[p * days + weekDays[i]!]![k]!;
          if (o.kind === 'absent' || model.holidayOff[weekDays[i]!]) t.absentDays++;
          t.work += o.hours;
          if (o.place === 'community') {
            t.community += o.hours;
            t.communityDays++;
          }
        });
        return T.weeklyHours(t, model) + T.communityShare(t, model);
      };
      if (patterns.length === 1) {
        constant += costOf(patterns[0]!);
        return;
      }
      const names = patterns.map((_, i) => `w_${p}_${w}_${i}`);
      names.forEach((v, i) => {
        binaries.push(v);
        cost(v, costOf(patterns[i]!));
      });
      addRow(names.map((v) => fmt(1, v)), '=', 1);
      weekDays.forEach((d, i) => {
        for (const [k, v] of vars[p * days + d]!) {
          if (v === null) continue;
          const using = names.filter((_, j) => patterns[j]![i] === k);
          addRow([fmt(1, v), ...using.map((u) => fmt(-1, u))], '=', 0);
        }
      });
    });
  }

  const objTerms = [...objective].map(([v, c]) => fmt(c, v));
  const objLines: string[] = [];
  for (let i = 0; i < objTerms.length; i += 12) objLines.push(objTerms.slice(i, i + 12).join(' '));
  const binLines: string[] = [];
  for (let i = 0; i < binaries.length; i += 20) binLines.push(` ${binaries.slice(i, i + 20).join(' ')}`);
  const lp = [
    'Minimize',
    ` obj: ${objLines.length ? objLines.join('\n   ') : '0 x_dummy'}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    ...(generals.length ? ['General', ...generals] : []),
    'Binary',
    ...binLines,
    'End',
    '',
  ].join('\n');
  return { lp, constant, binaries: binaries.length, rows: rowId };
}

export type StationHighsRun = {
  optimal: boolean;
  /** Best plan's objective (NaN without one). */
  objective: number;
  /** HiGHS's proven lower bound. */
  bound: number;
  seconds: number;
};

type HighsModel = {
  options: { set: (o: Record<string, unknown>) => void };
  info: { get: (name: string) => number | bigint };
  run: () => unknown;
  getModelStatus: () => number;
  getObjectiveValue: () => number;
};
type HighsModule = { withModel: <R>(source: { format: 'lp'; data: string }, op: (m: HighsModel) => R) => R };

const OPTIMAL = 7;

/** Solve the station MIP with HiGHS under a time limit (seconds). */
export async function solveStationWithHighs(model: Model, seconds: number): Promise<StationHighsRun> {
  const mip = buildStationMip(model);
  const t0 = performance.now();
  const loader = (await import('highs')).default as unknown as () => Promise<HighsModule>;
  const highs = await loader();
  return highs.withModel({ format: 'lp', data: mip.lp }, (m) => {
    m.options.set({ time_limit: seconds, mip_rel_gap: 0, output_flag: false });
    m.run();
    const status = m.getModelStatus();
    const info = (name: string): number => {
      try {
        return Number(m.info.get(name));
      } catch {
        return Number.NaN;
      }
    };
    const hasPlan = info('primal_solution_status') === 2; // 2: a feasible solution
    const primal = hasPlan ? m.getObjectiveValue() : Number.NaN;
    const dual = info('mip_dual_bound');
    const objective = Number.isFinite(primal) && Math.abs(primal) < 1e20 ? primal + mip.constant : Number.NaN;
    const bound = Number.isFinite(dual) && Math.abs(dual) < 1e20 ? dual + mip.constant : Number.NaN;
    return { optimal: status === OPTIMAL, objective, bound, seconds: (performance.now() - t0) / 1000 };
  });
}
