/**
 * The Acme example handbook (examples/acme/) and the Backstage round trip:
 * the acme catalog → import → the org model → /catalog-groups.yaml gives back
 * every field both formats hold.
 */
import {cp, mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {parse as parseYamlDocuments} from 'yaml';
import {catalogUnitsOf, toCatalogYaml, unitsToGroups} from '@site/packages/org-handbook/src/org/backstage/export';
import {groupsToUnits} from '@site/packages/org-handbook/src/org/backstage/import';
import {parseEntityRef, readCatalogFile, type CatalogRead} from '@site/packages/org-handbook/src/org/backstage/entities';
import {runPipeline} from '@site/packages/org-handbook/src/org/pipeline';
import {createUnitPages} from '@site/packages/org-handbook/src/org/scaffold';
import {createSiteModel} from '@site/packages/org-handbook/src/org/site-model';
import {checkContentTree, createSiteRules, readDocsFiles} from '@site/packages/org-handbook/src/plugin/content';
import {ACME_FIXTURES, readAcmeCatalog} from '../support/backstage-acme';
import {runScript} from '../editor/support';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ACME_SITE = path.join(REPO, 'examples/acme');
const SITE_URL = 'https://acme.example.org/';

const temporary: string[] = [];
afterAll(() => Promise.all(temporary.map((dir) => rm(dir, {recursive: true, force: true}))));

/** The acme catalog imported into an empty copy of the example site, in memory. */
async function importAcme() {
  const rules = await createSiteRules(ACME_SITE);
  const imported = groupsToUnits(await readAcmeCatalog(), rules.vocabulary);
  expect(imported.problems).toEqual([]);
  const landing = (await readDocsFiles(ACME_SITE, 'docs')).filter((file) => file.source === 'docs/index.md');
  const pages = createUnitPages(imported.units, new Map(landing.map((file) => [file.source, file.text])), rules);
  if (!pages.ok) throw new Error(JSON.stringify(pages.problems, null, 2));
  const result = runPipeline([...landing, ...pages.pages.map((page) => ({source: page.path, text: page.content}))], rules);
  expect(result.problems).toEqual([]);
  const model = createSiteModel(result.graph!, result.permalinks, {today: '2026-11-30', maxAgeDays: 365});
  return {pages: pages.pages, model};
}

/** What a group says, in the terms both formats share; children and members as sets. */
function comparable(catalog: CatalogRead) {
  const members = new Map<string, Set<string>>();
  const add = (group: string, user: string) => members.set(group, new Set([...(members.get(group) ?? []), user]));
  for (const user of catalog.users) for (const ref of user.entity.spec.memberOf ?? []) add(parseEntityRef(ref, 'group').name, user.entity.metadata.name);
  for (const group of catalog.groups) for (const ref of group.entity.spec.members ?? []) add(group.entity.metadata.name, parseEntityRef(ref, 'user').name);
  // A child is a group whose parent names this one: the import follows spec.parent.
  const childrenOf = (name: string) =>
    catalog.groups.filter((group) => group.entity.spec.parent !== undefined && parseEntityRef(group.entity.spec.parent, 'group').name === name).map((group) => group.entity.metadata.name).sort();
  return new Map(
    catalog.groups.map(({entity}) => [
      entity.metadata.name,
      {
        type: entity.spec.type,
        parent: entity.spec.parent === undefined ? undefined : parseEntityRef(entity.spec.parent, 'group').name,
        children: childrenOf(entity.metadata.name),
        displayName: entity.spec.profile?.displayName ?? entity.metadata.name,
        email: entity.spec.profile?.email,
        description: entity.metadata.description,
        members: [...(members.get(entity.metadata.name) ?? [])].sort(),
      },
    ]),
  );
}

describe('the Backstage round trip', () => {
  it('acme catalog → unit pages → model → catalog-groups.yaml keeps every field both formats hold', async () => {
    const {model} = await importAcme();
    const exported = toCatalogYaml(unitsToGroups(catalogUnitsOf(model, SITE_URL)), SITE_URL);
    const original = comparable(await readAcmeCatalog());
    const roundTripped = comparable(readCatalogFile('catalog-groups.yaml', exported));
    expect(roundTripped).toEqual(original);
    // And the export is a catalog file Backstage reads: one Group per document, each linking back.
    const documents = exported.split(/^---$/m).slice(1).map((text) => parseYamlDocuments(text) as {metadata: {links: Array<{url: string}>}});
    expect(documents).toHaveLength(9);
    expect(documents[0]!.metadata.links[0]!.url).toBe(`${SITE_URL}acme-corp`);
  });

  it('the committed example pages are what the import writes today', async () => {
    const {pages} = await importAcme();
    const committed = new Map((await readDocsFiles(ACME_SITE, 'docs')).map((file) => [file.source, file.text]));
    committed.delete('docs/index.md');
    expect([...committed.keys()].sort()).toEqual(pages.map((page) => page.path).sort());
    for (const page of pages) expect(committed.get(page.path), page.path).toBe(page.content);
  });
});

describe('npm run import:backstage and the check, on a copy of the example site', () => {
  it('imports the fixtures folder into an empty site, and the check passes', async () => {
    const siteDir = await mkdtemp(path.join(tmpdir(), 'org-acme-'));
    temporary.push(siteDir);
    await cp(path.join(ACME_SITE, 'org.vocabulary.yaml'), path.join(siteDir, 'org.vocabulary.yaml'));
    await cp(path.join(ACME_SITE, 'docs/index.md'), path.join(siteDir, 'docs/index.md'));
    const run = await runScript('scripts/import-backstage.ts', [ACME_FIXTURES, '--site-dir', siteDir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('note: dropped spec.profile.picture of 5 groups');
    expect(run.stdout).toContain('Imported 9 groups:');
    const result = await checkContentTree(siteDir);
    expect(result.problems).toEqual([]);
    expect(await readFile(path.join(siteDir, 'docs/teams/team-b.md'), 'utf8')).toContain('handle: jenny.doe');
  });

  it('checks the example site itself', async () => {
    const result = await checkContentTree(ACME_SITE);
    expect(result.problems).toEqual([]);
    expect(result.graph?.units.size).toBe(9);
  });
});
