// Spreadsheets in and out: the staff list (.xlsx, .csv) and the roster in the shape of the screen (people × days).
// exceljs reads and writes .xlsx; CSV goes through csv-parse / csv-stringify. Pure apart from the libraries: bytes in,
// rows out, and back.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Assignment } from '../domain/plan.ts';
import type { Person, StationConfig } from '../domain/station.ts';
import { POST_CODES, postCode, postName, render, type Lang } from '../i18n/index.ts';
import { dateRange } from '../rotation/index.ts';
import { STAFF_COLUMNS, header, personCells } from './columns.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell as text: dates as YYYY-MM-DD (Excel keeps them as dates), rich text and formulas by their text or result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** The first worksheet of an .xlsx as rows of text. */
export async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows[n - 1] = values.map((v) => cellText(v as ExcelJS.CellValue));
  });
  return Array.from(rows, (r) => r ?? []);
}

/** A CSV (UTF-8, with or without BOM; comma, semicolon or tab) as rows of text. */
export function csvRows(bytes: Uint8Array): string[][] {
  const text = Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, '');
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t', '，'].sort((a, b) => first.split(b).length - first.split(a).length)[0]!;
  return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
}

/** The staff list as an .xlsx: one row per person, headers in the chosen language (both import again). */
export async function staffXlsx(people: readonly Person[], lang: Lang): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(render(lang, 'file.staffSheet'));
  sheet.addRow(STAFF_COLUMNS.map((c) => header(c, lang)));
  sheet.getRow(1).font = { bold: true };
  for (const p of people) sheet.addRow(personCells(p, lang));
  // Text columns: ids such as 001 and dates stay as written.
  sheet.columns.forEach((col, i) => {
    col.width = i === 0 ? 12 : i === 5 ? 24 : 12;
    col.numFmt = '@';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export function staffCsv(people: readonly Person[], lang: Lang): string {
  return stringify([STAFF_COLUMNS.map((c) => header(c, lang)), ...people.map((p) => personCells(p, lang))], { bom: true, record_delimiter: 'windows', escape_formulas: true });
}

/**
 * The roster as on the screen: one row per person, one column per day, post codes in the cells (several posts of a
 * day joined by "/"), a legend sheet with every code and its post in the chosen language.
 */
export async function rosterXlsx(
  station: Pick<StationConfig, 'name' | 'people'>,
  assignments: readonly Assignment[],
  from: string,
  days: number,
  lang: Lang,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(render(lang, 'file.rosterSheet'));
  const dates = dateRange(from, days);
  const to = dates[dates.length - 1] ?? from;
  sheet.addRow([render(lang, 'file.rosterTitle', { station: station.name, from, to })]).font = { bold: true };
  sheet.addRow([render(lang, 'file.person'), header('id', lang), ...dates.map((d) => d.slice(5))]).font = { bold: true };
  const cells = new Map<string, string[]>();
  for (const a of assignments) {
    const key = `${a.personId}|${a.date}`;
    const list = cells.get(key) ?? [];
    const code = postCode(lang, a.post);
    if (!list.includes(code)) list.push(code);
    cells.set(key, list);
  }
  const known = new Set(station.people.map((p) => p.id));
  const ids = [...station.people.map((p) => p.id), ...[...new Set(assignments.map((a) => a.personId))].filter((id) => !known.has(id))];
  const names = new Map(station.people.map((p) => [p.id, p.name]));
  for (const id of ids) sheet.addRow([names.get(id) ?? '', id, ...dates.map((d) => (cells.get(`${id}|${d}`) ?? []).join('/'))]);
  sheet.getColumn(1).width = 12;
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 2 }];
  const legend = book.addWorksheet(render(lang, 'file.legendSheet'));
  legend.addRow([render(lang, 'file.code'), render(lang, 'file.post')]).font = { bold: true };
  for (const post of Object.keys(POST_CODES)) legend.addRow([postCode(lang, post), postName(lang, post)]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
