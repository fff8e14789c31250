import {renderToStaticMarkup} from 'react-dom/server';
import {beforeEach, describe, expect, it} from 'vitest';
import QuietLink from '@site/packages/org-handbook/src/theme/QuietLink';
import StaticView from '@site/packages/org-handbook/src/theme/StaticView';
import LiveIsland from '@site/packages/org-handbook/src/theme/StaticView/LiveIsland';
import {collectedLinks} from '@site/tests/stubs/useBrokenLinks';

describe('<StaticView /> on the server', () => {
  beforeEach(() => {
    collectedLinks.length = 0;
  });

  it('renders the view inside one marked wrapper, so the browser can find its markup again', () => {
    const html = renderToStaticMarkup(
      <StaticView page="docs/functional-areas/engineering.md" view="place">
        <p>
          Reports to <QuietLink to="/governance/executive-director">Executive Director</QuietLink>
        </p>
      </StaticView>,
    );
    expect(html).toMatch(/^<div class="[^"]*" data-static-page="docs\/functional-areas\/engineering.md" data-static-view="place"><p>Reports to <a href="\/governance\/executive-director">Executive Director<\/a><\/p><\/div>$/);
  });

  it('hands every link of the view to the broken-link check', () => {
    renderToStaticMarkup(
      <StaticView page="docs/index.md" view="place">
        <QuietLink to="/teams/area-leads">Area leads</QuietLink>
        <QuietLink to="/functional-areas/product">Product</QuietLink>
      </StaticView>,
    );
    expect(collectedLinks).toEqual(['/teams/area-leads', '/functional-areas/product']);
  });

  it('puts the live part in a marked slot where the view places it', () => {
    const html = renderToStaticMarkup(
      <StaticView
        page="docs/index.md"
        view="OrgChart()"
        live={
          <LiveIsland>
            <button type="button">Download SVG</button>
          </LiveIsland>
        }
      >
        {(slot) => <figure>chart{slot}</figure>}
      </StaticView>,
    );
    expect(html).toMatch(/<figure>chart<div class="[^"]*" data-live-slot=""><button type="button">Download SVG<\/button><\/div><\/figure>/);
  });

  it('marks each view with its page and its name, as the browser looks them up', () => {
    const html = renderToStaticMarkup(
      <>
        <StaticView page="docs/index.md" view="place">
          one
        </StaticView>
        <StaticView page="docs/index.md" view={'UnitList(kind="area")'}>
          two
        </StaticView>
      </>,
    );
    const markers = [...html.matchAll(/data-static-page="([^"]+)" data-static-view="([^"]+)"/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(markers).toEqual(['docs/index.md place', 'docs/index.md UnitList(kind=&quot;area&quot;)']);
  });

  it('draws nothing but its marked wrapper when the view has no code to draw it', () => {
    const html = renderToStaticMarkup(<StaticView page="docs/index.md" view="place" />);
    expect(html).toMatch(/^<div class="[^"]*" data-static-page="docs\/index.md" data-static-view="place"><\/div>$/);
  });
});
