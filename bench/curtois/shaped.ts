// Generated instances shaped like the held-out Curtois instances 13–24 (sizes as published, structure as assumed in
// README.md beside this file): many shift types with start times and lengths of a hospital day, forbidden successions
// from an 11-hour rest, employees restricted to a few types, tight minute bands and run limits, a weekend cap, leave
// blocks, thousands of weighted shift-on/off requests, cover with under weight 100 and over weight 1.
//
// Every instance is built around a planted roster (the "witness"): each employee's row is a random walk that keeps
// every hard rule, and the limits are then set around it (minutes band, type caps, weekends, days off taken from its
// days off), so the instance is feasible by construction and the witness's objective is an upper bound to compare
// against. Cover is the witness's own cover perturbed, and requests are drawn independently, so the witness is far
// from optimal. Deterministic for a seed.
import { random } from '../../shared/random.ts';

export type ShapedSpec = { name: string; days: number; staff: number; types: number; seed: number };

/** Published sizes of Instance13–24 (weeks × 7 days, staff, shift types). */
export const SHAPED_SIZES: readonly ShapedSpec[] = [
  { name: 'Shaped13', days: 28, staff: 120, types: 18, seed: 13 },
  { name: 'Shaped14', days: 42, staff: 32, types: 4, seed: 14 },
  { name: 'Shaped15', days: 42, staff: 45, types: 6, seed: 15 },
  { name: 'Shaped16', days: 56, staff: 20, types: 3, seed: 16 },
  { name: 'Shaped17', days: 56, staff: 32, types: 4, seed: 17 },
  { name: 'Shaped18', days: 84, staff: 22, types: 3, seed: 18 },
  { name: 'Shaped19', days: 84, staff: 40, types: 5, seed: 19 },
  { name: 'Shaped20', days: 182, staff: 50, types: 6, seed: 20 },
  { name: 'Shaped21', days: 182, staff: 100, types: 8, seed: 21 },
  { name: 'Shaped22', days: 364, staff: 50, types: 10, seed: 22 },
  { name: 'Shaped23', days: 364, staff: 100, types: 16, seed: 23 },
  { name: 'Shaped24', days: 364, staff: 150, types: 32, seed: 24 },
];

type ShiftType = { id: string; family: number; start: number; minutes: number };

/** Families of a hospital day: start hours and lengths (minutes) of their variants. */
const FAMILIES: readonly { letter: string; starts: number[]; lengths: number[] }[] = [
  { letter: 'E', starts: [6, 7, 6.5], lengths: [480, 420, 540] }, // early
  { letter: 'L', starts: [14, 13, 15], lengths: [480, 540, 420] }, // late
  { letter: 'D', starts: [8, 9, 7.5], lengths: [480, 540, 600] }, // day
  { letter: 'N', starts: [22, 21, 23], lengths: [600, 540, 480] }, // night
  { letter: 'G', starts: [7, 8, 19], lengths: [720, 720, 720] }, // long day / long night
];
/** Least rest between the end of one shift and the start of the next (hours). */
const REST_HOURS = 11;

function shiftTypes(n: number): ShiftType[] {
  const out: ShiftType[] = [];
  for (let i = 0; i < n; i++) {
    const family = i % FAMILIES.length;
    const k = Math.floor(i / FAMILIES.length);
    const f = FAMILIES[family]!;
    // Variants after the third shift the start by half-hours so that 32 types stay distinct and realistic.
    const start = f.starts[k % 3]! + 0.5 * Math.floor(k / 3);
    const minutes = f.lengths[k % 3]!;
    out.push({ id: `${f.letter}${k + 1}`, family, start, minutes });
  }
  return out;
}

/** b may not follow a on the next day when the rest between them is shorter than REST_HOURS. */
const forbids = (a: ShiftType, b: ShiftType): boolean => b.start + 24 - (a.start + a.minutes / 60) < REST_HOURS;

export type ShapedInstance = {
  text: string;
  /** The planted roster: per employee id, one shift id per day ("" off); it keeps every hard rule. */
  witness: Record<string, string[]>;
  requests: number;
};

export function generateShaped(spec: ShapedSpec): ShapedInstance {
  const { name, days: D, staff: E, types: S } = spec;
  if (D % 7 !== 0 || D < 7) throw new Error(`${name}: days must be a positive multiple of 7`);
  const rnd = random(spec.seed * 7919 + 17);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const types = shiftTypes(S);
  const weekendOf = (d: number): number => (d % 7 >= 5 ? Math.floor(d / 7) : -1);
  const weeks = D / 7;

  const staffLines: string[] = [];
  const daysOffLines: string[] = [];
  const onLines: string[] = [];
  const offLines: string[] = [];
  const witness: Record<string, string[]> = {};
  const cover = new Int32Array(D * S);
  const families = [...new Set(types.map((t) => t.family))];

  for (let e = 0; e < E; e++) {
    const id = `E${e + 1}`;
    // Skills: one or two families, and within them a subset of the variants (at least one type).
    const fams = new Set<number>([pick(families)]);
    if (rnd() < 0.5) fams.add(pick(families));
    let allowed = types.map((_t, s) => s).filter((s) => fams.has(types[s]!.family) && rnd() < 0.7);
    if (allowed.length === 0) allowed = [types.findIndex((t) => fams.has(t.family))];
    // Run limits: tight, as in the published instances.
    const maxCons = pick([4, 5, 5, 5, 6]);
    const minCons = pick([2, 2, 3]);
    const minOff = pick([2, 2, 3]);
    // Contracts: most staff full time (runs as long and rests as short as the limits allow, so that the minimum
    // minutes leave little room), the others part time. Weekends worked: about every second one.
    const fullTime = rnd() < 0.65;
    // About half the staff have a cap on nights and long shifts (near what their planted row works).
    const nightCapped = rnd() < 0.5;
    const perWeek = fullTime ? 7 : pick([3, 4, 4.5]);
    const weekendShare = 0.35 + 0.25 * rnd();
    // The walk: alternating work runs and off runs, each keeping its limits.
    const row = new Int32Array(D).fill(-1); // −1 off, else type index
    let d = 0;
    let working = rnd() < 0.5;
    let workedDays = 0;
    let weekendsWorked = 0;
    while (d < D) {
      if (working) {
        let len = fullTime ? int(Math.max(minCons, maxCons - 1), maxCons) : int(minCons, maxCons);
        // Ahead on weekends worked: start the run after the weekend (stay off).
        const touchesWeekend = Array.from({ length: len }, (_, i) => d + i).some((x) => x < D && weekendOf(x) >= 0);
        const weekendsSoFar = Math.floor(d / 7) + 1;
        if (touchesWeekend && weekendsWorked + 1 > weekendShare * weekendsSoFar + 1 && d > 0) {
          row[d] = -1;
          d++;
          continue;
        }
        len = Math.min(len, D - d);
        // Employees with a night cap take a night (or long) run only now and then.
        const capped = nightCapped && allowed.some((x) => types[x]!.family < 3);
        let s = pick(allowed);
        while (capped && types[s]!.family >= 3 && rnd() < 0.85) s = pick(allowed);
        for (let i = 0; i < len; i++, d++) {
          // Now and then change type inside the run, to one the rest rule lets follow.
          if (i > 0 && rnd() < 0.15) {
            const prev = s;
            const next = allowed.filter((x) => !forbids(types[prev]!, types[x]!) && !(capped && types[x]!.family >= 3));
            if (next.length > 0) s = pick(next);
          }
          row[d] = s;
          workedDays++;
          const w = weekendOf(d);
          if (w >= 0 && (d % 7 === 5 || row[d - 1] === -1)) weekendsWorked++;
        }
      } else {
        // Off runs: the minimum, longer when the walk is ahead of its shifts per week.
        const target = (perWeek / 7) * (d + 1);
        const extra = workedDays > target ? int(1, 3) : fullTime ? (rnd() < 0.8 ? 0 : 1) : int(0, 1);
        const len = Math.min(D - d, minOff + extra);
        for (let i = 0; i < len; i++, d++) row[d] = -1;
      }
      working = !working;
    }
    // Limits around the witness row.
    let minutes = 0;
    const count = new Int32Array(S);
    let weekends = 0;
    for (let x = 0; x < D; x++) {
      if (row[x]! < 0) continue;
      minutes += types[row[x]!]!.minutes;
      count[row[x]!]!++;
      cover[x * S + row[x]!]!++;
      if (weekendOf(x) >= 0 && (x % 7 === 5 || row[x - 1]! < 0)) weekends++;
    }
    // A tight band: max a little above the witness, min a shift or two (or ~3 %) below it.
    const maxMin = minutes + 60 * int(0, 8);
    const band = Math.max(480, Math.round((0.03 * maxMin) / 60) * 60);
    const minMin = Math.max(0, Math.min(minutes, maxMin - band));
    const maxWeekends = Math.min(Math.ceil(weeks), weekends + int(0, 1));
    const caps = types.map((t, s) => {
      if (!allowed.includes(s)) return 0;
      // Nights (and long shifts) of the capped staff near what the witness works; other allowed types up to the horizon.
      if (t.family >= 3 && nightCapped) return Math.min(D, count[s]! + int(0, 2));
      return D;
    });
    staffLines.push(`${id},${types.map((t, s) => `${t.id}=${caps[s]}`).join('|')},${maxMin},${minMin},${maxCons},${minCons},${minOff},${maxWeekends}`);
    witness[id] = Array.from(row, (s) => (s < 0 ? '' : types[s]!.id));

    // Days off: leave blocks on days the witness is off (one to three per four weeks, one to five days each).
    const offDays: number[] = [];
    for (let b = 0; b < Math.round((D / 28) * int(1, 3)); b++) {
      const startDay = int(0, D - 1);
      const len = int(1, 5);
      for (let x = startDay; x < Math.min(D, startDay + len) && row[x]! < 0; x++) if (!offDays.includes(x)) offDays.push(x);
    }
    offDays.sort((a, b) => a - b);
    if (offDays.length > 0) daysOffLines.push(`${id},${offDays.join(',')}`);

    // Requests: runs of one to five days, on (a type the employee may work) or off, weight 1–3.
    const runs = Math.round((D / 28) * (1 + 3 * rnd()));
    const used = new Set<number>(offDays);
    for (let r = 0; r < runs; r++) {
      const startDay = int(0, D - 1);
      const len = int(1, 5);
      const on = rnd() < 0.55;
      const s = pick(allowed);
      const w = int(1, 3);
      for (let x = startDay; x < Math.min(D, startDay + len); x++) {
        if (used.has(x)) continue;
        used.add(x);
        (on ? onLines : offLines).push(`${id},${x},${types[s]!.id},${w}`);
      }
    }
  }

  // Cover: the witness's own, perturbed up and down, so that the planted roster is not optimal.
  const coverLines: string[] = [];
  for (let d = 0; d < D; d++)
    for (let s = 0; s < S; s++) {
      let req = cover[d * S + s]!;
      const u = rnd();
      if (u < 0.12) req += 1;
      else if (u < 0.3 && req > 0) req -= 1;
      coverLines.push(`${d},${types[s]!.id},${req},100,1`);
    }

  const text = [
    `# ${name}: generated by bench/curtois/shaped.ts (seed ${spec.seed}), shaped like Curtois Instance13–24`,
    'SECTION_HORIZON',
    `${D}`,
    '',
    'SECTION_SHIFTS',
    ...types.map((t) => `${t.id},${t.minutes},${types.filter((u) => forbids(t, u)).map((u) => u.id).join('|')}`),
    '',
    'SECTION_STAFF',
    ...staffLines,
    '',
    'SECTION_DAYS_OFF',
    ...daysOffLines,
    '',
    'SECTION_SHIFT_ON_REQUESTS',
    ...onLines,
    '',
    'SECTION_SHIFT_OFF_REQUESTS',
    ...offLines,
    '',
    'SECTION_COVER',
    ...coverLines,
    '',
  ].join('\n');
  return { text, witness, requests: onLines.length + offLines.length };
}
