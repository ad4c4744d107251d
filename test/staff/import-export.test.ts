// Staff import and export through the stations function: .xlsx and .csv out, a preview in (nothing saved), every bad
// row named; export → import gives back the station's people exactly; the audit entry of the saved import is a diff.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as auditHandler } from '../../functions/audit/handler.ts';
import { handler as stationsHandler } from '../../functions/stations/handler.ts';
import { DEMO_STATION_ID, loadDemoStation } from '../../local/app.ts';
import type { AuditEntry } from '../../shared/domain/audit.ts';
import type { Person } from '../../shared/domain/station.ts';
import { apiEvent, invoke, startTestStore, type TestStore } from '../helpers/dynalite.ts';

const S = DEMO_STATION_ID;
const director = { sub: 'P001', groups: ['director'], stationId: S };
let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
  expect(await loadDemoStation(db.store)).toBe(true);
});
afterAll(async () => {
  await db?.close();
});

const station = async () => (await invoke(stationsHandler, apiEvent({ method: 'GET', path: `/stations/${S}`, routeKey: 'GET /stations/{stationId}', pathParameters: { stationId: S }, claims: director }))).body;

async function exportStaff(format: 'xlsx' | 'csv', lang: string): Promise<Buffer> {
  const answer = await invoke(
    stationsHandler,
    apiEvent({ method: 'GET', path: `/stations/${S}/staff`, routeKey: 'GET /stations/{stationId}/staff', pathParameters: { stationId: S }, query: { format, lang }, claims: director }),
  );
  expect(answer.status).toBe(200);
  return format === 'xlsx' ? Buffer.from(answer.raw!, 'base64') : Buffer.from(answer.raw!, 'utf8');
}

const importStaff = (format: 'xlsx' | 'csv', bytes: Buffer, language = 'zh-CN') =>
  invoke(
    stationsHandler,
    apiEvent({
      method: 'POST',
      path: `/stations/${S}/staff/import`,
      routeKey: 'POST /stations/{stationId}/staff/import',
      pathParameters: { stationId: S },
      body: { format, content: bytes.toString('base64') },
      headers: { 'accept-language': language },
      claims: director,
    }),
  );

describe('staff import and export', () => {
  it('export → import (.xlsx, Chinese headers) gives back exactly the station\'s people, and nothing is saved', async () => {
    const before = await station();
    const file = await exportStaff('xlsx', 'zh');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ExcelJS.Buffer);
    expect(book.worksheets[0]!.getRow(1).values).toEqual([undefined, '姓名', '警号', '类别', '职务', '班组', '技能', '社区', 'AB角', '专职', '任职日期', '入警日期']);
    const answer = await importStaff('xlsx', file);
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
    expect(answer.body.problems).toEqual([]);
    expect(answer.body.rows).toBe(65);
    expect(answer.body.people as Person[]).toEqual(before.people);
    expect(answer.body.changes).toEqual([]);
    expect((await station()).version).toBe(before.version);
  });

  it('export → import round-trips in English and as CSV too', async () => {
    const before = await station();
    for (const [format, lang] of [['xlsx', 'en'], ['csv', 'zh'], ['csv', 'en']] as const) {
      const answer = await importStaff(format, await exportStaff(format, lang), 'en');
      expect(answer.body.problems, `${format} ${lang}`).toEqual([]);
      expect(answer.body.people, `${format} ${lang}`).toEqual(before.people);
    }
  });

  it('a 65-row .xlsx with three bad rows lists exactly those three, each with its cell', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportStaff('xlsx', 'zh')) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(66); // header + 65 people
    sheet.getRow(10).getCell(4).value = '局长'; // 职务: not a rank
    sheet.getRow(20).getCell(11).value = '2019-13-45'; // 入警日期: not a date
    sheet.getRow(30).getCell(2).value = sheet.getRow(31).getCell(2).value; // 警号: the id of row 31 (duplicate)
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const answer = await importStaff('xlsx', bytes);
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(false);
    expect(answer.body.station).toBeNull();
    const problems = answer.body.problems as { row: number; header: string; cell: string; message: string }[];
    expect([...new Set(problems.map((p) => p.row))].sort((a, b) => a - b)).toEqual([10, 20, 31]);
    expect(problems.map((p) => [p.row, p.header])).toEqual(expect.arrayContaining([[10, '职务'], [20, '入警日期'], [31, '警号']]));
    expect(problems.find((p) => p.row === 10)!.message).toContain('局长');
    for (const p of problems) expect(p.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('an import that moves a person and adds one is saved with PUT + If-Match, and the audit entry shows the diff', async () => {
    const before = await station();
    const csv = (await exportStaff('csv', 'zh')).toString('utf8');
    const lines = csv.split('\r\n');
    const moved = before.people.find((p: Person) => p.group === 'G1' && !p.community)!;
    const i = lines.findIndex((l) => l.includes(`,${moved.id},`));
    lines[i] = lines[i]!.replace(',G1,', ',G2,');
    lines.splice(lines.length - 1, 0, '新民警,P999,民警,民警,G3,驾驶、办案,C2,B,是,2026-11-01,2024-07-01');
    const answer = await importStaff('csv', Buffer.from(lines.join('\r\n')));
    expect(answer.body.problems).toEqual([]);
    expect(answer.body.changes).toEqual([
      { kind: 'person.changed', personId: moved.id, name: moved.name, field: 'group', from: 'G1', to: 'G2' },
      { kind: 'person.added', personId: 'P999', name: '新民警' },
    ]);
    const saved = await invoke(
      stationsHandler,
      apiEvent({ method: 'PUT', path: `/stations/${S}`, routeKey: 'PUT /stations/{stationId}', pathParameters: { stationId: S }, body: answer.body.station, headers: { 'if-match': `"${answer.body.version}"` }, claims: director }),
    );
    expect(saved.status).toBe(200);
    expect(saved.body.people.find((p: Person) => p.id === 'P999')).toMatchObject({ skills: ['driver', 'case-handling'], community: { id: 'C2', role: 'B', dedicated: true } });
    const trail = await invoke(
      auditHandler,
      apiEvent({ method: 'GET', path: `/stations/${S}/audit`, routeKey: 'GET /stations/{stationId}/audit', pathParameters: { stationId: S }, headers: { 'accept-language': 'zh-CN' }, claims: director }),
    );
    const last = (trail.body.items as AuditEntry[]).filter((e) => e.action === 'station.configured').at(-1)!;
    expect(last.detail.changes).toEqual(answer.body.changes);
    expect(last.summary).toContain(`${moved.name}（${moved.id}）：班组由G1改为G2`);
    expect(last.summary).toContain('新增新民警（P999）');
  });
});
