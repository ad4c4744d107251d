// The roster as a spreadsheet (`format=csv`): one row per assignment, a header row, UTF-8 with a byte-order mark so
// that spreadsheet programs read the station's names correctly.
import { stringify } from 'csv-stringify/sync';
import type { Assignment } from '../domain/plan.ts';
import { postName, type Lang } from '../i18n/index.ts';

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

/** Chinese headers, column for column. */
export const CSV_COLUMNS_ZH: Readonly<Record<(typeof CSV_COLUMNS)[number], string>> = {
  personId: '警号',
  name: '姓名',
  date: '日期',
  shift: '班次',
  post: '岗位',
  start: '开始',
  end: '结束',
  place: '地点',
  communityId: '社区',
  hours: '小时',
  redeploymentId: '调用编号',
  reinforcedDuty: '加强勤务',
};
const PLACE_ZH: Record<string, string> = { station: '所内', community: '社区', none: '' };

/**
 * `names`: person id → name (people no longer on the station get an empty name). English keeps the API's column
 * names and post ids (outside tools read them); Chinese writes Chinese headers, post names and places.
 */
export function rosterCsv(assignments: readonly Assignment[], names: ReadonlyMap<string, string>, lang: Lang = 'en'): string {
  const zh = lang === 'zh';
  const rows = assignments.map((a) => [
    a.personId,
    names.get(a.personId) ?? '',
    a.date,
    a.shift,
    zh ? postName('zh', a.post) : a.post,
    a.start ?? '',
    a.end ?? '',
    zh ? (PLACE_ZH[a.place] ?? a.place) : a.place,
    a.communityId ?? '',
    String(a.hours),
    a.redeploymentId ?? '',
    a.reinforcedDuty ? (zh ? '是' : 'true') : '',
  ]);
  // escape_formulas: a name such as "=HYPERLINK(...)" stays text in a spreadsheet.
  const columns = CSV_COLUMNS.map((key) => ({ key, header: zh ? CSV_COLUMNS_ZH[key] : key }));
  return stringify(rows, { header: true, columns, bom: true, record_delimiter: 'windows', escape_formulas: true });
}
