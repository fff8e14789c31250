/**
 * `npm run screenshots`: PNGs of what a reader sees, at desktop and phone
 * widths (1280 and 360 px), in light and dark mode, into screenshots/
 * (gitignored).
 *
 *   npm run screenshots                          pages of the built handbook (run `npm run build` first)
 *   npm run screenshots -- --units 15,60,300,1000  generated organizations of those sizes
 *
 * With `--units`, each organization comes from scripts/bench/generate-org.ts,
 * is set up as a copy of this site in a temporary folder (as the scale
 * benchmark does), built (one build at a time) and served. For each it shoots
 * the landing page and the page of the unit with the most direct reports, as
 * whole pages and, to look at the chart closely, the chart alone
 * (`…-chart.png`), into screenshots/org-N/. It also prints, per picture, the
 * layout the page showed, its size and where the chart's top box is, and
 * fails if the page itself scrolls sideways.
 */
import {execFileSync} from 'node:child_process';
import {mkdir, mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import type {Browser, Page} from 'playwright-core';
import {newContext, openPage, watchPage, type ColorMode} from '../tests/e2e/support/browser';
import {parsePage} from '../src/org/load';
import {generatedVocabulary, generateOrganization, writeFiles} from './bench/generate-org';
import {createOurSite} from './bench/lib/sites';
import {launchChromium} from './lib/chromium';
import {startStaticServer} from './lib/static-server';

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(siteDir, 'screenshots');

const HANDBOOK_PAGES = ['/', '/functional-areas/engineering', '/teams/product-and-engineering', '/history/changes'];
const WIDTHS = [1280, 360];
const MODES: ColorMode[] = ['light', 'dark'];

function fileName(pagePath: string, width: number, mode: ColorMode, suffix = ''): string {
  const name = pagePath === '/' ? 'landing' : pagePath.replace(/^\/+/, '').replace(/[^a-z0-9]+/gi, '-');
  return `${name}-${width}-${mode}${suffix}.png`;
}

/** What the first chart on the page shows: which layout, its size, and its top box relative to the window. */
async function describeChart(page: Page): Promise<string> {
  return page.evaluate(() => {
    const figure = document.querySelector('main figure');
    if (!figure) return 'no chart';
    const svg = Array.from(figure.querySelectorAll('svg[role="group"]')).find((candidate) => candidate.getBoundingClientRect().width > 0);
    if (!svg) return 'no visible chart';
    const layout = svg.parentElement?.className.includes('narrow') ? 'narrow' : 'wide';
    const box = svg.querySelector('a rect')?.getBoundingClientRect();
    const frame = svg.parentElement!.getBoundingClientRect();
    const top = box ? `first box at x ${Math.round(box.left)}–${Math.round(box.right)} of a ${window.innerWidth} px window` : '';
    return `${layout} ${svg.getAttribute('width')}×${svg.getAttribute('height')} in a ${Math.round(frame.width)} px frame, ${top}`;
  });
}

async function shoot(browser: Browser, origin: string, pages: readonly string[], into: string, withChart: boolean): Promise<string[]> {
  const problems: string[] = [];
  await mkdir(into, {recursive: true});
  for (const mode of MODES) {
    for (const width of WIDTHS) {
      const context = await newContext(browser, {baseURL: origin, width, height: width < 600 ? 740 : 900, mode});
      try {
        for (const pagePath of pages) {
          const page = await context.newPage();
          const watch = watchPage(page);
          await openPage(page, pagePath);
          const where = `${pagePath} ${width} px ${mode}`;
          const theme = await page.locator('html').getAttribute('data-theme');
          if (theme !== mode) problems.push(`${where}: expected ${mode} mode, page shows ${theme ?? 'none'}`);
          const [scrollWidth, clientWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
          if (scrollWidth > clientWidth) problems.push(`${where}: the page scrolls sideways (${scrollWidth} px of content in ${clientWidth} px)`);
          const file = path.join(into, fileName(pagePath, width, mode));
          await page.screenshot({path: file, fullPage: true});
          console.log(`wrote ${path.relative(siteDir, file)}${withChart ? `: ${await describeChart(page)}` : ''}`);
          if (withChart && (await page.locator('main figure').count()) > 0) {
            // The sticky navbar would cover the top of a chart taller than the window.
            await page.addStyleTag({content: '.navbar { position: static !important; }'});
            await page.locator('main figure').first().screenshot({path: path.join(into, fileName(pagePath, width, mode, '-chart'))});
          }
          problems.push(...watch.problems().map((problem) => `${where}: ${problem}`));
          await page.close();
        }
      } finally {
        await context.close();
      }
    }
  }
  return problems;
}

/** The handbook's own pages, from build/. */
async function shootHandbook(browser: Browser): Promise<string[]> {
  const server = await startStaticServer(path.join(siteDir, 'build'));
  try {
    return await shoot(browser, server.origin, HANDBOOK_PAGES, outDir, false);
  } finally {
    await server.close();
  }
}

/** A generated organization of `units` units: set up, built and shot; the temporary site is removed afterwards. */
async function shootGenerated(browser: Browser, units: number): Promise<string[]> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), `org-shots-${units}-`));
  try {
    const files = generateOrganization({units});
    await writeFiles(path.join(tmp, 'generated'), files);
    const site = path.join(tmp, 'site');
    await createOurSite(site, path.join(tmp, 'generated', 'docs'));
    // The unit with the most direct reports: its page shows the biggest neighbourhood.
    const reports = new Map<string, number>();
    const pathOf = new Map<string, string>();
    for (const file of files) {
      const unit = file.path.endsWith('.md') ? parsePage(file.path, file.content, generatedVocabulary()).unit : undefined;
      if (!unit) continue;
      pathOf.set(unit.org.id, `/${file.path.replace(/^docs\//, '').replace(/\.md$/, '').replace(/(^|\/)index$/, '')}`);
      if (unit.org.reportsTo) reports.set(unit.org.reportsTo, (reports.get(unit.org.reportsTo) ?? 0) + 1);
    }
    const busiest = [...reports].sort((a, b) => b[1] - a[1])[0]![0];
    console.log(`\n${units} units: building (the busiest unit is ${busiest}, ${reports.get(busiest)} direct reports)`);
    const docusaurus = path.join(site, 'node_modules/@docusaurus/core/bin/docusaurus.mjs');
    execFileSync(process.execPath, [docusaurus, 'build'], {cwd: site, stdio: ['ignore', 'ignore', 'inherit'], env: {...process.env, FORCE_COLOR: '0'}});
    const server = await startStaticServer(path.join(site, 'build'));
    try {
      return await shoot(browser, server.origin, ['/', pathOf.get(busiest)!], path.join(outDir, `org-${units}`), true);
    } finally {
      await server.close();
    }
  } finally {
    await rm(tmp, {recursive: true, force: true});
  }
}

async function main(): Promise<void> {
  const {values} = parseArgs({options: {units: {type: 'string'}}});
  const sizes = values.units?.split(',').map(Number) ?? [];
  if (sizes.some((size) => !Number.isInteger(size) || size < 8)) {
    console.error('usage: npm run screenshots [-- --units 15,60,300,1000] (each at least 8)');
    process.exit(2);
  }
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    await mkdir(outDir, {recursive: true});
    if (sizes.length === 0) problems.push(...(await shootHandbook(browser)));
    for (const size of sizes) problems.push(...(await shootGenerated(browser, size)).map((problem) => `${size} units, ${problem}`));
  } finally {
    await browser.close();
  }
  if (problems.length > 0) {
    console.error(`\nProblems seen while taking screenshots:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
