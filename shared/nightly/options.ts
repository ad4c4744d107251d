// The nightly job's settings: how far ahead it plans, how far ahead it publishes, the solver budget and the lease.
// In the cloud they come from the worker's environment (set by infra/ from CDK context); locally from flags.
import { z } from 'zod';
import { MAX_PLAN_DAYS } from '../domain/plan.ts';

export const NightlyOptions = z
  .object({
    /** Days planned each night, from the day after the night (the rolling horizon). */
    horizonDays: z.int().min(1).max(MAX_PLAN_DAYS),
    /** The first `leadDays` days of the horizon are published (the roster's lead time). */
    leadDays: z.int().min(1).max(MAX_PLAN_DAYS),
    /** The solver's time budget per station, in seconds (the same bounds as `POST .../plans`). */
    solverSeconds: z.number().min(0.05).max(20),
    /** How long a worker holds a station's night before a retry may take it over; longer than the worker's timeout. */
    leaseSeconds: z.int().min(1).max(43_200),
    /** How long the night's marker is kept (DynamoDB TTL). */
    markerDays: z.int().min(1).max(3_650),
  })
  .refine((o) => o.leadDays <= o.horizonDays, { message: 'leadDays must not exceed horizonDays', path: ['leadDays'] });
export type NightlyOptions = z.infer<typeof NightlyOptions>;

export const DEFAULT_NIGHTLY_OPTIONS: NightlyOptions = { horizonDays: 28, leadDays: 7, solverSeconds: 2, leaseSeconds: 360, markerDays: 90 };

const ENVIRONMENT: Record<keyof NightlyOptions, string> = {
  horizonDays: 'NIGHTLY_HORIZON_DAYS',
  leadDays: 'NIGHTLY_LEAD_DAYS',
  solverSeconds: 'NIGHTLY_SOLVER_SECONDS',
  leaseSeconds: 'NIGHTLY_LEASE_SECONDS',
  markerDays: 'NIGHTLY_MARKER_DAYS',
};

/** The defaults, overridden by `NIGHTLY_*` variables and then by `overrides`; throws on a bad value. */
export function nightlyOptions(overrides: Partial<NightlyOptions> = {}, env: Record<string, string | undefined> = process.env): NightlyOptions {
  const fromEnv: Partial<Record<keyof NightlyOptions, number>> = {};
  for (const [key, name] of Object.entries(ENVIRONMENT) as [keyof NightlyOptions, string][]) {
    const raw = env[name];
    if (raw !== undefined && raw !== '') fromEnv[key] = Number(raw);
  }
  const parsed = NightlyOptions.safeParse({ ...DEFAULT_NIGHTLY_OPTIONS, ...fromEnv, ...overrides });
  if (!parsed.success) throw new Error(`bad nightly settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The variables a worker reads, for infra/ to set. */
export function nightlyEnvironment(options: Partial<NightlyOptions>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(options) as [keyof NightlyOptions, number | undefined][]) if (value !== undefined) out[ENVIRONMENT[key]] = String(value);
  return out;
}
