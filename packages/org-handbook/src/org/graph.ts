/**
 * Stage 2: typed units → one checked graph. Pure and deterministic: every
 * list is sorted, so the same content always gives the same graph.
 */
import type {LoadedUnit} from './load';
import type {OrgProblem, SourcePosition} from './problems';
import {article, KIND_FIELDS, MEMBER_KINDS, PARENT_KINDS, RELATION_RULES} from './rules';
import {EXTERNAL_KINDS, TEXT_LIMITS, UNIT_KINDS, type OrgFrontMatter, type RelationType, type UnitKind} from './schema';
import {closestMatch} from './suggest';

export interface OrgUnit {
  id: string;
  kind: UnitKind;
  /** Short name: `org.name`, else the page title. */
  name: string;
  title: string;
  description?: string;
  source: string;
  sidebarPosition?: number;
  org: OrgFrontMatter;
}

export interface OrgRelationEdge {
  type: RelationType;
  from: string;
  to: string;
  note?: string;
}

export interface OrgGraph {
  rootId: string;
  /** Every unit that exists today (retired ones excluded), by id. */
  units: ReadonlyMap<string, OrgUnit>;
  /** Units kept only for the record, oldest retirement first. */
  retired: readonly OrgUnit[];
  /** Direct reports of each unit, in display order. */
  children: ReadonlyMap<string, readonly string[]>;
  /** For each area or role, the teams that draw on it. */
  teamsOf: ReadonlyMap<string, readonly string[]>;
  /** Relations other than reporting lines and team membership. */
  relations: readonly OrgRelationEdge[];
  /** Depth in the reporting tree (the top is 0); external units are absent. */
  depth: ReadonlyMap<string, number>;
}

export interface GraphResult {
  /** Present only when the content has no problems. */
  graph?: OrgGraph;
  problems: OrgProblem[];
}

export function isExternal(kind: UnitKind): boolean {
  return EXTERNAL_KINDS.includes(kind);
}

/** Builds the graph, collecting every problem across the whole content tree. */
export function buildOrgGraph(loaded: readonly LoadedUnit[], unreadableIds: Iterable<string> = []): GraphResult {
  const unreadable = new Set(unreadableIds);
  const problems: OrgProblem[] = [];
  const report = (unit: LoadedUnit, field: string, message: string) =>
    problems.push({file: unit.source, ...positionOf(unit, field), message});

  // Ids: unique across live units, retired units and former ids.
  const byId = new Map<string, LoadedUnit>();
  for (const unit of loaded) {
    const first = byId.get(unit.org.id);
    if (first) {
      report(unit, 'org.id', `duplicate unit id "${unit.org.id}": already used by ${where(first, 'org.id')}`);
    } else {
      byId.set(unit.org.id, unit);
    }
  }
  const renamedTo = new Map<string, LoadedUnit>();
  for (const unit of byId.values()) {
    (unit.org.formerIds ?? []).forEach((formerId, index) => {
      const field = `org.formerIds.${index}`;
      const owner = byId.get(formerId);
      if (owner) {
        report(unit, field, `former id "${formerId}" is the current id of ${where(owner, 'org.id')}`);
      } else if (renamedTo.has(formerId)) {
        report(unit, field, `former id "${formerId}" is also claimed by ${where(renamedTo.get(formerId)!, 'org.id')}`);
      } else {
        renamedTo.set(formerId, unit);
      }
    });
  }
  const redirects = new Map<string, LoadedUnit>();
  for (const unit of byId.values()) {
    (unit.org.redirectFrom ?? []).forEach((from, index) => {
      const other = redirects.get(from);
      if (other) report(unit, `org.redirectFrom.${index}`, `redirect from "${from}" is already claimed by ${other.source}`);
      else redirects.set(from, unit);
    });
  }

  const live = [...byId.values()].filter((unit) => !unit.org.retired);
  const liveIds = new Set(live.map((unit) => unit.org.id));

  /** Checks one reference and returns the target when it is a live unit. */
  const resolve = (unit: LoadedUnit, field: string, target: string): LoadedUnit | undefined => {
    if (target === unit.org.id) {
      report(unit, field, `"${unit.org.id}" refers to itself`);
      return undefined;
    }
    const found = byId.get(target);
    if (found && !found.org.retired) return found;
    if (found?.org.retired) {
      report(unit, field, `"${target}" was retired on ${found.org.retired.on}; refer to a unit that exists today`);
      return undefined;
    }
    if (unreadable.has(target)) return undefined;
    const renamed = renamedTo.get(target);
    if (renamed) {
      report(unit, field, `unknown unit "${target}": it was renamed to "${renamed.org.id}" (${renamed.source})`);
      return undefined;
    }
    const suggestion = closestMatch(target, liveIds);
    report(unit, field, `unknown unit "${target}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
    return undefined;
  };

  const parentOf = new Map<string, string>();
  const tops: LoadedUnit[] = [];
  const teamsOf = new Map<string, string[]>();
  const relations: OrgRelationEdge[] = [];

  for (const unit of live) {
    const {kind, reportsTo, members, vacant} = unit.org;
    // The schema bounds org.name; a unit without one is named by its page title, which the schema never sees.
    if (unit.org.name === undefined && unit.title.length > TEXT_LIMITS.name) {
      report(
        unit,
        'org',
        `the page title is this unit's name and is ${unit.title.length} characters long; names may have at most ${TEXT_LIMITS.name}: give the unit a shorter "org.name"`,
      );
    }
    const allowedParents = PARENT_KINDS[kind];
    if (reportsTo !== undefined) {
      if (allowedParents === null) {
        const why = isExternal(kind)
          ? `stands outside the organization's reporting lines; link it with "relations" instead`
          : 'is the top of the structure and reports to no unit';
        report(unit, 'org.reportsTo', `${article(kind)} ${why}`);
      } else {
        const parent = resolve(unit, 'org.reportsTo', reportsTo);
        if (parent && !allowedParents.includes(parent.org.kind)) {
          report(
            unit,
            'org.reportsTo',
            `${article(kind)} cannot report to ${article(parent.org.kind)} ("${reportsTo}"); it may report to ${listOr(allowedParents)}`,
          );
        } else if (parent) {
          parentOf.set(unit.org.id, parent.org.id);
        }
      }
    } else if (!isExternal(kind)) {
      tops.push(unit);
    }

    const allows = (field: keyof typeof KIND_FIELDS) => (KIND_FIELDS[field].allowed as readonly UnitKind[]).includes(kind);
    const requires = (field: keyof typeof KIND_FIELDS) => (KIND_FIELDS[field].required as readonly UnitKind[]).includes(kind);
    if (members !== undefined && !allows('members')) {
      report(unit, 'org.members', `only a team has "members"; ${article(kind)} shows its people through "reportsTo"`);
    } else if (requires('members') && members === undefined) {
      report(unit, 'org.kind', `a team must list its "members": the areas or roles its people come from`);
    }
    if (kind === 'team') {
      const seen = new Set<string>();
      (members ?? []).forEach((memberId, index) => {
        const field = `org.members.${index}`;
        if (seen.has(memberId)) {
          report(unit, field, `"${memberId}" is listed twice in "members"`);
          return;
        }
        seen.add(memberId);
        const member = resolve(unit, field, memberId);
        if (!member) return;
        if (!MEMBER_KINDS.includes(member.org.kind)) {
          report(unit, field, `a team's members must be ${listOr(MEMBER_KINDS)} units; "${memberId}" is ${article(member.org.kind)}`);
          return;
        }
        appendTo(teamsOf, memberId, unit.org.id);
      });
    }
    if (vacant !== undefined && !allows('vacant')) {
      report(unit, 'org.vacant', `only a role can be vacant; for ${article(kind)}, mark its "lead" as vacant instead`);
    }

    (unit.org.relations ?? []).forEach((relation, index) => {
      const field = `org.relations.${index}.to`;
      const rule = RELATION_RULES[relation.type];
      if (!rule.from.includes(kind)) {
        report(unit, `org.relations.${index}.type`, `${article(kind)} cannot have a "${relation.type}" relation; only ${listOr(rule.from)} units can`);
        return;
      }
      const target = resolve(unit, field, relation.to);
      if (!target) return;
      if (!rule.to.includes(target.org.kind)) {
        report(unit, field, `a "${relation.type}" relation must point to ${listOr(rule.to)}, not to ${article(target.org.kind)} ("${relation.to}")`);
        return;
      }
      relations.push({type: relation.type, from: unit.org.id, to: relation.to, ...(relation.note ? {note: relation.note} : {})});
    });
  }

  // Exactly one top; prefer the organization when several claim it.
  const [top, ...extraTops] = [...tops].sort(
    (a, b) => Number(b.org.kind === 'organization') - Number(a.org.kind === 'organization') || a.source.localeCompare(b.source),
  );
  for (const extra of extraTops) {
    report(
      extra,
      'org',
      `"${extra.org.id}" has no "reportsTo", which would make it a second top beside "${top!.org.id}" (${top!.source}); every unit but the top must report to another`,
    );
  }
  if (!top && live.some((unit) => !isExternal(unit.org.kind))) {
    const first = live.find((unit) => !isExternal(unit.org.kind))!;
    report(first, 'org', 'the structure has no top: every unit reports to another, so one of them must be the organization with no "reportsTo"');
  }

  // Reporting cycles, and units whose chain never reaches the top.
  // Each unit is walked up only until a unit already settled, so the whole pass is linear
  // however deep the chains are (a Set, not a list, says whether the walk came back on itself).
  const settled = new Map<string, 'reaches-top' | 'cut-off'>();
  const inCycle = new Set<string>();
  if (top) settled.set(top.org.id, 'reaches-top');
  for (const unit of live) {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let current: string | undefined = unit.org.id;
    while (current !== undefined && !settled.has(current) && !onChain.has(current)) {
      chain.push(current);
      onChain.add(current);
      current = parentOf.get(current);
    }
    if (current !== undefined && onChain.has(current)) {
      const cycle = chain.slice(chain.indexOf(current));
      for (const id of cycle) inCycle.add(id);
      const first = [...cycle].sort()[0]!;
      const start = cycle.indexOf(first);
      const ordered = [...cycle.slice(start), ...cycle.slice(0, start), first];
      report(byId.get(first)!, 'org.reportsTo', `reporting cycle: ${boundedList(ordered)}`);
      for (const id of chain) settled.set(id, 'cut-off');
      continue;
    }
    const outcome = current === undefined ? 'cut-off' : settled.get(current)!;
    for (const id of chain) settled.set(id, outcome);
  }
  // A unit is only worth a "cut off" message if nothing else explains it.
  const chainText = chainDescriber(parentOf, inCycle);
  for (const unit of live) {
    if (isExternal(unit.org.kind) || settled.get(unit.org.id) !== 'cut-off') continue;
    const parent = parentOf.get(unit.org.id);
    if (parent !== undefined && settled.get(parent) === 'cut-off' && !inCycle.has(parent)) {
      report(unit, 'org.reportsTo', `"${unit.org.id}" is cut off from the top: its chain ${chainText(unit.org.id)} never reaches "${top?.org.id ?? 'the top'}"`);
    }
  }
  for (const unit of live.filter((candidate) => isExternal(candidate.org.kind))) {
    const linked = relations.some((relation) => relation.from === unit.org.id || relation.to === unit.org.id);
    if (!linked) {
      report(unit, 'org', `${article(unit.org.kind)} must be linked to the organization: give it a relation (such as "sponsors" or "founded") or name it in another unit's relations`);
    }
  }

  if (problems.length > 0 || !top) return {problems};

  const units = new Map<string, OrgUnit>(live.map((unit) => [unit.org.id, toOrgUnit(unit)]));
  const children = new Map<string, string[]>();
  for (const [child, parent] of parentOf) appendTo(children, parent, child);
  const byDisplayOrder = (a: string, b: string) => compareUnits(units.get(a)!, units.get(b)!);
  for (const list of children.values()) list.sort(byDisplayOrder);
  for (const list of teamsOf.values()) list.sort(byDisplayOrder);
  relations.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.type.localeCompare(b.type));

  const depth = new Map<string, number>([[top.org.id, 0]]);
  const queue = [top.org.id];
  for (let index = 0; index < queue.length; index += 1) {
    const id = queue[index]!;
    for (const child of children.get(id) ?? []) {
      depth.set(child, depth.get(id)! + 1);
      queue.push(child);
    }
  }
  const retired = [...byId.values()]
    .filter((unit) => unit.org.retired)
    .map(toOrgUnit)
    .sort((a, b) => a.org.retired!.on.localeCompare(b.org.retired!.on) || a.id.localeCompare(b.id));

  return {graph: {rootId: top.org.id, units, retired, children, teamsOf, relations, depth}, problems};
}

function toOrgUnit(unit: LoadedUnit): OrgUnit {
  return {
    id: unit.org.id,
    kind: unit.org.kind,
    name: unit.org.name ?? unit.title,
    title: unit.title,
    ...(unit.description !== undefined ? {description: unit.description} : {}),
    source: unit.source,
    ...(unit.sidebarPosition !== undefined ? {sidebarPosition: unit.sidebarPosition} : {}),
    org: unit.org,
  };
}

/** Display order: units of a kind together (areas before teams), then the sidebar position when given, then the name. */
export function compareUnits(a: OrgUnit, b: OrgUnit): number {
  return (
    UNIT_KINDS.indexOf(a.kind) - UNIT_KINDS.indexOf(b.kind) ||
    (a.sidebarPosition ?? Number.MAX_SAFE_INTEGER) - (b.sidebarPosition ?? Number.MAX_SAFE_INTEGER) ||
    a.name.localeCompare(b.name, 'en') ||
    a.id.localeCompare(b.id)
  );
}

function positionOf(unit: LoadedUnit, field: string): SourcePosition {
  // The reader falls back to the nearest enclosing value that has a position.
  return unit.locate?.(field) ?? {line: 1, column: 1};
}

function where(unit: LoadedUnit, field: string): string {
  const {line, column} = positionOf(unit, field);
  return `${unit.source}:${line}:${column}`;
}

function listOr(kinds: readonly string[]): string {
  if (kinds.length <= 1) return kinds.join('');
  return `${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}`;
}

/** Adds to a list in place: copying the list on every addition is quadratic for a unit with thousands of reports. */
function appendTo(lists: Map<string, string[]>, key: string, value: string): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** Links a problem message names in a chain or cycle before it summarizes the rest: one message stays one line. */
const CHAIN_TEXT_MAX = 6;

/** `a → b → c`, or `a → b → … (96 more) → z` when longer than CHAIN_TEXT_MAX. */
function boundedList(ids: readonly string[]): string {
  if (ids.length <= CHAIN_TEXT_MAX) return ids.join(' → ');
  const head = ids.slice(0, CHAIN_TEXT_MAX - 1);
  return `${head.join(' → ')} → … (${ids.length - head.length - 1} more) → ${ids[ids.length - 1]}`;
}

/**
 * Describes the chain above a cut-off unit: `x → y → z`, up to where it stops
 * (a unit with no manager, or a cycle, shown by repeating the unit it returns
 * to). A long chain names its first links, how many follow, and where it
 * stops; the stopping point of each unit is remembered, so describing every
 * unit under a broken 12,000-deep chain stays linear.
 */
function chainDescriber(parentOf: ReadonlyMap<string, string>, inCycle: ReadonlySet<string>): (id: string) => string {
  const endOf = new Map<string, {id: string; steps: number}>();
  const findEnd = (start: string) => {
    const path: string[] = [];
    let current = start;
    while (!endOf.has(current)) {
      const parent = parentOf.get(current);
      if (parent === undefined || inCycle.has(current)) {
        endOf.set(current, {id: current, steps: 0});
        break;
      }
      path.push(current);
      current = parent;
    }
    let end = endOf.get(current)!;
    for (let index = path.length - 1; index >= 0; index -= 1) {
      end = {id: end.id, steps: end.steps + 1};
      endOf.set(path[index]!, end);
    }
    return endOf.get(start)!;
  };
  return (id) => {
    const shown: string[] = [];
    const seen = new Set<string>();
    let current: string | undefined = id;
    while (current !== undefined && !seen.has(current) && shown.length < CHAIN_TEXT_MAX) {
      shown.push(current);
      seen.add(current);
      current = parentOf.get(current);
    }
    if (current === undefined) return shown.join(' → ');
    if (seen.has(current)) return [...shown, current].join(' → ');
    const end = findEnd(current);
    const middle = end.steps > 0 ? ` → … (${end.steps} more)` : '';
    return `${shown.join(' → ')}${middle} → ${end.id}${inCycle.has(end.id) ? ' (in a reporting cycle)' : ''}`;
  };
}
