/**
 * A rule of the structure is configuration: the same pages are refused or
 * accepted depending only on what the vocabulary allows. Here, a committee
 * (a council) under the Steering Council, with the real handbook's pages.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkTexts} from '@site/packages/org-handbook/src/org/pipeline';
import {parseVocabulary} from '@site/packages/org-handbook/src/org/vocabulary';
import {createSiteRules, readDocsFiles} from '@site/packages/org-handbook/src/plugin/content';

const REPO = path.resolve(__dirname, '../..');
const VOCABULARY = readFileSync(path.join(REPO, 'org.vocabulary.yaml'), 'utf8');

const COMMITTEE = `---
title: Finance committee
description: Oversees the budget on behalf of the council.
org:
  id: finance-committee
  kind: council
  reportsTo: steering-council
  roles:
    - role: chair
      title: Committee chair
      vacant: true
  contacts:
    - type: mailing-list
      label: Finance committee list
---

The council's committee on money.
`;

async function checkWith(vocabularyText: string) {
  const {vocabulary, problems} = parseVocabulary(vocabularyText, 'org.vocabulary.yaml');
  expect(problems).toEqual([]);
  const texts = new Map((await readDocsFiles(REPO, 'docs')).map((file) => [file.source, file.text]));
  texts.set('docs/governance/finance-committee.md', COMMITTEE);
  return checkTexts(texts, {...(await createSiteRules(REPO)), vocabulary: vocabulary!});
}

describe('a structure rule that lives in the vocabulary', () => {
  it('refuses a committee under the council while councils may report only to the organization', async () => {
    const stricter = VOCABULARY.replace('reportsTo: [organization, council]', 'reportsTo: [organization]');
    expect(stricter).not.toBe(VOCABULARY);
    const result = await checkWith(stricter);
    expect(result.problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`)).toContainEqual(
      expect.stringMatching(/^docs\/governance\/finance-committee\.md:7: a council cannot report to .*"steering-council".*; it may report to organization/),
    );
  });

  it('accepts the same page once the vocabulary lets a council report to a council, and derives its place', async () => {
    const result = await checkWith(VOCABULARY);
    expect(result.problems).toEqual([]);
    expect(result.graph!.children.get('steering-council')).toContain('finance-committee');
    const committee = result.graph!.units.get('finance-committee')!;
    expect(committee.org.roles?.[0]).toMatchObject({role: 'chair', title: 'Committee chair', vacant: true});
    expect(committee.org.contacts?.[0]).toMatchObject({type: 'mailing-list', label: 'Finance committee list'});
  });
});
