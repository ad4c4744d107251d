// Solve one Curtois staff-rostering instance with the NRP engine and print the solution JSON (only that) to stdout;
// progress goes to stderr.
//   npm run --silent curtois -- bench/curtois/instances/Instance1.txt --seconds 10 [--seed 1]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { curtoisSolution, instanceName, parseCurtois } from './curtois/format.ts';
import { solveNrp } from '../shared/solver/nrp/engine.ts';
import { compile, toRoster } from '../shared/solver/nrp/model.ts';

const { values, positionals } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    quiet: { type: 'boolean', default: false },
    // Share of the budget for column generation and diving (the engine's default when absent; 0: search only).
    'column-share': { type: 'string' },
  },
  allowPositionals: true,
  strict: true,
});
const path = positionals[0];
if (!path) {
  process.stderr.write('usage: npm run --silent curtois -- <instance.txt> --seconds N [--seed S] [--column-share X]\n');
  process.exit(2);
}
const seconds = Number(values.seconds);
const seed = Number(values.seed);
if (!(seconds > 0)) throw new Error(`--seconds must be a positive number, not ${values.seconds}`);
if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a whole number ≥ 0, not ${values.seed}`);

const name = instanceName(path);
const model = compile(parseCurtois(readFileSync(path, 'utf8'), name));
const log = values.quiet ? undefined : (line: string) => process.stderr.write(`[${name}] ${line}\n`);
const columnShare = values['column-share'] === undefined ? undefined : Number(values['column-share']);
const result = solveNrp(model, { seconds, seed, log, ...(columnShare === undefined ? {} : { columnShare }) });
log?.(`objective ${result.objective}, hard ${result.hard}, best at ${result.timeToBest.toFixed(3)} s, ${result.moves} moves`);
process.stdout.write(`${JSON.stringify(curtoisSolution(name, toRoster(model, result.assignment)))}\n`);
