// Records what an outside Curtois checker says of a few rosters, as a fixture for test/nrp/evaluator.test.ts, so the
// tests can hold the project's own evaluator to an independent reading without needing that checker at test time.
// Random rosters (mostly infeasible) and engine rosters of four instances; each entry keeps the roster itself.
//   npx tsx bench/curtois/record-checker.ts --checker /path/to/evaluate.mjs
// The checker is run as `node <checker> <instance.txt> <solution.json>` and must print
// {feasible, hard, objective, breakdown: {shiftOn, shiftOff, cover}} as its last line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { random } from '../../shared/random.ts';
import { curtoisSolution, parseCurtois } from './format.ts';
import { solveNrp } from '../../shared/solver/nrp/engine.ts';
import { compile, toRoster, type Roster } from '../../shared/solver/nrp/model.ts';
import { instancePath } from './instances.ts';

const { values } = parseArgs({ options: { checker: { type: 'string' } }, strict: true });
if (!values.checker) {
  process.stderr.write('usage: npx tsx bench/curtois/record-checker.ts --checker <evaluate.mjs>\n');
  process.exit(2);
}
const tmp = mkdtempSync(join(tmpdir(), 'record-checker-'));
type Golden = { instance: string; roster: Roster; feasible: boolean; hard: number; objective: number; breakdown: { shiftOn: number; shiftOff: number; cover: number } };
const out: Golden[] = [];

function check(name: string, roster: Roster): void {
  const file = join(tmp, `${name}-${out.length}.json`);
  writeFileSync(file, JSON.stringify(curtoisSolution(name, roster)));
  const run = spawnSync(process.execPath, [values.checker!, instancePath(name), file], { encoding: 'utf8' });
  const r = JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as Omit<Golden, 'instance' | 'roster'>;
  out.push({ instance: name, roster, feasible: r.feasible, hard: r.hard, objective: r.objective, breakdown: { shiftOn: r.breakdown.shiftOn, shiftOff: r.breakdown.shiftOff, cover: r.breakdown.cover } });
}

for (const name of ['Instance1', 'Instance4', 'Instance7', 'Instance11']) {
  const m = compile(parseCurtois(readFileSync(instancePath(name), 'utf8'), name));
  const next = random(name.length * 31 + m.E);
  for (const pOff of [0.2, 0.45, 0.7]) {
    const a = new Uint8Array(m.E * m.D);
    for (let i = 0; i < a.length; i++) a[i] = next() < pOff ? 0 : 1 + Math.floor(next() * m.S);
    check(name, toRoster(m, a));
  }
  check(name, toRoster(m, solveNrp(m, { seconds: 1, seed: 3 }).assignment));
}
const target = fileURLToPath(new URL('../../test/nrp/fixtures/checker-golden.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(out)}\n`);
process.stderr.write(`${out.length} rosters recorded in ${target}\n`);
