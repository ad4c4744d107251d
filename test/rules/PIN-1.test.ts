// PIN-1: a pin inside a plan's dates is kept exactly; a pin on a past day is refused; a pin a hard rule forbids is
// refused with that rule (shared/daytoday/pins.ts over the checks of shared/rules).
import { describe, expect, it } from 'vitest';
import { pinDateRefusal } from '../../shared/rules/day-to-day.ts';
import { pinRefusal } from '../../shared/daytoday/pins.ts';
import { planRoster } from '../../shared/solver/index.ts';
import type { Pin } from '../../shared/domain/day-to-day.ts';
import { B1, G1_OFFICER, START, assign, baselineAssignments, context, replaceDay, tinyStation, violationsOf } from './fixtures.ts';

const pin = (over: Partial<Pin> = {}): Pin => ({ id: 'pin_1', personId: G1_OFFICER, date: '2026-12-09', post: 'rest', shift: 'R', createdAt: '2026-12-01T00:00:00Z', createdBy: 'P001', ...over });
const pinned = (p: Pin) => tinyStation((doc) => {
  (doc as { pins?: Pin[] }).pins = [p];
});

describe('PIN-1 pins are kept', () => {
  it('holds when the pinned day carries the pin', () => {
    const ctx = context(pinned(pin()));
    const plan = replaceDay(baselineAssignments(ctx.station), G1_OFFICER, '2026-12-09', assign(ctx.station, G1_OFFICER, '2026-12-09', 'R', 'rest', { pinId: 'pin_1' }));
    expect(violationsOf('PIN-1', ctx, plan)).toEqual([]);
  });

  it('breaks when the plan has something else on the pinned day', () => {
    const ctx = context(pinned(pin({ post: 'patrol-01', shift: 'P', date: '2026-12-10' })));
    const found = violationsOf('PIN-1', ctx, baselineAssignments(ctx.station));
    expect(found.map((v) => [v.rule, v.severity, v.personIds, v.dates])).toEqual([['PIN-1', 'hard', [G1_OFFICER], ['2026-12-10']]]);
  });

  it('is kept by the planner, whose model offers the pinned option alone', () => {
    const station = pinned(pin({ date: '2026-12-10' }));
    const plan = planRoster({ station, start: START, days: 7, seconds: 0.1 });
    expect(plan.assignments.filter((a) => a.personId === G1_OFFICER && a.date === '2026-12-10')).toEqual([expect.objectContaining({ post: 'rest', pinId: 'pin_1' })]);
    expect(plan.violations.filter((v) => v.rule === 'PIN-1')).toEqual([]);
  });

  it('refuses past days and pins that break a hard rule, with the rule', () => {
    expect(pinDateRefusal('2026-12-01', '2026-12-02')).toMatch(/PIN-1/);
    expect(pinDateRefusal('2026-12-02', '2026-12-02')).toBeNull();
    const station = tinyStation();
    const judge = (p: Partial<Pin>) => pinRefusal({ station, approved: [], pin: pin(p), today: '2026-12-01' })?.rule ?? null;
    expect(judge({ date: '2026-11-30' })).toBe('PIN-1');
    expect(judge({ personId: B1, post: 'patrol-01', shift: 'P' })).toBe('FB-1');
    expect(judge({})).toBeNull();
  });
});
