// Writes docs/staff-template.xlsx: the staff list's columns (Chinese headers) and four example rows, one of each
// kind of person. Run: npx tsx demo/generate-staff-template.ts   (the file is committed; docs/staff-import.md explains it)
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { STAFF_COLUMNS, header } from '../shared/staff/columns.ts';
const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet('人员');
sheet.addRow(STAFF_COLUMNS.map((c) => header(c, 'zh')));
sheet.getRow(1).font = { bold: true };
sheet.addRow(['张伟', 'P001', '民警', '所长', '', '办案', '', '', '', '', '2001-07-01']);
sheet.addRow(['李娜', 'P014', '民警', '民警', 'G2', '驾驶、办案', '', '', '', '', '2019-09-01']);
sheet.addRow(['王芳', 'P020', '民警', '民警', '', '', 'C1', 'A', '是', '2021-09-01', '2006-03-01']);
sheet.addRow(['赵敏', 'P041', '辅警', '辅警', 'G1', '', '', '', '', '', '2020-03-01']);
sheet.columns.forEach((col) => {
  col.width = 12;
  col.numFmt = '@';
});
sheet.views = [{ state: 'frozen', ySplit: 1 }];
await book.xlsx.writeFile(fileURLToPath(new URL('../docs/staff-template.xlsx', import.meta.url)));
