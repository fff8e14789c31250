/**
 * `npm run bench:main-thread -- --sites DIR [--runs 7] [--pages /,/functional-areas/engineering] [--same-content]`
 *
 * The main thread's work on a first visit, ours against plain, measured
 * directly in Chromium rather than through Lighthouse's model: each run opens
 * a page in a fresh context with the CPU slowed 4x (as Lighthouse's mobile
 * preset does), waits until the page has loaded and settled, and reads
 * Chromium's own counters (CDP `Performance.getMetrics`): all main-thread
 * tasks, script, style and layout. Runs are interleaved ours/plain and their
 * order alternates, so both sites share the machine's load. Prints medians
 * and ratios ours/plain (median/median and paired).
 *
 * DIR is a folder with `ours/build` and `plain/build`, as `bench:lighthouse`
 * and `bench:scale --keep` leave them.
 *
 * `--same-content` adds a third site, `DIR/same-content` (built on first
 * use): plain Docusaurus whose pages carry ours' org content as raw HTML in
 * Markdown, with its CSS (lib/same-content.ts). Issue #14 asks that the org
 * views cost no more than the same content written as plain Markdown: the
 * ratio ours / same-content answers that, where ours / plain also counts the
 * content plain's pages do not have.
 */
import {existsSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import type {Browser} from 'playwright-core';
import {launchChromium} from '../lib/chromium';
import {startStaticServer, type StaticServer} from '../lib/static-server';
import {buildSiteCold} from './lib/build-site';
import {sameContentExtras} from './lib/same-content';
import {createPlainSite, readSiteFeatures} from './lib/sites';
import {median} from './lib/stats';

type Site = 'ours' | 'plain' | 'same-content';
const METRICS = {TaskDuration: 'all tasks', ScriptDuration: 'script', RecalcStyleDuration: 'style', LayoutDuration: 'layout'} as const;
type Metric = keyof typeof METRICS;
const CPU_SLOWDOWN = 4;
/** After `load`: hydration, idle prefetching and the first effects are done well within this. */
const SETTLE_MS = 3000;

const {values} = parseArgs({
  options: {
    sites: {type: 'string'},
    runs: {type: 'string', default: '7'},
    pages: {type: 'string', default: '/,/functional-areas/engineering'},
    'same-content': {type: 'boolean', default: false},
  },
});
if (!values.sites) throw new Error('--sites DIR is required (a folder with ours/build and plain/build, left by bench:lighthouse or bench:scale --keep)');
const sitesDir = path.resolve(values.sites);
for (const site of ['ours', 'plain'] as const) {
  if (!existsSync(path.join(sitesDir, site, 'build', 'index.html'))) throw new Error(`${path.join(sitesDir, site, 'build')} is not a built site`);
}
const SITES: Site[] = values['same-content'] ? ['ours', 'plain', 'same-content'] : ['ours', 'plain'];
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not ${values.runs}`);
const pages = values.pages.split(',').map((page) => page.trim());

async function measure(browser: Browser, origin: string, page: string): Promise<Record<Metric, number>> {
  const context = await browser.newContext({viewport: {width: 412, height: 823}, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true});
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: CPU_SLOWDOWN});
    await cdp.send('Performance.enable');
    await tab.goto(origin + page, {waitUntil: 'load'});
    await tab.waitForTimeout(SETTLE_MS);
    const {metrics} = await cdp.send('Performance.getMetrics');
    const read = (name: Metric) => (metrics.find((metric) => metric.name === name)?.value ?? Number.NaN) * 1000;
    return {TaskDuration: read('TaskDuration'), ScriptDuration: read('ScriptDuration'), RecalcStyleDuration: read('RecalcStyleDuration'), LayoutDuration: read('LayoutDuration')};
  } finally {
    await context.close();
  }
}

/** The machine's load: timings taken on a busy machine swing widely, so every report says what it was. */
const loadNote = (when: string) => {
  const [oneMinute] = os.loadavg();
  const cores = os.availableParallelism();
  return `load average ${when}: ${oneMinute!.toFixed(1)} on ${cores} cores${oneMinute! > cores ? ' (busy: other work shares the CPU; rerun on a quieter machine before trusting small differences)' : ''}`;
};
const loadAtStart = loadNote('at the start');
console.log(loadAtStart);
const browser = await launchChromium();
const sameContentDir = path.join(sitesDir, 'same-content');
if (values['same-content'] && !existsSync(path.join(sameContentDir, 'build', 'index.html'))) {
  console.log(`building the same-content site in ${sameContentDir}…`);
  rmSync(sameContentDir, {recursive: true, force: true});
  const extras = await sameContentExtras(browser, path.join(sitesDir, 'ours'));
  for (const source of extras.skipped) console.log(`note: ${source} keeps plain's version (its directives and views do not match one to one)`);
  await createPlainSite(sameContentDir, path.join(sitesDir, 'ours', 'docs'), await readSiteFeatures(), extras);
  const built = await buildSiteCold(sameContentDir, path.join(sitesDir, 'same-content-build.log'));
  console.log(`same-content: ${extras.pages.size} pages with ours' content, ${(extras.customCss.length / 1000).toFixed(1)} KB of CSS; built in ${(built.wallMs / 1000).toFixed(1)} s`);
}
const servers = {} as Record<Site, StaticServer>;
for (const site of SITES) servers[site] = await startStaticServer(path.join(sitesDir, site, 'build'), {compress: true, cacheAssets: true});
const results = new Map<string, Partial<Record<Site, Record<Metric, number>[]>>>();
try {
  for (let round = 0; round < runs; round += 1) {
    for (const page of pages) {
      const order = round % 2 ? [...SITES].reverse() : [...SITES];
      const entry = results.get(page) ?? {};
      for (const site of order) {
        const result = await measure(browser, servers[site].origin, page);
        (entry[site] ??= []).push(result);
        console.log(`run ${round + 1} ${site} ${page}: all tasks ${result.TaskDuration.toFixed(0)} ms, script ${result.ScriptDuration.toFixed(0)} ms`);
      }
      results.set(page, entry);
    }
  }
} finally {
  await browser.close();
  for (const site of SITES) await servers[site].close();
}

console.log(`\n${loadAtStart}; ${loadNote('at the end')}`);
for (const baseline of SITES.filter((site) => site !== 'ours')) {
  console.log(`\nmain thread on a first visit, CPU ${CPU_SLOWDOWN}x slower, ${runs} interleaved run(s); median ours / median ${baseline} (paired: median of per-round ratios)`);
  for (const [page, entry] of results) {
    console.log(`\n${page}`);
    for (const metric of Object.keys(METRICS) as Metric[]) {
      const ours = entry.ours!.map((run) => run[metric]);
      const other = entry[baseline]!.map((run) => run[metric]);
      const paired = median(ours.map((value, index) => value / other[index]!));
      console.log(
        `  ${METRICS[metric].padEnd(10)} ${median(ours).toFixed(0).padStart(6)} ms / ${median(other).toFixed(0).padStart(6)} ms = ${(median(ours) / median(other)).toFixed(2)}x (paired ${paired.toFixed(2)}x)`,
      );
    }
  }
}
