// PIN-1: every pin inside a plan's dates is kept exactly (the person's main assignment that day carries the pin's id,
// post and shift). Kept apart from checks.ts so that the day-to-day rules (day-to-day.ts) can read checks.ts freely.
import type { Assignment, Violation } from '../domain/plan.ts';
import type { StationConfig } from '../domain/station.ts';
import { addDaysTo } from '../rotation/index.ts';
import { rule } from './catalogue.ts';
import { say } from '../i18n/index.ts';

type Context = { station: StationConfig; start: string; days: number };

/** Whether an assignment is what the pin fixed. */
export const keepsPin = (a: Assignment, pin: { id: string; post: string; shift: string }): boolean =>
  a.pinId === pin.id && a.post === pin.post && (pin.post === 'rest' || a.shift === pin.shift);

export function checkPIN1(ctx: Context, plan: { assignments: readonly Assignment[] }): Violation[] {
  const end = addDaysTo(ctx.start, ctx.days - 1);
  const pins = ctx.station.pins.filter((p) => p.date >= ctx.start && p.date <= end);
  if (pins.length === 0) return [];
  const byCell = new Map<string, Assignment[]>();
  for (const a of plan.assignments) {
    const key = `${a.personId}|${a.date}`;
    byCell.set(key, [...(byCell.get(key) ?? []), a]);
  }
  const out: Violation[] = [];
  for (const pin of pins) {
    const day = (byCell.get(`${pin.personId}|${pin.date}`) ?? []).filter((a) => a.post !== 'flex-night');
    if (day.some((a) => keepsPin(a, pin))) continue;
    out.push({
      rule: 'PIN-1',
      severity: rule('PIN-1').severity,
      personIds: [pin.personId],
      dates: [pin.date],
      ...say('PIN-1', { personId: pin.personId, post: pin.post, shift: pin.shift, date: pin.date, by: pin.createdBy, pinId: pin.id, has: day.map((a) => ({ post: a.post, shift: a.shift })) }),
    });
  }
  return out;
}
