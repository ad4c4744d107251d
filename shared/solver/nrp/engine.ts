// The staff-rostering optimiser. Every hard rule of the model binds one employee's row, and RowDP (dp.ts) finds the
// best feasible row or window of a row exactly, so the engine keeps every row feasible and searches over rows:
// 1. Construction (feasibility first): employees in a seeded order each take the best feasible row given the cover
//    left by the others: RowDP over the whole horizon, or over consecutive windows with pro-rated limits when the
//    horizon is too long for one programme; rows still infeasible go through `repair` (larger windows, true limits).
// 2. Column generation (columns.ts) when the whole-horizon programme is small enough: the LP relaxation of "one row
//    per employee" with cover slacks, priced exactly by RowDP. It gives a lower bound (the search stops when the
//    roster reaches it) and, by diving (fix the employee whose LP row is most chosen, re-optimise, repeat), a roster.
// 3. Large-neighbourhood search with simulated annealing for the rest of the budget: (a) force an employee onto an
//    under-covered cell and let the others re-optimise their windows (best-response sweeps), or (b) clear a window of
//    a few employees and put them back one by one with their exact best window; accept by the Metropolis rule on
//    the exact objective change (an undo journal restores rejected moves).
// Deterministic for a seed and a number of moves; the time budget is checked between moves and inside long phases.
import { random as seededRandom } from '../../random.ts';
import { BlockColumns } from './columns.ts';
import { RowDP, type DpLimits } from './dp.ts';
import { ScoreState, evaluate, rowBreaks } from './evaluate.ts';
import { LagrangeRow } from './lagrange.ts';
import { coverCost, type NrpModel } from './model.ts';

export type EngineOptions = {
  /** Time budget in seconds. */
  seconds: number;
  seed?: number;
  /** Stop as soon as this objective is reached with no hard break (e.g. a known optimum). */
  target?: number;
  /** Progress lines (to stderr in the CLI). */
  log?: (line: string) => void;
  /** Stop after this many search moves (for deterministic tests). */
  maxMoves?: number;
  /** Share of the budget for column generation and diving (default 0.8; 0 disables). */
  columnShare?: number;
  /** Stop diving after this many dives (for deterministic tests). */
  maxDives?: number;
};

export type EngineResult = {
  assignment: Uint8Array;
  objective: number;
  hard: number;
  /** Seconds from the start until the best roster was first found. */
  timeToBest: number;
  seconds: number;
  moves: number;
  accepted: number;
  /** Lower bound from column generation (−Infinity when it did not run to a bound). */
  lowerBound: number;
  /** True when the roster reached the lower bound (optimal for integer weights). */
  provenOptimal: boolean;
  /** Every improvement of the best roster: seconds since start, objective, hard breaks. */
  history: { t: number; objective: number; hard: number }[];
};


/** Largest programme (states) the repair of a row tries; larger windows are skipped. */
const REPAIR_STATES = 5e6;

/** Largest master LP (rows) for the column generation (dense basis inverse). */
const COLUMN_ROWS = 600;

/** Largest master LP (rows) of a window move (everybody over a few days). */
const WINDOW_ROWS = 160;

/** Share of the search's work for window moves where they are allowed. */
const WINDOW_SHARE = 0.75;

/** Rounds the whole-roster root is expected to need (the public instances' roots took up to 36). */
const ROOT_ROUNDS = 35;

export function solveNrp(m: NrpModel, options: EngineOptions): EngineResult {
  const t0 = performance.now();
  const deadline = t0 + options.seconds * 1000;
  const elapsed = (): number => (performance.now() - t0) / 1000;
  const random = seededRandom(options.seed ?? 1);
  const log = options.log ?? (() => {});
  const { E, D, S, V } = m;
  const st = new ScoreState(m);
  const dp = new RowDP(m);
  const cost = new Float64Array(D * V);
  const out = new Uint8Array(D);
  const randInt = (n: number): number => Math.floor(random() * n);
  const integral = (() => {
    for (let i = 0; i < m.pref.length; i++) if (!Number.isInteger(m.pref[i]!)) return false;
    for (let k = 0; k < m.coverUnder.length; k++) if (!Number.isInteger(m.coverUnder[k]!) || !Number.isInteger(m.coverOver[k]!)) return false;
    return true;
  })();

  /** Fill `cost` for employee e on days a0 … b0−1 given everybody else's cells. */
  const fillCost = (e: number, a0: number, b0: number): void => {
    const a = st.a;
    const cnt = st.cnt;
    for (let d = a0; d < b0; d++) {
      const cell = (e * D + d) * V;
      const cur = a[e * D + d]!;
      const t = (d - a0) * V;
      cost[t] = m.pref[cell]!;
      for (let v = 1; v < V; v++) {
        if (!m.allowed[cell + v]) {
          cost[t + v] = Infinity;
          continue;
        }
        const c = d * S + v - 1;
        const n = cnt[c]! - (cur === v ? 1 : 0);
        cost[t + v] = m.pref[cell + v]! + coverCost(m, c, n + 1) - coverCost(m, c, n);
      }
    }
  };

  // ---- Best roster bookkeeping ------------------------------------------------------------------------------------
  const history: EngineResult['history'] = [];
  let bestObj = Infinity;
  let bestHard = Infinity;
  const best = new Uint8Array(E * D);
  let timeToBest = 0;
  let lowerBound = -Infinity;
  const record = (): void => {
    const hard = st.hard();
    const obj = st.objective();
    if (hard < bestHard || (hard === bestHard && obj < bestObj - 1e-9)) {
      bestObj = obj;
      bestHard = hard;
      best.set(st.a);
      timeToBest = elapsed();
      history.push({ t: timeToBest, objective: bestObj, hard: bestHard });
    }
  };
  const restoreBest = (): void => {
    for (let i = 0; i < E * D; i++) if (st.a[i] !== best[i]) st.set((i / D) | 0, i % D, best[i]!);
  };
  const optimal = (): boolean => bestHard === 0 && Number.isFinite(lowerBound) && bestObj <= (integral ? Math.ceil(lowerBound - 1e-6) : lowerBound + 1e-9);
  const done = (): boolean => performance.now() >= deadline || optimal() || (options.target !== undefined && bestHard === 0 && bestObj <= options.target);

  // ---- 1. Construction ---------------------------------------------------------------------------------------------
  const order = Array.from({ length: E }, (_, e) => e);
  const shuffle = (xs: number[]): void => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = randInt(i + 1);
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
  };
  shuffle(order);
  /** Best window for e applied to the state; returns the objective change, NaN (too large) or Infinity (none). */
  const place = (e: number, a0: number, b0: number, limits?: DpLimits, programme = dp): number => {
    fillCost(e, a0, b0);
    const r = programme.solve(e, st.a, e * D, a0, b0, cost, out, limits);
    if (!Number.isFinite(r)) return r;
    let delta = 0;
    for (let d = a0; d < b0; d++) delta += st.set(e, d, out[d - a0]!);
    return delta;
  };
  // Whole-horizon programme per employee when it is small enough (tried while it keeps succeeding), otherwise
  // consecutive windows with the minimum minutes and the weekends pro-rated to the days placed so far.
  let fullRowFailures = 0;
  let fullRows = 0;
  const weekendsUpTo = (b: number): number => {
    let n = 0;
    for (let i = 0; i < b; i++) if (m.weekendOf[i]! >= 0 && (i === 0 || m.weekendOf[i - 1] !== m.weekendOf[i])) n++;
    return n;
  };
  // Window programmes of the construction: up to four weeks (shorter while the state space is large), and on
  // instances with many shift types only the cheapest few per day (`narrow`), retried exactly when that fails.
  const lagrange = new LagrangeRow(m);
  // Programmes of the repair and of the windowed construction give up early (a few thousand states a day): on long
  // horizons with many types one large window could otherwise take minutes.
  const smallDp = new RowDP(m, 20_000);
  // The whole-horizon programme of the construction is held to about ten million states in all (as many per day as
  // before on horizons up to 40 days).
  const wholeDp = new RowDP(m, Math.min(250_000, Math.floor(1e7 / D)));
  let lagrangeRows = 0;
  const constructionBudget = (deadline - t0) * 0.4;
  let constructLen = Math.min(D, 28);
  let narrow: number | undefined = S > 6 ? 4 : undefined;
  const constructRow = (e: number): boolean => {
    if (fullRowFailures < 3 && dp.stateCount(e, st.a, e * D, 0, D) < 1e8) {
      const r = place(e, 0, D, undefined, wholeDp);
      if (Number.isFinite(r)) {
        fullRows++;
        return true;
      }
      if (Number.isNaN(r)) fullRowFailures++;
    }
    for (let d = 0; d < D; d++) st.set(e, d, 0);
    // The whole row with its resources priced (lagrange.ts): cheap on any horizon, exact on successions and runs.
    fillCost(e, 0, D);
    if (Number.isFinite(lagrange.solve(e, cost, out))) {
      for (let d = 0; d < D; d++) st.set(e, d, out[d]!);
      if (st.rowHard(e) === 0) {
        lagrangeRows++;
        return true;
      }
      for (let d = 0; d < D; d++) st.set(e, d, 0);
    }
    // Nearly feasible, or out of the construction's share of the budget: the least violating priced row, left to
    // the repair (exact windows finish it).
    if (lagrange.violation <= 3 || performance.now() - t0 > constructionBudget) {
      if (lagrange.violation < Infinity) for (let d = 0; d < D; d++) st.set(e, d, out[d]!);
      return false;
    }
    let ok = true;
    let len = constructLen;
    while (len > 7 && dp.stateCount(e, st.a, e * D, 0, len) > 1e6) len = Math.max(7, Math.floor(len / 2));
    for (let a0 = 0; a0 < D; ) {
      // Past the construction's share of the budget: the rest of the row is left to the repair.
      if (performance.now() - t0 > constructionBudget) {
        ok = false;
        break;
      }
      const b0 = Math.min(D, a0 + len);
      const last = b0 === D;
      const limits: DpLimits = last
        ? {}
        : {
            minMinutes: Math.floor((m.minMinutes[e]! * b0) / D),
            maxWeekends: m.weekends > 0 ? Math.ceil((m.maxWeekends[e]! * weekendsUpTo(b0)) / m.weekends) : m.maxWeekends[e]!,
          };
      let r = place(e, a0, b0, narrow === undefined ? limits : { ...limits, topK: narrow }, smallDp);
      if (!Number.isFinite(r) && narrow !== undefined && !Number.isNaN(r)) r = place(e, a0, b0, limits, smallDp);
      if (Number.isNaN(r) && len > 7) {
        len = Math.max(7, Math.floor(len / 2));
        continue;
      }
      if (!Number.isFinite(r) && !last) r = place(e, a0, b0, { minMinutes: 0, ...(narrow === undefined ? {} : { topK: narrow }) }, smallDp);
      if (!Number.isFinite(r)) ok = false;
      a0 = b0;
    }
    return ok && st.rowHard(e) === 0;
  };
  const infeasible: number[] = [];
  for (let i = 0; i < E; i++) {
    const e = order[i]!;
    if (!constructRow(e)) infeasible.push(e);
    // Keep the construction within its share of the budget: shorter windows and fewer shifts per day if needed.
    const spent = performance.now() - t0;
    if (i < E - 1 && spent / (i + 1) * E > constructionBudget) {
      fullRowFailures = 3;
      if (constructLen > 7) constructLen = Math.max(7, Math.floor(constructLen / 2));
      else narrow = Math.max(2, (narrow ?? Math.min(S, 8)) - 1);
    }
  }
  if (infeasible.length > 0) {
    log(`construction: ${infeasible.length} rows need repair`);
    repairRows(infeasible);
  }
  record();
  log(`construction: objective ${bestObj}, hard ${bestHard}, ${fullRows}/${E} whole-horizon rows, ${lagrangeRows} priced rows, ${elapsed().toFixed(3)} s`);

  /**
   * Repair rows with hard breaks: re-place windows of growing length with the true limits; a row short of its
   * minimum minutes also takes part of the shortfall window by window (each window asked for as much as it can).
   */
  function repairRows(rows: number[]): void {
    const rowMinutes = (e: number): number => {
      let x = 0;
      for (let d = 0; d < D; d++) x += m.valueMinutes[st.a[e * D + d]!]!;
      return x;
    };
    const lagOut = new Uint8Array(D);
    for (const e of rows) {
      if (performance.now() >= deadline) break;
      // First the whole row at once with its resources priced (lagrange.ts): feasible, or a start with fewer breaks.
      // Tried again under other tilts (the construction already tried the first one).
      for (let attempt = 1; attempt <= 4 && st.rowHard(e) > 0 && performance.now() < deadline; attempt++) {
        lagrange.reseed(attempt * 7919 + e);
        fillCost(e, 0, D);
        const lr = lagrange.solve(e, cost, lagOut);
        if (Number.isFinite(lr) || (lagrange.violation < Infinity && rowBreaks(m, e, lagOut, 0) < st.rowHard(e))) for (let d = 0; d < D; d++) st.set(e, d, lagOut[d]!);
      }
      lagrange.reseed(0x2545f491);
      const attempt = (a0: number, b0: number, limits?: DpLimits): boolean => {
        // Programmes too large for the time left are skipped (a whole-year window can take minutes).
        if (dp.stateCount(e, st.a, e * D, a0, b0, limits) > REPAIR_STATES) return false;
        const before = st.a.slice(e * D, e * D + D);
        const hardBefore = st.rowHard(e);
        const minutesBefore = rowMinutes(e);
        const r = place(e, a0, b0, limits, smallDp);
        const better = Number.isFinite(r) && (st.rowHard(e) < hardBefore || (st.rowHard(e) === hardBefore && rowMinutes(e) > minutesBefore && minutesBefore < m.minMinutes[e]!));
        if (!better) for (let d = 0; d < D; d++) st.set(e, d, before[d]!);
        return better;
      };
      for (let len = Math.min(D, 14); st.rowHard(e) > 0 && performance.now() < deadline; len = Math.min(D, len * 2)) {
        const step = Math.max(1, Math.floor(len / 2));
        for (let a0 = 0; a0 < D && st.rowHard(e) > 0 && performance.now() < deadline; a0 += step) {
          const b0 = Math.min(D, a0 + len);
          if (attempt(a0, b0)) continue;
          const short = m.minMinutes[e]! - rowMinutes(e);
          // Ask a window for half the shortfall, then less, down to one unit (a shortfall of one shift included).
          if (short > 0)
            for (let part = Math.max(m.minuteUnit, short / 2); !attempt(a0, b0, { minMinutes: rowMinutes(e) + part }) && part > m.minuteUnit; part = Math.max(m.minuteUnit, part / 2));
        }
        if (len === D) break;
      }
    }
  }

  // ---- 3. Large-neighbourhood search (defined first: the column phase polishes its dives with it) -------------
  // Undo journal of the current move: (cell index, old value) pairs.
  let journal = new Int32Array(1024);
  let jn = 0;
  const setJ = (e: number, d: number, v: number): number => {
    const i = e * D + d;
    const old = st.a[i]!;
    if (old === v) return 0;
    if (jn + 2 > journal.length) {
      const bigger = new Int32Array(journal.length * 2);
      bigger.set(journal);
      journal = bigger;
    }
    journal[jn++] = i;
    journal[jn++] = old;
    return st.set(e, d, v);
  };
  const undo = (): void => {
    for (let j = jn - 2; j >= 0; j -= 2) {
      const i = journal[j]!;
      st.set((i / D) | 0, i % D, journal[j + 1]!);
    }
    jn = 0;
  };
  /** Best window for e through the journal; returns the objective change (NaN / Infinity when no window). */
  const reoptJ = (e: number, a0: number, b0: number, forceDay = -1, forceValue = -1): number => {
    fillCost(e, a0, b0);
    if (forceDay >= 0) for (let v = 0; v < V; v++) if (v !== forceValue) cost[(forceDay - a0) * V + v] = Infinity;
    let bestCost = dp.solve(e, st.a, e * D, a0, b0, cost, out, searchNarrow);
    if (bestCost === Infinity && searchNarrow) bestCost = dp.solve(e, st.a, e * D, a0, b0, cost, out);
    if (!Number.isFinite(bestCost)) {
      // A programme refused as too large: shorter windows from now on.
      if (Number.isNaN(bestCost) && b0 - a0 > 7 && ++refusals >= 3) {
        maxLen = Math.max(7, Math.min(maxLen, b0 - a0) - 7);
        refusals = 0;
      }
      return bestCost;
    }
    let delta = 0;
    for (let d = a0; d < b0; d++) delta += setJ(e, d, out[d - a0]!);
    return delta;
  };
  let refusals = 0;
  // On instances whose whole-horizon programmes did not fit and that have many shift types, the search's programmes
  // consider only the cheapest few shifts per day (a heuristic; exact again when that finds nothing).
  const searchNarrow: DpLimits | undefined = fullRows < E && S > 6 ? { topK: 4 } : undefined;
  // Window lengths of the search: the whole horizon (up to 8 weeks) when every whole-horizon programme fitted,
  // otherwise up to 4 weeks; shortened whenever a programme is refused as too large.
  let maxLen = fullRows === E ? Math.min(D, 56) : Math.min(D, 28);
  // Blocks for column generation inside the search: up to 28 days and a master LP of at most ~250 rows; none when
  // even a week of cover rows is larger than that.
  const blockLen = Math.max(7, Math.min(D, 28, Math.floor(240 / Math.max(1, S))));
  const blocksAllowed = blockLen * S <= 240;
  // Windows: every employee over a few consecutive days, re-optimised by column generation and diving (a time slice
  // of the whole master). Far cheaper than the whole master when that is large (its cover rows dominate), and it moves
  // many rows at once where single-row moves stall (Instance12: 9251 → 4198 at 10 s against 5644 without). Used when
  // the slice's master has at most WINDOW_ROWS rows for a week or more, the slice is at most half the horizon (longer,
  // the whole-roster column generation does the same), and every whole-horizon programme fitted (so that a window's
  // programmes are small).
  const coverPerDay = m.coverRequired.length / D;
  const windowLen = Math.min(D, Math.floor((WINDOW_ROWS - E) / Math.max(1, coverPerDay)));
  const windowsAllowed = fullRows === E && windowLen >= 7 && 2 * windowLen <= D;

  const chosen: number[] = [];
  const isChosen = new Uint8Array(E);
  const candidates: number[] = [];
  let moves = 0;
  let accepted = 0;
  let blocks = 0;
  let blocksProved = 0;
  const maxMoves = options.maxMoves ?? Infinity;
  const T0 = 30;
  const T1 = 0.5;

  // Adaptive choice of the move kind (as in adaptive large-neighbourhood search): each kind's value follows its
  // recent improvement per unit of work, and the kinds share the work in proportion to their values (a kind is chosen
  // with probability value / average work of one of its moves), so that a kind that costs much and rarely pays (e.g.
  // column-generation blocks on large instances) fades, while each keeps at least a small share of the work. Work is
  // counted in programme states expanded plus simplex pivots (weighted by the master's size), not in time, so that a
  // seed and a number of moves still give the same roster.
  const BLOCK = 0;
  const CHAIN = 1;
  const FORCE = 2;
  const RUIN = 3;
  const WINDOW = 4;
  const KINDS = 5;
  const opValue = [0.15, 0.25, 0.2, 0.4, 0.4];
  const opGain = [0, 0, 0, 0, 0];
  const opWork = [0, 0, 0, 0, 0];
  const opMoves = [0, 0, 0, 0, 0];
  const opTotalWork = [0, 0, 0, 0, 0];
  const opFloor = 0.04;
  const SEGMENT = 100;
  let lastBlockWork = 0;
  const opWeight = [0, 0, 0, 0, 0];
  const chooseOp = (blocks: boolean): number => {
    // Windows keep a fixed share of the work: one costs as much as hundreds of single-row moves, so the per-work
    // weighting below would starve them although they gain the most where they are allowed.
    if (blocks && windowsAllowed) {
      let total = 0;
      for (let o = 0; o < KINDS; o++) total += opTotalWork[o]!;
      if (opTotalWork[WINDOW]! <= WINDOW_SHARE * total) return WINDOW;
    }
    const allowed = (o: number): boolean => (o === BLOCK ? blocks && blocksAllowed : o !== WINDOW);
    // Average work of a move per kind; a kind not tried yet counts as the cheapest tried one.
    let cheapest = Infinity;
    for (let o = 0; o < KINDS; o++) if (opMoves[o]! > 0) cheapest = Math.min(cheapest, opTotalWork[o]! / opMoves[o]!);
    if (!Number.isFinite(cheapest)) cheapest = 1;
    let total = 0;
    for (let o = 0; o < KINDS; o++) {
      opWeight[o] = allowed(o) ? opValue[o]! / (opMoves[o]! > 0 ? opTotalWork[o]! / opMoves[o]! : cheapest) : 0;
      total += opWeight[o]!;
    }
    let u = random() * total;
    for (let o = 0; o < KINDS; o++) {
      u -= opWeight[o]!;
      if (u < 0 && opWeight[o]! > 0) return o;
    }
    return RUIN;
  };
  const adapt = (): void => {
    const rate = opWork.map((w, o) => (w > 0 ? opGain[o]! / w : -1));
    const known = rate.filter((r) => r >= 0);
    const sum = known.reduce((a, b) => a + b, 0);
    for (let o = 0; o < KINDS; o++) {
      if (rate[o]! < 0) continue; // not tried in this segment: keep its value
      const share = sum > 0 ? rate[o]! / sum : 1 / known.length;
      opValue[o] = Math.max(opFloor, 0.6 * opValue[o]! + 0.4 * share);
    }
    opGain.fill(0);
    opWork.fill(0);
  };

  /** One search move at temperature `temperature`; `withBlocks` allows column-generation blocks. */
  const move = (temperature: number, withBlocks: boolean): void => {
    const op = chooseOp(withBlocks);
    const work0 = dp.expanded;
    lastBlockWork = 0;
    const gain = moveOf(op, temperature);
    const work = dp.expanded - work0 + lastBlockWork + 1;
    opWork[op]! += work;
    opTotalWork[op]! += work;
    opMoves[op]!++;
    opGain[op]! += gain;
    if (moves % SEGMENT === 0) adapt();
  };

  /** A cell (d * S + s) whose cover would gain from one more employee, from up to `tries` random cells; −1 if none. */
  const underCoveredCell = (tries: number): number => {
    for (let i = 0; i < tries; i++) {
      const c = randInt(D) * S + randInt(S);
      if (coverCost(m, c, st.cnt[c]! + 1) < coverCost(m, c, st.cnt[c]!)) return c;
    }
    return -1;
  };

  /** A move of kind `op`; returns the improvement it made (0 unless accepted with a lower objective). */
  const moveOf = (op: number, temperature: number): number => {
    moves++;
    jn = 0;
    let delta = 0;
    let failed = false;
    const len = Math.min(maxLen, random() < 0.4 ? maxLen : 7 + randInt(22));
    if (op === BLOCK || op === WINDOW) {
      // (c) Re-optimise a block (k employees × a window, or everybody × a window) by column generation and diving;
      // skipped when its LP bound shows that the block cannot improve.
      const k = op === WINDOW ? E : Math.min(E, 3 + randInt(8));
      const bl = Math.min(D, op === WINDOW ? windowLen : blockLen);
      let a0 = randInt(D - bl + 1);
      let b0 = a0 + bl;
      if (op === WINDOW) {
        // Every day equally likely in the window: it may stick out of the horizon (and is then cut short), or the
        // first and last days would only rarely be re-optimised.
        const start = randInt(D + bl - 1) - (bl - 1);
        a0 = Math.max(0, start);
        b0 = Math.min(D, start + bl);
      }
      chosen.length = 0;
      if (op === WINDOW) for (let e = 0; e < E; e++) chosen.push(e);
      while (chosen.length < k) {
        const e = randInt(E);
        if (isChosen[e]) continue;
        isChosen[e] = 1;
        chosen.push(e);
      }
      for (const e of chosen) isChosen[e] = 0;
      chosen.sort((x, y) => x - y);
      let before = 0;
      for (const e of chosen) for (let d = a0; d < b0; d++) before += m.pref[(e * D + d) * V + st.a[e * D + d]!]!;
      for (let d = a0; d < b0; d++) for (let s2 = 0; s2 < S; s2++) before += coverCost(m, d * S + s2, st.cnt[d * S + s2]!);
      const sub = Math.min(deadline, performance.now() + 2000);
      const bc = new BlockColumns(m, dp, chosen, a0, b0, st.a);
      bc.generate(sub);
      blocks++;
      if (bc.converged && bc.lowerBound >= (integral ? before - 1 + 1e-6 : before - 1e-6)) {
        blocksProved++;
        lastBlockWork = bc.work;
        return 0;
      }
      if (!bc.dive(sub, 50, 0.99, (e, d, v) => {
        delta += setJ(e, d, v);
      }, 0.1, undefined, integral ? 1 : 0, true, Math.max(5, Math.ceil(k / 3)))) failed = true;
      lastBlockWork = bc.work;
    } else if (op === CHAIN) {
      // (d) Ejection chain: force an employee onto an under-covered cell; a cell it leaves under-covered is offered
      // to another employee (forced onto it), and so on up to four links, all within one window.
      const cell = underCoveredCell(30);
      if (cell < 0) return 0;
      let d = (cell / S) | 0;
      let s = cell % S;
      const a0 = Math.max(0, Math.min(d - randInt(len), D - len));
      const b0 = a0 + len;
      chosen.length = 0;
      for (let link = 0; link < 4; link++) {
        candidates.length = 0;
        for (let e = 0; e < E; e++) if (!isChosen[e] && m.allowed[(e * D + d) * V + s + 1] && st.a[e * D + d] !== s + 1) candidates.push(e);
        if (candidates.length === 0) break;
        const e = candidates[randInt(candidates.length)]!;
        isChosen[e] = 1;
        chosen.push(e);
        for (let t = a0; t < b0; t++) out[t - a0] = st.a[e * D + t]!;
        const before = out.slice(0, b0 - a0);
        const r = reoptJ(e, a0, b0, d, s + 1);
        if (!Number.isFinite(r)) {
          failed = true;
          break;
        }
        delta += r;
        if (delta < 0) break;
        // The next link: a cell e left that is now under-covered.
        let next = -1;
        let seen = 0;
        for (let t = a0; t < b0; t++) {
          const u0 = before[t - a0]!;
          if (u0 === 0 || st.a[e * D + t] === u0) continue;
          const c = t * S + u0 - 1;
          if (coverCost(m, c, st.cnt[c]! + 1) < coverCost(m, c, st.cnt[c]!) && randInt(++seen) === 0) next = c;
        }
        if (next < 0) break;
        d = (next / S) | 0;
        s = next % S;
      }
      for (const e of chosen) isChosen[e] = 0;
    } else if (op === FORCE) {
      // (a) Force one employee onto a cell (preferably an under-covered one), then best-response sweeps.
      let d = randInt(D);
      let s = randInt(S);
      const cell = underCoveredCell(20);
      if (cell >= 0) {
        d = (cell / S) | 0;
        s = cell % S;
      }
      candidates.length = 0;
      for (let e = 0; e < E; e++) if (m.allowed[(e * D + d) * V + s + 1] && st.a[e * D + d] !== s + 1) candidates.push(e);
      if (candidates.length === 0) return 0;
      const e = candidates[randInt(candidates.length)]!;
      const a0 = Math.max(0, Math.min(d - randInt(len), D - len));
      const b0 = a0 + len;
      const r = reoptJ(e, a0, b0, d, s + 1);
      if (!Number.isFinite(r)) failed = true;
      else {
        delta += r;
        for (let sweep = 0; sweep < 3; sweep++) {
          shuffle(order);
          let improved = false;
          let n = 0;
          for (const f of order) {
            if (f === e && sweep === 0) continue;
            if (n++ >= 8) break;
            const rf = reoptJ(f, a0, b0);
            if (Number.isFinite(rf)) {
              delta += rf;
              if (rf < 0) improved = true;
            }
          }
          if (!improved) break;
        }
      }
    } else {
      // (b) Ruin and recreate a window of k employees.
      const k = random() < 0.3 ? 1 : 2 + randInt(Math.min(4, E - 1));
      const a0 = randInt(D - len + 1);
      const b0 = a0 + len;
      chosen.length = 0;
      while (chosen.length < Math.min(k, E)) {
        const e = randInt(E);
        if (isChosen[e]) continue;
        isChosen[e] = 1;
        chosen.push(e);
      }
      for (const e of chosen) isChosen[e] = 0;
      if (k > 1) for (const e of chosen) for (let d = a0; d < b0; d++) delta += setJ(e, d, 0);
      for (const e of chosen) {
        const r = reoptJ(e, a0, b0);
        if (Number.isFinite(r)) delta += r;
        else {
          failed = true;
          break;
        }
      }
      if (!failed && k > 1) for (const e of chosen) delta += reoptJ(e, a0, b0);
    }
    const accept = !failed && (delta <= 0 || random() < Math.exp(-delta / temperature));
    if (accept) {
      accepted++;
      if (delta < 0) record();
      return delta < 0 ? -delta : 0;
    }
    undo();
    return 0;
  };

  /** Search moves until `until` (ms) or `count` moves, cooling from T0 to T1 over that span. */
  const search = (until: number, count: number, withBlocks: boolean, t0Search = T0): void => {
    const start = performance.now();
    const first = moves;
    let temperature = t0Search;
    while (moves < maxMoves && moves - first < count && performance.now() < until && !done()) {
      move(temperature, withBlocks);
      if ((moves & 15) === 0) {
        // A run bounded by a move count cools by moves alone, so that a seed and a move count give one roster
        // whatever the machine's speed; a timed run cools by whichever of time and moves is further along.
        const byMoves = Math.min(1, (moves - first) / count);
        const frac = maxMoves < Infinity ? byMoves : Math.max(Math.min(1, (performance.now() - start) / Math.max(1, until - start)), byMoves);
        temperature = t0Search * (T1 / t0Search) ** frac;
      }
    }
  };

  // ---- 2. Column generation and diving -----------------------------------------------------------------------
  const columnShare = options.columnShare ?? 0.9;
  // Column generation over the whole roster needs every whole-horizon programme (construction placed every row with
  // one) and a master LP small enough for the dense simplex.
  const fullFits = fullRows === E && E + m.coverRequired.length <= COLUMN_ROWS;
  let dives = 0;
  if (fullFits && columnShare > 0 && bestHard === 0 && !done()) {
    const budget = deadline - t0;
    const cg = new BlockColumns(m, dp, Array.from({ length: E }, (_, e) => e), 0, D, st.a);
    // Root: to convergence (or, with integer weights, until the bound's ceiling cannot rise any more).
    const rootDeadline = t0 + budget * 0.45;
    // One round first: when twenty rounds (half of what the roots of the public instances took) would not fit in the
    // root's share, the time goes to the search instead.
    const firstStart = performance.now();
    cg.generate(rootDeadline, 1);
    const tooSlow = (performance.now() - firstStart) * 20 > rootDeadline - t0;
    if (tooSlow) log(`columns: one round took ${(performance.now() - firstStart).toFixed(0)} ms, too slow for this budget: search only`);
    // Where windows are allowed they are the fallback: the root gives up as soon as its rounds so far say that
    // ROOT_ROUNDS of them would not fit in its share (rounds only get dearer), and diving needs a converged root.
    while (!tooSlow && performance.now() < rootDeadline && !cg.converged && cg.lpSolved) {
      cg.generate(rootDeadline, windowsAllowed ? 1 : 5);
      if (integral && Number.isFinite(cg.lowerBound) && Math.ceil(cg.lowerBound - 1e-6) >= Math.ceil(cg.lpObjective - 1e-6)) break;
      if (windowsAllowed && cg.rounds >= 3 && ((performance.now() - firstStart) / cg.rounds) * ROOT_ROUNDS > rootDeadline - t0) break;
    }
    lowerBound = cg.lowerBound;
    const rootDone = cg.converged || (integral && Number.isFinite(cg.lowerBound) && Math.ceil(cg.lowerBound - 1e-6) >= Math.ceil(cg.lpObjective - 1e-6));
    const giveUp = !tooSlow && windowsAllowed && !rootDone;
    if (giveUp) log(`columns: the root did not converge in its share of the budget: windows instead of dives`);
    log(`columns: ${cg.rounds} rounds, ${(dp.expanded / 1e6).toFixed(1)}M states, ${cg.pivots} pivots, ${cg.rows} rows, LP ${cg.lpObjective.toFixed(2)}, bound ${lowerBound.toFixed(2)}, ${elapsed().toFixed(2)} s`);
    // Dives until the column share of the budget is spent: the first follows the LP, the next ones add noise to the
    // choice of the column to fix; each roster is polished by a short search.
    const columnDeadline = t0 + budget * columnShare;
    const noise = (): number => 0.3 * random();
    let diveTimeSum = 0;
    let aborted = 0;
    while (!tooSlow && !giveUp && !done() && performance.now() < columnDeadline && dives < (options.maxDives ?? Infinity)) {
      // A new dive only when a typical dive still fits in the column share of the budget.
      if (dives > 0 && performance.now() + 0.7 * (diveTimeSum / dives) > columnDeadline) break;
      if (dives > 0) cg.reset();
      const diveStart = performance.now();
      // Later dives add noise to the choice of columns and give up as soon as they cannot beat the best roster.
      const cutoff = dives > 0 && bestHard === 0 ? (integral ? bestObj - 1 + 1e-6 : bestObj - 1e-6) : Infinity;
      const ok = cg.dive(columnDeadline, 50, 0.99, (e, d, v) => void st.set(e, d, v), 0.1, dives > 0 ? noise : undefined, integral ? 1 : 0, dives === 0, Math.max(5, Math.ceil(E / 6)), cutoff);
      dives++;
      diveTimeSum += performance.now() - diveStart;
      if (!ok) {
        aborted++;
        continue;
      }
      const dived = st.objective();
      record();
      const diveTime = performance.now() - diveStart;
      search(Math.min(deadline, performance.now() + Math.max(100, 0.3 * diveTime)), 20 * E, false, 3);
      log(`dive ${dives}: ${dived} → ${st.objective()} (best ${bestObj}), ${elapsed().toFixed(2)} s`);
    }
    log(`dives: ${dives} (${aborted} cut off by the best roster), best ${bestObj}, ${elapsed().toFixed(2)} s`);
    if (st.objective() > bestObj || st.hard() > bestHard) restoreBest();
  }

  // The rest of the budget: search from the best roster, with column-generation blocks.
  if (!done()) restoreBest();
  search(deadline, Infinity, true);
  record();

  const final = evaluate(m, best);
  log(`blocks: ${blocks} (${blocksProved} proved locally optimal); dives: ${dives}; move values ${opValue.map((w) => w.toFixed(2)).join('/')}, moves ${opMoves.join('/')} (block/chain/force/ruin/window)`);

  log(`search: ${moves} moves, ${accepted} accepted, ${dp.calls} programmes; best ${final.objective} (hard ${final.hard}) at ${timeToBest.toFixed(3)} s${optimal() ? ', optimal (reached the bound)' : ''}`);
  return {
    assignment: best,
    objective: final.objective,
    hard: final.hard,
    timeToBest,
    seconds: elapsed(),
    moves,
    accepted,
    lowerBound,
    provenOptimal: optimal(),
    history,
  };
}
