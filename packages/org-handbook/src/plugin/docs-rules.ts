// Loaded by Docusaurus's config loader, which does not know the @site alias: relative imports here.
/**
 * What the docs plugin decides about a page, asked of the docs plugin's own
 * code rather than re-implemented: which files it publishes (its glob), the
 * title and description it derives from a body, and the address it gives a
 * page. The pure org model receives these as functions (see org/pipeline.ts),
 * so `npm run check` and the build cannot disagree about them.
 *
 * The helpers are Docusaurus 3.10's; `lib/*` of the docs plugin is a public
 * export of the package, but not a documented API, so tests/org/docs-rules.test.ts
 * pins what this site relies on.
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import {createExcerpt, GlobExcludeDefault, Globby, normalizeUrl, parseMarkdownContentTitle, posixPath} from '@docusaurus/utils';
import {applyTrailingSlash} from '@docusaurus/utils-common';
import type {BodyReader} from '../org/load';

const require = createRequire(import.meta.url);

interface SlugParams {
  baseID: string;
  source: string;
  sourceDirName: string;
  frontMatterSlug?: string;
  stripDirNumberPrefixes?: boolean;
}
const docsSlug = require('@docusaurus/plugin-content-docs/lib/slug.js') as {default: (params: SlugParams) => string};
const docsNumberPrefix = require('@docusaurus/plugin-content-docs/lib/numberPrefix.js') as {
  DefaultNumberPrefixParser: (name: string) => {filename: string; numberPrefix?: number};
};
const docsFrontMatter = require('@docusaurus/plugin-content-docs/lib/frontMatter.js') as {
  DocFrontMatterSchema: {
    validate(value: unknown, options: object): {error?: {details: Array<{path: Array<string | number>; message: string}>}};
  };
};
const docsIndex = require('@docusaurus/plugin-content-docs/lib/docs.js') as {
  isCategoryIndex: (param: {fileName: string; extension: string; directories: string[]}) => boolean;
  toCategoryIndexMatcherParam: (param: {source: string; sourceDirName: string}) => {fileName: string; extension: string; directories: string[]};
};

/** The docs plugin's defaults, which this site keeps. */
export const DOCS_INCLUDE = ['**/*.{md,mdx}'];
export const DOCS_EXCLUDE = GlobExcludeDefault;

export interface DocsSiteShape {
  /** Where the docs are, relative to the site: `docs`. */
  contentDir: string;
  /** The docs plugin's `routeBasePath`, such as `/`. */
  routeBasePath: string;
  trailingSlash: boolean | undefined;
}

/** Every page the docs plugin publishes, as site-relative paths, in the docs plugin's own glob (symbolic links followed). */
export async function listDocsSources(siteDir: string, contentDir: string): Promise<string[]> {
  const sources = await Globby(DOCS_INCLUDE, {cwd: path.join(siteDir, contentDir), ignore: DOCS_EXCLUDE});
  return sources.map((source) => posixPath(path.posix.join(contentDir, source))).sort();
}

export const docusaurusBodyReader: BodyReader = {
  contentTitle: (body) => parseMarkdownContentTitle(body.trim()).contentTitle,
  excerpt: (body) => createExcerpt(body.trim()),
};

/**
 * What the docs plugin's frontmatter validation refuses in a page's
 * frontmatter (a `title` that is not text, a `sidebar_position` that is not a
 * number...), by dotted field path: the build stops on any of them. The
 * schema and options of the docs plugin's `validateDocFrontMatter`, called
 * without its logging.
 */
export function docsFrontMatterProblems(frontMatter: Record<string, unknown>): Array<{field: string; message: string}> {
  const {error} = docsFrontMatter.DocFrontMatterSchema.validate(frontMatter, {convert: true, allowUnknown: true, abortEarly: false});
  return (error?.details ?? []).map((detail) => ({field: detail.path.join('.'), message: detail.message.replace(/\.$/, '')}));
}

/**
 * The address the docs plugin gives a page: its `slug`, else its folder (an
 * index page) or its file name without number prefixes. Throws what the docs
 * plugin would throw, such as for an `id` with a slash or an invalid slug.
 */
export function createPermalinkRule(shape: DocsSiteShape): (source: string, frontMatter?: Record<string, unknown>) => string {
  return (source, frontMatter = {}) => {
    const relative = path.posix.relative(shape.contentDir, source);
    const sourceDirName = path.posix.dirname(relative);
    const fileName = path.posix.basename(relative, path.posix.extname(relative));
    const parseNumberPrefixes = frontMatter.parse_number_prefixes !== false;
    const unprefixed = parseNumberPrefixes ? docsNumberPrefix.DefaultNumberPrefixParser(fileName).filename : fileName;
    const baseID = typeof frontMatter.id === 'string' ? frontMatter.id : unprefixed;
    if (baseID.includes('/')) throw new Error(`a Docusaurus "id" cannot contain "/" ("${baseID}")`);
    const slug = docsSlug.default({
      baseID,
      source: relative,
      sourceDirName,
      ...(typeof frontMatter.slug === 'string' ? {frontMatterSlug: frontMatter.slug} : {}),
      stripDirNumberPrefixes: parseNumberPrefixes,
    });
    const permalink = normalizeUrl([shape.routeBasePath, slug]);
    return applyTrailingSlash(permalink, {trailingSlash: shape.trailingSlash, baseUrl: '/'});
  };
}

/** Whether the docs plugin serves a page at its folder's address (`index.md`, `README.md`, a file named like its folder). */
export function isFolderIndex(source: string, contentDir: string): boolean {
  const relative = path.posix.relative(contentDir, source);
  return docsIndex.isCategoryIndex(docsIndex.toCategoryIndexMatcherParam({source: relative, sourceDirName: path.posix.dirname(relative)}));
}

export type PermalinkRule = ReturnType<typeof createPermalinkRule>;
