import {describe, expect, it} from 'vitest';
import {checkContentTree} from '@site/packages/org-handbook/src/plugin/content';
import {formatProblem, formatProblems} from '@site/packages/org-handbook/src/org/problems';
import {contentTree} from '@site/tests/support/content-tree';

async function problemsOf(overlay?: string): Promise<string[]> {
  const result = await checkContentTree(await contentTree(overlay));
  return result.problems.map(formatProblem);
}

describe('checkContentTree on fixture trees', () => {
  it('accepts the valid tree and builds its graph', async () => {
    const result = await checkContentTree(await contentTree());
    expect(result.problems).toEqual([]);
    expect(result.graph?.rootId).toBe('example');
    expect([...result.graph!.units.keys()].sort()).toEqual(
      ['board', 'delivery', 'director', 'engineering', 'example', 'product', 'recruiter', 'sponsor'],
    );
    // The team has no reporting line (its kind's reportsTo is empty): it joins through its members.
    expect(result.graph!.children.get('director')).toEqual(['engineering', 'product']);
    expect(result.graph!.joinedAt.get('delivery')).toBe('director');
    expect(result.graph!.memberOf.get('engineering')).toEqual(['delivery']);
    expect(result.loaded.pages.map((page) => page.source)).toContain('docs/plain-page.md');
  });

  const cases: Array<[string, string[]]> = [
    ['unknown-reference', ['docs/areas/engineering.md:6:14: unknown unit "directr" (did you mean "director"?)']],
    [
      'duplicate-id',
      ['docs/areas/platform.md:4:7: duplicate unit id "engineering": already used by docs/areas/engineering.md:4:7'],
    ],
    ['cycle', ['docs/areas/product.md:6:14: reporting cycle: product → recruiter → product']],
    [
      'two-tops',
      [
        'docs/areas/engineering.md:4:3: "engineering" has no "reportsTo": an area reports to an organization, a council, a role or an area',
        'docs/other.md:4:3: "other" would be a second top beside "example" (docs/index.md): the handbook has exactly one organization',
      ],
    ],
    ['self-reference', ['docs/areas/engineering.md:6:14: "engineering" refers to itself']],
    [
      'kind-rules',
      [
        'docs/areas/engineering.md:6:14: an area cannot report to a team ("delivery"); it may report to organization, council, role or area',
        'docs/areas/engineering.md:7:12: only a team has "members"; an area shows its people through "reportsTo"',
        'docs/areas/engineering.md:8:11: only a role can be vacant; for an area, mark one of its "roles" as vacant instead',
        'docs/sponsor.md:6:14: a sponsor stands outside the organization\'s reporting lines; link it with "relations" instead',
        'docs/sponsor.md:8:13: a sponsor cannot have a "founded" relation; only institution units can',
        'docs/teams/delivery.md:6:22: "delivery" refers to itself',
        'docs/teams/delivery.md:6:32: a team\'s members must be area, role or council units; "sponsor" is a sponsor',
        'docs/teams/delivery.md:9:11: a "dotted-line" relation must point to council, role, area or team, not to a sponsor ("sponsor")',
      ],
    ],
    [
      'org-not-mapping',
      [
        'docs/areas/engineering.md:3:6: "org" must be a mapping of fields (id, kind, reportsTo, ...), not the text "engineering"',
        'docs/areas/product.md:8:31: unknown unit "engineering"',
        'docs/teams/delivery.md:6:13: unknown unit "engineering"',
      ],
    ],
    [
      'yaml-syntax',
      [
        // Only the first syntax error: the parser's next complaint about the same line is an echo of it.
        'docs/areas/engineering.md:5:9: YAML syntax error: Nested mappings are not allowed in compact mappings',
      ],
    ],
    [
      'schema',
      [
        'docs/areas/engineering.md:4:7: "org.id" must be lowercase letters, digits and single hyphens, such as "engineering"',
        'docs/areas/engineering.md:5:9: "org.kind" must be one of organization, sponsor, institution, council, role, area, team, not "aera" (did you mean "area"?)',
        'docs/areas/engineering.md:6:3: unknown field "org.reportTo" (did you mean "reportsTo"?)',
        'docs/areas/engineering.md:7:13: "org.reviewed" is not a real calendar date',
        'docs/areas/product.md:3:1: "org.id" is required',
        // A key of the contract before roles and contacts: what replaced it, where it stands.
        'docs/areas/product.md:6:3: "org.lead" is no longer a field: "lead" is now a role: write `roles: [{role: lead, title: "…", listedAt: {label: "…", url: "…"}}]` (or `holders`, or `vacant: true`)',
        'docs/areas/recruiter.md:6:14: unknown unit "product"',
        'docs/teams/delivery.md:6:13: unknown unit "engineering"',
        'docs/teams/delivery.md:6:26: unknown unit "product"',
      ],
    ],
    [
      'renamed',
      ['docs/teams/delivery.md:6:13: unknown unit "eng": it was renamed to "engineering" (docs/areas/engineering.md)'],
    ],
    [
      'external-unlinked',
      [
        'docs/founder.md:4:3: an institution must be linked to the organization: give it a relation (such as "sponsors" or "founded") or name it in another unit\'s relations',
      ],
    ],
  ];

  it.each(cases)('reports %s at the offending value', async (overlay, expected) => {
    expect(await problemsOf(overlay)).toEqual(expected);
  });

  it('reports every error of several files in one run, and no graph', async () => {
    const result = await checkContentTree(await contentTree('many'));
    expect(result.graph).toBeUndefined();
    expect(formatProblems(result.problems).split('\n')).toEqual([
      'docs/areas/engineering.md:6:14: unknown unit "direktor" (did you mean "director"?)',
      'docs/areas/recruiter.md:7:11: "org.vacant" must be true or false',
      'docs/broken.md:2:8: YAML syntax error: the quoted text that starts here is never closed (Missing closing "quote)',
      'docs/teams/delivery.md:6:26: unknown unit "prodct" (did you mean "product"?)',
      '4 problems in 4 files',
    ]);
  });

  it('does not repeat a broken page as an unknown unit elsewhere', async () => {
    const problems = await problemsOf('yaml-syntax');
    expect(problems.some((line) => line.includes('unknown unit "engineering"'))).toBe(false);
  });
});
