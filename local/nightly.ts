// `npm run nightly`: the nightly job on this machine, with the very dispatch and worker handlers Lambda runs, over the
// local store (.data/, or `--memory` with the demo station) and an in-process queue instead of SQS.
//   npm run nightly                              tonight, over .data/ (stop `npm start` first: one process owns .data/)
//   npm run nightly -- --memory                  in memory, demo station loaded
//   npm run nightly -- --night 2027-01-04        that night (the horizon starts the day after)
//   npm run nightly -- --horizon 28 --lead 7 --seconds 2
// Exits 1 when a station ended in the dead-letter list.
import { parseArgs } from 'node:util';
import { createDispatchHandler } from '../functions/nightly-dispatch/handler.ts';
import { createWorkerHandler } from '../functions/nightly-worker/handler.ts';
import { nightlyOptions, type NightResult } from '../shared/nightly/index.ts';
import { useStore } from '../shared/store/index.ts';
import { loadDemoStation, startEmbeddedStore } from './app.ts';
import { InProcessQueue, drain, localContext } from './nightly-queue.ts';

const { values } = parseArgs({
  options: {
    memory: { type: 'boolean', default: false },
    night: { type: 'string' },
    at: { type: 'string' },
    horizon: { type: 'string' },
    lead: { type: 'string' },
    seconds: { type: 'string' },
    'batch-size': { type: 'string', default: '5' },
  },
  strict: true,
});

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const options = nightlyOptions({
  ...(values.horizon ? { horizonDays: num(values.horizon)! } : {}),
  ...(values.lead ? { leadDays: num(values.lead)! } : {}),
  ...(values.seconds ? { solverSeconds: num(values.seconds)! } : {}),
});

const embedded = await startEmbeddedStore({ memory: values.memory });
try {
  useStore(embedded.store);
  if (await loadDemoStation(embedded.store)) console.log('loaded the demo station "demo"');
  const queue = new InProcessQueue();
  const dispatch = createDispatchHandler({ send: queue.send });
  const started = performance.now();
  const summary = await dispatch({ ...(values.at ? { scheduledTime: values.at } : {}), ...(values.night ? { night: values.night } : {}) }, localContext('nightly-dispatch'));
  const results: NightResult[] = [];
  const worker = createWorkerHandler({ options, onResult: (r) => results.push(r) });
  const { failures } = await drain(queue, worker, Number(values['batch-size']));
  const seconds = Math.round(performance.now() - started) / 1000;

  console.log(`\nnightly job (${summary.scheduledTime}${values.night ? `, night ${values.night}` : ''}): ${summary.stations} station(s) in ${seconds} s; horizon ${options.horizonDays} days, lead ${options.leadDays} days, solver ${options.solverSeconds} s`);
  for (const r of results) {
    if (r.status === 'done')
      console.log(
        `  ${r.stationId} night ${r.night}: planned ${r.horizon.start}..${r.horizon.end} (${r.pinned} published assignments pinned), ` +
          `${r.published ? `published ${r.published.from}..${r.published.to} as ${r.published.planId}` : 'nothing new to publish'}, ` +
          `${r.shortfalls.horizon} shortfalls (${r.shortfalls.lead} in the lead window), ${r.seconds} s`,
      );
    else console.log(`  ${r.stationId}: skipped (${r.reason})`);
  }
  if (failures > 0) console.log(`  ${failures} failed attempt(s); ${queue.dead.length} station(s) in the dead-letter list`);
  if (queue.dead.length > 0) process.exitCode = 1;
} finally {
  await embedded.close();
}
