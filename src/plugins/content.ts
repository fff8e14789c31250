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

export async function createSiteRules(siteDir: string, shape: DocsSiteShape = HANDBOOK_DOCS_SHAPE): Promise<SiteRules> {
  const staticFiles = new Set(
    (await Globby(['**/*'], {cwd: path.join(siteDir, 'static'), dot: true})).map((file) => `/${file}`),
  );
  return {
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

/** The whole check of a site's content, as `npm run check` and the build run it. */
export async function checkContentTree(siteDir: string, shape: DocsSiteShape = HANDBOOK_DOCS_SHAPE): Promise<PipelineResult> {
  const [files, rules] = await Promise.all([readDocsFiles(siteDir, shape.contentDir), createSiteRules(siteDir, shape)]);
  return runPipeline(files, rules);
}

/** Every page read, without the cross-page rules (the scaffolder's starting point). */
export async function loadContentTree(siteDir: string, shape: DocsSiteShape = HANDBOOK_DOCS_SHAPE): Promise<LoadResult> {
  return loadPages(await readDocsFiles(siteDir, shape.contentDir), docusaurusBodyReader);
}

/** Absolute paths of the pages the docs plugin publishes from `contentDir` (an absolute folder). */
export async function listMarkdownFiles(contentDir: string): Promise<string[]> {
  const siteDir = path.dirname(contentDir);
  return (await listDocsSources(siteDir, path.basename(contentDir))).map((source) => path.join(siteDir, source));
}
