/**
 * The editor's live loop: under a running `npm start`, every kind of change
 * to the structure reaches the pages that show it, content errors appear in
 * a banner with their `file:line:col`, and the server recovers when they are
 * fixed. Runs on a copy of the site; prints the seconds from save to updated
 * page (`npm run bench:dev` measures the same at larger sizes).
 */
import {readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {Browser, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {connectChromium} from '@site/scripts/lib/chromium';
import {startDevServer, waitForPage, type DevServer} from '@site/scripts/lib/dev-server';
import {moveUnit} from '@site/packages/org-handbook/src/org/reorganize';
import {readDocsFiles} from '@site/packages/org-handbook/src/plugin/content';
import {copySite, removeSite} from '@site/tests/support/site-copy';
import {handbookVocabulary} from '@site/tests/support/vocabulary';

let siteDir: string;
let server: DevServer;
let browser: Browser;
let page: Page;
const timings: Array<[string, number]> = [];

beforeAll(async () => {
  siteDir = await copySite('org-dev-');
  server = await startDevServer(siteDir);
  browser = await connectChromium(inject('browserWSEndpoint'));
  page = await browser.newPage();
}, 300_000);

afterAll(async () => {
  console.log(`save → updated page under npm start:\n${timings.map(([step, ms]) => `  ${(ms / 1000).toFixed(1)} s  ${step}`).join('\n')}`);
  await page?.close();
  await browser?.close();
  await server?.stop();
  if (siteDir) await removeSite(siteDir);
}, 60_000);

async function edit(source: string, change: (text: string) => string): Promise<number> {
  const file = path.join(siteDir, source);
  const before = await readFile(file, 'utf8');
  const after = change(before);
  expect(after, `edit of ${source} changed nothing`).not.toBe(before);
  await writeFile(file, after);
  return Date.now();
}

const at = (sitePath: string) => `${server.origin}${sitePath}`;
const directReports = (target: Page) => target.locator('#direct-reports').innerText();
const banner = (target: Page) => target.locator('#org-handbook-problems');

async function expectChange(step: string, sitePath: string, since: number, condition: (target: Page) => Promise<boolean>): Promise<void> {
  try {
    timings.push([step, await waitForPage(page, at(sitePath), condition, since)]);
  } catch (error) {
    const shown = await page.locator('main').innerText().catch(() => '(no main)');
    const problems = await banner(page).innerText().catch(() => '(no banner)');
    throw new Error(`${step}: ${(error as Error).message}\nbanner: ${problems}\npage: ${shown.slice(0, 600)}\nserver: ${server.output().slice(-1500)}`);
  }
}

describe('npm start', () => {
  it('shows a reorganization recipe\'s move on the new parent\'s page', {timeout: 90_000}, async () => {
    await page.goto(at('/functional-areas/operations'));
    expect(await directReports(page)).not.toContain('Administration');
    const texts = new Map((await readDocsFiles(siteDir, 'docs')).map((file) => [file.source, file.text]));
    const moved = moveUnit(texts, {vocabulary: handbookVocabulary, id: 'administration', to: 'operations'});
    for (const source of moved.written) await writeFile(path.join(siteDir, source), moved.texts.get(source)!);
    await expectChange('move (recipe)', '/functional-areas/operations', Date.now(), async (target) => (await directReports(target)).includes('Administration'));
  });

  it('shows a hand-edited reportsTo', {timeout: 90_000}, async () => {
    const since = await edit('docs/functional-areas/engineering.md', (text) => text.replace('reportsTo: executive-director', 'reportsTo: operations'));
    await expectChange('reportsTo edit', '/functional-areas/operations', since, async (target) => (await directReports(target)).includes('Engineering'));
  });

  it('shows a retitled unit under its new name on other pages', {timeout: 90_000}, async () => {
    const since = await edit('docs/functional-areas/operations.md', (text) => text.replace(/^title: .*$/m, 'title: Operations and Finance'));
    await expectChange('retitle', '/governance/executive-director', since, async (target) => (await directReports(target)).includes('Operations and Finance'));
  });

  it('gives a new unit its place, and counts it', {timeout: 90_000}, async () => {
    await writeFile(
      path.join(siteDir, 'docs/functional-areas/research.md'),
      '---\ntitle: Research\ndescription: Studies how communities use shared infrastructure.\norg:\n  id: research\n  kind: area\n  reportsTo: executive-director\n---\n\nAn area added while the server runs.\n',
    );
    const since = Date.now();
    await expectChange('new unit: parent page', '/governance/executive-director', since, async (target) => (await directReports(target)).includes('Research'));
    // The new page itself: compiled only once the plugin has written its record, so its Place block is there.
    await expectChange('new unit: its own page', '/functional-areas/research', since, async (target) => /Reports to\s*Executive Director/.test(await target.getByRole('region', {name: 'Place in the organization'}).innerText().catch(() => '')));
    await expectChange('new unit: count in prose', '/functional-areas', since, async (target) => (await target.locator('article').innerText()).includes('2i2c has seven functional areas'));
  });

  it('drops a deleted unit everywhere', {timeout: 90_000}, async () => {
    await rm(path.join(siteDir, 'docs/functional-areas/research.md'));
    const since = Date.now();
    await expectChange('deleted unit', '/governance/executive-director', since, async (target) => !(await directReports(target)).includes('Research'));
    await expectChange('deleted unit: count in prose', '/functional-areas', since, async (target) => (await target.locator('article').innerText()).includes('2i2c has six functional areas'));
  });

  it('lists a unit whose review date is old', {timeout: 90_000}, async () => {
    const since = await edit('docs/functional-areas/community.md', (text) => text.replace(/^org:\n/m, "org:\n  reviewed: '2020-01-15'\n  maintainers: ['@community-lead']\n"));
    await expectChange('old review date', '/guide/review-status', since, async (target) => (await target.locator('article').innerText()).includes('last reviewed 2020-01-15'));
  });

  it('shows an unknown id in a banner with its location, and recovers when it is fixed', {timeout: 120_000}, async () => {
    const since = await edit('docs/functional-areas/product.md', (text) => text.replace('reportsTo: executive-director', 'reportsTo: executive-directr'));
    await expectChange('unknown id: banner', '/functional-areas/product', since, async (target) =>
      /docs\/functional-areas\/product\.md:\d+:\d+: unknown unit "executive-directr" \(did you mean "executive-director"\?\)/.test(await banner(target).innerText()),
    );
    expect(server.output()).toMatch(/docs\/functional-areas\/product\.md:\d+:\d+: unknown unit "executive-directr"/);
    const fixed = await edit('docs/functional-areas/product.md', (text) => text.replace('reportsTo: executive-directr', 'reportsTo: executive-director'));
    await expectChange('unknown id: fixed', '/functional-areas/product', fixed, async (target) => (await banner(target).count()) === 0);
  });

  it('shows a value the docs plugin refuses in a banner, and keeps every page reloading', {timeout: 120_000}, async () => {
    const since = await edit('docs/functional-areas/operations.md', (text) => text.replace(/^sidebar_position: .*$/m, 'sidebar_position: first'));
    await expectChange('refused value: banner', '/functional-areas/operations', since, async (target) =>
      /docs\/functional-areas\/operations\.md:\d+:\d+: the docs plugin would refuse this page: "sidebar_position" must be a number/.test(await banner(target).innerText()),
    );
    const fixed = await edit('docs/functional-areas/operations.md', (text) => text.replace('sidebar_position: first', 'sidebar_position: 5'));
    await expectChange('refused value: fixed', '/functional-areas/operations', fixed, async (target) => (await banner(target).count()) === 0 && (await target.locator('#direct-reports').count()) > 0);
  });

  it('shows a YAML error in a banner with its location, and recovers when it is fixed', {timeout: 120_000}, async () => {
    const since = await edit('docs/functional-areas/partnerships.md', (text) => text.replace(/^title: (.*)$/m, 'title: "$1'));
    await expectChange('YAML error: banner', '/functional-areas/partnerships', since, async (target) =>
      /docs\/functional-areas\/partnerships\.md:2:8: YAML syntax error: the quoted text that starts here is never closed/.test(await banner(target).innerText()),
    );
    const fixed = await edit('docs/functional-areas/partnerships.md', (text) => text.replace(/^title: "(.*)$/m, 'title: $1'));
    await expectChange('YAML error: fixed', '/functional-areas/partnerships', fixed, async (target) => (await banner(target).count()) === 0 && (await target.locator('#direct-reports').count()) > 0);
    expect(server.output()).not.toMatch(/\n\s+at .*node_modules/);
  });

  it('updates the views of a tab left open, without reloading it', {timeout: 90_000}, async () => {
    // The other cases reload the page until it shows the change; a reader's open tab is only ever updated by the dev server.
    const tab = await browser.newPage();
    try {
      await tab.goto(at('/functional-areas/community'));
      const reportsTo = () =>
        tab.evaluate(`[...document.querySelectorAll('dt')].find((dt) => dt.textContent === 'Reports to')?.nextElementSibling?.textContent ?? ''`) as Promise<string>;
      await expect.poll(reportsTo, {message: 'the Place block before the edit', timeout: 30_000}).toContain('Executive Director');
      await tab.evaluate(`window.__e2eMarker = 'same document'`);
      const since = await edit('docs/functional-areas/community.md', (text) => text.replace('reportsTo: executive-director', 'reportsTo: steering-council'));
      await expect.poll(reportsTo, {message: 'the open tab\'s Place block after the edit', timeout: 45_000, interval: 250}).toMatch(/^Steering Council/);
      timings.push(['open tab, reportsTo edit (no reload)', Date.now() - since]);
      expect(await tab.evaluate('window.__e2eMarker'), 'the tab after the update (a reload would reset it)').toBe('same document');
    } finally {
      await tab.close();
    }
  });
});
