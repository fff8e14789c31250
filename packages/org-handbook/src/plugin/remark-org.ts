// Loaded by Docusaurus's config loader, which does not know the @site alias: relative imports here.
/**
 * Writes the org facts into each page while its MDX is compiled, so every
 * page carries only its own facts in its own chunk (nothing in global data):
 *
 * - pages with an `org:` block get a "Place in the organization" section;
 * - `<UnitCount>` and `<FrontMatterReference>` become plain Markdown;
 * - `<UnitList>`, `<StaleUnits>`, `<RetiredUnits>` and `<OrgChart>`, and the
 *   Place block itself, become `<OrgView page={…} view="…">`: the page
 *   imports its record through the plugin's page-views loader, which leaves
 *   the record and the views' code out of what a browser loads for a
 *   server-rendered page (see page-views-loader.cjs).
 *
 * It computes nothing: it reads the record org-plugin.ts prepared for this
 * page (org/page-data.ts). The plugin's loader makes the page's
 * compilation depend on that record, so the bundler's caches and the dev
 * server recompile the page whenever its facts change.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Program} from 'estree';
import type {Heading, PhrasingContent, Root, RootContent, Table, TableCell, Text} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement, MdxjsEsm} from 'mdast-util-mdx';
import {visit, SKIP} from 'unist-util-visit';
import {DIRECTIVE_NAMES, directiveSignature, type DirectiveAttributes} from '../org/directives';
import type {PageOrgData} from '../org/page-data';
import {PLACE_VIEW} from '../org/view-names';
import {pageDataDirOf, pageDataFile, PAGE_VIEWS_QUERY} from './page-data-files';

export interface RemarkOrgOptions {
  siteDir: string;
  /** Where org-plugin.ts writes one record per page. */
  pageDataDir: string;
}

/** The component the page draws each view with; its module is a client module, in the main bundle (theme/OrgView/client.ts). */
const ORG_VIEW = {local: '__OrgView', imported: 'OrgView', source: fileURLToPath(new URL('../theme/OrgView/client.ts', import.meta.url))};
/** The page's org views module (plugin/page-views-loader.cjs), as the page names it. */
const PAGE_VIEWS = '__orgPageViews';
const CHART_ACTIONS = {local: '__OrgChartActions', source: '@theme/OrgChart/Actions'};

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

class DirectiveError extends Error {
  constructor(source: string, node: JsxElement, message: string) {
    const start = node.position?.start;
    super(`${source}:${start?.line ?? 1}:${start?.column ?? 1}: <${node.name}>: ${message}`);
  }
}

const isDirective = (name: string | null): name is (typeof DIRECTIVE_NAMES)[number] =>
  name !== null && (DIRECTIVE_NAMES as readonly string[]).includes(name);

export default function remarkOrg(options: RemarkOrgOptions) {
  const production = process.env.NODE_ENV === 'production';
  return (tree: Root, file: {path?: string}) => {
    if (!file.path) return;
    const source = path.relative(options.siteDir, file.path).split(path.sep).join('/');
    const dataFile = pageDataFile(options.pageDataDir, source);
    if (!existsSync(dataFile)) {
      // Under `docusaurus start` a brand-new page can compile before the plugin has prepared it;
      // the plugin's write then recompiles it. A build always prepares every page first.
      if (production) throw new Error(`${source}: the org plugin prepared no data for this page`);
      return;
    }
    const data = JSON.parse(readFileSync(dataFile, 'utf8')) as PageOrgData;
    let drawsFullChart = false;
    let hasViews = false;
    const orgView = (view: string, children: MdxJsxFlowElement['children'] = []): MdxJsxFlowElement => {
      hasViews = true;
      return {
        type: 'mdxJsxFlowElement',
        name: ORG_VIEW.local,
        attributes: [identifierAttribute('page', PAGE_VIEWS), {type: 'mdxJsxAttribute', name: 'view', value: view}],
        children,
      };
    };

    visit(tree, (node, index, parent) => {
      if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !parent || index === undefined) return;
      const element = node as JsxElement;
      if (!isDirective(element.name)) return undefined;
      const replace = (nodes: RootContent[] | PhrasingContent[]) => {
        (parent.children as RootContent[]).splice(index, 1, ...(nodes as RootContent[]));
        return [SKIP, index + nodes.length] as [typeof SKIP, number];
      };
      const signature = directiveSignature(element.name, readAttributes(source, element));
      const result = data.directives[signature];
      if (!result) {
        // The check prepares every directive it finds; one it missed must not pass silently.
        if (production) throw new DirectiveError(source, element, 'was not prepared by the org plugin; run `npm run check`');
        return replace([]);
      }
      switch (result.type) {
        case 'text':
          return replace([text(result.text)]);
        case 'list':
        case 'stale':
        case 'retired':
          return replace([orgView(signature)]);
        case 'reference':
          return replace([
            table(['Field', 'Type', 'Required', 'Meaning', 'Example'], result.fields, [0, 4]),
            table(['Kind', 'May report to', 'May have'], result.kinds, [0]),
          ]);
        case 'chart':
          drawsFullChart = true;
          return replace([orgView(signature, [{type: 'mdxJsxFlowElement', name: CHART_ACTIONS.local, attributes: [], children: []}])]);
      }
    });

    if (data.place) insertAfterIntro(tree, [heading('Place in the organization'), orgView(PLACE_VIEW)]);
    if (drawsFullChart) tree.children.unshift(importNode(CHART_ACTIONS.local, CHART_ACTIONS.source));
    if (hasViews) {
      tree.children.unshift(importNode(PAGE_VIEWS, `${dataFile}${PAGE_VIEWS_QUERY}`), importNode(ORG_VIEW.local, ORG_VIEW.source, ORG_VIEW.imported));
    }
  };
}

/**
 * The remark step for the site in `siteDir`, configured by closure: Docusaurus ships the docs plugin's options
 * (remark plugins with theirs) to the browser in the site config, and a function's settings stay out of it, so
 * the build machine's paths do not reach every reader.
 */
export function remarkOrgFor(siteDir: string) {
  const options: RemarkOrgOptions = {siteDir, pageDataDir: pageDataDirOf(siteDir)};
  return function remarkOrgForSite() {
    return remarkOrg(options);
  };
}

function readAttributes(source: string, element: JsxElement): DirectiveAttributes {
  const attrs: DirectiveAttributes = {};
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') throw new DirectiveError(source, element, 'spread attributes are not supported');
    if (attribute.value === null || attribute.value === undefined) attrs[attribute.name] = true;
    else if (typeof attribute.value === 'string') attrs[attribute.name] = attribute.value;
    else throw new DirectiveError(source, element, `write ${attribute.name}="..." as plain text, not an expression`);
  }
  return attrs;
}

function text(value: string): Text {
  return {type: 'text', value};
}

function heading(value: string): Heading {
  return {type: 'heading', depth: 2, children: [text(value)]};
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

function program(body: Program['body']): Program {
  return {type: 'Program', sourceType: 'module', body};
}

/** `name={identifier}`: a value the page imports. */
function identifierAttribute(name: string, identifier: string): MdxJsxAttribute {
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: identifier,
      data: {estree: program([{type: 'ExpressionStatement', expression: {type: 'Identifier', name: identifier}}])},
    },
  };
}

/** `import local from 'from'`, or `import {imported as local} from 'from'`. */
function importNode(local: string, from: string, imported?: string): MdxjsEsm {
  return {
    type: 'mdxjsEsm',
    value: imported ? `import {${imported} as ${local}} from ${JSON.stringify(from)};` : `import ${local} from ${JSON.stringify(from)};`,
    data: {
      estree: program([
        {
          type: 'ImportDeclaration',
          specifiers: [
            imported
              ? {type: 'ImportSpecifier', imported: {type: 'Identifier', name: imported}, local: {type: 'Identifier', name: local}}
              : {type: 'ImportDefaultSpecifier', local: {type: 'Identifier', name: local}},
          ],
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
