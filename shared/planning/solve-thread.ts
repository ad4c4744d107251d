// The solver on a worker thread (node:worker_threads), so that the thread that talks to the store and, locally,
// serves HTTP stays free while a plan is made: the engine is synchronous and would otherwise hold it for the whole
// budget. The same file is both sides: loaded as a worker with `workerData.role === 'plan-solve'` it solves; imported
// normally it offers `solveInThread`. Bundled for Lambda (esbuild, ESM), the worker loads the very bundle the function
// runs from; run from the TypeScript sources (npm start, the tests), the worker first registers tsx's loader.
//
// Cancel: the parent sets a flag in a SharedArrayBuffer; the engine's `shouldStop` reads it between steps, so the
// solve stops within a few milliseconds of the flag without the worker needing its own event loop.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { planRoster, type Progress, type SolveInput, type SolveOutput } from '../solver/index.ts';

type ThreadData = { role: 'plan-solve'; input: SolveInput; stop: SharedArrayBuffer };
type ThreadMessage = { type: 'progress'; progress: Progress } | { type: 'done'; output: SolveOutput } | { type: 'error'; message: string };

/** A solve under way: its latest progress, a way to stop it early (keeping its best plan) and its answer. */
export type SolveHandle = {
  latest(): Progress | null;
  stop(): void;
  /** True once stop() was called before the answer came. */
  stopped(): boolean;
  result: Promise<SolveOutput>;
};

export type SolveRunner = (input: SolveInput) => SolveHandle;

const isSolveThread = (data: unknown): data is ThreadData => typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'plan-solve';

if (!isMainThread && isSolveThread(workerData) && parentPort) {
  const port = parentPort;
  const flag = new Int32Array(workerData.stop);
  try {
    const output = planRoster(workerData.input, {
      onProgress: (progress) => port.postMessage({ type: 'progress', progress } satisfies ThreadMessage),
      shouldStop: () => Atomics.load(flag, 0) === 1,
    });
    port.postMessage({ type: 'done', output } satisfies ThreadMessage);
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } satisfies ThreadMessage);
  }
}

/** Starts this file as a worker: the bundle itself in Lambda; through tsx's loader when running from the sources. */
function startWorker(data: ThreadData): Worker {
  const self = new URL(import.meta.url);
  if (!self.pathname.endsWith('.ts')) return new Worker(self, { workerData: data });
  // Node 20 does not pass the parent's module loaders to a worker: the worker registers tsx itself, then loads this file.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(self.href)}, ${JSON.stringify(self.href)}));`;
  return new Worker(boot, { eval: true, workerData: data });
}

/** Solves on a worker thread. */
export const solveInThread: SolveRunner = (input) => {
  const stopBuffer = new SharedArrayBuffer(4);
  const flag = new Int32Array(stopBuffer);
  let latest: Progress | null = null;
  let stopped = false;
  const worker = startWorker({ role: 'plan-solve', input, stop: stopBuffer });
  const result = new Promise<SolveOutput>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'progress') latest = message.progress;
      else if (message.type === 'done') {
        settled = true;
        resolve(message.output);
      } else {
        settled = true;
        reject(new Error(`the solver failed: ${message.message}`));
      }
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the solver thread ended (exit code ${code}) without a plan`));
    });
  });
  return {
    latest: () => latest,
    stop: () => {
      stopped = true;
      Atomics.store(flag, 0, 1);
    },
    stopped: () => stopped,
    result,
  };
};
