// The public Curtois staff-rostering instances kept in this repository (bench/curtois/instances/, see README.md
// beside this file), their best-known objective values, and scoring a roster with the project's own evaluator.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCurtois } from './format.ts';
import { evaluate, type NrpScore } from '../../shared/solver/nrp/evaluate.ts';
import { compile, fromRoster, type Roster } from '../../shared/solver/nrp/model.ts';

export const INSTANCE_DIR = fileURLToPath(new URL('./instances/', import.meta.url));

export function instancePath(name: string): string {
  return join(INSTANCE_DIR, `${name}.txt`);
}

const number = (name: string): number => Number(/(\d+)/.exec(name)?.[1] ?? Number.NaN);

/** The instance names in this repository, in their numeric order. */
export function instanceNames(): string[] {
  return readdirSync(INSTANCE_DIR)
    .filter((f) => /^Instance\d+\.txt$/.test(f))
    .map((f) => f.replace(/\.txt$/, ''))
    .sort((a, b) => number(a) - number(b));
}

/** Best-known objective values published with the benchmark (best-known.json). */
export const BEST_KNOWN: Readonly<Record<string, number>> = JSON.parse(
  readFileSync(fileURLToPath(new URL('./best-known.json', import.meta.url)), 'utf8'),
) as Record<string, number>;

/**
 * Scores a roster (employee → shift id per day, "" = off) on an instance text with the project's evaluator, which is
 * code of its own (shared/solver/nrp/evaluate.ts), not the engine's incremental state.
 */
export function scoreRoster(instanceText: string, name: string, roster: Roster): NrpScore {
  const model = compile(parseCurtois(instanceText, name));
  return evaluate(model, fromRoster(model, roster));
}
