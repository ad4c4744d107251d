// Bench of the NRP engine on generated instances shaped like the held-out Curtois Instance13–24
// (bench/curtois/shaped.ts; sizes as published, structure as assumed in bench/curtois/README.md). Each instance is
// solved in a child process (so that its peak memory is its own) and the roster is scored by the project's evaluator.
// `witness` is the objective of the roster planted by the generator (an upper bound every run should beat); `LP bound`
// is the engine's column-generation bound when it ran to one.
//   npm run bench:curtois-shaped -- [--seconds 30] [--only Shaped13,Shaped24] [--seed 1] [--write DIR]
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseCurtois } from './curtois/format.ts';
import { solveNrp } from '../shared/solver/nrp/engine.ts';
import { compile, toRoster } from '../shared/solver/nrp/model.ts';
import { scoreRoster } from './curtois/instances.ts';
import { generateShaped, SHAPED_SIZES } from './curtois/shaped.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    only: { type: 'string' },
    seed: { type: 'string', default: '1' },
    write: { type: 'string' },
    child: { type: 'string' },
  },
  strict: true,
});
const seconds = Number(values.seconds);
if (!(seconds > 0)) throw new Error(`--seconds must be positive, not ${values.seconds}`);
const seed = Number(values.seed);

type Outcome = { feasible: boolean; hard: number; objective: number; lowerBound: number | null; seconds: number; rssMb: number; witness: number };

if (values.child) {
  // Child: one instance, one JSON line on stdout.
  const spec = SHAPED_SIZES.find((s) => s.name === values.child);
  if (!spec) throw new Error(`unknown instance ${values.child}`);
  const g = generateShaped(spec);
  const model = compile(parseCurtois(g.text, spec.name));
  const t0 = performance.now();
  const result = solveNrp(model, { seconds, seed, log: (l) => process.stderr.write(`  [${spec.name}] ${l}\n`) });
  const wall = (performance.now() - t0) / 1000;
  const score = scoreRoster(g.text, spec.name, toRoster(model, result.assignment));
  const witness = scoreRoster(g.text, spec.name, g.witness).objective;
  const out: Outcome = {
    feasible: score.feasible,
    hard: score.hard,
    objective: score.objective,
    lowerBound: Number.isFinite(result.lowerBound) ? result.lowerBound : null,
    seconds: wall,
    rssMb: process.resourceUsage().maxRSS / 1024,
    witness,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
} else {
  const only = values.only?.split(',');
  const self = fileURLToPath(import.meta.url);
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
  const header = ['instance', 'days × staff × types', 'requests', 'witness', 'feasible', 'objective', 'vs witness %', 'LP bound', 'seconds', 'peak RSS MB'];
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const lines = [line(header), line(header.map(() => '---'))];
  console.log(lines.join('\n'));
  for (const spec of SHAPED_SIZES) {
    if (only && !only.includes(spec.name)) continue;
    const g = generateShaped(spec);
    if (values.write) {
      mkdirSync(values.write, { recursive: true });
      writeFileSync(join(values.write, `${spec.name}.txt`), g.text);
    }
    process.stderr.write(`${spec.name}: ${seconds} s …\n`);
    const run = spawnSync(tsx, [self, '--child', spec.name, '--seconds', String(seconds), '--seed', String(seed)], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] });
    const last = run.stdout.trim().split('\n').pop() ?? '';
    let cells: string[];
    try {
      const o = JSON.parse(last) as Outcome;
      cells = [
        spec.name,
        `${spec.days} × ${spec.staff} × ${spec.types}`,
        String(g.requests),
        String(o.witness),
        o.feasible ? 'yes' : `no (${o.hard})`,
        String(o.objective),
        (((o.objective - o.witness) / o.witness) * 100).toFixed(1),
        o.lowerBound === null ? '–' : o.lowerBound.toFixed(1),
        o.seconds.toFixed(1),
        o.rssMb.toFixed(0),
      ];
    } catch {
      cells = [spec.name, `${spec.days} × ${spec.staff} × ${spec.types}`, String(g.requests), '–', `failed (exit ${run.status ?? run.signal})`, '–', '–', '–', '–', '–'];
    }
    const row = line(cells);
    lines.push(row);
    console.log(row);
  }
}
