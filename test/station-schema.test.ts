// The station configuration document (API.md, `PUT /stations/{stationId}`): what validateStationConfig accepts, and
// that every mistake is reported with the path where it sits — all of them at once.
import { describe, expect, it } from 'vitest';
import { formatPath } from '../shared/domain/errors.ts';
import { StationConfig, validateStationConfig } from '../shared/domain/station.ts';
import { apiExample, demoStation, tenMistakes, type Doc } from './helpers/fixtures.ts';

type Issue = { path: (string | number)[]; message: string };

function issuesOf(doc: unknown): Issue[] {
  const result = validateStationConfig(doc);
  if (result.ok) throw new Error('expected the document to be refused, but it was accepted');
  return result.issues;
}

const paths = (issues: Issue[]) => issues.map((i) => formatPath(i.path));

describe('documents that are accepted', () => {
  it('accepts the demo station', () => {
    const result = validateStationConfig(demoStation());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.people).toHaveLength(65);
    expect(StationConfig.safeParse(demoStation()).success).toBe(true);
  });

  it('accepts the example document of API.md and fills in the defaults', () => {
    const result = validateStationConfig(apiExample());
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.value.name).toBe('Qianmen');
    expect(result.value.pattern).toEqual({ cycle: ['P', 'S', 'R'], anchorDate: '2026-01-05' });
    // A rule the example leaves out gets its default; the ones it gives are kept.
    expect(result.value.rules).toEqual({
      communityShare: 0.9,
      weeklyCommunityHours: 36,
      minRestHours: 11,
      maxConsecutiveNights: 3,
      transferMinTenureYears: 5,
      minCommunityOfficerShare: 0.4,
    });
    expect(result.value.communities[0]).toEqual({ id: 'C1', name: 'Dashilan West', auxiliaries: 2, neighbours: [] });
    expect(result.value.demand[3]).toMatchObject({ post: 'command-room', skills: [] });
    expect(result.value.people[0]!.group).toBeNull();
    expect(StationConfig.safeParse(apiExample()).success).toBe(true);
  });

  it('accepts the builtin patterns when the station defines their shift codes', () => {
    const rot1 = apiExample();
    rot1.pattern = { builtin: 'three-groups-two-running' };
    const r1 = validateStationConfig(rot1);
    expect(r1.ok).toBe(true);
    if (r1.ok) expect(r1.value.pattern).toEqual({ builtin: 'three-groups-two-running', anchorDate: '2026-01-05' });

    const rot2 = apiExample();
    rot2.pattern = { builtin: 'four-teams-three-shifts', anchorDate: '2026-03-02' };
    rot2.shiftTypes.push(
      { code: 'D', name: 'day', start: '08:00', hours: 8 },
      { code: 'E', name: 'evening', start: '16:00', hours: 8 },
      { code: 'N', name: 'night', start: '00:00', hours: 8 },
      { code: 'O', name: 'off', hours: 0 },
    );
    expect(validateStationConfig(rot2).ok).toBe(true);
  });

  it('accepts a minimal document and defaults the optional sections', () => {
    const result = validateStationConfig({
      name: 'Tiny',
      timezone: 'Europe/Berlin',
      shiftTypes: [{ code: 'D', name: 'day', start: '08:00', hours: 8 }],
      pattern: { cycle: ['D'] },
      people: [{ id: 'p1', name: 'Solo', kind: 'officer', rank: 'director', joined: '2020-02-29' }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ groups: [], communities: [], demand: [], absences: [], reinforcedDuty: [] });
    expect(result.value.people[0]).toMatchObject({ group: null, skills: [] });
    expect(result.value.rules.minRestHours).toBe(11);
  });
});

type Case = { what: string; mutate: (doc: Doc) => void; path: string; message: RegExp };

const cases: Record<string, Case[]> = {
  'wrong types': [
    { what: 'name is a number', mutate: (d) => (d.name = 42), path: 'name', message: /expected string/ },
    { what: 'hours is a string', mutate: (d) => (d.shiftTypes[0].hours = '24'), path: 'shiftTypes[0].hours', message: /expected number/ },
    { what: 'offset is not a whole number', mutate: (d) => (d.groups[1].offset = 1.5), path: 'groups[1].offset', message: /int/i },
    { what: 'skills is not a list', mutate: (d) => (d.people[1].skills = 'driver'), path: 'people[1].skills', message: /expected array/ },
    { what: 'kind is not one of the kinds', mutate: (d) => (d.people[0].kind = 'sergeant'), path: 'people[0].kind', message: /officer/ },
    { what: 'dedicated is not a boolean', mutate: (d) => (d.people[2].community.dedicated = 'yes'), path: 'people[2].community.dedicated', message: /expected boolean/ },
    { what: 'demand post is not a post id', mutate: (d) => (d.demand[0].post = 'patrol-99'), path: 'demand[0].post', message: /patrol-01/ },
  ],
  'dates that are not YYYY-MM-DD calendar days': [
    { what: '2026-02-30', mutate: (d) => (d.people[1].joined = '2026-02-30'), path: 'people[1].joined', message: /not a real calendar date/ },
    { what: '2026-1-5', mutate: (d) => (d.people[1].joined = '2026-1-5'), path: 'people[1].joined', message: /YYYY-MM-DD/ },
    { what: 'absence from 2026-11-31', mutate: (d) => (d.absences[0].from = '2026-11-31'), path: 'absences[0].from', message: /calendar date/ },
    { what: 'anchorDate 2026-02-30', mutate: (d) => (d.pattern.anchorDate = '2026-02-30'), path: 'pattern.anchorDate', message: /calendar date/ },
    { what: 'community since 2021/09/01', mutate: (d) => (d.people[2].community.since = '2021/09/01'), path: 'people[2].community.since', message: /YYYY-MM-DD/ },
  ],
  'times that are not HH:MM': [
    { what: '24:00', mutate: (d) => (d.shiftTypes[0].start = '24:00'), path: 'shiftTypes[0].start', message: /HH:MM/ },
    { what: '8:00', mutate: (d) => (d.shiftTypes[1].start = '8:00'), path: 'shiftTypes[1].start', message: /HH:MM/ },
    { what: '08:60', mutate: (d) => (d.shiftTypes[3].start = '08:60'), path: 'shiftTypes[3].start', message: /HH:MM/ },
  ],
  'time zones that are not IANA names': [
    { what: '+08:00', mutate: (d) => (d.timezone = '+08:00'), path: 'timezone', message: /IANA/ },
    { what: 'Mars/Base', mutate: (d) => (d.timezone = 'Mars/Base'), path: 'timezone', message: /IANA/ },
    { what: 'an empty string', mutate: (d) => (d.timezone = ''), path: 'timezone', message: /IANA/ },
  ],
  'duplicate ids': [
    { what: 'people', mutate: (d) => d.people.push({ ...d.people[1], name: 'Li Na 2' }), path: 'people[3].id', message: /duplicate id "P014"/ },
    { what: 'groups', mutate: (d) => d.groups.push({ id: 'G2', offset: 2 }), path: 'groups[3].id', message: /duplicate id "G2"/ },
    { what: 'communities', mutate: (d) => d.communities.push({ id: 'C1', name: 'Dashilan West again' }), path: 'communities[1].id', message: /duplicate id "C1"/ },
    { what: 'shift codes', mutate: (d) => d.shiftTypes.push({ code: 'S', name: 'second secondary', start: '09:00', hours: 9 }), path: 'shiftTypes[5].code', message: /duplicate code "S"/ },
  ],
  'unknown references': [
    { what: 'a person in an unknown group', mutate: (d) => (d.people[1].group = 'G9'), path: 'people[1].group', message: /unknown duty group "G9"/ },
    { what: 'a person in an unknown community', mutate: (d) => (d.people[2].community.id = 'C9'), path: 'people[2].community.id', message: /unknown community "C9"/ },
    { what: 'a cycle with an unknown code', mutate: (d) => (d.pattern.cycle = ['P', 'X', 'R']), path: 'pattern.cycle[1]', message: /unknown shift code "X"/ },
    { what: 'demand in an unknown shift', mutate: (d) => (d.demand[2].shift = 'Q'), path: 'demand[2].shift', message: /unknown shift code "Q"/ },
    { what: 'an absence of an unknown person', mutate: (d) => (d.absences[0].personId = 'P999'), path: 'absences[0].personId', message: /unknown person "P999"/ },
    { what: 'a neighbour that is not a community', mutate: (d) => (d.communities[0].neighbours = ['C7']), path: 'communities[0].neighbours[0]', message: /unknown community "C7"/ },
  ],
  'numbers out of range': [
    { what: 'hours 25', mutate: (d) => (d.shiftTypes[1].hours = 25), path: 'shiftTypes[1].hours', message: /between 0 and 24/ },
    { what: 'hours -1', mutate: (d) => (d.shiftTypes[1].hours = -1), path: 'shiftTypes[1].hours', message: /between 0 and 24/ },
    { what: 'people 0', mutate: (d) => (d.demand[0].people = 0), path: 'demand[0].people', message: /at least 1/ },
    { what: 'communityShare 1.5', mutate: (d) => (d.rules.communityShare = 1.5), path: 'rules.communityShare', message: /between 0 and 1/ },
    { what: 'maxConsecutiveNights 0', mutate: (d) => (d.rules.maxConsecutiveNights = 0), path: 'rules.maxConsecutiveNights', message: /1|small/ },
  ],
  'unknown fields (strict objects)': [
    { what: 'a misspelt rules key', mutate: (d) => (d.rules.maxConsecutiveNight = 3), path: 'rules', message: /maxConsecutiveNight/ },
    { what: 'an unknown top-level field', mutate: (d) => (d.nmae = 'Qianmen'), path: '(body)', message: /nmae/ },
    { what: 'an unknown field on a person', mutate: (d) => (d.people[0].nickname = 'Wei'), path: 'people[0]', message: /nickname/ },
    { what: 'an unknown field on a shift type', mutate: (d) => (d.shiftTypes[0].length = 24), path: 'shiftTypes[0]', message: /length/ },
  ],
  'other cross-field rules': [
    { what: 'a working shift without a start', mutate: (d) => delete d.shiftTypes[0].start, path: 'shiftTypes[0].start', message: /no start time/ },
    { what: 'rank auxiliary on an officer', mutate: (d) => (d.people[1].rank = 'auxiliary'), path: 'people[1].rank', message: /auxiliary/ },
    { what: 'a dedicated auxiliary', mutate: (d) => Object.assign(d.people[2], { kind: 'auxiliary', rank: 'auxiliary' }), path: 'people[2].community.dedicated', message: /only officers/ },
    { what: 'a community that neighbours itself', mutate: (d) => (d.communities[0].neighbours = ['C1']), path: 'communities[0].neighbours[0]', message: /itself/ },
    { what: 'demand in a shift without hours', mutate: (d) => (d.demand[0].shift = 'R'), path: 'demand[0].shift', message: /no hours/ },
    { what: 'the same demand twice', mutate: (d) => d.demand.push({ post: 'patrol-01', shift: 'P', people: 1 }), path: 'demand[4]', message: /given twice/ },
  ],
  '"to" before "from"': [
    { what: 'an absence', mutate: (d) => (d.absences[0].to = '2026-12-02'), path: 'absences[0].to', message: /"to" is before "from"/ },
    { what: 'a reinforced-duty period', mutate: (d) => (d.reinforcedDuty[0].to = '2026-12-23'), path: 'reinforcedDuty[0].to', message: /"to" is before "from"/ },
  ],
};

describe.each(Object.entries(cases))('%s', (_kind, list) => {
  it.each(list)('$what → $path', ({ mutate, path, message }) => {
    const doc = apiExample();
    mutate(doc);
    const issues = issuesOf(doc);
    // The mistake is reported where it is, with a message that says what is wrong …
    expect(issues.some((i) => formatPath(i.path) === path && message.test(i.message)), JSON.stringify(issues)).toBe(true);
    // … and nowhere else: one mistake does not spray issues over the rest of the document.
    expect(new Set(paths(issues))).toEqual(new Set([path]));
  });
});

describe('references that need more than one issue', () => {
  it('a builtin pattern whose shift codes the station does not define lists each missing code', () => {
    const doc = apiExample();
    doc.pattern = { builtin: 'four-teams-three-shifts' };
    const issues = issuesOf(doc);
    expect(paths(issues).every((p) => p === 'pattern.builtin')).toBe(true);
    const missing = issues.map((i) => /shift code "(\w+)"/.exec(i.message)?.[1]).sort();
    expect(missing).toEqual(['D', 'E', 'N', 'O']);
  });

  it('a builtin pattern that does not exist is refused', () => {
    const doc = apiExample();
    doc.pattern = { builtin: 'five-teams' };
    expect(paths(issuesOf(doc))).toEqual(['pattern']);
  });

  it('a duplicated id is reported once per repetition, pointing at the repeats', () => {
    const doc = apiExample();
    doc.groups.push({ id: 'G1', offset: 1 }, { id: 'G1', offset: 2 });
    const issues = issuesOf(doc);
    expect(paths(issues)).toEqual(['groups[3].id', 'groups[4].id']);
    expect(issues[0]!.message).toContain('groups[0]');
  });
});

describe('date ranges', () => {
  it('a one-day range ("to" equal to "from") is accepted', () => {
    const doc = apiExample();
    doc.absences[0].to = doc.absences[0].from;
    doc.reinforcedDuty[0].to = doc.reinforcedDuty[0].from;
    expect(validateStationConfig(doc).ok).toBe(true);
  });

  it('an impossible "from" date is reported as such, not also as "to" before "from"', () => {
    // 2026-13-01 is no day at all, so it is neither before nor after 2026-12-09: the only mistake is the date.
    const doc = apiExample();
    doc.absences[0].from = '2026-13-01';
    doc.reinforcedDuty[0].to = '2026-12-99';
    const issues = issuesOf(doc);
    expect(paths(issues).sort()).toEqual(['absences[0].from', 'reinforcedDuty[0].to']);
    expect(issues.every((i) => /calendar date/.test(i.message)), JSON.stringify(issues)).toBe(true);
  });
});

describe('every mistake at once', () => {
  it('a document with ten different mistakes yields at least ten issues, one per mistake', () => {
    const { doc, expected } = tenMistakes();
    const issues = issuesOf(doc);
    expect(issues.length).toBeGreaterThanOrEqual(10);
    const found = paths(issues);
    for (const { path, kind } of expected) expect(found, `${kind} at ${path}`).toContain(path);
    // One issue per mistake: no mistake is reported twice and nothing unrelated is reported.
    expect([...found].sort()).toEqual(expected.map((e) => e.path).sort());
  });

  it('runs the reference checks even when type errors exist elsewhere, and in the same object', () => {
    const doc = apiExample();
    doc.name = null; // type error
    doc.shiftTypes[0].hours = 'twenty-four'; // type error
    doc.people[1].joined = 20190901; // type error in the same person …
    doc.people[1].group = 'G7'; // … as a reference error
    doc.demand[0].shift = 'Z'; // reference error
    doc.absences[0].personId = 'P404'; // reference error
    const found = paths(issuesOf(doc));
    expect(found).toEqual(
      expect.arrayContaining(['name', 'shiftTypes[0].hours', 'people[1].joined', 'people[1].group', 'demand[0].shift', 'absences[0].personId']),
    );
  });

  it('still checks references when whole sections have the wrong shape', () => {
    const doc = apiExample();
    doc.groups = 'G1,G2,G3'; // not a list: every person group is then unknown
    doc.rules = [];
    const found = paths(issuesOf(doc));
    expect(found).toContain('groups');
    expect(found).toContain('rules');
    expect(found).toContain('people[1].group');
  });

  it('refuses what is not a document at all', () => {
    for (const value of [null, 42, 'station', []]) {
      const issues = issuesOf(value);
      expect(issues.length).toBeGreaterThan(0);
      expect(paths(issues)).toContain('(body)');
    }
  });

  it('StationConfig (the schema) refuses reference errors too', () => {
    const doc = apiExample();
    doc.people[1].group = 'G9';
    const parsed = StationConfig.safeParse(doc);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues.map((i) => formatPath(i.path as (string | number)[]))).toEqual(['people[1].group']);
  });
});
