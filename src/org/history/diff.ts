/**
 * What changed in the structure between two snapshots, as typed changes.
 * Pure and deterministic: the same two snapshots always give the same list,
 * in the same order (see `CHANGE_ORDER`).
 *
 * Identity across renames: a unit whose id disappeared is the same unit as
 * the one that now lists that id in `formerIds`, unless that one already
 * existed under its own id, in which case the first was merged into it. Only
 * renames carry identity: after a merge, the absorbed unit's reports and
 * memberships are reported as the moves and membership changes they are.
 */
import type {OrgSnapshot, UnitState} from './snapshot';

/** A unit as a change names it: its id and name at that side of the change, with its kind's words. */
export interface UnitLabel {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  /** Its name reads with "the" inside a sentence. */
  definite?: boolean;
  root?: boolean;
}

export interface RelationLabel {
  type: string;
  /** The relation's label in the vocabulary, as it reads from the unit. */
  label: string;
  to: UnitLabel;
  note?: string;
}

export type StructureChange =
  | {type: 'added'; unit: UnitLabel; parent?: UnitLabel}
  | {type: 'removed'; unit: UnitLabel; parent?: UnitLabel}
  | {type: 'retired'; unit: UnitLabel; on: string; note?: string}
  | {type: 'restored'; unit: UnitLabel; parent?: UnitLabel}
  | {type: 'merged'; unit: UnitLabel; into: UnitLabel}
  | {
      type: 'renamed';
      /** The unit as it is named after the change. */
      unit: UnitLabel;
      id?: {from: string; to: string};
      name?: {from: string; to: string};
      page?: {from: string; to: string};
    }
  | {type: 'page-moved'; unit: UnitLabel; page: {from: string; to: string}}
  | {type: 'moved'; unit: UnitLabel; from?: UnitLabel; to?: UnitLabel}
  | {type: 'kind'; unit: UnitLabel; from: string; to: string; fromLabel: string; toLabel: string}
  | {type: 'members'; unit: UnitLabel; added: UnitLabel[]; removed: UnitLabel[]}
  | {type: 'relations'; unit: UnitLabel; added: RelationLabel[]; removed: RelationLabel[]}
  /** Titles of the roles the page lists, added, removed, or with other holders or listing. */
  | {type: 'roles'; unit: UnitLabel; added: string[]; removed: string[]; changed: string[]}
  | {type: 'vacancy'; unit: UnitLabel; vacant: boolean}
  /** Labels of the contacts the page gives, added, removed or changed. */
  | {type: 'contacts'; unit: UnitLabel; added: string[]; removed: string[]; changed: string[]}
  | {type: 'maintainers'; unit: UnitLabel; added: string[]; removed: string[]};

export type StructureChangeType = StructureChange['type'];

/** Reading order: what appeared or disappeared, then renames and moves, then the details of units that stayed. */
export const CHANGE_ORDER: readonly StructureChangeType[] = [
  'added',
  'removed',
  'retired',
  'restored',
  'merged',
  'renamed',
  'page-moved',
  'moved',
  'kind',
  'members',
  'relations',
  'roles',
  'vacancy',
  'contacts',
  'maintainers',
];

/** Changes to where units sit in the structure, as opposed to the details on their pages. */
export const STRUCTURAL_TYPES: ReadonlySet<StructureChangeType> = new Set(['added', 'removed', 'retired', 'restored', 'merged', 'renamed', 'moved', 'kind', 'members', 'relations']);

const EMPTY: OrgSnapshot = {rootId: '', units: new Map()};

const label = (unit: UnitState): UnitLabel => ({
  id: unit.id,
  name: unit.name,
  kind: unit.kind,
  kindLabel: unit.kindLabel,
  ...(unit.definite ? {definite: true} : {}),
  ...(unit.root ? {root: true} : {}),
});

/** Entries of two lists keyed by a name: which names appeared, went, or now say something else. */
function compareByName<T>(before: readonly T[], after: readonly T[], nameOf: (item: T) => string): {added: string[]; removed: string[]; changed: string[]} {
  const was = new Map(before.map((item) => [nameOf(item), JSON.stringify(item)]));
  const now = new Map(after.map((item) => [nameOf(item), JSON.stringify(item)]));
  return {
    added: [...now.keys()].filter((name) => !was.has(name)),
    removed: [...was.keys()].filter((name) => !now.has(name)),
    changed: [...now.keys()].filter((name) => was.has(name) && was.get(name) !== now.get(name)),
  };
}

/**
 * Compares two snapshots. `undefined` stands for "no structure yet" (before
 * the first commit, or a tree whose first version already had problems).
 */
export function diffSnapshots(baseSnapshot: OrgSnapshot | undefined, headSnapshot: OrgSnapshot | undefined): StructureChange[] {
  const base = baseSnapshot ?? EMPTY;
  const head = headSnapshot ?? EMPTY;
  const changes: StructureChange[] = [];

  // Base ids that live on under another id in head, and the units they merged into.
  const renamedTo = new Map<string, string>();
  const mergedInto = new Map<string, string>();
  for (const unit of head.units.values()) {
    for (const formerId of unit.formerIds) {
      if (!base.units.has(formerId) || head.units.has(formerId)) continue;
      if (base.units.has(unit.id)) mergedInto.set(formerId, unit.id);
      else if (![...renamedTo.values()].includes(unit.id)) renamedTo.set(formerId, unit.id);
    }
  }
  const headIdOf = (baseId: string) => renamedTo.get(baseId) ?? baseId;
  const renamedFrom = new Map([...renamedTo].map(([from, to]) => [to, from]));
  const baseOf = (headUnit: UnitState) => base.units.get(renamedFrom.get(headUnit.id) ?? headUnit.id);
  /** A base id as head would call it, labelled from whichever side knows it best. */
  const headLabel = (headId: string, baseId: string): UnitLabel => {
    const unit = head.units.get(headId) ?? base.units.get(baseId);
    return unit ? label(unit) : {id: headId, name: headId, kind: '', kindLabel: 'unit'};
  };
  const baseLabel = (baseId: string): UnitLabel => {
    const unit = base.units.get(baseId);
    return unit ? label(unit) : {id: baseId, name: baseId, kind: '', kindLabel: 'unit'};
  };

  for (const unit of base.units.values()) {
    if (head.units.has(headIdOf(unit.id))) continue;
    const into = mergedInto.get(unit.id);
    if (into !== undefined) changes.push({type: 'merged', unit: label(unit), into: label(head.units.get(into)!)});
    else if (!unit.retired) changes.push({type: 'removed', unit: label(unit), ...(unit.parent ? {parent: baseLabel(unit.parent)} : {})});
  }

  for (const now of head.units.values()) {
    const was = baseOf(now);
    // The same state object: the unit's page did not change (snapshot.ts), and a valid tree cannot
    // keep a page unchanged while something it names was renamed or merged away.
    if (was === now) continue;
    const unit = label(now);
    const parentNow = now.parent !== undefined ? headLabel(now.parent, now.parent) : undefined;
    if (!was) {
      // A unit that first appears already retired is a record, not a change.
      if (!now.retired) changes.push({type: 'added', unit, ...(parentNow ? {parent: parentNow} : {})});
      continue;
    }
    if (was.id !== now.id || was.name !== now.name) {
      changes.push({
        type: 'renamed',
        unit,
        ...(was.id !== now.id ? {id: {from: was.id, to: now.id}} : {}),
        ...(was.name !== now.name ? {name: {from: was.name, to: now.name}} : {}),
        ...(was.source !== now.source ? {page: {from: was.source, to: now.source}} : {}),
      });
    } else if (was.source !== now.source) {
      changes.push({type: 'page-moved', unit, page: {from: was.source, to: now.source}});
    }
    if (now.retired && !was.retired) {
      changes.push({type: 'retired', unit, on: now.retired.on, ...(now.retired.note ? {note: now.retired.note} : {})});
      continue;
    }
    if (!now.retired && was.retired) {
      changes.push({type: 'restored', unit, ...(parentNow ? {parent: parentNow} : {})});
      continue;
    }
    if (now.retired) continue;

    if (was.kind !== now.kind) changes.push({type: 'kind', unit, from: was.kind, to: now.kind, fromLabel: was.kindLabel, toLabel: now.kindLabel});
    const parentWas = was.parent !== undefined ? headIdOf(was.parent) : undefined;
    if (parentWas !== now.parent) {
      changes.push({
        type: 'moved',
        unit,
        ...(was.parent !== undefined ? {from: baseLabel(was.parent)} : {}),
        ...(parentNow ? {to: parentNow} : {}),
      });
    }

    const membersWas = was.members.map(headIdOf);
    const membersAdded = now.members.filter((id) => !membersWas.includes(id));
    const membersRemoved = was.members.filter((id) => !now.members.includes(headIdOf(id)));
    if (membersAdded.length > 0 || membersRemoved.length > 0) {
      changes.push({
        type: 'members',
        unit,
        added: membersAdded.map((id) => headLabel(id, id)),
        removed: membersRemoved.map(baseLabel),
      });
    }

    const relationKey = (relation: UnitState['relations'][number], mapId: (id: string) => string) =>
      JSON.stringify([relation.type, mapId(relation.to), relation.note ?? '']);
    const relationsWas = new Set(was.relations.map((relation) => relationKey(relation, headIdOf)));
    const relationsNow = new Set(now.relations.map((relation) => relationKey(relation, (id) => id)));
    const relationsAdded = now.relations.filter((relation) => !relationsWas.has(relationKey(relation, (id) => id)));
    const relationsRemoved = was.relations.filter((relation) => !relationsNow.has(relationKey(relation, headIdOf)));
    if (relationsAdded.length > 0 || relationsRemoved.length > 0) {
      const describe = (relation: UnitState['relations'][number], to: UnitLabel): RelationLabel => ({
        type: relation.type,
        label: relation.label,
        to,
        ...(relation.note ? {note: relation.note} : {}),
      });
      changes.push({
        type: 'relations',
        unit,
        added: relationsAdded.map((relation) => describe(relation, headLabel(relation.to, relation.to))),
        removed: relationsRemoved.map((relation) => describe(relation, baseLabel(relation.to))),
      });
    }

    if (!sameJson(was.roles, now.roles)) {
      const titleOf = (role: UnitState['roles'][number]) => role.title ?? role.role;
      changes.push({type: 'roles', unit, ...compareByName(was.roles, now.roles, titleOf)});
    }
    if (was.vacant !== now.vacant) changes.push({type: 'vacancy', unit, vacant: now.vacant});
    if (!sameJson(was.contacts, now.contacts)) {
      changes.push({type: 'contacts', unit, ...compareByName(was.contacts, now.contacts, (contact) => contact.label)});
    }
    const maintainersAdded = now.maintainers.filter((name) => !was.maintainers.includes(name));
    const maintainersRemoved = was.maintainers.filter((name) => !now.maintainers.includes(name));
    if (maintainersAdded.length > 0 || maintainersRemoved.length > 0) {
      changes.push({type: 'maintainers', unit, added: maintainersAdded, removed: maintainersRemoved});
    }
  }

  return changes.sort(
    (a, b) => CHANGE_ORDER.indexOf(a.type) - CHANGE_ORDER.indexOf(b.type) || a.unit.name.localeCompare(b.unit.name, 'en') || a.unit.id.localeCompare(b.unit.id),
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
