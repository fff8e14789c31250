/**
 * `npm run screenshots [-- /path ...]`: full-page PNGs of a few pages of the
 * built site (or of the paths given), at desktop and phone widths, in light
 * and dark mode, into screenshots/ (gitignored), to look at what a reader
 * sees. Run `npm run build` first.
 */
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {newContext, openPage, watchPage, type ColorMode} from '../tests/e2e/support/browser';
import {launchChromium} from './lib/chromium';
import {startStaticServer} from './lib/static-server';

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(siteDir, 'build');
const outDir = path.join(siteDir, 'screenshots');

const DEFAULT_PAGES = ['/', '/functional-areas/engineering', '/teams/product-and-engineering', '/history/changes'];
const PAGES = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_PAGES;
const WIDTHS = [1280, 360];
const MODES: ColorMode[] = ['light', 'dark'];

function fileName(pagePath: string, width: number, mode: ColorMode): string {
  const name = pagePath === '/' ? 'landing' : pagePath.replace(/^\/+/, '').replace(/[^a-z0-9]+/gi, '-');
  return `${name}-${width}-${mode}.png`;
}

async function main(): Promise<void> {
  const server = await startStaticServer(buildDir);
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    await mkdir(outDir, {recursive: true});
    for (const mode of MODES) {
      for (const width of WIDTHS) {
        const context = await newContext(browser, {baseURL: server.origin, width, height: width < 600 ? 740 : 900, mode});
        try {
          for (const pagePath of PAGES) {
            const page = await context.newPage();
            const watch = watchPage(page);
            await openPage(page, pagePath);
            const theme = await page.locator('html').getAttribute('data-theme');
            if (theme !== mode) problems.push(`${pagePath} ${width} px: expected ${mode} mode, page shows ${theme ?? 'none'}`);
            const file = path.join(outDir, fileName(pagePath, width, mode));
            await page.screenshot({path: file, fullPage: true});
            console.log(`wrote ${path.relative(siteDir, file)}`);
            problems.push(...watch.problems().map((problem) => `${pagePath} ${width} px ${mode}: ${problem}`));
            await page.close();
          }
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
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
