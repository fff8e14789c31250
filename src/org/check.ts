/** The whole check, as `npm run check` and the build both run it. */
import {buildOrgGraph, type OrgGraph} from './graph';
import {loadContentTree, type LoadResult} from './load';
import {sortProblems, type OrgProblem} from './problems';
import {checkRedirects} from './redirects';

export interface CheckResult {
  loaded: LoadResult;
  graph?: OrgGraph;
  problems: OrgProblem[];
}

export async function checkContentTree(siteDir: string, contentDir = 'docs'): Promise<CheckResult> {
  const loaded = await loadContentTree(siteDir, contentDir);
  const {graph, problems} = buildOrgGraph(loaded.units, loaded.unreadableIds);
  const all = sortProblems([...loaded.problems, ...problems, ...checkRedirects(loaded, contentDir)]);
  // A graph built from a tree with unreadable pages would silently lack those units.
  return all.length === 0 && graph ? {loaded, graph, problems: all} : {loaded, problems: all};
}
