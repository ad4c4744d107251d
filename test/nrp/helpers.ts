// Shared helpers of the NRP tests: the Curtois instances kept in the repository, loading them, and scoring a roster
// with the project's evaluator from the instance text alone (independent of the engine's incremental state).
import { readFileSync } from 'node:fs';
import { instancePath, scoreRoster } from '../../bench/curtois/instances.ts';
import { random } from '../../shared/random.ts';
import { parseCurtois } from '../../bench/curtois/format.ts';
import type { NrpScore } from '../../shared/solver/nrp/evaluate.ts';
import { compile, type NrpInstance, type NrpModel, type Roster } from '../../shared/solver/nrp/model.ts';

export { instancePath };

export function loadInstance(name: string): NrpInstance {
  return parseCurtois(readFileSync(instancePath(name), 'utf8'), name);
}

export function loadModel(name: string): NrpModel {
  return compile(loadInstance(name));
}

/** Score a roster of a public instance (or of the given instance text) from scratch. */
export function checkRoster(name: string, roster: Roster, instanceText?: string): NrpScore {
  return scoreRoster(instanceText ?? readFileSync(instancePath(name), 'utf8'), name, roster);
}

/** A seeded generator for test data (mulberry32, shared/random.ts). */
export const seeded = random;
