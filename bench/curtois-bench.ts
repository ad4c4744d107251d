// Benchmark of the NRP engine on the Curtois staff-rostering instances, with HiGHS (exact MIP, highs-model.ts) side by
// side. For each instance (bench/curtois/instances/): run the engine, score its roster from scratch with the project's
// evaluator (and, with --checker <evaluate.mjs>, with an outside checker that must agree), run HiGHS under the same
// time limit, print a table row. The rows also go to bench/results/curtois.json.
//   npm run bench:curtois
//   npm run bench:curtois -- --only Instance3 --engine-seconds 5 --highs-seconds 5 --seed 2
//   npm run bench:curtois -- --skip-highs
// Budgets: 10 s for Instance1–8, 60 s for the others (each for the engine and for HiGHS), unless overridden.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { curtoisSolution, parseCurtois } from './curtois/format.ts';
import { solveNrp } from '../shared/solver/nrp/engine.ts';
import { compile, toRoster } from '../shared/solver/nrp/model.ts';
import { BEST_KNOWN, instanceNames, instancePath, scoreRoster } from './curtois/instances.ts';
import { solveWithHighs } from './highs-model.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    'engine-seconds': { type: 'string' },
    'highs-seconds': { type: 'string' },
    'skip-highs': { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    checker: { type: 'string' },
  },
  strict: true,
});

const number = (name: string): number => Number(/(\d+)/.exec(name)?.[1] ?? NaN);
const defaultSeconds = (name: string): number => (number(name) <= 8 ? 10 : 60);
const seconds = (flag: string | undefined, name: string): number => {
  if (flag === undefined) return defaultSeconds(name);
  const n = Number(flag);
  if (!(n > 0)) throw new Error(`seconds must be positive, not ${flag}`);
  return n;
};
const seed = Number(values.seed);

type Check = { feasible: boolean; hard: number; objective: number };
/** The project's evaluator, from the instance text (an outside checker, e.g. the benchmark's own, may be named with --checker). */
function check(instancePath: string, name: string, roster: Record<string, string[]>, tmp: string, tag: string): Check {
  const ours = scoreRoster(readFileSync(instancePath, 'utf8'), name, roster);
  if (!values.checker) return { feasible: ours.feasible, hard: ours.hard, objective: ours.objective };
  const file = join(tmp, `${name}.${tag}.json`);
  writeFileSync(file, JSON.stringify(curtoisSolution(name, roster)));
  const run = spawnSync(process.execPath, [values.checker, instancePath, file], { encoding: 'utf8' });
  const theirs = JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as Check;
  if (theirs.objective !== ours.objective || theirs.hard !== ours.hard) throw new Error(`${name} ${tag}: the checker says ${JSON.stringify(theirs)}, ours ${ours.objective}/${ours.hard}`);
  return { feasible: theirs.feasible, hard: theirs.hard, objective: theirs.objective };
}

type Row = {
  instance: string;
  bestKnown: number | null;
  ours: number;
  gapPercent: number | null;
  seconds: number;
  feasible: boolean;
  hard: number;
  timeToBest: number;
  seed: number;
  engineSeconds: number;
  highs: null | { objective: number | null; status: string; optimal: boolean; seconds: number; feasible: boolean | null; timeLimit: number };
  /** Seconds until the engine first reached HiGHS's proven optimum (null: HiGHS proved nothing, or never reached). */
  timeToHighsOptimum: number | null;
};

const files = instanceNames().filter((name) => !values.only || values.only.includes(name));
if (files.length === 0) throw new Error(`no instance matches ${values.only?.join(', ')}`);
const tmp = mkdtempSync(join(tmpdir(), 'curtois-'));
const rows: Row[] = [];

const fmt = (n: number | null | undefined, digits = 0): string => (n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));
const header = ['instance', 'best known', 'ours', 'gap %', 'seconds', 'feasible', 'HiGHS objective', 'HiGHS status', 'HiGHS seconds', 'our time to HiGHS optimum (s)'];
const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
const tableRow = (r: Row): string[] => [
  r.instance,
  fmt(r.bestKnown),
  fmt(r.ours),
  fmt(r.gapPercent, 2),
  fmt(r.seconds, 1),
  r.feasible ? 'yes' : `no (${r.hard})`,
  r.highs ? fmt(r.highs.objective) : 'skipped',
  r.highs ? (r.highs.optimal ? 'optimal' : r.highs.status === 'Time limit reached' ? 'time limit' : r.highs.status) : '–',
  r.highs ? fmt(r.highs.seconds, 1) : '–',
  r.highs?.optimal ? (r.timeToHighsOptimum === null ? 'not reached' : fmt(r.timeToHighsOptimum, 2)) : '–',
];

for (const name of files) {
  const path = instancePath(name);
  const model = compile(parseCurtois(readFileSync(path, 'utf8'), name));
  const engineSeconds = seconds(values['engine-seconds'], name);
  process.stderr.write(`${name}: engine ${engineSeconds} s …\n`);
  const t0 = performance.now();
  const result = solveNrp(model, { seconds: engineSeconds, seed, log: (l) => process.stderr.write(`  ${l}\n`) });
  const wall = (performance.now() - t0) / 1000;
  const ours = check(path, name, toRoster(model, result.assignment), tmp, 'engine');
  const bk = BEST_KNOWN[name] ?? null;

  let highs: Row['highs'] = null;
  let timeToHighsOptimum: number | null = null;
  if (!values['skip-highs']) {
    const limit = seconds(values['highs-seconds'], name);
    process.stderr.write(`${name}: HiGHS ${limit} s …\n`);
    const h = await solveWithHighs(model, limit);
    let objective: number | null = Number.isFinite(h.objective) ? h.objective : null;
    let feasible: boolean | null = null;
    if (h.assignment) {
      const c = check(path, name, toRoster(model, h.assignment), tmp, 'highs');
      feasible = c.feasible;
      objective = c.objective; // the independent checker's figure
    }
    highs = { objective, status: h.status, optimal: h.optimal, seconds: h.seconds, feasible, timeLimit: limit };
    if (h.optimal && objective !== null) timeToHighsOptimum = result.history.find((p) => p.hard === 0 && p.objective <= objective + 1e-6)?.t ?? null;
  }
  const row: Row = {
    instance: name,
    bestKnown: bk,
    ours: ours.objective,
    gapPercent: bk ? ((ours.objective - bk) / bk) * 100 : null,
    seconds: wall,
    feasible: ours.feasible,
    hard: ours.hard,
    timeToBest: result.timeToBest,
    seed,
    engineSeconds,
    highs,
    timeToHighsOptimum,
  };
  rows.push(row);
  process.stderr.write(`${line(tableRow(row))}\n`);
}

const out = [line(header), line(header.map(() => '---')), ...rows.map((r) => line(tableRow(r)))].join('\n');
process.stdout.write(`${out}\n`);
const resultsFile = values.out ?? fileURLToPath(new URL('./results/curtois.json', import.meta.url));
mkdirSync(join(resultsFile, '..'), { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify(rows, null, 2)}\n`);
process.stderr.write(`rows written to ${resultsFile}\n`);
