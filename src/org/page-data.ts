/**
 * Stage 4: everything one page shows about the organization, prepared before
 * any page is compiled: its "Place in the organization" block and the result
 * of each directive it uses. The plugin writes one such record per page, and
 * each page's compilation depends on its own record only, so an edit anywhere
 * recompiles exactly the pages whose facts changed. Pure.
 */
import {createChartData, type OrgChartData} from './chart';
import {countInWords, describePlace, selectUnits, staleUnits, unitRef, unreviewedUnits, type PlaceData} from './derive';
import {directiveSignature, type DirectiveUse} from './directives';
import type {OrgUnit} from './graph';
import type {UnitHistoryData} from './history/unit-history';
import {fieldReference, kindRulesReference} from './reference';
import {hrefResolver, type OrgSiteModel} from './site-model';

export interface ListedUnit {
  name: string;
  href: string;
  detail?: string;
}

export type DirectiveResult =
  | {type: 'text'; text: string}
  | {type: 'list'; items: ListedUnit[]}
  | {type: 'stale'; stale: ListedUnit[]; maxAgeDays: number; unreviewed: ListedUnit[]}
  | {type: 'retired'; items: ListedUnit[]}
  | {type: 'reference'; fields: string[][]; kinds: string[][]}
  | {type: 'chart'; chart: OrgChartData};

/** A unit's past, from git: drawn as one line of its Place block, every date linked to the timeline. */
export interface UnitPast {
  history: UnitHistoryData;
  timelinePath: string;
}

/** What the unit pages say about their past, when the history could be read. */
export interface HistoryForPages {
  units: ReadonlyMap<string, UnitHistoryData>;
  timelinePath: string;
}

export type PlaceBlock =
  | {place: PlaceData; chart?: OrgChartData; past?: UnitPast}
  | {retired: NonNullable<OrgUnit['org']['retired']>; past?: UnitPast};

export interface PageOrgData {
  /** For a unit page: its "Place in the organization" block. */
  place?: PlaceBlock;
  /** By directive signature (see directives.ts). */
  directives: Record<string, DirectiveResult>;
}

export function createPageData(model: OrgSiteModel, source: string, uses: readonly DirectiveUse[], history?: HistoryForPages): PageOrgData {
  const hrefOf = hrefResolver(model);
  const listed = (units: readonly OrgUnit[], detail?: (unit: OrgUnit) => string | undefined): ListedUnit[] =>
    units.map((unit) => {
      const ref = unitRef(unit, hrefOf, model.graph.vocabulary);
      const extra = detail ? detail(unit) : unit.description;
      return {name: ref.name, href: ref.href, ...(extra ? {detail: extra} : {})};
    });
  const directives: Record<string, DirectiveResult> = {};
  let drawsFullChart = false;
  for (const use of uses) {
    const signature = directiveSignature(use.name, use.attributes);
    if (signature in directives) continue;
    const {attributes} = use;
    const filter = {
      ...(typeof attributes.kind === 'string' ? {kind: attributes.kind} : {}),
      ...(typeof attributes.under === 'string' ? {under: attributes.under} : {}),
    };
    switch (use.name) {
      case 'UnitCount': {
        const word = countInWords(selectUnits(model.graph, filter).length);
        directives[signature] = {type: 'text', text: 'capitalize' in attributes ? word.charAt(0).toUpperCase() + word.slice(1) : word};
        break;
      }
      case 'UnitList':
        directives[signature] = {type: 'list', items: listed(selectUnits(model.graph, filter))};
        break;
      case 'StaleUnits':
        directives[signature] = {
          type: 'stale',
          stale: listed(staleUnits(model.graph, model.review), (unit) => `last reviewed ${unit.org.reviewed}`),
          maxAgeDays: model.review.maxAgeDays,
          unreviewed: listed(unreviewedUnits(model.graph), () => 'never reviewed'),
        };
        break;
      case 'RetiredUnits':
        directives[signature] = {
          type: 'retired',
          items: listed(model.graph.retired, (unit) => `retired on ${unit.org.retired!.on}${unit.org.retired!.note ? `: ${unit.org.retired!.note}` : ''}`),
        };
        break;
      case 'FrontMatterReference':
        directives[signature] = {
          type: 'reference',
          fields: fieldReference(model.graph.vocabulary).map((field) => [`org.${field.name}`, field.type, field.required ? 'yes' : 'no', field.description, field.example]),
          kinds: kindRulesReference(model.graph.vocabulary).map((rule) => [`${rule.kind} (${rule.label})`, rule.reportsTo, rule.may]),
        };
        break;
      case 'OrgChart': {
        const root = typeof attributes.root === 'string' ? attributes.root : undefined;
        directives[signature] = {type: 'chart', chart: createChartData(model.graph, {hrefOf, variant: 'full', ...(root ? {root} : {})})};
        drawsFullChart = true;
        break;
      }
    }
  }

  const unitId = model.unitBySource.get(source);
  if (unitId === undefined) return {directives};
  const unit = model.graph.units.get(unitId);
  const unitHistory = history?.units.get(unitId);
  const past = unitHistory ? {past: {history: unitHistory, timelinePath: history!.timelinePath}} : {};
  const place: PlaceBlock = unit
    ? {
        place: describePlace(model.graph, unitId, hrefOf, model.review),
        // A page that draws a full chart already shows the unit's neighbourhood.
        ...(drawsFullChart ? {} : {chart: createChartData(model.graph, {hrefOf, variant: 'neighbourhood', highlight: unitId})}),
        ...past,
      }
    : {retired: model.graph.retired.find((candidate) => candidate.id === unitId)!.org.retired!, ...past};
  return {place, directives};
}
