/**
 * `/org.json`: the structure for other tools. The format is versioned
 * (`format` + `version`); its JSON Schema is generated from the zod schema
 * below (scripts/generate-schemas.ts) and served beside it.
 */
import * as z from 'zod';
import {preOrder} from './derive';
import type {OrgUnit} from './graph';
import {RELATION_TYPES, UNIT_KINDS} from './schema';
import {hrefResolver, type OrgSiteModel} from './site-model';

/**
 * 2: `chain` (every manager's id, per unit) gave way to `depth`. Listing each
 * unit's whole line made the file grow with units × depth (about 93 MB for
 * 5000 units on a 2000-deep chain; 4.4 MB without it); `reportsTo` already
 * links each unit to its manager, so a reader follows those links instead.
 */
export const ORG_EXPORT_VERSION = 2;
export const ORG_EXPORT_SCHEMA_PATH = `/schema/org-export.v${ORG_EXPORT_VERSION}.schema.json`;

const link = z.object({label: z.string(), url: z.string().optional()});

const exportedUnit = z.object({
  id: z.string().describe('Stable id, as in the page\'s org.id.'),
  kind: z.enum(UNIT_KINDS),
  name: z.string().describe('Short name.'),
  title: z.string().describe('Page title.'),
  description: z.string().optional(),
  permalink: z.string().describe('Path of the unit\'s page on the site.'),
  url: z.string().describe('Absolute address of the unit\'s page.'),
  source: z.string().describe('Markdown source, relative to the repository root.'),
  reportsTo: z.string().nullable().describe('Id of the unit it reports to; null for the top and external units. Follow it to walk up to the top.'),
  depth: z
    .number()
    .int()
    .nonnegative()
    .nullable()
    .describe('How many reporting lines separate the unit from the top (0 for the top); null for external units.'),
  directReports: z.array(z.string()),
  teams: z.array(z.string()).describe('Teams whose members include this unit.'),
  members: z.array(z.string()).describe('For a team, the units its members come from.'),
  relations: z.array(z.object({type: z.enum(RELATION_TYPES), to: z.string(), note: z.string().optional()})),
  vacant: z.boolean(),
  lead: z.object({title: z.string(), holder: z.string().optional(), vacant: z.boolean().optional()}).optional(),
  channel: link.optional(),
  membership: link.optional(),
  maintainers: z.array(z.string()).optional(),
  reviewed: z.string().optional(),
});

export const orgExportSchema = z
  .object({
    $schema: z.string(),
    format: z.literal('org-handbook'),
    version: z.literal(ORG_EXPORT_VERSION),
    site: z.string().describe('Absolute address of the handbook.'),
    root: z.string().describe('Id of the unit at the top of the reporting lines.'),
    units: z.array(exportedUnit).describe('Every unit that exists today, in reporting-tree order, external units last.'),
    retired: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(UNIT_KINDS),
        name: z.string(),
        permalink: z.string(),
        retiredOn: z.string(),
        note: z.string().optional(),
      }),
    ),
  })
  .describe('The structure of an organization as published by its handbook.');

export type OrgExport = z.infer<typeof orgExportSchema>;

export function createOrgExport(model: OrgSiteModel, siteUrl: string): OrgExport {
  const {graph} = model;
  const hrefOf = hrefResolver(model);
  const absolute = (permalink: string) => new URL(permalink.replace(/^\//, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
  const ordered: OrgUnit[] = preOrder(graph).map((id) => graph.units.get(id)!);
  const inTree = new Set(ordered.map((unit) => unit.id));
  ordered.push(...[...graph.units.values()].filter((unit) => !inTree.has(unit.id)).sort((a, b) => a.id.localeCompare(b.id)));

  return {
    $schema: ORG_EXPORT_SCHEMA_PATH,
    format: 'org-handbook',
    version: ORG_EXPORT_VERSION,
    site: siteUrl,
    root: graph.rootId,
    units: ordered.map((unit) => {
      const {org} = unit;
      return {
        id: unit.id,
        kind: unit.kind,
        name: unit.name,
        title: unit.title,
        ...(unit.description !== undefined ? {description: unit.description} : {}),
        permalink: hrefOf(unit.id),
        url: absolute(hrefOf(unit.id)),
        source: unit.source,
        reportsTo: org.reportsTo ?? null,
        depth: graph.depth.get(unit.id) ?? null,
        directReports: [...(graph.children.get(unit.id) ?? [])],
        teams: [...(graph.teamsOf.get(unit.id) ?? [])],
        members: [...(org.members ?? [])],
        relations: graph.relations
          .filter((relation) => relation.from === unit.id)
          .map(({type, to, note}) => ({type, to, ...(note !== undefined ? {note} : {})})),
        vacant: unit.kind === 'role' && org.vacant === true,
        ...(org.lead ? {lead: org.lead} : {}),
        ...(org.channel ? {channel: org.channel} : {}),
        ...(org.membership ? {membership: org.membership} : {}),
        ...(org.maintainers ? {maintainers: org.maintainers} : {}),
        ...(org.reviewed ? {reviewed: org.reviewed} : {}),
      };
    }),
    retired: graph.retired.map((unit) => ({
      id: unit.id,
      kind: unit.kind,
      name: unit.name,
      permalink: hrefOf(unit.id),
      retiredOn: unit.org.retired!.on,
      ...(unit.org.retired!.note !== undefined ? {note: unit.org.retired!.note} : {}),
    })),
  };
}
