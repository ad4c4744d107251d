// NIGHT-1: nobody works more consecutive night-shift days than the station allows (3 here).
import { describe, expect, it } from 'vitest';
import { dateRange } from '../../shared/rotation/index.ts';
import { assign, baselineAssignments, context, DIRECTOR, replaceDay, tinyStation, violationsOf } from './fixtures.ts';

const station = tinyStation();
const ctx = context(station);
const nights = (dates: string[]) =>
  dates.reduce((plan, d) => replaceDay(plan, DIRECTOR, d, assign(station, DIRECTOR, d, 'N', 'station-duty')), baselineAssignments(station));

describe('NIGHT-1 consecutive nights', () => {
  it('holds for the 24 h primary every third day and for three nights in a row', () => {
    expect(violationsOf('NIGHT-1', ctx, baselineAssignments(station))).toEqual([]);
    expect(violationsOf('NIGHT-1', ctx, nights(dateRange('2026-12-07', 3)))).toEqual([]);
    // Two runs of three with a break between are fine too.
    expect(violationsOf('NIGHT-1', ctx, nights([...dateRange('2026-12-07', 3), ...dateRange('2026-12-11', 3)]))).toEqual([]);
  });

  it('breaks for four nights in a row, naming every night of the run', () => {
    const found = violationsOf('NIGHT-1', ctx, nights(dateRange('2026-12-08', 4)));
    expect(found).toEqual([
      expect.objectContaining({ rule: 'NIGHT-1', severity: 'soft', personIds: [DIRECTOR], dates: ['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'] }),
    ]);
    expect(found[0]!.message).toContain('Zhang Wei (P001) works 4 night shifts in a row');
  });
});
