// Shared helpers of the NRP tests: the Curtois benchmark folder, instance loading and the independent checker.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { random } from '../../shared/random.ts';
import { curtoisSolution, parseCurtois } from '../../shared/solver/nrp/curtois.ts';
import { compile, type NrpInstance, type NrpModel, type Roster } from '../../shared/solver/nrp/model.ts';

export const BENCH_DIR = fileURLToPath(new URL('../../../shared/benchmarks/curtois/', import.meta.url));

export function instancePath(name: string): string {
  return join(BENCH_DIR, `${name}.txt`);
}

export function loadInstance(name: string): NrpInstance {
  return parseCurtois(readFileSync(instancePath(name), 'utf8'), name);
}

export function loadModel(name: string): NrpModel {
  return compile(loadInstance(name));
}

const tmp = mkdtempSync(join(tmpdir(), 'nrp-test-'));
let counter = 0;

export type CheckerResult = { feasible: boolean; hard: number; objective: number; breakdown: { shiftOn: number; shiftOff: number; cover: number }; errors: string[] };

/** Run the independent checker (evaluate.mjs, in its own node process) on a roster (of a public or given instance). */
export function checkWithEvaluator(name: string, roster: Roster, instanceText?: string): CheckerResult {
  const file = join(tmp, `${name}-${counter++}.json`);
  writeFileSync(file, JSON.stringify(curtoisSolution(name, roster)));
  let instanceFile = instancePath(name);
  if (instanceText !== undefined) {
    instanceFile = join(tmp, `${name}-${counter++}.txt`);
    writeFileSync(instanceFile, instanceText);
  }
  const run = spawnSync(process.execPath, [join(BENCH_DIR, 'evaluate.mjs'), instanceFile, file], { encoding: 'utf8' });
  return JSON.parse(run.stdout.trim()) as CheckerResult;
}

/** A seeded generator for test data (mulberry32, shared/random.ts). */
export const seeded = random;
