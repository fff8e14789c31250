/**
 * The theme's MDX components plus the org views that the plugin's remark step
 * writes into pages. Shipped through the plugin's theme path, so a site
 * registers nothing by hand; a site that swizzles MDXComponents itself wraps
 * this one through `@theme-original/MDXComponents`. Registered here, the views
 * ship once in the main bundle: if each page imported them, every route of the
 * route table (which every page downloads) would also name their chunk, a cost
 * that grows with the number of units.
 */
import MDXComponents from '@theme-init/MDXComponents';
import OrgChart from '../OrgChart';
import UnitPlace from '../UnitPlace';

export default {...MDXComponents, OrgChart, UnitPlace};
