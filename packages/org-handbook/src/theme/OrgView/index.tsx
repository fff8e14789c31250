/**
 * One org view of a page (its Place block, a chart, a list), as the remark
 * step writes it: `<OrgView page={…} view="…">`, where `page` is the page's
 * org views module (plugin/page-views-loader.cjs). Held in a StaticView, so
 * a server-rendered page hands it over as static HTML; its code and data come
 * with `page` only when the browser must draw it itself.
 */
import type {ReactElement, ReactNode} from 'react';
import StaticView from '../StaticView';
import type {LiveIslandProps} from '../StaticView/LiveIsland';
import type {PageViews} from './types';

export interface OrgViewProps {
  page: PageViews;
  view: string;
  /** The view's live part (the landing chart's buttons), a LiveIsland. */
  children?: ReactElement<LiveIslandProps>;
  /** Under `npm start`, the record's hash: it changes the page's module when the record changes (remark-org.ts). */
  revision?: string;
}

export default function OrgView({page, view, children}: OrgViewProps): ReactNode {
  // Read at every render, never kept: under `npm start` a save hands the page a new `page`.
  const {data, render} = page;
  return (
    <StaticView page={page.source} view={view} live={children}>
      {data && render ? (slot: ReactNode) => render(data, view, slot) : undefined}
    </StaticView>
  );
}
