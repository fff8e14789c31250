/** The real handbook: valid, and its derived facts are those of the seed text. */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {checkContentTree} from '@site/src/plugins/content';
import {chainOf, countInWords, selectUnits} from '@site/src/org/derive';

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('the real docs/', async () => {
  const result = await checkContentTree(siteDir);
  const graph = result.graph!;

  it('has no problems', () => {
    expect(result.problems).toEqual([]);
    expect(graph).toBeDefined();
  });

  it('has the organization at the top, governed by the Steering Council', () => {
    expect(graph.rootId).toBe('2i2c');
    expect(graph.units.get('steering-council')?.org.reportsTo).toBe('2i2c');
    expect(graph.units.get('executive-director')?.org.reportsTo).toBe('steering-council');
    expect(chainOf(graph, 'engineering').map((unit) => unit.id)).toEqual(['2i2c', 'steering-council', 'executive-director']);
  });

  it('has six functional areas, all reporting to the Executive Director', () => {
    const areas = selectUnits(graph, {kind: 'area'});
    expect(areas.map((unit) => unit.id)).toEqual(['engineering', 'product', 'community', 'partnerships', 'operations', 'administration']);
    expect(areas.every((unit) => unit.org.reportsTo === 'executive-director')).toBe(true);
    expect(countInWords(areas.length)).toBe('six');
  });

  it('has three cross-functional teams (not the "two" the seed text claims), with their member areas', () => {
    const teams = selectUnits(graph, {kind: 'team'});
    expect(countInWords(teams.length)).toBe('three');
    expect(Object.fromEntries(teams.map((team) => [team.id, team.org.members]))).toEqual({
      'area-leads': ['engineering', 'product', 'community', 'partnerships', 'operations', 'administration'],
      'product-and-engineering': ['product', 'engineering'],
      'community-and-partnerships': ['community', 'partnerships'],
    });
    expect(graph.memberOf.get('product')).toEqual(['area-leads', 'product-and-engineering']);
  });

  it('holds the relations that are not reporting lines as data', () => {
    expect(graph.relations).toEqual(
      expect.arrayContaining([
        {type: 'sponsors', from: 'code-for-science-and-society', to: '2i2c'},
        {type: 'interface', from: 'executive-director', to: 'code-for-science-and-society', note: 'administration'},
        {type: 'founded', from: 'international-computer-science-institute', to: '2i2c'},
      ]),
    );
    expect(graph.units.get('steering-council')?.org.contacts?.[0]).toMatchObject({type: 'mailing-list', label: expect.stringMatching(/Google group/)});
  });

  it('states no hand-typed count of teams or areas in any page', async () => {
    const {readFile} = await import('node:fs/promises');
    for (const page of result.loaded.pages) {
      const text = await readFile(path.join(siteDir, page.source), 'utf8');
      expect(text, page.source).not.toMatch(/(?<!\bthe\s)\b(two|three|four|five|six|seven)\s+(main\s+)?(functional\s+)?(areas|teams)\b/i);
    }
  });
});
