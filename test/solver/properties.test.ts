// Property tests of the roster engine over generated stations (bench/generate-station.ts): whatever the station,
// size, window and seed, a plan keeps the hard rules, rosters everyone every day, reports every gap, keeps dedicated
// community officers off forbidden posts, computes its community KPI from its own assignments, and is deterministic.
//
// Every property below draws the same scenarios (one fast-check seed for the file, printed on failure; set FC_SEED to
// replay) and plans each scenario once: the plans are memoised, so the suite pays for 12 plans, not 12 per property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateStation, type GeneratedPattern } from '../../bench/generate-station.ts';
import type { ApprovedRedeployment } from '../../shared/domain/plan.ts';
import { ABSOLUTELY_FORBIDDEN, NEEDS_REDEPLOYMENT } from '../../shared/domain/posts.ts';
import { StationConfig } from '../../shared/domain/station.ts';
import { addDaysTo, dateRange, isoWeek } from '../../shared/rotation/index.ts';
import { RULES } from '../../shared/rules/catalogue.ts';
import { builtinCalendar } from '../../shared/calendar/builtin.ts';
import { checkCOVER, checkPlan, inReinforcedPeriod, type PlanContext } from '../../shared/rules/checks.ts';
import { planRoster, type SolveOutput } from '../../shared/solver/index.ts';

const FC_SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);
const RUNS = Number(process.env.FC_RUNS ?? 12);
/** Shrinking would re-plan many times; the failing scenario is printed whole and replays from its numbers. */
const params = { seed: FC_SEED, numRuns: RUNS, endOnFailure: true } as const;

type Scenario = { seed: number; people: number; days: number; startOffset: number; pattern: GeneratedPattern; approvals: number };

const scenario: fc.Arbitrary<Scenario> = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  people: fc.integer({ min: 10, max: 80 }),
  days: fc.integer({ min: 7, max: 21 }),
  /** Days after Monday 2027-01-04, so that plans also start mid-week and have partial ISO weeks. */
  startOffset: fc.integer({ min: 0, max: 13 }),
  pattern: fc.constantFrom<GeneratedPattern>('three-groups-two-running', 'four-teams-three-shifts'),
  /** Approved redeployments (AP-5) handed to the engine. */
  approvals: fc.integer({ min: 0, max: 3 }),
});

type Planned = { station: StationConfig; ctx: PlanContext; plan: SolveOutput };

/** A few approved redeployments: dedicated officers, FB-3 posts the station has demand for, short date ranges. */
function approvalsFor(station: StationConfig, start: string, days: number, count: number, seed: number): ApprovedRedeployment[] {
  const dedicated = station.people.filter((p) => p.community?.dedicated);
  const posts = [...new Set(station.demand.map((d) => d.post).filter((p) => NEEDS_REDEPLOYMENT.has(p)))];
  if (dedicated.length === 0 || posts.length === 0) return [];
  return Array.from({ length: count }, (_, i) => {
    const h = (seed + i * 7919) >>> 0;
    const from = addDaysTo(start, h % days);
    return {
      id: `rd_${i + 1}`,
      personId: dedicated[(h >>> 3) % dedicated.length]!.id,
      post: posts[(h >>> 7) % posts.length]!,
      from,
      to: addDaysTo(from, (h >>> 11) % 3),
    };
  });
}

const memo = new Map<string, Planned>();
function planned(s: Scenario): Planned {
  const key = JSON.stringify(s);
  const hit = memo.get(key);
  if (hit) return hit;
  const station = StationConfig.parse(generateStation({ people: s.people, seed: s.seed, pattern: s.pattern }));
  const start = addDaysTo('2027-01-04', s.startOffset);
  const approved = approvalsFor(station, start, s.days, s.approvals, s.seed);
  const plan = planRoster({ station, start, days: s.days, approved, seed: s.seed, seconds: 0.3 });
  const result = { station, ctx: { station, start, days: s.days, approved, calendar: builtinCalendar(station.calendar) }, plan };
  memo.set(key, result);
  return result;
}

const check = (property: (p: Planned, s: Scenario) => void) =>
  fc.assert(
    fc.property(scenario, (s) => property(planned(s), s)),
    params,
  );

// The first property plans every scenario (about 0.3 s each); the others read the memoised plans.
describe(`roster engine properties (fast-check seed ${FC_SEED}, ${RUNS} generated stations)`, { timeout: Math.max(30_000, RUNS * 2_000) }, () => {
  it('(a) the independent rule checks find no hard violation', () => {
    check(({ ctx, plan }) => {
      const hard = checkPlan(ctx, plan).filter((v) => v.severity === 'hard');
      expect(hard.map((v) => `${v.rule}: ${v.message}`)).toEqual([]);
    });
  });

  it('(b) every person has at least one assignment on every date of the plan, and nobody else any', () => {
    check(({ station, ctx, plan }) => {
      const cells = new Map<string, number>();
      for (const a of plan.assignments) cells.set(`${a.personId}|${a.date}`, (cells.get(`${a.personId}|${a.date}`) ?? 0) + 1);
      const missing = station.people.flatMap((p) => dateRange(ctx.start, ctx.days).filter((d) => !cells.has(`${p.id}|${d}`)).map((d) => `${p.id} ${d}`));
      expect(missing).toEqual([]);
      const ids = new Set(station.people.map((p) => p.id));
      const dates = new Set(dateRange(ctx.start, ctx.days));
      expect(plan.assignments.filter((a) => !ids.has(a.personId) || !dates.has(a.date))).toEqual([]);
    });
  });

  it('(c) no silent shortfall: every uncovered demand is reported, with a rule and a message', () => {
    check(({ ctx, plan }) => {
      expect(checkCOVER(ctx, plan).map((v) => v.message)).toEqual([]);
      for (const s of plan.shortfalls) {
        expect(s.missing).toBeGreaterThanOrEqual(1);
        expect(s.rule, JSON.stringify(s)).toBeTruthy();
        expect(Object.keys(RULES), JSON.stringify(s)).toContain(s.rule);
        expect(s.message.trim().length, JSON.stringify(s)).toBeGreaterThan(0);
        expect(s.message).toContain(s.post);
        expect(s.message).toContain(s.date);
      }
    });
  });

  it('(d) dedicated community officers: never on patrol cars or case handling; FB-3 posts only under a cited approval', () => {
    check(({ station, ctx, plan }) => {
      const dedicated = new Set(station.people.filter((p) => p.community?.dedicated).map((p) => p.id));
      for (const a of plan.assignments) {
        if (!dedicated.has(a.personId)) continue;
        expect(ABSOLUTELY_FORBIDDEN[a.post], `${a.personId} on ${a.post} on ${a.date}`).toBeUndefined();
        if (NEEDS_REDEPLOYMENT.has(a.post)) {
          expect(a.redeploymentId, `${a.personId} on ${a.post} on ${a.date} without a redeploymentId`).toBeDefined();
          const approval = ctx.approved.find((r) => r.id === a.redeploymentId);
          expect(approval, `${a.redeploymentId} is not one of the approvals`).toBeDefined();
          expect(approval!.personId === a.personId && approval!.post === a.post && approval!.from <= a.date && a.date <= approval!.to).toBe(true);
        }
        if (a.post === 'reinforced-duty') {
          expect(inReinforcedPeriod(station, a.date)).toBe(true);
          expect(a.reinforcedDuty).toBe(true);
        }
      }
      // Only approvals the plan used are listed, and each is cited by some assignment.
      const cited = new Set(plan.assignments.flatMap((a) => (a.redeploymentId ? [a.redeploymentId] : [])));
      expect([...plan.redeploymentIds].sort()).toEqual([...cited].sort());
    });
  });

  it("(e) the community KPI of a person-week is the sum of that person's community hours in that ISO week", () => {
    check(({ plan }) => {
      const sums = new Map<string, number>();
      for (const a of plan.assignments) {
        if (a.place !== 'community') continue;
        const key = `${a.personId}|${isoWeek(a.date)}`;
        sums.set(key, (sums.get(key) ?? 0) + a.hours);
      }
      const seen = new Set<string>();
      for (const k of plan.kpis.community) {
        const key = `${k.personId}|${k.week}`;
        expect(seen.has(key), `duplicate KPI ${key}`).toBe(false);
        seen.add(key);
        expect(k.hours, key).toBeCloseTo(sums.get(key) ?? 0, 6);
      }
      // Every person-week with community hours has its KPI.
      expect([...sums].filter(([key, hours]) => hours > 0 && !seen.has(key)).map(([key]) => key)).toEqual([]);
    });
  });

  it('(f) the same input and seed give the same plan (small station, generous time budget)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom<GeneratedPattern>('three-groups-two-running', 'four-teams-three-shifts'), (seed, pattern) => {
        const station = StationConfig.parse(generateStation({ people: 15, seed, pattern }));
        const input = { station, start: '2027-01-04', days: 7, seed, seconds: 5 };
        const first = planRoster(input);
        const second = planRoster(input);
        expect(second.assignments).toEqual(first.assignments);
        expect(second.shortfalls).toEqual(first.shortfalls);
        expect(second.score).toEqual(first.score);
        expect(second.solver.iterations).toBe(first.solver.iterations);
      }),
      { seed: FC_SEED, numRuns: 4, endOnFailure: true },
    );
  });

  it('the generator is deterministic and its stations parse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 8, max: 320 }), (seed, people) => {
        for (const pattern of ['three-groups-two-running', 'four-teams-three-shifts'] as const) {
          const a = generateStation({ people, seed, pattern });
          expect(generateStation({ people, seed, pattern })).toEqual(a);
          const station = StationConfig.parse(a);
          expect(station.people).toHaveLength(people);
          // CP-4 (≥ 40 % dedicated among officers; a station of a few people cannot have it with a duty group
          // staffed) and AB-1 (groups of 2–5, one A without a duty group) hold by construction.
          const officers = station.people.filter((p) => p.kind === 'officer');
          if (people >= 30) expect(officers.filter((p) => p.community?.dedicated).length / officers.length).toBeGreaterThanOrEqual(0.4);
          for (const c of station.communities) {
            const members = station.people.filter((p) => p.community?.id === c.id);
            expect(members.length).toBeGreaterThanOrEqual(2);
            expect(members.length).toBeLessThanOrEqual(5);
            expect(members.filter((p) => p.community?.role === 'A' && p.group === null)).toHaveLength(1);
          }
        }
      }),
      { seed: FC_SEED, numRuns: 30 },
    );
  });
});
