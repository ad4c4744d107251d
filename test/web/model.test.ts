// The page's pure parts, without a browser: grouping of the roster rows, dates, tokens, permissions as the page shows
// them, and the completeness of the two languages and the post codes. Importing the page's modules here also puts
// them under the project's `tsc --noEmit`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { POST_IDS } from '../../shared/domain/posts.ts';
import type { Station } from '../../web/src/model.ts';
import { RULE_LIST } from '../../shared/rules/catalogue.ts';
import { DICTIONARIES, RULE_TITLES_ZH, preferredLang, setLang, t, tx } from '../../web/src/i18n.ts';
import {
  DEMO_AS,
  addDays,
  approverRole,
  canAskLeave,
  canManageAbsences,
  canManagePins,
  canPlan,
  canProposeSwap,
  canReadRequests,
  cellMarks,
  decodeToken,
  groupPeople,
  indexAssignments,
  isoWeek,
  nextMonday,
  pinChoices,
  violationIndex,
  visibleAssignments,
  type Session,
} from '../../web/src/model.ts';
import { POST_TONES, REQUESTABLE_POSTS, legendPosts, postCode } from '../../web/src/posts.ts';
import { ruleTitle } from '../../web/src/screens/roster/panels.tsx';
import { ROOT } from './browser.ts';

const demo = JSON.parse(await readFile(join(ROOT, 'demo', 'station.json'), 'utf8')) as Station;

describe('roster rows', () => {
  it('puts every person of the demo station in exactly one group: leadership, duty groups, communities (A first), auxiliaries', () => {
    const groups = groupPeople(demo);
    const ids = groups.flatMap((g) => g.people.map((p) => p.id));
    expect(ids).toHaveLength(demo.people.length);
    expect(new Set(ids).size).toBe(demo.people.length);
    expect(groups[0]!.kind).toBe('leadership');
    expect(groups[0]!.people.map((p) => p.id)).toEqual(['P001', 'P002', 'P003', 'P004']);
    const communities = groups.filter((g) => g.kind === 'community');
    expect(communities.map((g) => g.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6']);
    for (const c of communities) {
      expect(c.people[0]!.community!.role).toBe('A');
      expect(c.people.slice(1).every((p) => p.community!.role === 'B')).toBe(true);
    }
    expect(groups.filter((g) => g.kind === 'group').map((g) => g.id)).toEqual(['G1', 'G2', 'G3']);
    expect(groups.at(-1)!.kind).toBe('auxiliaries');
  });

  it('shows working posts before rest and sorts a day\'s posts', () => {
    const a = (post: string, start?: string) => ({ personId: 'P1', date: '2026-12-07', shift: 'W', post, place: 'community', hours: 8, ...(start ? { start } : {}) }) as never;
    const index = indexAssignments([a('flex-night', '2026-12-07T18:00:00+08:00'), a('community', '2026-12-07T08:30:00+08:00')]);
    expect(visibleAssignments(index.get('P1')!.get('2026-12-07')).map((x) => x.post)).toEqual(['community', 'flex-night']);
    expect(visibleAssignments([a('rest')]).map((x) => x.post)).toEqual(['rest']);
    expect(visibleAssignments(undefined)).toEqual([]);
    const v = violationIndex([{ rule: 'CP-2', severity: 'soft', personIds: ['P1', 'P2'], dates: ['2026-12-07'], message: 'm' }]);
    expect(v.get('P2|2026-12-07')![0]!.rule).toBe('CP-2');
  });
});

describe('dates', () => {
  it('starts a plan on the next Monday (a week ahead on a Monday)', () => {
    expect(nextMonday('2026-11-22')).toBe('2026-11-23'); // Sunday
    expect(nextMonday('2026-11-23')).toBe('2026-11-30'); // Monday
    expect(nextMonday('2026-11-28')).toBe('2026-11-30'); // Saturday
    expect(nextMonday('2026-12-31')).toBe('2027-01-04');
  });

  it('labels ISO weeks as date-fns does', () => {
    for (let i = 0; i < 800; i += 3) {
      const d = addDays('2025-12-01', i);
      const js = new Date(`${d}T12:00:00Z`);
      expect(isoWeek(d)).toBe(`${getISOWeekYear(js)}-W${String(getISOWeek(js)).padStart(2, '0')}`);
    }
  });
});

describe('sign-in and permissions as the page shows them', () => {
  const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

  it('reads the claims of a token, with groups as an array or as API Gateway\'s "[a b]" string, and refuses expired ones', () => {
    expect(decodeToken(jwt({ sub: 'P001', 'cognito:groups': ['director'], 'custom:stationId': 'demo', exp: 4e9 }))).toMatchObject({ sub: 'P001', groups: ['director'], stationId: 'demo' });
    expect(decodeToken(jwt({ sub: 'x', 'cognito:groups': '[branch admin]' }))).toMatchObject({ groups: ['branch', 'admin'], stationId: null });
    expect(decodeToken(jwt({ sub: 'P001', exp: 1 }))).toBeNull();
    expect(decodeToken('garbage')).toBeNull();
  });

  it('offers approve/reject to the chiefs of the station and to the branch only where required lists it', () => {
    const s = (sub: string, groups: string[], stationId: string | null = 'demo'): Session => ({ token: '', sub, groups, stationId, ...(groups.includes('branch') ? { branchId: 'default' } : {}) });
    expect(approverRole(s('P001', ['director']), 'demo', ['director', 'instructor'])).toBe('director');
    expect(approverRole(s('P002', ['instructor']), 'demo', ['director', 'instructor'])).toBe('instructor');
    expect(approverRole(s('P001', ['director'], 'other'), 'demo', ['director', 'instructor'])).toBeNull();
    expect(approverRole(s('P003', ['deputy']), 'demo', ['director', 'instructor'])).toBeNull();
    expect(approverRole(s('b', ['branch'], null), 'demo', ['director', 'instructor'])).toBeNull();
    expect(approverRole(s('b', ['branch'], null), 'demo', ['director', 'instructor', 'branch'])).toBe('branch');
    expect(canPlan(s('P031', ['officer']), 'demo')).toBe(false);
    expect(canPlan(s('P003', ['deputy']), 'demo')).toBe(true);
    // A branch user acts on the stations of their branch only: one whose token names no branch, on none.
    expect(canReadRequests({ ...s('b', ['branch'], null), branchId: 'default' }, 'demo')).toBe(true);
    expect(canReadRequests({ ...s('b', ['branch'], null), branchId: null }, 'demo')).toBe(false);
  });

  it('signs in as real people of the demo station for each ?as= role', () => {
    const rank = (id: string) => demo.people.find((p) => p.id === id)?.rank;
    expect(rank(DEMO_AS.director!.sub)).toBe('director');
    expect(rank(DEMO_AS.instructor!.sub)).toBe('instructor');
    expect(rank(DEMO_AS.deputy!.sub)).toBe('deputy');
    expect(rank(DEMO_AS.officer!.sub)).toBe('officer');
    expect(rank(DEMO_AS.auxiliary!.sub)).toBe('auxiliary');
    expect(DEMO_AS.branch).toEqual({ sub: 'branch-1', groups: ['branch'], branchId: 'default' });
  });
});

describe('the day-to-day loop on the grid', () => {
  const s = (groups: string[], stationId: string | null = 'demo'): Session => ({ token: '', sub: 'x', groups, stationId, ...(groups.includes('branch') ? { branchId: 'default' } : {}) });

  it('offers absences and pins to the leaders of the station only, swaps to officers and auxiliaries, leave to every member', () => {
    for (const g of ['director', 'instructor', 'deputy']) {
      expect(canManageAbsences(s([g]), 'demo'), g).toBe(true);
      expect(canManagePins(s([g]), 'demo'), g).toBe(true);
      expect(canProposeSwap(s([g]), 'demo'), g).toBe(false);
      expect(canManagePins(s([g]), 'other'), `${g} of another station`).toBe(false);
    }
    for (const g of ['officer', 'auxiliary']) {
      expect(canManageAbsences(s([g]), 'demo'), g).toBe(false);
      expect(canManagePins(s([g]), 'demo'), g).toBe(false);
      expect(canProposeSwap(s([g]), 'demo'), g).toBe(true);
      expect(canAskLeave(s([g]), 'demo'), g).toBe(true);
    }
    for (const g of ['branch', 'admin']) {
      expect(canManagePins(s([g], null), 'demo'), g).toBe(false);
      expect(canAskLeave(s([g], null), 'demo'), g).toBe(false);
    }
  });

  it('marks each shown cell with its pin and the absence that covers it', () => {
    const pin = { id: 'pin_1', personId: 'P007', date: '2026-12-16', post: 'case-handling' as const, shift: 'P', createdAt: '', createdBy: 'P001' };
    const marks = cellMarks([pin, { ...pin, id: 'pin_2', date: '2027-02-01' }], [{ id: 'ab_1', personId: 'P031', from: '2026-12-15', to: '2026-12-17', reason: 'leave' }], ['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18']);
    expect(marks.get('P007|2026-12-16')?.pin?.id).toBe('pin_1');
    expect([...marks.keys()].filter((k) => k.startsWith('P031|')).sort()).toEqual(['P031|2026-12-15', 'P031|2026-12-16', 'P031|2026-12-17']);
    expect([...marks.keys()].some((k) => k.includes('2027-02-01'))).toBe(false);
  });

  it('offers every post the station asks for, the community day to a community officer, and rest', () => {
    const posts = pinChoices(demo, undefined);
    expect(posts).toEqual(expect.arrayContaining(['patrol-01', 'case-handling', 'command-room', 'rest']));
    expect(posts).not.toContain('community');
    expect(posts.at(-1)).toBe('rest');
    expect(pinChoices(demo, demo.people.find((p) => p.id === 'P031'))).toContain('community');
  });
});

describe('languages and post codes', () => {
  it('has every message in Chinese and English, with the same placeholders', () => {
    const en = DICTIONARIES.en;
    const zh = DICTIONARIES.zh;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(holes(zh[key]), key).toEqual(holes(en[key]));
  });

  it('prefers Chinese when the browser does, and keeps a stored choice', () => {
    expect(preferredLang(['zh-CN', 'en'], null)).toBe('zh');
    expect(preferredLang(['en-US', 'zh-CN'], null)).toBe('en');
    expect(preferredLang(['fr-FR'], null)).toBe('en');
    expect(preferredLang(['zh-TW'], 'en')).toBe('en');
  });

  it('has a code, a colour and a name in both languages for every post of API.md, and shows any other post too', () => {
    const documented = ['community', 'flex-night', 'patrol-01', 'patrol-02', 'case-handling', 'station-duty', 'standby', 'routine-duty', 'command-room', 'security-check', 'large-event', 'special-operation', 'reinforced-duty', 'meeting', 'rest', 'absent'];
    for (const post of documented) {
      expect(POST_TONES[post], post).toBeDefined();
      for (const l of ['en', 'zh'] as const) {
        setLang(l);
        expect(tx('post', post), `${l} ${post}`).not.toBe(post);
      }
    }
    setLang('en');
    // A post added to the API later still gets a code (its first letters) until the page learns it.
    for (const post of POST_IDS) expect(postCode(post, 'en'), post).not.toBe('');
    const codes = documented.map((p) => postCode(p, 'en'));
    expect(new Set(codes).size).toBe(codes.length);
    expect(postCode('community', 'en')).toBe('C');
    expect(postCode('patrol-01', 'en')).toBe('P1');
    expect(postCode('case-handling', 'en')).toBe('CH');
    for (const p of REQUESTABLE_POSTS) expect(POST_IDS).toContain(p);
    expect(legendPosts(['rest', 'community', 'mystery'])).toEqual(['community', 'rest', 'mystery']);
    // The rules of DOMAIN.md have Chinese titles; any other rule of the catalogue falls back to its English title.
    for (const r of RULE_LIST.filter((x) => /^(ROT|FB|CP|AB|CAL|AP)-/.test(x.id))) expect(RULE_TITLES_ZH[r.id], r.id).toBeTruthy();
    setLang('zh');
    for (const r of RULE_LIST) expect(ruleTitle(r.id), r.id).toBe(RULE_TITLES_ZH[r.id] ?? r.title);
    setLang('en');
    for (const r of RULE_LIST) expect(ruleTitle(r.id), r.id).toBe(r.title);
    expect(t('planCreated', { id: 'pl_1', shortfalls: 2, violations: 0 })).toBe('Plan pl_1 created: 2 shortfalls, 0 rule breaks.');
  });
});
