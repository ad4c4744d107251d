import { readFileSync } from 'node:fs';
// The roster engine on small hand-built stations: one behaviour per test, each on a station made for it.
//
// The stations run ROT-1 (P 24 h, S 10 h, R) from 2027-01-04 (Mon) for two full ISO weeks. With the anchor
// 2026-01-05, G1 is on S, G2 on R and G3 on P on 2027-01-04; so G1 works P on 01-06, 01-09, 01-12, 01-15,
// G2 on 01-05, 01-08, 01-11, 01-14, G3 on 01-04, 01-07, 01-10, 01-13, 01-16.
import { describe, expect, it } from 'vitest';
import type { ApprovedRedeployment } from '../../shared/domain/plan.ts';
import { StationConfig, type StationConfigInput } from '../../shared/domain/station.ts';
import { dateRange, isoWeek, patternShiftCode } from '../../shared/rotation/index.ts';
import { checkPlan } from '../../shared/rules/checks.ts';
import { builtinCalendar } from '../../shared/calendar/builtin.ts';
import { planRoster, type SolveInput, type SolveOutput } from '../../shared/solver/index.ts';
import { buildModel } from '../../shared/solver/model.ts';
import { search } from '../../bench/baseline-search.ts';
import { RosterState } from '../../shared/solver/station/state.ts';

const START = '2027-01-04';
const DAYS = 14;
const DATES = dateRange(START, DAYS);

type PersonInput = StationConfigInput['people'][number];

const DIRECTOR = 'P001';
const A = 'P010';
const B1 = 'P011';
const B2 = 'P012';
const O2 = 'P020';
const O3 = 'P030';

const director = (extra: Partial<PersonInput> = {}): PersonInput => ({ id: DIRECTOR, name: 'Zhang Wei', kind: 'officer', rank: 'director', group: null, skills: [], joined: '2003-07-01', ...extra });
const communityOfficer = (id: string, role: 'A' | 'B', group: string | null, skills: string[] = []): PersonInput => ({
  id, name: `Community ${id}`, kind: 'officer', rank: 'officer', group, skills, joined: '2010-09-01',
  community: { id: 'C1', role, dedicated: true, since: '2021-09-01' },
});
const officer = (id: string, group: string, skills: string[]): PersonInput => ({ id, name: `Officer ${id}`, kind: 'officer', rank: 'officer', group, skills, joined: '2016-07-01' });

function station(parts: Pick<StationConfigInput, 'people'> & Partial<StationConfigInput>): StationConfig {
  return StationConfig.parse({
    name: 'Hand-built',
    timezone: 'Asia/Shanghai',
    shiftTypes: [
      { code: 'P', name: 'primary', start: '08:00', hours: 24 },
      { code: 'S', name: 'secondary', start: '08:00', hours: 10 },
      { code: 'R', name: 'rest', hours: 0 },
      { code: 'W', name: 'community weekday', start: '08:30', hours: 8 },
      { code: 'F', name: 'flexible night', start: '18:00', hours: 4 },
    ],
    pattern: { builtin: 'three-groups-two-running', anchorDate: '2026-01-05' },
    groups: [
      { id: 'G1', offset: 0 },
      { id: 'G2', offset: 1 },
      { id: 'G3', offset: 2 },
    ],
    communities: [{ id: 'C1', name: 'Dashilan West', auxiliaries: 2 }],
    ...parts,
  });
}

function plan(s: StationConfig, extra: Partial<SolveInput> = {}): SolveOutput {
  return planRoster({ station: s, start: START, days: DAYS, seed: 1, seconds: 2, ...extra });
}

const hard = (s: StationConfig, out: SolveOutput, approved: ApprovedRedeployment[] = []) =>
  checkPlan({ station: s, start: START, days: DAYS, approved, calendar: builtinCalendar(s.calendar) }, out)
    .filter((v) => v.severity === 'hard')
    .map((v) => v.message);

const on = (out: SolveOutput, personId: string, date: string) => out.assignments.filter((a) => a.personId === personId && a.date === date);
const main = (out: SolveOutput, personId: string, date: string) => on(out, personId, date).find((a) => a.post !== 'flex-night')!;
const groupOnP = (s: StationConfig, group: string) => DATES.filter((d) => patternShiftCode(s, { group, community: undefined }, d, builtinCalendar()) === 'P');

describe('FB-1: patrol cars are never given to dedicated community officers', () => {
  // Drivers: the B of G1 (dedicated) and one regular officer in each of G2 and G3. When G1 is on P, the G3 driver
  // rests before his own P (a call-in would break REST-1) and the G2 driver is on S: only the B could drive.
  const s = station({
    people: [director(), communityOfficer(A, 'A', null, ['driver']), communityOfficer(B1, 'B', 'G1', ['driver']), communityOfficer(B2, 'B', 'G2'), officer(O2, 'G2', ['driver']), officer(O3, 'G3', ['driver'])],
    demand: [{ post: 'patrol-01', shift: 'P', people: 1, skills: ['driver'] }],
  });
  const out = plan(s);

  it("reports the post short with rule FB-1 on G1's primary days instead of putting the B on it", () => {
    const short = out.shortfalls.filter((f) => f.post === 'patrol-01');
    expect(short.map((f) => f.date)).toEqual(groupOnP(s, 'G1'));
    for (const f of short) {
      expect(f).toMatchObject({ shift: 'P', missing: 1, rule: 'FB-1' });
      expect(f.message).toContain('FB-1');
      expect(f.message).toContain('patrol-01');
      expect(f.message).toContain(f.date);
    }
    expect(out.assignments.filter((a) => a.post === 'patrol-01' && (a.personId === B1 || a.personId === A))).toEqual([]);
    expect(hard(s, out)).toEqual([]);
  });

  it("covers patrol-01 with the regular drivers on their own groups' primary days", () => {
    for (const [group, driver] of [['G2', O2], ['G3', O3]] as const)
      for (const date of groupOnP(s, group)) expect(main(out, driver, date)).toMatchObject({ post: 'patrol-01', shift: 'P' });
  });
});

describe('FB-3 and AP: an approved redeployment lets a dedicated community officer fill a post', () => {
  // Only community officers are at work: the director is on leave all month. Security check on Thursdays in the
  // community weekday shift (W), so that the A (Mon–Fri W) could hold it.
  const base = {
    people: [director(), communityOfficer(A, 'A', null), communityOfficer(B1, 'B', 'G1'), communityOfficer(B2, 'B', 'G2')],
    demand: [{ post: 'security-check' as const, shift: 'W', people: 1, weekdays: [4] }],
    absences: [{ personId: DIRECTOR, from: '2027-01-01', to: '2027-01-31', reason: 'leave' }],
  };
  const s = station(base);
  const thursdays = ['2027-01-07', '2027-01-14'];
  const approval: ApprovedRedeployment = { id: 'rd_1', personId: A, post: 'security-check', from: '2027-01-07', to: '2027-01-07' };

  it('without approval the post is a shortfall (FB-3) with a redeployment suggestion and its AP-6 cost', () => {
    const out = plan(s);
    expect(out.assignments.filter((a) => a.post === 'security-check')).toEqual([]);
    expect(out.shortfalls.map((f) => [f.date, f.post, f.rule, f.missing])).toEqual(thursdays.map((d) => [d, 'security-check', 'FB-3', 1]));
    for (const f of out.shortfalls) expect(f.message).toContain('FB-3');
    for (const date of thursdays) {
      const suggestion = out.suggestions.find((x) => x.from === date);
      expect(suggestion).toMatchObject({ kind: 'redeployment', post: 'security-check', from: date, to: date });
      expect([A, B1, B2]).toContain(suggestion!.personId);
      expect(suggestion!.cost?.communityHoursLost).toBeGreaterThan(0);
      expect(suggestion!.cost?.week).toBe(isoWeek(date));
      expect(suggestion!.why).toContain('AP-1');
    }
    expect(out.redeploymentIds).toEqual([]);
    expect(hard(s, out)).toEqual([]);
  });

  it('with an approval for the A on one Thursday, the A fills the post that day, citing the approval', () => {
    const out = plan(s, { approved: [approval] });
    expect(main(out, A, '2027-01-07')).toMatchObject({ post: 'security-check', shift: 'W', place: 'station', redeploymentId: 'rd_1' });
    expect(out.redeploymentIds).toEqual(['rd_1']);
    // Only for its dates (AP-5): the next Thursday is still short.
    expect(out.shortfalls.map((f) => f.date)).toEqual(['2027-01-14']);
    expect(out.assignments.filter((a) => a.redeploymentId !== undefined)).toHaveLength(1);
    expect(hard(s, out, [approval])).toEqual([]);
  });

  it('an approval for another post does not unlock this one', () => {
    const other: ApprovedRedeployment = { ...approval, post: 'station-duty' };
    const out = plan(s, { approved: [other] });
    expect(out.assignments.filter((a) => a.post === 'security-check')).toEqual([]);
    expect(out.redeploymentIds).toEqual([]);
  });
});

describe('FB-4: level-1 reinforced duty', () => {
  const s = station({
    people: [director(), communityOfficer(A, 'A', null), communityOfficer(B1, 'B', 'G1'), communityOfficer(B2, 'B', 'G2')],
    demand: [{ post: 'reinforced-duty', shift: 'S', people: 1 }],
    absences: [{ personId: DIRECTOR, from: '2027-01-01', to: '2027-01-31', reason: 'leave' }],
    reinforcedDuty: [{ from: '2027-01-06', to: '2027-01-07', note: 'level-1 reinforced duty' }],
  });
  const out = plan(s);
  const period = ['2027-01-06', '2027-01-07'];

  it('inside the declared period a dedicated community officer fills it, marked reinforcedDuty', () => {
    for (const date of period) {
      const held = out.assignments.filter((a) => a.date === date && a.post === 'reinforced-duty');
      expect(held).toHaveLength(1);
      expect([A, B1, B2]).toContain(held[0]!.personId);
      expect(held[0]).toMatchObject({ shift: 'S', reinforcedDuty: true, place: 'station' });
      expect(held[0]!.redeploymentId).toBeUndefined();
    }
    expect(out.shortfalls).toEqual([]);
    expect(hard(s, out)).toEqual([]);
  });

  it('outside the period the demand does not exist: no reinforced-duty post and no shortfall for it', () => {
    expect(out.assignments.filter((a) => a.post === 'reinforced-duty' && !period.includes(a.date))).toEqual([]);
    expect(out.assignments.filter((a) => a.reinforcedDuty && !period.includes(a.date))).toEqual([]);
    expect(out.shortfalls.filter((f) => f.post === 'reinforced-duty')).toEqual([]);
  });
});

describe('ROT-4: absences are respected', () => {
  // The G2 driver is on leave over two of G2's primary days; nobody else may drive then.
  const s = station({
    people: [director(), communityOfficer(A, 'A', null), communityOfficer(B1, 'B', 'G1'), communityOfficer(B2, 'B', 'G2'), officer(O2, 'G2', ['driver']), officer(O3, 'G3', ['driver'])],
    demand: [{ post: 'patrol-01', shift: 'P', people: 1, skills: ['driver'] }],
    absences: [
      { personId: O2, from: '2027-01-05', to: '2027-01-08', reason: 'leave' },
      { personId: A, from: '2027-01-11', to: '2027-01-12', reason: 'training' },
    ],
  });
  const out = plan(s);

  it('an absent person holds only `absent` on each day of the absence', () => {
    for (const [personId, dates] of [[O2, ['2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08']], [A, ['2027-01-11', '2027-01-12']]] as const)
      for (const date of dates) expect(on(out, personId, date)).toEqual([expect.objectContaining({ post: 'absent', hours: 0, place: 'none' })]);
    expect(main(out, O2, '2027-01-11')).toMatchObject({ post: 'patrol-01' }); // back at work on G2's next P day
    expect(hard(s, out)).toEqual([]);
  });

  it("the absent driver's primary days are short with rule ROT-4", () => {
    const g2Primary = groupOnP(s, 'G2');
    const short = out.shortfalls.filter((f) => f.post === 'patrol-01' && f.date >= '2027-01-05' && f.date <= '2027-01-08' && g2Primary.includes(f.date));
    expect(short.map((f) => [f.date, f.rule])).toEqual([['2027-01-05', 'ROT-4'], ['2027-01-08', 'ROT-4']]);
    for (const f of short) expect(f.message).toContain('absent (ROT-4)');
  });
});

describe('CP-3: one flexible night a week', () => {
  const s = station({
    people: [director(), communityOfficer(A, 'A', null), communityOfficer(B1, 'B', 'G1'), communityOfficer(B2, 'B', 'G2'), officer(O2, 'G2', ['driver']), officer(O3, 'G3', ['driver'])],
    demand: [{ post: 'patrol-01', shift: 'P', people: 1, skills: ['driver'] }],
  });
  const out = plan(s);

  it('the A (Mon–Fri W) gets exactly one flexible night per full week, on a day whose next day is off', () => {
    const flex = out.assignments.filter((a) => a.personId === A && a.post === 'flex-night');
    expect(flex.map((a) => isoWeek(a.date))).toEqual(['2027-W01', '2027-W02']);
    for (const f of flex) {
      expect(f).toMatchObject({ shift: 'F', place: 'community', communityId: 'C1', hours: 4 });
      expect(f.start).toBe(`${f.date}T18:00:00+08:00`);
      // The same day is community work; the next day is off (REST-1 after the evening).
      expect(main(out, A, f.date)).toMatchObject({ post: 'community', shift: 'W' });
      const next = DATES[DATES.indexOf(f.date) + 1];
      if (next) expect(on(out, A, next).every((a) => a.hours === 0)).toBe(true);
    }
    expect(flex.map((a) => a.date)).toEqual(['2027-01-08', '2027-01-15']); // the Fridays
    expect(checkPlan({ station: s, start: START, days: DAYS, approved: [], calendar: builtinCalendar(s.calendar) }, out).filter((v) => v.rule === 'CP-3' && v.personIds.includes(A))).toEqual([]);
  });
});

// Regressions of engine bugs found while writing these tests (fixed: idle members are on `standby`, not on a
// demanded post; rows of one post share their skills). The search one is still open: `it.fails` until it is fixed.
describe('engine regressions', () => {
  it('SKILL-1: idle duty-group members are on standby, never on a station-duty post whose demand needs a skill', () => {
    const s = station({
      people: [director(), communityOfficer(A, 'A', null), communityOfficer(B1, 'B', 'G1'), officer(O2, 'G2', ['dispatcher']), officer('P021', 'G2', []), officer(O3, 'G3', ['dispatcher']), officer('P031', 'G3', [])],
      demand: [{ post: 'station-duty', shift: 'P', people: 1, skills: ['dispatcher'] }],
    });
    const out = plan(s);
    expect(hard(s, out)).toEqual([]);
  });

  // checks.ts reads several demand rows for one post, shift and day as one need whose holder has every row's skills.
  it('SKILL-1: two demand rows for one post and shift with different skills (a weekday extra row)', () => {
    const s = station({
      people: [director(), officer(O2, 'G2', ['case-handling']), officer('P021', 'G2', ['driver']), officer(O3, 'G3', ['case-handling']), officer('P031', 'G3', ['driver'])],
      communities: [],
      demand: [
        { post: 'case-handling', shift: 'P', people: 1, skills: ['case-handling'] },
        { post: 'case-handling', shift: 'P', people: 1, skills: ['driver'], weekdays: [1, 2, 3, 4, 5] },
      ],
    });
    const out = plan(s);
    expect(hard(s, out)).toEqual([]);
  });

  // The annealing on its own, from the bare rotation (every post empty), must find a plan about as good as the
  // greedy construction + annealing: a search that could not would be a decoration on the construction.
  it('the search alone, from the bare rotation, comes within 2 % of the full engine on the demo station', () => {
    const demo = StationConfig.parse(JSON.parse(readFileSync(new URL('../../demo/station.json', import.meta.url), 'utf8')));
    const full = planRoster({ station: demo, start: '2026-12-07', days: 28, seed: 1, seconds: 10 });
    const model = buildModel(demo, '2026-12-07', 28, [], [], builtinCalendar(demo.calendar));
    const state = new RosterState(model);
    const alone = search(state, { seed: 3, seconds: 20, skipConstruction: true });
    expect(alone.firstFeasibleScore).toBeGreaterThan(full.score.total * 5); // it really starts from nothing
    expect(alone.score).toBeLessThanOrEqual(full.score.total * 1.02);
  }, 60_000);
});
