/**
 * The checked graph joined with what only the docs plugin knows (each page's
 * permalink), in a JSON form the build can hand from the plugin to the MDX
 * compiler.
 */
import type {OrgGraph, OrgRelationEdge, OrgUnit} from './graph';
import type {ReviewPolicy} from './derive';

export interface OrgSiteModel {
  graph: OrgGraph;
  /** Permalink of each unit page (live and retired), by unit id. */
  permalinks: ReadonlyMap<string, string>;
  /** Unit id of each unit page (live and retired), by site-relative source path. */
  unitBySource: ReadonlyMap<string, string>;
  review: ReviewPolicy;
}

interface SerializedSiteModel {
  version: 1;
  rootId: string;
  units: OrgUnit[];
  retired: OrgUnit[];
  children: Array<[string, string[]]>;
  teamsOf: Array<[string, string[]]>;
  relations: OrgRelationEdge[];
  depth: Array<[string, number]>;
  permalinks: Array<[string, string]>;
  review: ReviewPolicy;
}

export function serializeSiteModel(model: OrgSiteModel): string {
  const {graph} = model;
  const data: SerializedSiteModel = {
    version: 1,
    rootId: graph.rootId,
    units: [...graph.units.values()],
    retired: [...graph.retired],
    children: [...graph.children].map(([id, list]) => [id, [...list]]),
    teamsOf: [...graph.teamsOf].map(([id, list]) => [id, [...list]]),
    relations: [...graph.relations],
    depth: [...graph.depth],
    permalinks: [...model.permalinks],
    review: model.review,
  };
  return JSON.stringify(data);
}

export function parseSiteModel(json: string): OrgSiteModel {
  const data = JSON.parse(json) as SerializedSiteModel;
  if (data.version !== 1) throw new Error(`org site model: unsupported version ${String(data.version)}`);
  const units = new Map(data.units.map((unit) => [unit.id, unit]));
  const graph: OrgGraph = {
    rootId: data.rootId,
    units,
    retired: data.retired,
    children: new Map(data.children),
    teamsOf: new Map(data.teamsOf),
    relations: data.relations,
    depth: new Map(data.depth),
  };
  const unitBySource = new Map([...data.units, ...data.retired].map((unit) => [unit.source, unit.id]));
  return {graph, permalinks: new Map(data.permalinks), unitBySource, review: data.review};
}

export function hrefResolver(model: OrgSiteModel): (id: string) => string {
  return (id) => {
    const href = model.permalinks.get(id);
    if (href === undefined) throw new Error(`org site model: unit "${id}" has no page`);
    return href;
  };
}
