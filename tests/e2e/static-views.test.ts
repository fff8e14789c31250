/**
 * The org views (Place block, charts, directive lists) are handed over as
 * static HTML: React must not hydrate their elements, the markup must stay
 * what the server wrote, and their links must still behave like Link (client
 * navigation, preload on hover) while the landing chart's buttons stay live.
 */
import {describe, it} from 'vitest';
import type {Page} from 'playwright-core';
import {openPage, watchPage} from './support/browser';
import {expectNone, sharedBrowser, withContext} from './support/fixtures';
import {loadExpectedUnits, normalizePath, unitById} from './support/site';

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
});
