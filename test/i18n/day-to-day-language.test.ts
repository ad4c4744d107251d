// The refusals of the day-to-day loop (leave LV-1, swaps SW-1, pins PIN-1), its notices and its calendar feed follow
// the reader's language: with Accept-Language: zh-CN each `message` (and each `details[].message`) is Chinese with no
// English word, and carries its `params`; the same requests with `en` answer English.
//
// "English word" as in plan-language.test.ts: a run of two or more Latin letters once the tokens kept as they are have
// been taken out, and only these: rule IDs, the ids of the day-to-day records (lv_…, sw_…, pin_…, ab_…, pl_…) and the
// station's id (`small`, which the sentence names as it is), the people's names as the station document spells them
// (the test station's are in pinyin) and the date format YYYY-MM-DD. Person ids, dates and shift codes never make a run
// of two letters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as auditHandler } from '../../functions/audit/handler.ts';
import { handler as feedsHandler } from '../../functions/feeds/handler.ts';
import { handler as meHandler } from '../../functions/me/handler.ts';
import { handler as pinsHandler } from '../../functions/pins/handler.ts';
import { handler as requestsHandler } from '../../functions/requests/handler.ts';
import { newId } from '../../shared/daytoday/ids.ts';
import { addDaysTo } from '../../shared/rotation/index.ts';
import { RULE_LIST } from '../../shared/rules/catalogue.ts';
import { as, firstDate, groupCode } from '../approvals/helpers.ts';
import { startTestStore, type TestClaims, type TestStore } from '../helpers/dynalite.ts';
import { S, absences, call, colleague, communityOfficer, deputy, director, feeds, firstMonday, officer, publishPlan, setUp, station } from '../day-to-day/helpers.ts';

const RULE_IDS = RULE_LIST.map((r) => r.id);
const RULE_ID = new RegExp(`(?<![A-Za-z])(?:${RULE_IDS.join('|')})(?![A-Za-z0-9])`, 'g');
const RECORD_ID = /\b(?:lv|sw|pin|ab|pl)_[A-Za-z0-9]+/g;
const STATION_ID = new RegExp(`\\b${S}\\b`, 'g');
const NAMES = (station().people as { name: string }[]).map((p) => p.name).sort((a, b) => b.length - a.length);
const KEPT = [RULE_ID, RECORD_ID, STATION_ID, /YYYY-MM-DD/g];
const englishWords = (text: string): string[] =>
  NAMES.reduce((t, name) => t.split(name).join(' '), KEPT.reduce((t, pattern) => t.replace(pattern, ' '), text)).match(/[A-Za-z]{2,}/g) ?? [];
const CHINESE = /[\u4e00-\u9fff]/;

type Lang = 'zh-CN' | 'en';
const headers = (lang: Lang) => ({ 'accept-language': lang });
const p012 = as(['officer'], 'P012', S);

const leave = {
  ask: (lang: Lang, body: unknown, claims: TestClaims) => call(requestsHandler, 'POST', '/stations/{stationId}/leave-requests', { stationId: S }, { claims, body, headers: headers(lang) }),
  decide: (lang: Lang, leaveId: string, body: unknown, claims: TestClaims = deputy) =>
    call(requestsHandler, 'POST', '/stations/{stationId}/leave-requests/{leaveId}/decisions', { stationId: S, leaveId }, { claims, body, headers: headers(lang) }),
};
const swaps = {
  propose: (lang: Lang, body: unknown, claims: TestClaims) => call(requestsHandler, 'POST', '/stations/{stationId}/swaps', { stationId: S }, { claims, body, headers: headers(lang) }),
  accept: (lang: Lang, swapId: string, claims: TestClaims) => call(requestsHandler, 'POST', '/stations/{stationId}/swaps/{swapId}/accept', { stationId: S, swapId }, { claims, headers: headers(lang) }),
};
const pin = (lang: Lang, body: unknown) => call(pinsHandler, 'POST', '/stations/{stationId}/pins', { stationId: S }, { claims: director, body, headers: headers(lang) });

let db: TestStore;
const monday = firstMonday();
/** A day of the published plan on which duty group G2 works the primary shift (P011, P012 on duty). */
const day = firstDate(addDaysTo(monday, 1), (d) => groupCode(1, d) === 'P' && d <= addDaysTo(monday, 12));
let proposed: string;
const unknownLeave = newId('lv');

beforeAll(async () => {
  db = await startTestStore();
  await setUp();
  await publishPlan(monday, 14);
  const swap = await swaps.propose('en', { date: day, withPersonId: 'P012' }, colleague);
  if (swap.status !== 201) throw new Error(`swap: ${swap.status} ${JSON.stringify(swap.body)}`);
  proposed = swap.body.id;
});
afterAll(async () => {
  await db?.close();
});

type Refusal = { name: string; status: number; code: string; send: (lang: Lang) => Promise<{ status: number; body: { error: { code: string; message: string; params: Record<string, unknown>; details: { path: string; message: string }[] } } }> };

const REFUSALS: Refusal[] = [
  { name: 'leave for someone else', status: 403, code: 'LV-1', send: (lang) => leave.ask(lang, { from: addDaysTo(monday, 20), to: addDaysTo(monday, 20), reason: 'sick', personId: 'P011' }, officer) },
  { name: 'leave in the past', status: 422, code: 'LV-1', send: (lang) => leave.ask(lang, { from: addDaysTo(monday, -30), to: addDaysTo(monday, -30), reason: 'sick' }, officer) },
  { name: 'a swap in the past', status: 422, code: 'SW-1', send: (lang) => swaps.propose(lang, { date: addDaysTo(monday, -30), withPersonId: 'P012' }, colleague) },
  { name: 'a swap that is not published', status: 422, code: 'SW-1', send: (lang) => swaps.propose(lang, { date: addDaysTo(monday, 40), withPersonId: 'P012' }, colleague) },
  {
    name: 'a swap that breaks FB-1 (the rule break inside the sentence)',
    status: 422,
    code: 'FB-1',
    send: (lang) => swaps.propose(lang, { date: firstDate(addDaysTo(monday, 1), (d) => groupCode(0, d) === 'P'), withPersonId: 'P010' }, communityOfficer),
  },
  { name: 'accepting a swap not yours', status: 403, code: 'SW-1', send: (lang) => swaps.accept(lang, proposed, officer) },
  { name: 'an unknown leave id', status: 404, code: 'NOT_FOUND', send: (lang) => leave.decide(lang, unknownLeave, { decision: 'approve' }) },
  { name: 'a bad body', status: 400, code: 'BAD_REQUEST', send: (lang) => leave.ask(lang, { from: '2026-02-30', to: '26-1-1', reason: 'sick' }, officer) },
  { name: 'an unknown person', status: 400, code: 'BAD_REQUEST', send: (lang) => leave.ask(lang, { from: addDaysTo(monday, 20), to: addDaysTo(monday, 20), reason: 'sick', personId: 'P999' }, deputy) },
  { name: 'a pin on a past day', status: 422, code: 'PIN-1', send: (lang) => pin(lang, { personId: 'P010', date: addDaysTo(monday, -30), post: 'rest' }) },
];

describe('day-to-day refusals follow Accept-Language', () => {
  for (const r of REFUSALS)
    it(`${r.name}: ${r.status} ${r.code}, Chinese for zh-CN and English for en, with params`, async () => {
      const zh = await r.send('zh-CN');
      expect([zh.status, zh.body.error.code]).toEqual([r.status, r.code]);
      const { message, params, details } = zh.body.error;
      expect(message).toMatch(CHINESE);
      expect(englishWords(message), message).toEqual([]);
      expect(params).toBeTypeOf('object');
      for (const d of details) {
        expect(d.message).toMatch(CHINESE);
        expect(englishWords(d.message), d.message).toEqual([]);
      }
      const en = await r.send('en');
      expect([en.status, en.body.error.code]).toEqual([r.status, r.code]);
      expect(en.body.error.message).not.toMatch(CHINESE);
      expect(englishWords(en.body.error.message).length).toBeGreaterThan(1);
      expect(en.body.error.params).toEqual(params);
      for (const d of en.body.error.details) expect(d.message).not.toMatch(CHINESE);
    });

  it('the sentences name their figures in params', async () => {
    const forOther = await leave.ask('zh-CN', { from: addDaysTo(monday, 20), to: addDaysTo(monday, 20), reason: 'sick', personId: 'P011' }, officer);
    expect(forOther.body.error.params).toEqual({ sub: 'P010' });
    const past = await swaps.propose('zh-CN', { date: addDaysTo(monday, -30), withPersonId: 'P012' }, colleague);
    expect(past.body.error.params).toMatchObject({ date: addDaysTo(monday, -30) });
    expect(past.body.error.message).toContain(addDaysTo(monday, -30));
    expect(past.body.error.details).toEqual([{ path: 'date', message: '早于今天' }]);
  });

  it('deciding twice: 409, in the reader\'s language', async () => {
    const asked = await leave.ask('en', { from: addDaysTo(monday, 21), to: addDaysTo(monday, 21), reason: 'sick' }, officer);
    expect(asked.status).toBe(201);
    expect((await leave.decide('en', asked.body.id, { decision: 'approve' })).status).toBe(200);
    const zh = await leave.decide('zh-CN', asked.body.id, { decision: 'reject' }, director);
    expect([zh.status, zh.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(zh.body.error.message).toMatch(CHINESE);
    expect(englishWords(zh.body.error.message), zh.body.error.message).toEqual([]);
    expect(zh.body.error.params).toMatchObject({ leaveId: asked.body.id, status: 'approved', decision: 'approve', by: 'P003' });
    const en = await leave.decide('en', asked.body.id, { decision: 'reject' }, director);
    expect(en.body.error.message).toBe(`${asked.body.id} is approved already (approve by P003); it is decided once.`);
  });

  it('the audit trail of the day-to-day loop reads in Chinese for zh-CN and in English for en', async () => {
    const day5 = addDaysTo(monday, 5);
    const pinned = await pin('en', { personId: 'P010', date: day5, post: 'rest' });
    expect(pinned.status).toBe(201);
    expect((await call(pinsHandler, 'DELETE', '/stations/{stationId}/pins/{pinId}', { stationId: S, pinId: pinned.body.id }, { claims: director })).status).toBe(204);
    const absent = await absences.post({ personId: 'P011', from: addDaysTo(monday, 25), to: addDaysTo(monday, 26), reason: 'training' });
    expect(absent.status).toBe(201);
    expect((await absences.remove(absent.body.id)).status).toBe(204);
    const read = async (lang: Lang) => {
      const answer = await call(auditHandler, 'GET', '/stations/{stationId}/audit', { stationId: S }, { claims: director, headers: headers(lang), query: { limit: '200' } });
      expect(answer.status).toBe(200);
      return (answer.body.items as { action: string; summary: string; summaryKey?: string }[]).filter((e) => /^(leave|swap|absence|pin)\./.test(e.action));
    };
    const zh = await read('zh-CN');
    expect(new Set(zh.map((e) => e.action))).toEqual(new Set(['leave.requested', 'leave.decided', 'absence.recorded', 'swap.proposed', 'pin.set', 'pin.removed', 'absence.removed']));
    for (const e of zh) {
      expect(e.summaryKey, e.action).toBeDefined();
      expect(e.summary).toMatch(CHINESE);
      expect(englishWords(e.summary), e.summary).toEqual([]);
    }
    for (const e of await read('en')) expect(e.summary).not.toMatch(CHINESE);
  });

  it('notices follow ?lang= as well as Accept-Language', async () => {
    const list = (lang: Lang, query?: Record<string, string>) => call(meHandler, 'GET', '/me/notices', {}, { claims: p012, headers: headers(lang), ...(query ? { query } : {}) });
    const zh = await list('zh-CN');
    expect(zh.body.items[0]).toMatchObject({ kind: 'swap-proposed' });
    expect(zh.body.items[0].message).toMatch(CHINESE);
    expect(englishWords(zh.body.items[0].message)).toEqual([]);
    expect((await list('en')).body.items[0].message).toMatch(/proposes a swap/);
    expect((await list('en', { lang: 'zh' })).body.items[0].message).toBe(zh.body.items[0].message);
  });

  it('the calendar feed writes Chinese event titles with ?lang=zh, the English machine names without', async () => {
    const made = await feeds.create(officer);
    expect(made.status).toBe(201);
    expect(made.body.url).toMatch(/\.ics$/);
    // Asked for in Chinese, the URL carries ?lang=zh (a calendar app sends no Accept-Language).
    const zhMade = await call(meHandler, 'POST', '/me/calendar-feed', {}, { claims: officer, headers: headers('zh-CN') });
    expect(zhMade.body.url).toMatch(/\.ics\?lang=zh$/);
    const feed: string = (zhMade.body.url.split('/feeds/')[1] ?? '').split('?')[0] ?? '';
    const en = await call(feedsHandler, 'GET', '/feeds/{feed}', { feed }, { claims: null });
    const zh = await call(feedsHandler, 'GET', '/feeds/{feed}', { feed }, { claims: null, query: { lang: 'zh' } });
    expect(en.status).toBe(200);
    expect(zh.status).toBe(200);
    const titles = (ics: string | undefined) => (ics ?? '').split(/\r?\n/).filter((l) => l.startsWith('SUMMARY:'));
    expect(titles(en.raw).length).toBeGreaterThan(0);
    expect(titles(en.raw).some((t) => CHINESE.test(t))).toBe(false);
    expect(titles(zh.raw).every((t) => CHINESE.test(t))).toBe(true);
    const missing = await call(feedsHandler, 'GET', '/feeds/{feed}', { feed: 'not-a-secret.ics' }, { claims: null, headers: headers('zh-CN') });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(CHINESE);
  });
});
