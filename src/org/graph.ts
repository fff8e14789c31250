/**
 * Stage 2: typed units → one checked graph. Pure and deterministic: every
 * list is sorted, so the same content always gives the same graph.
 */
import type {LoadedUnit} from './load';
import type {OrgProblem, SourcePosition} from './problems';
import {article, listOr} from './rules';
import {TEXT_LIMITS, type OrgFrontMatter} from './schema';
import {closestMatch} from './suggest';
import {isExternalKind, isJoinedKind, kindRank, type Vocabulary} from './vocabulary';

export interface OrgUnit {
  id: string;
  /** A kind id of the vocabulary. */
  kind: string;
  /** Short name: `org.name`, else the page title. */
  name: string;
  title: string;
  description?: string;
  source: string;
  sidebarPosition?: number;
  org: OrgFrontMatter;
}

export interface OrgRelationEdge {
  /** A relation type of the vocabulary. */
  type: string;
  from: string;
  to: string;
  note?: string;
}

export interface OrgGraph {
  /** The words the graph was checked against; every later stage takes its labels and rules from it. */
  vocabulary: Vocabulary;
  rootId: string;
  /** Every unit that exists today (retired ones excluded), by id. */
  units: ReadonlyMap<string, OrgUnit>;
  /** Units kept only for the record, oldest retirement first. */
  retired: readonly OrgUnit[];
  /** Direct reports of each unit, in display order. */
  children: ReadonlyMap<string, readonly string[]>;
  /** For each unit, the units that list it among their `members`. */
  memberOf: ReadonlyMap<string, readonly string[]>;
  /**
   * Units with no reporting line, joined to the organization through their
   * members (their kind's `reportsTo` is empty), and the unit of the reporting
   * tree beside whose reports a chart draws them: the nearest unit above all
   * of their members.
   */
  joinedAt: ReadonlyMap<string, string>;
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

/** Builds the graph, collecting every problem across the whole content tree. */
export interface GraphOptions {
  /**
   * Reading a past commit (history): a unit of a kind that has no reporting
   * line today may still have had one then, and the past is shown as it was.
   */
  past?: boolean;
}

export function buildOrgGraph(
  loaded: readonly LoadedUnit[],
  vocabulary: Vocabulary,
  unreadableIds: Iterable<string> = [],
  options: GraphOptions = {},
): GraphResult {
  const isExternal = (kind: string) => isExternalKind(vocabulary, kind);
  const kinds = [...vocabulary.kinds.values()];
  const kindsWith = (test: (kind: (typeof kinds)[number]) => boolean) => kinds.filter(test).map((kind) => kind.id);
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
  const memberOf = new Map<string, string[]>();
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
    const definition = vocabulary.kinds.get(kind)!;
    const allowedParents = definition.reportsTo;
    const pastLine = options.past === true && !definition.root && !definition.external && allowedParents.length === 0;
    if (reportsTo !== undefined && pastLine) {
      const parent = resolve(unit, 'org.reportsTo', reportsTo);
      if (parent) parentOf.set(unit.org.id, parent.org.id);
    } else if (reportsTo !== undefined) {
      if (allowedParents.length === 0) {
        const why = definition.external
          ? `stands outside the organization's reporting lines; link it with "relations" instead`
          : definition.root
            ? 'is the top of the structure and reports to no unit'
            : 'has no reporting line: it is joined to the organization through its "members"';
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
    } else if (definition.root) {
      tops.push(unit);
    } else if (allowedParents.length > 0) {
      report(unit, 'org', `"${unit.org.id}" has no "reportsTo": ${article(kind)} reports to ${listOr(allowedParents.map((id) => article(id)))}`);
    }

    const memberRule = definition.members;
    if (members !== undefined && !memberRule) {
      const takers = kindsWith((candidate) => candidate.members !== undefined);
      report(
        unit,
        'org.members',
        takers.length > 0
          ? `only ${listOr(takers.map((id) => article(id)))} has "members"; ${article(kind)} shows its people through "reportsTo"`
          : `no kind of this handbook has "members"; ${article(kind)} shows its people through "reportsTo"`,
      );
    } else if (memberRule?.required && members === undefined) {
      report(unit, 'org.kind', `${article(kind)} must list its "members": the ${listOr(memberRule.kinds)} units its people come from`);
    }
    if (memberRule) {
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
        if (!memberRule.kinds.includes(member.org.kind)) {
          report(unit, field, `${article(kind)}'s members must be ${listOr(memberRule.kinds)} units; "${memberId}" is ${article(member.org.kind)}`);
          return;
        }
        appendTo(memberOf, memberId, unit.org.id);
      });
    }
    if (vacant !== undefined && !definition.vacancy) {
      const vacancies = kindsWith((candidate) => candidate.vacancy);
      report(
        unit,
        'org.vacant',
         `${vacancies.length > 0 ? `only ${listOr(vacancies.map((id) => article(id)))} can be vacant` : 'no kind of this handbook can be vacant'}; for ${article(kind)}, mark one of its "roles" as vacant instead`,
      );
    }
    (unit.org.roles ?? []).forEach((role, index) => {
      if (role.vacant === true && (role.holders ?? []).length > 0) {
        report(unit, `org.roles.${index}.vacant`, `a role with holders is not vacant: remove "vacant", or move its holders to "past"`);
      }
    });
    (unit.org.contacts ?? []).forEach((contact, index) => {
      const type = vocabulary.contacts.get(contact.type)!;
      if (contact.schedule !== undefined && !type.schedule) {
        const scheduled = [...vocabulary.contacts.values()].filter((candidate) => candidate.schedule).map((candidate) => candidate.id);
        report(
          unit,
          `org.contacts.${index}.schedule`,
          `a "${contact.type}" contact has no schedule${scheduled.length > 0 ? `; only ${listOr(scheduled)} contacts do` : ''}`,
        );
      }
    });

    (unit.org.relations ?? []).forEach((relation, index) => {
      const field = `org.relations.${index}.to`;
      const rule = vocabulary.relations.get(relation.type)!;
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
  // Exactly one top: the one unit of the vocabulary's root kind.
  const [top, ...extraTops] = [...tops].sort((a, b) => a.source.localeCompare(b.source));
  for (const extra of extraTops) {
    report(
      extra,
      'org',
      `"${extra.org.id}" would be a second top beside "${top!.org.id}" (${top!.source}): the handbook has exactly one ${vocabulary.rootKind}`,
    );
  }
  if (!top && live.some((unit) => !isExternal(unit.org.kind))) {
    const first = live.find((unit) => !isExternal(unit.org.kind))!;
    report(first, 'org', `the structure has no top: one unit must be ${article(vocabulary.rootKind)}, with no "reportsTo"`);
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
  const compare = unitOrder(vocabulary);
  const byDisplayOrder = (a: string, b: string) => compare(units.get(a)!, units.get(b)!);
  for (const list of children.values()) list.sort(byDisplayOrder);
  for (const list of memberOf.values()) list.sort(byDisplayOrder);
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
  const joinedAt = joinPoints(live, vocabulary, parentOf, depth, top.org.id);
  const retired = [...byId.values()]
    .filter((unit) => unit.org.retired)
    .map(toOrgUnit)
    .sort((a, b) => a.org.retired!.on.localeCompare(b.org.retired!.on) || a.id.localeCompare(b.id));

  return {graph: {vocabulary, rootId: top.org.id, units, retired, children, memberOf, joinedAt, relations, depth}, problems};
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

/** Display order: units of a kind together, in the vocabulary's order of kinds, then the sidebar position when given, then the name. */
export function unitOrder(vocabulary: Vocabulary): (a: OrgUnit, b: OrgUnit) => number {
  return (a, b) =>
    kindRank(vocabulary, a.kind) - kindRank(vocabulary, b.kind) ||
    (a.sidebarPosition ?? Number.MAX_SAFE_INTEGER) - (b.sidebarPosition ?? Number.MAX_SAFE_INTEGER) ||
    a.name.localeCompare(b.name, 'en') ||
    a.id.localeCompare(b.id);
}

/**
 * Where each unit with no reporting line joins the tree: the nearest unit
 * above all of its members (a member that is itself joined counts through its
 * own join point). Never one of its members, so a chart does not draw it as
 * if it reported to one of them.
 */
function joinPoints(
  live: readonly LoadedUnit[],
  vocabulary: Vocabulary,
  parentOf: ReadonlyMap<string, string>,
  depth: ReadonlyMap<string, number>,
  rootId: string,
): Map<string, string> {
  const joined = live.filter((unit) => isJoinedKind(vocabulary, unit.org.kind) && !parentOf.has(unit.org.id));
  const joinedAt = new Map<string, string>();
  const ancestorsOf = (id: string) => {
    const chain: string[] = [];
    for (let current: string | undefined = id; current !== undefined; current = parentOf.get(current)) chain.push(current);
    return chain;
  };
  // A joined member is placed first; a few passes settle chains of joined units, the rest falls back to the top.
  for (let pass = 0; pass < 3 && joinedAt.size < joined.length; pass += 1) {
    for (const unit of joined) {
      if (joinedAt.has(unit.org.id)) continue;
      const points = (unit.org.members ?? []).map((id) => (depth.has(id) ? parentOf.get(id) ?? id : joinedAt.get(id)));
      if (points.some((point) => point === undefined) && pass < 2) continue;
      const known = points.filter((point): point is string => point !== undefined);
      let common: string[] | undefined;
      for (const point of known) {
        const chain = ancestorsOf(point);
        common = common === undefined ? chain : common.filter((id) => chain.includes(id));
      }
      joinedAt.set(unit.org.id, common?.[0] ?? rootId);
    }
  }
  return joinedAt;
}

function positionOf(unit: LoadedUnit, field: string): SourcePosition {
  // The reader falls back to the nearest enclosing value that has a position.
  return unit.locate?.(field) ?? {line: 1, column: 1};
}

function where(unit: LoadedUnit, field: string): string {
  const {line, column} = positionOf(unit, field);
  return `${unit.source}:${line}:${column}`;
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
