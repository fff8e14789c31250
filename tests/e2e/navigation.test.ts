/**
 * Finding one's way: the sidebar reaches every unit, search finds pages by
 * their words, and the colour mode toggles and is remembered.
 */
import {describe, it} from 'vitest';
import type {Page} from 'playwright-core';
import {openPage, watchPage} from './support/browser';
import {expectNone, sharedBrowser, withContext} from './support/fixtures';
import {loadExpectedUnits, normalizePath, unitById} from './support/site';

const browser = sharedBrowser();
const units = await loadExpectedUnits();

/** Opens every collapsed category of the sidebar, however deep, and returns the paths it links to. */
async function expandSidebar(page: Page): Promise<string[]> {
  const sidebar = page.locator('.theme-doc-sidebar-container nav, nav.theme-doc-sidebar-menu').first();
  await sidebar.waitFor({state: 'visible'});
  for (let round = 0; round < 100; round++) {
    const collapsed = sidebar.locator('[aria-expanded="false"]');
    if ((await collapsed.count()) === 0) break;
    await collapsed.first().click();
    // Categories that are also links navigate to their index page; wait for that to settle.
    await page.waitForLoadState('networkidle');
  }
  const hrefs = await sidebar.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((href) => href.startsWith('/')).map((href) => normalizePath(href)))];
}

describe('sidebar', () => {
  it('links to every unit page (every page under docs/ with an org: block)', async ({expect}) => {
    expect(units.length, 'units under docs/').toBeGreaterThan(0);
    const withoutPage = units.filter((unit) => !unit.path).map((unit) => unit.source);
    expectNone(withoutPage, 'unit sources with no built page (no page whose "Edit this page" link points at them)');
    await withContext(browser(), {width: 1280}, async (context) => {
      const page = await context.newPage();
      await openPage(page, '/');
      const linked = await expandSidebar(page);
      const missing = units.filter((unit) => !linked.includes(unit.path!)).map((unit) => `${unit.id} (${unit.path})`);
      expectNone(missing, `units not linked from the sidebar (sidebar links: ${linked.join(', ')})`);
    });
  });
});

/** The navbar's search input: a search box (input type=search or role=searchbox). */
async function findSearchBox(page: Page) {
  const inNavbar = page.locator('nav.navbar').getByRole('searchbox');
  if (await inNavbar.first().isVisible().catch(() => false)) return inNavbar.first();
  // A search button that opens the box elsewhere (a modal) is fine too.
  const button = page.locator('nav.navbar').getByRole('button', {name: /search/i});
  if ((await button.count()) > 0) await button.first().click();
  const anywhere = page.getByRole('searchbox').first();
  await anywhere.waitFor({state: 'visible', timeout: 10_000});
  return anywhere;
}

describe.concurrent('search', () => {
  const cases = [
    {query: 'sustainability', unitId: 'partnerships', heading: 'Partnerships'},
    {query: 'tie-breaking', unitId: 'executive-director', heading: 'Executive Director'},
  ];
  for (const {query, unitId, heading} of cases) {
    it(`"${query}" in the navbar search finds ${heading}`, async ({expect}) => {
      const target = unitById(units, unitId).path;
      await withContext(browser(), {width: 1280}, async (context) => {
        const page = await context.newPage();
        const watch = watchPage(page);
        // Start elsewhere, so that following the result is a real navigation.
        await openPage(page, '/history');
        // Links already on the page (sidebar, body) are not search results.
        await page.evaluate(() => document.querySelectorAll('a').forEach((link) => link.setAttribute('data-e2e-before', '')));
        const box = await findSearchBox(page);
        await box.click();
        await box.fill(query);
        const results = page.locator('a[href]:not([data-e2e-before])');
        const shown = () =>
          results.evaluateAll((links) =>
            links.map((link) => ({
              href: link.getAttribute('href') ?? '',
              text: (link.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60),
              visible: link.getClientRects().length > 0,
            })),
          );
        let found = -1;
        let last: Awaited<ReturnType<typeof shown>> = [];
        for (const deadline = Date.now() + 15_000; found < 0 && Date.now() < deadline; ) {
          last = await shown();
          found = last.findIndex((link) => link.visible && normalizePath(link.href) === target);
          if (found < 0) await page.waitForTimeout(200);
        }
        expect(
          found,
          `a search result linking to ${target}; results shown: ${JSON.stringify(last.map((link) => `${link.text} → ${link.href}`))}`,
        ).toBeGreaterThanOrEqual(0);
        // Following the result lands on the unit's page.
        await results.nth(found).click();
        await page.waitForURL((url) => normalizePath(url.href) === target);
        await expect.poll(() => page.locator('article h1').first().textContent()).toBe(heading);
        expectNone(watch.problems(), 'problems while searching');
      });
    });
  }
});

describe('colour mode', () => {
  it('the navbar toggle switches to dark mode, and dark mode persists after a reload', async ({expect}) => {
    await withContext(browser(), {width: 1280, mode: 'light'}, async (context) => {
      const page = await context.newPage();
      const watch = watchPage(page);
      await openPage(page, '/functional-areas');
      const theme = () => page.locator('html').getAttribute('data-theme');
      expect(await theme()).toBe('light');
      const toggle = page.locator('nav.navbar').getByRole('button', {name: /dark and light mode/i});
      // One click, then wait until the toggle says it took effect (its label names the current mode).
      const clickToggle = async () => {
        const before = await toggle.getAttribute('aria-label');
        await toggle.click();
        await expect.poll(() => toggle.getAttribute('aria-label'), {message: 'the toggle\'s label after a click'}).not.toBe(before);
      };
      // The toggle cycles through system, light and dark: at most three clicks reach dark.
      for (let click = 0; click < 3 && (await theme()) !== 'dark'; click++) await clickToggle();
      expect(await theme(), 'html[data-theme] after clicking the toggle').toBe('dark');
      const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const darkBackground = await background();
      await page.reload({waitUntil: 'load'});
      await page.waitForLoadState('networkidle');
      expect(await theme(), 'html[data-theme] after a reload').toBe('dark');
      expect(await background(), 'page background after reload').toBe(darkBackground);
      // And back to light.
      for (let click = 0; click < 3 && (await theme()) !== 'light'; click++) await clickToggle();
      expect(await theme()).toBe('light');
      expect(await background(), 'light background differs from the dark one').not.toBe(darkBackground);
      expectNone(watch.problems(), 'problems on the page');
    });
  });
});
