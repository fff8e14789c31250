/**
 * Every page of the built site loads cleanly (no console error, no failed
 * request, nothing fetched from another host, no mermaid code unless the page
 * draws a diagram) and fits a 360 px screen.
 */
import {describe, it} from 'vitest';
import {openPage, watchPage} from './support/browser';
import {baseURL, expectNone, sharedBrowser, sharedContexts} from './support/fixtures';
import {isMermaidScript, listMermaidPages, listSitePages} from './support/site';

const browser = sharedBrowser();
const onPage = sharedContexts(browser);
const pages = listSitePages();
const diagramPages = new Set(listMermaidPages());

describe.concurrent('every page of the built site', () => {
  for (const page of pages) {
    const hasDiagram = diagramPages.has(page.path);
    it(`${page.label} loads with no console error, failed request or request to another host${hasDiagram ? '' : ', and no mermaid code'}`, async ({expect}) => {
      await onPage({width: 1280}, async (tab) => {
        const watch = watchPage(tab, {url: new URL(page.path, baseURL).href, status: page.status});
        const response = await tab.goto(page.path, {waitUntil: 'load'});
        await tab.waitForLoadState('networkidle');
        expect(response?.status(), `status of ${page.path}`).toBe(page.status);
        expectNone(watch.problems(), `problems on ${page.path}`);
        if (!hasDiagram) {
          expect(watch.scripts.length, 'scripts the page loaded').toBeGreaterThan(0);
          expectNone(watch.scripts.filter(isMermaidScript), `${page.path} has no diagram but downloaded mermaid's code`);
        }
      });
    });

    it(`${page.label} has no page-wide horizontal scroll at 360 px`, async ({expect}) => {
      await onPage({width: 360, height: 740}, async (tab) => {
        await openPage(tab, page.path);
        const widths = await tab.evaluate(() => {
          const scrolling = document.scrollingElement ?? document.documentElement;
          // The elements that stick out furthest, to say what to fix.
          const culprits = Array.from(document.querySelectorAll('body *'))
            .map((element) => ({element, right: element.getBoundingClientRect().right}))
            .filter(({right}) => right > window.innerWidth + 1)
            .sort((a, b) => b.right - a.right)
            .slice(0, 3)
            .map(({element, right}) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${Array.from(element.classList).join('.')} (right edge ${Math.round(right)} px)`);
          return {scrollWidth: scrolling.scrollWidth, culprits};
        });
        expect(widths.scrollWidth, `${page.path} at 360 px is ${widths.scrollWidth} px wide; furthest out: ${widths.culprits.join(', ')}`).toBeLessThanOrEqual(360);
      });
    });
  }
});
