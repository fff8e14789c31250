import type {PageOrgData} from '../../org/page-data';
import type renderView from './render';

/**
 * What a page's org views module gives the page (plugin/page-views-loader.cjs): its record
 * and the views' code, once they are loaded (never, for the page the server rendered).
 */
export interface PageViews {
  /** The page's source file, as the plugin names its record. */
  source: string;
  data?: PageOrgData;
  render?: typeof renderView;
}
