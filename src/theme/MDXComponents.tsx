/**
 * The site's MDX component mapping: the theme's, plus every Markdown table
 * wrapped in a focusable, labelled scroll region, so a wide table scrolls
 * inside itself on a phone and by keyboard (axe: scrollable-region-focusable).
 */
import type {ComponentProps, ReactNode} from 'react';
import MDXComponents from '@theme-original/MDXComponents';

function Table(props: ComponentProps<'table'>): ReactNode {
  return (
    // A focusable region needs a role and a name; tabIndex lets the keyboard scroll it.
    <div className="table-scroll" role="region" aria-label="Table, scrolls sideways" tabIndex={0}>
      <table {...props} />
    </div>
  );
}

export default {...MDXComponents, table: Table};
