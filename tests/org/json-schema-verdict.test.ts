/**
 * The published frontmatter JSON Schema (what an editor's YAML tooling
 * checks as they type) and `npm run check` give the same verdict on every
 * unit page whose problems are its own. Cases that depend on other pages
 * (an address two pages share, a link to a page that does not exist, a
 * directive in a body) are beyond any per-file schema and are listed with why.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {describe, expect, it} from 'vitest';
import {readFrontMatter} from '@site/packages/org-handbook/src/org/frontmatter';
import {checkContentTree} from '@site/packages/org-handbook/src/plugin/content';
import {REJECTED, unit} from '@site/tests/fixtures/edge-cases';
import {contentTreeWith, FIXTURES} from '@site/tests/support/content-tree';

const schema = JSON.parse(await readFile(path.join(FIXTURES, '..', '..', '..', 'static', 'schema', 'org-frontmatter.v1.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({allErrors: true, strict: false});
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema's verdict on one page: YAML that does not read is refused by any YAML tooling before the schema. */
function schemaAccepts(text: string): boolean {
  const read = readFrontMatter(text);
  if (read.problems.length > 0) return false;
  return validate(read.data) === true;
}

/** Rejected because of other pages, not of the page itself. */
const ACROSS_PAGES: Record<string, string> = {
  'a unit file named like its folder beside its index.md': 'two files share an address',
  'two pages with the same slug': 'two files share an address (and neither is a unit page)',
  'a redirect over a generated file': 'what the build generates is known only to the site',
  'a contact link to a page that does not exist': 'the pages that exist are known only to the site',
  'an unknown kind in a directive': 'a directive is in the page body, not the frontmatter',
};

const PAGE_CASES: Record<string, {text: string; accepted: boolean}> = {
  'a valid area': {text: unit('plain'), accepted: true},
  '"members" on an area': {text: unit('with-members', '  members: [engineering]\n'), accepted: false},
  '"vacant" on an area': {text: unit('vacant-area', '  vacant: true\n'), accepted: false},
  'a team without members': {text: unit('lonely').replace('kind: area', 'kind: team'), accepted: false},
  'a team with members': {text: unit('crew', '  members: [engineering]\n').replace('kind: area', 'kind: team').replace(/ {2}reportsTo: .*\n/, ''), accepted: true},
  'a team with a reporting line': {text: unit('crew', '  members: [engineering]\n').replace('kind: area', 'kind: team'), accepted: false},
  'an area with no reporting line': {text: unit('adrift').replace(/ {2}reportsTo: .*\n/, ''), accepted: false},
  'a vacant role': {text: unit('open-role', '  vacant: true\n').replace('kind: area', 'kind: role'), accepted: true},
  'a javascript: link': {text: unit('scripted', '  contacts:\n    - type: chat\n      label: Chat\n      url: "javascript:alert(1)"\n'), accepted: false},
  'the old "lead" key': {text: unit('old-lead', '  lead: {title: Lead}\n'), accepted: false},
  'a real date': {text: unit('reviewed', "  reviewed: '2024-02-29'\n"), accepted: true},
};

describe('the JSON Schema and the check agree', () => {
  for (const [name, {files}] of Object.entries(REJECTED)) {
    if (name in ACROSS_PAGES) continue;
    it(`both refuse ${name}`, () => {
      const unitPages = Object.values(files);
      expect(unitPages.some((text) => !schemaAccepts(text)), 'the JSON Schema accepts every page').toBe(true);
    });
  }

  for (const [name, {text, accepted}] of Object.entries(PAGE_CASES)) {
    it(`${accepted ? 'both accept' : 'both refuse'} ${name}`, async () => {
      const check = await checkContentTree(await contentTreeWith({'docs/case.md': text}));
      const checkAccepts = !check.problems.some((problem) => problem.file === 'docs/case.md');
      expect({check: checkAccepts, schema: schemaAccepts(text)}).toEqual({check: accepted, schema: accepted});
    });
  }

  it('lists every rejected case it leaves out, with a reason', () => {
    for (const name of Object.keys(ACROSS_PAGES)) expect(Object.keys(REJECTED)).toContain(name);
  });
});
