// REST-1: work off the pattern (call-in, redeployment, reinforced duty, flexible night) leaves at least the station's
// minimum rest (11 h here) before and after it; the pattern's own sequence is not judged.
import { describe, expect, it } from 'vitest';
import { A, assign, baselineAssignments, context, G1_OFFICER, replaceDay, tinyStation, violationsOf } from './fixtures.ts';

const station = tinyStation();
const ctx = context(station);

describe('REST-1 minimum rest', () => {
  it('holds for the pattern itself (24 h primary straight into secondary) and well-placed flexible nights', () => {
    expect(violationsOf('REST-1', ctx, baselineAssignments(station))).toEqual([]);
  });

  it('holds for a call-in with 14 h on either side', () => {
    // P010: S on 12-08 ends 18:00; a call-in S on 12-09 08:00–18:00; P on 12-10 from 08:00.
    const plan = replaceDay(baselineAssignments(station), G1_OFFICER, '2026-12-09', assign(station, G1_OFFICER, '2026-12-09', 'S', 'case-handling', { callIn: true }));
    expect(violationsOf('REST-1', ctx, plan)).toEqual([]);
  });

  it('breaks for a call-in that runs into the next shift', () => {
    // A call-in P on 12-09 ends 12-10 08:00, exactly when the pattern's P of 12-10 starts.
    const plan = replaceDay(baselineAssignments(station), G1_OFFICER, '2026-12-09', assign(station, G1_OFFICER, '2026-12-09', 'P', 'patrol-01', { callIn: true }));
    const found = violationsOf('REST-1', ctx, plan);
    expect(found).toEqual([expect.objectContaining({ rule: 'REST-1', severity: 'hard', personIds: [G1_OFFICER], dates: ['2026-12-09', '2026-12-10'] })]);
    expect(found[0]!.message).toMatch(/Zhou Peng \(P010\) has 0 h .*a call-in.* at least 11 h/);
  });

  it('breaks for a flexible night that leaves too little rest before the next morning (the same evening is one working day)', () => {
    // W 08:30–16:30 then F 18:00–22:00 on 12-09 (one working day), then W at 08:30 on 12-10 (10.5 h).
    const plan = replaceDay(
      baselineAssignments(station),
      A,
      '2026-12-09',
      assign(station, A, '2026-12-09', 'W', 'community'),
      assign(station, A, '2026-12-09', 'F', 'flex-night'),
    );
    const found = violationsOf('REST-1', ctx, plan);
    expect(found.map((v) => [v.personIds, v.dates])).toEqual([[[A], ['2026-12-09', '2026-12-10']]]);
    expect(found[0]!.message).toContain('10.5 h');
  });
});
