/**
 * The browser side of a page's org views module in a build (plugin/page-views-loader.cjs).
 * A page the server rendered needs neither its record nor the views' code (StaticView keeps
 * its markup), so they load only for a page the browser renders itself; the page's module
 * awaits them, so the router shows the page once they are there.
 */
import type {PageOrgData} from '../../org/page-data';
import {documentShowsPage} from '../StaticView';
import type {PageViews} from './types';

export async function loadPageViews(source: string, loadRecord: () => Promise<{default: PageOrgData}>): Promise<PageViews> {
  const load = async (): Promise<PageViews> => {
    const [record, render] = await Promise.all([loadRecord(), import('./render')]);
    return {source, data: record.default, render: render.default};
  };
  // The first page of a visit: its modules run before React hydrates the views the server wrote.
  return documentShowsPage(source) ? {source, load} : load();
}
