/**
 * Chart props, computed at build time: which units a chart shows, their
 * wrapped labels, their positions in two layouts (wide and narrow) and the SVG
 * path of every line. The result is plain JSON with integer coordinates, so
 * the browser only draws it: no layout code and no graph code reach the page,
 * and CSS alone picks the layout that fits the reader's screen.
 *
 * Two variants:
 * - `full`: the reporting tree from `root` (the top by default). A unit at the
 *   deepest depth that fits in `maxNodes` draws none of its reports: it says
 *   how many units are below it inside its own box ("83 units below", the
 *   node's `below`), and its link leads to its page, which lists them. A
 *   parent with very many reports shows the first ones and a separate "+N"
 *   node for the rest, linking to the list of its direct reports on its page.
 *   External units linked to a shown unit stand on the root's row, to its
 *   right.
 * - `neighbourhood`: the unit (`highlight`, else `root`), its chain up to the
 *   top, every one of its direct reports (for a team: its member units; past
 *   `maxNodes` of them a "+N" node links to the list on the unit's page) and,
 *   on its row, the units it relates to. The chain and the units beside it are
 *   capped, so a page's bytes grow only with the unit's own reports.
 *
 * So every unit under the chart's subject (a `full` chart's root, a
 * neighbourhood's unit unless it is a team, whose members are drawn or counted
 * instead) is drawn or counted exactly once: in a `below` (a unit none of
 * whose reports are drawn) or in a "+N" node (reports left out beside ones
 * that are drawn), and every one is reachable from the chart through links.
 *
 * The wide layout (for desktop pages). Near the top, units with one or two
 * reports stand over them as a tidy tree. A unit with more reports hangs them
 * in columns instead: each report is a block, the report with everything drawn
 * below it as an indented list, and the blocks fill one column per kind in the
 * order of the vocabulary's kinds (say, departments, then the groups drawing on them). A
 * column longer than about ten boxes wraps into several, as many as the page's
 * width allows (`WIDE_TARGET`), so long lists use the width instead of growing
 * one tall column, and big organizations do not grow sideways. A line between
 * units of neighbouring columns (a team's membership) runs across the space
 * between them, from one box's side to the facing side of the other.
 *
 * The narrow layout (for phones, chart-narrow.ts) is an indented tree of the
 * same boxes that opens at the top of the chart.
 */
import {unitOrder, type OrgGraph} from './graph';
import {isVacant} from './derive';
import {LIST_ANCHORS} from './anchors';
import {layoutNarrow, type NarrowLayout, type NarrowLine, type NarrowRow} from './chart-narrow';
import {DEFAULT_LAYOUT_OPTIONS, layoutTree, stackColumns, type LayoutNode, type PlacedNode} from './layout';
import {isExternalKind, kindLabel, kindRank as rankOfKind, type ChartStyle, type LineStyle} from './vocabulary';
import {wrapText as wrapToLines} from './text';

export type {NarrowLayout} from './chart-narrow';

/**
 * `reports`: a reporting line; `member`: a unit drawing members from another;
 * `joined`: where a unit with no reporting line stands in the tree (no line is
 * drawn: it is joined by its membership lines); anything else: a relation type
 * of the vocabulary.
 */
export type ChartEdgeType = string;

/** How a line of one type is drawn and named: in the legend, and between two names in the text version. */
export interface ChartLineStyle {
  legend: string;
  verb: string;
  /** SVG dash pattern; absent for a solid line. */
  dash?: string;
}

/** Dash patterns of the vocabulary's line styles, and of membership lines. */
const DASHES: Record<LineStyle | 'member', string> = {member: '6 4', dotted: '2 4', dashed: '12 4', 'dash-dot': '12 4 2 4'};

export interface ChartNode {
  /** Unit id; a "+N" node has an id no unit can have (`engineering--more`). */
  id: string;
  /** Full name, kept for the accessible name and the tooltip. For a "+N" node, the sentence a screen reader reads. */
  name: string;
  /** The name as drawn, wrapped (at most three lines, the last one shortened with "…"); absent when it is `[name]`. */
  lines?: string[];
  /** Absent on "+N" nodes. Its label is in `OrgChartData.kinds`. */
  kind?: string;
  href: string;
  /** Top-left corner and height; the width is `OrgChartData.nodeWidth`. */
  x: number;
  y: number;
  h: number;
  /** A role that nobody holds. */
  vacant?: true;
  /** The unit the page is about. */
  current?: true;
  /** On "+N" nodes: how many units it stands for (the reports left out and the units below them). */
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
  kinds: Record<string, string>;
  /** How the chart draws each kind in `nodes` (the vocabulary's `chart.style`), where it is not the default. */
  kindStyles: Record<string, ChartStyle>;
  /** How each type of line in `edges` other than reporting lines is drawn and named. */
  lines: Record<string, ChartLineStyle>;
  /** In reading order: the tree in pre-order, then the units beside it. */
  nodes: ChartNode[];
  edges: ChartEdge[];
  /** The reporting lines shown, as a nested list (external units are not in it). */
  outline: ChartOutline;
  /** The same nodes and lines laid out for a narrow screen (an indented tree); `width`, `height`, `x`, `y` and `d` above are the wide layout. */
  narrow: NarrowLayout;
}

export interface ChartOptions {
  hrefOf: (id: string) => string;
  /** Top of a `full` chart (default: the organization's top); for `neighbourhood`, the unit when `highlight` is absent. */
  root?: string;
  /** The unit to mark as the current page. */
  highlight?: string;
  /** `full`: most nodes to show before collapsing (default 80). `neighbourhood`: most direct reports to show (default 60). */
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
/** A "+N" node: a pill of one or two lines. */
const countHeight = (lines: number) => 16 + 16 * lines;
const TEXT_WIDTH = NODE_WIDTH - 20;
const MAX_LINES = 3;
const MARGIN = 8;
/** Room above the top row for arcs joining units on the same row. */
const ARC_ROOM = 32;
const GAP_X = 16;
const GAP_Y = 40;
const STACK_FROM = DEFAULT_LAYOUT_OPTIONS.stackFrom;
const STACK_GAP = DEFAULT_LAYOUT_OPTIONS.stackGap;
/** Indentation of each level inside a block; the connector to a report runs down the middle of it. */
const BLOCK_INDENT = 20;
/** Room kept between two stacked columns joined by lines (the gap between them comes on top). */
const CHANNEL_ROOM = 32;
/**
 * Widest the wide layout tries to be: the content column of a desktop page
 * (703 px at 1280 px with the sidebar and the table of contents, less the
 * frame's border). Columns wrap to stay within it; only a tree whose top
 * levels alone are wider goes past it (and its frame scrolls).
 */
export const WIDE_TARGET = 700;
/** A column of blocks wraps once it is taller than this (about ten boxes), not before: short lists keep one column per kind. */
const COLUMN_TARGET = 540;
/** Widest the narrow layout tries to be: a 360 px phone's content column, less the frame's border. */
export const NARROW_TARGET = 320;
const NARROW_GEOMETRY = {nodeWidth: NODE_WIDTH, margin: MARGIN, gap: STACK_GAP, maxWidth: NARROW_TARGET, maxIndent: 20, minIndent: 8, lane: 36};

const FULL_MAX_NODES = 80;
const FULL_MAX_CHILDREN = 40;
const NEIGHBOURHOOD_MAX_REPORTS = 60;
const NEIGHBOURHOOD_MAX_CHAIN = 4;
/** Units beside a page's unit, on its row: few enough that the row fits the page (the rest are counted, and listed on the page). */
const NEIGHBOURHOOD_MAX_SIDE = 3;
/**
 * Tallest a default full chart may be: under two screens of a 1280 × 900
 * desktop. A landing chart that would be taller collapses one level higher.
 * Why not a number of nodes only: in columns, nodes cost height, and how much
 * depends on how wide each level is.
 */
export const FULL_MAX_HEIGHT = 1600;


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
  let side = NEIGHBOURHOOD_MAX_SIDE;
  let {chart, cutoff} = buildChart(graph, options, Infinity, side);
  // Only the default budget also keeps the chart's height: an explicit `maxNodes` (the Mermaid export) means nodes.
  if (options.variant === 'full' && options.maxNodes === undefined) {
    while (chart.height > FULL_MAX_HEIGHT && cutoff > 1) ({chart, cutoff} = buildChart(graph, options, cutoff - 1, side));
  }
  // A unit with many reports stands over the middle of their columns: fewer units beside it then keep the row on the page.
  while (options.variant === 'neighbourhood' && chart.width > WIDE_TARGET && side > 1) ({chart} = buildChart(graph, options, cutoff, --side));
  return chart;
}

/**
 * The chart, with no level deeper than `maxCutoff` below the root drawing its
 * reports and at most `maxSide` units beside a page's unit; and the level it used.
 */
function buildChart(graph: OrgGraph, options: ChartOptions, maxCutoff: number, maxSide: number): {chart: OrgChartData; cutoff: number} {
  const {hrefOf, variant} = options;
  let cutoff = Infinity;
  const nodes: ChartNode[] = [];
  const {vocabulary} = graph;
  const isExternal = (kind: string) => isExternalKind(vocabulary, kind);
  const kinds: Record<string, string> = {};
  const kindStyles: Record<string, ChartStyle> = {};
  // Units with no reporting line, by the unit of the tree beside whose reports they stand.
  const joinedUnder = new Map<string, string[]>();
  for (const [id, at] of graph.joinedAt) joinedUnder.set(at, [...(joinedUnder.get(at) ?? []), id]);
  const order = unitOrder(vocabulary);
  for (const list of joinedUnder.values()) list.sort((a, b) => order(graph.units.get(a)!, graph.units.get(b)!));
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
    if (isVacant(unit, vocabulary)) node.vacant = true;
    if (id === options.highlight) node.current = true;
    if (below > 0) node.below = below;
    kinds[unit.kind] = kindLabel(vocabulary, unit.kind);
    const style = vocabulary.kinds.get(unit.kind)?.style;
    if (style !== undefined && style !== 'default') kindStyles[unit.kind] = style;
    indexOf.set(id, nodes.length);
    return nodes.push(node) - 1;
  };
  /** A "+N" node: what it says in its box, the sentence read aloud, and where the units it stands for are listed. */
  const addCount = (id: string, count: number, short: string, sentence: string, href: string): number => {
    const lines = wrapText(short, 2);
    return nodes.push({id, name: sentence, lines, href, x: 0, y: 0, h: countHeight(lines.length), count}) - 1;
  };
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const unitsWord = (count: number) => `${count} more unit${count === 1 ? '' : 's'}`;
  /** The reports of `owner` left out of the chart, with the units below them: counted, and linked to the list on its page. */
  const addMoreReports = (owner: string, left: readonly string[], size: Map<string, number>): number => {
    const units = left.reduce((sum, id) => sum + (size.get(id) ?? 1), 0);
    const inAll = units > left.length ? `, ${units} units in all` : '';
    return addCount(
      `${owner}--more`,
      units,
      `+${plural(left.length, 'more report')}${inAll}`,
      `${plural(left.length, 'more direct report')} of ${unitOf(owner).name}${inAll}, listed on its page`,
      `${hrefOf(owner)}#${LIST_ANCHORS.reports}`,
    );
  };
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
    cutoff = Math.min(maxCutoff, perDepth.length - 1);
    const upTo: number[] = [];
    perDepth.forEach((count, depth) => (upTo[depth] = (upTo[depth - 1] ?? 0) + count));
    const shownUpTo = (depth: number) => upTo[depth]! + (parentsAt[depth] ?? 0);
    while (cutoff > 1 && shownUpTo(cutoff) > budget) cutoff -= 1;

    // Pre-order without recursion (a chain may be thousands deep): a unit, then its
    // reports' subtrees, then its "+N" node, so node order is reading order. At the
    // cut-off a unit draws no report: it counts them all in its own box.
    type Task =
      | {id: string; depth: number; parent?: TreeItem}
      | {left: string[]; of: string; parent: TreeItem}
      | {joined: string[]; parent: TreeItem};
    const tasks: Task[] = [{id: rootId, depth: 0}];
    let top: TreeItem | undefined;
    while (tasks.length > 0) {
      const task = tasks.pop()!;
      if ('joined' in task) {
        for (const id of task.joined) task.parent.kids.push(item(addUnit(id), 'joined', false));
        continue;
      }
      if ('left' in task) {
        task.parent.kids.push(item(addMoreReports(task.of, task.left, size)));
        continue;
      }
      const children = graph.children.get(task.id) ?? [];
      const collapsed = children.length > 0 && task.depth >= cutoff;
      const current = item(addUnit(task.id, collapsed ? size.get(task.id)! - 1 : 0));
      if (task.parent) task.parent.kids.push(current);
      else top = current;
      if (collapsed) continue;
      // Units joined here through their members stand after the reports, with no line of their own.
      const joined = joinedUnder.get(task.id);
      if (joined) tasks.push({joined, parent: current});
      if (children.length === 0) continue;
      const shown = children.length > maxChildren ? children.slice(0, maxChildren - 1) : children;
      if (shown.length < children.length) {
        tasks.push({left: children.slice(shown.length), of: task.id, parent: current});
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
              `+${plural(skipped.length, 'unit')}`,
              `${unitsWord(skipped.length)} in the reporting line, from ${unitOf(skipped[0]!).name}`,
              hrefOf(skipped[0]!),
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
      // A unit that lists members and has no reports of its own shows its members below it.
      const isTeam = (unit.org.members ?? []).length > 0 && (graph.children.get(unitId) ?? []).length === 0;
      const below = isTeam ? (unit.org.members ?? []) : (graph.children.get(unitId) ?? []);
      const type: ChartEdgeType = isTeam ? 'member' : 'reports';
      const shown = below.length > maxReports ? below.slice(0, maxReports - 1) : below;
      // As in the full chart: a report shown counts the units below it in its box, and the
      // "+N" node the reports left out with the units below them. A team's members are
      // not its reports: they are shown as they are, and the "+N" node counts members.
      // Reports stand in wrapped columns, so a unit's page shows all of them up to `maxReports`.
      const size = subtreeSizes(graph);
      const unitsUnder = (id: string) => (isTeam ? 0 : (size.get(id) ?? 1) - 1);
      // A team's member may already be shown (often the area the team reports to); its line is added below.
      for (const id of shown) if (!indexOf.has(id)) anchor.kids.push(item(addUnit(id, unitsUnder(id)), type));
      if (shown.length < below.length) {
        const left = below.slice(shown.length);
        const more = isTeam
          ? addCount(
              `${unitId}--more`,
              left.length,
              `+${plural(left.length, 'more member')}`,
              `${plural(left.length, 'more member unit')} of ${unit.name}, listed on its page`,
              `${hrefOf(unitId)}#${LIST_ANCHORS.members}`,
            )
          : addMoreReports(unitId, left, size);
        anchor.kids.push(item(more, type));
      }

      // Units related to this one, on its row.
      const relatedIds: string[] = [...(graph.memberOf.get(unitId) ?? [])];
      for (const relation of graph.relations) {
        if (relation.from === unitId) relatedIds.push(relation.to);
        else if (relation.to === unitId) relatedIds.push(relation.from);
      }
      const fresh = [...new Set(relatedIds)].filter((id) => !indexOf.has(id));
      const fits = fresh.length > maxSide ? fresh.slice(0, maxSide - 1) : fresh;
      for (const id of fits) side.push(addUnit(id));
      if (fits.length < fresh.length) {
        const hidden = fresh.length - fits.length;
        side.push(
          addCount(
            `${unitId}--related`,
            hidden,
            `+${hidden} more related`,
            `${plural(hidden, 'more related unit')}, listed on the page of ${unit.name}`,
            `${hrefOf(unitId)}#${LIST_ANCHORS.place}`,
          ),
        );
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
      // A joined unit has no line to the unit it stands under: its membership lines join it.
      if (kid.type !== 'joined') addEdge({type: kid.type, from, to, route: 'tree', parent: parent.node, child: kid.node});
      walk.push(kid);
    }
  }
  const sideSet = new Set(side);
  const routeOf = (from: number, to: number): PendingEdge['route'] =>
    (from === anchor.node && sideSet.has(to)) || (to === anchor.node && sideSet.has(from)) ? 'side' : 'free';
  for (const node of nodes) {
    if (node.count !== undefined) continue;
    for (const team of graph.memberOf.get(node.id) ?? []) {
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

  // ---- Wide layout ----
  // Blocks: every report of a unit with at least STACK_FROM reports stands in
  // that unit's columns, with everything drawn below it as an indented list.
  // The rest (units with one or two reports, from the top down) is a tidy tree.
  const anchorHeight = Math.max(nodes[anchor.node]!.h, ...side.map((index) => nodes[index]!.h));
  const heightOf = (current: TreeItem) => (current === anchor ? anchorHeight : nodes[current.node]!.h);
  interface Block {
    head: TreeItem;
    /** Column order: its kind's place in the vocabulary ("+N" nodes join the last kind of their group). */
    rank: number;
    /** Every unit of the block in reading order, with its level and its top relative to the block. */
    members: Array<{item: TreeItem; depth: number; top: number}>;
    w: number;
    h: number;
  }
  interface Group {
    owner: TreeItem;
    blocks: Block[];
    /** Height of its longest kind as a single column. */
    tallest: number;
  }
  const groups: Group[] = [];
  const groupOf = new Map<TreeItem, Group>();
  const blockOf = new Map<number, {block: Block; depth: number; top: number}>();
  const kindRank = (current: TreeItem) => {
    const {kind} = nodes[current.node]!;
    return kind === undefined ? -1 : rankOfKind(vocabulary, kind);
  };
  const makeBlock = (head: TreeItem, rank: number): Block => {
    const block: Block = {head, rank, members: [], w: 0, h: 0};
    const todo: Array<[TreeItem, number]> = [[head, 0]];
    while (todo.length > 0) {
      const [current, depth] = todo.pop()!;
      const member = {item: current, depth, top: block.h};
      block.members.push(member);
      blockOf.set(current.node, {block, depth, top: member.top});
      block.h += heightOf(current) + STACK_GAP;
      block.w = Math.max(block.w, depth * BLOCK_INDENT + NODE_WIDTH);
      for (let index = current.kids.length - 1; index >= 0; index -= 1) todo.push([current.kids[index]!, depth + 1]);
    }
    block.h -= STACK_GAP;
    return block;
  };
  for (const todo = [tree]; todo.length > 0; ) {
    const current = todo.pop()!;
    if (current.stack === false || current.kids.length < STACK_FROM) {
      todo.push(...current.kids);
      continue;
    }
    const last = current.kids.reduce((most, kid) => Math.max(most, kindRank(kid)), 0);
    const blocks = current.kids.map((kid) => makeBlock(kid, kindRank(kid) < 0 ? last : kindRank(kid)));
    const tallest = Math.max(...stackColumns(blocks, (block) => block.rank).map((column) => column.reduce((sum, block) => sum + block.h + STACK_GAP, -STACK_GAP)));
    const group = {owner: current, blocks, tallest};
    groups.push(group);
    groupOf.set(current, group);
  }
  const tidyWalk = walk.filter((current) => !blockOf.has(current.node));

  /** Where a unit in a column is: whose column, which one, and its middle from the column's top. */
  interface Place {
    owner: TreeItem;
    column: number;
    /** The spine runs down the column's right side (the last of several, of another kind than the one before). */
    spineRight: boolean;
    mid: number;
  }
  interface WideLayout {
    limit: number;
    placeOf: Map<number, Place>;
    routeOf: Map<PendingEdge, PendingEdge['route']>;
    placed: Map<number, PlacedNode>;
    /** Left and right edges of everything placed, before the final shift. */
    left: number;
    right: number;
  }

  let lastLimit = NaN;
  /** Lays the chart out with columns at most `limit` px tall (a block taller than that has a column of its own). */
  const layoutWide = (limit: number): WideLayout => {
    const placeOf = new Map<number, Place>();
    const columnsOf = new Map<Group, Block[][]>();
    const spineRightOf = new Map<Group, boolean>();
    for (const group of groups) {
      const columns: Block[][] = [];
      for (const kind of stackColumns(group.blocks, (block) => block.rank)) {
        // As many columns as `limit` needs, then as even as that many columns can be.
        const wanted = wrapColumns(kind, limit).length;
        let [low, high] = [Math.max(...kind.map((block) => block.h)), limit];
        while (high - low > STACK_GAP) {
          const middle = Math.round((low + high) / 2);
          if (wrapColumns(kind, middle).length <= wanted) high = middle;
          else low = middle;
        }
        columns.push(...wrapColumns(kind, wrapColumns(kind, low).length <= wanted ? low : high));
      }
      columnsOf.set(group, columns);
      // The last column's spine runs down its right side when it holds another kind than the
      // column before it: the space between them then carries the lines between the kinds.
      const spineRight = columns.length > 1 && columns.at(-1)![0]!.rank !== columns.at(-2)![0]!.rank;
      spineRightOf.set(group, spineRight);
      columns.forEach((column, index) => {
        let top = 0;
        for (const block of column) {
          for (const member of block.members) {
            placeOf.set(member.item.node, {
              owner: group.owner,
              column: index,
              spineRight: spineRight && index === columns.length - 1,
              mid: top + member.top + heightOf(member.item) / 2,
            });
          }
          top += block.h + STACK_GAP;
        }
      });
    }
    // Lines between units of one column bow out on the side away from its spine, lines
    // between neighbouring columns run between them: keep that room free.
    const routeOf = new Map<PendingEdge, PendingEdge['route']>();
    const rooms = new Map<TreeItem, number[]>();
    for (const edge of pending) {
      const a = placeOf.get(edge.from);
      const b = placeOf.get(edge.to);
      if (edge.route !== 'free' || !a || !b || a.owner !== b.owner) continue;
      const room = rooms.get(a.owner) ?? [];
      rooms.set(a.owner, room);
      if (a.column === b.column) {
        room[a.column] = Math.max(room[a.column] ?? 0, Math.ceil((bowOf(Math.abs(a.mid - b.mid)) * 3) / 4) + 2);
      } else if (Math.abs(a.column - b.column) === 1) {
        routeOf.set(edge, 'channel');
        const leftColumn = Math.min(a.column, b.column);
        room[leftColumn] = Math.max(room[leftColumn] ?? 0, CHANNEL_ROOM);
      }
    }
    // Built bottom-up (reverse breadth-first order), again without recursion.
    const layoutOf = new Map<TreeItem, LayoutNode>();
    for (let index = tidyWalk.length - 1; index >= 0; index -= 1) {
      const current = tidyWalk[index]!;
      const group = groupOf.get(current);
      const columns = group ? columnsOf.get(group)! : [];
      const room = rooms.get(current);
      layoutOf.set(current, {
        id: String(current.node),
        w: NODE_WIDTH,
        h: heightOf(current),
        children: group
          ? columns.flatMap((column, position) => column.map((block) => ({id: `b${block.head.node}`, w: block.w, h: block.h, column: position})))
          : current.kids.map((kid) => layoutOf.get(kid)!),
        ...(current.stack === false ? {stack: false} : {}),
        ...(room ? {columnRoom: Array.from(room, (value) => value ?? 0)} : {}),
        ...(group && !spineRightOf.get(group) ? {lastSpineRight: false} : {}),
      });
    }
    lastLimit = limit;
    const layout = layoutTree(layoutOf.get(tree)!, {gapX: GAP_X, gapY: GAP_Y, stackFrom: STACK_FROM, stackGap: STACK_GAP});
    const placed = new Map<number, PlacedNode>();
    let left = Infinity;
    let right = -Infinity;
    for (const box of layout.nodes) {
      const block = box.id.startsWith('b') ? blockOf.get(Number(box.id.slice(1)))!.block : undefined;
      for (const member of block ? block.members : [{item: undefined, depth: 0, top: 0}]) {
        const index = member.item ? member.item.node : Number(box.id);
        const node = nodes[index]!;
        node.x = box.x + member.depth * BLOCK_INDENT;
        node.y = box.y + member.top;
        if (!block || member.depth === 0) placed.set(index, box);
        left = Math.min(left, node.x, box.spineX ?? Infinity);
        right = Math.max(right, node.x + NODE_WIDTH, box.spineX ?? -Infinity);
      }
    }
    const anchorNode = nodes[anchor.node]!;
    side.forEach((index, position) => {
      nodes[index]!.x = anchorNode.x + (position + 1) * (NODE_WIDTH + GAP_X);
      nodes[index]!.y = anchorNode.y;
      right = Math.max(right, nodes[index]!.x + NODE_WIDTH);
    });
    return {limit, placeOf, routeOf, placed, left, right};
  };

  // The shortest columns that keep the chart within WIDE_TARGET, but none wrapped
  // shorter than COLUMN_TARGET: few units keep one column per kind. Fewer columns
  // never make the chart wider, so a binary search over the height limit finds it;
  // each try is one linear layout of the tree's top (every block is one box there).
  const widthOf = (wide: WideLayout) => wide.right - wide.left + 2 * MARGIN;
  const lowest = Math.max(COLUMN_TARGET, ...groups.flatMap((group) => group.blocks.map((block) => block.h)));
  const highest = Math.max(lowest, ...groups.map((group) => group.tallest));
  let wide = layoutWide(lowest);
  if (widthOf(wide) > WIDE_TARGET && highest > lowest) {
    let fits = layoutWide(highest);
    if (widthOf(fits) <= WIDE_TARGET) {
      let tooTall = lowest;
      while (fits.limit - tooTall > STACK_GAP) {
        const middle = Math.round((fits.limit + tooTall) / 2);
        const candidate = layoutWide(middle);
        if (widthOf(candidate) <= WIDE_TARGET) fits = candidate;
        else tooTall = middle;
      }
    }
    wide = fits;
  }
  // Every try moves the nodes: place them by the one chosen.
  if (lastLimit !== wide.limit) wide = layoutWide(wide.limit);
  const {placeOf, placed} = wide;
  for (const edge of pending) edge.route = wide.routeOf.get(edge) ?? edge.route;
  const anchorNode = nodes[anchor.node]!;
  const bowsLeft = (edge: PendingEdge) => {
    const a = placeOf.get(edge.from);
    const b = placeOf.get(edge.to);
    return !!a && !!b && a.owner === b.owner && a.column === b.column && a.spineRight;
  };

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
  const spines = [...placed.values()].flatMap((box) => (box.spineX === undefined ? [] : [box.spineX]));
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
      const box = placed.get(edge.child!);
      d = box
        ? treePath(parent, child, box.busY + dy, box.spineX === undefined ? undefined : box.spineX + dx, edge.type === 'reports')
        : // Inside a block: down the parent's indent, then across to the report.
          `M${parent.x + BLOCK_INDENT / 2} ${parent.y + parent.h}V${child.y + Math.round(child.h / 2)}H${child.x}`;
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

  // The narrow layout: the tree in reading order, indented by level. Units beside the
  // top of a full chart (its sponsor, its founder) come first, so the reader meets them
  // with the top; units beside a page's own unit come after its reports.
  const rows: NarrowRow[] = [];
  const depthOf = new Map<TreeItem, number>([[tree, 0]]);
  for (const todo = [tree]; todo.length > 0; ) {
    const current = todo.pop()!;
    const depth = depthOf.get(current)!;
    rows.push({node: current.node, depth});
    for (let index = current.kids.length - 1; index >= 0; index -= 1) {
      depthOf.set(current.kids[index]!, depth + 1);
      todo.push(current.kids[index]!);
    }
  }
  const sideRows = side.map((node) => ({node, depth: depthOf.get(anchor)!}));
  if (anchor === tree) rows.unshift(...sideRows);
  else rows.push(...sideRows);
  const narrow = layoutNarrow(
    rows,
    nodes.map((node) => node.h),
    pending.map((edge): NarrowLine => (edge.route === 'tree' ? {from: edge.from, to: edge.to, parent: edge.parent!, child: edge.child!} : {from: edge.from, to: edge.to})),
    NARROW_GEOMETRY,
  );

  const subject = nodes[anchor.node]!.name;
  const label =
    variant === 'neighbourhood'
      ? `${subject} in the organization`
      : graph.rootId === nodes[0]!.id
        ? `Organization chart of ${subject}`
        : `Organization chart: ${subject} and the units reporting to it`;
  const lines: Record<string, ChartLineStyle> = {};
  for (const edge of edges) {
    if (edge.type === 'reports' || edge.type in lines) continue;
    const relation = vocabulary.relations.get(edge.type);
    lines[edge.type] = relation
      ? {legend: relation.legend, verb: relation.verb, dash: DASHES[relation.line]}
      : {legend: 'Membership', verb: 'draws members from', dash: DASHES.member};
  }
  const chart = {
    label,
    width: right + MARGIN,
    height: bottom + MARGIN,
    nodeWidth: NODE_WIDTH,
    kinds,
    kindStyles,
    lines,
    nodes,
    edges,
    outline: outlineOf.get(tree)!,
    narrow,
  };
  return {chart, cutoff};
}

const half = NODE_WIDTH / 2;

/** Blocks in order, in columns of at most `limit` px (a taller block has a column of its own). */
function wrapColumns<T extends {h: number}>(blocks: readonly T[], limit: number): T[][] {
  const columns: T[][] = [];
  let column: T[] = [];
  let height = 0;
  for (const block of blocks) {
    if (column.length > 0 && height + STACK_GAP + block.h > limit) {
      columns.push(column);
      column = [];
    }
    height = column.length === 0 ? block.h : height + STACK_GAP + block.h;
    column.push(block);
  }
  if (column.length > 0) columns.push(column);
  return columns;
}

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

/** Wraps a name into lines that fit a node (at most three; see text.ts for where lines break). */
export function wrapText(name: string, maxLines = MAX_LINES): string[] {
  return wrapToLines(name, TEXT_WIDTH, maxLines);
}
