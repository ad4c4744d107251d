// The set-up and audit screens' pure parts, without a browser: merging one's edits onto a newer station after a 409,
// staff filters and new ids, demand against the people who could cover it, the settings table, the validation
// messages in Chinese, and configuration changes as the audit screen writes them.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StationRules, validateStationConfig, type StationConfig } from '../../shared/domain/station.ts';
import { RULES } from '../../shared/rules/catalogue.ts';
import { RULE_TITLES_ZH, setLang } from '../../web/src/i18n.ts';
import { changeText, changesOf, valueText } from '../../web/src/screens/audit.tsx';
import { calendarOf, coverTable, couldCover, shiftTotals } from '../../web/src/screens/setup/demand.tsx';
import { rebase, type Draft } from '../../web/src/screens/setup/draft.ts';
import { issueText } from '../../web/src/screens/setup/issue-text.ts';
import { SETTING_DEFAULTS, SETTING_KEYS, SETTING_RULE, ruleMeaning } from '../../web/src/screens/setup/rules.tsx';
import { matches, nextPersonId } from '../../web/src/screens/setup/staff.tsx';
import { ROOT } from './browser.ts';

const demo = JSON.parse(await readFile(join(ROOT, 'demo', 'station.json'), 'utf8')) as StationConfig;
const copy = (): Draft => structuredClone(demo) as Draft;
const noFilter = { text: '', kind: '', group: '', community: '', skill: '' };

describe('reload keeping my edits (after a 409)', () => {
  it('puts my added, changed and removed people on top of the newer station, and keeps their other changes', () => {
    const before = copy();
    const mine = copy();
    mine.people.push({ id: 'P900', name: 'New', kind: 'officer', rank: 'officer', group: 'G1', skills: [], joined: '2026-01-01' });
    mine.people.find((p) => p.id === 'P005')!.group = 'G2';
    mine.people = mine.people.filter((p) => p.id !== 'P006');
    const theirs = copy();
    theirs.people.find((p) => p.id === 'P007')!.name = 'Renamed by them';
    theirs.communities[0]!.name = 'Theirs';
    theirs.rules.weeklyCommunityHours = 30;
    const merged = rebase(before, mine, theirs);
    expect(merged.people.find((p) => p.id === 'P900')?.name).toBe('New');
    expect(merged.people.find((p) => p.id === 'P005')?.group).toBe('G2');
    expect(merged.people.find((p) => p.id === 'P006')).toBeUndefined();
    expect(merged.people.find((p) => p.id === 'P007')?.name).toBe('Renamed by them');
    expect(merged.communities[0]!.name).toBe('Theirs');
    expect(merged.rules.weeklyCommunityHours).toBe(30);
    expect(merged.people).toHaveLength(demo.people.length);
  });

  it('takes a whole section from my side when I changed it (rules, pattern, demand)', () => {
    const before = copy();
    const mine = copy();
    mine.rules.minRestHours = 12;
    mine.demand[0]!.people = 5;
    const theirs = copy();
    theirs.rules.weeklyCommunityHours = 30;
    const merged = rebase(before, mine, theirs);
    expect(merged.rules.minRestHours).toBe(12);
    expect(merged.rules.weeklyCommunityHours).toBe(36); // the section is mine as a whole
    expect(merged.demand[0]!.people).toBe(5);
  });
});

describe('staff', () => {
  it('filters by text, kind, group, community and skill', () => {
    const count = (f: Partial<typeof noFilter>) => demo.people.filter((p) => matches(p, { ...noFilter, ...f })).length;
    expect(count({})).toBe(demo.people.length);
    expect(count({ text: 'p001' })).toBe(1);
    expect(count({ kind: 'auxiliary' })).toBe(demo.people.filter((p) => p.kind === 'auxiliary').length);
    expect(count({ group: 'G1' })).toBe(demo.people.filter((p) => p.group === 'G1').length);
    expect(count({ group: '-' })).toBe(demo.people.filter((p) => p.group === null).length);
    expect(count({ community: 'C1', kind: 'officer' })).toBe(demo.people.filter((p) => p.community?.id === 'C1' && p.kind === 'officer').length);
    expect(count({ skill: 'driver' })).toBe(demo.people.filter((p) => p.skills.includes('driver')).length);
  });

  it('proposes the next free id in the station\'s own style', () => {
    expect(nextPersonId(demo.people)).toBe('P066');
    expect(nextPersonId([{ id: 'A07' }, { id: 'A08' }])).toBe('A09');
    expect(nextPersonId([])).toBe('P001');
  });
});

describe('demand against the people who could cover it', () => {
  const monday = '2026-12-07';
  it('counts only people on the shift by the rotation, with the skills, not absent, and keeps dedicated community officers off FB posts', () => {
    const d = copy();
    const patrol = d.demand.find((x) => x.post === 'patrol-01')!;
    const table = coverTable(d, [monday]);
    const row = table[d.demand.indexOf(patrol)]![0]!;
    const byHand = d.people.filter((p) => couldCover(d, p, patrol, monday, calendarOf(d)));
    expect(row.could).toBe(byHand.length);
    expect(byHand.every((p) => p.skills.includes('driver') && !p.community?.dedicated)).toBe(true);
    // A dedicated community officer with the skill on the shift is still not counted (FB-1).
    const officer = d.people.find((p) => p.community?.dedicated && p.group)!;
    officer.skills = ['driver'];
    const onShiftDay = ['2026-12-07', '2026-12-08', '2026-12-09'].find((date) => couldCover(d, { ...officer, community: undefined }, patrol, date, calendarOf(d)))!;
    expect(couldCover(d, officer, patrol, onShiftDay, calendarOf(d))).toBe(false);
    // Absent people drop out (ROT-4).
    const someone = byHand[0]!;
    d.absences.push({ personId: someone.id, from: monday, to: monday, reason: 'leave' });
    expect(coverTable(d, [monday])[d.demand.indexOf(patrol)]![0]!.could).toBe(row.could - 1);
  });

  it('shows an impossible demand: more people than the shift has', () => {
    const d = copy();
    const i = d.demand.findIndex((x) => x.post === 'patrol-01');
    d.demand[i]!.people = 50;
    const cell = coverTable(d, [monday])[i]![0]!;
    expect(cell.needed).toBe(50);
    expect(cell.could).toBeLessThan(50);
    const total = shiftTotals(d, [monday]).find((s) => s.shift === d.demand[i]!.shift)!.cells[0]!;
    expect(total.needed).toBeGreaterThan(total.could);
    // An entry for weekdays only does not apply on a Sunday.
    d.demand[i]!.weekdays = [1, 2, 3, 4, 5];
    expect(coverTable(d, ['2026-12-13'])[i]![0]).toBeNull();
  });
});

describe('rules settings', () => {
  it('lists every setting of the station schema with the schema\'s default and a rule that has a title and a meaning in both languages', () => {
    expect(SETTING_KEYS.sort()).toEqual(Object.keys(StationRules.shape).sort());
    expect(SETTING_DEFAULTS.weeklyCommunityHours).toBe(36);
    expect(SETTING_DEFAULTS.maxWorkedWeekends).toBeUndefined();
    for (const key of SETTING_KEYS) {
      const rule = SETTING_RULE[key];
      expect(rule in RULES || rule in RULE_TITLES_ZH, `${key} → ${rule}`).toBe(true);
      for (const l of ['en', 'zh'] as const) {
        setLang(l);
        expect(ruleMeaning(rule), `${l} ${rule}`).not.toBe('');
      }
    }
    setLang('zh');
    for (const key of SETTING_KEYS) expect(ruleMeaning(SETTING_RULE[key])).toMatch(/[\u4e00-\u9fff]/);
    setLang('en');
  });
});

describe('validation messages in Chinese', () => {
  it('has a Chinese sentence for every problem the station schema names on typical mistakes', () => {
    const d = copy() as unknown as Record<string, unknown> & StationConfig;
    d.shiftTypes[0]!.start = '25:00';
    d.shiftTypes[1]!.hours = 30;
    d.pattern = { cycle: ['P', 'X'], anchorDate: '2026-01-05' };
    d.people.push({ ...d.people[0]!, name: 'dup' });
    d.people[5]!.group = 'G9';
    d.people[6]!.skills = ['Driver'];
    d.demand[0]!.people = 0;
    d.demand[1]!.shift = 'Q';
    d.communities[0]!.neighbours = ['C1'];
    const result = validateStationConfig(d);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    setLang('zh');
    for (const issue of result.issues) expect(issueText(issue.message), issue.message).toMatch(/^[^A-Za-z]*([\u4e00-\u9fff][\s\S]*)$/);
    expect(issueText('unknown shift code "X"')).toBe('未知的班次代码“X”');
    setLang('en');
    expect(issueText('unknown shift code "X"')).toBe('unknown shift code "X"');
  });
});

describe('the audit screen\'s changes', () => {
  it('writes each kind of configuration change in the page\'s language', () => {
    const entry = {
      detail: {
        changes: [
          { kind: 'person.added', personId: 'P066', name: '李新民' },
          { kind: 'person.changed', personId: 'P005', name: '周鹏', field: 'group', from: 'G1', to: 'G2' },
          { kind: 'item.changed', field: 'shiftTypes', id: 'S', path: 'hours', from: 10, to: 12 },
          { kind: 'field.changed', field: 'rules', path: 'weeklyCommunityHours', from: 36, to: 30 },
          { nonsense: true },
        ],
      },
    };
    const changes = changesOf(entry);
    expect(changes).toHaveLength(4);
    setLang('zh');
    expect(changes.map(changeText)).toEqual(['新增人员：李新民（P066）', '周鹏（P005）：班组 由 G1 改为 G2', '班次 S：时长 由 10 改为 12', '每周驻社区时长：由 36 改为 30']);
    expect(valueText(['driver', 'dispatcher'])).toBe('driver、dispatcher');
    expect(valueText(null)).toBe('—');
    setLang('en');
    expect(changeText(changes[1]!)).toBe('周鹏 (P005): duty group G1 → G2');
    expect(changesOf({ detail: {} })).toEqual([]);
  });
});
