// Stress bench at the sizes of the hidden Curtois instances 13–24: twelve instances scaled from the public ones by
// scale-instance.ts (sizes as published for Instance13–24, seed 13), each solved by the engine within the budget and
// scored by the project's evaluator. There is no best-known value for these, so the table shows feasibility, objective, time and
// memory; it is a check that the engine generalises (runs, stays within budget and memory, stays feasible).
//   npm run bench:curtois-scaled -- [--seconds 60] [--only S13,S24]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { instancePath, scoreRoster } from './curtois/instances.ts';
import { scaleInstance } from './scale-instance.ts';

/** name, source, days, staff, shift types (Instance13–24's published sizes). */
const SIZES: [string, string, number, number, number][] = [
  ['S13', 'Instance12', 28, 120, 18],
  ['S14', 'Instance8', 42, 32, 4],
  ['S15', 'Instance11', 42, 45, 6],
  ['S16', 'Instance7', 56, 20, 3],
  ['S17', 'Instance8', 56, 32, 4],
  ['S18', 'Instance7', 84, 22, 3],
  ['S19', 'Instance10', 84, 40, 5],
  ['S20', 'Instance11', 182, 50, 6],
  ['S21', 'Instance12', 182, 100, 8],
  ['S22', 'Instance12', 364, 50, 10],
  ['S23', 'Instance12', 364, 100, 16],
  ['S24', 'Instance12', 364, 150, 32],
];

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, only: { type: 'string' } }, strict: true });
const only = values.only?.split(',');
const dir = mkdtempSync(join(tmpdir(), 'curtois-scaled-'));
const cli = fileURLToPath(new URL('./curtois.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
console.log('| instance | from | days × staff × types | seconds (wall) | max RSS MB | feasible | objective |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [name, from, days, staff, shifts] of SIZES) {
  if (only && !only.includes(name)) continue;
  const instance = join(dir, `${name}.txt`);
  writeFileSync(instance, scaleInstance(readFileSync(instancePath(from), 'utf8'), { days, staff, shifts, seed: 13 }, from));
  const solution = join(dir, `${name}.json`);
  const t0 = performance.now();
  // Through /usr/bin/time when present, for the peak memory of the engine's process.
  const timed = spawnSync('/usr/bin/time', ['-f', '%M', tsx, cli, instance, '--seconds', values.seconds, '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const run = timed.error ? spawnSync(tsx, [cli, instance, '--seconds', values.seconds, '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 28 }) : timed;
  const wall = (performance.now() - t0) / 1000;
  const rssKb = timed.error ? NaN : Number(timed.stderr.trim().split('\n').pop());
  writeFileSync(solution, run.stdout);
  const { roster } = JSON.parse(run.stdout) as { roster: Record<string, string[]> };
  const check = scoreRoster(readFileSync(instance, 'utf8'), name, roster);
  console.log(`| ${name} | ${from} | ${days} × ${staff} × ${shifts} | ${wall.toFixed(1)} | ${(rssKb / 1024).toFixed(0)} | ${check.feasible ? 'yes' : `no (hard ${check.hard})`} | ${check.objective} |`);
}
