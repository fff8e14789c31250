/**
 * Mermaid code blocks render as diagrams. (That pages without a diagram do
 * not download mermaid is checked for every page in pages.test.ts, with the
 * marker that the test below proves present in mermaid's code.)
 */
import {describe, it} from 'vitest';
import {openPage, watchPage} from './support/browser';
import {expectNone, sharedBrowser, sharedContexts} from './support/fixtures';
import {isMermaidScript, listMermaidPages, MERMAID_DIAGRAM, MERMAID_MARKERS} from './support/site';

const browser = sharedBrowser();
const onPage = sharedContexts(browser);
const diagramPages = listMermaidPages();

describe.concurrent('Mermaid', () => {
  it('at least one page has a ```mermaid block (docs/guide/reorganizations.md)', ({expect}) => {
    expect(diagramPages.length, 'pages with a ```mermaid block').toBeGreaterThan(0);
  });

  for (const pagePath of diagramPages) {
    for (const mode of ['light', 'dark'] as const) {
      it(`${pagePath} renders its diagram as an SVG in ${mode} mode`, async ({expect}) => {
        await onPage({width: 1280, mode}, async (page) => {
          const watch = watchPage(page);
          await openPage(page, pagePath);
          const diagram = page.locator(MERMAID_DIAGRAM).first();
          await diagram.waitFor({state: 'visible', timeout: 20_000});
          const box = await diagram.boundingBox();
          expect(box?.width ?? 0, 'rendered diagram width').toBeGreaterThan(50);
          expect(box?.height ?? 0, 'rendered diagram height').toBeGreaterThan(20);
          // Drawn shapes and labels, not mermaid's error box.
          expect(await diagram.locator('g').count(), 'groups in the diagram').toBeGreaterThan(2);
          expect(await page.locator('.docusaurus-mermaid-container').first().innerText()).not.toMatch(/syntax error/i);
          // Proves the marker pages.test.ts relies on really identifies mermaid's code.
          expect(
            watch.scripts.filter(isMermaidScript),
            `a script containing ${JSON.stringify(MERMAID_MARKERS)} among ${watch.scripts.join(', ')}`,
          ).not.toEqual([]);
          expectNone(watch.problems(), `problems on ${pagePath}`);
        });
      });
    }
  }
});
