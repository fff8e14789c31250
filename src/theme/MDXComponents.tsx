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
 */
import type {ComponentProps, ReactNode} from 'react';
import MDXComponents from '@theme-original/MDXComponents';
import OrgChart from '@site/src/components/OrgChart';
import UnitPlace from '@site/src/components/UnitPlace';

function Table(props: ComponentProps<'table'>): ReactNode {
  return (
    // A focusable region needs a role and a name; tabIndex lets the keyboard scroll it.
    <div className="table-scroll" role="region" aria-label="Table, scrolls sideways" tabIndex={0}>
      <table {...props} />
    </div>
  );
}

export default {...MDXComponents, table: Table, OrgChart, UnitPlace};
