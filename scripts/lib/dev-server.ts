/**
 * `docusaurus start` on a site folder, for the tests and the benchmark of the
 * editor's live loop: start it on a free port, wait for the first
 * compilation, and measure how long a saved change takes to reach a page.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {createServer} from 'node:net';
import path from 'node:path';
import type {Page} from 'playwright-core';

export interface DevServer {
  origin: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startDevServer(siteDir: string, timeoutMs = 240_000): Promise<DevServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(siteDir, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs'), 'start', '--host', '127.0.0.1', '--port', String(port), '--no-open'],
    // Its own process group, so stopping it also stops the bundler's workers. A test runner's
    // NODE_ENV=test would select a browserslist environment the site does not define.
    {cwd: siteDir, env: {...process.env, NODE_ENV: 'development', NO_COLOR: '1', FORCE_COLOR: '0', BROWSER: 'none'}, detached: true, stdio: ['ignore', 'pipe', 'pipe']},
  );
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  const started = Date.now();
  while (!/compiled successfully/.test(log)) {
    if (child.exitCode !== null) throw new Error(`docusaurus start exited early:\n${log}`);
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`docusaurus start did not finish its first compilation in ${timeoutMs / 1000} s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {origin: `http://127.0.0.1:${port}`, output: () => log, stop};
}

/**
 * Waits until `condition` holds on the page at `url`, and returns the
 * milliseconds since `since` (the moment the change was saved). The dev
 * server updates an open page by hot reloading; a page it cannot patch in
 * place is reloaded every two seconds, as a reader would.
 */
export async function waitForPage(
  page: Page,
  url: string,
  condition: (page: Page) => Promise<boolean>,
  since: number,
  timeoutMs = 60_000,
): Promise<number> {
  // Every navigation is bounded, so a page that never loads fails here with a message, not a runner timeout.
  if (page.url() !== url) await page.goto(url, {waitUntil: 'load', timeout: 10_000}).catch(() => undefined);
  let lastReload = Date.now();
  while (Date.now() - since < timeoutMs) {
    // Bounded too: a locator on a page that never shows its article would wait out the runner's own timeout,
    // and the failure would come without the page's and the server's last words.
    if (await Promise.race([condition(page).catch(() => false), page.waitForTimeout(5_000).then(() => false)])) return Date.now() - since;
    await page.waitForTimeout(100);
    if (Date.now() - lastReload > 2_000) {
      await page.reload({waitUntil: 'load', timeout: 10_000}).catch(() => undefined);
      lastReload = Date.now();
    }
  }
  throw new Error(`${url} did not show the change within ${timeoutMs / 1000} s`);
}
