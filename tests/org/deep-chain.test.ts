/**
 * A reporting line 12,000 units deep goes through graph → derive → export
 * without a stack overflow, and what a page or an export entry carries about
 * the line stays bounded: parent links, not copies of the whole chain.
 */
import {describe, expect, it} from 'vitest';
import {CHAIN_NEAREST_SHOWN, CHAIN_SHOWN_MAX, chainOf, describePlace, reportingLineOf} from '@site/src/org/derive';
import {createOrgExport} from '@site/src/org/export';
import {buildOrgGraph, type OrgGraph} from '@site/src/org/graph';
import type {LoadedUnit} from '@site/src/org/load';
import type {OrgSiteModel} from '@site/src/org/site-model';
import {unit} from '@site/tests/fixtures/chart/generate';
import {acmeVocabulary} from '@site/tests/support/vocabulary';

const DEPTH = 12_000;
const review = {today: '2026-01-01', maxAgeDays: 365};

/** org → a0 → a1 → … → a11999, plus a team under a0 drawing on the deepest area. */
function deepChain(depth: number, edit: (units: LoadedUnit[]) => void = () => {}): LoadedUnit[] {
  const units: LoadedUnit[] = [unit({id: 'org', kind: 'company', name: 'Org'})];
  for (let index = 0; index < depth; index += 1) {
    units.push(unit({id: `a${index}`, kind: 'department', name: `Area ${index}`, reportsTo: index === 0 ? 'org' : `a${index - 1}`}));
  }
  units.push(unit({id: 'team', kind: 'guild', name: 'Team', members: [`a${depth - 1}`]}));
  edit(units);
  return units;
}

function siteModel(graph: OrgGraph): OrgSiteModel {
  const permalinks = new Map([...graph.units.keys()].map((id) => [id, `/units/${id}`]));
  return {graph, permalinks, unitBySource: new Map([...graph.units.values()].map((u) => [u.source, u.id])), review};
}

describe(`a ${DEPTH}-deep reporting chain`, () => {
  it('builds, describes every page and exports without recursion, each with bounded data', {timeout: 60_000}, () => {
    const {graph, problems} = buildOrgGraph(deepChain(DEPTH), acmeVocabulary);
    expect(problems).toEqual([]);
    expect(graph!.depth.get(`a${DEPTH - 1}`)).toBe(DEPTH);

    const hrefOf = (id: string) => `/units/${id}`;
    let largestPlace = 0;
    for (const id of graph!.units.keys()) {
      const place = describePlace(graph!, id, hrefOf, review);
      expect(place.chain.length).toBeLessThanOrEqual(CHAIN_SHOWN_MAX);
      largestPlace = Math.max(largestPlace, JSON.stringify(place).length);
    }
    // A page's facts about its line are the same size at depth 12,000 as at depth 5.
    expect(largestPlace).toBeLessThan(1_000);

    const deepest = describePlace(graph!, `a${DEPTH - 1}`, hrefOf, review);
    expect(deepest.chain.map((ref) => ref.name)).toEqual(['Org', `Area ${DEPTH - 4}`, `Area ${DEPTH - 3}`, `Area ${DEPTH - 2}`]);
    expect(deepest.chainOmitted).toBe(DEPTH - 1 - CHAIN_NEAREST_SHOWN);

    const exported = createOrgExport(siteModel(graph!), 'https://handbook.example.org/');
    expect(exported.units.map((entry) => entry.id).slice(0, 3)).toEqual(['org', 'a0', 'a1']);
    expect(exported.units.find((entry) => entry.id === `a${DEPTH - 1}`)).toMatchObject({reportsTo: `a${DEPTH - 2}`, depth: DEPTH});
    expect(exported.units.every((entry) => !('chain' in entry))).toBe(true);
    // Linear in the number of units: no entry holds the line above it.
    const perUnit = JSON.stringify(exported).length / exported.units.length;
    expect(perUnit).toBeLessThan(600);
  });

  it('names a long cycle and every cut-off unit in one bounded line each', {timeout: 60_000}, () => {
    // a0 reports to the deepest area: a cycle of 12,000 units; nothing under org any more.
    const cycle = buildOrgGraph(
      deepChain(DEPTH, (units) => {
        units[1] = unit({id: 'a0', kind: 'department', name: 'Area 0', reportsTo: `a${DEPTH - 1}`});
      }), acmeVocabulary);
    expect(cycle.graph).toBeUndefined();
    const cycleMessages = cycle.problems.map((problem) => problem.message);
    expect(cycleMessages).toEqual([`reporting cycle: a0 → a${DEPTH - 1} → a${DEPTH - 2} → a${DEPTH - 3} → a${DEPTH - 4} → … (${DEPTH - 5} more) → a0`]);

    // a5000 reports to an id that does not exist: everything below it is cut off.
    const broken = buildOrgGraph(
      deepChain(DEPTH, (units) => {
        units[5001] = unit({id: 'a5000', kind: 'department', name: 'Area 5000', reportsTo: 'nowhere'});
      }), acmeVocabulary);
    const messages = broken.problems.map((problem) => problem.message);
    expect(messages[0]).toMatch(/^unknown unit "nowhere"/);
    expect(messages).toContain('"a5001" is cut off from the top: its chain a5001 → a5000 never reaches "org"');
    expect(messages).toContain(
      `"a${DEPTH - 1}" is cut off from the top: its chain a${DEPTH - 1} → a${DEPTH - 2} → a${DEPTH - 3} → a${DEPTH - 4} → a${DEPTH - 5} → a${DEPTH - 6} → … (${DEPTH - 1 - 5000 - 6} more) → a5000 never reaches "org"`,
    );
    expect(Math.max(...messages.map((message) => message.length))).toBeLessThan(200);
  });

  it('states short lines in full and long ones as the top, a count and the nearest managers', () => {
    const {graph} = buildOrgGraph(deepChain(12), acmeVocabulary);
    for (let index = 0; index < 12; index += 1) {
      const full = chainOf(graph!, `a${index}`).map((manager) => manager.id);
      const line = reportingLineOf(graph!, `a${index}`);
      const shown = line.shown.map((manager) => manager.id);
      if (full.length <= CHAIN_SHOWN_MAX) {
        expect(shown).toEqual(full);
        expect(line.omitted).toBe(0);
      } else {
        expect(shown).toEqual([full[0], ...full.slice(-CHAIN_NEAREST_SHOWN)]);
        expect(line.omitted).toBe(full.length - shown.length);
      }
    }
    expect(reportingLineOf(graph!, 'org')).toEqual({shown: [], omitted: 0});
  });
});
