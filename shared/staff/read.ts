// Reading a staff list (rows of cells, from .xlsx or .csv) into the station's people: every bad row and cell is
// named, nothing is saved. The people replace the station's list; the whole station is then checked with the same
// validation as PUT, so a duty group or community that does not exist is found here, at its cell.
import { diffStation, type ConfigChange } from '../domain/station-changes.ts';
import { validateStationConfig, type Person, type StationConfig } from '../domain/station.ts';
import { say, type MessageKey, type Params } from '../i18n/index.ts';
import { REQUIRED_COLUMNS, STAFF_COLUMNS, columnOf, dateFrom, kindFrom, rankFrom, roleFrom, skillFrom, splitSkills, yesNo, type StaffColumn } from './columns.ts';

export type StaffProblem = {
  /** The row as a spreadsheet numbers it (the header is row `headerRow`); null for a problem of the whole file. */
  row: number | null;
  column: StaffColumn | null;
  /** The header as the file wrote it. */
  header: string | null;
  cell: string | null;
  key: MessageKey;
  params: Params;
  message: string;
};

export type StaffPreview = {
  rows: number;
  people: Person[];
  problems: StaffProblem[];
  /** What saving would change in the station's people (audit's structural diff). */
  changes: ConfigChange[];
};

const FIELD_COLUMN: Record<string, StaffColumn> = {
  name: 'name', id: 'id', kind: 'kind', rank: 'rank', group: 'group', skills: 'skills', joined: 'joined',
  'community.id': 'community', 'community.role': 'role', 'community.dedicated': 'dedicated', 'community.since': 'since', community: 'community',
};

/** `table`: the sheet's rows as text, the header row first (blank rows before it are skipped). */
export function previewStaff(station: StationConfig, table: readonly (readonly string[])[]): StaffPreview {
  const problems: StaffProblem[] = [];
  const problem = (row: number | null, column: StaffColumn | null, header: string | null, cell: string | null, key: MessageKey, params: Params = {}) =>
    problems.push({ row, column, header, cell, ...say(key, { row, header, cell, ...params }) });

  const headerIndex = table.findIndex((r) => r.some((c) => columnOf(c) !== undefined));
  if (headerIndex < 0) {
    problem(null, null, null, null, 'staff.noHeader');
    return { rows: 0, people: [], problems, changes: [] };
  }
  const headerRow = table[headerIndex]!;
  const at = new Map<StaffColumn, number>();
  const written = new Map<StaffColumn, string>();
  headerRow.forEach((text, i) => {
    const column = columnOf(text);
    if (column && !at.has(column)) {
      at.set(column, i);
      written.set(column, text.trim());
    } else if (!column && text.trim() !== '') problem(headerIndex + 1, null, text.trim(), null, 'staff.unknownColumn');
  });
  for (const column of REQUIRED_COLUMNS) if (!at.has(column)) problem(headerIndex + 1, column, null, null, 'staff.missingColumn', { column });
  if (REQUIRED_COLUMNS.some((c) => !at.has(c))) return { rows: 0, people: [], problems, changes: [] };

  const people: Person[] = [];
  const rowOfPerson: number[] = [];
  const firstRowOfId = new Map<string, number>();
  let rows = 0;
  for (let r = headerIndex + 1; r < table.length; r++) {
    const cells = table[r]!;
    if (cells.every((c) => c.trim() === '')) continue;
    rows += 1;
    const rowNo = r + 1;
    const cell = (c: StaffColumn): string => (at.has(c) ? (cells[at.get(c)!] ?? '').trim() : '');
    const head = (c: StaffColumn): string => written.get(c) ?? c;
    const before = problems.length;
    const bad = (c: StaffColumn, key: MessageKey, params: Params = {}) => problem(rowNo, c, head(c), cell(c), key, params);

    for (const c of ['name', 'id', 'rank', 'joined'] as const) if (cell(c) === '') bad(c, 'staff.required');
    const rank = cell('rank') === '' ? undefined : rankFrom(cell('rank'));
    if (cell('rank') !== '' && !rank) bad('rank', 'staff.badRank');
    const kind = cell('kind') === '' ? (rank === 'auxiliary' ? 'auxiliary' : 'officer') : kindFrom(cell('kind'));
    if (!kind) bad('kind', 'staff.badKind');
    const joined = cell('joined') === '' ? undefined : dateFrom(cell('joined'));
    if (cell('joined') !== '' && !joined) bad('joined', 'staff.badDate');
    const communityId = cell('community');
    const hasPost = communityId !== '' || cell('role') !== '' || cell('since') !== '';
    const role = roleFrom(cell('role'));
    const dedicated = yesNo(cell('dedicated'));
    const since = dateFrom(cell('since'));
    if (cell('dedicated') !== '' && dedicated === undefined) bad('dedicated', 'staff.badYesNo');
    if (hasPost) {
      if (communityId === '') bad('community', 'staff.required');
      if (!role) bad('role', cell('role') === '' ? 'staff.required' : 'staff.badRole');
      if (!since) bad('since', cell('since') === '' ? 'staff.required' : 'staff.badDate');
    } else if (dedicated === true) bad('community', 'staff.required');
    const id = cell('id');
    const other = firstRowOfId.get(id);
    if (id !== '' && other !== undefined) bad('id', 'staff.duplicateId', { otherRow: other });
    else if (id !== '') firstRowOfId.set(id, rowNo);
    if (problems.length > before) continue;

    people.push({
      id,
      name: cell('name'),
      kind: kind as Person['kind'],
      rank: rank as Person['rank'],
      group: cell('group') === '' ? null : cell('group'),
      skills: splitSkills(cell('skills')).map(skillFrom),
      joined: joined!,
      ...(hasPost ? { community: { id: communityId, role: role!, dedicated: dedicated ?? false, since: since! } } : {}),
    });
    rowOfPerson.push(rowNo);
  }

  // The same checks as PUT, on the station with these people: ids, groups, communities, ranks, absences.
  const proposed = { ...station, people };
  const checked = validateStationConfig(proposed);
  if (!checked.ok)
    for (const issue of checked.issues) {
      const [section, index, ...rest] = issue.path;
      if (section === 'people' && typeof index === 'number') {
        const column = FIELD_COLUMN[rest.filter((p) => typeof p === 'string').join('.')] ?? null;
        const person = people[index];
        const value = column && person ? cellOf(person, column) : null;
        problem(rowOfPerson[index] ?? null, column, column ? (written.get(column) ?? column) : null, value, 'staff.invalid', { detail: issue.message });
      } else problem(null, null, null, null, 'staff.stationIssue', { path: issue.path.join('.'), detail: issue.message });
    }
  const changes = problems.length === 0 && checked.ok ? diffStation(station, checked.value).filter((c) => c.kind.startsWith('person.')) : [];
  return { rows, people: checked.ok ? checked.value.people : people, problems, changes };
}

function cellOf(p: Person, column: StaffColumn): string {
  switch (column) {
    case 'community':
      return p.community?.id ?? '';
    case 'role':
      return p.community?.role ?? '';
    case 'dedicated':
      return p.community ? String(p.community.dedicated) : '';
    case 'since':
      return p.community?.since ?? '';
    case 'skills':
      return p.skills.join(', ');
    default:
      return String(p[column] ?? '');
  }
}

export { STAFF_COLUMNS };
