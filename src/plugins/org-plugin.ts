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
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import logger from '@docusaurus/logger';
import type {LoadContext, OptionValidationContext, Plugin} from '@docusaurus/types';
import {Joi} from '@docusaurus/utils-validation';
import type {LoadedContent as DocsContent} from '@docusaurus/plugin-content-docs';
import type {HistoryResult} from '../org/history/git';
import {catalogUnitsOf, toCatalogYaml, unitsToGroups} from '../org/backstage/export';
import {createOrgExport} from '../org/export';
import {toMermaidSource} from '../org/mermaid-export';
import {createPageData, type PageOrgData} from '../org/page-data';
import {collectRedirects, type PipelineResult, type Redirect} from '../org/pipeline';
import {formatProblems, type OrgProblem} from '../org/problems';
import {createSiteModel, type OrgSiteModel} from '../org/site-model';
import {DEFAULT_VOCABULARY_FILE} from '../org/vocabulary';
import {checkContentTree, HANDBOOK_DOCS_SHAPE, requireVocabulary} from './content';
import {addHistoryRoutes, createHistoryForSite, createHistoryReader, type HistoryOptions} from './history-routes';
import {writePageData} from './page-data-files';

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

export const ORG_PLUGIN_NAME = 'org-handbook';

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

export function validateOptions({validate, options}: OptionValidationContext<Partial<OrgPluginOptions> | undefined, OrgPluginOptions>): OrgPluginOptions {
  return validate(OPTIONS_SCHEMA, options ?? {});
}

const pluginDir = path.dirname(fileURLToPath(import.meta.url));

/** Where the plugin leaves one record per page; the remark step reads from here. */
export function pageDataDirOf(siteDir: string): string {
  return path.join(siteDir, '.docusaurus', ORG_PLUGIN_NAME, 'pages');
}

export class OrgContentError extends Error {
  constructor(problems: readonly OrgProblem[]) {
    super(`The handbook's structure has problems; nothing was built.\n${formatProblems(problems)}`);
    this.name = 'OrgContentError';
    // The messages already say where the problem is; a stack trace into the plugin would only bury them.
    this.stack = `${this.name}: ${this.message}`;
  }
}

interface OrgContent {
  result: PipelineResult;
  history: HistoryResult;
}

export default async function orgPlugin(context: LoadContext, options: OrgPluginOptions): Promise<Plugin<OrgContent>> {
  const {siteDir} = context;
  const production = process.env.NODE_ENV === 'production';
  const pageDataDir = pageDataDirOf(siteDir);
  const docsDir = path.join(siteDir, HANDBOOK_DOCS_SHAPE.contentDir);
  const vocabularyFile = options.vocabulary ?? DEFAULT_VOCABULARY_FILE;
  const check = async () => {
    const result = await checkContentTree(siteDir, HANDBOOK_DOCS_SHAPE, {vocabulary: vocabularyFile});
    if (result.problems.length > 0) {
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
  const vocabulary = checkedAtStart.graph?.vocabulary ?? (await requireVocabulary(siteDir, vocabularyFile).catch(() => undefined));
  const readHistory = vocabulary
    ? createHistoryReader(siteDir, HANDBOOK_DOCS_SHAPE.contentDir, options.history ?? {}, vocabulary)
    : async () => ({available: false as const, reason: `The history cannot be read until the vocabulary (${vocabularyFile}) has no problems.`});

  return {
    name: ORG_PLUGIN_NAME,

    getPathsToWatch() {
      return [
        path.join(docsDir, '**/*.{md,mdx}'),
        path.join(docsDir, '**/_category_.{json,yml,yaml}'),
        path.join(siteDir, 'static', '**'),
        path.resolve(siteDir, vocabularyFile),
      ];
    },

    async loadContent() {
      const result = checkedAtStart ?? (await check());
      checkedAtStart = undefined;
      return {result, history: await readHistory()};
    },

    async contentLoaded({content: {result, history}, actions}) {
      const past = createHistoryForSite(history, result, context.baseUrl, options.history ?? {});
      await addHistoryRoutes(actions, past);
      if (result.graph) {
        model = createSiteModel(result.graph, result.permalinks, {
          today: new Date().toISOString().slice(0, 10),
          maxAgeDays: options.reviewMaxAgeDays,
        });
        const records = new Map<string, PageOrgData>();
        for (const page of result.loaded.pages) {
          records.set(page.source, createPageData(model, page.source, result.directives.get(page.source) ?? [], past));
        }
        await writePageData(pageDataDir, records);
        options.publishRedirects?.(collectRedirects(result));
      }
      if (!production) {
        await actions.createData('dev-problems.json', JSON.stringify(result.problems));
      }
    },

    getClientModules() {
      return production ? [] : [path.join(pluginDir, 'dev-banner.ts')];
    },

    configureWebpack() {
      return {
        module: {
          rules: [
            {
              test: /\.mdx?$/,
              include: [docsDir],
              enforce: 'pre' as const,
              use: [{loader: path.join(pluginDir, 'page-data-loader.cjs'), options: {siteDir, pageDataDir}}],
            },
          ],
        },
      };
    },

    async allContentLoaded({allContent}) {
      // One reading: the docs plugin must have published every page at the address the pipeline computed.
      const docs = allContent['docusaurus-plugin-content-docs']?.default as DocsContent | undefined;
      if (!production || !model || !docs) return;
      const published = new Map(
        docs.loadedVersions.flatMap((version) => version.docs).map((doc) => [doc.source.replace(/^@site\//, ''), doc.permalink]),
      );
      const problems: OrgProblem[] = [];
      for (const [source, id] of model.unitBySource) {
        const permalink = published.get(source);
        const expected = model.permalinks.get(id);
        if (permalink !== expected) {
          problems.push({file: source, line: 1, column: 1, message: `the docs plugin published this unit at ${permalink ?? 'no address'}, not ${expected}`});
        }
      }
      if (problems.length > 0) throw new OrgContentError(problems);
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
