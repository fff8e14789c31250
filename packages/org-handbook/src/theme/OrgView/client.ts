/**
 * What every page with org views imports: OrgView, which the remark step writes
 * into the page, and, in a build's browser bundle, `loadPageViews`, the browser
 * side of the page's org views module (plugin/page-views-loader.cjs).
 *
 * The plugin makes this a client module, so that it ships once in the main
 * bundle: imported by every page and found in no common parent chunk, it would
 * otherwise be copied into every page's chunk.
 */
import type {PageOrgData} from '../../org/page-data';
import {documentShowsPage} from '../StaticView/marks';
import type {PageViews} from './types';

export {default as OrgView} from './index';

/**
 * A page the server rendered needs neither its record nor the views' code (StaticView keeps
 * its markup), so they load only for a page the browser renders itself; the page's module
 * awaits them, so the router shows the page once they are there. `recordUrl`: where the
 * build published the page's record, a file of its own outside every chunk.
 */
export async function loadPageViews(source: string, recordUrl: string): Promise<PageViews> {
  const load = async (): Promise<PageViews> => {
    const [data, render] = await Promise.all([
      fetch(recordUrl).then((response) => {
        if (!response.ok) throw new Error(`${recordUrl}: ${response.status}`);
        return response.json() as Promise<PageOrgData>;
      }),
      import('./render'),
    ]);
    return {source, data, render: render.default};
  };
  // The first page of a visit: its modules run before React hydrates the views the server wrote.
  return documentShowsPage(source) ? {source, load} : load();
}
