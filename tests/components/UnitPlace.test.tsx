import {renderToStaticMarkup} from 'react-dom/server';
import {beforeEach, describe, expect, it} from 'vitest';
import QuietLink from '@site/src/components/QuietLink';
import UnitPlace from '@site/src/components/UnitPlace';
import {collectedLinks} from '@site/tests/stubs/useBrokenLinks';

describe('<QuietLink />', () => {
  beforeEach(() => {
    collectedLinks.length = 0;
  });

  it('renders a plain link and hands its target to the broken-link check', () => {
    const html = renderToStaticMarkup(<QuietLink to="/teams/area-leads" className="x">Area leads</QuietLink>);
    expect(html).toBe('<a href="/teams/area-leads" class="x">Area leads</a>');
    expect(collectedLinks).toEqual(['/teams/area-leads']);
  });

  it('is what the Place block uses for every unit it names', () => {
    const unit = (name: string, href: string) => ({name, href, kind: 'Functional area'});
    renderToStaticMarkup(
      <UnitPlace
        place={{
          kind: 'Functional area',
          chain: [unit('2i2c', '/'), unit('Executive Director', '/governance/executive-director')],
          directReports: [],
          memberOf: [unit('Area leads', '/teams/area-leads')],
          members: [],
          relations: [],
          roles: [],
          contacts: [],
        }}
      />,
    );
    expect(collectedLinks).toEqual(['/governance/executive-director', '/teams/area-leads']);
  });
});

describe('<UnitPlace />', () => {
  const unit = (name: string, href: string) => ({name, href, kind: 'Functional area'});
  const base = {
    kind: 'Functional area',
    chain: [unit('2i2c', '/'), unit('Executive Director', '/governance/executive-director')],
    directReports: [],
    memberOf: [],
    members: [],
    relations: [],
    roles: [],
    contacts: [],
  };

  it('says a unit with a manager has no direct reports', () => {
    expect(renderToStaticMarkup(<UnitPlace place={base} />)).toMatch(/<dt>Direct reports<\/dt><dd><span class="[^"]*none[^"]*">None<\/span><\/dd>/);
  });

  it('states a long reporting line as its top, how many are left out, and the nearest managers', () => {
    const html = renderToStaticMarkup(
      <UnitPlace
        place={{
          ...base,
          chain: [unit('2i2c', '/'), unit('Area 1996', '/a/1996'), unit('Area 1997', '/a/1997'), unit('Area 1998', '/a/1998')],
          chainOmitted: 1996,
        }}
      />,
    );
    expect(html).toContain('<a href="/a/1998">Area 1998</a>');
    expect(html).toContain('(chain: 2i2c › … 1996 more … › Area 1996 › Area 1997 › Area 1998)');
  });

  it('links only addresses the check allows, and shows any other as plain text', () => {
    const html = renderToStaticMarkup(
      <UnitPlace
        place={{
          ...base,
          contacts: [{type: 'Chat', label: 'Forum', url: 'https://forum.example.org'}],
          roles: [{title: 'Member', holders: [], listedAt: {label: 'Members', url: 'javascript:alert(1)'}}],
        }}
      />,
    );
    expect(html).toContain('<dt>Chat</dt><dd><a href="https://forum.example.org">Forum</a></dd>');
    expect(html).toContain('<dt>Member</dt><dd>listed on Members</dd>');
    expect(html).not.toContain('javascript:');
  });

  it('states every role with its holders, vacancy and past holders, and every contact with its schedule, in the page HTML', () => {
    const html = renderToStaticMarkup(
      <UnitPlace
        place={{
          ...base,
          roles: [
            {title: 'Co-chairs', role: 'Chair', holders: [{name: 'Ada Lovelace', url: 'https://example.org/ada'}, {name: 'Grace Hopper', handle: '@grace'}], past: [{name: 'Alan Turing', until: '2025-06-30'}]},
            {title: 'Treasurer', holders: [], vacant: true},
          ],
          contacts: [
            {type: 'Meeting', label: 'Weekly call', url: 'https://meet.example.org/x', schedule: 'Tuesdays 16:00 UTC'},
            {type: 'Mailing list', label: 'council@example.org', url: 'mailto:council@example.org'},
          ],
        }}
      />,
    );
    expect(html).toContain('<dt>Co-chairs (chair)</dt><dd><span><a href="https://example.org/ada">Ada Lovelace</a></span><span>, Grace Hopper<span');
    expect(html).toContain('(@grace)');
    expect(html).toContain('Alan Turing');
    expect(html).toContain(' until 2025-06-30');
    expect(html).toMatch(/<dt>Treasurer<\/dt><dd><strong[^>]*>vacant<\/strong><\/dd>/);
    expect(html).toMatch(/<dt>Meeting<\/dt><dd><a href="https:\/\/meet.example.org\/x">Weekly call<\/a><span[^>]*> \(Tuesdays 16:00 UTC\)<\/span><\/dd>/);
    expect(html).toContain('<dt>Mailing list</dt><dd><a href="mailto:council@example.org">council@example.org</a></dd>');
  });

  it('lists where a team draws its members from instead of an empty "Direct reports"', () => {
    const html = renderToStaticMarkup(
      <UnitPlace place={{...base, kind: 'Cross-functional team', members: [unit('Product', '/functional-areas/product')]}} />,
    );
    expect(html).not.toContain('Direct reports');
    expect(html).toContain('<dt>Members come from</dt><dd><a href="/functional-areas/product">Product</a></dd>');
  });
});

describe('<UnitPlace /> as a target of the chart’s "+N" links', () => {
  const unit = (name: string, href: string) => ({name, href, kind: 'Functional area'});

  it('gives the direct reports and a team’s members ids, and registers them with the broken-anchor check', async () => {
    const {collectedAnchors} = await import('@site/tests/stubs/useBrokenLinks');
    collectedAnchors.length = 0;
    const html = renderToStaticMarkup(
      <UnitPlace
        place={{
          kind: 'Functional area',
          chain: [unit('2i2c', '/')],
          directReports: [unit('A', '/a'), unit('B', '/b')],
          memberOf: [],
          members: [unit('C', '/c')],
          relations: [],
          roles: [],
          contacts: [],
        }}
      />,
    );
    expect(html).toMatch(/<div[^>]*id="direct-reports"[^>]*><dt>Direct reports<\/dt>/);
    expect(html).toMatch(/<div[^>]*id="members"[^>]*><dt>Members come from<\/dt>/);
    expect(collectedAnchors).toEqual(['direct-reports', 'members']);
  });
});
