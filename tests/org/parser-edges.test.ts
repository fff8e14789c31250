/**
 * Where a page's frontmatter is unusual or the content asks for something
 * the build would refuse, the check says so, at the right place; where the
 * page is fine, its unit is in the graph. Nothing is published without its
 * org data. tests/org/build-fails.test.ts runs the real build on the rejected
 * cases together and finds the same messages.
 */
import {mkdir, symlink, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {MAX_YAML_PROBLEMS} from '@site/src/org/frontmatter';
import {formatProblem} from '@site/src/org/problems';
import {checkContentTree} from '@site/src/plugins/content';
import {contentTree} from '@site/tests/support/content-tree';

const unit = (id: string, extra = '', front = '') => `---\ntitle: ${id}\n${front}org:\n  id: ${id}\n  kind: area\n  reportsTo: director\n${extra}---\n\nBody of ${id}.\n`;

/** Files of each rejected case, and the messages the check must give (whole lines, in order). */
export const REJECTED: Record<string, {files: Record<string, string>; problems: string[]}> = {
  'frontmatter with no closing ---': {
    files: {'docs/unclosed.md': '---\ntitle: Unclosed\norg:\n  id: unclosed\n  kind: area\n\nBody.\n'},
    problems: ['docs/unclosed.md:1:1: the frontmatter opened here is never closed: add a line "---" after its last field'],
  },
  'a ---yaml opener': {
    files: {'docs/yaml-opener.md': unit('yaml-opener').replace(/^---\n/, '---yaml\n')},
    problems: ['docs/yaml-opener.md:1:4: frontmatter must be YAML opened by a line that is just "---"; "---yaml" is not accepted'],
  },
  'a ---js opener': {
    files: {'docs/js-opener.md': '---js\n{title: "x", org: {id: "js-opener"}}\n---\n\nBody.\n'},
    problems: ['docs/js-opener.md:1:4: frontmatter must be YAML opened by a line that is just "---"; "---js" is not accepted (it would run as code while the site is built)'],
  },
  'Org: instead of org:': {
    files: {'docs/capital.md': unit('capital').replace('\norg:\n', '\nOrg:\n')},
    problems: ['docs/capital.md:3:1: unknown frontmatter key "Org" (did you mean "org"?): without "org" this page is published with no place in the organization'],
  },
  'orgs: instead of org:': {
    files: {'docs/plural.md': unit('plural').replace('\norg:\n', '\norgs:\n')},
    problems: ['docs/plural.md:3:1: unknown frontmatter key "orgs" (did you mean "org"?): without "org" this page is published with no place in the organization'],
  },
  'a unit file named like its folder beside its index.md': {
    files: {'docs/areas/index.md': '# Areas\n', 'docs/areas/areas.md': unit('areas-unit')},
    problems: [
      'docs/areas/areas.md:1:1: this page and docs/areas/index.md would both be published at "/areas"; rename or move one of them',
      'docs/areas/index.md:1:1: this page and docs/areas/areas.md would both be published at "/areas"; rename or move one of them',
    ],
  },
  'two pages with the same slug': {
    files: {'docs/one.md': '---\nslug: /same\n---\n# One\n', 'docs/two.md': '---\nslug: /same\n---\n# Two\n'},
    problems: [
      'docs/one.md:2:1: this page and docs/two.md would both be published at "/same"; rename or move one of them',
      'docs/two.md:2:1: this page and docs/one.md would both be published at "/same"; rename or move one of them',
    ],
  },
  'slug and id on a unit page': {
    files: {'docs/slugged.md': unit('slugged', '', 'slug: /elsewhere\nid: other\n')},
    problems: [
      'docs/slugged.md:3:1: a unit page takes its address from its file path; remove "slug" (to move the page, move the file and list the old address in org.redirectFrom)',
      'docs/slugged.md:4:1: a unit page keeps the document id its file path gives it; remove "id" (the unit\'s own id is org.id)',
    ],
  },
  'a draft unit': {
    files: {'docs/drafted.md': unit('drafted', '', 'draft: true\n')},
    problems: [
      'docs/drafted.md:3:1: a unit page is always published: a draft would leave the unit out of the built site while other pages still show it; to take a unit away, mark it org.retired',
    ],
  },
  'redirects to reserved or invalid paths': {
    files: {'docs/redirected.md': unit('redirected', '  redirectFrom: [/org.json, //x]\n')},
    problems: [
      'docs/redirected.md:7:29: "org.redirectFrom.1" must be a site path such as "/teams/old-name": segments of letters, digits and - _ . ~, no "//"',
    ],
  },
  'a redirect over a generated file': {
    files: {'docs/redirected.md': unit('redirected', '  redirectFrom: [/org.json]\n')},
    problems: ['docs/redirected.md:7:18: redirect from "/org.json" would hide the generated file /org.json; choose the page\'s real old address'],
  },
  'a channel link to a page that does not exist': {
    files: {'docs/linked.md': unit('linked', '  channel:\n    label: Our page\n    url: /areas/enginering\n')},
    problems: ['docs/linked.md:9:10: "/areas/enginering" is not a page of this handbook (did you mean "/areas/engineering"?)'],
  },
  'an unknown kind in a directive': {
    files: {'docs/lists.md': '# Lists\n\nText.\n\n<UnitList kind="nope" />\n'},
    problems: ['docs/lists.md:5:1: <UnitList>: kind must be one of organization, sponsor, institution, council, role, area, team, not "nope"'],
  },
  'a long run after the opening ---': {
    files: {'docs/opener-run.md': unit('opener-run').replace(/^---\n/, `---${'['.repeat(10_000)}\n`)},
    problems: [`docs/opener-run.md:1:4: frontmatter must be YAML opened by a line that is just "---"; "---${'['.repeat(160)}…" is not accepted`],
  },
  'a YAML custom tag': {
    files: {'docs/tagged.md': unit('tagged').replace('title: tagged', 'title: !shout tagged')},
    problems: ['docs/tagged.md:2:8: YAML tags such as !shout are not accepted in frontmatter; write a plain value'],
  },
  'a YAML alias bomb': {
    files: {
      'docs/bomb.md': `---\ntitle: Bomb\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n\nBody.\n`,
    },
    problems: ['docs/bomb.md:4:8: frontmatter expands to more than 10000 values through YAML aliases; write the values out instead of repeating them by alias'],
  },
  'a NUL byte inside a value': {
    files: {'docs/nul.md': unit('nul').replace('title: nul', 'title: n\u0000ul')},
    problems: ['docs/nul.md:2:9: YAML syntax error: null byte is not allowed in input'],
  },
  'a lone carriage return inside a value': {
    // js-yaml counts a lone \r as a line break, so its own mark put this on the closing line; only \n ends a line here.
    files: {'docs/return.md': unit('return').replace('kind: area', 'kind: a\rrea')},
    problems: ['docs/return.md:6:12: YAML syntax error: can not read a block mapping entry; a multiline key may not be an implicit key'],
  },
  'a "----" first line over a unit\'s frontmatter': {
    files: {
      'docs/ruled.md': unit('ruled').replace(/^---\n/, '----\n'),
      // The page that refers to the unit is not blamed: the unit's own page is what to fix.
      'docs/refers.md': unit('refers').replace('reportsTo: director', 'reportsTo: ruled'),
    },
    problems: [
      'docs/ruled.md:1:1: the "org" block on line 3 is not in frontmatter, so this page would be published with no place in the organization: frontmatter opens with a first line that is exactly "---", not "----"',
    ],
  },
  'a first line with a leading space': {
    files: {'docs/indented.md': unit('indented').replace(/^---\n/, ' ---\n')},
    problems: [
      'docs/indented.md:1:1: the "org" block on line 3 is not in frontmatter, so this page would be published with no place in the organization: frontmatter opens with a first line that is exactly "---", not " ---"',
    ],
  },
  'frontmatter values the docs plugin refuses': {
    files: {'docs/refused.md': unit('refused', '', 'sidebar_position: first\ndescription: [a, b]\n').replace('title: refused', 'title: # Refused')},
    problems: [
      'docs/refused.md:2:8: the docs plugin would refuse this page: "title" must be a string',
      'docs/refused.md:3:19: the docs plugin would refuse this page: "sidebar_position" must be a number',
      'docs/refused.md:4:14: the docs plugin would refuse this page: "description" must be a string',
    ],
  },
  'a 10,000-character value, quoted short': {
    files: {'docs/huge.md': unit('huge').replace('kind: area', `kind: ${'x'.repeat(10_000)}`)},
    problems: [`docs/huge.md:5:9: "org.kind" must be one of organization, sponsor, institution, council, role, area, team, not "${'x'.repeat(80)}…"`],
  },
  'a pasted run of "- " before a key': {
    files: {'docs/dashes.md': unit('dashes').replace('\norg:', `\n${'- '.repeat(10_000)}org:`)},
    problems: ['docs/dashes.md:3:1: YAML syntax error: end of the stream or a document separator is expected'],
  },
  'brackets nested 20,000 deep': {
    files: {'docs/nested.md': unit('nested', `  name: ${'['.repeat(20_000)}x${']'.repeat(20_000)}\n`)},
    problems: ['docs/nested.md:7:107: YAML syntax error: brackets or keys are nested too deeply to read'],
  },
  'a pasted run of "a: "': {
    files: {'docs/keys.md': unit('keys', `  name: ${'a: '.repeat(100_000)}\n`)},
    problems: ['docs/keys.md:7:10: YAML syntax error: bad indentation of a mapping entry'],
  },
  'a date that does not exist': {
    files: {'docs/dated.md': unit('dated', '  reviewed: 2026-02-30\n')},
    problems: ['docs/dated.md:7:13: "org.reviewed" is not a real calendar date'],
  },
};

async function treeWith(files: Record<string, string>): Promise<string> {
  const dir = await contentTree();
  for (const [source, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, source)), {recursive: true});
    await writeFile(path.join(dir, source), text);
  }
  return dir;
}

describe('the check on unusual pages', () => {
  for (const [name, {files, problems}] of Object.entries(REJECTED)) {
    it(`rejects ${name}, at the right place`, async () => {
      const result = await checkContentTree(await treeWith(files));
      expect(result.problems.map(formatProblem)).toEqual(problems);
      expect(result.graph).toBeUndefined();
    });
  }

  it('reads a page that starts with a byte-order mark like any other', async () => {
    const result = await checkContentTree(await treeWith({'docs/bom.md': `\uFEFF${unit('bom')}`, 'docs/refers.md': unit('refers').replace('reportsTo: director', 'reportsTo: bom')}));
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.graph?.units.get('refers')?.org.reportsTo).toBe('bom');
  });

  it('keeps a U+2028 inside a value as text, not a line break', async () => {
    const result = await checkContentTree(await treeWith({'docs/separator.md': unit('separator', '  name: "Left\u2028Right"\n')}));
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.graph?.units.get('separator')?.name).toBe('Left\u2028Right');
  });

  it('lists the first YAML errors of a pasted run of quotes, not one per character', async () => {
    const result = await checkContentTree(await treeWith({'docs/quotes.md': unit('quotes').replace('title: quotes', `title: ${'"'.repeat(2_000)}`)}));
    expect(result.problems).toHaveLength(MAX_YAML_PROBLEMS + 1);
    expect(result.problems.every((problem) => problem.file === 'docs/quotes.md' && problem.line === 2)).toBe(true);
    expect(result.problems.at(-1)!.message).toMatch(/^YAML syntax error: \d+ more from here on, not listed; fix the ones above first$/);
  });

  it('says that brackets nested past the parser\'s stack are too deep', async () => {
    const result = await checkContentTree(await treeWith({'docs/nested.md': unit('nested').replace('title: nested', `title: ${'['.repeat(20_000)}`)}));
    const messages = result.problems.map((problem) => problem.message);
    expect(messages).toContain('YAML syntax error: brackets or keys are nested too deeply to read');
    expect(messages.some((message) => /call stack/i.test(message))).toBe(false);
    expect(result.problems.length).toBeLessThanOrEqual(MAX_YAML_PROBLEMS + 1);
  });

  it('places YAML errors after a token that hides a line break on their own line', async () => {
    const text = unit('broken', '  relations:\n    - type: founded\n      to: director\n').replace('\n    - type', '\n}   - type');
    const result = await checkContentTree(await treeWith({'docs/broken.md': text}));
    const lines = text.split('\n');
    expect(result.problems.length).toBeGreaterThan(1);
    for (const problem of result.problems) expect(problem.column, formatProblem(problem)).toBeLessThanOrEqual(lines[problem.line - 1]!.length + 1);
    expect(result.problems.map(formatProblem)).toContain('docs/broken.md:9:9: YAML syntax error: Unexpected map-value-ind token in YAML stream: ":"');
  });

  it('reads an org block shown in a code block of a page without frontmatter as text', async () => {
    const result = await checkContentTree(await treeWith({'docs/example.md': '# Example\n\n```yaml\norg:\n  id: example\n```\n'}));
    expect(result.problems.map(formatProblem)).toEqual([]);
  });

  it('follows a symbolically linked folder of unit pages, as the docs plugin does', async () => {
    const elsewhere = await treeWith({'docs/linked-folder/research.md': unit('research')});
    const dir = await contentTree();
    await symlink(path.join(elsewhere, 'docs', 'linked-folder'), path.join(dir, 'docs', 'linked-folder'));
    const result = await checkContentTree(dir);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.graph?.units.get('research')?.source).toBe('docs/linked-folder/research.md');
    expect(result.permalinks.get('docs/linked-folder/research.md')).toBe('/linked-folder/research');
  });
});
