/**
 * The org views (Place block, charts, directive lists) are handed over as
 * static HTML: React must not hydrate their elements, the markup must stay
 * what the server wrote, and their links must still behave like Link (client
 * navigation, preload on hover) while the landing chart's buttons stay live.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'vitest';
import type {Page} from 'playwright-core';
import {openPage, watchPage} from './support/browser';
import {expectNone, sharedBrowser, withContext} from './support/fixtures';
import {buildDir, loadExpectedUnits, normalizePath, unitById} from './support/site';

const browser = sharedBrowser();
const units = await loadExpectedUnits();

interface ViewState {
  /** Elements inside the view that React owns (has a fiber for). */
  hydrated: number;
  elements: number;
  links: number;
  html: string;
}

/** Each static view on the page; string code, so the bundler adds no helpers the page lacks. */
function readViews(page: Page): Promise<ViewState[]> {
  return page.evaluate(`[...document.querySelectorAll('[data-static-view]')].map((view) => {
    const inside = [...view.querySelectorAll('*')].filter((element) => !element.closest('[data-live-slot]'));
    return {
      hydrated: inside.filter((element) => Object.keys(element).some((key) => key.startsWith('__react'))).length,
      elements: inside.length,
      links: view.querySelectorAll('a[href]').length,
      html: view.innerHTML,
    };
  })`) as Promise<ViewState[]>;
}

/** Where the build publishes the pages' records (the data of their views) for the browser to fetch. */
const RECORD = /^\/assets\/org\/[^/]+\.json$/;
/** The chunk that holds the views' code: the one file with a sentence only that code writes. */
function viewsCodeChunk(): string {
  const dir = path.join(buildDir, 'assets/js');
  const files = readdirSync(dir).filter((file) => file.endsWith('.js') && readFileSync(path.join(dir, file), 'utf8').includes('No unit has been retired yet.'));
  if (files.length !== 1) throw new Error(`expected the views' code in one chunk, found it in ${files.length}: ${files.join(', ')}`);
  return files[0]!;
}

/** The path of every script and record the page downloads (loaded or prefetched). */
function collectDownloads(page: Page): string[] {
  const downloads: string[] = [];
  page.on('response', (response) => {
    const {pathname} = new URL(response.url());
    if (pathname.endsWith('.js') || RECORD.test(pathname)) downloads.push(pathname);
  });
  return downloads;
}

describe.concurrent('static org views', () => {
  for (const path of ['/', unitById(units, 'engineering').path]) {
    it(`${path}: React leaves the views' elements alone and their markup as the server wrote it`, async ({expect}) => {
      await withContext(browser(), {width: 1280}, async (context) => {
        const page = await context.newPage();
        const watch = watchPage(page);
        const served = await (await page.request.get(path)).text();
        await openPage(page, path);
        const views = await readViews(page);
        expect(views.length, 'static views on the page').toBeGreaterThan(0);
        expect(views.reduce((sum, view) => sum + view.links, 0), 'links inside them').toBeGreaterThan(0);
        for (const [index, view] of views.entries()) {
          expect(view.elements, `elements in view ${index}`).toBeGreaterThan(0);
          expect(view.hydrated, `elements React hydrated in view ${index}`).toBe(0);
        }
        // Every link target the server wrote into the page is still there after hydration.
        const hrefs = (html: string) => [...html.matchAll(/href="?([^" >]+)/g)].map((match) => match[1]!);
        const viewHrefs = views.flatMap((view) => hrefs(view.html));
        const missing = viewHrefs.filter((href) => !served.includes(`href=${href}`) && !served.includes(`href="${href}"`));
        expectNone(missing, 'links in the hydrated views that the server did not write');
        expectNone(watch.problems(), 'problems on the page');
      });
    });
  }

  it('a link in a static view preloads on hover and navigates without reloading the page', async ({expect}) => {
    const engineering = unitById(units, 'engineering');
    await withContext(browser(), {width: 1280}, async (context) => {
      const page = await context.newPage();
      const watch = watchPage(page);
      await openPage(page, engineering.path);
      await page.evaluate(`window.__e2eMarker = 'same document'`);
      const link = page.locator('[data-static-view] section a[href^="/"]').first();
      const href = (await link.getAttribute('href'))!;
      // window.docusaurus is frozen, so preloading is seen in its effect: the target's chunks run, and each one
      // that runs registers itself in the bundler's chunk list (prefetching with <link rel=prefetch> runs nothing;
      // the <script> elements themselves are removed once loaded).
      const chunksRun = () =>
        page.evaluate(`(self[Object.keys(self).find((key) => key.startsWith('webpackChunk'))] || []).length`) as Promise<number>;
      const before = await chunksRun();
      await link.hover();
      await expect.poll(chunksRun, {message: 'chunks run after hovering a link in a static view'}).toBeGreaterThan(before);
      await link.click();
      await page.waitForURL((url) => normalizePath(url.href) === normalizePath(href));
      expect(await page.evaluate('window.__e2eMarker'), 'the window after following the link (a reload would reset it)').toBe('same document');
      // The page rendered by the client draws its views in full, with their links.
      await expect.poll(() => page.locator('[data-static-view] a[href]').count(), {message: 'links in the next page\'s views'}).toBeGreaterThan(0);
      expectNone(watch.problems(), 'problems while navigating');
    });
  });

  it('a static view leaves new tabs, downloads, other sites and same-page anchors to the browser', async ({expect}) => {
    await withContext(browser(), {width: 1280}, async (context) => {
      const page = await context.newPage();
      await openPage(page, unitById(units, 'engineering').path);
      // Each link is clicked inside the server-rendered Place block; a listener on the window, reached after the
      // app's own, notes whether the app took the click (and keeps the browser from following any of them).
      const taken = (await page.evaluate(`(() => {
        const view = document.querySelector('[data-static-view="place"]');
        const cases = {
          'new tab': '<a href="/teams" target="_blank">x</a>',
          download: '<a href="/org.mmd" download>x</a>',
          'other site': '<a href="//example.org/teams">x</a>',
          'same-page anchor': '<a href="#direct-reports">x</a>',
          'with a modifier key': '<a href="/teams">x</a>',
        };
        let prevented;
        window.addEventListener('click', (event) => { prevented = event.defaultPrevented; event.preventDefault(); });
        const taken = {};
        for (const [name, html] of Object.entries(cases)) {
          view.insertAdjacentHTML('beforeend', html);
          const link = view.lastElementChild;
          link.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, button: 0, ctrlKey: name === 'with a modifier key'}));
          taken[name] = prevented;
          link.remove();
        }
        return taken;
      })()`)) as Record<string, boolean>;
      expect(Object.keys(taken)).toHaveLength(5);
      expect(Object.entries(taken).filter(([, appTookIt]) => appTookIt).map(([name]) => name), 'links the app routed itself').toEqual([]);
    });
  });

  it('the landing chart\'s buttons are live inside the static chart', async ({expect}) => {
    await withContext(browser(), {width: 1280}, async (context) => {
      const page = await context.newPage();
      await openPage(page, '/');
      const buttons = page.locator('[data-static-view] [data-live-slot] button');
      expect(await buttons.count(), 'buttons under the landing chart').toBe(2);
      for (const button of await buttons.all()) expect(await button.isEnabled(), `${await button.textContent()} enabled`).toBe(true);
      await page.getByRole('button', {name: 'Download SVG'}).click();
      await expect.poll(() => page.locator('[data-live-slot] [role="status"]').textContent()).toContain('downloaded');
    });
  });

  it('coming back to the landing page by client navigation brings back its chart, with live buttons', async ({expect}) => {
    await withContext(browser(), {width: 1280}, async (context) => {
      const page = await context.newPage();
      const watch = watchPage(page);
      await openPage(page, '/');
      await page.evaluate(`window.__e2eMarker = 'same document'`);
      const chart = page.locator('[data-static-view^="OrgChart"]').first();
      const chartLinks = await chart.locator('a[href]').count();
      expect(chartLinks, 'links in the landing chart').toBeGreaterThan(0);
      const link = chart.locator('a[href^="/"]:not([href="/"])').first();
      const href = (await link.getAttribute('href'))!;
      await link.click();
      await page.waitForURL((url) => normalizePath(url.href) === normalizePath(href));
      await expect.poll(() => page.locator('[data-static-page="docs/index.md"]').count(), {message: 'the landing page gone'}).toBe(0);
      await page.goBack();
      await page.waitForURL((url) => normalizePath(url.href) === '/');
      await expect.poll(() => chart.locator('a[href]').count(), {message: 'links in the landing chart after coming back'}).toBe(chartLinks);
      expect(await page.evaluate('window.__e2eMarker'), 'the window after coming back (a reload would reset it)').toBe('same document');
      const buttons = chart.locator('[data-live-slot] button');
      expect(await buttons.count(), 'buttons under the chart after coming back').toBe(2);
      for (const button of await buttons.all()) expect(await button.isEnabled(), `${await button.textContent()} enabled`).toBe(true);
      await page.getByRole('button', {name: 'Download SVG'}).click();
      await expect.poll(() => page.locator('[data-live-slot] [role="status"]').textContent()).toContain('downloaded');
      expectNone(watch.problems(), 'problems while navigating');
    });
  });

  it('a first visit downloads neither the views\' code nor any page\'s record; a page the browser draws itself loads both, and a page it came back to keeps its server markup', async ({expect}) => {
    const engineering = unitById(units, 'engineering');
    const viewsCode = viewsCodeChunk();
    await withContext(browser(), {width: 1280}, async (context) => {
      const page = await context.newPage();
      const watch = watchPage(page);
      const downloads = collectDownloads(page);
      await openPage(page, engineering.path);
      // Docusaurus prefetches the linked pages' chunks at idle: wait for that too.
      await page.waitForLoadState('networkidle');
      expect(downloads.length, 'scripts on the first visit').toBeGreaterThan(3);
      expectNone(downloads.filter((file) => path.basename(file) === viewsCode), 'the views\' code downloaded on a first visit');
      expectNone(downloads.filter((file) => RECORD.test(file)), 'page records downloaded on a first visit');
      const served = await readViews(page);
      expect(served.length, 'views on the first page').toBeGreaterThan(0);

      // Follow a link in the Place block to a page the browser must draw itself.
      downloads.length = 0;
      const link = page.locator('[data-static-view="place"] a[href^="/"]').first();
      const href = (await link.getAttribute('href'))!;
      const firstSource = (await page.locator('[data-static-view="place"]').getAttribute('data-static-page'))!;
      // Note how many links the next page's Place block holds the first time it is in the document: the router must
      // not show the page before its views are there (no block that fills in a moment later).
      await page.evaluate((first) => {
        const seen = window as unknown as {placeLinksAtFirstSight?: number};
        const observer = new MutationObserver(() => {
          const block = document.querySelector(`[data-static-view="place"]:not([data-static-page="${CSS.escape(first)}"])`);
          if (!block) return;
          seen.placeLinksAtFirstSight = block.querySelectorAll('a[href]').length;
          observer.disconnect();
        });
        observer.observe(document.body, {childList: true, subtree: true});
      }, firstSource);
      await link.click();
      await page.waitForURL((url) => normalizePath(url.href) === normalizePath(href));
      // The router keeps showing the first page until the next one is ready: wait for the next page's own block.
      await expect
        .poll(() => page.locator(`[data-static-view="place"]:not([data-static-page="${firstSource}"]) a[href]`).count(), {message: 'links in the next page\'s Place block'})
        .toBeGreaterThan(0);
      const linksAtFirstSight = await page.evaluate(() => (window as unknown as {placeLinksAtFirstSight?: number}).placeLinksAtFirstSight);
      expect(linksAtFirstSight, 'links in the next page\'s Place block when it first appeared').toBeGreaterThan(0);
      expect(downloads.map((file) => path.basename(file)), 'scripts loaded for the next page').toContain(viewsCode);
      expect(downloads.filter((file) => RECORD.test(file)).length, 'records loaded for the next page').toBe(1);

      // Back to the first page: its views are the server's markup again, without its record.
      downloads.length = 0;
      await page.goBack();
      await page.waitForURL((url) => normalizePath(url.href) === normalizePath(engineering.path));
      await expect.poll(() => page.locator(`[data-static-page="${firstSource}"]`).count(), {message: 'the first page shown again'}).toBeGreaterThan(0);
      await expect.poll(async () => (await readViews(page)).map((view) => view.html), {message: 'the first page\'s views after coming back'}).toEqual(served.map((view) => view.html));
      expectNone(downloads.filter((file) => RECORD.test(file)), 'records loaded to show the first page again');
      expectNone(watch.problems(), 'problems while navigating');
    });
  });

  it('a record that failed to load (here on hover) makes the next navigation load the page afresh from the server, views and all', async ({expect}) => {
    const engineering = unitById(units, 'engineering');
    await withContext(browser(), {width: 1280}, async (context) => {
      const page = await context.newPage();
      await page.route((url) => RECORD.test(url.pathname), (route) => route.abort('failed'));
      await openPage(page, engineering.path);
      await page.evaluate(() => ((window as unknown as {sameDocument?: boolean}).sameDocument = true));
      const link = page.locator('[data-static-view="place"] a[href^="/"]').first();
      const href = (await link.getAttribute('href'))!;
      // Pointing at the link preloads the page; its record fails, long before the click.
      const failed = page.waitForEvent('requestfailed', (request) => RECORD.test(new URL(request.url()).pathname));
      await link.hover();
      await failed;
      await page.waitForTimeout(200);
      await link.click();
      await page.waitForURL((url) => normalizePath(url.href) === normalizePath(href));
      await page.waitForLoadState('load');
      // A new document: the marker set on the first one is gone.
      await expect.poll(() => page.evaluate(() => (window as unknown as {sameDocument?: boolean}).sameDocument ?? false), {message: 'the first page\'s document still shown'}).toBe(false);
      const views = await readViews(page);
      expect(views.length, 'views on the page loaded afresh').toBeGreaterThan(0);
      expect(views.find((view) => view.links > 0), 'a view with its links').toBeDefined();
    });
  });
});
