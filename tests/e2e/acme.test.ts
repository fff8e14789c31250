/**
 * The second handbook, examples/acme/ (Backstage's example organization,
 * imported), built by the same plugin (`npm run build:acme`): the engine
 * draws another organization with that site's own words. It is served from
 * a sub-path (`/acme/`, its base URL), so every address the views write and
 * every record a page fetches must carry it.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, it} from 'vitest';
import type {Page} from 'playwright-core';
import {startStaticServer, type StaticServer} from '@site/scripts/lib/static-server';
import {newContext, openPage, watchPage} from './support/browser';
import {expectNone, sharedBrowser} from './support/fixtures';
import {normalizePath, siteDir} from './support/site';

const acmeBuild = path.join(siteDir, 'examples', 'acme', 'build');
/** examples/acme/docusaurus.config.ts's baseUrl. */
const BASE = '/acme/';
const browser = sharedBrowser();
let server: StaticServer;

beforeAll(async () => {
  if (!existsSync(path.join(acmeBuild, 'index.html'))) throw new Error('examples/acme/build is missing: run `npm run build:acme` first.');
  server = await startStaticServer(acmeBuild, {basePath: BASE});
});
afterAll(async () => {
  await server?.close();
});

/** Opens a page of the Acme handbook by its address inside the site (`/teams/team-b`). */
async function onAcmePage<T>(pagePath: string, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await newContext(browser(), {baseURL: server.origin, width: 1280});
  try {
    const page = await context.newPage();
    const watch = watchPage(page);
    await openPage(page, BASE + pagePath.replace(/^\//, ''));
    const result = await run(page);
    expectNone(watch.problems(), `problems on ${pagePath}`);
    return result;
  } finally {
    await context.close();
  }
}

describe.concurrent('the Acme handbook', () => {
  it('draws the organization, its department and sub-departments on the landing chart, with its own title', async ({expect}) => {
    await onAcmePage('/', async (page) => {
      expect(await page.title()).toContain('Acme Corp Handbook');
      const links = await page
        .locator('main svg a')
        .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''))
        .then((hrefs) => hrefs.filter(Boolean).map((href) => normalizePath(href)));
      for (const unit of ['acme-corp', 'departments/infrastructure', 'sub-departments/backstage', 'sub-departments/boxoffice'].map((address) => normalizePath(BASE + address))) {
        expect(links, `chart links (looking for ${unit})`).toContain(unit);
      }
      // The vocabulary's words, not 2i2c's.
      const text = await page.locator('main').innerText();
      expect(text).toContain('Department');
      expect(text).not.toMatch(/Functional area|Cross-functional team/);
    });
  });

  it('shows a team\'s place: the sub-department it reports to, its members and its e-mail', async ({expect}) => {
    await onAcmePage('/teams/team-b', async (page) => {
      const block = page.getByRole('region', {name: 'Place in the organization'});
      await expect.poll(() => block.isVisible(), {message: 'the Place block'}).toBe(true);
      const text = await block.innerText();
      expect(text).toContain('Backstage');
      expect(text).toContain('Amelia Park');
      expect(text).toContain('team-b@example.com');
      const hrefs = await block.locator('a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
      expect(hrefs.map((href) => normalizePath(href))).toContain(normalizePath(`${BASE}sub-departments/backstage`));
    });
  });

  it('follows a link in a Place block inside the app: the next page fetches its record under the base URL and draws its views', async ({expect}) => {
    await onAcmePage('/teams/team-b', async (page) => {
      const records: string[] = [];
      page.on('response', (response) => {
        const {pathname} = new URL(response.url());
        if (pathname.includes('/assets/org/')) records.push(`${response.status()} ${pathname}`);
      });
      await page.evaluate(`window.__e2eMarker = 'same document'`);
      const block = page.getByRole('region', {name: 'Place in the organization'});
      const link = block.locator(`a[href="${BASE}sub-departments/backstage"]`).first();
      await link.click();
      await page.waitForURL((url) => normalizePath(url.href) === normalizePath(`${BASE}sub-departments/backstage`));
      await expect
        .poll(() => page.locator('[data-static-view="place"]:not([data-static-page="docs/teams/team-b.md"]) a[href]').count(), {message: 'links in the next page\'s Place block'})
        .toBeGreaterThan(0);
      expect(await page.evaluate('window.__e2eMarker'), 'the window after following the link (a reload would reset it)').toBe('same document');
      expect(records, 'records fetched for the next page').toHaveLength(1);
      expect(records[0]).toMatch(new RegExp(`^200 ${BASE}assets/org/[0-9a-f]+\\.json$`));
      const hrefs = await page.locator('[data-static-view="place"] a[href^="/"]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
      expectNone(hrefs.filter((href) => !href.startsWith(BASE)), 'links in the next page\'s views without the base URL');
    });
  });

  it('serves /catalog-groups.yaml with every unit as a Backstage Group', async ({expect}) => {
    const response = await fetch(`${server.origin}${BASE}catalog-groups.yaml`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.match(/^kind: Group$/gm)).toHaveLength(9);
    expect(text).toContain('name: team-e');
    expect(text).toMatch(/parent: boxoffice/);
  });
});
