/**
 * Where a page's frontmatter is unusual or the content asks for something
 * the build would refuse, the check says so, at the right place; where the
 * page is fine, its unit is in the graph. Nothing is published without its
 * org data. tests/org/build-fails.test.ts runs the real build on the rejected
 * cases together and finds the same messages.
 */
import {symlink} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {MAX_YAML_PROBLEMS} from '@site/packages/org-handbook/src/org/frontmatter';
import {formatProblem} from '@site/packages/org-handbook/src/org/problems';
import {checkContentTree} from '@site/packages/org-handbook/src/plugin/content';
import {contentTree, contentTreeWith} from '@site/tests/support/content-tree';
import {REJECTED, unit} from '@site/tests/fixtures/edge-cases';


describe('the check on unusual pages', () => {
  for (const [name, {files, problems}] of Object.entries(REJECTED)) {
    it(`rejects ${name}, at the right place`, async () => {
      const result = await checkContentTree(await contentTreeWith(files));
      expect(result.problems.map(formatProblem)).toEqual(problems);
      expect(result.graph).toBeUndefined();
    });
  }

  it('lists the first YAML errors of a pasted run of quotes, not one per character', async () => {
    const result = await checkContentTree(await contentTreeWith({'docs/quotes.md': unit('quotes').replace('title: quotes', `title: ${'"'.repeat(2_000)}`)}));
    expect(result.problems).toHaveLength(MAX_YAML_PROBLEMS + 1);
    expect(result.problems.every((problem) => problem.file === 'docs/quotes.md' && problem.line === 2)).toBe(true);
    expect(result.problems.at(-1)!.message).toMatch(/^YAML syntax error: \d+ more from here on, not listed; fix the ones above first$/);
  });

  it('says that brackets nested past the parser\'s stack are too deep', async () => {
    const result = await checkContentTree(await contentTreeWith({'docs/nested.md': unit('nested').replace('title: nested', `title: ${'['.repeat(20_000)}`)}));
    const messages = result.problems.map((problem) => problem.message);
    expect(messages).toContain('YAML syntax error: brackets or keys are nested too deeply to read');
    expect(messages.some((message) => /call stack/i.test(message))).toBe(false);
    expect(result.problems.length).toBeLessThanOrEqual(MAX_YAML_PROBLEMS + 1);
  });

  it('places YAML errors after a token that hides a line break on their own line', async () => {
    const text = unit('broken', '  relations:\n    - type: founded\n      to: director\n').replace('\n    - type', '\n}   - type');
    const result = await checkContentTree(await contentTreeWith({'docs/broken.md': text}));
    const lines = text.split('\n');
    expect(result.problems.length).toBeGreaterThan(1);
    for (const problem of result.problems) expect(problem.column, formatProblem(problem)).toBeLessThanOrEqual(lines[problem.line - 1]!.length + 1);
    expect(result.problems.map(formatProblem)).toContain('docs/broken.md:9:9: YAML syntax error: Unexpected map-value-ind token in YAML stream: ":"');
  });

  it('reads an org block shown in a code block of a page without frontmatter as text', async () => {
    const result = await checkContentTree(await contentTreeWith({'docs/example.md': '# Example\n\n```yaml\norg:\n  id: example\n```\n'}));
    expect(result.problems.map(formatProblem)).toEqual([]);
  });

  it('reads a page that starts with a byte-order mark like any other', async () => {
    const result = await checkContentTree(await contentTreeWith({'docs/bom.md': `\uFEFF${unit('bom')}`, 'docs/refers.md': unit('refers').replace('reportsTo: director', 'reportsTo: bom')}));
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.graph?.units.get('refers')?.org.reportsTo).toBe('bom');
  });

  it('keeps a U+2028 inside a value as text, not a line break', async () => {
    const result = await checkContentTree(await contentTreeWith({'docs/separator.md': unit('separator', '  name: "Left\u2028Right"\n')}));
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.graph?.units.get('separator')?.name).toBe('Left\u2028Right');
  });

  it('follows a symbolically linked folder of unit pages, as the docs plugin does', async () => {
    const elsewhere = await contentTreeWith({'docs/linked-folder/research.md': unit('research')});
    const dir = await contentTree();
    await symlink(path.join(elsewhere, 'docs', 'linked-folder'), path.join(dir, 'docs', 'linked-folder'));
    const result = await checkContentTree(dir);
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.graph?.units.get('research')?.source).toBe('docs/linked-folder/research.md');
    expect(result.permalinks.get('docs/linked-folder/research.md')).toBe('/linked-folder/research');
  });
});
