/**
 * What a first visit downloads, measured in Chromium: the JavaScript of a page
 * (including chunks fetched at run time, such as route chunks Docusaurus
 * prefetches for links in view) and what a first Pagefind search fetches.
 *
 * Each measurement uses a fresh browser context (empty cache) and blocks every
 * request that does not go to the local server; blocked URLs are reported.
 * Sizes are of the bodies as served by scripts/lib/static-server.ts without
 * compression; JavaScript is also gzipped here with zlib's default level (6),
 * the usual setting of web servers, so that numbers do not depend on the server.
 */
import {gzipSync} from 'node:zlib';
import type {Browser, BrowserContext, Page, Response} from 'playwright-core';
import {isLocal} from '@site/scripts/lib/chromium';

export interface LoadedFile {
  path: string;
  rawBytes: number;
  gzipBytes: number;
  /** Named by the page's HTML (`<script src>` or a script preload), rather than fetched at run time. */
  inHtml: boolean;
  /** Chromium's resource type: `script` when run by the page, `other` for `<link rel="prefetch">`. */
  resourceType: string;
}

export interface PageJs {
  url: string;
  jsFiles: number;
  jsRawBytes: number;
  jsGzipBytes: number;
  /** The part named in the HTML itself; the rest was fetched at run time. */
  htmlNamedGzipBytes: number;
  /** The part only prefetched (Docusaurus prefetches the chunks of pages whose links are in view), not run. */
  prefetchedGzipBytes: number;
  files: LoadedFile[];
  blocked: string[];
}

export interface FirstSearch {
  method: 'search box' | 'pagefind API' | 'unavailable';
  query: string;
  /** Bytes of /pagefind/ responses from page load to the results, as served. */
  bytes: number;
  files: number;
  results?: number;
  requests: {path: string; bytes: number}[];
  blocked: string[];
  note?: string;
}

async function newIsolatedContext(browser: Browser, blocked: string[]): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return context;
}

/** Resolves once no request has started or finished for `quietMs` (or after `timeoutMs`). */
async function waitForQuiet(page: Page, quietMs = 1000, timeoutMs = 20_000): Promise<void> {
  let last = Date.now();
  let inFlight = 0;
  const started = () => {
    inFlight += 1;
    last = Date.now();
  };
  const ended = () => {
    inFlight = Math.max(0, inFlight - 1);
    last = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline && (inFlight > 0 || Date.now() - last < quietMs)) {
      await page.waitForTimeout(100);
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}

function scriptsNamedInHtml(html: string, pageUrl: string): Set<string> {
  const named = new Set<string>();
  const patterns = [
    /<script\b[^>]*\bsrc=["']?([^"' >]+)/gi,
    /<link\b(?=[^>]*\brel=["']?(?:preload|modulepreload)\b)(?=[^>]*\bas=["']?script\b)[^>]*\bhref=["']?([^"' >]+)/gi,
  ];
  for (const pattern of patterns) {
    for (const match of html.matchAll(pattern)) named.add(new URL(match[1]!, pageUrl).pathname);
  }
  return named;
}

function isJavaScript(response: Response): boolean {
  return /\.m?js$/.test(new URL(response.url()).pathname);
}

/** Loads `url` in a fresh context and sums the JavaScript it downloads. */
export async function measurePageJs(browser: Browser, url: string): Promise<PageJs> {
  const blocked: string[] = [];
  const context = await newIsolatedContext(browser, blocked);
  try {
    const page = await context.newPage();
    const bodies: Promise<{path: string; body: Buffer; resourceType: string} | undefined>[] = [];
    page.on('response', (response) => {
      if (!isJavaScript(response) || !isLocal(response.url())) return;
      const resourceType = response.request().resourceType();
      bodies.push(
        response.body().then(
          (body) => ({path: new URL(response.url()).pathname, body, resourceType}),
          () => undefined,
        ),
      );
    });
    const navigation = await page.goto(url, {waitUntil: 'networkidle'});
    if (!navigation?.ok()) throw new Error(`${url} answered ${navigation?.status() ?? 'nothing'}`);
    await waitForQuiet(page);
    const named = scriptsNamedInHtml(await navigation.text(), url);
    // A chunk first prefetched and then run is fetched twice (or once from cache): count it once, as run.
    const byPath = new Map<string, LoadedFile>();
    for (const loaded of await Promise.all(bodies)) {
      if (!loaded) continue;
      const known = byPath.get(loaded.path);
      if (known) {
        if (loaded.resourceType === 'script') known.resourceType = 'script';
        continue;
      }
      byPath.set(loaded.path, {
        path: loaded.path,
        rawBytes: loaded.body.length,
        gzipBytes: gzipSync(loaded.body).length,
        inHtml: named.has(loaded.path),
        resourceType: loaded.resourceType,
      });
    }
    const files = [...byPath.values()];
    files.sort((a, b) => b.gzipBytes - a.gzipBytes);
    const sum = (list: LoadedFile[], key: 'rawBytes' | 'gzipBytes') => list.reduce((total, file) => total + file[key], 0);
    return {
      url,
      jsFiles: files.length,
      jsRawBytes: sum(files, 'rawBytes'),
      jsGzipBytes: sum(files, 'gzipBytes'),
      htmlNamedGzipBytes: sum(files.filter((file) => file.inHtml), 'gzipBytes'),
      prefetchedGzipBytes: sum(files.filter((file) => file.resourceType !== 'script'), 'gzipBytes'),
      files,
      blocked,
    };
  } finally {
    await context.close();
  }
}

const SEARCH_INPUTS = [
  'input[type="search"]',
  '[role="search"] input',
  'input[placeholder*="search" i]',
  'input[aria-label*="search" i]',
];
const SEARCH_OPENERS = ['button[aria-label*="search" i]', '[role="button"][aria-label*="search" i]', 'button:has-text("Search")'];

async function firstVisible(page: Page, selectors: readonly string[]) {
  for (const selector of selectors) {
    const locator = page.locator(selector).first();
    if (await locator.isVisible().catch(() => false)) return locator;
  }
  return undefined;
}

/**
 * Loads `pageUrl`, then searches for `query` the way a reader would: in the
 * page's search box when there is one, otherwise through Pagefind's own API
 * (the search itself plus the first five results, as a results list loads).
 */
export async function measureFirstSearch(browser: Browser, pageUrl: string, query: string): Promise<FirstSearch> {
  const blocked: string[] = [];
  const context = await newIsolatedContext(browser, blocked);
  try {
    const page = await context.newPage();
    const pending: Promise<{path: string; bytes: number} | undefined>[] = [];
    page.on('response', (response) => {
      const {pathname} = new URL(response.url());
      if (!pathname.startsWith('/pagefind/')) return;
      pending.push(
        response.body().then(
          (body) => ({path: pathname, bytes: body.length}),
          () => undefined,
        ),
      );
    });
    await page.goto(pageUrl, {waitUntil: 'networkidle'});
    await waitForQuiet(page);

    let method: FirstSearch['method'] = 'search box';
    let results: number | undefined;
    let note: string | undefined;
    let input = await firstVisible(page, SEARCH_INPUTS);
    if (!input) {
      const opener = await firstVisible(page, SEARCH_OPENERS);
      if (opener) {
        await opener.click();
        await page.waitForTimeout(300);
        input = await firstVisible(page, SEARCH_INPUTS);
      }
    }
    if (input) {
      await input.click();
      await input.pressSequentially(query, {delay: 60});
      await waitForQuiet(page, 1500);
    } else {
      method = 'pagefind API';
      const outcome = (await page.evaluate(`(async () => {
        try {
          const pagefind = await import('/pagefind/pagefind.js');
          if (pagefind.init) await pagefind.init();
          const search = await pagefind.search(${JSON.stringify(query)});
          await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
          return {results: search.results.length};
        } catch (error) {
          return {error: String(error)};
        }
      })()`)) as {results?: number; error?: string};
      await waitForQuiet(page);
      results = outcome.results;
      if (outcome.error) {
        method = 'unavailable';
        note = outcome.error;
      }
    }
    const requests = (await Promise.all(pending)).filter((entry): entry is {path: string; bytes: number} => entry !== undefined);
    return {
      method,
      query,
      bytes: requests.reduce((sum, request) => sum + request.bytes, 0),
      files: requests.length,
      ...(results !== undefined ? {results} : {}),
      requests,
      blocked,
      ...(note ? {note} : {}),
    };
  } finally {
    await context.close();
  }
}
