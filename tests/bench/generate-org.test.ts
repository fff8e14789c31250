/**
 * The benchmark's generated organizations must be valid handbooks: the repo's
 * own check finds no problem, and they have the shape the benchmarks promise.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {FIXED_IDS, MAX_DEPTH, generateOrganization, writeFiles} from '@site/scripts/bench/generate-org';
import {checkContentTree} from '@site/packages/org-handbook/src/plugin/content';
import {ID_PATTERN} from '@site/packages/org-handbook/src/org/schema';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, {recursive: true, force: true})));
});

async function generateAndCheck(units: number) {
  const files = generateOrganization({units, seed: 1});
  const dir = await mkdtemp(path.join(os.tmpdir(), `generate-org-test-${units}-`));
  folders.push(dir);
  await writeFiles(dir, files);
  return {files, result: await checkContentTree(dir)};
}

describe('generateOrganization', () => {
  it.each([15, 200, 1000])('writes %i valid units that the org check accepts', async (units) => {
    const {files, result} = await generateAndCheck(units);
    expect(result.problems).toEqual([]);
    const graph = result.graph!;
    expect(graph.units.size).toBe(units);
    expect(graph.rootId).toBe(FIXED_IDS.organization);

    const all = [...graph.units.values()];
    for (const unit of all) expect(unit.id).toMatch(ID_PATTERN);
    const ofKind = (kind: string) => all.filter((unit) => unit.kind === kind);
    expect(ofKind('organization')).toHaveLength(1);
    expect(ofKind('council')).toHaveLength(1);
    expect(ofKind('sponsor')).toHaveLength(1);
    expect(graph.units.get(FIXED_IDS.executive)?.org.reportsTo).toBe(FIXED_IDS.council);

    const topAreas = ofKind('area').filter((unit) => unit.org.reportsTo === FIXED_IDS.executive);
    expect(topAreas.length).toBeGreaterThanOrEqual(units >= 200 ? 8 : 2);
    expect(topAreas.length).toBeLessThanOrEqual(12);

    const teams = ofKind('team');
    expect(teams.length).toBeGreaterThan(0);
    for (const team of teams) {
      expect(team.org.members!.length).toBeGreaterThanOrEqual(2);
      expect(team.org.members!.length).toBeLessThanOrEqual(4);
      for (const member of team.org.members!) expect(graph.units.get(member)?.kind).toBe('area');
    }
    expect(graph.relations.filter((relation) => relation.type === 'dotted-line').length).toBeGreaterThan(0);
    expect(graph.relations).toContainEqual(expect.objectContaining({type: 'sponsors', from: FIXED_IDS.sponsor, to: FIXED_IDS.organization}));
    expect(ofKind('role').some((unit) => unit.org.vacant === true)).toBe(true);

    const deepest = Math.max(...graph.depth.values());
    expect(deepest).toBeLessThanOrEqual(MAX_DEPTH);
    expect(deepest).toBeGreaterThanOrEqual(units >= 200 ? MAX_DEPTH : 4);

    // Pages sit in nested folders, each with its _category_.json; the landing page is at "/".
    const landing = files.find((file) => file.path === 'docs/index.md')!;
    // The landing page takes "/" from its place (docs/index.md); a unit page may not set a slug.
    expect(landing.content).not.toMatch(/^slug:/m);
    expect(landing.content).toContain('<OrgChart />');
    expect(landing.content).toContain('<UnitList kind="area" />');
    expect(files.some((file) => file.path === `docs/functional-areas/${FIXED_IDS.firstArea}/index.md`) || files.some((file) => file.path === `docs/functional-areas/${FIXED_IDS.firstArea}.md`)).toBe(true);
    const folderOf = (file: string) => path.posix.dirname(file);
    const pageFolders = new Set(files.filter((file) => file.path.endsWith('.md')).map((file) => folderOf(file.path)));
    pageFolders.delete('docs');
    for (const folder of pageFolders) expect(files.some((file) => file.path === `${folder}/_category_.json`)).toBe(true);
    const perFolder = new Map<string, number>();
    for (const file of files) perFolder.set(folderOf(file.path), (perFolder.get(folderOf(file.path)) ?? 0) + 1);
    expect(Math.max(...perFolder.values())).toBeLessThan(60);
  }, 60_000);

  it('is deterministic for a seed and varies between seeds', () => {
    const first = generateOrganization({units: 120, seed: 7});
    expect(generateOrganization({units: 120, seed: 7})).toEqual(first);
    expect(generateOrganization({units: 120, seed: 8})).not.toEqual(first);
  });

  it('writes about 400 words of Markdown per unit page', () => {
    const files = generateOrganization({units: 50, seed: 3});
    const page = files.find((file) => file.path === `docs/functional-areas/${FIXED_IDS.firstArea}/index.md`)!;
    const body = page.content.slice(page.content.indexOf('\n---\n', 4) + 5);
    const words = body.split(/\s+/).filter((word) => /[a-z]/i.test(word)).length;
    expect(words).toBeGreaterThanOrEqual(380);
    expect(words).toBeLessThanOrEqual(520);
    expect(body).toMatch(/^## /m);
    expect(body).toMatch(/^(- |1\. |\| |> |### )/m);
  });

  it('puts areas and roles in one long reporting line on request, changing nothing but reportsTo', async () => {
    const flat = generateOrganization({units: 300, seed: 2});
    const deep = generateOrganization({units: 300, seed: 2, chainDepth: 120});
    expect(deep.map((file) => file.path)).toEqual(flat.map((file) => file.path));
    const withoutReportsTo = (files: typeof flat) => files.map((file) => file.content.replace(/^ {2}reportsTo: .*$/m, ''));
    expect(withoutReportsTo(deep)).toEqual(withoutReportsTo(flat));

    const dir = await mkdtemp(path.join(os.tmpdir(), 'generate-org-test-chain-'));
    folders.push(dir);
    await writeFiles(dir, deep);
    const result = await checkContentTree(dir);
    expect(result.problems).toEqual([]);
    // The organization, the council and the executive, then the line of 120.
    expect(Math.max(...result.graph!.depth.values())).toBeGreaterThanOrEqual(122);
    expect(() => generateOrganization({units: 50, chainDepth: 500})).toThrow(/chainDepth must be/);
  }, 60_000);

  it('refuses sizes too small for the fixed units', () => {
    expect(() => generateOrganization({units: 3})).toThrow(/at least/);
  });
});
