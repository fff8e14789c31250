/**
 * What the tests expect, read from the repository and the built site: the
 * pages (build/sitemap.xml), which Markdown source each page comes from (its
 * "Edit this page" link), the units (the `org:` blocks under docs/), and which
 * pages draw a Mermaid diagram.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadContentTree} from '@site/packages/org-handbook/src/plugin/content';
import {resolveFile} from '@site/scripts/lib/static-server';

export const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The built site; E2E_BUILD_DIR points the suite at a copy (other work can rebuild build/ meanwhile). */
export const buildDir = process.env.E2E_BUILD_DIR ? path.resolve(process.env.E2E_BUILD_DIR) : path.join(siteDir, 'build');

export const MISSING_BUILD_MESSAGE =
  'build/ is missing or incomplete (no build/index.html or build/sitemap.xml): run `npm run build` first.';

export function assertBuilt(): void {
  if (!existsSync(path.join(buildDir, 'index.html')) || !existsSync(path.join(buildDir, 'sitemap.xml'))) {
    throw new Error(MISSING_BUILD_MESSAGE);
  }
}

/** A path the site does not have, to see its 404 page. */
export const NOT_FOUND_PATH = '/this-page-does-not-exist';

/**
 * A site path as the tests compare it: no origin, no query or hash, no
 * trailing slash (except `/`), no `.html` (a static host serves both).
 */
export function normalizePath(href: string, origin = 'http://127.0.0.1'): string {
  const url = new URL(href, origin);
  let pathname = decodeURI(url.pathname).replace(/\/index\.html$/, '/').replace(/\.html$/, '');
  if (pathname.length > 1) pathname = pathname.replace(/\/+$/, '');
  return pathname || '/';
}

/** Every page listed in build/sitemap.xml, as site paths, sorted. */
export function listSitemapPaths(): string[] {
  assertBuilt();
  const xml = readFileSync(path.join(buildDir, 'sitemap.xml'), 'utf8');
  const paths = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((match) => normalizePath(decodeXml(match[1]!)));
  if (paths.length === 0) throw new Error('build/sitemap.xml lists no page');
  return [...new Set(paths)].sort();
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export interface SitePage {
  /** Path to open, such as `/functional-areas/engineering`. */
  path: string;
  /** Name used in test titles and messages. */
  label: string;
  /** Status the document answers with (404 for the not-found page). */
  status: number;
}

/** Every page of the built site: the sitemap's pages and the 404 page. */
export function listSitePages(): SitePage[] {
  return [
    ...listSitemapPaths().map((pagePath) => ({path: pagePath, label: pagePath, status: 200})),
    {path: NOT_FOUND_PATH, label: `404 page (${NOT_FOUND_PATH})`, status: 404},
  ];
}

export function readBuiltHtml(pagePath: string): string {
  const file = resolveFile(buildDir, pagePath);
  if (!file) throw new Error(`no built HTML for ${pagePath} under build/`);
  return readFileSync(file, 'utf8');
}

// Built HTML is minified: attribute values may be unquoted.
const EDIT_LINK = /<a\b[^>]*\btheme-edit-this-page\b[^>]*>/;
const HREF = /\shref=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/;

/**
 * Site path of each Markdown source under docs/, found through the "Edit
 * this page" link of every built page (so no slug logic is repeated here).
 */
export function readPagesBySource(): Map<string, string> {
  const bySource = new Map<string, string>();
  for (const pagePath of listSitemapPaths()) {
    const tag = EDIT_LINK.exec(readBuiltHtml(pagePath))?.[0];
    const match = tag ? HREF.exec(tag) : null;
    const href = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
    const source = href ? /(docs\/[^"?#]+\.mdx?)$/.exec(decodeURI(href))?.[1] : undefined;
    if (source) bySource.set(source, pagePath);
  }
  return bySource;
}

export interface ExpectedUnit {
  id: string;
  name: string;
  kind: string;
  source: string;
  /** Site path of the unit's page, or undefined when no built page has that source. */
  path: string | undefined;
  reportsTo: string | undefined;
  retired: boolean;
}

/** Every unit under docs/ (pages with an `org:` block), read with the project's own loader. */
export async function loadExpectedUnits(): Promise<ExpectedUnit[]> {
  const {units, problems} = await loadContentTree(siteDir);
  if (problems.length > 0) {
    throw new Error(`docs/ has org problems:\n${problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n')}`);
  }
  const pagesBySource = readPagesBySource();
  return units.map((unit) => ({
    id: unit.org.id,
    name: unit.org.name ?? unit.title,
    kind: unit.org.kind,
    source: unit.source,
    path: pagesBySource.get(unit.source),
    reportsTo: unit.org.reportsTo,
    retired: unit.org.retired !== undefined,
  }));
}

export function unitById(units: readonly ExpectedUnit[], id: string): ExpectedUnit & {path: string} {
  const unit = units.find((candidate) => candidate.id === id);
  if (!unit) throw new Error(`docs/ has no unit with org.id "${id}"`);
  if (!unit.path) throw new Error(`unit "${id}" (${unit.source}) has no built page whose "Edit this page" link points at its source`);
  return unit as ExpectedUnit & {path: string};
}

/** Site paths of the pages whose Markdown has a top-level ```mermaid block. */
export function listMermaidPages(): string[] {
  const pages: string[] = [];
  for (const [source, pagePath] of readPagesBySource()) {
    if (/^ {0,3}(`{3,}|~{3,})\s*mermaid\b/m.test(readFileSync(path.join(siteDir, source), 'utf8'))) pages.push(pagePath);
  }
  return pages.sort();
}

/** What a drawn Mermaid diagram looks like in the page (theme-mermaid renders it after hydration). */
export const MERMAID_DIAGRAM = '.docusaurus-mermaid-container svg';

/**
 * Strings found only in mermaid's own code (its diagram detector's error
 * message survives minification), used to tell whether a page downloaded it.
 */
export const MERMAID_MARKERS = ['No diagram type detected matching given configuration'];

const scriptCache = new Map<string, boolean>();

/** Whether the script at `url` (served from build/) contains mermaid's code. */
export function isMermaidScript(url: string): boolean {
  const pagePath = new URL(url).pathname;
  let found = scriptCache.get(pagePath);
  if (found === undefined) {
    const file = resolveFile(buildDir, decodeURIComponent(pagePath));
    const text = file ? readFileSync(file, 'utf8') : '';
    found = MERMAID_MARKERS.some((marker) => text.includes(marker));
    scriptCache.set(pagePath, found);
  }
  return found;
}
