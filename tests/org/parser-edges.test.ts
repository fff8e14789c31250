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
import {formatProblem} from '@site/src/org/problems';
import {checkContentTree} from '@site/src/plugins/content';
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
