// The roster engine's input and output: a validated model in, a plan out. No HTTP, no DynamoDB.
import type { OfficialYears } from '../calendar/index.ts';
import type { ApprovedRedeployment, Assignment, Plan } from '../domain/plan.ts';
import type { StationConfig } from '../domain/station.ts';

export type SolveInput = {
  station: StationConfig;
  start: string;
  days: number;
  /** Fully approved redeployments (AP-5) that may place a community officer on an FB-3 post on their dates. */
  approved?: readonly ApprovedRedeployment[];
  /** Assignments of published plans for these dates: kept unless a hard rule now forbids them (STAB-1). */
  published?: readonly Assignment[];
  /** Dates whose published assignments are kept exactly (re-planning only the changed days). */
  frozenDates?: readonly string[];
  /**
   * The official calendar's years as the shell resolved them (built-in data, then the admin's loaded years); the
   * station's own days (`station.calendar`) are laid on top here. Without it, the built-in data alone (CAL-3).
   */
  calendar?: OfficialYears;
  seed?: number;
  /** Time budget of the whole plan in seconds: model, solve and checks (default `defaultSeconds`). */
  seconds?: number;
};

/** The plan document without what the store adds (id, station, status, version, authorship). */
export type SolveOutput = Pick<Plan, 'start' | 'days' | 'assignments' | 'shortfalls' | 'violations' | 'kpis' | 'suggestions' | 'score' | 'bound' | 'gap' | 'redeploymentIds' | 'solver'>;
