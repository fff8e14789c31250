// Loaded by Docusaurus's config loader, which does not know the @site alias: relative imports here.
/**
 * Writes the org facts into each page while its MDX is compiled, so every
 * page carries only its own facts in its own chunk (nothing in global data):
 *
 * - pages with an `org:` block get a "Place in the organization" section;
 * - `<UnitCount>`, `<UnitList>`, `<StaleUnits>`, `<RetiredUnits>` and
 *   `<FrontMatterReference>` become plain Markdown (no JavaScript);
 * - `<OrgChart>` receives its precomputed layout as a prop.
 *
 * It reads the site model that org-plugin.ts wrote in `allContentLoaded`.
 */
import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import type {Program} from 'estree';
import type {Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, Text} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement, MdxjsEsm} from 'mdast-util-mdx';
import {visit, SKIP} from 'unist-util-visit';
import {valueToEstree} from 'estree-util-value-to-estree';
import {createChartData} from '../org/chart';
import {countInWords, describePlace, selectUnits, staleUnits, unitRef, unreviewedUnits} from '../org/derive';
import type {OrgUnit} from '../org/graph';
import {fieldReference, kindRulesReference} from '../org/reference';
import {UNIT_KINDS, type UnitKind} from '../org/schema';
import {hrefResolver, parseSiteModel, type OrgSiteModel} from '../org/site-model';

export interface RemarkOrgOptions {
  siteDir: string;
  siteModelFile: string;
}

// OrgChart and UnitPlace come from the MDX component mapping (src/theme/MDXComponents.tsx);
// only the chart's buttons, used on few pages, are imported where they are used.
const ORG_CHART = 'OrgChart';
const UNIT_PLACE = 'UnitPlace';
const CHART_ACTIONS = {local: '__OrgChartActions', source: '@site/src/components/OrgChart/Actions'};

let cached: {file: string; mtimeMs: number; model: OrgSiteModel} | undefined;

function readSiteModel(file: string): OrgSiteModel {
  const {mtimeMs} = statSync(file);
  if (cached?.file !== file || cached.mtimeMs !== mtimeMs) {
    cached = {file, mtimeMs, model: parseSiteModel(readFileSync(file, 'utf8'))};
  }
  return cached.model;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

class DirectiveError extends Error {
  constructor(source: string, node: JsxElement, message: string) {
    const start = node.position?.start;
    super(`${source}:${start?.line ?? 1}:${start?.column ?? 1}: <${node.name}>: ${message}`);
  }
}

export default function remarkOrg(options: RemarkOrgOptions) {
  return (tree: Root, file: {path?: string}) => {
    if (!file.path) return;
    const source = path.relative(options.siteDir, file.path).split(path.sep).join('/');
    const model = readSiteModel(options.siteModelFile);
    const hrefOf = hrefResolver(model);
    let drawsFullChart = false;

    visit(tree, (node, index, parent) => {
      if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !parent || index === undefined) return;
      const element = node as JsxElement;
      const attrs = readAttributes(source, element);
      const replace = (nodes: RootContent[] | PhrasingContent[]) => {
        (parent.children as RootContent[]).splice(index, 1, ...(nodes as RootContent[]));
        return [SKIP, index + nodes.length] as [typeof SKIP, number];
      };
      switch (element.name) {
        case 'UnitCount': {
          const units = selectUnits(model.graph, unitFilter(source, element, attrs, model));
          const word = countInWords(units.length);
          return replace([text('capitalize' in attrs ? word.charAt(0).toUpperCase() + word.slice(1) : word)]);
        }
        case 'UnitList':
          return replace([unitList(selectUnits(model.graph, unitFilter(source, element, attrs, model)), hrefOf)]);
        case 'StaleUnits': {
          const stale = staleUnits(model.graph, model.review);
          const unreviewed = unreviewedUnits(model.graph);
          return replace([
            stale.length > 0
              ? unitList(stale, hrefOf, (unit) => `last reviewed ${unit.org.reviewed}`)
              : paragraph([text(`No unit's review is older than ${model.review.maxAgeDays} days.`)]),
            paragraph([text(`Units with no review date yet: ${unreviewed.length === 0 ? 'none' : String(unreviewed.length)}.`)]),
            ...(unreviewed.length > 0 ? [unitList(unreviewed, hrefOf, () => 'never reviewed')] : []),
          ]);
        }
        case 'RetiredUnits':
          return replace([
            model.graph.retired.length > 0
              ? unitList([...model.graph.retired], hrefOf, (unit) => `retired on ${unit.org.retired!.on}${unit.org.retired!.note ? `: ${unit.org.retired!.note}` : ''}`)
              : paragraph([text('No unit has been retired yet.')]),
          ]);
        case 'FrontMatterReference':
          return replace([fieldTable(), kindTable()]);
        case 'OrgChart': {
          const root = typeof attrs.root === 'string' ? attrs.root : undefined;
          if (root !== undefined && !model.graph.units.has(root)) throw new DirectiveError(source, element, `unknown unit "${root}" in root`);
          const chart = createChartData(model.graph, {hrefOf, variant: 'full', ...(root ? {root} : {})});
          element.name = ORG_CHART;
          element.attributes = [expressionAttribute('chart', chart)];
          element.children = [{type: 'mdxJsxFlowElement', name: CHART_ACTIONS.local, attributes: [], children: []}];
          drawsFullChart = true;
          return SKIP;
        }
        default:
          return undefined;
      }
    });

    const unitId = model.unitBySource.get(source);
    if (unitId !== undefined) {
      const place = model.graph.units.has(unitId)
        ? {
            place: describePlace(model.graph, unitId, hrefOf, model.review),
            // A page that draws a full chart already shows the unit's neighbourhood.
            ...(drawsFullChart ? {} : {chart: createChartData(model.graph, {hrefOf, variant: 'neighbourhood', highlight: unitId})}),
          }
        : {retired: model.graph.retired.find((unit) => unit.id === unitId)!.org.retired};
      insertAfterIntro(tree, [
        heading('Place in the organization'),
        {
          type: 'mdxJsxFlowElement',
          name: UNIT_PLACE,
          attributes: Object.entries(place).map(([name, value]) => expressionAttribute(name, value)),
          children: [],
        },
      ]);
    }
    if (drawsFullChart) tree.children.unshift(importNode(CHART_ACTIONS.local, CHART_ACTIONS.source));
  };
}

function readAttributes(source: string, element: JsxElement): Record<string, string | true> {
  const attrs: Record<string, string | true> = {};
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') throw new DirectiveError(source, element, 'spread attributes are not supported');
    if (attribute.value === null || attribute.value === undefined) attrs[attribute.name] = true;
    else if (typeof attribute.value === 'string') attrs[attribute.name] = attribute.value;
    else throw new DirectiveError(source, element, `write ${attribute.name}="..." as plain text, not an expression`);
  }
  return attrs;
}

function unitFilter(
  source: string,
  element: JsxElement,
  attrs: Record<string, string | true>,
  model: OrgSiteModel,
): {kind?: UnitKind; under?: string} {
  const {kind, under} = attrs;
  if (kind !== undefined && (typeof kind !== 'string' || !(UNIT_KINDS as readonly string[]).includes(kind))) {
    throw new DirectiveError(source, element, `kind must be one of ${UNIT_KINDS.join(', ')}`);
  }
  if (under !== undefined && (typeof under !== 'string' || !model.graph.units.has(under))) {
    throw new DirectiveError(source, element, `under must name a unit, not ${JSON.stringify(under)}`);
  }
  if (kind === undefined && under === undefined) throw new DirectiveError(source, element, 'give kind="..." or under="..."');
  return {...(kind ? {kind: kind as UnitKind} : {}), ...(under ? {under} : {})};
}

function text(value: string): Text {
  return {type: 'text', value};
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return {type: 'paragraph', children};
}

function heading(value: string): Heading {
  return {type: 'heading', depth: 2, children: [text(value)]};
}

function unitList(units: readonly OrgUnit[], hrefOf: (id: string) => string, detail?: (unit: OrgUnit) => string): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: units.map((unit): ListItem => {
      const ref = unitRef(unit, hrefOf);
      const extra = detail ? detail(unit) : unit.description;
      return {
        type: 'listItem',
        spread: false,
        children: [paragraph([{type: 'link', url: ref.href, children: [text(ref.name)]}, ...(extra ? [text(`: ${extra}`)] : [])])],
      };
    }),
  };
}

function table(header: string[], rows: string[][], codeColumns: number[]): Table {
  const cell = (value: string, column: number): TableCell => ({
    type: 'tableCell',
    children: [codeColumns.includes(column) ? {type: 'inlineCode', value} : text(value)],
  });
  return {
    type: 'table',
    children: [header, ...rows].map((row) => ({type: 'tableRow', children: row.map(cell)})),
  };
}

function fieldTable(): Table {
  return table(
    ['Field', 'Type', 'Required', 'Meaning', 'Example'],
    fieldReference().map((field) => [`org.${field.name}`, field.type, field.required ? 'yes' : 'no', field.description, field.example]),
    [0, 4],
  );
}

function kindTable(): Table {
  return table(
    ['Kind', 'May report to', 'May have'],
    kindRulesReference().map((rule) => [rule.kind, rule.reportsTo, rule.may]),
    [0],
  );
}

function program(body: Program['body']): Program {
  return {type: 'Program', sourceType: 'module', body};
}

function expressionAttribute(name: string, value: unknown): MdxJsxAttribute {
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: '',
      data: {estree: program([{type: 'ExpressionStatement', expression: valueToEstree(value)}])},
    },
  };
}

function importNode(local: string, from: string): MdxjsEsm {
  return {
    type: 'mdxjsEsm',
    value: `import ${local} from '${from}';`,
    data: {
      estree: program([
        {
          type: 'ImportDeclaration',
          specifiers: [{type: 'ImportDefaultSpecifier', local: {type: 'Identifier', name: local}}],
          source: {type: 'Literal', value: from},
          attributes: [],
        },
      ]),
    },
  };
}

/** After the page's opening paragraph (the reader's first question is "what is this?"), else at the top. */
function insertAfterIntro(tree: Root, nodes: RootContent[]): void {
  let index = 0;
  const at = (i: number) => tree.children[i];
  // The frontmatter stays in the tree as a `yaml` node.
  while (at(index)?.type === 'mdxjsEsm' || at(index)?.type === 'yaml') index += 1;
  if (at(index)?.type === 'heading' && (at(index) as Heading).depth === 1) index += 1;
  if (at(index)?.type === 'paragraph') index += 1;
  tree.children.splice(index, 0, ...nodes);
}
