// SW-1: a swap exchanges two people's days; it must break no hard rule for either of them (judged by the checks).
import { describe, expect, it } from 'vitest';
import { assertSwapAllowed, exchanged } from '../../shared/daytoday/requests.ts';
import { swapPartiesRefusal } from '../../shared/rules/day-to-day.ts';
import { DomainError } from '../../shared/domain/errors.ts';
import { B1, G1_OFFICER, G2_OFFICER, baselineAssignments, tinyStation } from './fixtures.ts';

const station = tinyStation();
const roster = baselineAssignments(station);
const side = (personId: string, date: string) => {
  const a = roster.find((x) => x.personId === personId && x.date === date && x.post !== 'flex-night')!;
  return { personId, date, shift: a.shift, post: a.post };
};
const refusalOf = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'thrown';
  }
};

describe('SW-1 swaps break no hard rule', () => {
  it('holds for two officers of the same skills trading a day', () => {
    const swap = { mine: side(G1_OFFICER, '2026-12-08'), theirs: side(G2_OFFICER, '2026-12-08') };
    expect(refusalOf(() => assertSwapAllowed(station, [], roster, swap))).toBeNull();
    const after = exchanged(station, [], roster, swap);
    expect(after.find((a) => a.personId === G1_OFFICER)?.post).toBe(swap.theirs.post);
    expect(after.find((a) => a.personId === G2_OFFICER)?.post).toBe(swap.mine.post);
  });

  it('breaks when a dedicated community officer would take a patrol car (FB-1), and between one person and themself', () => {
    const patrolDay = roster.find((a) => a.personId === G1_OFFICER && a.post === 'patrol-01')!.date;
    const swap = { mine: side(B1, patrolDay), theirs: side(G1_OFFICER, patrolDay) };
    expect(refusalOf(() => assertSwapAllowed(station, [], roster, swap))).toBe('FB-1');
    expect(swapPartiesRefusal('P010', 'P010')).toMatch(/SW-1/);
    expect(swapPartiesRefusal('P010', 'P011')).toBeNull();
  });
});
