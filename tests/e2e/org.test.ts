/**
 * The structure as a reader meets it: the landing chart (with and without
 * JavaScript), its text version, the "Place in the organization" block on
 * each unit page, and /org.json.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, it} from 'vitest';
import type {Page} from 'playwright-core';
import {ORG_EXPORT_SCHEMA_PATH, orgExportSchema} from '@site/packages/org-handbook/src/org/export';
import {openPage, watchPage} from './support/browser';
import {baseURL, expectNone, sharedBrowser, sharedContexts, withContext} from './support/fixtures';
import {validateJsonSchema, type JsonSchema} from './support/json-schema';
import {listSitemapPaths, loadExpectedUnits, normalizePath, siteDir, unitById, type ExpectedUnit} from './support/site';

const browser = sharedBrowser();
const onPage = sharedContexts(browser);
const units = await loadExpectedUnits();
const liveUnits = units.filter((unit) => !unit.retired);
const unitPaths = new Set(units.map((unit) => unit.path));
const otherPages = listSitemapPaths().filter((pagePath) => !unitPaths.has(pagePath));

const describeUnit = (unit: ExpectedUnit) => `${unit.name} (${unit.id}, ${unit.path ?? unit.source})`;

/** Paths linked from the SVG charts in the page's main content. */
function chartLinks(page: Page): Promise<string[]> {
  return page
    .locator('main svg a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? link.getAttribute('xlink:href') ?? ''))
    .then((hrefs) => hrefs.filter(Boolean).map((href) => normalizePath(href)));
}

function missingFromChart(links: readonly string[]): string[] {
  return liveUnits.filter((unit) => !unit.path || !links.includes(unit.path)).map(describeUnit);
}

describe.concurrent('the landing chart', () => {
  it('links every unit from its SVG, and clicking a node lands on the unit\'s page', async ({expect}) => {
    const engineering = unitById(units, 'engineering');
    await withContext(browser(), {width: 1280}, async (context) => {
      const page = await context.newPage();
      const watch = watchPage(page);
      await openPage(page, '/');
      expectNone(missingFromChart(await chartLinks(page)), 'units without a node in the landing chart');
      const node = page.locator(`main svg a[href="${engineering.path}"]`).first();
      const label = await node.evaluate((link) => link.getAttribute('aria-label') ?? link.textContent ?? '');
      expect(label, 'the node\'s accessible name or text').toContain(engineering.name);
      await node.click();
      await page.waitForURL((url) => normalizePath(url.href) === engineering.path);
      await expect.poll(() => page.locator('article h1').first().textContent()).toBe(engineering.name);
      expectNone(watch.problems(), 'problems on the page');
    });
  });

  it('is in the HTML with its links when JavaScript is disabled', async ({expect}) => {
    await onPage({width: 1280, javaScriptEnabled: false}, async (page) => {
      await page.goto('/', {waitUntil: 'load'});
      expect(await page.locator('main svg').count(), 'SVG charts on the landing page without JavaScript').toBeGreaterThan(0);
      expectNone(missingFromChart(await chartLinks(page)), 'units without a node in the server-rendered chart');
      expect(await page.locator('main details').count(), 'text version without JavaScript').toBeGreaterThan(0);
    });
  });

  it('has a text version (a <details> toggle) that lists every unit', async ({expect}) => {
    await withContext(browser(), {width: 1280}, async (context) => {
      const page = await context.newPage();
      await openPage(page, '/');
      const candidates = page.locator('main details');
      const texts = await candidates.evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
      expect(texts.length, '<details> elements on the landing page').toBeGreaterThan(0);
      // The text version is the <details> that names the most units.
      const scores = texts.map((text) => liveUnits.filter((unit) => text.includes(unit.name)).length);
      const best = scores.indexOf(Math.max(...scores));
      const details = candidates.nth(best);
      const missing = liveUnits.filter((unit) => !texts[best]!.includes(unit.name)).map(describeUnit);
      expectNone(missing, 'units missing from the text version');
      // The toggle is visible and opens the list.
      const summary = details.locator('summary').first();
      await expect.poll(() => summary.isVisible(), {message: 'the text version\'s <summary> toggle is visible'}).toBe(true);
      if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await summary.click();
      expect(await details.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
      const shown = await details.innerText();
      const hidden = liveUnits.filter((unit) => !shown.includes(unit.name)).map(describeUnit);
      expectNone(hidden, 'units not visible once the text version is open');
    });
  });
});

describe.concurrent('"Place in the organization" on each unit page', () => {
  /** The link in the `dd` that follows the `dt` named `term`, inside the place block. */
  async function factLinks(page: Page, term: string): Promise<Array<{href: string; text: string}>> {
    const block = page.getByRole('region', {name: 'Place in the organization'});
    return block.locator('dt').filter({hasText: new RegExp(`^\\s*${term}\\s*$`)}).locator('xpath=following-sibling::dd[1]//a').evaluateAll((links) =>
      links.map((link) => ({href: link.getAttribute('href') ?? '', text: (link.textContent ?? '').trim()})),
    );
  }

  for (const unit of liveUnits) {
    it(`${describeUnit(unit)} shows the block${unit.reportsTo ? ` and reports to ${unit.reportsTo}` : ''}`, async ({expect}) => {
      expect(unit.path, `built page of ${unit.source}`).toBeDefined();
      await onPage({width: 1280}, async (page) => {
        await openPage(page, unit.path!);
        await expect
          .poll(() => page.getByRole('heading', {name: 'Place in the organization'}).isVisible(), {message: 'heading "Place in the organization"'})
          .toBe(true);
        expect(await page.getByRole('region', {name: 'Place in the organization'}).count(), 'the block (a region named "Place in the organization")').toBe(1);
        if (unit.reportsTo) {
          const manager = unitById(units, unit.reportsTo);
          const links = await factLinks(page, 'Reports to');
          expect(links.map((link) => ({path: normalizePath(link.href), text: link.text})), '"Reports to" links').toContainEqual({
            path: manager.path,
            text: manager.name,
          });
        }
      });
    });
  }

  const facts = [
    {unit: 'engineering', reportsTo: 'Executive Director'},
    {unit: 'executive-director', reportsTo: 'Steering Council'},
  ];
  for (const fact of facts) {
    it(`${fact.unit} reports to ${fact.reportsTo}`, async ({expect}) => {
      const unit = unitById(units, fact.unit);
      await onPage({width: 1280}, async (page) => {
        await openPage(page, unit.path);
        const links = await factLinks(page, 'Reports to');
        expect(links.map((link) => link.text), `"Reports to" on ${unit.path}`).toContain(fact.reportsTo);
      });
    });
  }

  for (const pagePath of otherPages) {
    it(`${pagePath} (no org: block) shows no such block`, async ({expect}) => {
      await onPage({width: 1280, javaScriptEnabled: false}, async (page) => {
        await page.goto(pagePath, {waitUntil: 'load'});
        expect(await page.getByRole('region', {name: 'Place in the organization'}).count()).toBe(0);
        expect(await page.getByRole('heading', {name: 'Place in the organization', exact: true}).count()).toBe(0);
      });
    });
  }
});

describe('/org.json', () => {
  it('is valid against its published schema and lists every unit with its page', async ({expect}) => {
    const response = await fetch(`${baseURL}/org.json`);
    expect(response.status, 'status of /org.json').toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const data: unknown = await response.json();

    const schemaFile = path.join(siteDir, `static${ORG_EXPORT_SCHEMA_PATH}`);
    const jsonSchema = JSON.parse(readFileSync(schemaFile, 'utf8')) as JsonSchema;
    expectNone(validateJsonSchema(jsonSchema, data), `problems against static${ORG_EXPORT_SCHEMA_PATH}`);
    const parsed = orgExportSchema.safeParse(data);
    expectNone(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`), 'problems against orgExportSchema');
    if (!parsed.success) return;

    const exported = new Map(parsed.data.units.map((unit) => [unit.id, unit]));
    const wrong: string[] = [];
    for (const unit of liveUnits) {
      const entry = exported.get(unit.id);
      if (!entry) wrong.push(`${describeUnit(unit)} is missing`);
      else {
        if (normalizePath(entry.permalink) !== unit.path) wrong.push(`${unit.id}: permalink ${entry.permalink}, but its page is ${unit.path}`);
        if (entry.name !== unit.name) wrong.push(`${unit.id}: name "${entry.name}", expected "${unit.name}"`);
        if ((entry.reportsTo ?? undefined) !== unit.reportsTo) wrong.push(`${unit.id}: reportsTo ${entry.reportsTo}, expected ${unit.reportsTo}`);
        if (entry.source !== unit.source) wrong.push(`${unit.id}: source ${entry.source}, expected ${unit.source}`);
      }
    }
    const retired = new Set(parsed.data.retired.map((unit) => unit.id));
    for (const unit of units.filter((candidate) => candidate.retired)) {
      if (!retired.has(unit.id)) wrong.push(`retired ${describeUnit(unit)} is missing from "retired"`);
    }
    const known = new Set(units.map((unit) => unit.id));
    for (const id of exported.keys()) if (!known.has(id)) wrong.push(`${id} is exported but has no page under docs/`);
    expectNone(wrong, '/org.json against the units under docs/');
  });
});
