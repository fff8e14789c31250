/**
 * The theme's MDX components plus the org views that the plugin's remark step
 * writes into pages. Shipped through the plugin's theme path, so a site
 * registers nothing by hand; a site that swizzles MDXComponents itself wraps
 * this one through `@theme-original/MDXComponents`. Registered here, the views
 * ship once in the main bundle: if each page imported them, every route of the
 * route table (which every page downloads) would also name their chunk, a cost
 * that grows with the number of units.
 *
 * Each org view is held in a StaticView: fixed at build time, so a
 * server-rendered page hands it over as static HTML that React leaves alone
 * while it hydrates. The remark step wraps the lists it writes in StaticView too.
 */
import type {ReactNode} from 'react';
import MDXComponents from '@theme-init/MDXComponents';
import OrgChart, {type OrgChartProps} from '../OrgChart';
import StaticView from '../StaticView';
import UnitPlace, {type UnitPlaceProps} from '../UnitPlace';

function StaticUnitPlace(props: UnitPlaceProps): ReactNode {
  return (
    <StaticView>
      <UnitPlace {...props} />
    </StaticView>
  );
}

/** The chart stays static; its buttons (the children the remark step gives the landing chart) come to life in their slot. */
function StaticOrgChart({children, ...props}: OrgChartProps): ReactNode {
  return <StaticView live={children}>{(slot) => <OrgChart {...props}>{slot}</OrgChart>}</StaticView>;
}

export default {...MDXComponents, OrgChart: StaticOrgChart, UnitPlace: StaticUnitPlace, StaticView};
