/**
 * The second handbook, examples/acme/ (Backstage's example organization,
 * imported), built by the same plugin (`npm run build:acme`): the engine
 * draws another organization with that site's own words.
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
const browser = sharedBrowser();
let server: StaticServer;

beforeAll(async () => {
  if (!existsSync(path.join(acmeBuild, 'index.html'))) throw new Error('examples/acme/build is missing: run `npm run build:acme` first.');
  server = await startStaticServer(acmeBuild);
});
afterAll(async () => {
  await server?.close();
});

async function onAcmePage<T>(pagePath: string, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await newContext(browser(), {baseURL: server.origin, width: 1280});
  try {
    const page = await context.newPage();
    const watch = watchPage(page);
    await openPage(page, pagePath);
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
      for (const unit of ['/acme-corp', '/departments/infrastructure', '/sub-departments/backstage', '/sub-departments/boxoffice']) {
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
      expect(hrefs.map((href) => normalizePath(href))).toContain('/sub-departments/backstage');
    });
  });

  it('serves /catalog-groups.yaml with every unit as a Backstage Group', async ({expect}) => {
    const response = await fetch(`${server.origin}/catalog-groups.yaml`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.match(/^kind: Group$/gm)).toHaveLength(9);
    expect(text).toContain('name: team-e');
    expect(text).toMatch(/parent: boxoffice/);
  });
});
