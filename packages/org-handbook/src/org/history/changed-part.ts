/**
 * Which part of the chart a set of changes touches: the units named on each
 * side, and the smallest reporting subtree that holds them all, so a reviewer
 * sees before/after charts of the region that changed rather than the whole
 * organization.
 */
import type {OrgGraph} from '../graph';
import type {StructureChange} from './diff';

/**
 * Unit ids the changes name, old and new (a renamed unit under both ids), so
 * that the chart before and the chart after can show the same region.
 */
export function changedIds(changes: readonly StructureChange[]): Set<string> {
  const ids = new Set<string>();
  for (const change of changes) {
    ids.add(change.unit.id);
    switch (change.type) {
      case 'added':
      case 'removed':
      case 'restored':
        if (change.parent) ids.add(change.parent.id);
        break;
      case 'merged':
        ids.add(change.into.id);
        break;
      case 'renamed':
        if (change.id) ids.add(change.id.from);
        break;
      case 'moved':
        if (change.from) ids.add(change.from.id);
        if (change.to) ids.add(change.to.id);
        break;
      default:
        break;
    }
  }
  return ids;
}

/** The deepest unit whose reporting subtree holds every given unit of the tree (units outside it are ignored). */
export function commonManager(graph: OrgGraph, ids: Iterable<string>): string | undefined {
  const parentOf = new Map<string, string>();
  for (const [parent, children] of graph.children) for (const child of children) parentOf.set(child, parent);
  const chainOf = (id: string) => {
    const chain = [id];
    for (let current = parentOf.get(id); current !== undefined; current = parentOf.get(current)) chain.unshift(current);
    return chain;
  };
  let common: string[] | undefined;
  const given = [...ids].filter((id) => graph.depth.has(id));
  for (const id of given) {
    const chain = chainOf(id);
    if (!common) {
      common = chain;
      continue;
    }
    let length = 0;
    while (length < common.length && length < chain.length && common[length] === chain[length]) length += 1;
    common = common.slice(0, length);
  }
  if (!common || common.length === 0) return undefined;
  // A single changed unit is shown with its manager, so the chart says where it sits.
  const last = common[common.length - 1]!;
  return given.length === 1 && common.length > 1 ? common[common.length - 2] : last;
}
