/**
 * The part of an org graph that history compares: per unit, the facts a
 * reader of the chart or of a unit page would notice changing. Plain data
 * (no maps inside a unit), so snapshots are cheap to keep for every commit.
 */
import {isVacant} from '../derive';
import type {OrgGraph, OrgUnit} from '../graph';
import type {OrgContact, OrgRole} from '../schema';
import type {Vocabulary} from '../vocabulary';

export interface LinkState {
  label: string;
  url?: string;
}

export interface UnitState {
  id: string;
  kind: string;
  /** The kind's label, and whether the name reads with "the" in a sentence (from the vocabulary). */
  kindLabel: string;
  definite: boolean;
  /** Whether the unit is the top of the structure. */
  root: boolean;
  /** Short name as the chart shows it. */
  name: string;
  /** The page that describes the unit. */
  source: string;
  /** The unit it reports to; absent for the top, external units and retired units. */
  parent?: string;
  members: string[];
  /** `label`: the relation's label in the vocabulary. */
  relations: Array<{type: string; label: string; to: string; note?: string}>;
  /** A unit, of a kind that can be vacant, that nobody holds. */
  vacant: boolean;
  roles: OrgRole[];
  contacts: OrgContact[];
  maintainers: string[];
  formerIds: string[];
  retired?: {on: string; note?: string};
}

export interface OrgSnapshot {
  rootId: string;
  /** Live and retired units, by id. */
  units: ReadonlyMap<string, UnitState>;
}

function unitState(unit: OrgUnit, live: boolean, vocabulary: Vocabulary): UnitState {
  const {org} = unit;
  const kind = vocabulary.kinds.get(unit.kind);
  return {
    id: unit.id,
    kind: unit.kind,
    kindLabel: kind?.label ?? unit.kind,
    definite: kind?.definite === true,
    root: kind?.root === true,
    name: unit.name,
    source: unit.source,
    ...(live && org.reportsTo !== undefined ? {parent: org.reportsTo} : {}),
    members: [...(org.members ?? [])],
    relations: (org.relations ?? []).map((relation) => ({
      type: relation.type,
      label: vocabulary.relations.get(relation.type)?.label ?? relation.type,
      to: relation.to,
      ...(relation.note ? {note: relation.note} : {}),
    })),
    vacant: isVacant(unit, vocabulary),
    // Roles and contacts are compared as written (their JSON), so their order on the page counts.
    roles: org.roles ?? [],
    contacts: org.contacts ?? [],
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

function stateOf(unit: OrgUnit, live: boolean, vocabulary: Vocabulary): UnitState {
  const cache = live ? liveStates : retiredStates;
  let state = cache.get(unit.org);
  // The same `org` object could in principle be shown under another title or path: check what the state copies from the unit.
  if (!state || state.name !== unit.name || state.source !== unit.source) {
    state = unitState(unit, live, vocabulary);
    cache.set(unit.org, state);
  }
  return state;
}

export function snapshotOf(graph: OrgGraph): OrgSnapshot {
  const units = new Map<string, UnitState>();
  for (const unit of graph.units.values()) units.set(unit.id, stateOf(unit, true, graph.vocabulary));
  for (const unit of graph.retired) units.set(unit.id, stateOf(unit, false, graph.vocabulary));
  return {rootId: graph.rootId, units};
}
