// Loaded by Docusaurus's config loader, which does not know the @site alias: relative imports here.
/**
 * Docusaurus glue for the org model: fails the build on any content problem
 * before anything is bundled, joins units with the docs plugin's permalinks,
 * hands the result to the MDX compiler (see remark-org.ts) and writes the
 * machine-readable export after the build.
 */
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import type {LoadedContent as DocsContent} from '@docusaurus/plugin-content-docs';
import {checkContentTree} from '../org/check';
import {createOrgExport} from '../org/export';
import type {OrgGraph, OrgUnit} from '../org/graph';
import {formatProblems, type OrgProblem} from '../org/problems';
import {serializeSiteModel, type OrgSiteModel} from '../org/site-model';
import {toMermaidSource} from '../org/mermaid-export';

export interface OrgPluginOptions {
  /** Units whose `reviewed` date is older than this are listed as due for review. */
  reviewMaxAgeDays: number;
  /** Where the plugin leaves the site model for the remark plugin. */
  siteModelFile: string;
}

export const ORG_PLUGIN_NAME = 'org-handbook';

export class OrgContentError extends Error {
  constructor(problems: readonly OrgProblem[]) {
    super(`The handbook's structure has problems; nothing was built.\n${formatProblems(problems)}`);
    this.name = 'OrgContentError';
    // The messages already say where the problem is; a stack trace into the plugin would only bury them.
    this.stack = `${this.name}: ${this.message}`;
  }
}

async function checkOrThrow(siteDir: string): Promise<OrgGraph> {
  const result = await checkContentTree(siteDir);
  if (!result.graph) throw new OrgContentError(result.problems);
  return result.graph;
}

export default async function orgPlugin(context: LoadContext, options: OrgPluginOptions): Promise<Plugin<OrgGraph>> {
  // Runs while plugins are created, before any content loads: the editor gets
  // every problem at once, instead of whichever page the docs plugin trips on first.
  let checkedAtStart: OrgGraph | undefined = await checkOrThrow(context.siteDir);
  let siteModel: OrgSiteModel | undefined;

  return {
    name: ORG_PLUGIN_NAME,

    // The first load reuses the check above; later ones (pages edited under `docusaurus start`) check again.
    async loadContent() {
      const graph = checkedAtStart ?? (await checkOrThrow(context.siteDir));
      checkedAtStart = undefined;
      return graph;
    },

    async allContentLoaded({allContent}) {
      const graph = allContent[ORG_PLUGIN_NAME]?.default as OrgGraph | undefined;
      const docs = allContent['docusaurus-plugin-content-docs']?.default as DocsContent | undefined;
      if (!graph || !docs) throw new Error('org-handbook: the docs plugin or the org graph is missing');
      siteModel = joinWithDocs(graph, docs, options);
      await mkdir(path.dirname(options.siteModelFile), {recursive: true});
      await writeFile(options.siteModelFile, serializeSiteModel(siteModel));
    },

    async postBuild({outDir}) {
      if (!siteModel) return;
      const exported = createOrgExport(siteModel, context.siteConfig.url + context.siteConfig.baseUrl);
      await writeFile(path.join(outDir, 'org.json'), `${JSON.stringify(exported, null, 2)}\n`);
      await writeFile(path.join(outDir, 'org.mmd'), toMermaidSource(siteModel));
    },
  };
}

function joinWithDocs(graph: OrgGraph, docs: DocsContent, options: OrgPluginOptions): OrgSiteModel {
  const docBySource = new Map(
    docs.loadedVersions.flatMap((version) => version.docs).map((doc) => [doc.source.replace(/^@site\//, ''), doc]),
  );
  const permalinks = new Map<string, string>();
  const unitBySource = new Map<string, string>();
  const missing: OrgProblem[] = [];
  const withDocTitle = (unit: OrgUnit): OrgUnit => {
    const doc = docBySource.get(unit.source);
    if (!doc) {
      missing.push({file: unit.source, line: 1, column: 1, message: `unit "${unit.id}" has no published page (is it a draft?)`});
      return unit;
    }
    permalinks.set(unit.id, doc.permalink);
    unitBySource.set(unit.source, unit.id);
    // The docs plugin decides the title shown everywhere; use exactly its.
    return {...unit, title: doc.title, name: unit.org.name ?? doc.title, ...(doc.description ? {description: doc.description} : {})};
  };
  const units = new Map([...graph.units].map(([id, unit]) => [id, withDocTitle(unit)]));
  const retired = graph.retired.map(withDocTitle);
  if (missing.length > 0) throw new OrgContentError(missing);
  return {
    graph: {...graph, units, retired},
    permalinks,
    unitBySource,
    review: {today: new Date().toISOString().slice(0, 10), maxAgeDays: options.reviewMaxAgeDays},
  };
}
