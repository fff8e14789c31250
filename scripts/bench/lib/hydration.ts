/**
 * How much of a page React hydrates, by region: after a page has hydrated,
 * every element React walked carries its fiber (`__reactFiber$…`), and one
 * left as static HTML does not. Counting them per region (navbar, sidebar,
 * article, table of contents, footer) shows where hydration work goes, since
 * React's hydration time grows with the number of elements it walks.
 */
import type {Browser} from 'playwright-core';

export const HYDRATION_REGIONS = {
  navbar: 'nav.navbar',
  sidebar: '.theme-doc-sidebar-container',
  article: 'article',
  toc: '.theme-doc-toc-desktop, .theme-doc-toc-mobile',
  footer: 'footer',
} as const;

export type HydrationRegion = keyof typeof HYDRATION_REGIONS | 'other';

export interface HydrationCount {
  /** Elements React owns, per region (`other`: outside every listed region). */
  hydrated: Record<HydrationRegion, number>;
  /** All elements, per region. */
  elements: Record<HydrationRegion, number>;
  /** Elements inside the handbook's static views (`[data-static-view]`), and how many of those React owns. */
  staticViewElements: number;
  staticViewHydrated: number;
}

/** Loads `url` and counts, once it has hydrated. Page code is a string so the bundler's helpers stay out of it. */
export async function countHydratedElements(browser: Browser, url: string): Promise<HydrationCount> {
  const context = await browser.newContext({viewport: {width: 412, height: 823}});
  try {
    const page = await context.newPage();
    await page.goto(url, {waitUntil: 'load'});
    await page.locator('html[data-has-hydrated="true"]').waitFor({state: 'attached', timeout: 30_000});
    return (await page.evaluate(`(() => {
      const regions = ${JSON.stringify(HYDRATION_REGIONS)};
      const hydrated = {other: 0};
      const elements = {other: 0};
      for (const name of Object.keys(regions)) { hydrated[name] = 0; elements[name] = 0; }
      let staticViewElements = 0;
      let staticViewHydrated = 0;
      for (const element of document.body.querySelectorAll('*')) {
        const owned = Object.keys(element).some((key) => key.startsWith('__reactFiber'));
        const region = Object.keys(regions).find((name) => element.closest(regions[name])) ?? 'other';
        elements[region] += 1;
        if (owned) hydrated[region] += 1;
        if (element.parentElement && element.parentElement.closest('[data-static-view]')) {
          staticViewElements += 1;
          if (owned) staticViewHydrated += 1;
        }
      }
      return {hydrated, elements, staticViewElements, staticViewHydrated};
    })()`)) as HydrationCount;
  } finally {
    await context.close();
  }
}
