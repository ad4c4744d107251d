// Adapter for the Curtois & Qu staff-rostering instances (schedulingbenchmarks.org, "Instance1..24" text format):
// parses the SECTION_* text into the generic model and writes a solution in the checker's JSON shape.
// Day 0 of every instance is a Monday.
import type { NrpEmployee, NrpInstance, NrpRequest, Roster } from '../../shared/solver/nrp/model.ts';

const num = (s: string | undefined, where: string): number => {
  const n = Number(s);
  if (s === undefined || s.trim() === '' || !Number.isFinite(n)) throw new Error(`${where}: not a number: ${s}`);
  return n;
};

/** Parse the text of an instance; `name` is the instance name (e.g. the file name without `.txt`). */
export function parseCurtois(text: string, name: string): NrpInstance {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('SECTION_')) {
      current = [];
      sections.set(line, current);
      continue;
    }
    if (!current) throw new Error(`line outside a section: ${line}`);
    current.push(line);
  }
  const section = (id: string): string[] => sections.get(id) ?? [];
  const days = num(section('SECTION_HORIZON')[0], 'SECTION_HORIZON');
  if (!Number.isInteger(days) || days < 1) throw new Error(`SECTION_HORIZON: bad horizon ${days}`);

  const shifts = section('SECTION_SHIFTS').map((l) => {
    const [id = '', len, forbidden = ''] = l.split(',').map((x) => x.trim());
    return { id, minutes: num(len, `shift ${id}`), cannotFollow: forbidden.split('|').filter(Boolean) };
  });

  const employees: NrpEmployee[] = section('SECTION_STAFF').map((l) => {
    const [id = '', maxShifts = '', maxMin, minMin, maxCons, minCons, minOff, maxWe] = l.split(',').map((x) => x.trim());
    const limits: Record<string, number> = {};
    for (const p of maxShifts.split('|').filter(Boolean)) {
      const [s = '', n] = p.split('=');
      limits[s] = num(n, `staff ${id} max shifts ${s}`);
    }
    return {
      id,
      maxShifts: limits,
      maxMinutes: num(maxMin, `staff ${id}`),
      minMinutes: num(minMin, `staff ${id}`),
      maxConsecutive: num(maxCons, `staff ${id}`),
      minConsecutive: num(minCons, `staff ${id}`),
      minConsecutiveOff: num(minOff, `staff ${id}`),
      maxWeekends: num(maxWe, `staff ${id}`),
      daysOff: [],
    };
  });
  const byId = new Map(employees.map((e) => [e.id, e]));
  for (const l of section('SECTION_DAYS_OFF')) {
    const [id = '', ...ds] = l.split(',').map((x) => x.trim());
    const e = byId.get(id);
    if (!e) throw new Error(`SECTION_DAYS_OFF: unknown employee ${id}`);
    e.daysOff = [...e.daysOff, ...ds.filter((d) => d !== '').map((d) => num(d, `days off of ${id}`))];
  }

  const requests = (id: string): NrpRequest[] =>
    section(id).map((l) => {
      const [employee = '', d, shift = '', w] = l.split(',').map((x) => x.trim());
      return { employee, day: num(d, id), shift, weight: num(w, id) };
    });
  const cover = section('SECTION_COVER').map((l) => {
    const [d, shift = '', r, u, o] = l.split(',').map((x) => x.trim());
    return { day: num(d, 'SECTION_COVER'), shift, required: num(r, 'SECTION_COVER'), underWeight: num(u, 'SECTION_COVER'), overWeight: num(o, 'SECTION_COVER') };
  });

  return {
    name,
    days,
    startWeekday: 0,
    shifts,
    employees,
    onRequests: requests('SECTION_SHIFT_ON_REQUESTS'),
    offRequests: requests('SECTION_SHIFT_OFF_REQUESTS'),
    cover,
  };
}

/** The instance name of a file path: `…/Instance7.txt` → `Instance7`. */
export function instanceName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.txt$/i, '');
}

/** The solution document the checker reads. */
export function curtoisSolution(name: string, roster: Roster): { instance: string; roster: Roster } {
  return { instance: name, roster };
}
