// Engine bench: plans generated stations of 30, 65, 150 and 300 people over 28 days from 2027-01-04 and prints one
// JSON line per station to stdout; a short table goes to stderr at the end.
//   npm run bench:engine                         every size, seed 1
//   npm run bench:engine -- --people 65 --seed 7 one size, another seed
//   npm run bench:engine -- --pattern four-teams-three-shifts
// `hardBreaks` is what the independent rule checks (checkPlan) find in the output, not the plan's own count;
// `seconds` is the wall time of planRoster measured here (model, search, output and its own checks).
// `searchOnlyScore` is the annealing alone started from the bare rotation (no greedy construction) with ten times
// the iterations: when two independent methods land on the same score, that score is very likely the optimum of
// the station's objective; where the construction is worse, the difference is what the search adds.
import { parseArgs } from 'node:util';
import { builtinCalendar } from '../shared/calendar/builtin.ts';
import { StationConfig } from '../shared/domain/station.ts';
import { checkPlan } from '../shared/rules/checks.ts';
import { planRoster } from '../shared/solver/index.ts';
import { buildModel } from '../shared/solver/model.ts';
import { search } from './baseline-search.ts';
import { RosterState } from '../shared/solver/station/state.ts';
import { generateStation, type GeneratedPattern } from './generate-station.ts';

const START = '2027-01-04';
const DAYS = 28;
const SIZES = [30, 65, 150, 300];
/** A safety cap only: the search usually stops at its iteration limit well before it. */
const SECONDS = 5;

const { values } = parseArgs({
  options: {
    people: { type: 'string' },
    seed: { type: 'string', default: '1' },
    pattern: { type: 'string', default: 'three-groups-two-running' },
  },
  strict: true,
});

const seed = Number(values.seed);
if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number ≥ 0, not ${values.seed}`);
const pattern = values.pattern as GeneratedPattern;
if (pattern !== 'three-groups-two-running' && pattern !== 'four-teams-three-shifts')
  throw new Error(`--pattern must be three-groups-two-running or four-teams-three-shifts, not ${values.pattern}`);
const sizes = values.people === undefined ? SIZES : [Number(values.people)];
if (sizes.some((n) => !Number.isInteger(n) || n < 8)) throw new Error(`--people must be a whole number ≥ 8, not ${values.people}`);

type Line = {
  people: number;
  days: number;
  seconds: number;
  hardBreaks: number;
  shortfalls: number;
  score: number;
  firstFeasibleScore: number;
  searchOnlyScore: number;
  iterations: number;
};

function searchAlone(station: StationConfig, seed: number): number {
  const model = buildModel(station, START, DAYS, [], [], builtinCalendar(station.calendar));
  const state = new RosterState(model);
  const free = model.domains.filter((d) => d.length > 1).length;
  return search(state, { seed: seed + 1, seconds: 120, maxIterations: free * 600, skipConstruction: true }).score;
}

const lines: Line[] = [];
for (const people of sizes) {
  const station = StationConfig.parse(generateStation({ people, seed, pattern }));
  const started = performance.now();
  const plan = planRoster({ station, start: START, days: DAYS, seed, seconds: SECONDS });
  const seconds = (performance.now() - started) / 1000;
  const hardBreaks = checkPlan({ station, start: START, days: DAYS, approved: [], calendar: builtinCalendar(station.calendar) }, plan).filter((v) => v.severity === 'hard').length;
  const line: Line = {
    people: station.people.length,
    days: DAYS,
    seconds: Math.round(seconds * 1000) / 1000,
    hardBreaks,
    shortfalls: plan.shortfalls.length,
    score: plan.score.total,
    firstFeasibleScore: plan.solver.firstFeasibleScore,
    searchOnlyScore: searchAlone(station, seed),
    iterations: plan.solver.iterations,
  };
  lines.push(line);
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

const columns: (keyof Line)[] = ['people', 'days', 'seconds', 'hardBreaks', 'shortfalls', 'score', 'firstFeasibleScore', 'searchOnlyScore', 'iterations'];
const cells = [columns.map(String), ...lines.map((l) => columns.map((c) => String(l[c])))];
const widths = columns.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
const render = (row: string[]) => row.map((cell, i) => cell.padStart(widths[i]!)).join('  ');
process.stderr.write(`\nengine bench (${pattern}, seed ${seed}, ${START} + ${DAYS} days, cap ${SECONDS} s)\n`);
process.stderr.write(`${render(cells[0]!)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
for (const row of cells.slice(1)) process.stderr.write(`${render(row)}\n`);
if (lines.some((l) => l.hardBreaks > 0)) {
  process.stderr.write('hard rule breaks found by checkPlan: the engine broke a hard rule\n');
  process.exitCode = 1;
}
