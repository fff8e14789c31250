/**
 * Stage 1: Markdown files → typed units, each value remembered with its
 * source position. This is the only module of the org model that reads files.
 */
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {CORE_SCHEMA, load as loadYaml} from 'js-yaml';
import {isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode} from 'yaml';
import type {z} from 'zod';
import {orgFrontMatterSchema, type OrgFrontMatter} from './schema';
import type {OrgProblem, SourcePosition} from './problems';
import {didYouMean} from './suggest';

export interface LoadedUnit {
  /** Site-relative source path, such as `docs/functional-areas/engineering.md`. */
  source: string;
  /** The page title as Docusaurus will show it (frontmatter `title`, else the first `# ` heading, else the file name). */
  title: string;
  description?: string;
  sidebarPosition?: number;
  org: OrgFrontMatter;
  /** Position of each value inside `org`, keyed by its dotted path (`org.members.1`); computed on first use. */
  readonly positions: Record<string, SourcePosition>;
}

export interface LoadedPage {
  source: string;
  title: string;
  hasOrg: boolean;
}

export interface LoadResult {
  units: LoadedUnit[];
  pages: LoadedPage[];
  problems: OrgProblem[];
  /**
   * Ids of unit pages that could not be read. References to them are not
   * reported again as unknown: the page's own problem is the one to fix.
   */
  unreadableIds: string[];
}

const MARKDOWN_FILE = /\.mdx?$/;
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*$/m;

/** Lists Markdown files under `dir`, sorted, skipping Docusaurus's ignored `_`-prefixed files and folders. */
export async function listMarkdownFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(current: string): Promise<void> {
    const entries = await readdir(current, {withFileTypes: true});
    for (const entry of entries) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (MARKDOWN_FILE.test(entry.name)) found.push(full);
    }
  }
  await walk(dir);
  return found.sort();
}

/** Reads and parses every page of a content tree. */
export async function loadContentTree(siteDir: string, contentDir = 'docs'): Promise<LoadResult> {
  const files = await listMarkdownFiles(path.join(siteDir, contentDir));
  const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
  const result: LoadResult = {units: [], pages: [], problems: [], unreadableIds: []};
  files.forEach((file, index) => {
    const source = path.relative(siteDir, file).split(path.sep).join('/');
    const parsed = parsePage(source, texts[index] ?? '');
    result.pages.push(parsed.page);
    if (parsed.unit) result.units.push(parsed.unit);
    if (parsed.unreadableId) result.unreadableIds.push(parsed.unreadableId);
    result.problems.push(...parsed.problems);
  });
  return result;
}

interface ParsedPage {
  page: LoadedPage;
  unit?: LoadedUnit;
  problems: OrgProblem[];
  /** The id a broken unit page seems to declare, when one can be made out. */
  unreadableId?: string;
}

/** Parses one page's text; pure, so tests can feed it strings. */
export function parsePage(source: string, text: string): ParsedPage {
  const match = FRONT_MATTER.exec(text);
  const hasFrontMatter = match !== null && match.index === 0;
  const body = hasFrontMatter ? text.slice(match[0].length) : text;
  const fallbackTitle = firstHeading(body) ?? titleFromFileName(source);
  if (!hasFrontMatter) {
    return {page: {source, title: fallbackTitle, hasOrg: false}, problems: []};
  }
  const yamlText = match[1] ?? '';
  // The YAML starts on the line after the opening `---`.
  const lineOffset = 1;
  // Fast path: a plain YAML load. Source positions cost a full YAML document
  // model (about five times slower), so they are built only when a problem
  // has to be located.
  let data: unknown;
  try {
    data = loadYaml(yamlText, {schema: CORE_SCHEMA, filename: source});
  } catch {
    data = undefined;
  }
  let yamlDocument: {doc: Document; at: (offset: number) => SourcePosition} | undefined;
  const positionModel = () => {
    if (!yamlDocument) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(yamlText, {lineCounter, prettyErrors: false, uniqueKeys: true});
      const at = (offset: number): SourcePosition => {
        const {line, col} = lineCounter.linePos(offset);
        return {line: line + lineOffset, column: col};
      };
      yamlDocument = {doc, at};
    }
    return yamlDocument;
  };
  const problems: OrgProblem[] = [];
  if (data === undefined) {
    const {doc, at} = positionModel();
    for (const error of doc.errors) {
      problems.push({file: source, ...at(error.pos[0]), message: `YAML syntax error: ${firstLine(error.message)}`});
    }
    if (problems.length === 0) data = doc.toJS();
  }
  if (problems.length > 0) {
    const declaredId = /^[ \t]+id:[ \t]*["']?([a-z0-9-]+)/m.exec(yamlText)?.[1];
    return {page: {source, title: fallbackTitle, hasOrg: /^org:/m.test(yamlText)}, problems, ...(declaredId ? {unreadableId: declaredId} : {})};
  }
  const frontMatter = isRecord(data) ? data : {};
  const title = typeof frontMatter.title === 'string' ? frontMatter.title : fallbackTitle;
  const hasOrg = 'org' in frontMatter;
  const page: LoadedPage = {source, title, hasOrg};
  if (!hasOrg) return {page, problems};

  const locate = (pathInOrg: readonly PropertyKey[], asKey = false): SourcePosition => {
    const {doc, at} = positionModel();
    return positionOfPath(doc, ['org', ...pathInOrg], asKey, at);
  };

  if (!isRecord(frontMatter.org)) {
    problems.push({
      file: source,
      ...locate([]),
      message: '"org" must be a mapping of fields (id, kind, reportsTo, ...), not ' + describeValue(frontMatter.org),
    });
    return {page, problems};
  }

  const parsed = orgFrontMatterSchema.safeParse(frontMatter.org);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(...problemsFromIssue(source, issue, frontMatter.org, locate));
    }
    const declaredId = frontMatter.org.id;
    return {page, problems, ...(typeof declaredId === 'string' ? {unreadableId: declaredId} : {})};
  }

  let positions: Record<string, SourcePosition> | undefined;
  const description = typeof frontMatter.description === 'string' ? frontMatter.description : undefined;
  const sidebarPosition =
    typeof frontMatter.sidebar_position === 'number' ? frontMatter.sidebar_position : undefined;
  return {
    page,
    unit: {
      source,
      title,
      description,
      sidebarPosition,
      org: parsed.data,
      get positions() {
        if (!positions) {
          const {doc, at} = positionModel();
          positions = {};
          collectPositions(doc, ['org'], at, positions);
        }
        return positions;
      },
    },
    problems,
  };
}

const FIELD_NAMES = Object.keys(orgFrontMatterSchema.shape);

function problemsFromIssue(
  source: string,
  issue: z.core.$ZodIssue,
  org: Record<string, unknown>,
  locate: (pathInOrg: readonly PropertyKey[], asKey?: boolean) => SourcePosition,
): OrgProblem[] {
  const field = ['org', ...issue.path].map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const siblings = issue.path.length === 0 ? FIELD_NAMES : [];
    return issue.keys.map((key) => ({
      file: source,
      ...locate([...issue.path, key], true),
      message: `unknown field "${[field, key].join('.')}"${didYouMean(key, siblings)}`,
    }));
  }
  const value = valueAtPath(org, issue.path);
  if (value === undefined) {
    // A required field is missing: point at the mapping that should hold it.
    return [{file: source, ...locate(issue.path.slice(0, -1), true), message: `"${field}" is required`}];
  }
  let message = `"${field}" ${issue.message}`;
  if (issue.code === 'invalid_value' && typeof value === 'string') {
    message += `, not "${value}"${didYouMean(value, issue.values.map(String))}`;
  }
  return [{file: source, ...locate(issue.path), message}];
}

function valueAtPath(root: unknown, keys: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Finds the source position of the value at `keys` (or of its key, when `asKey`),
 * falling back to the nearest ancestor that exists.
 */
function positionOfPath(
  doc: Document,
  keys: readonly PropertyKey[],
  asKey: boolean,
  at: (offset: number) => SourcePosition,
): SourcePosition {
  let node: unknown = doc.contents;
  let best: number | undefined = rangeStart(node);
  for (const [index, key] of keys.entries()) {
    const isLast = index === keys.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      if (isLast && asKey) {
        best = rangeStart(pair.key) ?? best;
        break;
      }
      node = pair.value;
      best = rangeStart(node) ?? rangeStart(pair.key) ?? best;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      best = rangeStart(node) ?? best;
    } else {
      break;
    }
  }
  return at(best ?? 0);
}

function collectPositions(
  doc: Document,
  keys: PropertyKey[],
  at: (offset: number) => SourcePosition,
  into: Record<string, SourcePosition>,
): void {
  const node = doc.getIn(keys, true);
  const start = rangeStart(node);
  if (start !== undefined) into[keys.map(String).join('.')] = at(start);
  if (isMap(node)) {
    for (const item of node.items) {
      if (isScalar(item.key)) collectPositions(doc, [...keys, String(item.key.value)], at, into);
    }
  } else if (isSeq(node)) {
    node.items.forEach((_, index) => collectPositions(doc, [...keys, index], at, into));
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return `${typeof value === 'string' ? 'the text' : 'the value'} ${JSON.stringify(value)}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? text;
}

function firstHeading(text: string): string | undefined {
  return /^#[ \t]+(.+?)[ \t#]*$/m.exec(text)?.[1];
}

function titleFromFileName(source: string): string {
  const base = path.posix.basename(source).replace(MARKDOWN_FILE, '');
  return base === 'index' ? path.posix.basename(path.posix.dirname(source)) : base;
}
