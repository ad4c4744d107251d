// The station engine on other generated stations than bench:station's seed 1: every size and pattern for seeds
// 2–5 (or --seeds), the engine alone at bench:station's caps (5 s for 28 days, 20 s for 92). Prints score, bound, gap
// and seconds per station, and how many are within 1 %.
//   npm run bench:station-seeds
//   npm run bench:station-seeds -- --seeds 2,3 --days 28
import { parseArgs } from 'node:util';
import { StationConfig } from '../shared/domain/station.ts';
import { planRoster } from '../shared/solver/index.ts';
import { generateStation, type GeneratedPattern } from './generate-station.ts';

const { values } = parseArgs({ options: { seeds: { type: 'string', default: '2,3,4,5' }, days: { type: 'string' } }, strict: true });
const seeds = values.seeds.split(',').map(Number);
const PATTERNS: GeneratedPattern[] = ['three-groups-two-running', 'four-teams-three-shifts'];
const cases: { pattern: GeneratedPattern; people: number; days: number }[] = [];
for (const pattern of PATTERNS) for (const people of [30, 65, 150, 300]) cases.push({ pattern, people, days: 28 });
for (const pattern of PATTERNS) cases.push({ pattern, people: 300, days: 92 });
const chosen = values.days ? cases.filter((c) => c.days === Number(values.days)) : cases;

console.log('| seed | pattern | people | days | score | bound | gap % | seconds |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
let within = 0;
let total = 0;
for (const seed of seeds)
  for (const c of chosen) {
    const station = StationConfig.parse(generateStation({ people: c.people, seed, pattern: c.pattern }));
    const t0 = performance.now();
    const plan = planRoster({ station, start: '2027-01-04', days: c.days, seed: 1, seconds: c.days > 28 ? 20 : 5 });
    const seconds = (performance.now() - t0) / 1000;
    const gap = plan.gap ?? 1;
    total++;
    if (gap <= 0.01) within++;
    console.log(`| ${seed} | ${c.pattern === 'three-groups-two-running' ? 'three groups' : 'four teams'} | ${c.people} | ${c.days} | ${plan.score.total} | ${plan.bound ?? '—'} | ${(gap * 100).toFixed(2)} | ${seconds.toFixed(2)} |`);
  }
console.log(`\n${within} of ${total} stations proven within 1 %`);
