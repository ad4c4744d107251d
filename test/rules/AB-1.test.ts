// AB-1 (station finding): each community police group has 2 to 5 community officers, exactly one A, one or more Bs.
import { describe, expect, it } from 'vitest';
import type { StationConfig } from '../../shared/domain/station.ts';
import { stationFindings } from '../../shared/rules/checks.ts';
import { A, B1, B2, stationInput, tinyStation } from './fixtures.ts';

const ab1 = (station: StationConfig) => stationFindings(station).filter((v) => v.rule === 'AB-1');

describe('AB-1 community police groups', () => {
  it('holds for one A and two Bs', () => {
    expect(ab1(tinyStation())).toEqual([]);
  });

  it('breaks for two As', () => {
    const found = ab1(tinyStation((doc) => {
      doc.people.find((p) => p.id === B1)!.community!.role = 'A';
    }));
    expect(found).toEqual([expect.objectContaining({ rule: 'AB-1', severity: 'station', personIds: [A, B1, B2], dates: [] })]);
    expect(found[0]!.message).toContain('has 2 A roles, not exactly one');
  });

  it('breaks for an A alone', () => {
    const found = ab1(
      tinyStation((doc) => {
        for (const p of doc.people) if (p.id === B1 || p.id === B2) delete p.community;
      }),
    );
    expect(found).toEqual([expect.objectContaining({ rule: 'AB-1', personIds: [A] })]);
    expect(found[0]!.message).toContain('has 1 community officer(s), not 2 to 5, has no B role');
  });

  it('breaks for six officers in one group', () => {
    const extra = [1, 2, 3].map((n) => ({
      id: `P10${n}`, name: `Officer ${n}`, kind: 'officer' as const, rank: 'officer' as const, joined: '2020-01-01',
      community: { id: 'C1', role: 'B' as const, dedicated: true, since: '2024-01-01' },
    }));
    const found = ab1(tinyStation((doc) => void doc.people.push(...extra)));
    expect(stationInput().people.filter((p) => p.community).length + extra.length).toBe(6);
    expect(found).toEqual([expect.objectContaining({ rule: 'AB-1', personIds: [A, B1, B2, 'P101', 'P102', 'P103'] })]);
  });
});
