/**
 * One org view of a page (its Place block, a chart, a list), as the remark
 * step writes it: `<OrgView page={…} view="…">`, where `page` is the page's
 * org views module (plugin/page-views-loader.cjs). Held in a StaticView, so
 * a server-rendered page hands it over as static HTML; its code and data come
 * with `page` only when the browser must draw it itself.
 */
import {useEffect, useState, type ReactNode} from 'react';
import StaticView, {keptServerMarkup} from '../StaticView';
import type {PageViews} from './types';

export interface OrgViewProps {
  page: PageViews;
  view: string;
  /** The view's live part (the landing chart's buttons). */
  children?: ReactNode;
}

export default function OrgView({page, view, children}: OrgViewProps): ReactNode {
  const [views, setViews] = useState(page);
  useEffect(() => {
    // Not reached in normal use: a page whose views were not loaded was hydrated, so its markup is kept.
    // Should that markup be missing, the view loads and draws itself rather than stay empty.
    if (!views.render && keptServerMarkup(page.source, view) === undefined) void page.load?.().then(setViews);
  }, [page, view, views]);
  const {data, render} = views;
  return (
    <StaticView page={page.source} view={view} live={children}>
      {data && render ? (slot: ReactNode) => render(data, view, slot) : undefined}
    </StaticView>
  );
}
