// CAL-3's check: the plan follows China's official calendar (readings at the top of catalogue.ts). Two findings:
// the years of the plan that have no official data (reported, never guessed), and community weekday work (`W`) of a
// person without a duty group on a day that is not an official workday (a public holiday or a rest day).
import type { Violation } from '../domain/plan.ts';
import { COMMUNITY_WEEKDAY_SHIFT, dateRange } from '../rotation/index.ts';
import { rule } from './catalogue.ts';
import type { PlanContext, PlanUnderCheck } from './checks.ts';

const violation = (personIds: readonly string[], dates: readonly string[], message: string): Violation => ({
  rule: 'CAL-3',
  severity: rule('CAL-3').severity,
  personIds: [...new Set(personIds)],
  dates: [...new Set(dates)].sort(),
  message,
});

/** CAL-3: every year the plan touches has official data; the community weekday schedule keeps official workdays. */
export function checkCAL3(ctx: PlanContext, plan: PlanUnderCheck): Violation[] {
  const dates = dateRange(ctx.start, ctx.days);
  const out: Violation[] = [];
  for (const year of ctx.calendar.missingYears(dates)) {
    const inYear = dates.filter((d) => d.startsWith(`${year}-`));
    out.push(
      violation(
        [],
        inYear,
        `No official calendar for ${year}: the State Council's holidays and make-up working days of ${year} are not loaded, so ${inYear[0]} to ${inYear[inYear.length - 1]} were planned as a plain week (Monday to Friday working, no holidays); an admin loads the notice with PUT /calendar/${year} (CAL-3)`,
      ),
    );
  }
  const byId = new Map(ctx.station.people.map((p) => [p.id, p]));
  for (const a of plan.assignments) {
    const person = byId.get(a.personId);
    if (!person || person.group !== null || a.shift !== COMMUNITY_WEEKDAY_SHIFT || a.post !== 'community' || a.callIn) continue;
    const day = ctx.calendar.day(a.date);
    if (day.workday) continue;
    const why = day.holiday ? `a public holiday (${day.holiday})` : 'not an official workday';
    out.push(violation([a.personId], [a.date], `${person.name} (${person.id}) has community weekday work (${COMMUNITY_WEEKDAY_SHIFT}) on ${a.date}, ${why}: the community weekday schedule keeps official workdays (CAL-3)`));
  }
  return out;
}
