// Loaded by Docusaurus's config loader, which does not know the @site alias: relative imports here.
/**
 * The Node side of the pipeline: reads the files the docs plugin publishes
 * and runs the pure pipeline with the docs plugin's own rules. `npm run check`,
 * the build (org-plugin.ts), the scaffolder and the reorganization script all
 * come through `checkContentTree`.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {Globby} from '@docusaurus/utils';
import {runPipeline, type PipelineResult, type SiteRules} from '../org/pipeline';
import {loadPages, type LoadResult} from '../org/load';
import {formatProblems, type OrgProblem} from '../org/problems';
import {DEFAULT_VOCABULARY_FILE, parseVocabulary, type Vocabulary} from '../org/vocabulary';
import {createPermalinkRule, docsFrontMatterProblems, docusaurusBodyReader, isFolderIndex, listDocsSources, type DocsSiteShape} from './docs-rules';

/** How this handbook's docs are served; docusaurus.config.ts uses the same values. */
export const HANDBOOK_DOCS_SHAPE: DocsSiteShape = {contentDir: 'docs', routeBasePath: '/', trailingSlash: false};

/** Files the build writes beside the pages. */
export const GENERATED_PATHS = ['/org.json', '/org.mmd', '/catalog-groups.yaml', '/sitemap.xml', '/404.html'];
const GENERATED_PREFIXES = ['/assets/', '/pagefind/'];

export async function readDocsFiles(siteDir: string, contentDir: string): Promise<Array<{source: string; text: string}>> {
  const sources = await listDocsSources(siteDir, contentDir);
  return Promise.all(sources.map(async (source) => ({source, text: await readFile(path.join(siteDir, source), 'utf8')})));
}

/** Site paths of the files under static/, which pages may not take. */
async function listStaticPaths(siteDir: string): Promise<string[]> {
  return (await Globby(['**/*'], {cwd: path.join(siteDir, 'static'), dot: true})).map((file) => `/${file}`);
}

/** The site's vocabulary could not be read: nothing else can be checked until it is fixed. */
export class VocabularyError extends Error {
  constructor(readonly problems: readonly OrgProblem[]) {
    super(`The handbook's vocabulary has problems.\n${formatProblems(problems)}`);
    this.name = 'VocabularyError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * Reads and checks `<siteDir>/<file>` (default org.vocabulary.yaml). Problems
 * are located in that file, by its path relative to the site.
 */
export async function readVocabulary(siteDir: string, file: string = DEFAULT_VOCABULARY_FILE): Promise<{vocabulary?: Vocabulary; problems: OrgProblem[]}> {
  const absolute = path.resolve(siteDir, file);
  const source = path.relative(siteDir, absolute).split(path.sep).join('/');
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch {
    return {
      problems: [{file: source, line: 1, column: 1, message: `the handbook's vocabulary file is missing: write ${source} (its kinds, relations, roles and contact types; see docs/guide/frontmatter-reference.md)`}],
    };
  }
  return parseVocabulary(text, source);
}

/** The vocabulary, or an error listing every problem in it. */
export async function requireVocabulary(siteDir: string, file?: string): Promise<Vocabulary> {
  const {vocabulary, problems} = await readVocabulary(siteDir, file);
  if (!vocabulary) throw new VocabularyError(problems);
  return vocabulary;
}

/** Where to find the vocabulary when a caller does not say: `<siteDir>/org.vocabulary.yaml`. */
export interface VocabularySource {
  /** Path relative to the site directory (or absolute). */
  vocabulary?: string;
}

export async function createSiteRules(
  siteDir: string,
  shape: DocsSiteShape = HANDBOOK_DOCS_SHAPE,
  {vocabulary: vocabularyFile}: VocabularySource = {},
  staticPaths?: readonly string[],
): Promise<SiteRules> {
  const vocabulary = await requireVocabulary(siteDir, vocabularyFile);
  const staticFiles = new Set(staticPaths ?? (await listStaticPaths(siteDir)));
  return {
    vocabulary,
    permalinkOf: createPermalinkRule(shape),
    frontMatterProblems: docsFrontMatterProblems,
    isFolderIndex: (source) => isFolderIndex(source, shape.contentDir),
    bodyReader: docusaurusBodyReader,
    reservedBy(sitePath) {
      if (staticFiles.has(sitePath)) return `the file static${sitePath}`;
      if (GENERATED_PATHS.includes(sitePath)) return `the generated file ${sitePath}`;
      const prefix = GENERATED_PREFIXES.find((candidate) => sitePath.startsWith(candidate) || `${sitePath}/` === candidate);
      return prefix ? `the build's ${prefix} folder` : undefined;
    },
  };
}

/** With no vocabulary no page can be read: the vocabulary's problems are the whole report. */
function vocabularyOnlyResult(error: VocabularyError): PipelineResult {
  const empty: LoadResult = {units: [], pages: [], problems: [], unreadableIds: []};
  return {loaded: empty, permalinks: new Map(), directives: new Map(), problems: [...error.problems]};
}

/** The whole check of a site's content, as `npm run check` and the build run it. */
export async function checkContentTree(
  siteDir: string,
  shape: DocsSiteShape = HANDBOOK_DOCS_SHAPE,
  source: VocabularySource = {},
): Promise<PipelineResult> {
  let rules: SiteRules;
  try {
    rules = await createSiteRules(siteDir, shape, source);
  } catch (error) {
    if (!(error instanceof VocabularyError)) throw error;
    return vocabularyOnlyResult(error);
  }
  return runPipeline(await readDocsFiles(siteDir, shape.contentDir), rules);
}

/**
 * `checkContentTree` for a long-running process (the dev server): when neither the pages nor
 * the static files changed since the last run, the last result is returned without running
 * the pipeline again, so two triggers of one save cost one run.
 */
export function createContentChecker(siteDir: string, shape: DocsSiteShape = HANDBOOK_DOCS_SHAPE, source: VocabularySource = {}): () => Promise<PipelineResult> {
  let last: {key: string; result: PipelineResult} | undefined;
  return async () => {
    const vocabularyFile = path.resolve(siteDir, source.vocabulary ?? DEFAULT_VOCABULARY_FILE);
    const [files, staticPaths, vocabularyText] = await Promise.all([
      readDocsFiles(siteDir, shape.contentDir),
      listStaticPaths(siteDir),
      readFile(vocabularyFile, 'utf8').catch(() => ''),
    ]);
    const key = JSON.stringify([files, staticPaths, vocabularyText]);
    if (last?.key === key) return last.result;
    let result: PipelineResult;
    try {
      result = runPipeline(files, await createSiteRules(siteDir, shape, source, staticPaths));
    } catch (error) {
      if (!(error instanceof VocabularyError)) throw error;
      result = vocabularyOnlyResult(error);
    }
    last = {key, result};
    return result;
  };
}

/** Every page read, without the cross-page rules (the scaffolder's starting point). */
export async function loadContentTree(siteDir: string, shape: DocsSiteShape = HANDBOOK_DOCS_SHAPE, source: VocabularySource = {}): Promise<LoadResult> {
  return loadPages(await readDocsFiles(siteDir, shape.contentDir), await requireVocabulary(siteDir, source.vocabulary), docusaurusBodyReader);
}

/** Absolute paths of the pages the docs plugin publishes from `contentDir` (an absolute folder). */
export async function listMarkdownFiles(contentDir: string): Promise<string[]> {
  const siteDir = path.dirname(contentDir);
  return (await listDocsSources(siteDir, path.basename(contentDir))).map((source) => path.join(siteDir, source));
}
