// The roster as a spreadsheet (`format=csv`): one row per assignment, a header row, UTF-8 with a byte-order mark so
// that spreadsheet programs read the station's names correctly.
import { stringify } from 'csv-stringify/sync';
import type { Assignment } from '../domain/plan.ts';

export const CSV_COLUMNS = [
  'personId',
  'name',
  'date',
  'shift',
  'post',
  'start',
  'end',
  'place',
  'communityId',
  'hours',
  'redeploymentId',
  'reinforcedDuty',
] as const;

/** `names`: person id → name (people no longer on the station get an empty name). */
export function rosterCsv(assignments: readonly Assignment[], names: ReadonlyMap<string, string>): string {
  const rows = assignments.map((a) => [
    a.personId,
    names.get(a.personId) ?? '',
    a.date,
    a.shift,
    a.post,
    a.start ?? '',
    a.end ?? '',
    a.place,
    a.communityId ?? '',
    String(a.hours),
    a.redeploymentId ?? '',
    a.reinforcedDuty ? 'true' : '',
  ]);
  // escape_formulas: a name such as "=HYPERLINK(...)" stays text in a spreadsheet.
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], bom: true, record_delimiter: 'windows', escape_formulas: true });
}
