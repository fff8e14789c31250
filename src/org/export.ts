/**
 * `/org.json`: the structure for other tools. The format is versioned
 * (`format` + `version`); its JSON Schema is generated from the zod schema
 * below (scripts/generate-schemas.ts) and served beside it.
 */
import * as z from 'zod';
import {isVacant, preOrder} from './derive';
import {unitOrder, type OrgUnit} from './graph';
import {hrefResolver, type OrgSiteModel} from './site-model';

/**
 * 2: `chain` (every manager's id, per unit) gave way to `depth`. Listing each
 * unit's whole line made the file grow with units × depth (about 93 MB for
 * 5000 units on a 2000-deep chain; 4.4 MB without it); `reportsTo` already
 * links each unit to its manager, so a reader follows those links instead.
 */
/*
 * 3: the words come from the handbook's vocabulary (`vocabulary` lists its
 * kinds, relation types, roles and contact types); `teams` became `memberOf`;
 * `lead`, `channel` and `membership` gave way to `roles` and `contacts`, lists
 * that hold every role with its holders and every way to reach a unit; `$schema`
 * is an absolute address under the site's base URL.
 */
export const ORG_EXPORT_VERSION = 3;
export const ORG_EXPORT_SCHEMA_PATH = `/schema/org-export.v${ORG_EXPORT_VERSION}.schema.json`;

const link = z.object({label: z.string(), url: z.string().optional()});
const person = z.object({name: z.string(), url: z.string().optional(), handle: z.string().optional()});
const term = z.object({id: z.string(), label: z.string()});

const exportedUnit = z.object({
  id: z.string().describe('Stable id, as in the page\'s org.id.'),
  kind: z.string().describe('A kind id of `vocabulary.kinds`.'),
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
  memberOf: z.array(z.string()).describe('Units that list this one among their members.'),
  members: z.array(z.string()).describe('The units this one draws its members from; empty for most kinds.'),
  relations: z.array(z.object({type: z.string().describe('A relation type of `vocabulary.relations`.'), to: z.string(), note: z.string().optional()})),
  vacant: z.boolean().describe('true for a unit of a kind that can be vacant, while nobody holds it.'),
  roles: z
    .array(
      z.object({
        role: z.string().describe('A role id of `vocabulary.roles`.'),
        title: z.string().describe('The title shown: the page\'s own, else the role\'s label.'),
        holders: z.array(person).describe('Who holds it now, when the handbook names them.'),
        vacant: z.boolean(),
        past: z.array(person.extend({since: z.string().optional(), until: z.string().optional()})),
        listedAt: link.optional().describe('Where the holders are listed, when the handbook does not name them.'),
      }),
    )
    .describe('Roles in the unit, in the order the page lists them.'),
  contacts: z
    .array(
      z.object({
        type: z.string().describe('A contact type id of `vocabulary.contacts`.'),
        label: z.string(),
        url: z.string().optional(),
        schedule: z.string().optional(),
      }),
    )
    .describe('Ways to reach the unit.'),
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
    vocabulary: z
      .object({
        kinds: z.array(term.extend({plural: z.string(), external: z.boolean(), reportsTo: z.array(z.string())})),
        relations: z.array(term.extend({inverseLabel: z.string()})),
        roles: z.array(term.extend({plural: z.string()})),
        contacts: z.array(term),
      })
      .describe('The handbook\'s words: what each kind, relation type, role and contact type id means.'),
    units: z.array(exportedUnit).describe('Every unit that exists today, in reporting-tree order, external units last.'),
    retired: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        name: z.string(),
        permalink: z.string(),
        retiredOn: z.string(),
        note: z.string().optional(),
      }),
    ),
  })
  .describe('The structure of an organization as published by its handbook.');

export type OrgExport = z.infer<typeof orgExportSchema>;

/** `siteUrl` is the site's address with its base URL (`https://example.org/handbook/`): every address in the file is under it. */
export function createOrgExport(model: OrgSiteModel, siteUrl: string): OrgExport {
  const {graph} = model;
  const {vocabulary} = graph;
  const hrefOf = hrefResolver(model);
  const absolute = (permalink: string) => new URL(permalink.replace(/^\//, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
  const ordered: OrgUnit[] = preOrder(graph).map((id) => graph.units.get(id)!);
  const inTree = new Set(ordered.map((unit) => unit.id));
  // Then the units outside the tree: joined through members first, external ones last (by the vocabulary's order of kinds).
  const compare = unitOrder(vocabulary);
  ordered.push(...[...graph.units.values()].filter((unit) => !inTree.has(unit.id)).sort(compare));

  return {
    $schema: absolute(ORG_EXPORT_SCHEMA_PATH),
    format: 'org-handbook',
    version: ORG_EXPORT_VERSION,
    site: siteUrl,
    root: graph.rootId,
    vocabulary: {
      kinds: [...vocabulary.kinds.values()].map((kind) => ({id: kind.id, label: kind.label, plural: kind.plural, external: kind.external, reportsTo: [...kind.reportsTo]})),
      relations: [...vocabulary.relations.values()].map((relation) => ({id: relation.id, label: relation.label, inverseLabel: relation.inverseLabel})),
      roles: [...vocabulary.roles.values()].map((role) => ({id: role.id, label: role.label, plural: role.plural})),
      contacts: [...vocabulary.contacts.values()].map((contact) => ({id: contact.id, label: contact.label})),
    },
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
        memberOf: [...(graph.memberOf.get(unit.id) ?? [])],
        members: [...(org.members ?? [])],
        relations: graph.relations
          .filter((relation) => relation.from === unit.id)
          .map(({type, to, note}) => ({type, to, ...(note !== undefined ? {note} : {})})),
        vacant: isVacant(unit, vocabulary),
        roles: (org.roles ?? []).map((role) => ({
          role: role.role,
          title: role.title ?? vocabulary.roles.get(role.role)?.label ?? role.role,
          holders: role.holders ?? [],
          vacant: role.vacant === true,
          past: role.past ?? [],
          ...(role.listedAt ? {listedAt: role.listedAt} : {}),
        })),
        contacts: (org.contacts ?? []).map((contact) => ({...contact})),
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
