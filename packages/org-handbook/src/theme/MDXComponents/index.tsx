/**
 * The theme's MDX components plus OrgView, which the plugin's remark step
 * writes into pages for each org view (the Place block, charts, lists).
 * Shipped through the plugin's theme path, so a site registers nothing by
 * hand; a site that swizzles MDXComponents itself wraps this one through
 * `@theme-original/MDXComponents`. Registered here, OrgView ships once with
 * the doc page's code: if each page imported it, every route of the route
 * table (which every page downloads) would also name its chunk, a cost that
 * grows with the number of units. The views' own code is not here: a page
 * loads it only when the browser must draw the views itself (OrgView).
 */
import MDXComponents from '@theme-init/MDXComponents';
import OrgView from '../OrgView';

export default {...MDXComponents, OrgView};
