/** `npm run new:unit`: the pure core (src/org/scaffold.ts) and the real CLI on a copy of docs/. */
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {checkContentTree, createSiteRules, readDocsFiles} from '@site/src/plugins/content';
import {selectUnits} from '@site/src/org/derive';
import {loadContentTree} from '@site/src/plugins/content';
import type {SiteRules} from '@site/src/org/pipeline';
import {formatProblem} from '@site/src/org/problems';
import {createUnitPage, folderFor, slugify, type UnitAnswers} from '@site/src/org/scaffold';
import {copyOfDocs, REPO, runScript, removeCopies} from './support';

afterAll(removeCopies);

const loaded = await loadContentTree(REPO);
const rules: SiteRules = await createSiteRules(REPO);
const textsOf = async (siteDir: string) => new Map((await readDocsFiles(siteDir, 'docs')).map((file) => [file.source, file.text]));
const texts = await textsOf(REPO);

/** Writes the page the scaffolder proposes into a copy of docs/ and checks the whole tree. */
async function addAndCheck(answers: UnitAnswers) {
  const siteDir = await copyOfDocs();
  const page = createUnitPage(answers, await textsOf(siteDir), rules);
  if (!page.ok) throw new Error(page.problems.map(formatProblem).join('\n'));
  await mkdir(path.dirname(path.join(siteDir, page.path)), {recursive: true});
  await writeFile(path.join(siteDir, page.path), page.content);
  return {page, result: await checkContentTree(siteDir)};
}

function refusal(answers: UnitAnswers): string[] {
  const page = createUnitPage(answers, texts, rules);
  if (page.ok) throw new Error(`expected a refusal, got ${page.path}`);
  return page.problems.map(formatProblem);
}

describe('createUnitPage', () => {
  it('writes a team page that passes the check and joins the graph without any other edit', async () => {
    const {page, result} = await addAndCheck({
      kind: 'team',
      name: 'Data and Research',
      reportsTo: 'executive-director',
      members: ['product', 'engineering'],
      description: 'Studies how partner communities use the hubs and what they need next.',
    });
    expect(page.path).toBe('docs/teams/data-and-research.md');
    expect(result.problems).toEqual([]);
    const graph = result.graph!;
    expect(graph.units.get('data-and-research')?.title).toBe('Data and Research');
    expect(graph.children.get('executive-director')).toContain('data-and-research');
    expect(graph.memberOf.get('product')).toContain('data-and-research');
    expect(selectUnits(graph, {kind: 'team'})).toHaveLength(4);
  });

  it('writes frontmatter in the handbook\'s own style', () => {
    const page = createUnitPage(
      {kind: 'team', name: 'Data and Research', reportsTo: 'executive-director', members: ['product', 'engineering']},
      texts,
      rules,
    );
    expect(page.ok && page.content.split('\n').slice(0, 10)).toEqual([
      '---',
      'title: Data and Research',
      'sidebar_position: 4',
      'org:',
      '  id: data-and-research',
      '  kind: team',
      '  reportsTo: executive-director',
      '  members: [product, engineering]',
      '---',
      '',
    ]);
  });

  it('puts each kind in its folder', async () => {
    const cases: Array<[UnitAnswers, string]> = [
      [{kind: 'area', name: 'Research', reportsTo: 'executive-director'}, 'docs/functional-areas/research.md'],
      [{kind: 'role', name: 'Treasurer', reportsTo: 'steering-council'}, 'docs/governance/treasurer.md'],
      [{kind: 'council', name: 'Advisory Council', reportsTo: '2i2c'}, 'docs/governance/advisory-council.md'],
      [{kind: 'sponsor', name: 'Another Sponsor', relations: [{type: 'sponsors', to: '2i2c'}]}, 'docs/governance/another-sponsor.md'],
      [{kind: 'institution', name: 'A University', relations: [{type: 'founded', to: '2i2c'}]}, 'docs/a-university.md'],
    ];
    for (const [answers, expected] of cases) {
      const {page, result} = await addAndCheck(answers);
      expect(page.path).toBe(expected);
      expect(result.problems, expected).toEqual([]);
    }
  });

  it('nests a unit under a parent that has a folder of its own', () => {
    const units = [
      ...loaded.units,
      {...loaded.units.find((unit) => unit.org.id === 'engineering')!, source: 'docs/functional-areas/engineering/index.md'},
    ].filter((unit) => unit.source !== 'docs/functional-areas/engineering.md');
    expect(folderFor('role', 'engineering', units, rules)).toBe('docs/functional-areas/engineering');
    expect(folderFor('team', 'engineering', units, rules)).toBe('docs/functional-areas/engineering');
    expect(folderFor('team', 'executive-director', units, rules)).toBe('docs/teams');
    expect(folderFor('institution', undefined, units, rules)).toBe('docs');
  });

  it('derives the id from the name', () => {
    expect(slugify('Research & Data Science')).toBe('research-and-data-science');
    expect(slugify('  Café Opérations  ')).toBe('cafe-operations');
  });

  it('refuses an unknown parent and member with the check\'s "did you mean" messages', () => {
    expect(
      refusal({kind: 'team', name: 'Data and Research', reportsTo: 'executiv-director', members: ['product', 'enginering']}),
    ).toEqual([
      'docs/teams/data-and-research.md:7:14: unknown unit "executiv-director" (did you mean "executive-director"?)',
      'docs/teams/data-and-research.md:8:22: unknown unit "enginering" (did you mean "engineering"?)',
    ]);
  });

  it('refuses a duplicate id, pointing at the unit that has it', () => {
    expect(refusal({kind: 'area', name: 'Engineering', reportsTo: 'executive-director'})).toEqual([
      'docs/functional-areas/engineering.md:5:7: duplicate unit id "engineering": already used by docs/functional-areas/engineering.md:6:7',
    ]);
    expect(refusal({kind: 'team', name: 'Platform', id: 'community', reportsTo: 'executive-director', members: ['engineering']})).toEqual([
      'docs/teams/community.md:5:7: duplicate unit id "community": already used by docs/functional-areas/community.md:6:7',
    ]);
  });

  it('refuses what the schema and the kind rules refuse, and says which answer to change', () => {
    const kind = createUnitPage({kind: 'widget', name: 'Widgets'}, texts, rules);
    expect(kind.ok).toBe(false);
    expect(!kind.ok && kind.problems.map(formatProblem)).toEqual([
      'docs/widgets.md:6:9: "org.kind" must be one of organization, sponsor, institution, council, role, area, team, not "widget"',
    ]);
    expect(!kind.ok && kind.fields).toEqual(['kind']);

    const parent = createUnitPage({kind: 'council', name: 'Advisory Council', reportsTo: 'engineering'}, texts, rules);
    expect(!parent.ok && parent.problems.map(formatProblem)).toEqual([
      'docs/governance/advisory-council.md:7:14: a council cannot report to an area ("engineering"); it may report to organization',
    ]);
    expect(!parent.ok && parent.fields).toEqual(['reportsTo']);

    const team = createUnitPage({kind: 'team', name: 'Lonely', reportsTo: 'executive-director'}, texts, rules);
    expect(!team.ok && team.fields).toEqual(['members']);
  });
});

describe('npm run new:unit (the CLI, with flags, in a copy of docs/)', () => {
  it('writes the page, and the check passes', async () => {
    const siteDir = await copyOfDocs();
    const run = await runScript('scripts/new-unit.ts', [
      '--site-dir', siteDir,
      '--kind', 'team',
      '--name', 'Data and Research',
      '--reports-to', 'executive-director',
      '--members', 'product, engineering',
      '--description', 'Studies how partner communities use the hubs.',
      '--maintainers', '@jane-doe',
      '--yes',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Created docs/teams/data-and-research.md');
    const text = await readFile(path.join(siteDir, 'docs/teams/data-and-research.md'), 'utf8');
    expect(text).toContain('  maintainers: ["@jane-doe"]\n');
    expect(text).toMatch(/\n {2}reviewed: \d{4}-\d{2}-\d{2}\n/);
    const result = await checkContentTree(siteDir);
    expect(result.problems).toEqual([]);
    expect(result.graph?.units.get('data-and-research')?.org.members).toEqual(['product', 'engineering']);
  });

  it('refuses bad answers with the check\'s messages and writes nothing', async () => {
    const siteDir = await copyOfDocs();
    const run = await runScript('scripts/new-unit.ts', [
      '--site-dir', siteDir, '--kind', 'area', '--name', 'Research', '--reports-to', 'executiv-director',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'docs/functional-areas/research.md:7:14: unknown unit "executiv-director" (did you mean "executive-director"?)',
    );
    await expect(readFile(path.join(siteDir, 'docs/functional-areas/research.md'), 'utf8')).rejects.toThrow();
  });

  it('names the missing flags when it cannot ask', async () => {
    const run = await runScript('scripts/new-unit.ts', ['--site-dir', await copyOfDocs(), '--kind', 'team', '--name', 'X']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Missing --reports-to, --members /);
  });

  it('prints the page and writes nothing with --dry-run', async () => {
    const siteDir = await copyOfDocs();
    const run = await runScript('scripts/new-unit.ts', [
      '--site-dir', siteDir, '--kind', 'role', '--name', 'Treasurer', '--reports-to', 'steering-council', '--dry-run',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Would write docs/governance/treasurer.md:');
    expect(run.stdout).toContain('  kind: role\n');
    await expect(readFile(path.join(siteDir, 'docs/governance/treasurer.md'), 'utf8')).rejects.toThrow();
  });
});
