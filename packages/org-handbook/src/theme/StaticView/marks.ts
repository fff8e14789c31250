/**
 * The attributes that mark a static view in the page: which page it belongs to
 * and its name there. Apart from StaticView so that the code that checks for a
 * server-rendered page (OrgView/deferred.ts, in every page's first download)
 * carries nothing else.
 */
export const PAGE_ATTRIBUTE = 'data-static-page';
export const VIEW_ATTRIBUTE = 'data-static-view';

/** Whether the current document holds the server-rendered views of `page` (it is being, or was, hydrated). */
export function documentShowsPage(page: string): boolean {
  return document.querySelector(`[${PAGE_ATTRIBUTE}="${CSS.escape(page)}"]`) !== null;
}
