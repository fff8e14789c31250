/**
 * The editor's real loop: build, change the structure, build again without
 * `npm run clear`. Every page's org facts, the charts, /org.json and the
 * review list of the warm build must equal those of a clean build of the
 * same content. (The bundler's persistent cache once served pages compiled
 * with the old facts.)
 */
import {cp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {checkContentTree, createSiteRules, readDocsFiles} from '@site/src/plugins/content';
import {formatProblem} from '@site/src/org/problems';
import {mergeUnits, moveUnit, renameUnit, retireUnit, type Reorganization} from '@site/src/org/reorganize';
import {copySite, removeSite, runDocusaurus} from '@site/tests/support/site-copy';
import {handbookVocabulary} from '@site/tests/support/vocabulary';

const sites: string[] = [];
afterAll(async () => Promise.all(sites.map(removeSite)));

async function site(): Promise<string> {
  const dir = await copySite('org-warm-');
  sites.push(dir);
  return dir;
}

async function edit(siteDir: string, source: string, change: (text: string) => string): Promise<void> {
  const file = path.join(siteDir, source);
  const before = await readFile(file, 'utf8');
  const after = change(before);
  expect(after, `edit of ${source} changed nothing`).not.toBe(before);
  await writeFile(file, after);
}

async function apply(siteDir: string, recipe: (texts: Map<string, string>) => Reorganization): Promise<void> {
  const texts = new Map((await readDocsFiles(siteDir, 'docs')).map((file) => [file.source, file.text]));
  const result = recipe(texts);
  for (const source of result.written) await writeFile(path.join(siteDir, source), result.texts.get(source)!);
  for (const source of result.deleted) await rm(path.join(siteDir, source));
}

const EPHEMERAL_UNIT = `---
title: Short-lived
description: An area that exists only for the first build of this test.
org:
  id: short-lived
  kind: area
  reportsTo: executive-director
---

A unit whose page is deleted between the two builds.
`;

const NEW_UNIT = `---
title: Research
description: Studies how communities use shared infrastructure.
org:
  id: research
  kind: area
  reportsTo: executive-director
---

An area added between the two builds.
`;

/** Every built HTML page, by path inside the build folder. */
async function htmlPages(buildDir: string): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const entry of await readdir(buildDir, {recursive: true})) {
    if (entry.endsWith('.html')) pages.set(entry, await readFile(path.join(buildDir, entry), 'utf8'));
  }
  return pages;
}

/** What a page states: its article (facts, lists, counts, charts), without the build's asset names. */
function statedFacts(html: string): string {
  const article = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? '';
  return article.replace(/\/assets\/[^"')\s]+/g, '/assets/…');
}

describe('a second build without clearing the cache', () => {
  it('shows the same facts as a clean build after every kind of structural change', {timeout: 600_000}, async () => {
    const warm = await site();
    await writeFile(path.join(warm, 'docs/functional-areas/short-lived.md'), EPHEMERAL_UNIT);
    const first = await runDocusaurus(warm, ['build']);
    expect(first.code, first.output).toBe(0);

    const routes = await createSiteRules(warm);
    await apply(warm, (texts) => moveUnit(texts, {vocabulary: handbookVocabulary, id: 'administration', to: 'operations'}));
    await apply(warm, (texts) => renameUnit(texts, {routes, from: 'product', to: 'product-management', title: 'Product management'}));
    await apply(warm, (texts) => mergeUnits(texts, {routes, from: 'partnerships', into: 'community'}));
    await apply(warm, (texts) => retireUnit(texts, {vocabulary: handbookVocabulary, id: 'area-leads', on: '2026-06-30', note: 'Replaced by weekly syncs.'}));
    await edit(warm, 'docs/functional-areas/engineering.md', (text) => text.replace('reportsTo: executive-director', 'reportsTo: operations'));
    await edit(warm, 'docs/functional-areas/operations.md', (text) => text.replace(/^title: .*$/m, 'title: Operations and Finance'));
    await edit(warm, 'docs/functional-areas/community.md', (text) => text.replace(/^org:\n/m, "org:\n  reviewed: '2020-01-15'\n  maintainers: ['@community-lead']\n"));
    await writeFile(path.join(warm, 'docs/functional-areas/research.md'), NEW_UNIT);
    await rm(path.join(warm, 'docs/functional-areas/short-lived.md'));
    expect((await checkContentTree(warm)).problems.map(formatProblem)).toEqual([]);

    const second = await runDocusaurus(warm, ['build']);
    expect(second.code, second.output).toBe(0);

    const clean = await site();
    await rm(path.join(clean, 'docs'), {recursive: true});
    await cp(path.join(warm, 'docs'), path.join(clean, 'docs'), {recursive: true});
    const reference = await runDocusaurus(clean, ['build']);
    expect(reference.code, reference.output).toBe(0);

    const warmPages = await htmlPages(path.join(warm, 'build'));
    const cleanPages = await htmlPages(path.join(clean, 'build'));
    expect([...warmPages.keys()].sort()).toEqual([...cleanPages.keys()].sort());
    for (const [page, html] of cleanPages) {
      expect(statedFacts(warmPages.get(page)!), `${page} differs from a clean build`).toBe(statedFacts(html));
    }
    for (const file of ['org.json', 'org.mmd']) {
      expect(await readFile(path.join(warm, 'build', file), 'utf8'), file).toBe(await readFile(path.join(clean, 'build', file), 'utf8'));
    }

    // And the facts are the new ones, not merely equal.
    const operations = statedFacts(warmPages.get('functional-areas/operations.html')!);
    expect(operations).toContain('Administration');
    expect(operations).toContain('Engineering');
    const director = statedFacts(warmPages.get('governance/executive-director.html')!);
    expect(director).not.toMatch(/>Administration</);
    expect(director).toContain('Research');
    expect(director).not.toContain('Short-lived');
    expect(statedFacts(warmPages.get('guide/review-status.html')!)).toContain('last reviewed 2020-01-15');
    expect(statedFacts(warmPages.get('index.html')!)).toContain('Operations and Finance');
    expect(warmPages.has('functional-areas/short-lived.html')).toBe(false);
  });
});
