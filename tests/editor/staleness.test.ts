/** Ownership and freshness: which units are due for review, from fixture dates. */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {describePlace, isReviewOverdue, staleUnits, unreviewedUnits, type ReviewPolicy} from '@site/src/org/derive';
import {buildOrgGraph} from '@site/src/org/graph';
import {parsePage} from '@site/src/org/load';
import {REPO} from './support';
import {handbookVocabulary} from '../support/vocabulary';

function page(id: string, kind: string, extra: string[] = []): [string, string] {
  return [`docs/${id}.md`, ['---', `title: ${id}`, 'org:', `  id: ${id}`, `  kind: ${kind}`, ...extra.map((line) => `  ${line}`), '---', '', `About ${id}.`, ''].join('\n')];
}

const fixture = [
  page('org', 'organization', ['reviewed: 2026-06-01']),
  page('director', 'role', ['reportsTo: org', 'maintainers: ["@ada"]', 'reviewed: 2025-11-25']),
  page('finance', 'area', ['reportsTo: director', 'maintainers: ["@grace", "@linus"]', 'reviewed: 2025-11-24']),
  page('research', 'area', ['reportsTo: director', 'reviewed: 2023-02-28']),
  page('support', 'area', ['reportsTo: director', 'maintainers: ["@ken"]']),
  page('archive', 'area', ['reportsTo: director', 'reviewed: 2020-01-01', 'retired: {on: 2024-01-01}']),
];
const {graph, problems} = buildOrgGraph(
  fixture.map(([source, text]) => parsePage(source, text, handbookVocabulary).unit!),
  handbookVocabulary,
);
const policy: ReviewPolicy = {today: '2026-11-25', maxAgeDays: 365};
const ids = (units: ReadonlyArray<{id: string}>) => units.map((unit) => unit.id);

describe('review freshness', () => {
  it('the fixture is a valid organization', () => {
    expect(problems).toEqual([]);
  });

  it('lists units reviewed more than maxAgeDays ago, oldest first (retired units are not listed)', () => {
    expect(ids(staleUnits(graph!, policy))).toEqual(['research', 'finance']);
  });

  it('counts exactly maxAgeDays as still fresh, one day more as overdue', () => {
    const unit = (id: string) => graph!.units.get(id)!;
    expect(isReviewOverdue(unit('director'), policy)).toBe(false); // 365 days
    expect(isReviewOverdue(unit('finance'), policy)).toBe(true); // 366 days
    expect(isReviewOverdue(unit('support'), policy)).toBe(false); // never reviewed: listed separately
  });

  it('follows the configured age', () => {
    expect(ids(staleUnits(graph!, {today: '2026-11-25', maxAgeDays: 90}))).toEqual(['research', 'finance', 'director', 'org']);
    expect(ids(staleUnits(graph!, {today: '2026-11-25', maxAgeDays: 3650}))).toEqual([]);
  });

  it('lists units that were never reviewed', () => {
    expect(ids(unreviewedUnits(graph!))).toEqual(['support']);
  });

  it('shows maintainers, the review date and the overdue flag in the unit\'s place block', () => {
    const place = describePlace(graph!, 'finance', (id) => `/${id}`, policy);
    expect(place).toMatchObject({maintainers: ['@grace', '@linus'], reviewed: '2025-11-24', reviewOverdue: true});
    expect(describePlace(graph!, 'director', (id) => `/${id}`, policy).reviewOverdue).toBeUndefined();
  });

  it('has a handbook page that lists the units due for review', async () => {
    const text = await readFile(path.join(REPO, 'docs/guide/review-status.md'), 'utf8');
    expect(text).toMatch(/^title: Pages due for review$/m);
    expect(text).toContain('<StaleUnits />');
    expect(parsePage('docs/guide/review-status.md', text, handbookVocabulary).page.hasOrg).toBe(false);
  });
});
