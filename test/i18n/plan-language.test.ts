// Every sentence of a plan of the demo station follows Accept-Language: Chinese for zh-CN, English otherwise.
//
// "English word", honestly: a run of two or more Latin letters, once the tokens the catalogue keeps as they are have
// been taken out — and only these:
//   - rule IDs: every ID of the catalogue (FB-3, REST-1, CP-2, COVER, …) and AP-1 … AP-6;
//   - person ids (P001), community ids (C1), duty group ids (G1), shift codes (P, S, R, W, F): all one letter plus
//     digits or one letter, so they never form a run of two letters;
//   - ISO weeks (2026-W50): one letter.
// Nothing else is stripped: post ids (patrol-01), skills (driver), reasons (leave), "h" runs like "36 h" would count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as plansHandler } from '../../functions/plans/handler.ts';
import { DEMO_STATION_ID, loadDemoStation } from '../../local/app.ts';
import type { Plan } from '../../shared/domain/plan.ts';
import { RULE_LIST } from '../../shared/rules/catalogue.ts';
import { apiEvent, invoke, startTestStore, type TestStore } from '../helpers/dynalite.ts';

const STATION = DEMO_STATION_ID;
const director = { sub: 'P001', groups: ['director'], stationId: STATION };
// Rule IDs: the catalogue's, and the approval rules AP-1 … AP-6 that suggestions cite.
const RULE_IDS = [...RULE_LIST.map((r) => r.id), 'AP-1', 'AP-2', 'AP-3', 'AP-4', 'AP-5', 'AP-6'];
const RULE_ID = new RegExp(`(?<![A-Za-z])(?:${RULE_IDS.join('|')})(?![A-Za-z0-9])`, 'g');
const englishWords = (text: string): string[] => text.replace(RULE_ID, ' ').match(/[A-Za-z]{2,}/g) ?? [];
const CHINESE = /[\u4e00-\u9fff]/;

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
  expect(await loadDemoStation(db.store)).toBe(true);
});
afterAll(async () => {
  await db?.close();
});

const call = (method: 'GET' | 'POST', path: string, routeKey: string, pathParameters: Record<string, string>, language: string, body?: unknown) =>
  invoke(plansHandler, apiEvent({ method, path, routeKey, pathParameters, body, claims: director, headers: { 'accept-language': language } }));

function sentences(plan: Plan): { where: string; text: string }[] {
  return [
    ...plan.shortfalls.map((s, i) => ({ where: `shortfalls[${i}] ${s.rule}`, text: s.message })),
    ...plan.violations.map((v, i) => ({ where: `violations[${i}] ${v.rule}`, text: v.message })),
    ...plan.suggestions.map((s, i) => ({ where: `suggestions[${i}]`, text: s.why })),
  ];
}

describe('the language of a plan', () => {
  let zh: Plan;

  it('with Accept-Language: zh-CN every message and why is Chinese, with no English word', async () => {
    // December 2026: absences, a sick A, Saturday large events and the New Year reinforced duty give every kind.
    const answer = await call('POST', `/stations/${STATION}/plans`, 'POST /stations/{stationId}/plans', { stationId: STATION }, 'zh-CN,zh;q=0.9,en;q=0.5', {
      start: '2026-12-07',
      days: 28,
      seed: 3,
      seconds: 0.5,
    });
    expect(answer.status, JSON.stringify(answer.body).slice(0, 400)).toBe(201);
    zh = answer.body as Plan;
    expect(zh.shortfalls.length).toBeGreaterThan(0);
    expect(zh.violations.length).toBeGreaterThan(0);
    const all = sentences(zh);
    const bad = all.filter((s) => !CHINESE.test(s.text) || englishWords(s.text).length > 0).map((s) => `${s.where}: ${s.text} [${englishWords(s.text).join(' ')}]`);
    expect(bad, bad.slice(0, 5).join('\n')).toEqual([]);
    // params carry the figures: every shortfall and violation has its key and params.
    for (const item of [...zh.shortfalls, ...zh.violations]) {
      expect(item.key).toBeTypeOf('string');
      expect(item.params).toBeTypeOf('object');
    }
    expect(zh.shortfalls.every((s) => s.params?.missing === s.missing && s.params?.date === s.date)).toBe(true);
  });

  it('the same stored plan read with Accept-Language: en is English, figure for figure', async () => {
    const answer = await call('GET', `/stations/${STATION}/plans/${zh.id}`, 'GET /stations/{stationId}/plans/{planId}', { stationId: STATION, planId: zh.id }, 'en-GB');
    expect(answer.status).toBe(200);
    const en = answer.body as Plan;
    const all = sentences(en);
    expect(all.length).toBe(sentences(zh).length);
    for (const s of all) {
      expect(englishWords(s.text).length, s.text).toBeGreaterThan(3);
      expect(s.text).toMatch(/\b(is|on|has|the|in|of)\b/);
    }
    // Same facts: the shortfalls' figures agree; only the words differ.
    expect(en.shortfalls.map((s) => [s.date, s.post, s.missing, s.rule])).toEqual(zh.shortfalls.map((s) => [s.date, s.post, s.missing, s.rule]));
    expect(en.shortfalls[0]!.message).toContain(`${en.shortfalls[0]!.post} on ${en.shortfalls[0]!.date}`);
  });

  it('any other language, or none, is English; any zh-* is Chinese', async () => {
    for (const [language, chinese] of [['fr-FR', false], ['', false], ['zh-TW', true], ['zh', true], ['en;q=0.9, zh-Hans;q=1', true]] as const) {
      const answer = await call('GET', `/stations/${STATION}/plans/${zh.id}`, 'GET /stations/{stationId}/plans/{planId}', { stationId: STATION, planId: zh.id }, language);
      expect(CHINESE.test((answer.body as Plan).shortfalls[0]!.message), language).toBe(chinese);
    }
  });
});
