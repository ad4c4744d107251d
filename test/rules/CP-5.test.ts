// CP-5 (station finding): one community, one dedicated officer, two auxiliaries (一社区一警两辅).
import { describe, expect, it } from 'vitest';
import { stationFindings } from '../../shared/rules/checks.ts';
import { A, B1, B2, tinyStation } from './fixtures.ts';

describe('CP-5 one community, one officer, two auxiliaries', () => {
  it('holds for a community with a dedicated officer and two auxiliaries', () => {
    expect(stationFindings(tinyStation()).filter((v) => v.rule === 'CP-5')).toEqual([]);
  });

  it('breaks for too few auxiliaries, and for a community without a dedicated officer', () => {
    const station = tinyStation((doc) => {
      doc.communities = [
        { id: 'C1', name: 'Dashilan West', auxiliaries: 1 },
        { id: 'C2', name: 'Dashilan East', auxiliaries: 2 },
      ];
    });
    const found = stationFindings(station).filter((v) => v.rule === 'CP-5');
    expect(found).toEqual([
      expect.objectContaining({ rule: 'CP-5', severity: 'station', personIds: [A, B1, B2], dates: [] }),
      expect.objectContaining({ rule: 'CP-5', severity: 'station', personIds: [], dates: [] }),
    ]);
    expect(found[0]!.message).toContain('Dashilan West (C1) has 1 auxiliary, not 2');
    expect(found[1]!.message).toContain('Dashilan East (C2) has no dedicated community officer');
  });
});
