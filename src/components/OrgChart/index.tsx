/**
 * Draws chart props computed at build time (src/org/chart.ts): no layout and
 * no graph work happens here, so the SVG in the server-rendered HTML is final.
 * Colours come from CSS variables (styles.module.css); the presentation
 * attributes repeat the light theme so that a downloaded SVG renders alone.
 *
 * Both layouts are in the HTML, each in its own frame, and CSS container
 * queries show the one that suits the width the chart gets: the wide one when
 * it fits (or from 600 px on, scrolling if it must), else the narrow one, an
 * indented tree that opens at the top of the chart. No script decides, so a
 * phone gets its layout before anything loads, and with JavaScript off.
 */
// Chart nodes link without viewport prefetching: a chart shows many units at once.
import Link from '@site/src/components/QuietLink';
import type {ReactNode} from 'react';
import type {ChartNode, ChartOutline, OrgChartData} from '@site/src/org/chart';
import styles from './styles.module.css';

const LINE = '#57606a';
const RELATION = '#9a3412';

/** Container widths at which a wide chart of up to that width (plus its frame) replaces the narrow one; see styles.module.css. */
const FITS = [320, 360, 400, 440, 480, 520, 560] as const;
/** From this container width on, the wide layout shows whatever its width (its frame scrolls). */
const WIDE_FROM = 600;

/** The line a unit draws when none of its reports is drawn (`ChartNode.below`): "83 units below". */
const belowText = (count: number) => `${count} unit${count === 1 ? '' : 's'} below`;

export interface OrgChartProps {
  chart?: OrgChartData;
  /** Names the figure (default: the chart's own label); read by screen readers and shown under the chart. */
  caption?: string;
  /** Controls shown under the chart (the landing chart gets its download and copy buttons here). */
  children?: ReactNode;
}

export default function OrgChart({chart, caption: captionProp, children}: OrgChartProps) {
  if (!chart?.nodes) return null;
  const {nodes, edges, kinds, nodeWidth: w} = chart;
  // Props written by an older build may lack these; a chart then draws every line solid and every box plain.
  const lines = chart.lines ?? {};
  const kindStyles = chart.kindStyles ?? {};
  const dashOf = (type: string) => lines[type]?.dash;
  /** Legend entries in the order lines first appear; relation types sharing a legend share an entry. */
  const legend = [...new Map(edges.map((edge) => [edge.type === 'reports' ? 'Reporting line' : (lines[edge.type]?.legend ?? edge.type), edge.type])).entries()];
  const caption = captionProp ?? chart.label;
  const kindOf = (node: ChartNode) => (node.kind ? `${kinds[node.kind] ?? node.kind}${node.vacant ? ', vacant' : ''}` : '');
  /** The kind in lower case, then how many units are below the node when it counts them: for names read aloud and the text version. */
  const aboutOf = (node: ChartNode) => `${kindOf(node).toLowerCase()}${node.below ? `, ${belowText(node.below)}` : ''}`;
  const relations = edges.filter((edge) => edge.type !== 'reports');

  const item = ([index, reports]: ChartOutline) => {
    const node = nodes[index]!;
    return (
      <li key={index}>
        <Link to={node.href}>{node.name}</Link>
        {node.kind && ` (${aboutOf(node)})`}
        {reports && <ul>{reports.map(item)}</ul>}
      </li>
    );
  };

  /** One layout as an SVG: the nodes at `at(index)`, the lines along `paths`. */
  const drawing = (layout: 'wide' | 'narrow', width: number, height: number, at: (index: number) => [number, number], paths: readonly string[]) => (
    <div className={`${styles.frame} ${styles[layout]}`}>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        role="group"
        aria-label={caption}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        fontFamily="system-ui, sans-serif"
        fontSize={13}>
        <g fill="none" strokeWidth={1.5}>
          {edges.map((edge, index) => (
            <path
              key={index}
              className={edge.type === 'reports' ? styles.line : styles.relation}
              d={paths[index]}
              stroke={edge.type === 'reports' ? LINE : RELATION}
              strokeDasharray={dashOf(edge.type)}
            />
          ))}
        </g>
        {nodes.map((node, index) => {
          const [x, y] = at(index);
          const cx = x + w / 2;
          return (
            <Link
              key={node.id}
              to={node.href}
              className={`${styles.node} ${node.current ? styles.current : ''} ${node.vacant ? styles.vacant : ''} ${node.count ? styles.count : ''}`}
              data-kind={node.kind}
              data-style={node.kind ? kindStyles[node.kind] : undefined}
              aria-label={node.kind ? `${node.name}, ${aboutOf(node)}` : node.name}
              aria-current={node.current ? 'page' : undefined}>
              <title>{node.kind ? `${node.name} (${kindOf(node)})${node.below ? `, ${belowText(node.below)}` : ''}` : node.name}</title>
              <rect
                x={x}
                y={y}
                width={w}
                height={node.h}
                rx={node.count ? 16 : 6}
                fill={node.current ? '#e8f0fe' : '#fff'}
                stroke={LINE}
                strokeWidth={node.current ? 3 : 1}
                strokeDasharray={node.vacant ? '5 3' : undefined}
              />
              <text x={cx} y={y + 20} textAnchor="middle" fill="#1c1e21" fontWeight={node.count ? 600 : undefined}>
                {(node.lines ?? [node.name]).map((line, lineIndex) => (
                  <tspan key={lineIndex} x={cx} dy={lineIndex ? 16 : 0}>
                    {line}
                  </tspan>
                ))}
              </text>
              {node.kind && (
                <text className={styles.kind} x={cx} y={y + node.h - (node.below ? 24 : 10)} textAnchor="middle" fill="#4b5563" fontSize={11}>
                  {kindOf(node).replace(', vacant', ' (vacant)')}
                </text>
              )}
              {node.below !== undefined && (
                <text className={styles.below} x={cx} y={y + node.h - 10} textAnchor="middle" fill="#4b5563" fontSize={11}>
                  {belowText(node.below)}
                </text>
              )}
            </Link>
          );
        })}
      </svg>
    </div>
  );
  // The smallest container width at which the wide layout fits whole (none: it waits for WIDE_FROM).
  const fit = FITS.find((width) => chart.width + 2 <= width);
  const narrow = chart.narrow;

  return (
    <figure className={`${styles.chart} ${fit ? styles[`fit${fit}`] : ''}`}>
      {drawing('wide', chart.width, chart.height, (index) => [nodes[index]!.x, nodes[index]!.y], edges.map((edge) => edge.d))}
      {narrow && drawing('narrow', narrow.width, narrow.height, (index) => narrow.at[index]!, narrow.d)}
      <figcaption className={styles.caption}>
        {caption}
        {/* Only a wide layout that can show wider than its frame needs the hint. */}
        {chart.width + 2 > WIDE_FROM && <span className={styles.scrollHint}> (scroll sideways to see all of it)</span>}
      </figcaption>
      <ul className={styles.legend} aria-label="Legend">
        {legend.map(([label, type]) => (
          <li key={label}>
            <svg width="32" height="8" aria-hidden="true">
              <path className={type === 'reports' ? styles.line : styles.relation} d="M0 4H32" stroke={type === 'reports' ? LINE : RELATION} strokeWidth={1.5} strokeDasharray={dashOf(type)} />
            </svg>
            {label}
          </li>
        ))}
        {nodes.some((node) => node.vacant) && (
          <li>
            <svg width="32" height="12" aria-hidden="true">
              <rect className={styles.sample} x="1" y="1" width="30" height="10" rx="2" fill="none" stroke={LINE} strokeDasharray="5 3" />
            </svg>
            Vacant
          </li>
        )}
      </ul>
      <details className={styles.text}>
        <summary>Text version</summary>
        <ul>{item(chart.outline)}</ul>
        {relations.length > 0 && (
          <ul aria-label="Other relations">
            {relations.map((edge, index) => (
              <li key={index}>
                {nodes[edge.from]!.name} {lines[edge.type]?.verb ?? edge.type} {nodes[edge.to]!.name}
              </li>
            ))}
          </ul>
        )}
      </details>
      {children && <div className={styles.actions}>{children}</div>}
    </figure>
  );
}
