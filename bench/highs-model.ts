// The exact MIP of a staff-rostering model for HiGHS (the `highs` npm package, WebAssembly), in CPLEX LP format.
//   x_e_d_s ∈ {0,1}  employee e works shift s on day d (no variable on a day off or for a type whose limit is 0)
//   w(e,d) = Σ_s x_e_d_s (at most 1: one shift a day)
// Hard rules as linear constraints:
//   SUCC-1  x_e_d_s + Σ_{t may not follow s} x_e_{d+1}_t ≤ 1
//   TYPE-1  Σ_d x_e_d_s ≤ max
//   TIME-1  min ≤ Σ_{d,s} minutes_s x_e_d_s ≤ max
//   SEQ-1   every window of maxCons+1 days has at most maxCons worked days
//   SEQ-2   no interior run of L < minCons worked days: Σ_{i=d}^{d+L−1} w(e,i) − w(e,d−1) − w(e,d+L) ≤ L − 1
//           (d ≥ 1 and d + L ≤ D − 1, so runs touching the first or the last day are exempt)
//   SEQ-3   no interior run of L < minOff days off: w(e,d−1) + w(e,d+L) − Σ_{i=d}^{d+L−1} w(e,i) ≤ 1
//   WKD-1   y_e_k ≥ w(e,sat), y_e_k ≥ w(e,sun), Σ_k y_e_k ≤ max (y continuous in [0,1])
// Objective: request penalties (linear in x plus a constant: the penalty of a day off), and per cover entry
// u ≥ required − n, o ≥ n − required with the under and over weights.
import type { NrpModel } from '../shared/solver/nrp/model.ts';

export type MipModel = { lp: string; constant: number; variables: number; constraints: number; name: (e: number, d: number, s: number) => string };

export function buildMip(m: NrpModel): MipModel {
  const { E, D, S, V } = m;
  const name = (e: number, d: number, s: number): string => `x_${e}_${d}_${s}`;
  const has = (e: number, d: number, s: number): boolean => m.allowed[(e * D + d) * V + s + 1] === 1;
  const rows: string[] = [];
  const bounds: string[] = [];
  const binaries: string[] = [];
  let constant = 0;
  let rowId = 0;
  const term = (coef: number, v: string): string => (coef === 1 ? `+ ${v}` : coef === -1 ? `- ${v}` : coef >= 0 ? `+ ${coef} ${v}` : `- ${-coef} ${v}`);
  const addRow = (terms: string[], sense: '<=' | '>=' | '=', rhs: number): void => {
    if (terms.length === 0) return;
    // Break long rows over lines (the LP format allows it).
    const lines: string[] = [];
    for (let i = 0; i < terms.length; i += 12) lines.push(terms.slice(i, i + 12).join(' '));
    rows.push(` r${rowId++}: ${lines.join('\n   ')} ${sense} ${rhs}`);
  };
  /** Terms of w(e,d) with a coefficient. */
  const work = (e: number, d: number, coef: number): string[] => {
    const out: string[] = [];
    for (let s = 0; s < S; s++) if (has(e, d, s)) out.push(term(coef, name(e, d, s)));
    return out;
  };

  const objective: string[] = [];
  for (let e = 0; e < E; e++)
    for (let d = 0; d < D; d++) {
      const cell = (e * D + d) * V;
      constant += m.pref[cell]!;
      for (let s = 0; s < S; s++) {
        if (!has(e, d, s)) continue;
        binaries.push(name(e, d, s));
        const c = m.pref[cell + s + 1]! - m.pref[cell]!;
        if (c !== 0) objective.push(term(c, name(e, d, s)));
      }
    }

  for (let e = 0; e < E; e++) {
    // One shift a day.
    for (let d = 0; d < D; d++) {
      const t = work(e, d, 1);
      if (t.length > 1) addRow(t, '<=', 1);
    }
    // SUCC-1
    for (let d = 0; d + 1 < D; d++)
      for (let s = 0; s < S; s++) {
        if (!has(e, d, s)) continue;
        const t = [term(1, name(e, d, s))];
        for (let u = 0; u < S; u++) if (m.forbidNext[(s + 1) * V + u + 1] && has(e, d + 1, u)) t.push(term(1, name(e, d + 1, u)));
        if (t.length > 1) addRow(t, '<=', 1);
      }
    // TYPE-1
    for (let s = 0; s < S; s++) {
      const max = m.maxShifts[e * S + s]!;
      const t: string[] = [];
      for (let d = 0; d < D; d++) if (has(e, d, s)) t.push(term(1, name(e, d, s)));
      if (t.length > max) addRow(t, '<=', max);
    }
    // TIME-1
    const minutes: string[] = [];
    for (let d = 0; d < D; d++) for (let s = 0; s < S; s++) if (has(e, d, s)) minutes.push(term(m.valueMinutes[s + 1]!, name(e, d, s)));
    addRow(minutes, '<=', m.maxMinutes[e]!);
    if (m.minMinutes[e]! > 0) {
      if (minutes.length === 0) addRow([term(1, 'infeasible_dummy')], '>=', 1);
      else addRow(minutes, '>=', m.minMinutes[e]!);
    }
    // SEQ-1
    const maxCons = m.maxConsecutive[e]!;
    if (maxCons < D) for (let d = 0; d + maxCons < D; d++) addRow(Array.from({ length: maxCons + 1 }, (_, i) => work(e, d + i, 1)).flat(), '<=', maxCons);
    // SEQ-2
    const minCons = m.minConsecutive[e]!;
    for (let L = 1; L < minCons; L++)
      for (let d = 1; d + L <= D - 1; d++) {
        const t = [...work(e, d - 1, -1), ...work(e, d + L, -1)];
        for (let i = d; i < d + L; i++) t.push(...work(e, i, 1));
        addRow(t, '<=', L - 1);
      }
    // SEQ-3
    const minOff = m.minConsecutiveOff[e]!;
    for (let L = 1; L < minOff; L++)
      for (let d = 1; d + L <= D - 1; d++) {
        const t = [...work(e, d - 1, 1), ...work(e, d + L, 1)];
        for (let i = d; i < d + L; i++) t.push(...work(e, i, -1));
        addRow(t, '<=', 1);
      }
    // WKD-1
    const maxWe = m.maxWeekends[e]!;
    if (maxWe < m.weekends) {
      const ys: string[] = [];
      for (let k = 0; k < m.weekends; k++) {
        const y = `y_${e}_${k}`;
        let any = false;
        for (let d = 0; d < D; d++) {
          if (m.weekendOf[d] !== k) continue;
          for (let s = 0; s < S; s++)
            if (has(e, d, s)) {
              addRow([term(1, y), term(-1, name(e, d, s))], '>=', 0);
              any = true;
            }
        }
        if (any) {
          ys.push(term(1, y));
          bounds.push(` 0 <= ${y} <= 1`);
        }
      }
      if (ys.length > maxWe) addRow(ys, '<=', maxWe);
    }
  }

  // COVER
  for (let d = 0; d < D; d++)
    for (let s = 0; s < S; s++) {
      const c = d * S + s;
      const n: string[] = [];
      for (let e = 0; e < E; e++) if (has(e, d, s)) n.push(term(1, name(e, d, s)));
      for (let k = m.coverStart[c]!; k < m.coverStart[c + 1]!; k++) {
        const req = m.coverRequired[k]!;
        const u = `u_${k}`;
        const o = `o_${k}`;
        if (m.coverUnder[k]! !== 0) {
          objective.push(term(m.coverUnder[k]!, u));
          addRow([...n, term(1, u)], '>=', req);
        } else constant += 0;
        if (m.coverOver[k]! !== 0) {
          objective.push(term(m.coverOver[k]!, o));
          if (n.length > 0) addRow([...n, term(-1, o)], '<=', req);
        }
      }
    }

  const objLines: string[] = [];
  for (let i = 0; i < objective.length; i += 12) objLines.push(objective.slice(i, i + 12).join(' '));
  const binLines: string[] = [];
  for (let i = 0; i < binaries.length; i += 20) binLines.push(` ${binaries.slice(i, i + 20).join(' ')}`);
  const lp = [
    'Minimize',
    ` obj: ${objLines.length ? objLines.join('\n   ') : '0 x_dummy'}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    'Binary',
    ...binLines,
    'End',
    '',
  ].join('\n');
  return { lp, constant, variables: binaries.length + bounds.length, constraints: rowId, name };
}

export type HighsRun = {
  status: string;
  optimal: boolean;
  /** Objective of the incumbent as HiGHS reports it plus the constant (NaN without an incumbent). */
  objective: number;
  seconds: number;
  /** The incumbent as a flat assignment (value s + 1 for shift s), when there is one. */
  assignment?: Uint8Array;
};

type HighsSolver = { solve: (lp: string, options: Record<string, unknown>) => { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal?: number }> } };

/** Solve the MIP with HiGHS under a time limit (seconds). */
export async function solveWithHighs(m: NrpModel, seconds: number): Promise<HighsRun> {
  const mip = buildMip(m);
  const t0 = performance.now();
  const loader = (await import('highs')).default as unknown as () => Promise<HighsSolver>;
  const highs = await loader();
  const result = highs.solve(mip.lp, { time_limit: seconds, mip_rel_gap: 0, output_flag: false });
  const secondsTaken = (performance.now() - t0) / 1000;
  const optimal = result.Status === 'Optimal';
  const cols = result.Columns ?? {};
  let assignment: Uint8Array | undefined;
  if (Object.keys(cols).length > 0) {
    assignment = new Uint8Array(m.E * m.D);
    for (let e = 0; e < m.E; e++)
      for (let d = 0; d < m.D; d++)
        for (let s = 0; s < m.S; s++) if ((cols[mip.name(e, d, s)]?.Primal ?? 0) > 0.5) assignment[e * m.D + d] = s + 1;
  }
  const objective = assignment && Number.isFinite(result.ObjectiveValue) ? result.ObjectiveValue + mip.constant : NaN;
  return { status: result.Status, optimal, objective, seconds: secondsTaken, ...(assignment ? { assignment } : {}) };
}
