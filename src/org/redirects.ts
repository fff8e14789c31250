/**
 * Old URLs that keep working: each unit's `org.redirectFrom` becomes a
 * client-side redirect to the page's current address.
 *
 * A page's address is derived from its file path with the docs plugin's rules
 * for this site (docs served at the site root, `trailingSlash: false`):
 *
 * - `docs/teams/area-leads.md` → `/teams/area-leads`;
 * - an index page (`index.md`, `README.md`, or a file named like its folder)
 *   takes its folder's address: `docs/teams/index.md` → `/teams`, `docs/index.md` → `/`;
 * - number prefixes (`01-intro.md`, `02-guides/`) are dropped, as the docs plugin does.
 *
 * Unit pages therefore must not set a frontmatter `slug` or Docusaurus `id`
 * (the root page's `slug: /` says what the rule says anyway). The redirect
 * targets are computed from the same rule, so moving or renaming a file and
 * listing its old address in `redirectFrom` is all an editor has to do.
 */
import path from 'node:path';
import {loadContentTree, type LoadedPage, type LoadedUnit} from './load';
import type {OrgProblem} from './problems';

export interface Redirect {
  /** The old path, without the site's base URL. */
  from: string;
  /** The page's current path, without the site's base URL. */
  to: string;
}

const MARKDOWN_FILE = /\.mdx?$/;
// Same pattern as the docs plugin's default number-prefix parser.
const NUMBER_PREFIX = /^\d+\s*[-_.]+\s*(?=[^-_.\s])/;

function stripNumberPrefix(segment: string): string {
  return segment.replace(NUMBER_PREFIX, '');
}

/**
 * Whether a page is its folder's index (`index.md`, `README.md`, or named like
 * its folder), which the docs plugin serves at the folder's own address.
 */
export function isFolderIndex(source: string, contentDir = 'docs'): boolean {
  const segments = path.posix.relative(contentDir, source).split('/');
  const fileName = (segments.pop() ?? '').replace(MARKDOWN_FILE, '');
  return ['index', 'readme', segments.at(-1)?.toLowerCase()].includes(fileName.toLowerCase());
}

/** The site path of a page, from its site-relative source such as `docs/teams/area-leads.md`. */
export function pagePathOf(source: string, contentDir = 'docs'): string {
  const segments = path.posix.relative(contentDir, source).split('/');
  const fileName = (segments.pop() ?? '').replace(MARKDOWN_FILE, '');
  const parts = [...segments.map(stripNumberPrefix), ...(isFolderIndex(source, contentDir) ? [] : [stripNumberPrefix(fileName)])];
  return `/${parts.join('/')}`;
}

/** `/teams/` and `/teams` are the same page once `trailingSlash` is false. */
export function normalizeSitePath(sitePath: string): string {
  return sitePath.replace(/(?<=.)\/+$/, '');
}

/** One redirect per `redirectFrom` entry, first claim wins (the check reports the others). */
export function collectRedirects(units: readonly LoadedUnit[], contentDir = 'docs'): Redirect[] {
  const seen = new Set<string>();
  const pagePaths = new Set(units.map((unit) => pagePathOf(unit.source, contentDir)));
  const redirects: Redirect[] = [];
  for (const unit of units) {
    const to = pagePathOf(unit.source, contentDir);
    for (const from of unit.org.redirectFrom ?? []) {
      const key = normalizeSitePath(from);
      if (seen.has(key) || pagePaths.has(key)) continue;
      seen.add(key);
      redirects.push({from: key, to});
    }
  }
  return redirects.sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * A redirect from an address that a page still has would never be followed
 * (and the redirects plugin refuses it), so it is reported where it is written.
 */
export function checkRedirects(
  loaded: {units: readonly LoadedUnit[]; pages: readonly LoadedPage[]},
  contentDir = 'docs',
): OrgProblem[] {
  const pageAt = new Map<string, string>();
  for (const page of loaded.pages) pageAt.set(pagePathOf(page.source, contentDir), page.source);
  const problems: OrgProblem[] = [];
  for (const unit of loaded.units) {
    (unit.org.redirectFrom ?? []).forEach((from, index) => {
      const owner = pageAt.get(normalizeSitePath(from));
      if (owner === undefined) return;
      const position = unit.positions[`org.redirectFrom.${index}`] ?? unit.positions['org.redirectFrom'] ?? {line: 1, column: 1};
      const whose = owner === unit.source ? 'this page' : owner;
      problems.push({
        file: unit.source,
        ...position,
        message: `redirect from "${from}" can never be used: it is the address of ${whose}; remove it, or move that page first`,
      });
    });
  }
  return problems;
}

/** Reads the content tree and returns the redirects its units ask for (docusaurus.config.ts uses it). */
export async function redirectsFromContent(siteDir: string, contentDir = 'docs'): Promise<Redirect[]> {
  const {units} = await loadContentTree(siteDir, contentDir);
  return collectRedirects(units, contentDir);
}
