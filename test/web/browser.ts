// Helpers for the browser tests: build the page when web/dist is missing or older than its sources, start Debian's
// chromium (/usr/bin/chromium) through playwright-core with a fresh profile, and collect console and page errors.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB = join(ROOT, 'web');
export const DIST = join(WEB, 'dist');
export const RESULTS = join(ROOT, 'test-results', 'web');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'dist' || entry.startsWith('.dist-') || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Builds web/ into web/dist unless the build is newer than every source (web/ and the rule catalogue). */
export async function ensureWebBuilt(): Promise<void> {
  const index = join(DIST, 'index.html');
  const sources = Math.max(newestMtime(WEB), newestMtime(join(ROOT, 'shared', 'rules', 'catalogue.ts')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  // Built beside web/dist and swapped in, so that a server reading web/dist meanwhile never sees half a build.
  const { build } = await import('vite');
  const staging = join(WEB, `.dist-${process.pid}`);
  try {
    await build({ root: WEB, configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
    await rm(DIST, { recursive: true, force: true });
    await rename(staging, DIST);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

export type Browser = { context: BrowserContext; close(): Promise<void> };

/** A fresh chromium profile; every page of the context is watched by `watch`. */
export async function launch(options: { locale?: string; viewport?: { width: number; height: number }; isMobile?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium is not at ${CHROMIUM}: apt-get install -y chromium (see .ci/run)`);
  const userDataDir = await mkdtemp(join(tmpdir(), 'roster-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: options.locale ?? 'en-GB',
    viewport: options.viewport ?? { width: 1440, height: 960 },
    ...(options.isMobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    acceptDownloads: true,
    timezoneId: 'Asia/Shanghai',
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export type Problems = { errors: string[]; expected: RegExp[] };

/**
 * Records console errors and uncaught page errors. A test that provokes an API error on purpose (403, 422, ...) adds
 * the browser's "Failed to load resource ... status of 4xx" line it expects to `expected`.
 */
export function watch(page: Page): Problems {
  const problems: Problems = { errors: [], expected: [] };
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = `${m.text()} @ ${m.location().url}`;
    if (!problems.expected.some((re) => re.test(text))) problems.errors.push(`console: ${text}`);
  });
  page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Downloads of blob: URLs are reported as aborted: not an error.
    if (!r.url().startsWith('blob:')) problems.errors.push(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  return problems;
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Visible text outside code, and the English in it: two Latin words in a row, or a lower-case word of 4+ letters (file extensions aside). */
export async function englishOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CODE = 'code, .rule-chip, .chip, .pid, .error-code, .setting-key, .quick, [data-code-text]';
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      // A file's extension (下载 .xlsx) is a name, not English.
      const text = (node.textContent ?? '').replace(/\.(xlsx|csv|ics)\b/g, '');
      if (!el || !text.trim() || el.closest(CODE) || el.closest('script, style, noscript')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      if (/[A-Za-z]{2,}[\s,.'’()-]+[A-Za-z]{2,}/.test(text) || /\b[a-z][a-z]{3,}\b/.test(text)) found.push(text.trim());
    }
    return found;
  });
}
