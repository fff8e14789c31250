/**
 * Page content arrives by pull request and is reviewed as Markdown, so
 * nothing written in a title, a name, a description or a category label may
 * run in a reader's browser. Builds a small copy of the handbook whose every
 * free-text field is hostile (tests/fixtures/hostile-site), opens its pages in
 * Chromium, and fails on any dialog, any injected element, or breadcrumb
 * structured data that is not the exact JSON it should be.
 */
import {readFileSync} from 'node:fs';
import type {BrowserContext, Page} from 'playwright-core';
import DOMPurify from 'dompurify';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {resolveFile, startStaticServer} from '@site/scripts/lib/static-server';
import {orgExportSchema} from '@site/packages/org-handbook/src/org/export';
import {newContext, openPage, watchPage} from './support/browser';
import {expectNone, sharedBrowser} from './support/fixtures';
import {buildHostileSite, HOSTILE, HOSTILE_PAGES} from './support/hostile';

const browser = sharedBrowser();
let site: Awaited<ReturnType<typeof buildHostileSite>> | undefined;
let server: Awaited<ReturnType<typeof startStaticServer>> | undefined;
let context: BrowserContext | undefined;

beforeAll(async () => {
  site = await buildHostileSite();
  server = await startStaticServer(site.buildDir);
}, 300_000);

afterAll(async () => {
  await context?.close();
  await server?.close();
  await site?.remove();
});

async function inPage<T>(run: (page: Page, dialogs: string[]) => Promise<T>): Promise<T> {
  context ??= await newContext(browser(), {baseURL: server!.origin});
  const page = await context.newPage();
  const dialogs: string[] = [];
  // Any alert, confirm or prompt means hostile text ran as script.
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  try {
    const result = await run(page, dialogs);
    expectNone(dialogs, 'dialogs opened by page content');
    return result;
  } finally {
    await page.close();
  }
}

/** Elements that hostile text would have created, had it been parsed as markup. */
function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...Array.from(document.querySelectorAll('[onerror], [onload], img[src="x"], a[href^="javascript:"]')).map((element) => element.outerHTML.slice(0, 160)),
    // The site's own inline scripts never call alert; a script built from hostile text does.
    ...Array.from(document.querySelectorAll('script:not([type="application/ld+json"])'))
      .filter((script) => script.textContent?.includes('alert('))
      .map((script) => `<script>${script.textContent!.slice(0, 120)}`),
  ]);
}

type BreadcrumbList = {'@type': string; itemListElement: Array<{name: string; position: number}>};

/** The breadcrumb JSON-LD as served (before any script runs): everything up to the first `</script`. */
function servedStructuredData(pagePath: string): string {
  const file = resolveFile(site!.buildDir, pagePath);
  if (!file) throw new Error(`no built page for ${pagePath}`);
  const html = readFileSync(file, 'utf8');
  // Built HTML is minified: attributes may come in any order, unquoted.
  const match = /<script\b[^>]*\btype=["']?application\/ld\+json\b[^>]*>([\s\S]*?)<\/script/i.exec(html);
  if (!match) throw new Error(`${pagePath}: no <script type="application/ld+json"> in the served HTML`);
  return match[1]!;
}

describe('hostile page content', () => {
  for (const [pageName, title] of [
    ['scriptTitle', HOSTILE.scriptTitle],
    ['svgTitle', HOSTILE.svgTitle],
  ] as const) {
    const pagePath = HOSTILE_PAGES[pageName];

    it(`${pagePath}: breadcrumb JSON-LD is whole JSON with the exact title and category label`, async () => {
      // As served: the HTML parser must not have ended the script inside the data.
      const served = JSON.parse(servedStructuredData(pagePath)) as BreadcrumbList;
      expect(served['@type']).toBe('BreadcrumbList');
      expect(served.itemListElement.map((item) => item.name)).toEqual([HOSTILE.categoryLabel, title]);

      await inPage(async (page) => {
        const watch = watchPage(page);
        await openPage(page, pagePath);
        const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
        expect(scripts).toHaveLength(1);
        const inDom = JSON.parse(scripts[0]!) as BreadcrumbList;
        expect(inDom.itemListElement.map((item) => item.name)).toEqual([HOSTILE.categoryLabel, title]);
        // Shown as text, whole.
        expect(await page.locator('main h1').first().textContent()).toBe(title);
        expect(await page.locator('nav[aria-label="Breadcrumbs"]').textContent()).toContain(title);
        expect(await page.title()).toContain(title.trim().slice(0, 20));
        expectNone(await injectedElements(page), `elements injected into ${pagePath}`);
        expectNone(watch.problems(), `problems while loading ${pagePath}`);
      });
    });
  }

  it(`${HOSTILE_PAGES.scriptTitle}: the Place block and headings show hostile fields as text`, async () => {
    await inPage(async (page) => {
      await openPage(page, HOSTILE_PAGES.scriptTitle);
      const place = page.locator('section[aria-label="Place in the organization"]');
      const text = (await place.textContent()) ?? '';
      for (const value of [HOSTILE.leadTitle, HOSTILE.leadHolder, HOSTILE.channelLabel, HOSTILE.maintainer]) expect(text).toContain(value);
      expect(await place.locator('a', {hasText: HOSTILE.channelLabel}).getAttribute('href')).toBe('https://chat.example.org/channel/script');
      // The heading's anchor link adds a zero-width space.
      expect((await page.locator('main h2', {hasText: 'Notes on'}).textContent())?.replace(/\u200b/g, '')).toBe(HOSTILE.heading);
      expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(HOSTILE.description);
      expectNone(await injectedElements(page), 'elements injected into the Place block');
    });
  });

  it(`${HOSTILE_PAGES.svgTitle}: the chart, its text version and the relation note stay text`, async () => {
    await inPage(async (page) => {
      await openPage(page, HOSTILE_PAGES.svgTitle);
      const place = page.locator('section[aria-label="Place in the organization"]');
      expect(await place.textContent()).toContain(HOSTILE.note);
      const svgTitles = await page.locator('figure svg title').allTextContents();
      expect(svgTitles.some((title) => title.startsWith(HOSTILE.mermaidName))).toBe(true);
      expect(svgTitles.some((title) => title.startsWith(HOSTILE.scriptTitle))).toBe(true);
      expectNone(await injectedElements(page), 'elements injected into the chart');
    });
  });

  it('the landing chart, its lists, its SVG download and the search box run nothing', async () => {
    await inPage(async (page) => {
      const watch = watchPage(page);
      await openPage(page, HOSTILE_PAGES.home);
      const links = await page.locator('main article li a').allTextContents();
      expect(links).toEqual(expect.arrayContaining([HOSTILE.scriptTitle]));
      expect(await page.locator('main').textContent()).toContain(HOSTILE.description);

      // The SVG download serializes the chart's DOM: it must come out as well-formed, inert XML.
      const download = page.waitForEvent('download');
      await page.getByRole('button', {name: 'Download SVG'}).click();
      const chunks: Buffer[] = [];
      for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
      const svg = Buffer.concat(chunks).toString('utf8');
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          scripts: doc.querySelectorAll('script, foreignObject, [onerror], [onload]').length,
          titles: Array.from(doc.querySelectorAll('title')).map((title) => title.textContent ?? ''),
        };
      }, svg);
      expect(parsed.error).toBeNull();
      expect(parsed.scripts).toBe(0);
      expect(parsed.titles.some((title) => title.startsWith(HOSTILE.mermaidName))).toBe(true);

      // Search results show hostile titles and excerpts as text.
      const searchBox = page.getByRole('searchbox', {name: 'Search the handbook'});
      await searchBox.fill('onerror');
      // The results list sits beside the input, inside the search bar's own box.
      await searchBox.locator('xpath=..').locator('li a').filter({hasText: 'onerror'}).first().waitFor({timeout: 15_000});
      expectNone(await injectedElements(page), 'elements injected by the chart or the search results');
      expectNone(watch.problems(), 'problems on the landing page');
    });
  });

  it('/org.json carries hostile text as exact JSON strings, and /org.mmd stays valid Mermaid with every name intact', async () => {
    const exported = orgExportSchema.parse(await (await fetch(`${server!.origin}/org.json`)).json());
    const byId = new Map(exported.units.map((unit) => [unit.id, unit]));
    expect(byId.get('script-title')).toMatchObject({title: HOSTILE.scriptTitle, name: HOSTILE.scriptTitle, description: HOSTILE.description});
    expect(byId.get('svg-title')).toMatchObject({title: HOSTILE.svgTitle, name: HOSTILE.mermaidName});

    const source = await (await fetch(`${server!.origin}/org.mmd`)).text();
    // Mermaid's own parser, in Node: its sanitizer needs a DOM, which parsing alone does not.
    Object.assign(DOMPurify, {addHook: () => {}, removeHook: () => {}, removeHooks: () => {}, sanitize: (text: string) => text});
    const {default: mermaid} = await import('mermaid');
    await mermaid.parse(source);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
    const db = diagram.db as unknown as {getVertices(): Map<string, {text: string}>; getEdges(): unknown[]; getClasses?(): unknown};
    const decode = (text: string) => text.replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/ﬂ°quot¶ß/g, '"');
    const names = new Map([...db.getVertices()].map(([id, vertex]) => [id, decode(vertex.text).split('<br/>')[0]]));
    // Three units, two reporting lines and one dotted line: no node or edge added by a name.
    expect(names).toEqual(
      new Map([
        ['u_hostile_org', 'Hostile Org'],
        ['u_script_title', HOSTILE.scriptTitle],
        ['u_svg_title', HOSTILE.mermaidName],
      ]),
    );
    expect(db.getEdges()).toHaveLength(3);
    expect(source).not.toMatch(/<script|<img|"\]-->/);
  }, 60_000);
});
