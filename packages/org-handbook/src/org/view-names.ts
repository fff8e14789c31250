/**
 * How a page names its org views (remark step, page records, theme). Its own
 * module so that the views' browser code imports this name and nothing of the model.
 */

/** A unit page's "Place in the organization" view; a directive's view is named by its signature (directives.ts). */
export const PLACE_VIEW = 'place';

/**
 * The folder, under the build's public path, where a build publishes each page's record for the
 * browser (plugin/page-views-loader.cjs writes there, theme/OrgView/client.ts fetches from there).
 */
export const RECORDS_FOLDER = 'assets/org';
