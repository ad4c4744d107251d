// The spreadsheet files without the API: the roster in the shape of the screen, the shipped template, CSV dialects.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../shared/domain/plan.ts';
import { StationConfig } from '../../shared/domain/station.ts';
import { csvRows, rosterXlsx, xlsxRows } from '../../shared/staff/files.ts';
import { previewStaff } from '../../shared/staff/read.ts';

const demo = StationConfig.parse(JSON.parse(readFileSync(new URL('../../demo/station.json', import.meta.url), 'utf8')));
const a = (personId: string, date: string, post: Assignment['post']): Assignment => ({ personId, date, shift: 'P', post, place: 'station', hours: post === 'rest' ? 0 : 24 });

describe('roster .xlsx (people × days)', () => {
  it('has one row per person and one column per day, post codes in the chosen language, and a legend', async () => {
    const assignments = [a('P001', '2026-12-07', 'patrol-01'), a('P001', '2026-12-08', 'rest'), a('P002', '2026-12-07', 'community'), a('P002', '2026-12-07', 'flex-night')];
    for (const [lang, cells, legend] of [['zh', ['巡1', '休', '社/弹'], '01巡逻车'], ['en', ['P1', '-', 'C/F'], 'patrol car 01']] as const) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await rosterXlsx(demo, assignments, '2026-12-07', 3, lang)) as unknown as ExcelJS.Buffer);
      const rows = book.worksheets[0]!.getSheetValues().slice(1) as unknown[][];
      expect(rows[1]!.slice(1)).toEqual([lang === 'zh' ? '人员' : 'Person', lang === 'zh' ? '警号' : 'id', '12-07', '12-08', '12-09']);
      expect(rows.length).toBe(2 + demo.people.length);
      expect(rows[2]!.slice(1, 4)).toEqual([demo.people[0]!.name, 'P001', cells[0]]);
      expect(rows[2]![4]).toBe(cells[1]);
      expect(rows[3]![3]).toBe(cells[2]);
      expect(book.worksheets[1]!.getSheetValues().some((r) => Array.isArray(r) && r.includes(legend))).toBe(true);
    }
  });
});

describe('the staff template and CSV dialects', () => {
  it('docs/staff-template.xlsx reads without a bad row (on a station without absences)', async () => {
    const rows = await xlsxRows(readFileSync(new URL('../../docs/staff-template.xlsx', import.meta.url)));
    const preview = previewStaff({ ...demo, absences: [] }, rows);
    expect(preview.problems).toEqual([]);
    expect(preview.people.map((p) => [p.id, p.kind, p.rank, p.group, p.skills, p.community?.role ?? null])).toEqual([
      ['P001', 'officer', 'director', null, ['case-handling'], null],
      ['P014', 'officer', 'officer', 'G2', ['driver', 'case-handling'], null],
      ['P020', 'officer', 'officer', null, [], 'A'],
      ['P041', 'auxiliary', 'auxiliary', 'G1', [], null],
    ]);
  });

  it('a semicolon CSV with English headers, 2021/9/1 dates and a missing required cell names the cell', () => {
    const text = 'name;id;rank;joined;skills\nLi Na;P014;officer;2019/9/1;driver + dispatcher\n;P015;officer;2019-09-01;\n';
    const preview = previewStaff({ ...demo, absences: [] }, csvRows(Buffer.from(text)));
    expect(preview.problems.map((p) => [p.row, p.header, p.key])).toEqual([[3, 'name', 'staff.required']]);
    expect(preview.people.map((p) => p.id)).toEqual(['P014']); // the good rows are read; the station is not offered for saving (API: station null)
    const good = previewStaff({ ...demo, absences: [] }, csvRows(Buffer.from(text.split('\n').slice(0, 2).join('\n'))));
    expect(good.people[0]).toMatchObject({ id: 'P014', joined: '2019-09-01', skills: ['driver', 'dispatcher'], kind: 'officer' });
  });
});
