// Measures "re-plan what changed" on the demo station: publish 28 days, record three sick days for one officer, re-plan
// exactly the marked days, and print what changed (one JSON line). Run: npm run bench:replan -- [--person P010]
import { handler as absencesHandler } from '../functions/absences/handler.ts';
import { handler as plansHandler } from '../functions/plans/handler.ts';
import { DEMO_STATION_ID, loadDemoStation, startEmbeddedStore } from '../local/app.ts';
import { todayIn } from '../shared/approvals/index.ts';
import { addDaysTo, isoWeekday } from '../shared/rotation/index.ts';
import { useStore } from '../shared/store/index.ts';
import { apiEvent, invoke } from '../test/helpers/dynalite.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};

const embedded = await startEmbeddedStore({ memory: true });
useStore(embedded.store);
await loadDemoStation(embedded.store);
const S = DEMO_STATION_ID;
const station = (await embedded.store.stations.get(S))!;
const director = { sub: station.people.find((p) => p.rank === 'director')!.id, groups: ['director'], stationId: S };
const personId = arg('person', station.people.find((p) => p.rank === 'officer' && p.group !== null && !p.community)!.id);
let start = addDaysTo(todayIn(station.timezone), 7);
while (isoWeekday(start) !== 1) start = addDaysTo(start, 1);

const call = (handler: typeof plansHandler, method: string, template: string, values: Record<string, string>, body?: unknown) =>
  invoke(handler, apiEvent({ method, path: template.replace(/\{(\w+)\}/g, (_m, k: string) => values[k]!), routeKey: `${method} ${template}`, pathParameters: values, claims: director, ...(body !== undefined ? { body } : {}) }));

const made = await call(plansHandler, 'POST', '/stations/{stationId}/plans', { stationId: S }, { start, days: 28, seconds: 2 });
await call(plansHandler, 'POST', '/stations/{stationId}/plans/{planId}/publish', { stationId: S, planId: made.body.id });
const sick = { from: addDaysTo(start, 8), to: addDaysTo(start, 10) };
await call(absencesHandler, 'POST', '/stations/{stationId}/absences', { stationId: S }, { personId, ...sick, reason: 'sick' });
const t0 = performance.now();
const replan = await call(plansHandler, 'POST', '/stations/{stationId}/replan', { stationId: S }, { from: start, to: addDaysTo(start, 27), seconds: 2 });
const seconds = (performance.now() - t0) / 1000;
const changes = replan.body.changes as { personId: string; date: string; before: { post: string } | null; after: { post: string } | null }[];
console.log(
  JSON.stringify({
    station: S,
    people: station.people.length,
    published: { start, days: 28 },
    sick: { personId, ...sick },
    replanDays: replan.body.days,
    cellsChanged: replan.body.count,
    outsideSickDays: changes.filter((c) => c.date < sick.from || c.date > sick.to).length,
    theOfficer: changes.filter((c) => c.personId === personId).length,
    others: changes.filter((c) => c.personId !== personId).length,
    shortfallsOnSickDays: (replan.body.plan.shortfalls as { date: string }[]).filter((s) => s.date >= sick.from && s.date <= sick.to).length,
    seconds: Math.round(seconds * 100) / 100,
    changes: changes.map((c) => `${c.date} ${c.personId}: ${c.before?.post ?? '-'} → ${c.after?.post ?? '-'}`),
  }),
);
await embedded.close();
