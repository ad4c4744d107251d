// Generated stations for benches and property tests: a deterministic (seeded), realistic, varied generalisation of
// demo/generate-demo.ts to any size and to both built-in patterns.
//
// What a generated station looks like (DOMAIN.md's figures, with some variety per seed):
// - Station leaders (director, instructor, deputies) without a duty group.
// - About 45 % of the officers are dedicated community officers (CP-4 asks for 40 %): communities of 2–5 of them
//   (AB-1), each with one A (no duty group: community weekday hours) and Bs spread over the duty groups (ROT-1).
// - The other officers are in the duty groups with driver / case-handling / dispatcher skills; auxiliaries too.
// - Demand is scaled to the smallest duty group so that the skilled posts take about everyone of the group on post:
//   an absence leaves a post short now and then, and the Saturday large event (when there is one) needs call-ins.
// - A few absences (leave, training, sick) around January 2027, sometimes a level-1 reinforced-duty period.
// Pattern 'three-groups-two-running' (ROT-1: P 24 h, S 10 h, R) or 'four-teams-three-shifts' (ROT-2: D 08:00,
// E 16:00, N 00:00, 8 h each, and O; teams two days apart).
import type { StationConfigInput } from '../shared/domain/station.ts';
import { random as mulberry32 } from '../shared/random.ts';

export type GeneratedPattern = 'three-groups-two-running' | 'four-teams-three-shifts';
export type GenerateOptions = { people: number; seed: number; pattern?: GeneratedPattern };

type PersonInput = StationConfigInput['people'][number];
type DemandInput = NonNullable<StationConfigInput['demand']>[number];
type AbsenceInput = NonNullable<StationConfigInput['absences']>[number];
type CommunityInput = NonNullable<StationConfigInput['communities']>[number];


type Rng = {
  next: () => number;
  int: (min: number, max: number) => number;
  between: (min: number, max: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  shuffle: <T>(items: readonly T[]) => T[];
};

function rng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}

/** Mixes the options into one 32-bit seed, so that two sizes with one seed are not the same draw. */
function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h ^= p >>> 0;
    h = Math.imul(h, 0x01000193) >>> 0;
    h ^= h >>> 13;
  }
  return h >>> 0;
}

const SURNAMES = ['Zhang', 'Wang', 'Li', 'Zhao', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Gao', 'Luo', 'Zheng', 'Liang', 'Xie', 'Song', 'Tang', 'Han', 'Feng', 'Deng', 'Cao', 'Peng'];
const GIVEN = ['Wei', 'Fang', 'Na', 'Min', 'Jing', 'Lei', 'Jun', 'Yang', 'Yong', 'Jie', 'Tao', 'Qiang', 'Hua', 'Ping', 'Gang', 'Hui', 'Xin', 'Bin', 'Yan', 'Lin', 'Chao', 'Peng', 'Hong', 'Ming', 'Li', 'Xia', 'Hao', 'Kai', 'Rui', 'Yu'];
const STATIONS = ['Qianmen', 'Dongsi', 'Tiantan', 'Beixinqiao', 'Andingmen', 'Jiaodaokou', 'Jingshan', 'Chaoyangmen', 'Jianguomen', 'Donghuamen', 'Tiyuguan', 'Longtan', 'Yongdingmen', 'Chongwenmen'];
const PLACES = ['Dashilan', 'Xianyukou', 'Caoshi', 'Tianqiao', 'Qianmen', 'Zhubaoshi', 'Liulichang', 'Nanheyan', 'Beiheyan', 'Shijia', 'Dengshikou', 'Wangfujing', 'Nanluogu', 'Fuxue', 'Jiaodaokou', 'Yonghegong', 'Guozijian', 'Xiaojingchang', 'Chaonei', 'Dongtang', 'Chunshu', 'Lishi', 'Hepingli', 'Qinglong', 'Yuqiao', 'Tiyu', 'Fahua', 'Longtan', 'Guangming', 'Huashi'];
const SIDES = ['West', 'East', 'North', 'South', 'Central', 'Lane', 'Street', 'Gardens'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;
const addDays = (date: string, days: number) => isoDate(Date.parse(`${date}T00:00:00Z`) + days * DAY);
const WEEKDAYS = [1, 2, 3, 4, 5];

/** Splits n community officers into police groups of 2 to 5 (AB-1), mostly 3 or 4. */
function communitySizes(n: number, r: Rng): number[] {
  const sizes: number[] = [];
  let left = n;
  while (left > 0) {
    if (left <= 5 && (left <= 3 || r.chance(0.5))) {
      sizes.push(left);
      break;
    }
    const max = Math.min(5, left - 2);
    const size = Math.max(2, Math.min(max, r.pick([2, 3, 3, 4, 4, 4, 5])));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

type GroupSkills = { driver: number; caseHandling: number; dispatcher: number };

/**
 * A station of exactly `people` people (at least 8), the same for the same options. It passes `StationConfig.parse`.
 */
export function generateStation(options: GenerateOptions): StationConfigInput {
  const pattern: GeneratedPattern = options.pattern ?? 'three-groups-two-running';
  const four = pattern === 'four-teams-three-shifts';
  const total = Math.max(8, Math.round(options.people));
  const r = rng(mix(options.seed, total, four ? 2 : 1));

  let seq = 0;
  const width = total >= 1000 ? 4 : 3;
  const nextId = () => `P${pad(++seq, width)}`;
  const usedNames = new Set<string>();
  const nextName = () => {
    for (let attempt = 0; ; attempt++) {
      const name = `${r.pick(SURNAMES)} ${r.pick(GIVEN)}${attempt > 20 ? ` ${attempt}` : ''}`;
      if (!usedNames.has(name) || attempt > 40) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const joined = (fromYear: number, toYear: number) => `${r.int(fromYear, toYear)}-${pad(r.pick([3, 7, 9]), 2)}-01`;

  // ---- head counts ----
  const groupCount = four ? 4 : 3;
  const groups = Array.from({ length: groupCount }, (_, i) => ({
    id: four ? `T${i + 1}` : `G${i + 1}`,
    name: four ? `Team ${i + 1}` : `Duty group ${i + 1}`,
    offset: four ? 2 * i : i,
  }));
  const auxiliaryCount = Math.max(1, Math.round(total * r.between(0.14, 0.22)));
  const officerCount = total - auxiliaryCount;
  const leaderCount = Math.max(2, Math.min(8, Math.round(total * 0.06)));
  let communityCount = Math.max(2, Math.round(officerCount * r.between(0.42, 0.5)));
  // Everyone left is a duty-group officer; keep at least one per group.
  communityCount = Math.min(communityCount, officerCount - leaderCount - groupCount);
  communityCount = Math.max(2, communityCount);
  const regularCount = Math.max(0, officerCount - leaderCount - communityCount);

  const people: PersonInput[] = [];

  // ---- leaders: director, political instructor, deputies (no duty group) ----
  const leaderRanks: ('director' | 'instructor' | 'deputy')[] = ['director', 'instructor'];
  while (leaderRanks.length < leaderCount) leaderRanks.push('deputy');
  for (const rank of leaderRanks)
    people.push({
      id: nextId(), name: nextName(), kind: 'officer', rank, group: null,
      skills: r.chance(0.7) ? ['case-handling'] : [], joined: joined(1996, 2010),
    });

  // ---- communities and their police groups (A without a group, Bs spread over the duty groups) ----
  const sizes = communitySizes(communityCount, r);
  const places = r.shuffle(PLACES);
  const communities: CommunityInput[] = sizes.map((_, i) => {
    const place = places[i % places.length]!;
    const round = Math.floor(i / places.length);
    return {
      id: `C${i + 1}`,
      name: `${place} ${SIDES[(i + round) % SIDES.length]}${round > 0 ? ` ${round + 1}` : ''}`,
      auxiliaries: r.chance(0.85) ? 2 : r.pick([1, 3]),
      neighbours: [],
    };
  });
  communities.forEach((c, i) => {
    c.neighbours = [communities[i - 1]?.id, communities[i + 1]?.id].filter((x): x is string => x !== undefined);
  });
  let bPointer = r.int(0, groupCount - 1);
  sizes.forEach((size, ci) => {
    const c = communities[ci]!;
    people.push({
      id: nextId(), name: nextName(), kind: 'officer', rank: 'officer', group: null,
      skills: r.chance(0.5) ? ['driver'] : [], joined: joined(1995, 2012),
      community: { id: c.id, role: 'A', dedicated: true, since: joined(2012, 2021) },
    });
    for (let b = 1; b < size; b++) {
      const group = groups[bPointer % groupCount]!;
      bPointer += 1;
      people.push({
        id: nextId(), name: nextName(), kind: 'officer', rank: 'officer', group: group.id,
        skills: r.chance(0.6) ? (r.chance(0.3) ? ['driver', 'case-handling'] : ['driver']) : [],
        joined: joined(2014, 2024), community: { id: c.id, role: 'B', dedicated: true, since: joined(2020, 2025) },
      });
    }
  });

  // ---- duty-group officers and auxiliaries, dealt round the groups ----
  const regularPerGroup = groups.map((_, i) => Math.floor(regularCount / groupCount) + (i < regularCount % groupCount ? 1 : 0));
  const auxiliaryPerGroup = groups.map((_, i) => Math.floor(auxiliaryCount / groupCount) + (i < auxiliaryCount % groupCount ? 1 : 0));
  const orderGroups = r.shuffle(groups.map((_, i) => i));
  const regular = orderGroups.map((i) => regularPerGroup[i]!);
  const auxiliary = orderGroups.map((i) => auxiliaryPerGroup[i]!);
  const k = Math.min(...regular); // officers of the smallest group on post
  const a = Math.min(...auxiliary);

  // ---- demand, scaled to the smallest group ----
  const demand: DemandInput[] = [];
  const need: GroupSkills = { driver: 0, caseHandling: 0, dispatcher: 0 };
  const largeEvent = r.chance(0.5);
  const reinforced = r.chance(0.5);
  const slack = k >= 6 ? r.pick([0, 0, 1]) : 0;
  // Now and then a chronically tight weekday: the extra case row asks for one more than the smallest group has.
  const tightWeekdays = slack === 0 && k >= 6 && r.chance(0.4);

  /** Skilled posts for one shift with `k` officers on post, trimmed to what the group can hold. */
  const skilledPosts = (shift: string, share: number, withCases: boolean): DemandInput[] => {
    const budget = Math.max(1, Math.round(k * share) - slack);
    const want = {
      patrol1: Math.max(1, Math.round(budget * 0.28)),
      patrol2: budget >= 4 ? Math.max(1, Math.round(budget * 0.24)) : 0,
      cases: withCases ? Math.max(1, Math.round(budget * 0.26)) : 0,
      extraCases: withCases && budget >= 3 ? Math.max(1, Math.round(budget * 0.12)) : 0,
      command: budget >= 3 ? Math.max(1, Math.round(budget * 0.06)) : 0,
    };
    // Trim the weekday total to the budget: the extra case row goes first, then patrol 02, the command room, cases.
    const trimOrder: (keyof typeof want)[] = ['extraCases', 'patrol2', 'command', 'cases', 'patrol1'];
    const sum = () => want.patrol1 + want.patrol2 + want.cases + want.extraCases + want.command;
    const limit = budget + (withCases && tightWeekdays && want.extraCases > 0 ? 1 : 0);
    for (const key of trimOrder) while (sum() > limit && want[key] > (key === 'patrol1' ? 1 : 0)) want[key] -= 1;
    // Rounding may leave room: the cars and the cases take it, so that the group on post is fully used.
    const fillOrder: (keyof typeof want)[] = withCases ? ['cases', 'patrol1', 'patrol2'] : ['patrol1', 'patrol2'];
    for (let i = 0; sum() < limit && i < 100; i++) {
      const key = fillOrder[i % fillOrder.length]!;
      if (want[key] > 0 || key === 'patrol1') want[key] += 1;
    }
    need.driver = Math.max(need.driver, want.patrol1 + want.patrol2);
    need.caseHandling = Math.max(need.caseHandling, want.cases + want.extraCases);
    need.dispatcher = Math.max(need.dispatcher, want.command);
    const rows: DemandInput[] = [{ post: 'patrol-01', shift, people: want.patrol1, skills: ['driver'] }];
    if (want.patrol2) rows.push({ post: 'patrol-02', shift, people: want.patrol2, skills: ['driver'] });
    if (want.cases) rows.push({ post: 'case-handling', shift, people: want.cases, skills: ['case-handling'] });
    if (want.extraCases)
      rows.push({ post: 'case-handling', shift, people: want.extraCases, skills: ['case-handling'], weekdays: WEEKDAYS });
    if (want.command) rows.push({ post: 'command-room', shift, people: want.command, skills: ['dispatcher'] });
    return rows;
  };

  if (!four) {
    // ROT-1: the primary group takes calls, incidents and cases (24 h); the secondary group patrols and controls.
    demand.push(...skilledPosts('P', 1, true));
    demand.push({ post: 'station-duty', shift: 'P', people: Math.max(1, Math.round(a * 0.5)) });
    demand.push({ post: 'security-check', shift: 'S', people: Math.max(1, Math.round(a * 0.4)) });
    demand.push({ post: 'routine-duty', shift: 'S', people: Math.max(1, Math.round(k * 0.15)) });
    if (largeEvent) demand.push({ post: 'large-event', shift: 'S', people: Math.max(2, Math.round((k + a) * r.between(1.0, 1.8))), weekdays: [6] });
    if (reinforced) demand.push({ post: 'reinforced-duty', shift: 'S', people: Math.max(1, Math.round(k * r.between(0.3, 0.6))) });
  } else {
    // ROT-2: one team on each of D, E and N; the fourth rests.
    demand.push(...skilledPosts('D', 1, true));
    demand.push(...skilledPosts('E', 0.85, true).filter((d) => !d.weekdays));
    demand.push(...skilledPosts('N', 0.6, false));
    for (const shift of ['D', 'E', 'N']) demand.push({ post: 'station-duty', shift, people: Math.max(1, Math.round(a * (shift === 'N' ? 0.3 : 0.5))) });
    demand.push({ post: 'security-check', shift: 'D', people: Math.max(1, Math.round(a * 0.3)) });
    demand.push({ post: 'routine-duty', shift: 'E', people: Math.max(1, Math.round(k * 0.1)) });
    if (largeEvent) demand.push({ post: 'large-event', shift: 'E', people: Math.max(2, Math.round((k + a) * r.between(0.5, 0.9))), weekdays: [6] });
    if (reinforced) demand.push({ post: 'reinforced-duty', shift: 'D', people: Math.max(1, Math.round(k * r.between(0.3, 0.6))) });
  }

  // ---- duty-group people, with the skills the demand needs in every group and some more ----
  orderGroups.forEach((gi, slot) => {
    const group = groups[gi]!;
    const size = regular[slot]!;
    const skills: string[][] = Array.from({ length: size }, () => []);
    let at = 0;
    const give = (skill: string, count: number) => {
      for (let i = 0; i < count && size > 0; i++) {
        skills[at % size]!.push(skill);
        at += 1;
      }
    };
    give('driver', need.driver);
    give('case-handling', need.caseHandling);
    give('dispatcher', need.dispatcher);
    for (const list of skills) {
      if (!list.includes('driver') && r.chance(0.25)) list.push('driver');
      if (!list.includes('case-handling') && r.chance(0.2)) list.push('case-handling');
      if (!list.includes('dispatcher') && r.chance(0.08)) list.push('dispatcher');
    }
    for (const list of r.shuffle(skills))
      people.push({ id: nextId(), name: nextName(), kind: 'officer', rank: 'officer', group: group.id, skills: [...new Set(list)].sort(), joined: joined(2008, 2025) });
    for (let i = 0; i < auxiliary[slot]!; i++)
      people.push({ id: nextId(), name: nextName(), kind: 'auxiliary', rank: 'auxiliary', group: group.id, skills: [], joined: joined(2016, 2025) });
  });

  // ---- absences around January 2027 ----
  const absences: AbsenceInput[] = [];
  const absentees = r.shuffle(people.filter((p) => p.rank !== 'director' && p.rank !== 'instructor')).slice(0, Math.max(1, Math.round(total * r.between(0.04, 0.08))));
  for (const p of absentees) {
    const kind = r.next();
    const [reason, length] = kind < 0.45 ? ['leave', r.int(3, 7)] : kind < 0.75 ? ['training', r.int(2, 5)] : ['sick', r.int(1, 3)];
    const from = addDays('2026-12-28', r.int(0, 34));
    absences.push({ personId: p.id, from, to: addDays(from, length - 1), reason: reason as string });
  }

  // ---- a level-1 reinforced-duty period, sometimes ----
  const reinforcedDuty = reinforced
    ? [(() => {
        const from = addDays('2027-01-05', r.int(0, 22));
        return { from, to: addDays(from, r.int(0, 2)), note: 'level-1 reinforced duty declared by the branch' };
      })()]
    : [];

  const shiftTypes: StationConfigInput['shiftTypes'] = four
    ? [
        { code: 'D', name: 'day', start: '08:00', hours: 8 },
        { code: 'E', name: 'evening', start: '16:00', hours: 8 },
        { code: 'N', name: 'night', start: '00:00', hours: 8, night: true },
        { code: 'O', name: 'off', hours: 0 },
        { code: 'W', name: 'community weekday', start: '08:30', hours: 8 },
        { code: 'F', name: 'flexible night', start: '18:00', hours: 4 },
      ]
    : [
        { code: 'P', name: 'primary', start: '08:00', hours: 24 },
        { code: 'S', name: 'secondary', start: '08:00', hours: 10 },
        { code: 'R', name: 'rest', hours: 0 },
        { code: 'W', name: 'community weekday', start: '08:30', hours: 8 },
        { code: 'F', name: 'flexible night', start: '18:00', hours: 4 },
      ];

  return {
    name: `${r.pick(STATIONS)} (generated ${total}/${options.seed}${four ? ', ROT-2' : ''})`,
    timezone: 'Asia/Shanghai',
    rules: {
      // Andingmen's 80 % now and then (CP-1 is a station setting).
      communityShare: r.chance(0.2) ? 0.8 : 0.9,
      weeklyCommunityHours: 36,
      minRestHours: 11,
      maxConsecutiveNights: 3,
      transferMinTenureYears: 5,
      minCommunityOfficerShare: 0.4,
    },
    shiftTypes,
    pattern: { builtin: pattern, anchorDate: '2026-01-05' },
    groups,
    communities,
    people,
    demand,
    absences,
    reinforcedDuty,
  };
}

/**
 * `count` stations of varied sizes (about 20 to 300 people, spread evenly on a log scale) and patterns (one in three
 * on four teams, three shifts), the same for the same seed.
 */
export function generateStations(count: number, seed: number): StationConfigInput[] {
  const r = rng(mix(seed, 0x5eed));
  return Array.from({ length: count }, (_, i) => {
    const position = count === 1 ? r.next() : (i + r.next()) / count;
    const people = Math.round(20 * (300 / 20) ** position);
    const pattern: GeneratedPattern = r.chance(1 / 3) ? 'four-teams-three-shifts' : 'three-groups-two-running';
    return generateStation({ people, seed: mix(seed, i), pattern });
  });
}
