/**
 * The four reorganization recipes, each applied to a copy of the real docs/
 * and checked with the same function `npm run check` runs.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {checkContentTree, createSiteRules} from '@site/src/plugins/content';
import {collectRedirects} from '@site/src/org/pipeline';
import {selectUnits} from '@site/src/org/derive';
import {formatProblem} from '@site/src/org/problems';
import {
  findBrokenLinks,
  mergeUnits,
  moveUnit,
  renameUnit,
  ReorganizeError,
  retireUnit,
  rewriteLinks,
  type Reorganization,
} from '@site/src/org/reorganize';
import {applyToDisk, copyOfDocs, readTexts, REPO, runScript, removeCopies} from './support';
import {handbookVocabulary} from '@site/tests/support/vocabulary';

afterAll(removeCopies);

const routes = await createSiteRules(REPO);
const redirectsFromContent = async (siteDir: string) => collectRedirects(await checkContentTree(siteDir));

/** Applies a recipe to a fresh copy of docs/ and returns the check's verdict on the result. */
async function reorganize(recipe: (texts: Map<string, string>) => Reorganization) {
  const siteDir = await copyOfDocs();
  const texts = await readTexts(siteDir);
  const result = recipe(texts);
  await applyToDisk(siteDir, result);
  const check = await checkContentTree(siteDir);
  return {siteDir, before: texts, result, check, graph: check.graph!};
}

function changedLines(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  return after.split('\n').filter((line) => !old.has(line));
}

describe('move: a unit reports to another parent', () => {
  it('changes only reportsTo, keeps the address, and passes the check', async () => {
    const {before, result, check, graph} = await reorganize((texts) => moveUnit(texts, {vocabulary: handbookVocabulary, id: 'administration', to: 'operations'}));
    expect(check.problems).toEqual([]);
    expect(result.written).toEqual(['docs/functional-areas/administration.md']);
    expect(result.deleted).toEqual([]);
    expect(graph.units.get('administration')?.org.reportsTo).toBe('operations');
    expect(graph.children.get('operations')).toEqual(['administration']);
    expect(graph.children.get('executive-director')).not.toContain('administration');
    const source = 'docs/functional-areas/administration.md';
    expect(changedLines(before.get(source)!, result.texts.get(source)!)).toEqual(['  reportsTo: operations']);
  });

  it('keeps comments and formatting in the frontmatter', async () => {
    const {check, result} = await reorganize((texts) => {
      const source = 'docs/functional-areas/administration.md';
      texts.set(source, texts.get(source)!.replace('  reportsTo: executive-director\n', '  # Moves under Operations in 2027?\n  reportsTo: executive-director   # the usual parent\n'));
      return moveUnit(texts, {vocabulary: handbookVocabulary, id: 'administration', to: 'operations'});
    });
    expect(check.problems).toEqual([]);
    expect(result.texts.get('docs/functional-areas/administration.md')).toContain(
      '  # Moves under Operations in 2027?\n  reportsTo: operations # the usual parent\n',
    );
  });

  it('is refused by the check when the new parent cannot take the unit', async () => {
    const {check} = await reorganize((texts) => moveUnit(texts, {vocabulary: handbookVocabulary, id: 'administration', to: 'area-leads'}));
    expect(check.problems.map(formatProblem)).toEqual([
      'docs/functional-areas/administration.md:8:14: an area cannot report to a team ("area-leads"); it may report to organization, council, role or area',
    ]);
  });
});

describe('rename: a unit gets a new id', () => {
  it('renames the id, the file and every reference; the old id and address keep working', async () => {
    const {siteDir, result, check, graph} = await reorganize((texts) =>
      renameUnit(texts, {routes, from: 'product', to: 'product-management', title: 'Product management'}),
    );
    expect(check.problems).toEqual([]);
    expect(result.deleted).toEqual(['docs/functional-areas/product.md']);
    const unit = graph.units.get('product-management')!;
    expect(unit.source).toBe('docs/functional-areas/product-management.md');
    expect(unit.title).toBe('Product management');
    expect(unit.org.formerIds).toEqual(['product']);
    expect(unit.org.redirectFrom).toEqual(['/functional-areas/product']);
    expect(graph.units.has('product')).toBe(false);
    expect(graph.memberOf.get('product-management')).toEqual(['area-leads', 'product-and-engineering']);
    expect(graph.units.get('product-and-engineering')?.org.members).toEqual(['product-management', 'engineering']);
    expect(await redirectsFromContent(siteDir)).toEqual([{from: '/functional-areas/product', to: '/functional-areas/product-management'}]);
    // Relative links to the old file now point to the new one; nothing the build would reject.
    expect(findBrokenLinks(result.texts)).toEqual([]);
    expect(result.texts.get('docs/functional-areas/engineering.md')).toContain('[Product](product-management.md)');
  });

  it('reports every reference that was not updated, with the rename hint', async () => {
    const {check} = await reorganize((texts) => renameUnit(texts, {routes, from: 'product', to: 'product-management', updateReferences: false}));
    expect(check.problems.map(formatProblem)).toEqual([
      'docs/teams/area-leads.md:8:26: unknown unit "product": it was renamed to "product-management" (docs/functional-areas/product-management.md)',
      'docs/teams/product-and-engineering.md:8:13: unknown unit "product": it was renamed to "product-management" (docs/functional-areas/product-management.md)',
    ]);
  });

  it('keeps the file (and the address) when asked to, or when the file is not named after the id', async () => {
    const kept = await reorganize((texts) => renameUnit(texts, {routes, from: 'product', to: 'product-management', renameFile: false}));
    expect(kept.check.problems).toEqual([]);
    expect(kept.graph.units.get('product-management')?.source).toBe('docs/functional-areas/product.md');
    expect(kept.graph.units.get('product-management')?.org.redirectFrom).toBeUndefined();

    const sponsor = await reorganize((texts) => renameUnit(texts, {routes, from: 'code-for-science-and-society', to: 'cs-and-s'}));
    expect(sponsor.check.problems).toEqual([]);
    expect(sponsor.graph.units.get('cs-and-s')?.source).toBe('docs/governance/fiscal-sponsorship.md');
    expect(sponsor.graph.relations).toContainEqual({type: 'interface', from: 'executive-director', to: 'cs-and-s', note: 'administration'});
  });
});

describe('merge: one unit absorbs another', () => {
  it('removes the absorbed page, redirects its address and points every reference to the survivor', async () => {
    const {siteDir, result, check, graph} = await reorganize((texts) => mergeUnits(texts, {routes, from: 'partnerships', into: 'community'}));
    expect(check.problems).toEqual([]);
    expect(result.deleted).toEqual(['docs/functional-areas/partnerships.md']);
    expect(graph.units.has('partnerships')).toBe(false);
    expect(selectUnits(graph, {kind: 'area'})).toHaveLength(5);
    const community = graph.units.get('community')!;
    expect(community.org.formerIds).toEqual(['partnerships']);
    expect(graph.units.get('area-leads')?.org.members).toEqual(['engineering', 'product', 'community', 'operations', 'administration']);
    expect(graph.units.get('community-and-partnerships')?.org.members).toEqual(['community']);
    expect(await redirectsFromContent(siteDir)).toEqual([{from: '/functional-areas/partnerships', to: '/functional-areas/community'}]);
    expect(findBrokenLinks(result.texts)).toEqual([]);
  });

  it('carries the absorbed unit\'s relations and reports over to the survivor', async () => {
    const {check, graph} = await reorganize((texts) => {
      const source = 'docs/functional-areas/operations.md';
      texts.set(source, texts.get(source)!.replace('  reportsTo: executive-director\n', '  reportsTo: administration\n'));
      return mergeUnits(texts, {routes, from: 'administration', into: 'community'});
    });
    expect(check.problems).toEqual([]);
    expect(graph.units.get('operations')?.org.reportsTo).toBe('community');
    expect(graph.children.get('community')).toEqual(['operations']);
  });
});

describe('retire: a unit stops existing but stays on record', () => {
  it('keeps the page, lists it as retired, and drops the references to it', async () => {
    const {result, check, graph} = await reorganize((texts) =>
      retireUnit(texts, {vocabulary: handbookVocabulary, id: 'administration', on: '2026-11-01', note: 'Its tasks moved to Operations.'}),
    );
    expect(check.problems).toEqual([]);
    expect(result.written).toEqual(['docs/functional-areas/administration.md', 'docs/teams/area-leads.md']);
    expect(graph.units.has('administration')).toBe(false);
    expect(graph.retired.map((unit) => [unit.id, unit.org.retired])).toEqual([
      ['administration', {on: '2026-11-01', note: 'Its tasks moved to Operations.'}],
    ]);
    expect(graph.units.get('area-leads')?.org.members).not.toContain('administration');
    expect(result.texts.get('docs/functional-areas/administration.md')).toContain(
      '  retired:\n    on: 2026-11-01\n    note: Its tasks moved to Operations.\n---\n',
    );
  });

  it('hands direct reports and memberships to a successor', async () => {
    const {check, graph} = await reorganize((texts) => retireUnit(texts, {vocabulary: handbookVocabulary, id: 'executive-director', on: '2026-11-01', successor: 'steering-council'}));
    expect(check.problems).toEqual([]);
    expect(graph.children.get('steering-council')).toEqual(expect.arrayContaining(['engineering', 'area-leads']));
    expect(graph.relations).toContainEqual({type: 'interface', from: 'steering-council', to: 'code-for-science-and-society', note: 'administration'});
  });

  it('without a successor, moves direct reports up to the retired unit\'s parent', async () => {
    const {check, graph} = await reorganize((texts) => retireUnit(texts, {vocabulary: handbookVocabulary, id: 'executive-director', on: '2026-11-01'}));
    expect(check.problems).toEqual([]);
    expect(graph.units.get('engineering')?.org.reportsTo).toBe('steering-council');
  });

  it('refuses to retire the top, or a unit that does not exist', async () => {
    const texts = await readTexts(await copyOfDocs());
    expect(() => retireUnit(texts, {vocabulary: handbookVocabulary, id: '2i2c', on: '2026-11-01'})).toThrow(new ReorganizeError('"2i2c" is the top of the structure and cannot be retired'));
    expect(() => retireUnit(texts, {vocabulary: handbookVocabulary, id: 'enginering', on: '2026-11-01'})).toThrow('no unit has the id "enginering" (did you mean "engineering"?)');
  });
});

describe('rewriteLinks', () => {
  const moves = new Map([['docs/teams/old.md', 'docs/teams/new.md']]);
  it('rewrites inline and reference links to a moved page, keeping anchors and ./ style', () => {
    expect(rewriteLinks('See [a](./old.md#goal), [b](../teams/old.md "t") and [c](other.md).\n\n[d]: old.md\n', 'docs/teams/x.md', 'docs/teams/x.md', moves)).toBe(
      'See [a](./new.md#goal), [b](new.md "t") and [c](other.md).\n\n[d]: new.md\n',
    );
  });
  it('drops anchors into a page that was merged away, and leaves absolute links alone', () => {
    expect(rewriteLinks('[a](teams/old.md#goal) [b](https://x.org/old.md) [c](/teams/old.md)', 'docs/index.md', 'docs/index.md', moves, new Set(['docs/teams/old.md']))).toBe(
      '[a](teams/new.md) [b](https://x.org/old.md) [c](/teams/old.md)',
    );
  });
});

describe('npm run reorg (the CLI)', () => {
  it('writes a clean result', async () => {
    const siteDir = await copyOfDocs();
    const run = await runScript('scripts/reorganize.ts', ['retire', 'administration', '--on', '2026-11-01', '--site-dir', siteDir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('docs/teams/area-leads.md: members: administration → (removed)');
    expect((await checkContentTree(siteDir)).graph?.retired.map((unit) => unit.id)).toEqual(['administration']);
  });

  it('writes nothing when the result would not pass the check', async () => {
    const siteDir = await copyOfDocs();
    const file = path.join(siteDir, 'docs/teams/area-leads.md');
    const before = await readFile(file, 'utf8');
    const run = await runScript('scripts/reorganize.ts', ['rename', 'product', 'product-management', '--no-update-references', '--site-dir', siteDir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('docs/teams/area-leads.md:8:26: unknown unit "product": it was renamed to "product-management"');
    expect(run.stderr).toContain('Nothing was written.');
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
