// What changed between two versions of the roster, cell by cell (a person's day): the re-plan's difference and the
// "your days changed" notices both read it. Pure.
import type { CellChange, CellWork } from '../domain/day-to-day.ts';
import type { Assignment } from '../domain/plan.ts';
import type { PublishedRef } from './index.ts';
import { latestPlanPerDate } from './index.ts';

export type { CellChange, CellWork };

/** A day's main work: the assignments of that day other than the flexible night (placed after planning), joined. */
function cells(assignments: readonly Assignment[], dates: ReadonlySet<string> | null): Map<string, CellWork> {
  const out = new Map<string, CellWork>();
  for (const a of assignments) {
    if (a.post === 'flex-night' || (dates && !dates.has(a.date))) continue;
    const key = `${a.personId}|${a.date}`;
    const had = out.get(key);
    out.set(key, had ? { post: `${had.post}+${a.post}`, shift: `${had.shift}+${a.shift}` } : { post: a.post, shift: a.shift });
  }
  return out;
}

/** Every cell whose post or shift differs (only `dates` when given), by date then person. */
export function rosterDiff(before: readonly Assignment[], after: readonly Assignment[], dates?: readonly string[]): CellChange[] {
  const only = dates ? new Set(dates) : null;
  const a = cells(before, only);
  const b = cells(after, only);
  const out: CellChange[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key) ?? null;
    const y = b.get(key) ?? null;
    if (x && y && x.post === y.post && x.shift === y.shift) continue;
    const [personId, date] = key.split('|') as [string, string];
    out.push({ personId, date, before: x, after: y });
  }
  return out.sort((p, q) => p.date.localeCompare(q.date) || p.personId.localeCompare(q.personId));
}

/** The dates of `from`..`to` whose supplying publication marks them as needing a re-plan. */
export function daysNeedingReplan<T extends PublishedRef & { needsReplan: readonly string[] }>(heads: readonly T[], from: string, to: string): string[] {
  return [...latestPlanPerDate(heads, from, to)].filter(([date, plan]) => plan.needsReplan.includes(date)).map(([date]) => date).sort();
}
