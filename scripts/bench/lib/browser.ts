/**
 * The one way the benchmarks start Chromium: Debian's build, through
 * playwright-core, with background networking off. Lighthouse reuses the
 * same path and flags (it starts Chromium through chrome-launcher).
 */
import {chromium, type Browser} from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS]});
}

/** True for URLs the benchmark's own server answers; everything else is blocked. */
export function isLocalUrl(url: string): boolean {
  try {
    const {protocol, hostname} = new URL(url);
    return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost';
  } catch {
    return false;
  }
}
