/** `/org.mmd`: the whole structure as Mermaid source, uncollapsed, for other tools. */
import {createChartData} from './chart';
import {toMermaid} from './mermaid';
import {hrefResolver, type OrgSiteModel} from './site-model';

export function toMermaidSource(model: OrgSiteModel): string {
  const chart = createChartData(model.graph, {hrefOf: hrefResolver(model), variant: 'full', maxNodes: Number.MAX_SAFE_INTEGER});
  return `${toMermaid(chart)}\n`;
}
