/**
 * The same-content baseline writes ours' org content into plain's Markdown:
 * each view where ours draws it, as raw HTML in a CommonMark page.
 */
import {describe, expect, it} from 'vitest';
import {pageWithContent} from '@site/scripts/bench/lib/same-content';

const page = `---
title: Engineering
org:
  id: engineering
---

Engineering keeps the platform running.

More about it.

<OrgChart />

We have <UnitCount kind="team" /> teams.

<UnitList kind="team" />
`;

const views = [
  {source: 'docs/engineering.md', view: 'place', html: '<section>Reports to <a href="/history/changes#c-1">changed</a> <a href=/governance/ed>ED</a></section>'},
  {source: 'docs/engineering.md', view: 'OrgChart()', html: '<figure>chart</figure>'},
  {source: 'docs/engineering.md', view: 'UnitList(kind="team")', html: '<ul><li>Team</li></ul>'},
];

describe('pageWithContent', () => {
  it('writes each view where ours draws it, in a CommonMark page', () => {
    const text = pageWithContent(page, views)!;
    expect(text.startsWith('---\nmdx:\n  format: md\ntitle: Engineering\n')).toBe(true);
    const order = ['Engineering keeps', '## Place in the organization', '<section>', 'More about it.', '<div><figure>chart</figure></div>', 'several teams', '<div><ul><li>Team</li></ul></div>'];
    const positions = order.map((text_) => text.indexOf(text_));
    expect(positions.every((position) => position >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toMatch(/<(OrgChart|UnitList|UnitCount)\b/);
  });

  it('turns links to what only the org plugin publishes into addresses outside the broken-link check', () => {
    const text = pageWithContent(page, views)!;
    expect(text).toContain('href="pathname:///history/changes#c-1"');
    expect(text).toContain('href=/governance/ed');
  });

  it('gives up on a page whose directives and views do not match one to one', () => {
    expect(pageWithContent(page, views.slice(0, 2))).toBeUndefined();
  });
});
