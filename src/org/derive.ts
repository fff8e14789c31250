/**
 * Stage 3: the graph → the facts pages state. Pure; nothing here is typed by
 * hand anywhere else, so a count or a reporting line cannot disagree between
 * two pages.
 */
import type {OrgGraph, OrgUnit} from './graph';
import {RELATION_RULES} from './rules';
import {KIND_LABELS, type UnitKind} from './schema';

export interface UnitRef {
  name: string;
  href: string;
  kind: string;
  vacant?: true;
}

export interface PlaceRelation {
  label: string;
  unit: UnitRef;
  note?: string;
}

/** Everything the "Place in the organization" block shows for one unit. */
export interface PlaceData {
  kind: string;
  /** From the top down to the unit's manager; empty for the top and for external units. */
  chain: UnitRef[];
  directReports: UnitRef[];
  teams: UnitRef[];
  members: UnitRef[];
  relations: PlaceRelation[];
  vacant?: true;
  lead?: {title: string; holder?: string; vacant?: boolean};
  channel?: {label: string; url?: string};
  membership?: {label: string; url?: string};
  maintainers?: string[];
  reviewed?: string;
  /** True when `reviewed` is older than the configured age (or missing while maintainers are named). */
  reviewOverdue?: true;
}

export type HrefOf = (id: string) => string;

export function unitRef(unit: OrgUnit, hrefOf: HrefOf): UnitRef {
  return {
    name: unit.name,
    href: hrefOf(unit.id),
    kind: KIND_LABELS[unit.kind],
    ...(unit.kind === 'role' && unit.org.vacant ? {vacant: true as const} : {}),
  };
}

/** The unit's managers from the top down, ending with the one it reports to. */
export function chainOf(graph: OrgGraph, id: string): OrgUnit[] {
  const chain: OrgUnit[] = [];
  let parentId = graph.units.get(id)?.org.reportsTo;
  while (parentId !== undefined) {
    const parent = graph.units.get(parentId);
    if (!parent) break;
    chain.unshift(parent);
    parentId = parent.org.reportsTo;
  }
  return chain;
}

export interface ReviewPolicy {
  /** The date the site is built, as YYYY-MM-DD. */
  today: string;
  maxAgeDays: number;
}

export function isReviewOverdue(unit: OrgUnit, policy: ReviewPolicy): boolean {
  const reviewed = unit.org.reviewed;
  if (reviewed === undefined) return false;
  const ageDays = (Date.parse(`${policy.today}T00:00:00Z`) - Date.parse(`${reviewed}T00:00:00Z`)) / 86_400_000;
  return ageDays > policy.maxAgeDays;
}

export function describePlace(graph: OrgGraph, id: string, hrefOf: HrefOf, policy: ReviewPolicy): PlaceData {
  const unit = graph.units.get(id);
  if (!unit) throw new Error(`describePlace: no unit "${id}"`);
  const ref = (otherId: string) => unitRef(graph.units.get(otherId)!, hrefOf);
  const relations: PlaceRelation[] = [];
  for (const relation of graph.relations) {
    const rule = RELATION_RULES[relation.type];
    const note = relation.note ? {note: relation.note} : {};
    if (relation.from === id) relations.push({label: rule.label, unit: ref(relation.to), ...note});
    if (relation.to === id) relations.push({label: rule.inverseLabel, unit: ref(relation.from), ...note});
  }
  const {org} = unit;
  return {
    kind: KIND_LABELS[unit.kind],
    chain: chainOf(graph, id).map((manager) => unitRef(manager, hrefOf)),
    directReports: (graph.children.get(id) ?? []).map(ref),
    teams: (graph.teamsOf.get(id) ?? []).map(ref),
    members: (org.members ?? []).map(ref),
    relations,
    ...(unit.kind === 'role' && org.vacant ? {vacant: true as const} : {}),
    ...(org.lead ? {lead: org.lead} : {}),
    ...(org.channel ? {channel: org.channel} : {}),
    ...(org.membership ? {membership: org.membership} : {}),
    ...(org.maintainers ? {maintainers: org.maintainers} : {}),
    ...(org.reviewed ? {reviewed: org.reviewed} : {}),
    ...(isReviewOverdue(unit, policy) ? {reviewOverdue: true as const} : {}),
  };
}

/** Units of a kind, or the direct reports of a unit, in display order. */
export function selectUnits(graph: OrgGraph, filter: {kind?: UnitKind; under?: string}): OrgUnit[] {
  const ids = filter.under !== undefined ? (graph.children.get(filter.under) ?? []) : [...graph.units.keys()];
  const units = ids.map((id) => graph.units.get(id)!).filter((unit) => filter.kind === undefined || unit.kind === filter.kind);
  if (filter.under !== undefined) return units;
  // Tree order keeps "kind" lists stable and in the order the sidebar shows.
  const order = treeOrder(graph);
  return units.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || a.id.localeCompare(b.id));
}

function treeOrder(graph: OrgGraph): Map<string, number> {
  const order = new Map<string, number>();
  const visit = (id: string) => {
    order.set(id, order.size);
    for (const child of graph.children.get(id) ?? []) visit(child);
  };
  visit(graph.rootId);
  return order;
}

export function staleUnits(graph: OrgGraph, policy: ReviewPolicy): OrgUnit[] {
  return [...graph.units.values()]
    .filter((unit) => isReviewOverdue(unit, policy))
    .sort((a, b) => a.org.reviewed!.localeCompare(b.org.reviewed!) || a.id.localeCompare(b.id));
}

/** Units that name no reviewer or review date: their accuracy is nobody's job yet. */
export function unreviewedUnits(graph: OrgGraph): OrgUnit[] {
  return [...graph.units.values()].filter((unit) => unit.org.reviewed === undefined).sort((a, b) => a.id.localeCompare(b.id));
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "six" for 6, "14" for 14: style guides spell out small numbers. */
export function countInWords(count: number): string {
  return NUMBER_WORDS[count] ?? String(count);
}
