// Scaled Curtois instances for stress tests: writes an instance in the Curtois text format (SECTION_*, see
// bench/curtois/README.md) built from a public instance, resized to a number of days (a multiple of 7,
// day 0 a Monday), employees and shift types, so that the engine can be tried at the sizes of Instance13–24.
//   npx tsx bench/scale-instance.ts <source.txt> --days N --staff N --shifts N [--seed S] > out.txt
//
// How it scales (deterministic for a seed; with the source's own sizes it reproduces the source's rules and data):
// - Shift types: target type t copies source type t mod S (copy k > 0 is renamed `<id>_<k>`); with fewer types than
//   the source, the first N are kept. Forbidden successions follow the source types (every copy of a forbids every
//   copy of each type a forbids), so duplicated types stay consistent.
// - Staff: employee i copies source employee i mod P (copy k > 0 renamed `<id>_<k>`). Max/min total minutes scale with
//   the horizon (rounded), max weekends with the number of weekends (rounded up), per-type max shifts with the horizon
//   (rounded up; 0 stays 0, a limit ≥ the source horizon becomes the new horizon); every copy of a type gets the
//   limit of its source type. Runs and days-off minimums are copied.
// - Days off and shift-on/off requests: each block of the source horizon is filled from the source employee's data,
//   rotated by a seeded number of whole weeks per (employee copy, block), so weekdays and weekends stay aligned; the
//   first block of copy 0 is the source itself. A request on a duplicated type goes to one (seeded) copy of it;
//   requests on dropped types are left out.
// - Cover: per day (source day rotated by a seeded number of weeks per block), the source requirement of a type times
//   staff ratio, spread evenly over the copies of the type, and scaled up by the share of dropped types' cover; seeded
//   randomised rounding keeps the totals. Weights are copied.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { random as rng } from '../shared/random.ts';

type Shift = { id: string; minutes: number; cannotFollow: string[] };
type Staff = { id: string; maxShifts: [string, number][]; maxMin: number; minMin: number; maxCons: number; minCons: number; minOff: number; maxWe: number };
type Req = { e: string; d: number; s: string; w: number };
type Cover = { d: number; s: string; req: number; under: number; over: number };

function parse(text: string) {
  const sections = new Map<string, string[]>();
  let cur: string[] | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('SECTION_')) {
      cur = [];
      sections.set(line, cur);
    }
    else if (!cur) throw new Error(`line outside a section: ${line}`);
    else cur.push(line);
  }
  const sec = (id: string) => sections.get(id) ?? [];
  const cells = (l: string) => l.split(',').map((x) => x.trim());
  const days = Number(sec('SECTION_HORIZON')[0]);
  const shifts: Shift[] = sec('SECTION_SHIFTS').map((l) => {
    const [id = '', len = '', forb = ''] = cells(l);
    return { id, minutes: Number(len), cannotFollow: forb.split('|').filter(Boolean) };
  });
  const staff: Staff[] = sec('SECTION_STAFF').map((l) => {
    const [id = '', ms = '', ...n] = cells(l);
    const [maxMin, minMin, maxCons, minCons, minOff, maxWe] = n.map(Number) as number[];
    const maxShifts = ms.split('|').filter(Boolean).map((p): [string, number] => {
      const [s = '', k = ''] = p.split('=');
      return [s, Number(k)];
    });
    return { id, maxShifts, maxMin: maxMin!, minMin: minMin!, maxCons: maxCons!, minCons: minCons!, minOff: minOff!, maxWe: maxWe! };
  });
  const daysOff = new Map<string, number[]>();
  for (const l of sec('SECTION_DAYS_OFF')) {
    const [id = '', ...ds] = cells(l);
    daysOff.set(id, [...(daysOff.get(id) ?? []), ...ds.filter((d) => d !== '').map(Number)]);
  }
  const reqs = (id: string): Req[] =>
    sec(id).map((l) => {
      const [e = '', d = '', s = '', w = ''] = cells(l);
      return { e, d: Number(d), s, w: Number(w) };
    });
  const cover: Cover[] = sec('SECTION_COVER').map((l) => {
    const [d, s = '', r, u, o] = cells(l);
    return { d: Number(d), s, req: Number(r), under: Number(u), over: Number(o) };
  });
  return { days, shifts, staff, daysOff, on: reqs('SECTION_SHIFT_ON_REQUESTS'), off: reqs('SECTION_SHIFT_OFF_REQUESTS'), cover };
}

export type ScaleOptions = { days: number; staff: number; shifts: number; seed: number };

export function scaleInstance(text: string, o: ScaleOptions, sourceName = 'source'): string {
  const src = parse(text);
  const Ds = src.days;
  const Ss = src.shifts.length;
  const Ps = src.staff.length;
  if (Ds % 7 !== 0) throw new Error(`source horizon ${Ds} is not whole weeks`);
  if (!(Number.isInteger(o.days) && o.days > 0 && o.days % 7 === 0)) throw new Error(`--days must be a positive multiple of 7`);
  if (!(Number.isInteger(o.staff) && o.staff > 0)) throw new Error(`--staff must be a positive whole number`);
  if (!(Number.isInteger(o.shifts) && o.shifts > 0)) throw new Error(`--shifts must be a positive whole number`);
  const rand = rng(o.seed);
  const int = (n: number) => Math.floor(rand() * n);
  const D = o.days;
  const weeksS = Ds / 7;
  const ratio = D / Ds;

  // Shift types.
  const srcOfType = Array.from({ length: o.shifts }, (_, t) => t % Ss);
  const typeId = (t: number) => (t < Ss ? src.shifts[t]!.id : `${src.shifts[t % Ss]!.id}_${Math.floor(t / Ss)}`);
  const copiesOf = new Map<number, number[]>(); // source type index → target types
  srcOfType.forEach((s, t) => {
    copiesOf.set(s, [...(copiesOf.get(s) ?? []), t]);
  });
  const srcIndex = new Map(src.shifts.map((s, i) => [s.id, i]));
  const shiftLines = srcOfType.map((s, t) => {
    const forb = src.shifts[s]!.cannotFollow.flatMap((id) => (copiesOf.get(srcIndex.get(id)!) ?? []).map(typeId));
    return `${typeId(t)},${src.shifts[s]!.minutes},${forb.join('|')}`;
  });
  /** A target type for a source type id (a seeded copy), or undefined when the type was dropped. */
  const pickCopy = (id: string): string | undefined => {
    const list = copiesOf.get(srcIndex.get(id) ?? -1);
    return list && list.length > 0 ? typeId(list[int(list.length)]!) : undefined;
  };

  // Staff.
  const blocks = Math.ceil(D / Ds);
  const staffLines: string[] = [];
  const offLines: string[] = [];
  const onReq: string[] = [];
  const offReq: string[] = [];
  const onBy = new Map<string, Req[]>();
  const offBy = new Map<string, Req[]>();
  for (const r of src.on) onBy.set(r.e, [...(onBy.get(r.e) ?? []), r]);
  for (const r of src.off) offBy.set(r.e, [...(offBy.get(r.e) ?? []), r]);
  const scaleLimit = (n: number): number => (n <= 0 ? 0 : n >= Ds ? D : Math.ceil(n * ratio));
  for (let i = 0; i < o.staff; i++) {
    const base = src.staff[i % Ps]!;
    const k = Math.floor(i / Ps);
    const id = k === 0 ? base.id : `${base.id}_${k}`;
    const limits = new Map(base.maxShifts);
    const maxShifts = srcOfType.map((s, t) => `${typeId(t)}=${scaleLimit(limits.get(src.shifts[s]!.id) ?? Ds)}`).join('|');
    const maxWe = Math.ceil((base.maxWe * Math.floor(D / 7)) / weeksS);
    staffLines.push(
      `${id},${maxShifts},${Math.round(base.maxMin * ratio)},${Math.round(base.minMin * ratio)},${base.maxCons},${base.minCons},${base.minOff},${maxWe}`,
    );
    // Week rotation per block (the first block of copy 0 is the source as it is).
    const rot = Array.from({ length: blocks }, (_, b) => (k === 0 && b === 0 ? 0 : int(weeksS)));
    const offDays: number[] = [];
    const srcOff = new Set(src.daysOff.get(base.id) ?? []);
    for (let b = 0; b < blocks; b++) {
      // Target day d = b·Ds + x takes source day (x + 7·rot) mod Ds; conversely source day y lands on x = (y − 7·rot) mod Ds.
      const at = (y: number) => b * Ds + ((((y - 7 * rot[b]!) % Ds) + Ds) % Ds);
      for (const y of srcOff) if (at(y) < D) offDays.push(at(y));
      for (const r of onBy.get(base.id) ?? []) {
        const s = pickCopy(r.s);
        if (s !== undefined && at(r.d) < D) onReq.push(`${id},${at(r.d)},${s},${r.w}`);
      }
      for (const r of offBy.get(base.id) ?? []) {
        const s = pickCopy(r.s);
        if (s !== undefined && at(r.d) < D) offReq.push(`${id},${at(r.d)},${s},${r.w}`);
      }
    }
    offDays.sort((x, y) => x - y);
    if (offDays.length > 0) offLines.push(`${id},${offDays.join(',')}`);
  }
  const byDay = (a: string, b: string) => Number(a.split(',')[1]) - Number(b.split(',')[1]) || (a < b ? -1 : a > b ? 1 : 0);
  onReq.sort(byDay);
  offReq.sort(byDay);

  // Cover: source requirement × staff ratio, spread over the copies, scaled up for dropped types.
  const coverAt = new Map<string, Cover[]>();
  for (const c of src.cover) coverAt.set(`${c.d},${c.s}`, [...(coverAt.get(`${c.d},${c.s}`) ?? []), c]);
  const keptIds = new Set(srcOfType.map((s) => src.shifts[s]!.id));
  const coverLines: string[] = [];
  const staffRatio = o.staff / Ps;
  const coverRot = Array.from({ length: blocks }, (_, b) => (b === 0 ? 0 : int(weeksS)));
  let carry = rand(); // randomised rounding that keeps the running total
  for (let d = 0; d < D; d++) {
    const y = (((d % Ds) + 7 * coverRot[Math.floor(d / Ds)]!) % Ds);
    let all = 0;
    let kept = 0;
    for (const c of src.cover) if (c.d === y) {
      all += c.req;
      if (keptIds.has(c.s)) kept += c.req;
    }
    const dropped = kept > 0 ? all / kept : 1;
    for (let t = 0; t < o.shifts; t++) {
      const s = src.shifts[srcOfType[t]!]!;
      const n = copiesOf.get(srcOfType[t]!)!.length;
      for (const c of coverAt.get(`${y},${s.id}`) ?? []) {
        const exact = (c.req * staffRatio * dropped) / n;
        carry += exact;
        const req = Math.floor(carry);
        carry -= req;
        coverLines.push(`${d},${typeId(t)},${req},${c.under},${c.over}`);
      }
    }
  }

  return [
    `# Scaled from ${sourceName} (${Ds} days, ${Ps} staff, ${Ss} shift types) by bench/scale-instance.ts:`,
    `# ${D} days, ${o.staff} staff, ${o.shifts} shift types, seed ${o.seed}`,
    'SECTION_HORIZON',
    '# All instances start on a Monday',
    '# The horizon length in days:',
    `${D}`,
    '',
    'SECTION_SHIFTS',
    '# ShiftID, Length in mins, Shifts which cannot follow this shift | separated',
    ...shiftLines,
    '',
    'SECTION_STAFF',
    '# ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends',
    ...staffLines,
    '',
    'SECTION_DAYS_OFF',
    '# EmployeeID, DayIndexes (start at zero)',
    ...offLines,
    '',
    'SECTION_SHIFT_ON_REQUESTS',
    '# EmployeeID, Day, ShiftID, Weight',
    ...onReq,
    '',
    'SECTION_SHIFT_OFF_REQUESTS',
    '# EmployeeID, Day, ShiftID, Weight',
    ...offReq,
    '',
    'SECTION_COVER',
    '# Day, ShiftID, Requirement, Weight for under, Weight for over',
    ...coverLines,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    options: { days: { type: 'string' }, staff: { type: 'string' }, shifts: { type: 'string' }, seed: { type: 'string', default: '1' } },
    allowPositionals: true,
    strict: true,
  });
  const path = positionals[0];
  if (!path || !values.days || !values.staff || !values.shifts) {
    process.stderr.write('usage: npx tsx bench/scale-instance.ts <source.txt> --days N --staff N --shifts N [--seed S] > out.txt\n');
    process.exit(2);
  }
  const name = path.split(/[\\/]/).pop()!.replace(/\.txt$/i, '');
  process.stdout.write(
    scaleInstance(readFileSync(path, 'utf8'), { days: Number(values.days), staff: Number(values.staff), shifts: Number(values.shifts), seed: Number(values.seed) }, name),
  );
}
