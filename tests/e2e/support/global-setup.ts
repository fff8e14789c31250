/**
 * Once per e2e run: checks that the site is built, serves build/ on
 * 127.0.0.1 and starts one Chromium that every test file connects to.
 */
import type {TestProject} from 'vitest/node';
import {launchChromiumServer} from '@site/scripts/lib/chromium';
import {startStaticServer} from '@site/scripts/lib/static-server';
import {assertBuilt, buildDir} from './site';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the static server, such as `http://127.0.0.1:43210`. */
    baseURL: string;
    /** WebSocket endpoint of the shared Chromium. */
    browserWSEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertBuilt();
  const server = await startStaticServer(buildDir);
  let browser;
  try {
    browser = await launchChromiumServer();
  } catch (error) {
    await server.close();
    throw error;
  }
  project.provide('baseURL', server.origin);
  project.provide('browserWSEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
  };
}
