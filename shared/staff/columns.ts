// The staff list as a spreadsheet: its columns, the headers accepted for each (Chinese and English), and how a cell
// is read and written. One table for import, export and the template, so that what is exported imports again.
import type { Person } from '../domain/station.ts';
import { kindName, rankName, skillName, KIND_NAMES, RANK_NAMES, SKILL_NAMES } from '../i18n/terms.ts';
import type { Lang } from '../i18n/index.ts';

export const STAFF_COLUMNS = ['name', 'id', 'kind', 'rank', 'group', 'skills', 'community', 'role', 'dedicated', 'since', 'joined'] as const;
export type StaffColumn = (typeof STAFF_COLUMNS)[number];

/** Headers per column: [Chinese, English, other accepted spellings…]. The first two are what export writes. */
export const HEADERS: Readonly<Record<StaffColumn, readonly string[]>> = {
  name: ['姓名', 'name'],
  id: ['警号', 'id', '编号', 'personId', 'person id'],
  kind: ['类别', 'kind', '人员类别'],
  rank: ['职务', 'rank'],
  group: ['班组', 'group', 'duty group'],
  skills: ['技能', 'skills'],
  community: ['社区', 'community', '社区编号'],
  role: ['AB角', 'role', 'A/B', 'AB'],
  dedicated: ['专职', 'dedicated'],
  since: ['任职日期', 'since'],
  joined: ['入警日期', 'joined'],
};
/** Columns a file must have (the others may be left out; `kind` follows from the rank when it is). */
export const REQUIRED_COLUMNS: readonly StaffColumn[] = ['name', 'id', 'rank', 'joined'];

export const header = (column: StaffColumn, lang: Lang): string => HEADERS[column][lang === 'zh' ? 0 : 1]!;

const norm = (s: string): string => s.trim().toLowerCase().replace(/[\s_]+/g, ' ');

/** Which column a header names, if any (case and spacing ignored). */
export function columnOf(text: string): StaffColumn | undefined {
  const n = norm(text);
  return STAFF_COLUMNS.find((c) => HEADERS[c].some((h) => norm(h) === n));
}

/** A word in either language → its id, from a table of [zh, en] names; ids themselves are accepted too. */
function fromWords(table: Readonly<Record<string, readonly [string, string]>>, text: string): string | undefined {
  const n = norm(text);
  for (const [id, [zh, en]] of Object.entries(table)) if (n === norm(id) || n === norm(zh) || n === norm(en)) return id;
  return undefined;
}
export const rankFrom = (text: string): string | undefined => fromWords(RANK_NAMES, text);
export const kindFrom = (text: string): string | undefined => fromWords(KIND_NAMES, text);
/** A skill's id from its name in either language; an unknown lower-case word is kept as the station's own skill. */
export const skillFrom = (text: string): string => fromWords(SKILL_NAMES, text) ?? text.trim().toLowerCase().replace(/\s+/g, '-');
/** Skills in one cell: separated by 、 , ， ; ； / or + (not spaces: "case handling" is one skill). */
export const splitSkills = (cell: string): string[] => cell.split(/[、,，;；/+]+/).map((s) => s.trim()).filter(Boolean);

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', 'x']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);
export function yesNo(text: string): boolean | undefined {
  const n = norm(text);
  return YES.has(n) ? true : NO.has(n) ? false : undefined;
}
export const yesNoText = (v: boolean, lang: Lang): string => (lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no');

/** `2021-09-01`, `2021/9/1`, `2021.9.1`, `2021年9月1日` → `2021-09-01`; anything else undefined. */
export function dateFrom(text: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}
export const roleFrom = (text: string): 'A' | 'B' | undefined => {
  const n = text.trim().toUpperCase().replace(/角$/, '');
  return n === 'A' || n === 'B' ? n : undefined;
};

/** One person as the cells of a row, in the order of STAFF_COLUMNS. */
export function personCells(p: Person, lang: Lang): string[] {
  const c = p.community;
  return [
    p.name,
    p.id,
    kindName(lang, p.kind),
    rankName(lang, p.rank),
    p.group ?? '',
    p.skills.map((s) => skillName(lang, s)).join(lang === 'zh' ? '、' : ', '),
    c?.id ?? '',
    c ? c.role : '',
    c ? yesNoText(c.dedicated, lang) : '',
    c?.since ?? '',
    p.joined,
  ];
}
