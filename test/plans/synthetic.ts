// Plan documents made directly, without the solver: for store and roster tests that need many or large plans.
import type { Assignment, Plan } from '../../shared/domain/plan.ts';
import { addDaysTo, dateRange } from '../../shared/rotation/index.ts';
import { random } from '../../shared/random.ts';

export { random };


const WORK = [
  { shift: 'P', post: 'patrol-01', start: '08:00', hours: 24, place: 'station' },
  { shift: 'P', post: 'patrol-02', start: '08:00', hours: 24, place: 'station' },
  { shift: 'P', post: 'case-handling', start: '08:00', hours: 24, place: 'station' },
  { shift: 'S', post: 'command-room', start: '08:00', hours: 10, place: 'station' },
  { shift: 'S', post: 'station-duty', start: '08:00', hours: 10, place: 'station' },
  { shift: 'W', post: 'community', start: '08:30', hours: 8, place: 'community' },
  { shift: 'F', post: 'flex-night', start: '18:00', hours: 4, place: 'community' },
] as const;

/** `2027-01-04T08:00:00+08:00` plus hours, in +08:00. */
function instant(date: string, clock: string, plusHours = 0): string {
  const ms = Date.parse(`${date}T${clock}:00+08:00`) + plusHours * 3_600_000;
  const local = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

export function syntheticAssignment(personId: string, date: string, pick: number, tag?: string): Assignment {
  if (pick < 0.3) return { personId, date, shift: 'R', post: 'rest', place: 'none', hours: 0 };
  if (pick < 0.33) return { personId, date, shift: 'R', post: 'absent', place: 'none', hours: 0 };
  const w = WORK[Math.floor(((pick - 0.33) / 0.67) * WORK.length)] ?? WORK[0];
  const a: Assignment = {
    personId,
    date,
    shift: w.shift,
    post: w.post,
    start: instant(date, w.start),
    end: instant(date, w.start, w.hours),
    place: w.place,
    hours: w.hours,
  };
  if (w.place === 'community') a.communityId = `C${1 + Math.floor(pick * 1000) % 12}`;
  if (w.post === 'station-duty' && pick > 0.8) a.redeploymentId = `rd_${tag ?? 'x'}${Math.floor(pick * 1e6)}`;
  if (pick > 0.98) a.reinforcedDuty = true;
  return a;
}

export type SyntheticOptions = {
  stationId?: string;
  id: string;
  start: string;
  days: number;
  people: number | readonly string[];
  seed?: number;
  status?: Plan['status'];
  publishedAt?: string;
  /** Lands in redeploymentIds and the solver block, so two plans over the same days can be told apart. */
  tag?: string;
};

/** A full plan document: an assignment for every person on every day. */
export function syntheticPlan(options: SyntheticOptions): Plan {
  const rnd = random(options.seed ?? 1);
  const people = typeof options.people === 'number' ? Array.from({ length: options.people }, (_, i) => `P${String(i + 1).padStart(3, '0')}`) : options.people;
  const assignments: Assignment[] = [];
  for (const personId of people) for (const date of dateRange(options.start, options.days)) assignments.push(syntheticAssignment(personId, date, rnd(), options.tag));
  return {
    id: options.id,
    stationId: options.stationId ?? 'synthetic',
    start: options.start,
    days: options.days,
    status: options.status ?? 'draft',
    version: options.status === 'published' ? 2 : 1,
    createdAt: '2026-12-01T00:00:00.000Z',
    createdBy: 'P001',
    ...(options.publishedAt ? { publishedAt: options.publishedAt } : {}),
    stationVersion: 1,
    assignments,
    shortfalls: [{ date: options.start, shift: 'P', post: 'patrol-02', missing: 1, rule: 'COVER', message: 'nobody left with the driver skill' }],
    violations: [{ rule: 'CP-2', severity: 'soft', personIds: [people[0] ?? 'P001'], dates: [options.start], message: 'under 36 community hours' }],
    kpis: { onPostShare: 0.8, community: [], abCoverage: [], callIns: 0, fairness: {} },
    suggestions: [],
    score: { total: 120, hard: 0, byRule: [{ rule: 'CP-2', count: 1, penalty: 120 }] },
    redeploymentIds: options.tag ? [`rd_${options.tag}`] : [],
    needsReplan: [],
    solver: { seed: options.seed ?? 1, seconds: 0, iterations: 0, firstFeasibleScore: 0 },
  };
}

export const lastDate = (plan: Pick<Plan, 'start' | 'days'>): string => addDaysTo(plan.start, plan.days - 1);
