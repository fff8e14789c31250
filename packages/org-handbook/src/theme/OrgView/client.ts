/**
 * What every page with org views imports: OrgView, which the remark step writes
 * into the page, and, in a build's browser bundle, `loadPageViews`, the browser
 * side of the page's org views module (plugin/page-views-loader.cjs).
 *
 * The plugin makes this a client module, so that it ships once in the main
 * bundle: imported by every page and found in no common parent chunk, it would
 * otherwise be copied into every page's chunk.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import routes from '@generated/routes';
import type {PageOrgData} from '../../org/page-data';
import {RECORDS_FOLDER} from '../../org/view-names';
import {documentShowsPage} from '../StaticView/marks';
import type {PageViews} from './types';

export {default as OrgView} from './index';

/** The build's public path (the site's base URL), which the bundler puts in place of this name. */
declare const __webpack_public_path__: string;

/** Records and views' code being loaded for pages the browser is about to render. */
const pendingLoads = new Set<Promise<unknown>>();

/**
 * A page the server rendered needs neither its record nor the views' code (StaticView keeps
 * its markup), so they load only for a page the browser renders itself. `record`: the hash
 * that names the page's record, a file of its own outside every chunk (page-views-loader.cjs).
 *
 * The router must not show such a page before they are there. Rather than have the page's
 * module wait for them (a top-level `await`, whose bundler runtime every page would download
 * on its first visit), the load starts as the module runs, and the route's preload, which
 * the router awaits before it shows a page, waits for it too (awaitViewsOnPreload).
 */
export function loadPageViews(source: string, record: string): PageViews {
  const views: PageViews = {source};
  // The first page of a visit: its modules run before React hydrates the views the server wrote.
  if (documentShowsPage(source)) return views;
  const recordUrl = `${__webpack_public_path__}${RECORDS_FOLDER}/${record}.json`;
  const loading = Promise.all([
    fetch(recordUrl).then((response) => {
      if (!response.ok) throw new Error(`${recordUrl}: ${response.status}`);
      return response.json() as Promise<PageOrgData>;
    }),
    import('./render'),
  ]).then(([data, render]) => Object.assign(views, {data, render: render.default}));
  pendingLoads.add(loading);
  // A failed load stays in the set: every later navigation's preload then fails too, and the router answers that
  // as it does a chunk that failed to load, by loading the page afresh from the server, views and all.
  loading.then(() => pendingLoads.delete(loading), () => undefined);
  return views;
}

/** An entry of Docusaurus's route table: a react-loadable component, whose preload returns its load (its typings say void). */
interface PreloadableRoute {
  component?: {preload?: () => Promise<unknown>};
  routes?: readonly PreloadableRoute[];
}

/**
 * Makes every route's preload also wait for the views its modules started loading. The router
 * (and a hover's or focus's preload) awaits a route's preload before it shows the page; by
 * the time the route's own modules have loaded and run, their views' loads have begun.
 */
function awaitViewsOnPreload(entries: readonly PreloadableRoute[]): void {
  for (const {component, routes: nested} of entries) {
    const preload = component?.preload?.bind(component);
    if (component && preload) component.preload = () => preload().then(async (modules) => (await Promise.all(pendingLoads), modules));
    if (nested) awaitViewsOnPreload(nested);
  }
}

if (ExecutionEnvironment.canUseDOM) awaitViewsOnPreload(routes as unknown as PreloadableRoute[]);
