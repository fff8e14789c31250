/**
 * One org view of a page (its Place block, a chart, a list), as the remark
 * step writes it: `<OrgView page={…} view="…">`, where `page` is the page's
 * org views module (plugin/page-views-loader.cjs). Held in a StaticView, so
 * a server-rendered page hands it over as static HTML; its code and data come
 * with `page` only when the browser must draw it itself.
 */
import {useEffect, useState, type ReactElement, type ReactNode} from 'react';
import StaticView, {keptServerMarkup} from '../StaticView';
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
  // Only what the fallback below loads is state: `page` itself must win on every render (under `npm start` a
  // save hands the page a new one while React keeps its state).
  const [loaded, setLoaded] = useState<PageViews>();
  const views = page.render ? page : (loaded ?? page);
  useEffect(() => {
    // Not reached in normal use: a page whose views were not loaded was hydrated, so its markup is kept.
    // Should that markup be missing, the view loads and draws itself rather than stay empty.
    if (!views.render && keptServerMarkup(page.source, view) === undefined) void page.load?.().then(setLoaded);
  }, [page, view, views]);
  const {data, render} = views;
  return (
    <StaticView page={page.source} view={view} live={children}>
      {data && render ? (slot: ReactNode) => render(data, view, slot) : undefined}
    </StaticView>
  );
}
