/**
 * Contexts, pages and the page watcher for the browser tests (and the
 * screenshots script). Chromium itself is started by scripts/lib/chromium.ts.
 */
import type {Browser, BrowserContext, ConsoleMessage, Page, Request} from 'playwright-core';
import {isLocal} from '@site/scripts/lib/chromium';

export type ColorMode = 'light' | 'dark';

export interface ContextOptions {
  /** Origin of the static server; relative URLs in `page.goto` resolve against it. */
  baseURL: string;
  width?: number;
  height?: number;
  mode?: ColorMode;
  javaScriptEnabled?: boolean;
}

/**
 * A fresh browser context. The colour mode is the system preference the page
 * sees (the site respects it); callers check `html[data-theme]` themselves.
 */
export function newContext(browser: Browser, options: ContextOptions): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: options.baseURL,
    viewport: {width: options.width ?? 1280, height: options.height ?? 900},
    colorScheme: options.mode ?? 'light',
    reducedMotion: 'reduce',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    serviceWorkers: 'block',
  });
}

export interface PageWatch {
  /** Console errors and uncaught exceptions, each with where it came from. */
  consoleErrors: string[];
  /** Requests that failed at the network level or got a 4xx/5xx answer. */
  failedRequests: string[];
  /** Requests to any host other than 127.0.0.1. */
  foreignRequests: string[];
  /** URLs of every JavaScript response the page received. */
  scripts: string[];
  /** Everything above, as one list of readable lines (empty when the page is clean). */
  problems(): string[];
}

function describeConsole(message: ConsoleMessage): string {
  const {url, lineNumber} = message.location();
  return `console.error: ${message.text()}${url ? ` (at ${url}:${lineNumber})` : ''}`;
}

/**
 * Records what goes wrong on a page from now on. `expectedStatus` allows one
 * URL to answer with an error status on purpose (the 404 page).
 */
export function watchPage(page: Page, expectedStatus?: {url: string; status: number}): PageWatch {
  const watch: PageWatch = {
    consoleErrors: [],
    failedRequests: [],
    foreignRequests: [],
    scripts: [],
    problems() {
      return [...this.consoleErrors, ...this.failedRequests, ...this.foreignRequests];
    },
  };
  const isExpected = (url: string, status?: number) =>
    expectedStatus !== undefined && url === expectedStatus.url && (status === undefined || status === expectedStatus.status);

  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // Chromium logs "Failed to load resource" for the page's own deliberate 404.
    if (isExpected(message.location().url) && /status of \d+/.test(message.text())) return;
    watch.consoleErrors.push(describeConsole(message));
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(`uncaught exception: ${error.stack ?? error.message}`));
  page.on('request', (request) => {
    if (!isLocal(request.url())) watch.foreignRequests.push(`request to another host: ${request.method()} ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    if (!isLocal(request.url())) return; // already reported as a foreign request
    watch.failedRequests.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown error'})`);
  });
  page.on('response', (response) => {
    const status = response.status();
    if (status >= 400 && !isExpected(response.url(), status)) {
      watch.failedRequests.push(`HTTP ${status}: ${response.url()}`);
    }
    const type = response.headers()['content-type'] ?? '';
    if (response.request().resourceType() === 'script' || /javascript/.test(type)) watch.scripts.push(response.url());
  });
  return watch;
}

/**
 * Opens `path` and waits until the page is ready to inspect: loaded, hydrated
 * by React (Docusaurus marks `html[data-has-hydrated]`), no request in flight
 * for `quietMs`, and `waitFor` (such as a diagram drawn after hydration)
 * attached. Faster than Playwright's
 * `networkidle` (a fixed 500 ms of silence), which pages.test.ts still uses
 * where late requests matter.
 */
export async function openPage(
  page: Page,
  path: string,
  {quietMs = 200, timeoutMs = 20_000, waitFor}: {quietMs?: number; timeoutMs?: number; waitFor?: string} = {},
): Promise<void> {
  const inFlight = new Set<Request>();
  let lastActivity = Date.now();
  const started = (request: Request) => {
    inFlight.add(request);
    lastActivity = Date.now();
  };
  const ended = (request: Request) => {
    inFlight.delete(request);
    lastActivity = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    await page.goto(path, {waitUntil: 'load', timeout: timeoutMs});
    if (await isJavaScriptOn(page)) {
      await page.locator('html[data-has-hydrated="true"]').waitFor({state: 'attached', timeout: timeoutMs});
    }
    const deadline = Date.now() + timeoutMs;
    while (inFlight.size > 0 || Date.now() - lastActivity < quietMs) {
      if (Date.now() > deadline) {
        throw new Error(`${path}: requests still pending after ${timeoutMs} ms: ${[...inFlight].map((request) => request.url()).join(', ')}`);
      }
      await page.waitForTimeout(50);
    }
    if (waitFor) await page.locator(waitFor).first().waitFor({state: 'attached', timeout: timeoutMs});
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}

/** Whether the page's scripts run: Docusaurus's inline theme script sets `html[data-theme]` before anything renders. */
function isJavaScriptOn(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.hasAttribute('data-theme'));
}
