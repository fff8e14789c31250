/** Backstage interoperability: catalog files read with positions, groups mapped to units and back. */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {readCatalogFile, parseEntityRef} from '@site/packages/org-handbook/src/org/backstage/entities';
import {groupsToUnits} from '@site/packages/org-handbook/src/org/backstage/import';
import {formatProblem} from '@site/packages/org-handbook/src/org/problems';
import {parseVocabulary} from '@site/packages/org-handbook/src/org/vocabulary';
import {readAcmeCatalog} from '../support/backstage-acme';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const acmeVocabulary = parseVocabulary(await readFile(path.join(REPO, 'examples/acme/org.vocabulary.yaml'), 'utf8')).vocabulary!;

describe('readCatalogFile', () => {
  it('reads every Group and User of the acme example, and skips the rest', async () => {
    const catalog = await readAcmeCatalog();
    expect(catalog.problems).toEqual([]);
    expect(catalog.groups.map((group) => group.entity.metadata.name).sort()).toEqual([
      'acme-corp', 'backstage', 'boxoffice', 'infrastructure', 'team-a', 'team-b', 'team-c', 'team-d', 'team-e',
    ]);
    expect(catalog.users).toHaveLength(17);
    expect(catalog.skipped).toEqual(new Map([['Location', 1]]));
    // Positions are the file's, across documents.
    const janelle = catalog.users.find((user) => user.entity.metadata.name === 'janelle.dawe')!;
    expect(janelle.file).toBe('team-a-group.yaml');
    expect(janelle.locate(['spec', 'memberOf'])).toEqual({line: 35, column: 13});
  });

  it('locates what is wrong in each document, and goes on with the next', () => {
    const catalog = readCatalogFile(
      'groups.yaml',
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Group',
        'metadata: {name: team-x}',
        'spec: {children: []}',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Group',
        'metadata: {name: "bad name!"}',
        'spec: {type: team, children: []}',
        '---',
        'kind: Group',
        'metadata: {name: "unclosed}',
        '---',
        'apiVersion: backstage.io/v1alpha1',
        'kind: Group',
        'metadata: {name: fine}',
        'spec: {type: team, children: []}',
        '',
      ].join('\n'),
    );
    expect(catalog.groups.map((group) => group.entity.metadata.name)).toEqual(['fine']);
    const messages = catalog.problems.map(formatProblem);
    expect(messages[0]).toBe('groups.yaml:4:7: spec.type must be text');
    expect(messages[1]).toMatch(/^groups\.yaml:8:18: metadata\.name must be an entity name/);
    expect(messages[2]).toMatch(/^groups\.yaml:12:\d+: YAML syntax error/);
  });

  it('reads entity references in every form', () => {
    expect(parseEntityRef('group:default/team-a', 'group')).toEqual({kind: 'group', namespace: 'default', name: 'team-a'});
    expect(parseEntityRef('team-a', 'group')).toEqual({kind: 'group', namespace: 'default', name: 'team-a'});
    expect(parseEntityRef('User:ops/jane', 'group')).toEqual({kind: 'user', namespace: 'ops', name: 'jane'});
  });
});

describe('groupsToUnits', () => {
  it('maps each group to the answers of new:unit, members and e-mail included', async () => {
    const imported = groupsToUnits(await readAcmeCatalog(), acmeVocabulary);
    expect(imported.problems).toEqual([]);
    const byId = new Map(imported.units.map((unit) => [unit.id, unit]));
    expect([...byId.keys()].sort()).toEqual(['acme-corp', 'backstage', 'boxoffice', 'infrastructure', 'team-a', 'team-b', 'team-c', 'team-d', 'team-e']);
    expect(byId.get('backstage')).toEqual({
      kind: 'sub-department',
      name: 'Backstage',
      id: 'backstage',
      reportsTo: 'infrastructure',
      description: 'The backstage sub-department',
      contacts: [{type: 'email', label: 'backstage@example.com', url: 'mailto:backstage@example.com'}],
    });
    // No displayName: the entity's name is the title.
    expect(byId.get('team-a')?.name).toBe('team-a');
    expect(byId.get('team-a')?.roles).toEqual([
      {
        role: 'member',
        holders: [
          {name: 'breanna.davison', url: 'mailto:breanna-davison@example.com', handle: 'breanna.davison'},
          {name: 'Guest User', url: 'mailto:guest@example.com', handle: 'guest'},
          {name: 'Janelle Dawe', url: 'mailto:janelle-dawe@example.com', handle: 'janelle.dawe'},
          {name: 'Nigel Manning', url: 'mailto:nigel-manning@example.com', handle: 'nigel.manning'},
        ],
      },
    ]);
    expect(byId.get('acme-corp')).not.toHaveProperty('reportsTo');
  });

  it('says what it could not keep or found inconsistent', async () => {
    const {notes} = groupsToUnits(await readAcmeCatalog(), acmeVocabulary);
    expect(notes).toContain('dropped spec.profile.picture of 5 groups: the handbook loads nothing from other hosts');
    expect(notes).toContain('skipped 1 Location entity: only Group and User entities are imported');
    expect(notes).toContain(
      'team-e-big-name-group.yaml:12:11: "team-e" names "boxoffice" as its parent, which does not list it among its children; the parent wins',
    );
  });

  it('refuses a group type the vocabulary does not have, at its place, with a guess', () => {
    const catalog = readCatalogFile(
      'squads.yaml',
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: squad-1}\nspec:\n  type: teams\n  children: []\n',
    );
    const {problems} = groupsToUnits(catalog, acmeVocabulary);
    expect(problems.map(formatProblem)).toEqual([
      'squads.yaml:5:9: "teams" is not a kind of this handbook\'s vocabulary (did you mean "team"?); add it to org.vocabulary.yaml or change the group\'s type (kinds: organization, department, sub-department, team)',
    ]);
  });
});
