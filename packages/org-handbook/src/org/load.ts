/**
 * Stage 1: one page's text → the page as the docs plugin will publish it and,
 * for a unit page, its typed `org` block, every value locatable in the source.
 * Pure: the Node side (plugin/content.ts) reads the files.
 */
import type {z} from 'zod';
import {readFrontMatter, valueAtPath} from './frontmatter';
import {createOrgSchema, REPLACED_FIELDS, type OrgFrontMatter, type OrgSchema} from './schema';
import type {Vocabulary} from './vocabulary';
import type {OrgProblem, SourcePosition} from './problems';
import {didYouMean, editDistance} from './suggest';

/** How Docusaurus derives a page's title and description from its body; injected so this module stays pure. */
export interface BodyReader {
  /** The first `# ` heading, as the docs plugin reads it. */
  contentTitle(body: string): string | undefined;
  /** The description the docs plugin falls back to when frontmatter has none. */
  excerpt(body: string): string | undefined;
}

export interface LoadedPage {
  /** Site-relative source path, such as `docs/functional-areas/engineering.md`. */
  source: string;
  /** The page title as Docusaurus shows it (frontmatter `title`, else the first `# ` heading, else the file name). */
  title: string;
  description?: string;
  hasOrg: boolean;
  frontMatter: Record<string, unknown>;
  /** The Markdown after the frontmatter, and the file line it starts on. */
  body: string;
  bodyLine: number;
  /** Position of a frontmatter value by its dotted path (`org.members.1`), or of its key with `asKey`. */
  locate(field: string, asKey?: boolean): SourcePosition;
}

export interface LoadedUnit {
  source: string;
  title: string;
  description?: string;
  sidebarPosition?: number;
  org: OrgFrontMatter;
  /** Position of a value inside the frontmatter by dotted path; absent on units made in memory by tests. */
  locate?: (field: string, asKey?: boolean) => SourcePosition;
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

export interface ParsedPage {
  page: LoadedPage;
  unit?: LoadedUnit;
  problems: OrgProblem[];
  /** The id a broken unit page seems to declare, when one can be made out. */
  unreadableId?: string;
}

const MARKDOWN_FILE = /\.mdx?$/;

/**
 * The unit schema of a vocabulary, built once per vocabulary: building it
 * costs more than checking a page against it.
 */
const schemas = new WeakMap<Vocabulary, {schema: OrgSchema; fields: string[]}>();
export function orgSchemaOf(vocabulary: Vocabulary): OrgSchema {
  return compiled(vocabulary).schema;
}
function compiled(vocabulary: Vocabulary): {schema: OrgSchema; fields: string[]} {
  let entry = schemas.get(vocabulary);
  if (!entry) {
    const schema = createOrgSchema(vocabulary);
    entry = {schema, fields: Object.keys(schema.shape)};
    schemas.set(vocabulary, entry);
  }
  return entry;
}

/** Reads many pages; sorted by source so results never depend on the order files were listed. */
export function loadPages(files: ReadonlyArray<{source: string; text: string}>, vocabulary: Vocabulary, bodyReader?: BodyReader): LoadResult {
  const result: LoadResult = {units: [], pages: [], problems: [], unreadableIds: []};
  for (const file of [...files].sort((a, b) => a.source.localeCompare(b.source))) {
    const parsed = parsePage(file.source, file.text, vocabulary, bodyReader);
    result.pages.push(parsed.page);
    if (parsed.unit) result.units.push(parsed.unit);
    if (parsed.unreadableId) result.unreadableIds.push(parsed.unreadableId);
    result.problems.push(...parsed.problems);
  }
  return result;
}

/** Parses one page's text. */
export interface ParseOptions {
  /**
   * Reading a past version of a page (history): fields an older contract had
   * (REPLACED_FIELDS) are left out instead of refused, so the structure of a
   * commit made before they were replaced can still be read.
   */
  past?: boolean;
}

export function parsePage(
  source: string,
  text: string,
  vocabulary: Vocabulary,
  bodyReader: BodyReader = SIMPLE_BODY_READER,
  options: ParseOptions = {},
): ParsedPage {
  const read = readFrontMatter(text);
  const frontMatter = read.data;
  const locate = (field: string, asKey = false) => read.locate(field === '' ? [] : field.split('.').map(keyOf), asKey);
  const body = read.body;
  const title =
    typeof frontMatter.title === 'string' ? frontMatter.title : (bodyReader.contentTitle(body) ?? titleFromFileName(source));
  const description =
    typeof frontMatter.description === 'string' ? frontMatter.description : bodyReader.excerpt(body) || undefined;
  const hasOrg = 'org' in frontMatter;
  const page: LoadedPage = {source, title, ...(description ? {description} : {}), hasOrg, frontMatter, body, bodyLine: read.bodyLine, locate};
  const problems: OrgProblem[] = read.problems.map((problem) => ({file: source, ...problem}));
  const strayOrgLine = read.present ? undefined : orgBlockOutsideFrontMatter(body);
  if (strayOrgLine !== undefined) {
    // A first line such as "----", " ---" or "+++" opens no frontmatter, and the block below it is published as text.
    const firstLine = body.slice(0, body.search(/\r?\n|$/));
    problems.push({
      file: source,
      line: 1,
      column: 1,
      message: `the "org" block on line ${strayOrgLine} is not in frontmatter, so this page would be published with no place in the organization: frontmatter opens with a first line that is exactly "---", not ${firstLine === '' ? 'an empty line' : `"${clip(firstLine)}"`}`,
    });
  }
  if (problems.length > 0) {
    // Guess the id of an unreadable unit page so other pages are not blamed for referring to it.
    const declaredId = /^org:[\s\S]*?^[ \t]+id:[ \t]*["']?([a-z0-9-]+)/m.exec(text)?.[1];
    return {page: {...page, hasOrg: /^org:/m.test(text)}, problems, ...(declaredId ? {unreadableId: declaredId} : {})};
  }

  if (!hasOrg) {
    // Org data under a misspelled key would publish the page with no place in the organization.
    for (const key of Object.keys(frontMatter)) {
      if (looksLikeOrgKey(key, frontMatter[key])) {
        problems.push({
          file: source,
          ...locate(key, true),
          message: `unknown frontmatter key "${clip(key)}" (did you mean "org"?): without "org" this page is published with no place in the organization`,
        });
      }
    }
    return {page, problems};
  }

  const org = frontMatter.org;
  if (!isRecord(org)) {
    problems.push({file: source, ...locate('org'), message: '"org" must be a mapping of fields (id, kind, reportsTo, ...), not ' + describeValue(org)});
    return {page, problems};
  }
  const {schema, fields} = compiled(vocabulary);
  const parsed = schema.safeParse(options.past ? withoutReplacedFields(org) : org);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...problemsFromIssue(source, issue, org, locate, fields));
    return {page, problems, ...(typeof org.id === 'string' ? {unreadableId: org.id} : {})};
  }
  const sidebarPosition = typeof frontMatter.sidebar_position === 'number' ? frontMatter.sidebar_position : undefined;
  return {
    page,
    unit: {
      source,
      title,
      ...(description ? {description} : {}),
      ...(sidebarPosition !== undefined ? {sidebarPosition} : {}),
      org: parsed.data,
      locate,
    },
    problems,
  };
}

function withoutReplacedFields(org: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(org).filter(([key]) => !(key in REPLACED_FIELDS)));
}

/** Used where no Docusaurus reader is at hand (tests, editors' tools on single pages). */
export const SIMPLE_BODY_READER: BodyReader = {
  contentTitle: (body) => /^#[ \t]+(.+?)[ \t#]*$/m.exec(body)?.[1],
  excerpt: () => undefined,
};

/** Line of an `org:` block written at the start of a line outside fenced code, in a page with no frontmatter. */
function orgBlockOutsideFrontMatter(body: string): number | undefined {
  let fence: string | undefined;
  for (const [index, line] of body.split('\n').entries()) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && fence === undefined) fence = marker;
    else if (marker && fence !== undefined && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    else if (fence === undefined && /^org:(?:\s|$)/.test(line)) return index + 1;
  }
  return undefined;
}

function looksLikeOrgKey(key: string, value: unknown): boolean {
  const lower = key.toLowerCase();
  if (editDistance(lower, 'org') <= 1 || lower === 'organization') return true;
  return isRecord(value) && 'id' in value && 'kind' in value;
}

function problemsFromIssue(
  source: string,
  issue: z.core.$ZodIssue,
  org: Record<string, unknown>,
  locate: (field: string, asKey?: boolean) => SourcePosition,
  fieldNames: readonly string[],
): OrgProblem[] {
  const field = ['org', ...issue.path].map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const siblings = issue.path.length === 0 ? fieldNames : [];
    return issue.keys.map((key) => ({
      file: source,
      ...locate([field, key].join('.'), true),
      // A field of an older contract gets what replaced it, not a guess at a typo.
      message:
        issue.path.length === 0 && key in REPLACED_FIELDS
          ? `"org.${key}" is no longer a field: ${REPLACED_FIELDS[key]}`
          : `unknown field "${clip([field, key].join('.'))}"${didYouMean(key, siblings)}`,
    }));
  }
  const value = valueAtPath(org, issue.path);
  if (value === undefined) {
    // A required field is missing: point at the mapping that should hold it.
    return [{file: source, ...locate(['org', ...issue.path.slice(0, -1)].map(String).join('.'), true), message: `"${field}" is required`}];
  }
  let message = `"${field}" ${issue.message}`;
  if (issue.code === 'invalid_value' && typeof value === 'string') {
    message += `, not "${clip(value)}"${didYouMean(value, issue.values.map(String))}`;
  }
  return [{file: source, ...locate(field), message}];
}

function keyOf(part: string): PropertyKey {
  return /^\d+$/.test(part) ? Number(part) : part;
}

/** A YAML mapping (not a list, not a scalar). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Text from the page, shortened for a message: a key or value may be 100,000 characters long. */
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return `${typeof value === 'string' ? 'the text' : 'the value'} ${clip(JSON.stringify(value))}`;
}

function titleFromFileName(source: string): string {
  const base = source.split('/').pop()!.replace(MARKDOWN_FILE, '');
  return base === 'index' ? (source.split('/').at(-2) ?? base) : base;
}

