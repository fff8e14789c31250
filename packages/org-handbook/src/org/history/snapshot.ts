/**
 * The part of an org graph that history compares: per unit, the facts a
 * reader of the chart or of a unit page would notice changing. Plain data
 * (no maps inside a unit), so snapshots are cheap to keep for every commit.
 */
import type {OrgGraph, OrgUnit} from '../graph';
import type {RelationType, UnitKind} from '../schema';

export interface LinkState {
  label: string;
  url?: string;
}

export interface UnitState {
  id: string;
  kind: UnitKind;
  /** Short name as the chart shows it. */
  name: string;
  /** The page that describes the unit. */
  source: string;
  /** The unit it reports to; absent for the top, external units and retired units. */
  parent?: string;
  members: string[];
  relations: Array<{type: RelationType; to: string; note?: string}>;
  lead?: {title: string; holder?: string; vacant?: boolean};
  /** A role that nobody holds. */
  vacant: boolean;
  channel?: LinkState;
  membership?: LinkState;
  maintainers: string[];
  formerIds: string[];
  retired?: {on: string; note?: string};
}

export interface OrgSnapshot {
  rootId: string;
  /** Live and retired units, by id. */
  units: ReadonlyMap<string, UnitState>;
}

const linkState = (link: LinkState): LinkState => ({label: link.label, ...(link.url !== undefined ? {url: link.url} : {})});

function unitState(unit: OrgUnit, live: boolean): UnitState {
  const {org} = unit;
  return {
    id: unit.id,
    kind: unit.kind,
    name: unit.name,
    source: unit.source,
    ...(live && org.reportsTo !== undefined ? {parent: org.reportsTo} : {}),
    members: [...(org.members ?? [])],
    relations: (org.relations ?? []).map((relation) => ({type: relation.type, to: relation.to, ...(relation.note ? {note: relation.note} : {})})),
    // Fixed key order, so that comparing two states never trips over the order keys were written in.
    ...(org.lead ? {lead: {title: org.lead.title, ...(org.lead.holder !== undefined ? {holder: org.lead.holder} : {}), ...(org.lead.vacant !== undefined ? {vacant: org.lead.vacant} : {})}} : {}),
    vacant: unit.kind === 'role' && org.vacant === true,
    ...(org.channel ? {channel: linkState(org.channel)} : {}),
    ...(org.membership ? {membership: linkState(org.membership)} : {}),
    maintainers: [...(org.maintainers ?? [])],
    formerIds: [...(org.formerIds ?? [])],
    ...(org.retired ? {retired: {...org.retired}} : {}),
  };
}

/**
 * States already made, by the unit's `org` object: a page version parsed once
 * (git.ts caches parses by blob) gives the same object in every commit that
 * contains it, so an unchanged unit has the very same state in both
 * snapshots and the diff can skip it by identity.
 */
const liveStates = new WeakMap<object, UnitState>();
const retiredStates = new WeakMap<object, UnitState>();

function stateOf(unit: OrgUnit, live: boolean): UnitState {
  const cache = live ? liveStates : retiredStates;
  let state = cache.get(unit.org);
  // The same `org` object could in principle be shown under another title or path: check what the state copies from the unit.
  if (!state || state.name !== unit.name || state.source !== unit.source) {
    state = unitState(unit, live);
    cache.set(unit.org, state);
  }
  return state;
}

export function snapshotOf(graph: OrgGraph): OrgSnapshot {
  const units = new Map<string, UnitState>();
  for (const unit of graph.units.values()) units.set(unit.id, stateOf(unit, true));
  for (const unit of graph.retired) units.set(unit.id, stateOf(unit, false));
  return {rootId: graph.rootId, units};
}
