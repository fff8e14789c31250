// Loaded by Docusaurus's config loader, which does not know the @site alias: relative imports here.
/**
 * Docusaurus glue for the org model:
 * - runs the pipeline (content.ts) when plugins are created, so a build with
 *   bad content stops with every problem before anything loads or bundles;
 * - prepares one record per page (page-data.ts) and makes each page's
 *   compilation depend on its record (page-data-loader.cjs), so warm builds
 *   and the dev server never serve stale facts;
 * - under `docusaurus start`, reruns on every change to the docs, prints
 *   problems in the terminal and shows them in a banner on every page,
 *   keeping the last good structure until they are fixed;
 * - reads the organization's past from git (history-routes.ts): the timeline
 *   and "as of" pages, and each unit's past in its page's record;
 * - hands redirects to the redirects plugin and writes the exports after the build
 *   (`org.json`, `org.mmd`, `catalog-groups.yaml`).
 */
import {readdirSync, watch} from 'node:fs';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import logger, {PerfLogger} from '@docusaurus/logger';
import {applyTrailingSlash} from '@docusaurus/utils-common';
import {normalizeUrl} from '@docusaurus/utils';
import type {LoadContext, OptionValidationContext, Plugin} from '@docusaurus/types';
import {Joi} from '@docusaurus/utils-validation';
import type {LoadedContent as DocsContent} from '@docusaurus/plugin-content-docs';
import {catalogUnitsOf, toCatalogYaml, unitsToGroups} from '../org/backstage/export';
import {createOrgExport} from '../org/export';
import {toMermaidSource} from '../org/mermaid-export';
import {createPageData, type PageOrgData} from '../org/page-data';
import {collectRedirects, type PipelineResult, type Redirect} from '../org/pipeline';
import {formatProblems, type OrgProblem} from '../org/problems';
import {createSiteModel, type OrgSiteModel} from '../org/site-model';
import {DEFAULT_VOCABULARY_FILE} from '../org/vocabulary';
import {RECORDS_FOLDER} from '../org/view-names';
import {createContentChecker, HANDBOOK_DOCS_SHAPE, requireVocabulary} from './content';
import {addHistoryRoutes, createHistoryForSite, createHistoryReader, type HistoryOptions} from './history-routes';
import {ORG_PLUGIN_NAME, PAGE_VIEWS_QUERY, pageDataDirOf, writePageData} from './page-data-files';

export interface OrgPluginOptions {
  /** Units whose `reviewed` date is older than this are listed as due for review. */
  reviewMaxAgeDays: number;
  /** The vocabulary file (kinds, relations, roles, contact types), relative to the site directory. Default `org.vocabulary.yaml`. */
  vocabulary?: string;
  /** Receives the redirects from old unit addresses (`org.redirectFrom`) whenever the content is loaded. */
  publishRedirects?: (redirects: Redirect[]) => void;
  /** The timeline, "as of" pages and unit histories read from git. */
  history?: HistoryOptions;
}

/** What a site's config writes: every option with a default may be left out (and is best left out: the config ships to every reader). */
export type OrgPluginUserOptions = Partial<OrgPluginOptions>;

export {ORG_PLUGIN_NAME, pageDataDirOf};

/** The options as Docusaurus validates them before the plugin runs: a mistake in the config is named there, with its key. */
const OPTIONS_SCHEMA = Joi.object({
  reviewMaxAgeDays: Joi.number().integer().min(1).default(365),
  vocabulary: Joi.string().default(DEFAULT_VOCABULARY_FILE),
  publishRedirects: Joi.function(),
  history: Joi.object({
    repositoryUrl: Joi.string().uri({scheme: ['http', 'https']}),
    timelinePath: Joi.string().pattern(/^\//),
    asOfPath: Joi.string().pattern(/^\//),
    enabled: Joi.boolean(),
  }),
});

export function validateOptions({validate, options}: OptionValidationContext<OrgPluginUserOptions | undefined, OrgPluginOptions>): OrgPluginOptions {
  return validate(OPTIONS_SCHEMA, options ?? {});
}

const pluginDir = path.dirname(fileURLToPath(import.meta.url));
/** The theme's OrgView folder: the code a page's org views module and the remark step's OrgView import. */
const viewsRuntimeDir = path.join(pluginDir, '..', 'theme', 'OrgView');

/**
 * The plugin's build-time code (its loaders, the remark step, the org engine): it shapes every page's
 * module, yet Rspack's persistent cache, which presets no build dependencies of its own, would keep
 * the modules it shaped after it changed. Docusaurus names its own files and the site config; these
 * are added to them (see configureWebpack).
 */
function buildTimeSources(): string[] {
  const srcDir = path.dirname(pluginDir);
  return ['plugin', 'org']
    .flatMap((dir) => readdirSync(path.join(srcDir, dir), {recursive: true, encoding: 'utf8'}).map((file) => path.join(srcDir, dir, file)))
    .filter((file) => /\.(?:ts|tsx|cjs|js|mjs)$/.test(file) && !file.endsWith('.d.ts'));
}

/** Adds the plugin's build-time code to the persistent cache's build dependencies, when the bundler has that cache. */
export function addBuildDependencies(config: {experiments?: unknown}): void {
  const cache = (config.experiments as {cache?: {buildDependencies?: unknown}} | undefined)?.cache;
  if (cache && Array.isArray(cache.buildDependencies)) (cache.buildDependencies as string[]).push(...buildTimeSources());
}


/** The problems the dev banner shows (a data module of this plugin). */
const DEV_PROBLEMS = 'dev-problems.json';

/**
 * Under `docusaurus start`, keeps the banner's problems current even when a save breaks the
 * docs plugin itself (its reload then fails, and no allContentLoaded follows): the check runs
 * on every change to the docs and the banner's data file is rewritten when its list changes.
 */
function watchDocsForProblems(docsDir: string, problemsFile: string, check: () => Promise<PipelineResult>): void {
  let timer: NodeJS.Timeout | undefined;
  const update = async () => {
    const json = JSON.stringify((await check()).problems);
    if ((await readFile(problemsFile, 'utf8').catch(() => '')) === json) return;
    await mkdir(path.dirname(problemsFile), {recursive: true});
    await writeFile(problemsFile, json);
  };
  const watcher = watch(docsDir, {recursive: true}, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update().catch((error: unknown) => logger.error(String(error))), 300);
  });
  watcher.unref();
}

/** When the plugin's last finished run began reading the docs; the page-data loader waits on it. */
function runStampFileOf(siteDir: string): string {
  return path.join(siteDir, '.docusaurus', ORG_PLUGIN_NAME, 'last-run');
}

export class OrgContentError extends Error {
  constructor(problems: readonly OrgProblem[]) {
    super(`The handbook's structure has problems; nothing was built.\n${formatProblems(problems)}`);
    this.name = 'OrgContentError';
    // The messages already say where the problem is; a stack trace into the plugin would only bury them.
    this.stack = `${this.name}: ${this.message}`;
  }
}

export default async function orgPlugin(context: LoadContext, options: OrgPluginOptions): Promise<Plugin> {
  const {siteDir} = context;
  const production = process.env.NODE_ENV === 'production';
  const pageDataDir = pageDataDirOf(siteDir);
  const runStampFile = runStampFileOf(siteDir);
  const problemsFile = path.join(context.generatedFilesDir, ORG_PLUGIN_NAME, 'default', DEV_PROBLEMS);
  const docsDir = path.join(siteDir, HANDBOOK_DOCS_SHAPE.contentDir);
  const vocabularyFile = options.vocabulary ?? DEFAULT_VOCABULARY_FILE;
  const checkContent = createContentChecker(siteDir, HANDBOOK_DOCS_SHAPE, {vocabulary: vocabularyFile});
  /** Runs the pipeline; `report` prints the problems (and stops a build). */
  const check = async (report = true) => {
    const result = await checkContent();
    if (report && result.problems.length > 0) {
      if (production) {
        // One message per line, unindented, where editors' problem matchers find them;
        // Docusaurus then reports the failure with its own indentation.
        console.error(formatProblems(result.problems));
        throw new OrgContentError(result.problems);
      }
      logger.error(`The handbook's structure has problems; pages keep the last good structure until they are fixed.\n${formatProblems(result.problems)}`);
    }
    return result;
  };
  // Runs while plugins are created, before any content loads: the editor gets
  // every problem at once, instead of whichever page the docs plugin trips on first.
  let checkedAtStart: PipelineResult | undefined = await check();
  let model: OrgSiteModel | undefined;
  // History needs the vocabulary too; when it has problems, the check above has already stopped the build or reported them.
  const vocabulary = checkedAtStart?.graph?.vocabulary ?? (await requireVocabulary(siteDir, vocabularyFile).catch(() => undefined));
  const readHistory = vocabulary
    ? createHistoryReader(siteDir, HANDBOOK_DOCS_SHAPE.contentDir, options.history ?? {}, vocabulary)
    : async () => ({available: false as const, reason: `The history cannot be read until the vocabulary (${vocabularyFile}) has no problems.`});
  if (!production) watchDocsForProblems(docsDir, problemsFile, () => check(false));

  return {
    name: ORG_PLUGIN_NAME,

    // Only what the docs plugin does not watch. The docs are deliberately left out: Docusaurus
    // reloads each watching plugin separately and without queuing, and two reloads of one save
    // race (the slower one republishes the other's old routes, so a new page 404s). A save in
    // the docs reloads the docs plugin, after which Docusaurus runs every plugin's
    // allContentLoaded, where this plugin does its work on the same files.
    getPathsToWatch() {
      return [path.join(siteDir, 'static', '**'), path.resolve(siteDir, vocabularyFile)];
    },

    async allContentLoaded({allContent, actions}) {
      const startedAt = Date.now();
      // Each step is timed when DOCUSAURUS_PERF_LOGGER is set (`npm run bench:dev -- --log`).
      const result = checkedAtStart ?? (await PerfLogger.async('org: pipeline', () => check()));
      checkedAtStart = undefined;
      const past = createHistoryForSite(await PerfLogger.async('org: history', readHistory), result, context.baseUrl, options.history ?? {});
      await PerfLogger.async('org: history routes', () => addHistoryRoutes(actions, past, context.generatedFilesDir));
      if (result.graph) {
        const graph = result.graph;
        const records = await PerfLogger.async('org: page records', () => {
          model = createSiteModel(graph, result.permalinks, {
            today: new Date().toISOString().slice(0, 10),
            maxAgeDays: options.reviewMaxAgeDays,
          });
          const prepared = new Map<string, PageOrgData>();
          for (const page of result.loaded.pages) {
            prepared.set(page.source, createPageData(model, page.source, result.directives.get(page.source) ?? [], past));
          }
          return prepared;
        });
        await PerfLogger.async('org: write changed records', () => writePageData(pageDataDir, records));
        options.publishRedirects?.(collectRedirects(result));
      }
      if (!production) {
        await actions.createData(DEV_PROBLEMS, JSON.stringify(result.problems));
        await mkdir(path.dirname(runStampFile), {recursive: true});
        await writeFile(runStampFile, String(startedAt));
        return;
      }
      // One reading: the docs plugin must have published every page at the address the pipeline computed.
      const docs = allContent['docusaurus-plugin-content-docs']?.default as DocsContent | undefined;
      if (!model || !docs) return;
      const published = new Map(
        // The docs plugin keeps a folder index's trailing slash; the site's trailingSlash rule applies when routes are made.
        docs.loadedVersions
          .flatMap((version) => version.docs)
          .map((doc) => [doc.source.replace(/^@site\//, ''), applyTrailingSlash(doc.permalink, {trailingSlash: context.siteConfig.trailingSlash, baseUrl: context.siteConfig.baseUrl})]),
      );
      const problems: OrgProblem[] = [];
      // The pipeline's addresses are the site's own (what redirects and links inside the handbook use); the docs plugin's start with the base URL.
      const withBaseUrl = (address: string | undefined) => address && normalizeUrl([context.siteConfig.baseUrl, address]);
      for (const [source, id] of model.unitBySource) {
        const permalink = published.get(source);
        const expected = withBaseUrl(model.permalinks.get(id));
        if (permalink !== expected) {
          problems.push({file: source, line: 1, column: 1, message: `the docs plugin published this unit at ${permalink ?? 'no address'}, not ${expected}`});
        }
      }
      if (problems.length > 0) throw new OrgContentError(problems);
    },

    // The org views (OrgChart, UnitPlace, the history pages) and the MDX components that
    // register them; a site may swizzle any of them.
    getThemePath() {
      return path.join(pluginDir, '..', 'theme');
    },

    getClientModules() {
      // What every page with org views imports, once in the main bundle (see theme/OrgView/client.ts).
      return [path.join(viewsRuntimeDir, 'client.ts'), ...(production ? [] : [path.join(pluginDir, 'dev-banner.ts')])];
    },

    configureWebpack(config, isServer) {
      addBuildDependencies(config);
      return {
        module: {
          rules: [
            {
              test: /\.json$/,
              include: [pageDataDir],
              resourceQuery: (query: string) => query === PAGE_VIEWS_QUERY,
              type: 'javascript/auto',
              // The browser bundle of a build loads a page's record and the views' code only when
              // the browser renders that page itself; the server bundle and `docusaurus start` import both.
              use: [{loader: path.join(pluginDir, 'page-views-loader.cjs'), options: {deferred: production && !isServer, pageDataDir, runtime: viewsRuntimeDir, recordsFolder: RECORDS_FOLDER}}],
            },
            {
              test: /\.mdx?$/,
              include: [docsDir],
              enforce: 'pre' as const,
              // Under `docusaurus start` a new page waits for its record (see the loader); a build
              // writes every record before bundling, so it never waits.
              use: [{loader: path.join(pluginDir, 'page-data-loader.cjs'), options: {siteDir, pageDataDir, runStampFile, waitForRecordMs: production ? 0 : 20_000}}],
            },
          ],
        },
      };
    },

    async postBuild({outDir}) {
      if (!model) return;
      const siteUrl = context.siteConfig.url + context.siteConfig.baseUrl;
      const exported = createOrgExport(model, siteUrl);
      await writeFile(path.join(outDir, 'org.json'), `${JSON.stringify(exported, null, 2)}\n`);
      await writeFile(path.join(outDir, 'org.mmd'), toMermaidSource(model));
      // The same units for a Backstage catalog (docs/guide/backstage.md).
      await writeFile(path.join(outDir, 'catalog-groups.yaml'), toCatalogYaml(unitsToGroups(catalogUnitsOf(model, siteUrl)), siteUrl));
    },
  };
}
