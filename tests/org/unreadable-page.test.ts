/**
 * Every mistake on a page at once: a page whose `org:` block fails the schema
 * (here, the old `lead` key) has no unit for the graph to check, yet its
 * references are still checked, so the editor does not fix one message only
 * to meet the next.
 */
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkTexts} from '@site/packages/org-handbook/src/org/pipeline';
import {createSiteRules, readDocsFiles} from '@site/packages/org-handbook/src/plugin/content';
import {handbookVocabulary} from '@site/tests/support/vocabulary';

const REPO = path.resolve(__dirname, '../..');
const PRODUCT = 'docs/functional-areas/product.md';

async function checkWithProduct(change: (text: string) => string) {
  const texts = new Map((await readDocsFiles(REPO, 'docs')).map((file) => [file.source, file.text]));
  const before = texts.get(PRODUCT)!;
  const after = change(before);
  expect(after, 'the edit changed the page').not.toBe(before);
  texts.set(PRODUCT, after);
  const result = checkTexts(texts, {...(await createSiteRules(REPO)), vocabulary: handbookVocabulary});
  return result.problems.filter((problem) => problem.file === PRODUCT).map((problem) => `${problem.line}:${problem.column}: ${problem.message}`);
}

describe('a page whose org block fails the schema', () => {
  it('still has its references checked: the schema\'s message and the unknown units come together', async () => {
    const problems = await checkWithProduct((text) =>
      text
        .replace('  reportsTo: executive-director\n', '  reportsTo: executive-directr\n  lead: Somebody\n  relations:\n    - type: founded\n      to: 2i2k\n')
    );
    expect(problems).toContainEqual(expect.stringMatching(/^9:3: .*"lead"/));
    expect(problems).toContainEqual('8:14: unknown unit "executive-directr" (did you mean "executive-director"?)');
    expect(problems).toContainEqual('12:11: unknown unit "2i2k" (did you mean "2i2c"?)');
  });

  it('leaves a reference the schema already refused to the schema\'s message', async () => {
    const problems = await checkWithProduct((text) => text.replace('  reportsTo: executive-director\n', '  reportsTo: Executive Director!\n'));
    expect(problems.filter((problem) => problem.startsWith('8:'))).toHaveLength(1);
    expect(problems.join('\n')).not.toMatch(/unknown unit/);
  });

  it('reports an unknown unit on a readable page once, from the graph', async () => {
    const problems = await checkWithProduct((text) => text.replace('reportsTo: executive-director', 'reportsTo: executive-directr'));
    expect(problems).toEqual(['8:14: unknown unit "executive-directr" (did you mean "executive-director"?)']);
  });
});
