// Local search over cells, the last stage of the station engine: a greedy repair that fills short posts (the
// scarcest post first, own shift before call-ins before pulling community officers) and annealing over three moves —
// pull a candidate onto a post with an ejection chain, swap two people's options on a day, change a day — scored
// incrementally by the terms they touch. Hard rules are never traded: the model offers only allowed options and every
// move is checked against REST-1 and the station's limits.
import type { RosterState } from './state.ts';
import { random } from '../../random.ts';

export type AnnealOptions = { seed: number; seconds: number; maxIterations?: number };
export type AnnealResult = { score: number; iterations: number; seconds: number };

/** STAB-1's starting point: every published day as published, where the hard rules still allow it. */
export function keepPublished(state: RosterState): void {
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
}

/** Greedy repair: each short post, scarcest first, gets the scarcest fitting free person who keeps the hard rules. */
export function repair(state: RosterState): void {
  const { model } = state;
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

/** Anneals from the state as it is; leaves the best plan seen in the state. */
export function anneal(state: RosterState, options: AnnealOptions): AnnealResult {
  const started = performance.now();
  const rand = random(options.seed);
  const { model } = state;
  const cells = state.choice.length;
  let current = state.total();
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
  if (free.length === 0) return { score: best, iterations, seconds: (performance.now() - started) / 1000 };

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
  return { score: state.total(), iterations, seconds: (performance.now() - started) / 1000 };
}
