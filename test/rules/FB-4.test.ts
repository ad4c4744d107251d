// FB-4: reinforced duty only inside a declared level-1 reinforced-duty period, and each such assignment is marked.
import { describe, expect, it } from 'vitest';
import { A, assign, baselineAssignments, context, replaceDay, tinyStation, violationsOf } from './fixtures.ts';

const station = tinyStation(); // reinforced duty declared 2026-12-24 to 2026-12-26
const window = context(station, { start: '2026-12-21', days: 7 });
const onReinforced = (date: string, marked: boolean) =>
  assign(station, A, date, 'S', 'reinforced-duty', marked ? { reinforcedDuty: true } : {});

describe('FB-4 level-1 reinforced duty', () => {
  it('holds inside the declared period when the assignment is marked', () => {
    expect(violationsOf('FB-4', window, [onReinforced('2026-12-24', true), onReinforced('2026-12-26', true)])).toEqual([]);
    expect(violationsOf('FB-4', context(), baselineAssignments())).toEqual([]);
  });

  it('breaks outside any declared period, marked or not', () => {
    const plan = replaceDay(baselineAssignments(station), A, '2026-12-10', onReinforced('2026-12-10', true));
    const found = violationsOf('FB-4', context(station), plan);
    expect(found).toEqual([expect.objectContaining({ rule: 'FB-4', severity: 'hard', personIds: [A], dates: ['2026-12-10'] })]);
    expect(found[0]!.message).toContain('Wang Fang (P020) is on reinforced-duty on 2026-12-10');
    expect(found[0]!.message).toContain('no level-1 reinforced-duty period');
  });

  it('breaks inside the period when the day is not recorded as reinforced duty', () => {
    const found = violationsOf('FB-4', window, [onReinforced('2026-12-25', false)]);
    expect(found).toEqual([expect.objectContaining({ rule: 'FB-4', personIds: [A], dates: ['2026-12-25'] })]);
    expect(found[0]!.message).toContain('not marked');
  });
});
