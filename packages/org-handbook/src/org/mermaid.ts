/**
 * Chart props → Mermaid flowchart source. Also runs in the browser (the
 * "Copy as Mermaid" button), so it stays tiny and imports no code.
 *
 * Escaping: every label is a quoted string in which anything but letters,
 * digits, marks and a few plain punctuation characters becomes a Mermaid
 * entity code (`#quot;`, `#60;`, `#128512;`), which Mermaid decodes only when
 * it draws the label. So no name can close the string, start markup, add a
 * statement or, with `:` and `;` encoded, trip Mermaid's style pre-processing.
 */
import type {ChartEdgeType, OrgChartData} from './chart';

const LINKS: Record<ChartEdgeType, string> = {
  reports: '-->',
  member: '--o|member|',
  'dotted-line': '-.->|dotted line|',
  sponsors: '==>|sponsors|',
  interface: '-.-o|interface|',
  founded: '==o|founded|',
};

const text = (value: string) =>
  value.replace(/[^\p{L}\p{N}\p{M} .,'()+\-_/?!*]/gu, (char) =>
    char === '"' ? '#quot;' : `#${char.codePointAt(0)};`,
  );

export function toMermaid(chart: OrgChartData): string {
  // Unit ids use single hyphens and "+N" nodes a double one (`x--more`), so the result stays unique;
  // the prefix keeps ids off Mermaid's keywords (`end`, `graph`...).
  const ids = chart.nodes.map((node) => `u_${node.id.replace(/\W/g, '_')}`);
  const lines = ['flowchart TD'];
  chart.nodes.forEach((node, index) => {
    const kind = node.kind ? `<br/>${text(chart.kinds[node.kind] ?? node.kind)}${node.vacant ? ' (vacant)' : ''}` : '';
    const style = node.current ? ':::current' : node.vacant ? ':::vacant' : '';
    lines.push(`  ${ids[index]}["${text(node.count === undefined ? node.name : node.lines?.[0] ?? '')}${kind}"]${style}`);
  });
  for (const edge of chart.edges) lines.push(`  ${ids[edge.from]} ${LINKS[edge.type]} ${ids[edge.to]}`);
  lines.push('  classDef vacant stroke-dasharray:5 3', '  classDef current stroke-width:3px');
  return `${lines.join('\n')}\n`;
}
