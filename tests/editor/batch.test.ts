/** `npm run new:unit -- --from FILE` and the flags for every field: the pure parts, then the CLI on a copy of docs/. */
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {readBatchFile} from '@site/packages/org-handbook/src/org/batch';
import {formatProblem} from '@site/packages/org-handbook/src/org/problems';
import {createUnitPages} from '@site/packages/org-handbook/src/org/scaffold';
import {parseContactFlag, parseHolder, parseRoleFlag} from '@site/packages/org-handbook/src/org/scaffold-flags';
import {checkContentTree, createSiteRules, readDocsFiles} from '@site/packages/org-handbook/src/plugin/content';
import {copyOfDocs, REPO, removeCopies, runScript} from './support';

afterAll(removeCopies);

const rules = await createSiteRules(REPO);
const texts = new Map((await readDocsFiles(REPO, 'docs')).map((file) => [file.source, file.text]));

describe('readBatchFile', () => {
  it('reads a YAML list, a "units:" mapping and JSON alike', () => {
    const yamlList = readBatchFile('u.yaml', '# comment\n- kind: area\n  name: Research\n- {kind: team, name: Data}\n');
    const mapping = readBatchFile('u.yaml', 'units:\n  - kind: area\n    name: Research\n  - {kind: team, name: Data}\n');
    const json = readBatchFile('u.json', '[\n  {"kind": "area", "name": "Research"},\n  {"kind": "team", "name": "Data"}\n]\n');
    for (const batch of [yamlList, mapping, json]) {
      expect(batch.problems).toEqual([]);
      expect(batch.entries).toEqual([{kind: 'area', name: 'Research'}, {kind: 'team', name: 'Data'}]);
    }
    // Positions are the file's own, whichever form it takes.
    expect(yamlList.locate(1, ['name'])).toEqual({line: 4, column: 22});
    expect(mapping.locate(0, ['name'])).toEqual({line: 3, column: 11});
    expect(json.locate(1, ['kind'])).toEqual({line: 3, column: 12});
  });

  it('locates every problem of the file at once', () => {
    const batch = readBatchFile(
      'units.yaml',
      ['- kind: area', '  name: Research', '  colour: blue', '- kind: team', '- kind: team', '  name: Data', '  members: engineering', ''].join('\n'),
    );
    expect(batch.problems.map(formatProblem)).toEqual([
      'units.yaml:3:3: unknown field "colour"',
      'units.yaml:4:3: unit 2 needs "name"',
      'units.yaml:7:12: "members" must be a list of texts',
    ]);
  });

  it('locates YAML syntax errors in the file', () => {
    const batch = readBatchFile('units.yaml', '- kind: area\n  name: "Research\n');
    expect(batch.problems).toHaveLength(1);
    expect(batch.problems[0]).toMatchObject({file: 'units.yaml', line: 2});
  });
});

describe('the short forms of --role and --contact', () => {
  it('reads holders with a handle and a link', () => {
    expect(parseHolder(' Jane Doe @jane <https://example.org/jane> ')).toEqual({
      name: 'Jane Doe',
      url: 'https://example.org/jane',
      handle: '@jane',
    });
    expect(parseRoleFlag('lead=Jane Doe @jane; John Roe')).toEqual({
      value: {role: 'lead', holders: [{name: 'Jane Doe', handle: '@jane'}, {name: 'John Roe'}]},
    });
    expect(parseRoleFlag('chair:Council chair')).toEqual({value: {role: 'chair', title: 'Council chair'}});
    expect(parseRoleFlag('{role: chair, vacant: true}')).toEqual({value: {role: 'chair', vacant: true}});
    expect(parseRoleFlag('=Jane')).toEqual({problem: "--role '=Jane': say which role first, such as lead=Jane Doe"});
  });

  it('reads contacts with and without a link', () => {
    expect(parseContactFlag('chat=#data <https://chat.example.org/data>')).toEqual({
      value: {type: 'chat', label: '#data', url: 'https://chat.example.org/data'},
    });
    expect(parseContactFlag('website=https://example.org')).toEqual({
      value: {type: 'website', label: 'https://example.org', url: 'https://example.org'},
    });
    expect(parseContactFlag('{type: meeting, label: Weekly, schedule: Tuesdays}')).toEqual({
      value: {type: 'meeting', label: 'Weekly', schedule: 'Tuesdays'},
    });
    expect(parseContactFlag('chat')).toHaveProperty('problem');
    expect(parseContactFlag('{type: [}')).toHaveProperty('problem');
  });
});

describe('createUnitPages', () => {
  it('accepts units that refer to each other, in any order', () => {
    const result = createUnitPages(
      [
        {kind: 'team', name: 'Data', members: ['research']},
        {kind: 'area', name: 'Research', reportsTo: 'executive-director'},
      ],
      texts,
      rules,
    );
    expect(result.ok && result.pages.map((page) => page.path)).toEqual(['docs/teams/data.md', 'docs/functional-areas/research.md']);
  });

  it('gives each page of a folder its own sidebar position', () => {
    const result = createUnitPages(
      [
        {kind: 'area', name: 'Research', reportsTo: 'executive-director'},
        {kind: 'area', name: 'Outreach', reportsTo: 'executive-director'},
      ],
      texts,
      rules,
    );
    const positions = result.ok ? result.pages.map((page) => /sidebar_position: (\d+)/.exec(page.content)?.[1]) : [];
    expect(positions).toHaveLength(2);
    expect(positions[0]).not.toBe(positions[1]);
  });

  it('points each problem at the entry and the field it comes from', () => {
    const result = createUnitPages(
      [
        {kind: 'area', name: 'Research', reportsTo: 'executive-director', relations: [{type: 'dotted-line', to: 'nobody'}]},
        {kind: 'team', name: 'Data', members: ['research', 'enginering']},
        {kind: 'team', name: 'Data', members: ['research']},
      ],
      texts,
      rules,
    );
    expect(result.ok).toBe(false);
    const where = !result.ok ? result.problems.map(({entry, answerPath, message}) => ({entry, answerPath, message})) : [];
    expect(where).toContainEqual({
      entry: 1,
      answerPath: ['members', 1],
      message: 'unknown unit "enginering" (did you mean "engineering"?)',
    });
    expect(where).toContainEqual(expect.objectContaining({entry: 0, answerPath: ['relations', 0, 'to']}));
    expect(where).toContainEqual(
      expect.objectContaining({entry: 2, answerPath: ['name'], message: expect.stringMatching(/^units 2 and 3 of the batch would both be written/)}),
    );
  });
});

describe('npm run new:unit with a flag for every field', () => {
  it('writes roles, contacts, a short name and a review date, and the check reads them back', async () => {
    const siteDir = await copyOfDocs();
    const run = await runScript('scripts/new-unit.ts', [
      '--site-dir', siteDir, '--yes',
      '--kind', 'area',
      '--title', 'Research & Data',
      '--short-name', 'Research',
      '--reports-to', 'executive-director',
      '--role', 'lead:Research lead=Jane Doe @jane-doe <https://example.org/jane>; John Roe',
      '--role', '{role: liaison, vacant: true}',
      '--contact', 'chat=#research <https://chat.example.org/research>',
      '--contact', '{type: meeting, label: Weekly call, schedule: Tuesdays 16:00 UTC}',
      '--maintainers', '@jane-doe',
      '--reviewed', '2026-11-01',
      '--former-ids', 'data-science',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = await checkContentTree(siteDir);
    expect(result.problems).toEqual([]);
    const unit = result.graph!.units.get('research-and-data')!;
    expect(unit.name).toBe('Research');
    expect(unit.org).toMatchObject({
      reviewed: '2026-11-01',
      formerIds: ['data-science'],
      roles: [
        {role: 'lead', title: 'Research lead', holders: [{name: 'Jane Doe', url: 'https://example.org/jane', handle: '@jane-doe'}, {name: 'John Roe'}]},
        {role: 'liaison', vacant: true},
      ],
      contacts: [
        {type: 'chat', label: '#research', url: 'https://chat.example.org/research'},
        {type: 'meeting', label: 'Weekly call', schedule: 'Tuesdays 16:00 UTC'},
      ],
    });
  });

  it('refuses a role the vocabulary does not have, at its place in the page', async () => {
    const run = await runScript('scripts/new-unit.ts', [
      '--site-dir', await copyOfDocs(), '--kind', 'area', '--name', 'Research', '--reports-to', 'executive-director', '--role', 'leader=Jane Doe',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^docs\/functional-areas\/research\.md:\d+:\d+: .*"leader".*lead/m);
  });
});

describe('npm run new:unit -- --from FILE', () => {
  it('writes every unit, and the check passes', async () => {
    const siteDir = await copyOfDocs();
    const file = path.join(siteDir, 'units.yaml');
    await writeFile(
      file,
      [
        '- kind: area',
        '  name: R&D <Lab> {beta}',
        '  id: research',
        '  shortName: R&D',
        '  reportsTo: executive-director',
        '  maintainers: ["@jane-doe"]',
        '- kind: team',
        '  name: Data',
        '  members: [research, engineering]',
        '  description: Studies how partner communities use the hubs.',
        '',
      ].join('\n'),
    );
    const run = await runScript('scripts/new-unit.ts', ['--site-dir', siteDir, '--from', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Created 2 unit pages:\n  docs/functional-areas/research.md\n  docs/teams/data.md');
    const research = await readFile(path.join(siteDir, 'docs/functional-areas/research.md'), 'utf8');
    expect(research).toContain('\nR\\&D \\<Lab\\> \\{beta\\} is');
    expect(research).toMatch(/\n {2}reviewed: \d{4}-\d{2}-\d{2}\n/);
    const result = await checkContentTree(siteDir);
    expect(result.problems).toEqual([]);
    expect(result.graph?.units.get('research')).toMatchObject({title: 'R&D <Lab> {beta}', name: 'R&D'});
    expect(result.graph?.memberOf.get('research')).toEqual(['data']);
  });

  it('refuses the whole batch with every problem located in the file, and writes nothing', async () => {
    const siteDir = await copyOfDocs();
    const file = path.join(siteDir, 'units.yaml');
    await writeFile(
      file,
      ['- kind: area', '  name: Research', '  reportsTo: executive-director', '- kind: area', '  name: Data', '  reportsTo: executiv-director', ''].join('\n'),
    );
    const run = await runScript('scripts/new-unit.ts', ['--site-dir', siteDir, '--from', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${path.relative(REPO, file)}:6:14: unknown unit "executiv-director" (did you mean "executive-director"?) (unit 2, page docs/functional-areas/data.md)`,
    );
    expect(run.stderr).toContain('Nothing was written: 1 problem');
    await expect(readFile(path.join(siteDir, 'docs/functional-areas/research.md'), 'utf8')).rejects.toThrow();
  });
});
