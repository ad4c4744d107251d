// Station bench: generated stations (bench/generate-station.ts, seed 1) planned by the old engine (greedy + annealing,
// bench/baseline-search.ts), the column-generation engine (shared/solver) and HiGHS on the same objective
// (bench/highs-station.ts), at the new engine's time and at 120 s. Prints one table (and one JSON line per station
// on stderr).
//   npm run bench:station                    every station
//   npm run bench:station -- --people 65     one size (28 days, both patterns)
//   npm run bench:station -- --highs 30      HiGHS's long run at 30 s instead of 120 s
// Both engines get the same cap: 5 s for 28 days (the old engine's bench cap; it usually stops earlier at its
// iteration limit), 20 s for 92 days; the new engine stops earlier when its plan is proven optimal. HiGHS gets the
// new engine's wall time (at least 1 s), then the long run.
import { BUILTIN_YEARS } from '../shared/calendar/builtin.ts';
import { calendarOf } from '../shared/calendar/index.ts';
import { parseArgs } from 'node:util';
import { StationConfig } from '../shared/domain/station.ts';
import { checkPlan } from '../shared/rules/checks.ts';
import { planRoster } from '../shared/solver/index.ts';
import { buildModel } from '../shared/solver/model.ts';
import { baselineScore } from './baseline-search.ts';
import { generateStation, type GeneratedPattern } from './generate-station.ts';
import { solveStationWithHighs } from './highs-station.ts';

const START = '2027-01-04';
const PATTERNS: GeneratedPattern[] = ['three-groups-two-running', 'four-teams-three-shifts'];

const { values } = parseArgs({
  options: { people: { type: 'string' }, highs: { type: 'string', default: '120' }, seed: { type: 'string', default: '1' } },
  strict: true,
});
const seed = Number(values.seed);
const highsLong = Number(values.highs);

type Case = { pattern: GeneratedPattern; people: number; days: number };
const cases: Case[] = [];
const sizes = values.people ? [Number(values.people)] : [30, 65, 150, 300];
for (const pattern of PATTERNS) for (const people of sizes) cases.push({ pattern, people, days: 28 });
if (!values.people || Number(values.people) === 300) for (const pattern of PATTERNS) cases.push({ pattern, people: 300, days: 92 });

const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
const header = ['pattern', 'people', 'days', 'old score', 'old s', 'new score', 'bound', 'gap %', 'new s', 'hard', 'HiGHS =t obj', 'bound', `HiGHS ${highsLong}s obj`, 'bound'];
const table: string[][] = [];
for (const c of cases) {
  const station = StationConfig.parse(generateStation({ people: c.people, seed, pattern: c.pattern }));
  const cap = c.days > 28 ? 20 : 5;
  const old = baselineScore(station, START, c.days, seed, cap);
  const t0 = performance.now();
  const plan = planRoster({ station, start: START, days: c.days, seed, seconds: cap });
  const seconds = (performance.now() - t0) / 1000;
  const hard = checkPlan({ station, start: START, days: c.days, approved: [], calendar: calendarOf(BUILTIN_YEARS, station.calendar) }, plan).filter((v) => v.severity === 'hard').length;
  const model = buildModel(station, START, c.days, [], []);
  const equal = await solveStationWithHighs(model, Math.max(1, seconds));
  const long = await solveStationWithHighs(model, highsLong);
  const line = {
    pattern: c.pattern, people: station.people.length, days: c.days,
    old: old.score, oldSeconds: old.seconds,
    score: plan.score.total, bound: plan.bound, gap: plan.gap, seconds, hard,
    highsEqual: equal, highsLong: long,
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
  table.push([
    c.pattern === 'three-groups-two-running' ? 'three groups' : 'four teams', String(line.people), String(c.days),
    fmt(old.score), fmt(old.seconds, 2), fmt(plan.score.total), fmt(plan.bound ?? Number.NaN), fmt((plan.gap ?? Number.NaN) * 100, 2), fmt(seconds, 2), String(hard),
    `${fmt(equal.objective)}${equal.optimal ? '*' : ''}`, fmt(equal.bound), `${fmt(long.objective)}${long.optimal ? '*' : ''}`, fmt(long.bound),
  ]);
}
const peakMb = process.resourceUsage().maxRSS / 1024;
const rows = [header, ...table];
const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(`| ${header.map((h, i) => h.padEnd(widths[i]!)).join(' | ')} |`);
console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
for (const r of table) console.log(`| ${r.map((cell, i) => cell.padStart(widths[i]!)).join(' | ')} |`);
console.log(`\nseed ${seed}, ${START}; * = HiGHS proved optimality; gap = (score − bound) / score; peak memory of this process ${peakMb.toFixed(0)} MB`);
