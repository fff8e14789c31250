/**
 * Per test file: a connection to the shared Chromium, contexts to open pages
 * in, and a readable assertion for lists of problems.
 */
import {afterAll, beforeAll, inject} from 'vitest';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {connectChromium} from '@site/scripts/lib/chromium';
import {newContext, type ContextOptions} from './browser';

export const baseURL = inject('baseURL');

type Options = Omit<ContextOptions, 'baseURL'>;

/** Connects to the shared browser for the current test file. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await connectChromium(inject('browserWSEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not connected yet (call sharedBrowser() at the top of a test file)');
    return browser;
  };
}

/** Runs `run` in a fresh context of its own (for tests that change state: clicks, storage). */
export async function withContext<T>(browser: Browser, options: Options, run: (context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await newContext(browser, {baseURL, ...options});
  try {
    return await run(context);
  } finally {
    await context.close();
  }
}

/**
 * For read-only checks: one context per set of options, shared by the
 * file's tests (each still gets its own page), closed after the file.
 */
export function sharedContexts(browser: () => Browser): <T>(options: Options, run: (page: Page) => Promise<T>) => Promise<T> {
  const contexts = new Map<string, Promise<BrowserContext>>();
  afterAll(async () => {
    await Promise.all([...contexts.values()].map(async (context) => (await context).close()));
  });
  return async (options, run) => {
    const key = JSON.stringify(options);
    let context = contexts.get(key);
    if (!context) {
      context = newContext(browser(), {baseURL, ...options});
      contexts.set(key, context);
    }
    const page = await (await context).newPage();
    try {
      return await run(page);
    } finally {
      await page.close();
    }
  };
}

/** Fails with every problem on its own line, so the summary says what is wrong. */
export function expectNone(problems: readonly string[], what: string): void {
  if (problems.length > 0) {
    throw new Error(`${what} (${problems.length}):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}
