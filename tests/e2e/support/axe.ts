/**
 * axe-core on every page of the built site at desktop and 360 px widths, in
 * one colour mode; any WCAG 2.0/2.1 A or AA violation fails with the rule,
 * the elements, the page, the mode and the width. Each mode has its own test
 * file so that the two run side by side.
 */
import {AxeBuilder} from '@axe-core/playwright';
import type {Result} from 'axe-core';
import {describe, it} from 'vitest';
import {openPage, type ColorMode} from './browser';
import {expectNone, sharedBrowser, sharedContexts} from './fixtures';
import {listMermaidPages, listSitePages, MERMAID_DIAGRAM} from './site';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const WIDTHS = [1280, 360];

export function describeViolations(violations: readonly Result[], where: string): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const why = (node.failureSummary ?? '').split('\n').slice(1).join(' ').replace(/\s+/g, ' ').trim();
      return [
        `${violation.id} (${violation.impact ?? 'unknown impact'}) on ${where}: ${violation.help}`,
        `      target: ${node.target.join(' ')}`,
        `      html: ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`,
        ...(why ? [`      why: ${why}`] : []),
      ].join('\n');
    }),
  );
}

export function defineAxeTests(mode: ColorMode): void {
  const browser = sharedBrowser();
  const onPage = sharedContexts(browser);
  const diagramPages = new Set(listMermaidPages());
  describe.concurrent(`accessibility (axe-core, WCAG 2.1 A and AA), ${mode} mode`, () => {
    for (const page of listSitePages()) {
      for (const width of WIDTHS) {
        const where = `${page.path}, ${mode} mode, ${width} px`;
        it(`${page.label} — ${mode} mode, ${width} px`, async ({expect}) => {
          await onPage({width, height: width < 600 ? 740 : 900, mode}, async (tab) => {
            // Diagrams are drawn after hydration: check them as drawn.
            await openPage(tab, page.path, diagramPages.has(page.path) ? {waitFor: MERMAID_DIAGRAM} : {});
            expect(await tab.locator('html').getAttribute('data-theme'), `html[data-theme] on ${where}`).toBe(mode);
            // Legacy mode runs axe in the page itself; the default opens an extra blank page per
            // run to combine frame results, which this site (no iframes) does not need.
            const results = await new AxeBuilder({page: tab}).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
            expectNone(describeViolations(results.violations, where), `axe violations on ${where}`);
          });
        });
      }
    }
  });
}
