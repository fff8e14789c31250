import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import OrgChart from '@site/packages/org-handbook/src/theme/OrgChart';
import OrgChartActions from '@site/packages/org-handbook/src/theme/OrgChart/Actions';
import {createChartData, type OrgChartData} from '@site/packages/org-handbook/src/org/chart';
import {handbookGraph, hrefOf} from '@site/tests/fixtures/chart/handbook';
import {HOSTILE_NAMES, hostileGraph} from '@site/tests/fixtures/chart/hostile';
import {fixtureChart} from '@site/tests/fixtures/chart/props';

const render = (chart?: OrgChartData, caption?: string) => renderToStaticMarkup(<OrgChart chart={chart} caption={caption} />);

/** The markup of each node link inside the SVG. */
function nodeLinks(html: string): string[] {
  const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
  return svg.match(/<a [^>]*>[\s\S]*?<\/a>/g) ?? [];
}

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

describe('<OrgChart />', () => {
  it('renders nothing without props', () => {
    expect(render(undefined)).toBe('');
    expect(render({} as OrgChartData)).toBe('');
  });

  it('draws the SVG with a link per node, named for screen readers, with a tooltip', () => {
    const html = render(fixtureChart);
    expect(html).toContain('viewBox="0 0 600 320"');
    expect(html).toMatch(/<svg[^>]*role="group"[^>]*aria-label="Organization chart of &lt;Org&gt; &amp; &quot;Co&quot;"/);
    const links = nodeLinks(html);
    expect(links).toHaveLength(fixtureChart.nodes.length);
    expect(links.map((link) => attr(link, 'href'))).toEqual(fixtureChart.nodes.map((node) => node.href));
    expect(attr(links[2]!, 'aria-label')).toBe('فريق الهندسة, functional area');
    expect(attr(links[3]!, 'aria-label')).toBe('Community 🎉👩‍👩‍👧 Team, role, vacant');
    expect(attr(links[5]!, 'aria-label')).toBe('3 more units under &lt;Org&gt; &amp; &quot;Co&quot;');
    expect(links[4]).toContain(`<title>${fixtureChart.nodes[4]!.name} (Cross-functional team)</title>`);
    expect(links[4]).toContain('Extraordinarily Long…</tspan>');
    // Each drawn line is a tspan; the kind sits on the last line.
    expect(links[1]!.match(/<tspan/g)).toHaveLength(2);
    expect(links[3]).toContain('Role (vacant)</text>');
  });

  it('says inside a unit’s box how many units are below it when none of its reports is drawn', () => {
    const links = nodeLinks(render(fixtureChart));
    const script = fixtureChart.nodes[1]!;
    // One link, to the unit's page; the count read aloud, in the tooltip and drawn under the kind.
    expect(attr(links[1]!, 'href')).toBe('/docs/script');
    expect(links[1]!.match(/<a /g)).toHaveLength(1);
    expect(attr(links[1]!, 'aria-label')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;, functional area, 12 units below');
    expect(links[1]).toContain('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; (Functional area), 12 units below</title>');
    const texts = links[1]!.match(/<text [^>]*>[^<]*(?:<tspan[^>]*>[^<]*<\/tspan>[^<]*)*<\/text>/g)!;
    expect(texts).toHaveLength(3);
    expect(texts[1]).toContain(`y="${script.y + script.h - 24}"`);
    expect(texts[1]).toContain('>Functional area</text>');
    expect(texts[2]).toContain(`y="${script.y + script.h - 10}"`);
    expect(texts[2]).toMatch(/class="[^"]*below[^"]*"[^>]*>12 units below<\/text>/);
    // Units without a count keep the kind on the bottom line and say nothing more.
    expect(links[2]).toContain(`y="${fixtureChart.nodes[2]!.y + fixtureChart.nodes[2]!.h - 10}"`);
    expect(links[2]).not.toContain('below');
    expect(attr(links[2]!, 'aria-label')).toBe('فريق الهندسة, functional area');
    // One unit, singular.
    const one = {...fixtureChart, nodes: fixtureChart.nodes.map((node, index) => (index === 1 ? {...node, below: 1} : node))};
    expect(nodeLinks(render(one))[1]).toContain('>1 unit below</text>');
  });

  it('escapes every hostile name', () => {
    const html = render(fixtureChart);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<Org>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Sponsor&#x27;s &amp; &lt;Co&gt;');
    expect(html).toContain('فريق الهندسة');
    expect(html).toContain('👩‍👩‍👧');
    // Built from a hostile organization end to end, too.
    const built = render(createChartData(hostileGraph(), {hrefOf, variant: 'full'}));
    expect(built).not.toMatch(/<script|<b>|<Co>/);
    for (const name of Object.values(HOSTILE_NAMES)) {
      const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
      expect(built).toContain(`<title>${escaped} (`);
    }
  });

  it('marks the current unit and vacant roles in more than colour', () => {
    const links = nodeLinks(render(fixtureChart));
    expect(links[2]).toContain('aria-current="page"');
    expect(links.filter((link) => link.includes('aria-current'))).toHaveLength(1);
    expect(links[3]).toMatch(/<rect[^>]*stroke-dasharray="5 3"/);
    expect(links[2]).toMatch(/<rect[^>]*stroke-width="3"/);
  });

  it('gives every line a style by type, with presentation attributes for a standalone file', () => {
    const html = render(fixtureChart);
    const paths = html.slice(html.indexOf('<svg'), html.indexOf('</svg>')).match(/<path [^>]*>/g)!;
    expect(paths).toHaveLength(fixtureChart.edges.length);
    const dashOf = new Map(fixtureChart.edges.map((edge, index) => [edge.type, attr(paths[index]!, 'stroke-dasharray')]));
    expect(dashOf.get('reports')).toBeUndefined();
    expect(new Set(['member', 'dotted-line', 'sponsors', 'founded'].map((type) => dashOf.get(type as never))).size).toBe(4);
    expect(dashOf.get('sponsors')).toBe(dashOf.get('interface')); // the legend's "sponsorship or interface"
    for (const path of paths) expect(path).toMatch(/stroke="#[0-9a-f]{6}"/);
    expect(html).toMatch(/<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(html).toMatch(/<svg[^>]*font-family=/);
  });

  it('has a legend of the line styles in use', () => {
    const html = render(fixtureChart);
    const legend = html.slice(html.indexOf('aria-label="Legend"'), html.indexOf('</ul>', html.indexOf('aria-label="Legend"')));
    for (const label of ['Reporting line', 'Membership', 'Dotted line', 'Sponsorship or interface', 'History (founded)', 'Vacant']) {
      expect(legend).toContain(label);
    }
    const small = render(createChartData(handbookGraph(), {hrefOf, variant: 'neighbourhood', highlight: 'steering-council'}));
    expect(small).toContain('Reporting line');
    expect(small).not.toContain('Dotted line');
    expect(small).not.toContain('Vacant');
  });

  it('has a text version in a <details> toggle: nested reporting lines, then the other relations', () => {
    const html = render(fixtureChart);
    const text = html.slice(html.indexOf('<details'), html.indexOf('</details>'));
    expect(text).toContain('<summary>Text version</summary>');
    expect(text).toMatch(
      /<ul><li><a href="\/docs\/org">&lt;Org&gt; &amp; &quot;Co&quot;<\/a> \(organization\)<ul><li><a href="\/docs\/script">[^<]*<\/a> \(functional area, 12 units below\)<\/li>/,
    );
    expect(text).toContain('Community 🎉👩‍👩‍👧 Team</a> (role, vacant)');
    expect(text).toMatch(/<li><a href="\/docs\/org">3 more units under &lt;Org&gt; &amp; &quot;Co&quot;<\/a><\/li><\/ul><\/li><\/ul>/);
    expect(text).toContain(`${fixtureChart.nodes[4]!.name} draws members from &lt;script&gt;`);
    expect(text).toContain('Community 🎉👩‍👩‍👧 Team has a dotted line to فريق الهندسة');
    expect(text).toContain('Sponsor&#x27;s &amp; &lt;Co&gt; is the fiscal sponsor of &lt;Org&gt; &amp; &quot;Co&quot;');
    expect(text).toContain('فريق الهندسة is the primary interface to Sponsor');
  });

  it('renders the actions it is given disabled until hydrated, with a live status region and a plain file link', () => {
    const html = renderToStaticMarkup(
      <OrgChart chart={fixtureChart}>
        <OrgChartActions />
      </OrgChart>,
    );
    expect(html).toMatch(/<button type="button"[^>]*disabled=""[^>]*>Download SVG<\/button>/);
    expect(html).toMatch(/<button type="button"[^>]*disabled=""[^>]*>Copy as Mermaid<\/button>/);
    expect(html).toContain('<a href="/org.mmd" download="org.mmd">Mermaid file</a>');
    expect(html).toContain('<span role="status"></span>');
  });

  it('has no actions when given none, as on unit pages', () => {
    expect(render(fixtureChart)).not.toContain('<button');
  });

  it('uses the caption prop, else the chart’s label, as figure caption and accessible name', () => {
    expect(render(fixtureChart, 'Our structure')).toMatch(/aria-label="Our structure"[\s\S]*<figcaption[^>]*>Our structure<span[^>]*> \(scroll sideways to see all of it\)<\/span><\/figcaption>/);
    const html = render(createChartData(handbookGraph(), {hrefOf, variant: 'neighbourhood', highlight: 'engineering'}));
    expect(html).toMatch(/<figcaption[^>]*>Engineering in the organization<span/);
  });

  it('draws charts built from the organization: every node a link, every outline entry listed', () => {
    const chart = createChartData(handbookGraph(), {hrefOf, variant: 'full'});
    const html = render(chart);
    expect(nodeLinks(html)).toHaveLength(chart.nodes.length);
    const text = html.slice(html.indexOf('<details'));
    for (const id of ['2i2c', 'steering-council', 'executive-director', 'engineering', 'devrel']) expect(text).toContain(`href="${hrefOf(id)}"`);
    expect(text).not.toContain(`href="${hrefOf('css')}"`);
  });

  it('draws both layouts, the wide one first, each an SVG of the same links; the narrow one at its own positions', () => {
    const html = render(fixtureChart);
    const svgs = html.match(/<svg[^>]*role="group"[^>]*>[\s\S]*?<\/svg>/g)!;
    expect(svgs).toHaveLength(2);
    expect(svgs[0]).toContain('viewBox="0 0 600 320"');
    expect(svgs[1]).toContain('viewBox="0 0 300 440"');
    const hrefs = (svg: string) => (svg.match(/<a [^>]*>/g) ?? []).map((link) => attr(link, 'href'));
    expect(hrefs(svgs[1]!)).toEqual(hrefs(svgs[0]!));
    // The root's box, and its first line, where the narrow layout puts them.
    expect(svgs[1]).toMatch(/<rect x="8" y="62"/);
    expect(svgs[1]).toContain(`d="${fixtureChart.narrow.d[0]}"`);
    // Each in its frame, which CSS shows or hides; kinds are on the nodes for styling.
    expect(html).toMatch(/class="_frame_\w+ _wide_\w+"><svg/);
    expect(html).toMatch(/class="_frame_\w+ _narrow_\w+"><svg/);
    expect(html).toContain('data-kind="sponsor"');
  });

  it('says from which width the wide layout fits whole, so CSS can show it on a phone when it does', () => {
    const figureClass = (chart: OrgChartData) => /<figure class="([^"]*)"/.exec(render(chart))![1]!;
    expect(figureClass({...fixtureChart, width: 300})).toMatch(/fit320/);
    expect(figureClass({...fixtureChart, width: 500})).toMatch(/fit520/);
    // Wider than 558 px: no class, the narrow layout shows below 600 px (CSS's default).
    expect(figureClass({...fixtureChart, width: 600})).not.toMatch(/fit/);
    // Only a chart that can be wider than its frame says the frame scrolls.
    expect(render({...fixtureChart, width: 500})).not.toContain('scroll sideways');
  });
});

