/**
 * Links in `org:` lead only where a click cannot run code, and free text has
 * an upper bound; both are refused at the offending value, with what is allowed.
 */
import {describe, expect, it} from 'vitest';
import {checkContentTree} from '@site/src/plugins/content';
import {formatProblem} from '@site/src/org/problems';
import {createOrgSchema, SAFE_URL_PATTERN} from '@site/src/org/schema';
import {contentTree} from '@site/tests/support/content-tree';
import {handbookVocabulary} from '@site/tests/support/vocabulary';

const orgFrontMatterSchema = createOrgSchema(handbookVocabulary);

const ALLOWED =
  'must be a web address starting with "https://" or "http://", a "mailto:" address, or a handbook path starting with "/" (such as "/about/people"); other kinds of address, such as "javascript:" or "data:", are refused because following them can run code';

async function problemsOf(overlay: string): Promise<string[]> {
  return (await checkContentTree(await contentTree(overlay))).problems.map(formatProblem);
}

describe('link addresses', () => {
  it('accepts https, http, mailto and handbook paths, and keeps them as written', async () => {
    const result = await checkContentTree(await contentTree('safe-urls'));
    expect(result.problems).toEqual([]);
    const org = (id: string) => result.graph!.units.get(id)!.org;
    expect(org('engineering').contacts?.[0]?.url).toBe('https://forum.example.org/c/engineering?tab=new#top');
    expect(org('engineering').roles?.[0]?.listedAt?.url).toBe('mailto:engineering@example.org');
    expect(org('product').contacts?.[0]?.url).toBe('http://wiki.example.org/product');
    expect(org('product').roles?.[0]?.listedAt?.url).toBe('/teams/delivery');
  });

  it('refuses javascript:, data:, other hosts disguised as paths and scheme-less addresses, at the value', async () => {
    expect(await problemsOf('unsafe-urls')).toEqual([
      `docs/areas/engineering.md:7:58: "org.contacts.0.url" ${ALLOWED}`,
      `docs/areas/engineering.md:8:63: "org.roles.0.listedAt.url" ${ALLOWED}`,
      `docs/areas/product.md:7:53: "org.contacts.0.url" ${ALLOWED}`,
      `docs/areas/product.md:8:68: "org.roles.0.listedAt.url" ${ALLOWED}`,
      `docs/teams/delivery.md:7:56: "org.contacts.0.url" ${ALLOWED}`,
      `docs/teams/delivery.md:8:60: "org.roles.0.listedAt.url" ${ALLOWED}`,
    ]);
  });

  // The same rule as a table, so that each address is tried alone (the fixtures hold two per page).
  const accepted = ['https://example.org', 'http://example.org/a?b=c#d', 'mailto:council@example.org', '/', '/teams/area-leads#lead'];
  const refused = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://example.org',
    '//evil.example.org',
    '/\\evil.example.org',
    'https:///no-host',
    'https://exa mple.org',
    'https://example.org/\u0000',
    '/teams/a\tb',
    'example.org',
  ];

  it.each(accepted)('accepts %j', (url) => {
    expect(SAFE_URL_PATTERN.test(url)).toBe(true);
    expect(orgFrontMatterSchema.safeParse({id: 'x', kind: 'area', contacts: [{type: 'chat', label: 'x', url}]}).success).toBe(true);
  });

  it.each(refused)('refuses %j', (url) => {
    expect(SAFE_URL_PATTERN.test(url)).toBe(false);
    const parsed = orgFrontMatterSchema.safeParse({id: 'x', kind: 'area', roles: [{role: 'member', listedAt: {label: 'x', url}}]});
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['roles.0.listedAt.url', ALLOWED]]);
  });
});

describe('text limits', () => {
  it('names the field, the limit and the length found, for names, labels, notes and titles used as names', async () => {
    expect(await problemsOf('too-long')).toEqual([
      'docs/areas/engineering.md:7:9: "org.name" must be at most 120 characters long, not 129',
      'docs/areas/engineering.md:8:66: "org.roles.0.holders.0.name" must be at most 120 characters long, not 121',
      'docs/areas/engineering.md:9:24: "org.maintainers.1" must be at most 120 characters long, not 125',
      'docs/areas/product.md:8:50: "org.relations.0.note" must be at most 300 characters long, not 311',
      'docs/areas/product.md:9:34: "org.contacts.0.label" must be at most 120 characters long, not 140',
      'docs/areas/product.md:9:183: "org.contacts.0.url" must be at most 2000 characters long, not 2020',
      'docs/teams/delivery.md:4:3: the page title is this unit\'s name and is 126 characters long; names may have at most 120: give the unit a shorter "org.name"',
    ]);
  });

  it('accepts text at the limit', () => {
    const parsed = orgFrontMatterSchema.safeParse({
      id: 'a'.repeat(64),
      kind: 'area',
      name: 'n'.repeat(120),
      relations: [{type: 'dotted-line', to: 'b', note: 'n'.repeat(300)}],
    });
    expect(parsed.success).toBe(true);
  });

  it('bounds unit ids too, since they become addresses', () => {
    const parsed = orgFrontMatterSchema.safeParse({id: 'a'.repeat(65), kind: 'area'});
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['must be at most 64 characters long, not 65']);
  });
});
