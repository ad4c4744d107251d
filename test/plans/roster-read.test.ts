// Reading the published roster (pure): the latest publication wins per date; the CSV and iCalendar renderings.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../shared/domain/plan.ts';
import { RosterQuery } from '../../shared/domain/roster.ts';
import { CSV_COLUMNS, rosterCsv } from '../../shared/roster/csv.ts';
import { eventUid, isWorking, rosterCalendar } from '../../shared/roster/ics.ts';
import { latestPlanPerDate, rosterAssignments, suppliers } from '../../shared/roster/index.ts';
import { syntheticPlan } from './synthetic.ts';

const people = ['P001', 'P002'];
const a = syntheticPlan({ id: 'pl_a', start: '2027-01-04', days: 14, people, seed: 1, status: 'published', publishedAt: '2026-12-01T00:00:00.000Z' });
const b = syntheticPlan({ id: 'pl_b', start: '2027-01-11', days: 14, people, seed: 2, status: 'published', publishedAt: '2026-12-05T00:00:00.000Z' });
const c = syntheticPlan({ id: 'pl_c', start: '2027-01-08', days: 2, people, seed: 3, status: 'published', publishedAt: '2026-12-09T00:00:00.000Z' });

describe('latest publication wins per date', () => {
  it('takes each date from the most recently published plan covering it, whatever the order given', () => {
    for (const order of [[a, b, c], [c, b, a], [b, a, c]]) {
      const winners = latestPlanPerDate(order, '2027-01-01', '2027-01-31');
      expect(winners.get('2027-01-03')).toBeUndefined();
      expect(winners.get('2027-01-04')?.id).toBe('pl_a');
      expect(winners.get('2027-01-08')?.id).toBe('pl_c');
      expect(winners.get('2027-01-09')?.id).toBe('pl_c');
      expect(winners.get('2027-01-10')?.id).toBe('pl_a');
      expect(winners.get('2027-01-11')?.id).toBe('pl_b');
      expect(winners.get('2027-01-24')?.id).toBe('pl_b');
      expect(winners.get('2027-01-25')).toBeUndefined();
    }
  });

  it('breaks a tie in publication time by plan id, so every reader agrees', () => {
    const x = { ...a, id: 'pl_x', publishedAt: b.publishedAt };
    expect(latestPlanPerDate([x, b], '2027-01-11', '2027-01-11').get('2027-01-11')?.id).toBe('pl_x');
    expect(latestPlanPerDate([b, x], '2027-01-11', '2027-01-11').get('2027-01-11')?.id).toBe('pl_x');
  });

  it('the assignments come by date, each date from its plan, one person when asked', () => {
    const roster = rosterAssignments([a, b, c], '2027-01-07', '2027-01-12');
    const source = (id: string) => [a, b, c].find((p) => p.id === id)!;
    const expected = ['2027-01-07', '2027-01-08', '2027-01-09', '2027-01-10', '2027-01-11', '2027-01-12'].flatMap((date) => {
      const plan = source(latestPlanPerDate([a, b, c], date, date).get(date)!.id);
      return plan.assignments.filter((x) => x.date === date);
    });
    expect(roster).toEqual(expected);
    expect(roster.map((x) => x.date)).toEqual([...roster.map((x) => x.date)].sort());
    expect(rosterAssignments([a, b, c], '2027-01-07', '2027-01-12', 'P002')).toEqual(expected.filter((x) => x.personId === 'P002'));
  });

  it('suppliers leaves out plans wholly taken over inside the range', () => {
    expect(suppliers([a, b, c], '2027-01-08', '2027-01-09').map((p) => p.id)).toEqual(['pl_c']);
    expect(suppliers([a, b, c], '2027-01-04', '2027-01-31').map((p) => p.id)).toEqual(['pl_a', 'pl_b', 'pl_c']);
  });
});

describe('roster query', () => {
  const issues = (q: Record<string, string | undefined>) => {
    const r = RosterQuery.safeParse(q);
    return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join('.')))];
  };
  it('needs from and to as real dates, to not before from, at most 92 days, ics only with personId', () => {
    expect(issues({ from: '2027-01-01', to: '2027-04-02' })).toEqual([]); // 92 days
    expect(issues({ from: '2027-01-01', to: '2027-04-03' })).toEqual(['to']); // 93
    expect(issues({})).toEqual(['from', 'to']);
    expect(issues({ from: '2027-02-30', to: '2027-01' })).toEqual(['from', 'to']);
    expect(issues({ from: '2027-01-05', to: '2027-01-04' })).toEqual(['to']);
    expect(issues({ from: '2027-01-04', to: '2027-01-04', format: 'ics' })).toEqual(['personId']);
    expect(issues({ from: '2027-01-04', to: '2027-01-04', format: 'pdf' })).toEqual(['format']);
    expect(RosterQuery.parse({ from: '2027-01-04', to: '2027-01-04' }).format).toBe('json');
  });
});

describe('CSV', () => {
  it('a header row and one row per assignment, parsing back to the same values', () => {
    const assignments = rosterAssignments([a], '2027-01-04', '2027-01-17');
    const names = new Map([['P001', 'Zhang, "Wei"'], ['P002', '=HYPERLINK("x")']]);
    const text = rosterCsv(assignments, names);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(assignments.length + 1);
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    records.forEach((r, i) => {
      const x = assignments[i]!;
      expect(r).toMatchObject({ personId: x.personId, date: x.date, shift: x.shift, post: x.post, start: x.start ?? '', end: x.end ?? '', place: x.place, hours: String(x.hours) });
      expect(r.reinforcedDuty).toBe(x.reinforcedDuty ? 'true' : '');
    });
    expect(records.find((r) => r.personId === 'P001')?.name).toBe('Zhang, "Wei"');
    // A name that looks like a formula stays text in a spreadsheet.
    expect(records.find((r) => r.personId === 'P002')?.name).toBe(`'=HYPERLINK("x")`);
  });
});

describe('iCalendar', () => {
  const assignments = rosterAssignments([a], '2027-01-04', '2027-01-17', 'P001');
  const working = assignments.filter(isWorking);
  const text = rosterCalendar({ stationId: 'demo', stationName: 'Demo', timezone: 'Asia/Shanghai', person: { id: 'P001', name: 'Zhang Wei' }, assignments });
  const lines = text.split('\r\n');

  it('is an RFC 5545 calendar: CRLF lines of at most 75 octets, one VCALENDAR, X-WR-CALNAME and X-WR-TIMEZONE', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true);
    expect(lines).toContain('X-WR-CALNAME:Demo: Zhang Wei');
    expect(lines).toContain('X-WR-TIMEZONE:Asia/Shanghai');
    expect(lines.indexOf('X-WR-TIMEZONE:Asia/Shanghai')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
  });

  it('one VEVENT per working assignment (rest and absence skipped), UTC times, a stable UID, SUMMARY "post (shift)"', () => {
    expect(working.length).toBeGreaterThan(0);
    expect(working.length).toBeLessThan(assignments.length);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(working.length);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(working.length);
    const utc = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const unfolded = text.replace(/\r\n[ \t]/g, '').split('\r\n');
    for (const x of working) {
      const uid = `UID:${eventUid('demo', x)}`;
      const at = unfolded.indexOf(uid);
      expect(at).toBeGreaterThan(0);
      const event = unfolded.slice(at, unfolded.indexOf('END:VEVENT', at));
      expect(event).toContain(`SUMMARY:${x.post} (${x.shift})`);
      expect(event).toContain(`DTSTART:${utc(x.start!)}`);
      expect(event).toContain(`DTEND:${utc(x.end!)}`);
    }
    expect(new Set(unfolded.filter((l) => l.startsWith('UID:'))).size).toBe(working.length);
    // The same roster gives the same UIDs.
    const again = rosterCalendar({ stationId: 'demo', stationName: 'Demo', timezone: 'Asia/Shanghai', person: { id: 'P001' }, assignments });
    expect(again.split('\r\n').filter((l) => l.startsWith('UID:'))).toEqual(lines.filter((l) => l.startsWith('UID:')));
  });

  it('an empty roster is still a valid calendar', () => {
    const empty = rosterCalendar({ stationId: 'demo', stationName: 'Demo', timezone: 'Asia/Shanghai', person: { id: 'P001' }, assignments: [] as Assignment[] });
    expect(empty.split('\r\n')).toEqual(expect.arrayContaining(['BEGIN:VCALENDAR', 'X-WR-TIMEZONE:Asia/Shanghai', 'END:VCALENDAR']));
    expect(empty).not.toContain('BEGIN:VEVENT');
  });
});
