/**
 * The checked graph joined with each unit page's address: everything the
 * derived views need. Built once per content change by the plugin.
 */
import type {ReviewPolicy} from './derive';
import type {OrgGraph} from './graph';

export interface OrgSiteModel {
  graph: OrgGraph;
  /** Permalink of each unit page (live and retired), by unit id. */
  permalinks: ReadonlyMap<string, string>;
  /** Unit id of each unit page (live and retired), by site-relative source path. */
  unitBySource: ReadonlyMap<string, string>;
  review: ReviewPolicy;
}

/** Joins a checked graph with the addresses the pipeline computed (by source). */
export function createSiteModel(graph: OrgGraph, permalinksBySource: ReadonlyMap<string, string>, review: ReviewPolicy): OrgSiteModel {
  const permalinks = new Map<string, string>();
  const unitBySource = new Map<string, string>();
  for (const unit of [...graph.units.values(), ...graph.retired]) {
    const permalink = permalinksBySource.get(unit.source);
    if (permalink === undefined) throw new Error(`org site model: unit "${unit.id}" (${unit.source}) has no address`);
    permalinks.set(unit.id, permalink);
    unitBySource.set(unit.source, unit.id);
  }
  return {graph, permalinks, unitBySource, review};
}

export function hrefResolver(model: OrgSiteModel): (id: string) => string {
  return (id) => {
    const href = model.permalinks.get(id);
    if (href === undefined) throw new Error(`org site model: unit "${id}" has no page`);
    return href;
  };
}
