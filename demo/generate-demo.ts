// Writes demo/station.json (names of people, communities and the station in Chinese, as a station keeps them): a Qianmen-like station built from DOMAIN.md's figures (ROT-1 三班两运转, 65 people,
// about 45 % community officers, one A and three Bs per grid, two auxiliaries per community).
// Run: npx tsx demo/generate-demo.ts   (the JSON is committed; this script says how it was made)
import { writeFileSync } from 'node:fs';
import { StationConfig, type StationConfigInput } from '../shared/domain/station.ts';

const surnames = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
const given = ['伟', '芳', '娜', '敏', '静', '磊', '军', '洋', '勇', '杰', '涛', '强', '华', '平', '刚', '慧', '欣', '斌', '艳', '琳', '超', '鹏', '红', '明'];
let n = 0;
const nextName = () => {
  const name = `${surnames[(n * 7) % surnames.length]}${given[(n * 5 + Math.floor(n / 3)) % given.length]}`;
  n += 1;
  return name;
};
let seq = 0;
const nextId = () => `P${String(++seq).padStart(3, '0')}`;

const communities = [
  { id: 'C1', name: '大栅栏西', auxiliaries: 2, neighbours: ['C2'] },
  { id: 'C2', name: '大栅栏东', auxiliaries: 2, neighbours: ['C1', 'C3'] },
  { id: 'C3', name: '前门东', auxiliaries: 2, neighbours: ['C2', 'C4'] },
  { id: 'C4', name: '鲜鱼口', auxiliaries: 2, neighbours: ['C3', 'C5'] },
  { id: 'C5', name: '草市', auxiliaries: 2, neighbours: ['C4', 'C6'] },
  { id: 'C6', name: '天桥北', auxiliaries: 2, neighbours: ['C5'] },
];
const groups = [
  { id: 'G1', name: '值班一组', offset: 0 },
  { id: 'G2', name: '值班二组', offset: 1 },
  { id: 'G3', name: '值班三组', offset: 2 },
];

type PersonInput = StationConfigInput['people'][number];
const people: PersonInput[] = [];
const leader = (rank: 'director' | 'instructor' | 'deputy', joined: string) =>
  people.push({ id: nextId(), name: nextName(), kind: 'officer', rank, group: null, skills: ['case-handling'], joined });
leader('director', '2001-07-01');
leader('instructor', '2003-09-01');
leader('deputy', '2008-07-01');
leader('deputy', '2010-07-01');

// Non-community officers: eight or nine per duty group, with the skills the primary shift's posts need.
const squad: string[][] = [
  ['driver'],
  ['driver'],
  ['driver', 'case-handling'],
  ['driver'],
  ['case-handling'],
  ['case-handling', 'driver'],
  ['dispatcher'],
  ['dispatcher', 'case-handling'],
];
groups.forEach((g, gi) => {
  const members = gi === 2 ? [...squad, ['driver']] : squad;
  members.forEach((skills, i) => {
    people.push({ id: nextId(), name: nextName(), kind: 'officer', rank: 'officer', group: g.id, skills, joined: `${2012 + ((gi * 3 + i) % 12)}-0${1 + (i % 9)}-01` });
  });
});

// Dedicated community officers: the A of each grid keeps community weekday hours (no station shifts, AB-1);
// three Bs per grid, one in each duty group, rotate with their group but stay on community work (ROT-1).
communities.forEach((c, ci) => {
  people.push({
    id: nextId(), name: nextName(), kind: 'officer', rank: 'officer', group: null, skills: ['driver'],
    joined: `${1998 + ci}-07-01`, community: { id: c.id, role: 'A', dedicated: true, since: `${2014 + (ci % 5)}-03-01` },
  });
  groups.forEach((g, gi) => {
    people.push({
      id: nextId(), name: nextName(), kind: 'officer', rank: 'officer', group: g.id,
      skills: gi === 0 ? ['driver', 'case-handling'] : ['driver'],
      joined: `${2017 + ((ci + gi) % 7)}-09-01`, community: { id: c.id, role: 'B', dedicated: true, since: `${2021 + (gi % 3)}-09-01` },
    });
  });
});

// Auxiliaries (辅警): four per duty group, for station duty and security checks.
groups.forEach((g) => {
  for (let i = 0; i < 4; i++)
    people.push({ id: nextId(), name: nextName(), kind: 'auxiliary', rank: 'auxiliary', group: g.id, skills: [], joined: `${2018 + i}-03-01` });
});

const byRole = (community: string, role: 'A' | 'B') => people.filter((p) => p.community?.id === community && p.community.role === role);
const firstDriverOf = (group: string) => people.find((p) => p.group === group && !p.community && p.skills?.includes('driver'));

const station: StationConfigInput = {
  name: '前门派出所（演示）',
  timezone: 'Asia/Shanghai',
  rules: { communityShare: 0.9, weeklyCommunityHours: 36, minRestHours: 11, maxConsecutiveNights: 3, transferMinTenureYears: 5, minCommunityOfficerShare: 0.4 },
  shiftTypes: [
    { code: 'P', name: '主班', start: '08:00', hours: 24 },
    { code: 'S', name: '副班', start: '08:00', hours: 10 },
    { code: 'R', name: '休息', hours: 0 },
    { code: 'W', name: '社区日班', start: '08:30', hours: 8 },
    { code: 'F', name: '夜间弹性', start: '18:00', hours: 4 },
  ],
  pattern: { builtin: 'three-groups-two-running', anchorDate: '2026-01-05' },
  groups,
  communities,
  people,
  // Tight on purpose: weekday case load takes every skilled officer of the primary group, so a driver on leave
  // leaves a patrol car short, and Saturday's large-event security needs more people than the secondary group has.
  demand: [
    { post: 'patrol-01', shift: 'P', people: 2, skills: ['driver'] },
    { post: 'patrol-02', shift: 'P', people: 2, skills: ['driver'] },
    { post: 'case-handling', shift: 'P', people: 2, skills: ['case-handling'] },
    { post: 'case-handling', shift: 'P', people: 1, skills: ['case-handling'], weekdays: [1, 2, 3, 4, 5] },
    { post: 'command-room', shift: 'P', people: 1, skills: ['dispatcher'] },
    { post: 'station-duty', shift: 'P', people: 2 },
    { post: 'security-check', shift: 'S', people: 2 },
    { post: 'routine-duty', shift: 'S', people: 1 },
    { post: 'large-event', shift: 'S', people: 30, weekdays: [6] },
    { post: 'reinforced-duty', shift: 'S', people: 6 },
  ],
  absences: [
    { personId: firstDriverOf('G1')!.id, from: '2026-12-07', to: '2026-12-13', reason: 'leave' },
    { personId: firstDriverOf('G2')!.id, from: '2027-01-04', to: '2027-01-08', reason: 'training' },
    { personId: byRole('C2', 'A')[0]!.id, from: '2026-12-14', to: '2026-12-16', reason: 'sick' },
    { personId: byRole('C4', 'B')[1]!.id, from: '2026-12-21', to: '2026-12-27', reason: 'leave' },
  ],
  reinforcedDuty: [{ from: '2026-12-31', to: '2027-01-01', note: '元旦一级加强勤务' }],
};

const parsed = StationConfig.parse(station);
writeFileSync(new URL('./station.json', import.meta.url), `${JSON.stringify(station, null, 2)}\n`);
const officers = parsed.people.filter((p) => p.kind === 'officer');
const community = officers.filter((p) => p.community?.dedicated);
console.error(`demo station: ${parsed.people.length} people, ${officers.length} officers, ${community.length} dedicated community officers (${Math.round((100 * community.length) / officers.length)} %)`);
