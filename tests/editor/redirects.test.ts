/** Old addresses: page addresses from the docs plugin's own rule, redirects from org.redirectFrom, and the check on them. */
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {checkContentTree, HANDBOOK_DOCS_SHAPE} from '@site/src/plugins/content';
import {createPermalinkRule} from '@site/src/plugins/docs-rules';
import {collectRedirects} from '@site/src/org/pipeline';
import {formatProblem} from '@site/src/org/problems';
import {copyOfDocs, REPO, removeCopies} from './support';

afterAll(removeCopies);

const permalinkOf = createPermalinkRule(HANDBOOK_DOCS_SHAPE);
const pagePathOf = (source: string) => permalinkOf(source, {});
const redirectsFromContent = async (siteDir: string) => collectRedirects(await checkContentTree(siteDir));

describe('the docs plugin\'s permalink rule, as the pipeline asks it', () => {
  it('maps a file to its address', () => {
    expect(pagePathOf('docs/teams/area-leads.md')).toBe('/teams/area-leads');
    expect(pagePathOf('docs/history.md')).toBe('/history');
    expect(pagePathOf('docs/guide/review-status.md')).toBe('/guide/review-status');
  });

  it('gives an index page its folder\'s address', () => {
    expect(pagePathOf('docs/index.md')).toBe('/');
    expect(pagePathOf('docs/teams/index.md')).toBe('/teams');
    expect(pagePathOf('docs/teams/README.md')).toBe('/teams');
    expect(pagePathOf('docs/functional-areas/engineering/engineering.md')).toBe('/functional-areas/engineering');
  });

  it('drops number prefixes', () => {
    expect(pagePathOf('docs/02-teams/01-area-leads.mdx')).toBe('/teams/area-leads');
  });
});

async function editPage(siteDir: string, source: string, edit: (text: string) => string) {
  const file = path.join(siteDir, source);
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

describe('redirects from org.redirectFrom', () => {
  it('the real docs ask for none yet', async () => {
    expect(await redirectsFromContent(REPO)).toEqual([]);
  });

  it('point each old address at the page\'s current address', async () => {
    const siteDir = await copyOfDocs();
    await editPage(siteDir, 'docs/teams/community-and-partnerships.md', (text) =>
      text.replace('  members: [community, partnerships]\n', '  members: [community, partnerships]\n  redirectFrom: [/teams/community, /partners/]\n'),
    );
    expect((await checkContentTree(siteDir)).problems).toEqual([]);
    expect(await redirectsFromContent(siteDir)).toEqual([
      {from: '/partners', to: '/teams/community-and-partnerships'},
      {from: '/teams/community', to: '/teams/community-and-partnerships'},
    ]);
  });

  it('are reported by the check when the old address still belongs to a page', async () => {
    const siteDir = await copyOfDocs();
    await editPage(siteDir, 'docs/teams/community-and-partnerships.md', (text) =>
      text.replace('  members: [community, partnerships]\n', '  members: [community, partnerships]\n  redirectFrom:\n    - /functional-areas/community\n    - /teams/community-and-partnerships/\n'),
    );
    expect((await checkContentTree(siteDir)).problems.map(formatProblem)).toEqual([
      'docs/teams/community-and-partnerships.md:10:7: redirect from "/functional-areas/community" can never be used: it is the address of docs/functional-areas/community.md; remove it, or move that page first',
      'docs/teams/community-and-partnerships.md:11:7: redirect from "/teams/community-and-partnerships/" can never be used: it is the address of this page; remove it, or move that page first',
    ]);
  });
});
