// The process's one Powertools logger and one metrics buffer (CloudWatch embedded metric format), shared by every
// function, the store and the nightly job, so that a log line and a metric always carry the invocation's correlation
// id and service. shared/http/observe.ts attaches them to an invocation; this module only names what is measured.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export const SERVICE = process.env.POWERTOOLS_SERVICE_NAME ?? 'duty-roster';
/** The CloudWatch namespace of the product's metrics; infra/ alarms on metrics of this namespace. */
export const METRICS_NAMESPACE = process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'DutyRoster';

export const logger = new Logger({ serviceName: SERVICE });
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE });

/** What a log or metrics sink needs; tests and the bench pass quiet ones. */
export type Log = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
export type MetricsSink = Pick<Metrics, 'addMetric'>;

/** Metric names, one place: docs/operations.md lists them and infra/ alarms on some. */
export const METRIC = {
  plansCreated: 'PlansCreated',
  solveSeconds: 'SolveSeconds',
  shortfalls: 'Shortfalls',
  hardBreaks: 'HardBreaks',
  approvalsDecided: 'ApprovalsDecided',
  nightlyStationsDone: 'NightlyStationsDone',
  nightlyStationsFailed: 'NightlyStationsFailed',
} as const;

/** One solve of the roster engine (an API plan or a station's night). */
export function recordSolve(sink: MetricsSink, solve: { seconds: number; shortfalls: number; hardBreaks: number }): void {
  sink.addMetric(METRIC.solveSeconds, MetricUnit.Seconds, solve.seconds);
  sink.addMetric(METRIC.shortfalls, MetricUnit.Count, solve.shortfalls);
  sink.addMetric(METRIC.hardBreaks, MetricUnit.Count, solve.hardBreaks);
}

export function recordPlanCreated(sink: MetricsSink, plan: { solver: { seconds: number }; shortfalls: readonly unknown[]; violations: readonly { severity: string }[] }): void {
  sink.addMetric(METRIC.plansCreated, MetricUnit.Count, 1);
  recordSolve(sink, { seconds: plan.solver.seconds, shortfalls: plan.shortfalls.length, hardBreaks: plan.violations.filter((v) => v.severity === 'hard').length });
}

/** A decision that changed a request (an identical repeat is not counted). */
export function recordApprovalDecided(sink: MetricsSink): void {
  sink.addMetric(METRIC.approvalsDecided, MetricUnit.Count, 1);
}

export function recordNightlyStation(sink: MetricsSink, outcome: 'done' | 'failed'): void {
  sink.addMetric(outcome === 'done' ? METRIC.nightlyStationsDone : METRIC.nightlyStationsFailed, MetricUnit.Count, 1);
}
