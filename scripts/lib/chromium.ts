/**
 * The one way the browser tests, the screenshots script and the benchmarks
 * start Chromium: Debian's build, through playwright-core, with fixed flags.
 * No tool ever downloads a browser: the executable is the system one, and a
 * missing one is an error that says how to install it. Lighthouse starts the
 * same executable through chrome-launcher, with `CHROME_LAUNCHER_FLAGS`.
 */
import {existsSync} from 'node:fs';
import {chromium, type Browser, type BrowserServer} from 'playwright-core';

/** Debian's Chromium; `CHROMIUM_PATH` in the environment points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for every Chromium we start: no sandbox (containers and CI often
 * run as root, where Chromium refuses to start with it), no GPU, and none of the background traffic (component updates,
 * sync, first-run pages) that would reach the internet or skew timings.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Containers give /dev/shm 64 MB by default; Chromium's shared memory then runs out and tabs crash. Use /tmp instead.
  '--disable-dev-shm-usage',
];

/**
 * `CHROMIUM_FLAGS` plus what a Chromium started by chrome-launcher (for
 * Lighthouse) needs on top, which Playwright otherwise takes care of:
 * - `--headless=new`: chrome-launcher opens a window unless told not to
 *   (Playwright adds headless mode itself).
 * - `--host-resolver-rules`: no host name resolves, so nothing reaches the
 *   internet; the site is served on the IP address 127.0.0.1, which still
 *   works (Playwright callers block other hosts with routes instead).
 */
export const CHROME_LAUNCHER_FLAGS: readonly string[] = [
  ...CHROMIUM_FLAGS,
  '--headless=new',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: install Debian's Chromium (apt-get install -y chromium fonts-dejavu-core), or run .ci/run.`);
  }
}

export async function launchChromium(): Promise<Browser> {
  assertChromium();
  return chromium.launch({executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS]});
}

/** One browser for a whole test run; test files connect to it over its WebSocket endpoint. */
export async function launchChromiumServer(): Promise<BrowserServer> {
  assertChromium();
  return chromium.launchServer({executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS]});
}

export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}

const LOCAL_HOST = '127.0.0.1';
const INTERNAL_PROTOCOLS = new Set(['data:', 'blob:', 'about:', 'chrome:', 'chrome-extension:', 'devtools:']);

/**
 * True for URLs that stay on this machine: the static server (which listens
 * on 127.0.0.1 only) and the browser's own `data:`, `blob:`, `about:`… URLs.
 * Anything else, `localhost` included, counts as another host. A string that
 * is no URL at all is not local.
 */
export function isLocal(url: URL | string): boolean {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  return INTERNAL_PROTOCOLS.has(parsed.protocol) || parsed.hostname === LOCAL_HOST;
}
