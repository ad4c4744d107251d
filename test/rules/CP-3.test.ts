// CP-3: one flexible night per full ISO week in which a dedicated community officer works and is not absent all week.
import { describe, expect, it } from 'vitest';
import { dateRange } from '../../shared/rotation/index.ts';
import { A, absent, baselineAssignments, context, rest, tinyStation, violationsOf, WEEK2 } from './fixtures.ts';

describe('CP-3 flexible night', () => {
  it('holds when every officer has a flexible night each week', () => {
    expect(violationsOf('CP-3', context(), baselineAssignments())).toEqual([]);
  });

  it('holds for a week the officer is absent throughout', () => {
    const station = tinyStation((doc) => {
      doc.absences = [{ personId: A, from: '2026-12-14', to: '2026-12-20', reason: 'leave' }];
    });
    const plan = baselineAssignments(station).map((a) => (a.personId === A && WEEK2.includes(a.date) ? absent(station, A, a.date) : a));
    expect(violationsOf('CP-3', context(station), plan)).toEqual([]);
  });

  it('breaks for a working week without one', () => {
    const station = tinyStation();
    // The A's flexible night of week 2 (Saturday 12-19) becomes rest.
    const plan = baselineAssignments(station).map((a) => (a.personId === A && a.date === '2026-12-19' ? rest(station, A, a.date) : a));
    const found = violationsOf('CP-3', context(station), plan);
    expect(found).toEqual([expect.objectContaining({ rule: 'CP-3', severity: 'soft', personIds: [A], dates: dateRange('2026-12-14', 7) })]);
    expect(found[0]!.message).toContain('Wang Fang (P020) works in 2026-W51');
  });
});
