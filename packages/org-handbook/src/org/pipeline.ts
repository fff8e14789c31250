/**
 * The one pipeline: page texts → read → validate → graph → site rules. The
 * check, the build, the scaffolder and the reorganization recipes all call
 * `runPipeline`, so "the check passes" and "the build accepts the content"
 * are the same statement.
 *
 * What only Docusaurus knows (a page's address, its title from the body) is
 * passed in as `SiteRules` by plugin/content.ts. Pure.
 */
import {checkDirective, scanDirectives, type DirectiveUse} from './directives';
import {buildOrgGraph, type OrgGraph} from './graph';
import {isRecord, loadPages, type BodyReader, type LoadedPage, type LoadResult} from './load';
import {sortProblems, type OrgProblem} from './problems';
import {closestMatch} from './suggest';
import type {Vocabulary} from './vocabulary';

export interface SiteRules {
  /** The site's kinds, relations, roles and contact types (org.vocabulary.yaml). */
  vocabulary: Vocabulary;
  /** The address the docs plugin gives a page; throws with a reason when it would refuse the page. */
  permalinkOf(source: string, frontMatter: Record<string, unknown>): string;
  /** What the docs plugin refuses in a page's frontmatter, by dotted field path (`''` for the whole block). */
  frontMatterProblems(frontMatter: Record<string, unknown>): Array<{field: string; message: string}>;
  /** Whether the docs plugin serves the page at its folder's address (`index.md`, `README.md`, named like its folder). */
  isFolderIndex(source: string): boolean;
  /** What owns an address that is not a page (a static file, an export), if anything. */
  reservedBy(sitePath: string): string | undefined;
  bodyReader?: BodyReader;
}

export interface PipelineResult {
  loaded: LoadResult;
  /** Present only when the content has no problem at all. */
  graph?: OrgGraph;
  /** Address of every page that has one, by source. */
  permalinks: ReadonlyMap<string, string>;
  /** Directives each page uses, by source. */
  directives: ReadonlyMap<string, DirectiveUse[]>;
  problems: OrgProblem[];
}

/** Frontmatter keys a unit page may not set, and why. */
export const FORBIDDEN_ON_UNIT_PAGES: Record<string, string> = {
  slug: 'a unit page takes its address from its file path; remove "slug" (to move the page, move the file and list the old address in org.redirectFrom)',
  id: 'a unit page keeps the document id its file path gives it; remove "id" (the unit\'s own id is org.id)',
  draft:
    'a unit page is always published: a draft would leave the unit out of the built site while other pages still show it; to take a unit away, mark it org.retired',
  unlisted:
    'a unit page is always listed: the chart, the lists and /org.json show every unit; to take a unit away, mark it org.retired',
};

/** The part of the rules that the reorganization recipes and the scaffolder need. */
export type PageRoutes = Pick<SiteRules, 'permalinkOf' | 'isFolderIndex' | 'vocabulary'>;

/** The pipeline over page texts held in memory, by source. */
export function checkTexts(texts: ReadonlyMap<string, string>, site: SiteRules): PipelineResult {
  return runPipeline([...texts].map(([source, text]) => ({source, text})), site);
}

export function runPipeline(files: ReadonlyArray<{source: string; text: string}>, site: SiteRules): PipelineResult {
  const loaded = loadPages(files, site.vocabulary, site.bodyReader);
  const {graph, problems: graphProblems} = buildOrgGraph(loaded.units, site.vocabulary, loaded.unreadableIds);
  const problems: OrgProblem[] = [...loaded.problems, ...graphProblems];
  // With no field, the problem is the page itself: its first line.
  const at = (page: LoadedPage, field: string, message: string, asKey = true) =>
    problems.push({file: page.source, ...(field === '' ? {line: 1, column: 1} : page.locate(field, asKey)), message});

  problems.push(...referencesOfUnreadablePages(loaded, problems));

  // Addresses.
  const permalinks = new Map<string, string>();
  const pageAt = new Map<string, LoadedPage[]>();
  for (const page of loaded.pages) {
    if (page.hasOrg) {
      for (const [key, why] of Object.entries(FORBIDDEN_ON_UNIT_PAGES)) {
        if (key in page.frontMatter) at(page, key, why);
      }
    }
    // The build stops on frontmatter the docs plugin refuses, on any page.
    for (const {field, message} of site.frontMatterProblems(page.frontMatter)) {
      at(page, field, `the docs plugin would refuse this page: ${message}`, false);
    }
    let permalink: string;
    try {
      permalink = site.permalinkOf(page.source, page.frontMatter);
    } catch (error) {
      const field = 'slug' in page.frontMatter ? 'slug' : 'id' in page.frontMatter ? 'id' : '';
      at(page, field, `the docs plugin cannot give this page an address: ${(error as Error).message.split('\n')[0]}`);
      continue;
    }
    permalinks.set(page.source, permalink);
    pageAt.set(permalink, [...(pageAt.get(permalink) ?? []), page]);
    const owner = site.reservedBy(permalink);
    if (owner) at(page, 'slug' in page.frontMatter ? 'slug' : '', `this page's address "${permalink}" is taken by ${owner}; give the page another`);
  }
  for (const [permalink, pages] of pageAt) {
    if (pages.length < 2) continue;
    for (const page of pages) {
      const others = pages.filter((other) => other !== page).map((other) => other.source);
      at(page, 'slug' in page.frontMatter ? 'slug' : '', `this page and ${others.join(', ')} would both be published at "${permalink}"; rename or move one of them`);
    }
  }

  // Old addresses and handbook links.
  const pageOf = new Map(loaded.pages.map((page) => [page.source, page]));
  const redirectSources = new Set<string>();
  for (const unit of loaded.units) {
    const page = pageOf.get(unit.source)!;
    (unit.org.redirectFrom ?? []).forEach((from, index) => {
      const field = `org.redirectFrom.${index}`;
      const key = normalizeSitePath(from);
      redirectSources.add(key);
      const owners = pageAt.get(key);
      const reserved = site.reservedBy(key);
      if (owners) {
        const whose = owners[0]!.source === unit.source ? 'this page' : owners[0]!.source;
        at(page, field, `redirect from "${from}" can never be used: it is the address of ${whose}; remove it, or move that page first`, false);
      } else if (reserved) {
        at(page, field, `redirect from "${from}" would hide ${reserved}; choose the page's real old address`, false);
      }
    });
  }
  const addresses = [...pageAt.keys()];
  for (const unit of loaded.units) {
    const page = pageOf.get(unit.source)!;
    for (const [field, url] of linksOf(unit.org)) {
      if (!url.startsWith('/') || url.startsWith('//')) continue;
      const target = normalizeSitePath(url.split(/[?#]/)[0]!);
      if (pageAt.has(target) || redirectSources.has(target) || site.reservedBy(target)) continue;
      const hint = closestMatch(target, addresses);
      at(page, field, `"${url}" is not a page of this handbook${hint ? ` (did you mean "${hint}"?)` : ''}`, false);
    }
  }

  // Directives in page bodies.
  const directives = new Map<string, DirectiveUse[]>();
  const liveIds = new Set(loaded.units.filter((unit) => !unit.org.retired).map((unit) => unit.org.id));
  const allIds = new Set(loaded.units.map((unit) => unit.org.id));
  const context = {
    kinds: [...site.vocabulary.kinds.keys()],
    unitExists: (id: string) => allIds.has(id),
    unitIsLive: (id: string) => liveIds.has(id),
    closestUnit: (id: string) => closestMatch(id, liveIds),
  };
  for (const page of loaded.pages) {
    const scanned = scanDirectives(page.body, page.bodyLine);
    directives.set(page.source, scanned.uses);
    problems.push(...scanned.problems.map((problem) => ({file: page.source, ...problem})));
    for (const use of scanned.uses) {
      for (const message of checkDirective(use, context)) problems.push({file: page.source, line: use.line, column: use.column, message});
    }
  }

  const sorted = sortProblems(problems);
  return {
    loaded,
    ...(sorted.length === 0 && graph ? {graph} : {}),
    permalinks,
    directives,
    problems: sorted,
  };
}

/** Every link address a unit's `org` block holds, with the dotted path of its field. */
function linksOf(org: LoadResult['units'][number]['org']): Array<[field: string, url: string]> {
  const links: Array<[string, string | undefined]> = [];
  (org.roles ?? []).forEach((role, index) => {
    links.push([`org.roles.${index}.listedAt.url`, role.listedAt?.url]);
    (role.holders ?? []).forEach((holder, holderIndex) => links.push([`org.roles.${index}.holders.${holderIndex}.url`, holder.url]));
    (role.past ?? []).forEach((holder, holderIndex) => links.push([`org.roles.${index}.past.${holderIndex}.url`, holder.url]));
  });
  (org.contacts ?? []).forEach((contact, index) => links.push([`org.contacts.${index}.url`, contact.url]));
  return links.filter((link): link is [string, string] => link[1] !== undefined);
}

/** `/teams/` and `/teams` are the same page once `trailingSlash` is false. */
export function normalizeSitePath(sitePath: string): string {
  return sitePath.replace(/(?<=.)\/+$/, '');
}

export interface Redirect {
  /** The old path, without the site's base URL. */
  from: string;
  /** The page's current path. */
  to: string;
}

/** One redirect per `org.redirectFrom` entry of a checked tree, to the page's real address. */
export function collectRedirects(result: Pick<PipelineResult, 'loaded' | 'permalinks'>): Redirect[] {
  const redirects: Redirect[] = [];
  const seen = new Set<string>();
  for (const unit of result.loaded.units) {
    const to = result.permalinks.get(unit.source);
    if (to === undefined) continue;
    for (const from of unit.org.redirectFrom ?? []) {
      const key = normalizeSitePath(from);
      if (seen.has(key)) continue;
      seen.add(key);
      redirects.push({from: key, to});
    }
  }
  return redirects.sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * A page whose `org:` block fails the schema has no unit, so the graph checks none of its references. Those
 * written well enough to read (`reportsTo`, `members`, `relations[].to`) are checked here, so that one round of
 * fixes finds every mistake on the page; a field the schema already flagged is left to that message.
 */
function referencesOfUnreadablePages(loaded: LoadResult, reported: readonly OrgProblem[]): OrgProblem[] {
  const ids = new Set([...loaded.units.map((unit) => unit.org.id), ...loaded.unreadableIds]);
  const renamedTo = new Map(loaded.units.flatMap((unit) => (unit.org.formerIds ?? []).map((formerId) => [formerId, unit.org.id] as const)));
  const liveIds = loaded.units.filter((unit) => !unit.org.retired).map((unit) => unit.org.id);
  const withUnit = new Set(loaded.units.map((unit) => unit.source));
  const problems: OrgProblem[] = [];
  for (const page of loaded.pages) {
    const org = page.frontMatter.org;
    if (!page.hasOrg || withUnit.has(page.source) || !isRecord(org)) continue;
    const references: Array<[string, unknown]> = [['org.reportsTo', org.reportsTo]];
    if (Array.isArray(org.members)) org.members.forEach((member, index) => references.push([`org.members.${index}`, member]));
    if (Array.isArray(org.relations)) org.relations.forEach((relation, index) => isRecord(relation) && references.push([`org.relations.${index}.to`, relation.to]));
    for (const [field, target] of references) {
      if (typeof target !== 'string' || target === org.id || ids.has(target)) continue;
      const position = page.locate(field);
      if (reported.some((problem) => problem.file === page.source && problem.line === position.line)) continue;
      const renamed = renamedTo.get(target);
      const suggestion = closestMatch(target, liveIds);
      const hint = renamed ? `: it was renamed to "${renamed}"` : suggestion ? ` (did you mean "${suggestion}"?)` : '';
      problems.push({file: page.source, ...position, message: `unknown unit "${target}"${hint}`});
    }
  }
  return problems;
}
