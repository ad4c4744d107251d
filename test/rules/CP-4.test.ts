// CP-4 (station finding): dedicated community officers are at least the station's share (40 %) of its officers.
import { describe, expect, it } from 'vitest';
import { stationFindings } from '../../shared/rules/checks.ts';
import { A, B1, B2, tinyStation } from './fixtures.ts';

describe('CP-4 community officers\' share', () => {
  it('holds at 3 of 7 officers (43 %); auxiliaries are not officers', () => {
    expect(stationFindings(tinyStation()).filter((v) => v.rule === 'CP-4')).toEqual([]);
  });

  it('breaks at 1 of 7 officers', () => {
    const station = tinyStation((doc) => {
      for (const p of doc.people) if (p.id === B1 || p.id === B2) p.community!.dedicated = false;
    });
    const found = stationFindings(station).filter((v) => v.rule === 'CP-4');
    expect(found).toEqual([expect.objectContaining({ rule: 'CP-4', severity: 'station', personIds: [A], dates: [] })]);
    expect(found[0]!.message).toBe("1 of the station's 7 officers (14 %) are dedicated community officers; the station needs at least 40 % (CP-4)");
  });
});
