/**
 * Stage 3: the graph → the facts pages state. Pure; nothing here is typed by
 * hand anywhere else, so a count or a reporting line cannot disagree between
 * two pages.
 */
import {unitOrder, type OrgGraph, type OrgUnit} from './graph';
import type {OrgContact, OrgHolder, OrgRole} from './schema';
import {kindLabel, type Vocabulary} from './vocabulary';

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

/** A role of the unit as its page states it: its title, who holds it, or where they are listed. */
export interface PlaceRole {
  /** The title shown: the page's own, else the vocabulary's label. */
  title: string;
  /** The vocabulary's label of the role, when the title differs from it. */
  role?: string;
  holders: OrgHolder[];
  vacant?: true;
  past?: NonNullable<OrgRole['past']>;
  listedAt?: {label: string; url?: string};
}

/** A way to reach the unit, with its type's label. */
export interface PlaceContact {
  type: string;
  label: string;
  url?: string;
  schedule?: string;
}

/** Everything the "Place in the organization" block shows for one unit. */
export interface PlaceData {
  kind: string;
  /**
   * The reporting line from the top down, ending with the unit's manager;
   * empty for the top and for external units. Bounded, so that a page's size
   * does not grow with its depth: a line of more than CHAIN_SHOWN_MAX managers
   * keeps the top and the CHAIN_NEAREST_SHOWN nearest, and `chainOmitted`
   * counts those left out between `chain[0]` and `chain[1]`.
   */
  chain: UnitRef[];
  chainOmitted?: number;
  directReports: UnitRef[];
  /** Units that list this one among their members. */
  memberOf: UnitRef[];
  members: UnitRef[];
  relations: PlaceRelation[];
  vacant?: true;
  roles: PlaceRole[];
  contacts: PlaceContact[];
  maintainers?: string[];
  reviewed?: string;
  /** True when `reviewed` is older than the configured age (or missing while maintainers are named). */
  reviewOverdue?: true;
}

export type HrefOf = (id: string) => string;

export function unitRef(unit: OrgUnit, hrefOf: HrefOf, vocabulary: Vocabulary): UnitRef {
  return {
    name: unit.name,
    href: hrefOf(unit.id),
    kind: kindLabel(vocabulary, unit.kind),
    ...(isVacant(unit, vocabulary) ? {vacant: true as const} : {}),
  };
}

/** A unit marked vacant, of a kind that can be. */
export function isVacant(unit: OrgUnit, vocabulary: Vocabulary): boolean {
  return unit.org.vacant === true && vocabulary.kinds.get(unit.kind)?.vacancy === true;
}

export function placeRoles(roles: readonly OrgRole[], vocabulary: Vocabulary): PlaceRole[] {
  return roles.map((role) => {
    const label = vocabulary.roles.get(role.role)?.label ?? role.role;
    const title = role.title ?? label;
    return {
      title,
      ...(title !== label ? {role: label} : {}),
      holders: role.holders ?? [],
      ...(role.vacant ? {vacant: true as const} : {}),
      ...(role.past && role.past.length > 0 ? {past: role.past} : {}),
      ...(role.listedAt ? {listedAt: role.listedAt} : {}),
    };
  });
}

export function placeContacts(contacts: readonly OrgContact[], vocabulary: Vocabulary): PlaceContact[] {
  return contacts.map((contact) => ({
    type: vocabulary.contacts.get(contact.type)?.label ?? contact.type,
    label: contact.label,
    ...(contact.url ? {url: contact.url} : {}),
    ...(contact.schedule ? {schedule: contact.schedule} : {}),
  }));
}

/**
 * The unit's managers from the top down, ending with the one it reports to.
 * Its length is the unit's depth: for pages and exports use reportingLineOf,
 * which is bounded.
 */
export function chainOf(graph: OrgGraph, id: string): OrgUnit[] {
  const chain: OrgUnit[] = [];
  let parentId = graph.units.get(id)?.org.reportsTo;
  while (parentId !== undefined) {
    const parent = graph.units.get(parentId);
    if (!parent) break;
    chain.push(parent);
    parentId = parent.org.reportsTo;
  }
  return chain.reverse();
}

/** Managers a Place block names from the bottom of a long reporting line (besides the top). */
export const CHAIN_NEAREST_SHOWN = 3;
/** The longest reporting line a Place block names in full. */
export const CHAIN_SHOWN_MAX = CHAIN_NEAREST_SHOWN + 2;

export interface ReportingLine {
  /** From the top down, ending with the unit's manager; at most CHAIN_SHOWN_MAX units. */
  shown: OrgUnit[];
  /** Managers left out between `shown[0]` (the top) and `shown[1]`. */
  omitted: number;
}

/**
 * The reporting line as a page states it: in full up to CHAIN_SHOWN_MAX
 * managers, else the top, a count, and the nearest managers. Walks at most
 * CHAIN_SHOWN_MAX steps up (the depth, known from the graph, gives the
 * count), so describing every unit of a 2000-deep chain stays linear.
 */
export function reportingLineOf(graph: OrgGraph, id: string): ReportingLine {
  const depth = graph.depth.get(id) ?? 0;
  const walk = depth <= CHAIN_SHOWN_MAX ? depth : CHAIN_NEAREST_SHOWN;
  const nearest: OrgUnit[] = [];
  let parentId = graph.units.get(id)?.org.reportsTo;
  while (parentId !== undefined && nearest.length < walk) {
    const parent = graph.units.get(parentId);
    if (!parent) break;
    nearest.push(parent);
    parentId = parent.org.reportsTo;
  }
  nearest.reverse();
  if (walk === depth) return {shown: nearest, omitted: 0};
  return {shown: [graph.units.get(graph.rootId)!, ...nearest], omitted: depth - walk - 1};
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
  const {vocabulary} = graph;
  const ref = (otherId: string) => unitRef(graph.units.get(otherId)!, hrefOf, vocabulary);
  const relations: PlaceRelation[] = [];
  for (const relation of graph.relations) {
    const rule = vocabulary.relations.get(relation.type)!;
    const note = relation.note ? {note: relation.note} : {};
    if (relation.from === id) relations.push({label: rule.label, unit: ref(relation.to), ...note});
    if (relation.to === id) relations.push({label: rule.inverseLabel, unit: ref(relation.from), ...note});
  }
  const {org} = unit;
  const line = reportingLineOf(graph, id);
  return {
    kind: kindLabel(vocabulary, unit.kind),
    chain: line.shown.map((manager) => unitRef(manager, hrefOf, vocabulary)),
    ...(line.omitted > 0 ? {chainOmitted: line.omitted} : {}),
    directReports: (graph.children.get(id) ?? []).map(ref),
    memberOf: (graph.memberOf.get(id) ?? []).map(ref),
    members: (org.members ?? []).map(ref),
    relations,
    ...(isVacant(unit, vocabulary) ? {vacant: true as const} : {}),
    roles: placeRoles(org.roles ?? [], vocabulary),
    contacts: placeContacts(org.contacts ?? [], vocabulary),
    ...(org.maintainers ? {maintainers: org.maintainers} : {}),
    ...(org.reviewed ? {reviewed: org.reviewed} : {}),
    ...(isReviewOverdue(unit, policy) ? {reviewOverdue: true as const} : {}),
  };
}

/** Units of a kind, or the direct reports of a unit, in display order. */
export function selectUnits(graph: OrgGraph, filter: {kind?: string; under?: string}): OrgUnit[] {
  const ids = filter.under !== undefined ? (graph.children.get(filter.under) ?? []) : [...graph.units.keys()];
  const units = ids.map((id) => graph.units.get(id)!).filter((unit) => filter.kind === undefined || unit.kind === filter.kind);
  if (filter.under !== undefined) return units;
  // Tree order keeps "kind" lists stable and in the order the sidebar shows.
  // Units outside the tree (joined through members, or external) follow, in display order.
  const order = treeOrder(graph);
  const compare = unitOrder(graph.vocabulary);
  return units.sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || compare(a, b));
}

function treeOrder(graph: OrgGraph): Map<string, number> {
  const order = new Map<string, number>();
  for (const id of preOrder(graph)) order.set(id, order.size);
  return order;
}

/**
 * Ids of the reporting tree from the top, each unit before its reports, in
 * display order. With an explicit stack: a chain thousands deep would
 * overflow the call stack of a recursive walk.
 */
export function preOrder(graph: OrgGraph): string[] {
  const ordered: string[] = [];
  const stack = [graph.rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    ordered.push(id);
    const children = graph.children.get(id) ?? [];
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
  }
  return ordered;
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
