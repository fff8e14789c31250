/**
 * Chart props, computed at build time: which units a chart shows, their
 * wrapped labels, their positions (from the tidy-tree layout) and the SVG path
 * of every line. The result is plain JSON with integer coordinates, so the
 * browser only draws it: no layout code and no graph code reach the page.
 *
 * Two variants:
 * - `full`: the reporting tree from `root` (the top by default). A unit at the
 *   deepest depth that fits in `maxNodes` draws none of its reports: it says
 *   how many units are below it inside its own box ("83 units below", the
 *   node's `below`), and its link leads to its page, which shows them. A
 *   parent with very many reports shows the first ones and a separate "+N"
 *   node for the rest. External units linked to a shown unit stand on the
 *   root's row, to its right.
 * - `neighbourhood`: the unit (`highlight`, else `root`), its chain up to the
 *   top, its direct reports (for a team: its member units) and, on its row,
 *   the units it relates to. Every part is capped, so a page's bytes do not
 *   grow with the organization. By the same rule as `full`, each report shown
 *   counts the units below it in its box, and a "+N" node counts the reports
 *   left out together with the units below them.
 *
 * So every unit under the chart's subject (a `full` chart's root, a
 * neighbourhood's unit unless it is a team, whose members are drawn or counted
 * instead) is drawn or counted exactly once: in a `below` (a unit none of
 * whose reports are drawn) or in a "+N" node (reports left out beside ones
 * that are drawn). Why in the box and not as a "+N" child: a unit with a
 * child is no leaf, and units that are not leaves stand side by side instead
 * of stacking in columns, so a dozen areas, each with a "+N" child, made a
 * landing chart three screens wide.
 *
 * A unit's many leaf reports stand in columns, one per kind in the order of
 * `UNIT_KINDS` (functional areas, then the teams drawing on them); a line
 * between units of neighbouring columns (a team's membership) runs across the
 * space between them, from one box's side to the facing side of the other.
 */
import {isExternal, type OrgGraph} from './graph';
import {DEFAULT_LAYOUT_OPTIONS, layoutTree, stackColumns, type LayoutNode, type PlacedNode} from './layout';
import {KIND_LABELS, UNIT_KINDS, type RelationType, type UnitKind} from './schema';

export type ChartEdgeType = 'reports' | 'member' | RelationType;

export interface ChartNode {
  /** Unit id; a "+N" node has an id no unit can have (`engineering--more`). */
  id: string;
  /** Full name, kept for the accessible name and the tooltip. For a "+N" node, the sentence a screen reader reads. */
  name: string;
  /** The name as drawn, wrapped (at most three lines, the last one shortened with "…"); absent when it is `[name]`. */
  lines?: string[];
  /** Absent on "+N" nodes. Its label is in `OrgChartData.kinds`. */
  kind?: UnitKind;
  href: string;
  /** Top-left corner and height; the width is `OrgChartData.nodeWidth`. */
  x: number;
  y: number;
  h: number;
  /** A role that nobody holds. */
  vacant?: true;
  /** The unit the page is about. */
  current?: true;
  /** On "+N" nodes: how many units it stands for. */
  count?: number;
  /** On a unit none of whose reports are drawn: how many units are below it (drawn as a line of its own, under the kind). */
  below?: number;
}

export interface ChartEdge {
  type: ChartEdgeType;
  /** Indices into `nodes`: the reporting unit's parent → the unit; the team → its member; a relation's own direction. */
  from: number;
  to: number;
  /** SVG path data, in the chart's coordinates. */
  d: string;
}

/** A nested list of reporting lines: a node index and the outlines of its reports. */
export type ChartOutline = [node: number, reports?: ChartOutline[]];

export interface OrgChartData {
  /** What the chart shows, in words: its default caption and accessible name. */
  label: string;
  width: number;
  height: number;
  nodeWidth: number;
  /** Labels of the kinds that occur in `nodes`. */
  kinds: Partial<Record<UnitKind, string>>;
  /** In reading order: the tree in pre-order, then the units beside it. */
  nodes: ChartNode[];
  edges: ChartEdge[];
  /** The reporting lines shown, as a nested list (external units are not in it). */
  outline: ChartOutline;
}

export interface ChartOptions {
  hrefOf: (id: string) => string;
  /** Top of a `full` chart (default: the organization's top); for `neighbourhood`, the unit when `highlight` is absent. */
  root?: string;
  /** The unit to mark as the current page. */
  highlight?: string;
  /** `full`: most nodes to show before collapsing (default 80). `neighbourhood`: most direct reports to show (default 12). */
  maxNodes?: number;
  variant: 'full' | 'neighbourhood';
}

// Geometry shared with the component (which draws text at these offsets).
export const NODE_WIDTH = 176;
/** Extra height of a box that says how many units are below it. */
const BELOW_LINE = 14;
/**
 * First baseline 20 px below the top, 16 px per name line, kind baseline 10 px
 * above the bottom; with a `below` line, that line's baseline is 10 px above
 * the bottom and the kind's `BELOW_LINE` higher.
 */
const unitHeight = (lines: number, below = false) => 30 + 16 * lines + (below ? BELOW_LINE : 0);
const COUNT_HEIGHT = 32;
const TEXT_WIDTH = NODE_WIDTH - 20;
const NAME_SIZE = 13;
const MAX_LINES = 3;
const MARGIN = 8;
/** Room above the top row for arcs joining units on the same row. */
const ARC_ROOM = 32;
const GAP_X = 16;
const GAP_Y = 40;
const STACK_FROM = DEFAULT_LAYOUT_OPTIONS.stackFrom;
const STACK_GAP = DEFAULT_LAYOUT_OPTIONS.stackGap;
/** Room kept between two stacked columns joined by lines (the gap between them comes on top). */
const CHANNEL_ROOM = 32;

const FULL_MAX_NODES = 80;
const FULL_MAX_CHILDREN = 20;
const NEIGHBOURHOOD_MAX_REPORTS = 12;
const NEIGHBOURHOOD_MAX_CHAIN = 4;
const NEIGHBOURHOOD_MAX_SIDE = 5;

interface TreeItem {
  node: number;
  kids: TreeItem[];
  /** How the line to the parent reads: its type, and whether the child is the relation's source. */
  type: ChartEdgeType;
  childIsFrom?: boolean;
  /** Part of the reporting-line outline. */
  reporting: boolean;
  stack?: boolean;
}

export function createChartData(graph: OrgGraph, options: ChartOptions): OrgChartData {
  const {hrefOf, variant} = options;
  const nodes: ChartNode[] = [];
  const kinds: Partial<Record<UnitKind, string>> = {};
  const indexOf = new Map<string, number>();
  const unitOf = (id: string) => {
    const unit = graph.units.get(id);
    if (!unit) throw new Error(`createChartData: unknown unit "${id}"`);
    return unit;
  };

  /** `below`: how many units under this one are not drawn, because none of its reports is (0: none there). */
  const addUnit = (id: string, below = 0): number => {
    const unit = unitOf(id);
    const lines = wrapText(unit.name);
    const node: ChartNode = {id, name: unit.name, kind: unit.kind, href: hrefOf(id), x: 0, y: 0, h: unitHeight(lines.length, below > 0)};
    if (lines.length !== 1 || lines[0] !== unit.name) node.lines = lines;
    if (unit.kind === 'role' && unit.org.vacant === true) node.vacant = true;
    if (id === options.highlight) node.current = true;
    if (below > 0) node.below = below;
    kinds[unit.kind] = KIND_LABELS[unit.kind];
    indexOf.set(id, nodes.length);
    return nodes.push(node) - 1;
  };
  const addCount = (id: string, count: number, sentence: string, target: string): number => {
    const short = `+${count} unit${count === 1 ? '' : 's'}`;
    return nodes.push({id, name: sentence, lines: [short], href: hrefOf(target), x: 0, y: 0, h: COUNT_HEIGHT, count}) - 1;
  };
  const unitsWord = (count: number) => `${count} more unit${count === 1 ? '' : 's'}`;
  const item = (node: number, type: ChartEdgeType = 'reports', reporting = type === 'reports'): TreeItem => ({
    node,
    kids: [],
    type,
    reporting,
  });

  let tree: TreeItem;
  /** The node whose row holds the side units, and the side units in order. */
  let anchor: TreeItem;
  const side: number[] = [];

  if (variant === 'full') {
    const rootId = options.root ?? graph.rootId;
    if (!graph.depth.has(rootId)) throw new Error(`createChartData: "${rootId}" is not in the reporting tree`);
    const budget = options.maxNodes ?? FULL_MAX_NODES;
    // `maxNodes: Infinity` shows everything; any budget also caps how many reports one unit shows.
    const maxChildren = Number.isFinite(budget) ? FULL_MAX_CHILDREN : Infinity;

    // Per-depth counts, relative to the root.
    const size = subtreeSizes(graph);
    const order = [rootId];
    const relDepth = new Map<string, number>([[rootId, 0]]);
    for (let index = 0; index < order.length; index += 1) {
      const id = order[index]!;
      for (const child of graph.children.get(id) ?? []) {
        relDepth.set(child, relDepth.get(id)! + 1);
        order.push(child);
      }
    }
    const perDepth: number[] = [];
    const parentsAt: number[] = [];
    for (const id of order) {
      const depth = relDepth.get(id)!;
      perDepth[depth] = (perDepth[depth] ?? 0) + 1;
      if ((graph.children.get(id) ?? []).length > 0) parentsAt[depth] = (parentsAt[depth] ?? 0) + 1;
    }
    // The deepest cut-off whose units fit the budget (at least the root's reports). A unit
    // that counts the units below it in its box still counts as two nodes here: its box is
    // taller, and a budget of nodes keeps meaning what it meant when the count was a node.
    let cutoff = perDepth.length - 1;
    const shownUpTo = (depth: number) =>
      perDepth.slice(0, depth + 1).reduce((sum, n) => sum + n, 0) + (parentsAt[depth] ?? 0);
    while (cutoff > 1 && shownUpTo(cutoff) > budget) cutoff -= 1;

    // Pre-order without recursion (a chain may be thousands deep): a unit, then its
    // reports' subtrees, then its "+N" node, so node order is reading order. At the
    // cut-off a unit draws no report: it counts them all in its own box.
    type Task = {id: string; depth: number; parent?: TreeItem} | {count: number; of: string; parent: TreeItem};
    const tasks: Task[] = [{id: rootId, depth: 0}];
    let top: TreeItem | undefined;
    while (tasks.length > 0) {
      const task = tasks.pop()!;
      if ('count' in task) {
        task.parent.kids.push(item(addCount(`${task.of}--more`, task.count, `${unitsWord(task.count)} under ${unitOf(task.of).name}`, task.of)));
        continue;
      }
      const children = graph.children.get(task.id) ?? [];
      const collapsed = children.length > 0 && task.depth >= cutoff;
      const current = item(addUnit(task.id, collapsed ? size.get(task.id)! - 1 : 0));
      if (task.parent) task.parent.kids.push(current);
      else top = current;
      if (children.length === 0 || collapsed) continue;
      const shown = children.length > maxChildren ? children.slice(0, maxChildren - 1) : children;
      if (shown.length < children.length) {
        const hidden = children.slice(shown.length).reduce((sum, child) => sum + size.get(child)!, 0);
        tasks.push({count: hidden, of: task.id, parent: current});
      }
      for (let index = shown.length - 1; index >= 0; index -= 1) tasks.push({id: shown[index]!, depth: task.depth + 1, parent: current});
    }
    tree = top!;
    anchor = tree;
    // External units linked to any unit shown stand beside the root.
    for (const relation of graph.relations) {
      for (const [here, there] of [
        [relation.from, relation.to],
        [relation.to, relation.from],
      ] as const) {
        if (indexOf.has(here) && !indexOf.has(there) && isExternal(unitOf(there).kind)) side.push(addUnit(there));
      }
    }
  } else {
    const unitId = options.highlight ?? options.root ?? graph.rootId;
    const unit = unitOf(unitId);
    if (isExternal(unit.kind)) {
      // Outside the tree: the unit on top, the units it relates to below it.
      tree = item(addUnit(unitId));
      tree.stack = false;
      const related = graph.relations.filter((relation) => relation.from === unitId || relation.to === unitId);
      for (const relation of related.slice(0, options.maxNodes ?? NEIGHBOURHOOD_MAX_REPORTS)) {
        const other = relation.from === unitId ? relation.to : relation.from;
        if (indexOf.has(other)) continue;
        const child = item(addUnit(other), relation.type);
        child.childIsFrom = relation.from === other;
        tree.kids.push(child);
      }
      anchor = tree;
    } else {
      const parents = parentMap(graph);
      const chain: string[] = [];
      for (let id = parents.get(unitId); id !== undefined; id = parents.get(id)) chain.unshift(id);
      let top: TreeItem | undefined;
      let bottom: TreeItem | undefined;
      const append = (next: TreeItem) => {
        if (bottom) bottom.kids.push(next);
        else top = next;
        bottom = next;
      };
      if (chain.length > NEIGHBOURHOOD_MAX_CHAIN) {
        const skipped = chain.slice(1, chain.length - (NEIGHBOURHOOD_MAX_CHAIN - 2));
        append(item(addUnit(chain[0]!)));
        append(
          item(
            addCount(
              `${skipped[0]}--up`,
              skipped.length,
              `${unitsWord(skipped.length)} in the reporting line, from ${unitOf(skipped[0]!).name}`,
              skipped[0]!,
            ),
          ),
        );
        for (const id of chain.slice(chain.length - (NEIGHBOURHOOD_MAX_CHAIN - 2))) append(item(addUnit(id)));
      } else {
        for (const id of chain) append(item(addUnit(id)));
      }
      anchor = item(addUnit(unitId));
      append(anchor);
      tree = top!;

      const maxReports = options.maxNodes ?? NEIGHBOURHOOD_MAX_REPORTS;
      const isTeam = unit.kind === 'team';
      const below = isTeam ? (unit.org.members ?? []) : (graph.children.get(unitId) ?? []);
      const type: ChartEdgeType = isTeam ? 'member' : 'reports';
      const shown = below.length > maxReports ? below.slice(0, maxReports - 1) : below;
      // As in the full chart: a report shown counts the units below it in its box, and the
      // "+N" node the reports left out with the units below them. A team's members are
      // not its reports: they are shown as they are, and the "+N" node counts members.
      const size = subtreeSizes(graph);
      const unitsUnder = (id: string) => (isTeam ? 0 : (size.get(id) ?? 1) - 1);
      // A team's member may already be shown (often the area the team reports to); its line is added below.
      for (const id of shown) if (!indexOf.has(id)) anchor.kids.push(item(addUnit(id, unitsUnder(id)), type));
      if (shown.length < below.length) {
        const left = below.slice(shown.length);
        const hidden = isTeam ? left.length : left.reduce((sum, id) => sum + (size.get(id) ?? 1), 0);
        const sentence = isTeam ? `${hidden} more member unit${hidden === 1 ? '' : 's'} of ${unit.name}` : `${unitsWord(hidden)} under ${unit.name}`;
        anchor.kids.push(item(addCount(`${unitId}--more`, hidden, sentence, unitId), type));
      }

      // Units related to this one, on its row.
      const relatedIds: string[] = [...(graph.teamsOf.get(unitId) ?? [])];
      for (const relation of graph.relations) {
        if (relation.from === unitId) relatedIds.push(relation.to);
        else if (relation.to === unitId) relatedIds.push(relation.from);
      }
      const fresh = [...new Set(relatedIds)].filter((id) => !indexOf.has(id));
      const fits = fresh.length > NEIGHBOURHOOD_MAX_SIDE ? fresh.slice(0, NEIGHBOURHOOD_MAX_SIDE - 1) : fresh;
      for (const id of fits) side.push(addUnit(id));
      if (fits.length < fresh.length) {
        const hidden = fresh.length - fits.length;
        side.push(addCount(`${unitId}--related`, hidden, `${hidden} more related unit${hidden === 1 ? '' : 's'}`, unitId));
      }
    }
  }

  // Lines: the tree's own, then team membership and relations between units shown.
  interface PendingEdge {
    type: ChartEdgeType;
    from: number;
    to: number;
    /** `channel`: between neighbouring stacked columns of one parent. */
    route: 'tree' | 'side' | 'free' | 'channel';
    parent?: number;
    child?: number;
  }
  const pending: PendingEdge[] = [];
  const seen = new Set<string>();
  const addEdge = (edge: PendingEdge) => {
    const key = `${edge.type} ${edge.from} ${edge.to}`;
    if (seen.has(key)) return;
    seen.add(key);
    pending.push(edge);
  };
  const walk: TreeItem[] = [tree];
  for (let next = 0; next < walk.length; next += 1) {
    const parent = walk[next]!;
    for (const kid of parent.kids) {
      const [from, to] = kid.childIsFrom ? [kid.node, parent.node] : [parent.node, kid.node];
      addEdge({type: kid.type, from, to, route: 'tree', parent: parent.node, child: kid.node});
      walk.push(kid);
    }
  }
  const sideSet = new Set(side);
  const routeOf = (from: number, to: number): PendingEdge['route'] =>
    (from === anchor.node && sideSet.has(to)) || (to === anchor.node && sideSet.has(from)) ? 'side' : 'free';
  for (const node of nodes) {
    if (node.count !== undefined) continue;
    for (const team of graph.teamsOf.get(node.id) ?? []) {
      const from = indexOf.get(team);
      const to = indexOf.get(node.id)!;
      if (from !== undefined) addEdge({type: 'member', from, to, route: routeOf(from, to)});
    }
  }
  for (const relation of graph.relations) {
    const from = indexOf.get(relation.from);
    const to = indexOf.get(relation.to);
    if (from !== undefined && to !== undefined) addEdge({type: relation.type, from, to, route: routeOf(from, to)});
  }

  // Layout of the tree; the anchor's box is as tall as the units beside it.
  const anchorHeight = Math.max(nodes[anchor.node]!.h, ...side.map((index) => nodes[index]!.h));
  // Stacked columns, as the layout will make them: one per kind, in the order of
  // UNIT_KINDS; a "+N" node joins the last. Lines between units of one column
  // bow out on the side away from its spine, lines between neighbouring
  // columns run between them: keep that room free.
  interface Place {
    owner: TreeItem;
    column: number;
    /** The spine runs down the column's right side (the last of several). */
    spineRight: boolean;
    /** Middle of the unit, from the column's top. */
    mid: number;
  }
  const placeOf = new Map<number, Place>();
  const columnValue = new Map<TreeItem, number>();
  const rooms = new Map<TreeItem, number[]>();
  const kindRank = (kid: TreeItem) => {
    const {kind} = nodes[kid.node]!;
    return kind === undefined ? -1 : UNIT_KINDS.indexOf(kind);
  };
  for (const current of walk) {
    const leaves = current.stack === false ? [] : current.kids.filter((kid) => kid.kids.length === 0);
    if (leaves.length < STACK_FROM) continue;
    const last = leaves.reduce((most, leaf) => Math.max(most, kindRank(leaf)), 0);
    for (const leaf of leaves) columnValue.set(leaf, kindRank(leaf) < 0 ? last : kindRank(leaf));
    const columns = stackColumns(leaves, (leaf) => columnValue.get(leaf)!);
    columns.forEach((members, column) => {
      let top = 0;
      for (const leaf of members) {
        const {h} = nodes[leaf.node]!;
        placeOf.set(leaf.node, {owner: current, column, spineRight: columns.length > 1 && column === columns.length - 1, mid: top + h / 2});
        top += h + STACK_GAP;
      }
    });
  }
  const bowsLeft = (edge: PendingEdge) => {
    const a = placeOf.get(edge.from);
    const b = placeOf.get(edge.to);
    return !!a && !!b && a.owner === b.owner && a.column === b.column && a.spineRight;
  };
  for (const edge of pending) {
    const a = placeOf.get(edge.from);
    const b = placeOf.get(edge.to);
    if (edge.route !== 'free' || !a || !b || a.owner !== b.owner) continue;
    const room = rooms.get(a.owner) ?? [];
    rooms.set(a.owner, room);
    if (a.column === b.column) {
      room[a.column] = Math.max(room[a.column] ?? 0, Math.ceil((bowOf(Math.abs(a.mid - b.mid)) * 3) / 4) + 2);
    } else if (Math.abs(a.column - b.column) === 1) {
      edge.route = 'channel';
      const leftColumn = Math.min(a.column, b.column);
      room[leftColumn] = Math.max(room[leftColumn] ?? 0, CHANNEL_ROOM);
    }
  }
  // Built bottom-up (reverse breadth-first order), again without recursion.
  const layoutOf = new Map<TreeItem, LayoutNode>();
  for (let index = walk.length - 1; index >= 0; index -= 1) {
    const current = walk[index]!;
    const room = rooms.get(current);
    layoutOf.set(current, {
      id: String(current.node),
      w: NODE_WIDTH,
      h: current === anchor ? anchorHeight : nodes[current.node]!.h,
      children: current.kids.map((kid) => layoutOf.get(kid)!),
      ...(current.stack === false ? {stack: false} : {}),
      ...(columnValue.has(current) ? {column: columnValue.get(current)} : {}),
      ...(room ? {columnRoom: Array.from(room, (value) => value ?? 0)} : {}),
    });
  }
  const layout = layoutTree(layoutOf.get(tree)!, {gapX: GAP_X, gapY: GAP_Y, stackFrom: STACK_FROM, stackGap: STACK_GAP});
  const placed = new Map<number, PlacedNode>();
  for (const box of layout.nodes) {
    const node = nodes[Number(box.id)]!;
    node.x = box.x;
    node.y = box.y;
    placed.set(Number(box.id), box);
  }
  const anchorNode = nodes[anchor.node]!;
  side.forEach((index, position) => {
    nodes[index]!.x = anchorNode.x + (position + 1) * (NODE_WIDTH + GAP_X);
    nodes[index]!.y = anchorNode.y;
  });

  // Final coordinates: leave room above the top row when an arc runs there.
  const minY = Math.min(...nodes.map((node) => node.y));
  const sameRow = (a: ChartNode, b: ChartNode) => a.y < b.y + b.h && b.y < a.y + a.h;
  const isArc = (edge: PendingEdge) => {
    if (edge.route === 'side') return side.indexOf(edge.from === anchor.node ? edge.to : edge.from) > 0;
    return edge.route === 'free' && sameRow(nodes[edge.from]!, nodes[edge.to]!);
  };
  const arcOnTop = pending.some(
    (edge) => isArc(edge) && (nodes[edge.from]!.y === minY || nodes[edge.to]!.y === minY),
  );
  // A stacked column's spine runs beside its units.
  const spines = layout.nodes.flatMap((box) => (box.spineX === undefined ? [] : [box.spineX]));
  const dx = MARGIN - Math.min(...nodes.map((node) => node.x), ...spines);
  const dy = MARGIN + (arcOnTop ? ARC_ROOM : 0) - minY;
  for (const node of nodes) {
    node.x += dx;
    node.y += dy;
  }

  // Lines between neighbouring columns. The lines meeting one side of a unit
  // are spread along it in the order of their other ends, so they do not cross
  // there; a unit that is the source of all of them (a team, of its
  // memberships) sends them close together from the middle, as one fan.
  const channelEnds = new Map<string, Array<{edge: PendingEdge; other: ChartNode; order: number; source: boolean}>>();
  for (const edge of pending) {
    if (edge.route !== 'channel') continue;
    for (const [here, there] of [
      [edge.from, edge.to],
      [edge.to, edge.from],
    ] as const) {
      const key = `${here} ${nodes[here]!.x < nodes[there]!.x ? 'right' : 'left'}`;
      const ends = channelEnds.get(key) ?? [];
      channelEnds.set(key, ends);
      ends.push({edge, other: nodes[there]!, order: there, source: here === edge.from});
    }
  }
  /** Heights of each line's two ends: at its `from` unit, at its `to` unit. */
  const channelY = new Map<PendingEdge, [number, number]>();
  for (const [key, ends] of channelEnds) {
    const node = nodes[Number(key.split(' ')[0])]!;
    ends.sort((a, b) => a.other.y * 2 + a.other.h - (b.other.y * 2 + b.other.h) || a.order - b.order);
    const fan = ends.every((end) => end.source);
    const step = ends.length > 1 ? Math.min(fan ? 4 : 10, Math.floor((node.h - 12) / (ends.length - 1))) : 0;
    ends.forEach(({edge, source}, position) => {
      const heights = channelY.get(edge) ?? [0, 0];
      heights[source ? 0 : 1] = node.y + Math.round(node.h / 2 + (position - (ends.length - 1) / 2) * step);
      channelY.set(edge, heights);
    });
  }

  const edges: ChartEdge[] = pending.map((edge) => {
    let d: string;
    if (edge.route === 'tree') {
      const parent = nodes[edge.parent!]!;
      const child = nodes[edge.child!]!;
      const box = placed.get(edge.child!)!;
      d = treePath(parent, child, box.busY + dy, box.spineX === undefined ? undefined : box.spineX + dx, edge.type === 'reports');
    } else if (edge.route === 'side') {
      const other = edge.from === anchor.node ? edge.to : edge.from;
      d = sidePath(anchorNode, nodes[other]!, side.indexOf(other));
    } else if (edge.route === 'channel') {
      const [fromY, toY] = channelY.get(edge)!;
      d = channelPath(nodes[edge.from]!, nodes[edge.to]!, fromY, toY);
    } else {
      d = freePath(nodes[edge.from]!, nodes[edge.to]!, bowsLeft(edge));
    }
    return {type: edge.type, from: edge.from, to: edge.to, d};
  });

  // The outline: reporting lines only.
  const outlineOf = new Map<TreeItem, ChartOutline>();
  for (let index = walk.length - 1; index >= 0; index -= 1) {
    const current = walk[index]!;
    const kids = current.kids.filter((kid) => kid.reporting).map((kid) => outlineOf.get(kid)!);
    outlineOf.set(current, kids.length > 0 ? [current.node, kids] : [current.node]);
  }

  // Arcs bowing right of a column reach 3/4 of the way to their control points.
  let right = Math.max(...nodes.map((node) => node.x + NODE_WIDTH), ...spines.map((spine) => spine + dx));
  for (const edge of pending) {
    const a = nodes[edge.from]!;
    const b = nodes[edge.to]!;
    const vertical = a.y + a.h <= b.y || b.y + b.h <= a.y;
    if (edge.route === 'free' && vertical && Math.abs(a.x - b.x) < NODE_WIDTH && !bowsLeft(edge)) {
      right = Math.max(right, Math.max(a.x, b.x) + NODE_WIDTH + Math.ceil((bowOf(Math.abs(b.y + b.h / 2 - a.y - a.h / 2)) * 3) / 4));
    }
  }
  const bottom = Math.max(...nodes.map((node) => node.y + node.h));
  const subject = nodes[anchor.node]!.name;
  const label =
    variant === 'neighbourhood'
      ? `${subject} in the organization`
      : graph.rootId === nodes[0]!.id
        ? `Organization chart of ${subject}`
        : `Organization chart: ${subject} and the units reporting to it`;
  return {
    label,
    width: right + MARGIN,
    height: bottom + MARGIN,
    nodeWidth: NODE_WIDTH,
    kinds,
    nodes,
    edges,
    outline: outlineOf.get(tree)!,
  };
}

const half = NODE_WIDTH / 2;

/** Elbow from the parent's bottom to the child's top; a stacked child is reached along the column's spine, from its side. */
function treePath(parent: ChartNode, child: ChartNode, busY: number, spineX: number | undefined, reporting: boolean): string {
  const px = parent.x + half;
  const py = parent.y + parent.h;
  const cx = child.x + half;
  if (spineX !== undefined) {
    return `M${px} ${py}V${busY}H${spineX}V${child.y + Math.round(child.h / 2)}H${spineX < child.x ? child.x : child.x + NODE_WIDTH}`;
  }
  if (!reporting) {
    // Other relations drawn as the tree's lines: separate curves, so different styles never share a segment.
    const mid = Math.round((py + child.y) / 2);
    return `M${px} ${py}C${px} ${mid} ${cx} ${mid} ${cx} ${child.y}`;
  }
  return px === cx ? `M${px} ${py}V${child.y}` : `M${px} ${py}V${busY}H${cx}V${child.y}`;
}

/** Anchor → the unit `index` places to its right: straight when adjacent, otherwise an arc over the ones between. */
function sidePath(anchor: ChartNode, other: ChartNode, index: number): string {
  if (index === 0) {
    const y = anchor.y + Math.round(Math.min(anchor.h, other.h) / 2);
    return `M${anchor.x + NODE_WIDTH} ${y}H${other.x}`;
  }
  const x1 = anchor.x + NODE_WIDTH - 8 - 8 * index;
  const x2 = other.x + half;
  const lift = 16 + 6 * Math.min(index, 4);
  return `M${x1} ${anchor.y}C${x1} ${anchor.y - lift} ${x2} ${other.y - lift} ${x2} ${other.y}`;
}

/**
 * Units in neighbouring stacked columns: from the side of one to the facing
 * side of the other, leaving and arriving level, at the heights given.
 */
function channelPath(from: ChartNode, to: ChartNode, fromY: number, toY: number): string {
  const rightwards = from.x < to.x;
  const x1 = rightwards ? from.x + NODE_WIDTH : from.x;
  const x2 = rightwards ? to.x : to.x + NODE_WIDTH;
  // Control points a third of the way across: level ends, and lines of a fan that keep distinct slopes.
  const pull = Math.round((x2 - x1) / 3);
  return `M${x1} ${fromY}C${x1 + pull} ${fromY} ${x2 - pull} ${toY} ${x2} ${toY}`;
}

/**
 * Any other pair. One above the other in the same column (a stacked list): an
 * arc bowing out to the right (to the left, `bowLeft`, in a column whose spine
 * runs down its right side), wider the further apart they are, so arcs nest.
 * In different rows: a curve between facing edges, off-centre so it never runs
 * along a reporting line. On the same row: an arc over the units between.
 */
function freePath(a: ChartNode, b: ChartNode, bowLeft = false): string {
  const [upper, lower] = a.y <= b.y ? [a, b] : [b, a];
  if (upper.y + upper.h <= lower.y) {
    if (Math.abs(a.x - b.x) < NODE_WIDTH) {
      const y1 = upper.y + Math.round(upper.h / 2);
      const y2 = lower.y + Math.round(lower.h / 2);
      if (bowLeft) {
        const bow = Math.min(upper.x, lower.x) - bowOf(y2 - y1);
        return `M${upper.x} ${y1}C${bow} ${y1} ${bow} ${y2} ${lower.x} ${y2}`;
      }
      const x1 = upper.x + NODE_WIDTH;
      const x2 = lower.x + NODE_WIDTH;
      const bow = Math.max(x1, x2) + bowOf(y2 - y1);
      return `M${x1} ${y1}C${bow} ${y1} ${bow} ${y2} ${x2} ${y2}`;
    }
    // Leave and enter on the sides facing each other.
    const leftwards = lower.x < upper.x;
    const x1 = upper.x + (leftwards ? 24 : NODE_WIDTH - 24);
    const x2 = lower.x + (leftwards ? NODE_WIDTH - 24 : 24);
    // Short vertical ends, then nearly straight: it crosses the connectors between rows instead of running along them.
    const y1 = upper.y + upper.h;
    const bend = Math.min(24, Math.round((lower.y - y1) / 2));
    return `M${x1} ${y1}C${x1} ${y1 + bend} ${x2} ${lower.y - bend} ${x2} ${lower.y}`;
  }
  const [l, r] = a.x <= b.x ? [a, b] : [b, a];
  const x1 = l.x + NODE_WIDTH - 24;
  const x2 = r.x + 24;
  const lift = Math.min(36, 12 + Math.round((x2 - x1) / 24));
  return `M${x1} ${l.y}C${x1} ${l.y - lift} ${x2} ${r.y - lift} ${x2} ${r.y}`;
}

/** How far right of a column an arc joining two units `span` px apart reaches with its control points. */
const bowOf = (span: number) => 16 + Math.round(span / 6);

const sizeMaps = new WeakMap<OrgGraph, Map<string, number>>();
/** Units in the reporting subtree of each unit, itself included: one pass over the tree per graph. */
function subtreeSizes(graph: OrgGraph): Map<string, number> {
  let sizes = sizeMaps.get(graph);
  if (!sizes) {
    const order = [graph.rootId];
    for (let index = 0; index < order.length; index += 1) {
      for (const child of graph.children.get(order[index]!) ?? []) order.push(child);
    }
    sizes = new Map();
    for (let index = order.length - 1; index >= 0; index -= 1) {
      const id = order[index]!;
      let total = 1;
      for (const child of graph.children.get(id) ?? []) total += sizes.get(child)!;
      sizes.set(id, total);
    }
    sizeMaps.set(graph, sizes);
  }
  return sizes;
}

const parentMaps = new WeakMap<OrgGraph, Map<string, string>>();
function parentMap(graph: OrgGraph): Map<string, string> {
  let parents = parentMaps.get(graph);
  if (!parents) {
    parents = new Map();
    for (const [parent, children] of graph.children) for (const child of children) parents.set(child, parent);
    parentMaps.set(graph, parents);
  }
  return parents;
}

// ---------------------------------------------------------------------------
// Text wrapping, without a DOM: approximate advance widths of a sans-serif face.

let graphemes: Intl.Segmenter | undefined;
function splitGraphemes(text: string): string[] {
  graphemes ??= new Intl.Segmenter('en', {granularity: 'grapheme'});
  return Array.from(graphemes.segment(text), (part) => part.segment);
}

/** Width of one character in em, erring on the wide side. */
function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (
    (code >= 0x300 && code < 0x370) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    (code >= 0xfe00 && code <= 0xfe0f)
  ) {
    return 0; // combining marks, joiners, direction marks, variation selectors
  }
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2600 && code <= 0x27bf) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xff60) ||
    code >= 0x1f000
  ) {
    return 1.1; // wide: CJK, Hangul, full-width forms, emoji and symbols
  }
  if (char === ' ') return 0.3;
  if ("iIjlt.,:;!|'`()[]{}".includes(char)) return 0.34;
  if (char === 'f' || char === 'r') return 0.4;
  if ('mwMW@%'.includes(char)) return 0.92;
  if (code >= 0x41 && code <= 0x5a) return 0.7;
  return 0.6;
}

function textWidth(text: string): number {
  let em = 0;
  for (const char of text) em += charWidth(char);
  return em * NAME_SIZE;
}

function clusterWidth(cluster: string): number {
  let widest = 0;
  for (const char of cluster) widest = Math.max(widest, charWidth(char));
  return widest * NAME_SIZE;
}

/** Wraps a name into at most three lines that fit a node; the last is shortened with "…" when needed. */
export function wrapText(name: string, maxWidth = TEXT_WIDTH, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of name.trim().split(/\s+/)) {
    const joined = line ? `${line} ${word}` : word;
    if (textWidth(joined) <= maxWidth) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A word wider than a line is cut between characters.
    while (textWidth(line) > maxWidth) {
      const parts = splitGraphemes(line);
      let used = 0;
      let take = 0;
      while (take < parts.length && used + clusterWidth(parts[take]!) <= maxWidth) used += clusterWidth(parts[take++]!);
      take = Math.max(take, 1);
      lines.push(parts.slice(0, take).join(''));
      line = parts.slice(take).join('');
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const parts = splitGraphemes(`${kept[maxLines - 1]} ${lines[maxLines]}`);
  const ellipsis = textWidth('…');
  let used = 0;
  let take = 0;
  while (take < parts.length && used + clusterWidth(parts[take]!) + ellipsis <= maxWidth) used += clusterWidth(parts[take++]!);
  let last = parts.slice(0, take).join('');
  // Prefer ending on a whole word when that keeps most of the line.
  const space = last.lastIndexOf(' ');
  if (space > last.length / 2) last = last.slice(0, space);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}
