import type {PageOrgData} from '../../org/page-data';
import type renderView from './render';

/**
 * What a page's org views module gives the page (plugin/page-views-loader.cjs): its record
 * and the views' code when they are loaded; else a way to load them.
 */
export interface PageViews {
  /** The page's source file, as the plugin names its record. */
  source: string;
  data?: PageOrgData;
  render?: typeof renderView;
  load?: () => Promise<PageViews>;
}
