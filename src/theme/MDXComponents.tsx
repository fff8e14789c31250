/**
 * The theme's MDX component mapping (swizzled by wrapping, from
 * @docusaurus/theme-classic 3.10.2), plus:
 *
 * - every Markdown table wrapped in a focusable, labelled scroll region, so a
 *   wide table scrolls inside itself on a phone and by keyboard
 *   (axe: scrollable-region-focusable);
 * - the org views that the remark plugin (src/plugins/remark-org.ts) writes
 *   into unit pages. Registered here, they ship once in the main bundle: if
 *   each page imported them, every route of the route table (which every page
 *   downloads) would also name their chunk, a cost that grows with the
 *   number of units.
 * - each org view held in a StaticView (src/components/StaticView): fixed at
 *   build time, so a server-rendered page hands it over as static HTML that
 *   React leaves alone while it hydrates. The remark plugin wraps the lists it
 *   writes in StaticView too.
 */
import type {ComponentProps, ReactNode} from 'react';
import MDXComponents from '@theme-original/MDXComponents';
import OrgChart, {type OrgChartProps} from '@site/src/components/OrgChart';
import StaticView from '@site/src/components/StaticView';
import UnitPlace, {type UnitPlaceProps} from '@site/src/components/UnitPlace';

function Table(props: ComponentProps<'table'>): ReactNode {
  return (
    // A focusable region needs a role and a name; tabIndex lets the keyboard scroll it.
    <div className="table-scroll" role="region" aria-label="Table, scrolls sideways" tabIndex={0}>
      <table {...props} />
    </div>
  );
}

function StaticUnitPlace(props: UnitPlaceProps): ReactNode {
  return (
    <StaticView>
      <UnitPlace {...props} />
    </StaticView>
  );
}

/** The chart stays static; its buttons (the children the remark plugin gives the landing chart) come to life in their slot. */
function StaticOrgChart({children, ...props}: OrgChartProps): ReactNode {
  return <StaticView live={children}>{(slot) => <OrgChart {...props}>{slot}</OrgChart>}</StaticView>;
}

export default {...MDXComponents, table: Table, OrgChart: StaticOrgChart, UnitPlace: StaticUnitPlace, StaticView};
