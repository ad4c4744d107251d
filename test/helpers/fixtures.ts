// Station documents the tests start from: the example of API.md (copied verbatim) and the demo station.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The station configuration example of public contract (the `PUT /stations/{stationId}` example), as written there. */
export const API_EXAMPLE_JSON = `{
  "name": "Qianmen",
  "timezone": "Asia/Shanghai",
  "rules": { "communityShare": 0.9, "weeklyCommunityHours": 36, "minRestHours": 11,
             "maxConsecutiveNights": 3, "transferMinTenureYears": 5 },
  "shiftTypes": [
    { "code": "P", "name": "primary",   "start": "08:00", "hours": 24 },
    { "code": "S", "name": "secondary", "start": "08:00", "hours": 10 },
    { "code": "R", "name": "rest",      "hours": 0 },
    { "code": "W", "name": "community weekday", "start": "08:30", "hours": 8 },
    { "code": "F", "name": "flexible night",    "start": "18:00", "hours": 4 }
  ],
  "pattern": { "cycle": ["P", "S", "R"], "anchorDate": "2026-01-05" },
  "groups": [ { "id": "G1", "offset": 0 }, { "id": "G2", "offset": 1 }, { "id": "G3", "offset": 2 } ],
  "communities": [ { "id": "C1", "name": "Dashilan West", "auxiliaries": 2 } ],
  "people": [
    { "id": "P001", "name": "Zhang Wei", "kind": "officer", "rank": "director", "group": null,
      "skills": [], "joined": "2003-07-01" },
    { "id": "P014", "name": "Li Na", "kind": "officer", "rank": "officer", "group": "G2",
      "skills": ["driver", "case-handling"], "joined": "2019-09-01" },
    { "id": "P020", "name": "Wang Fang", "kind": "officer", "rank": "officer", "group": null,
      "skills": [], "joined": "2006-03-01",
      "community": { "id": "C1", "role": "A", "dedicated": true, "since": "2021-09-01" } }
  ],
  "demand": [
    { "post": "patrol-01", "shift": "P", "people": 2, "skills": ["driver"] },
    { "post": "patrol-02", "shift": "P", "people": 2, "skills": ["driver"] },
    { "post": "case-handling", "shift": "P", "people": 3, "skills": ["case-handling"] },
    { "post": "command-room", "shift": "P", "people": 2 }
  ],
  "absences": [ { "personId": "P014", "from": "2026-12-03", "to": "2026-12-09", "reason": "leave" } ],
  "reinforcedDuty": [ { "from": "2026-12-24", "to": "2026-12-26", "note": "level-1 reinforced duty" } ]
}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = Record<string, any>;

/** A fresh, mutable copy of the API.md example. */
export const apiExample = (): Doc => JSON.parse(API_EXAMPLE_JSON) as Doc;

const DEMO_PATH = fileURLToPath(new URL('../../demo/station.json', import.meta.url));
const DEMO_JSON = readFileSync(DEMO_PATH, 'utf8');

/** A fresh, mutable copy of demo/station.json. */
export const demoStation = (): Doc => JSON.parse(DEMO_JSON) as Doc;

/**
 * The API.md example with ten different kinds of mistakes, each listed with the path (as the API formats it) at which
 * it must be reported. Type errors sit next to reference errors so that both layers must report.
 */
export function tenMistakes(): { doc: Doc; expected: { path: string; kind: string }[] } {
  const doc = apiExample();
  doc.name = 42; // wrong type
  doc.timezone = '+08:00'; // not an IANA zone
  doc.rules.maxConsecutiveNight = 3; // misspelt key (strict)
  doc.shiftTypes[1].hours = 25; // out of range
  doc.shiftTypes[3].start = '24:00'; // bad clock time
  doc.people[1].group = 'G9'; // unknown group
  doc.people[2].joined = '2026-02-30'; // not a calendar date
  doc.people.push({ ...doc.people[0], name: 'Zhang Wei again' }); // duplicate person id P001 at people[3]
  doc.demand[0].people = 0; // at least one person
  doc.absences[0].to = '2026-12-01'; // to before from
  return {
    doc,
    expected: [
      { path: 'name', kind: 'wrong type' },
      { path: 'timezone', kind: 'time zone' },
      { path: 'rules', kind: 'unknown key' },
      { path: 'shiftTypes[1].hours', kind: 'range' },
      { path: 'shiftTypes[3].start', kind: 'clock time' },
      { path: 'people[1].group', kind: 'unknown group' },
      { path: 'people[2].joined', kind: 'calendar date' },
      { path: 'people[3].id', kind: 'duplicate id' },
      { path: 'demand[0].people', kind: 'range' },
      { path: 'absences[0].to', kind: 'to before from' },
    ],
  };
}
