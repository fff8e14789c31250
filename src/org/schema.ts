/**
 * The `org` frontmatter contract, built from the site's vocabulary
 * (vocabulary.ts): the single source of the types, of the validation
 * messages, of the published JSON Schema and of the field reference in the
 * editor guide. The kinds, relation types, role titles and contact types a
 * page may name are the vocabulary's, so the engine knows no organization.
 *
 * Each field's `.describe()` text is shown to editors (guide, JSON Schema
 * hover help), and `.meta({examples})` gives the example the guide prints.
 */
import * as z from 'zod';
import {flag, isoDate, nameText, noteText, safeUrl, TEXT_LIMITS, tooLong, unitId} from './fields';
import type {Vocabulary} from './vocabulary';

export {SAFE_URL_PATTERN} from './safe-url';
export {ID_PATTERN, TEXT_LIMITS} from './fields';

/** Fields an older version of the contract had, and what a page writes instead: the check says so where the old key stands. */
export const REPLACED_FIELDS: Record<string, string> = {
  lead: '"lead" is now a role: write `roles: [{role: lead, title: "…", listedAt: {label: "…", url: "…"}}]` (or `holders`, or `vacant: true`)',
  channel: '"channel" is now a contact: write `contacts: [{type: mailing-list, label: "…", url: "…"}]` with one of the vocabulary\'s contact types',
  membership: '"membership" is now where a role\'s holders are listed: write `roles: [{role: member, listedAt: {label: "…", url: "…"}}]`',
};

/** An enum of the vocabulary's ids; with none defined, every value is refused with a message that says so. */
function idEnum(ids: readonly string[], what: string) {
  if (ids.length === 0) {
    return z.string().refine(() => false, {error: `cannot be used: the vocabulary defines no ${what}`});
  }
  return z.enum(ids as [string, ...string[]], {error: `must be one of ${ids.join(', ')}`});
}

const linkSchema = z
  .strictObject({
    label: nameText.describe('What the reader sees, such as "Our Team page".'),
    url: safeUrl
      .optional()
      .describe('Where it leads: an https:// or http:// address, a mailto: address or a handbook path starting with "/". Omit it rather than guess.'),
  })
  .describe('A labelled link.');

const holderSchema = z
  .strictObject({
    name: nameText.describe('The person\'s name.'),
    url: safeUrl.optional().describe('A page about them.'),
    handle: nameText.optional().describe('A handle, such as "@jane-doe".'),
  })
  .describe('Someone who holds a role.');

const pastHolderSchema = holderSchema
  .extend({
    since: isoDate.optional().describe('When they took the role.'),
    until: isoDate.optional().describe('When they left it.'),
  })
  .describe('Someone who held a role before.');

/** Builds the schema of a unit page's `org` block from a vocabulary. */
export function createOrgSchema(vocabulary: Vocabulary) {
  const kindIds = [...vocabulary.kinds.keys()];
  const relationIds = [...vocabulary.relations.keys()];
  const roleIds = [...vocabulary.roles.keys()];
  const contactIds = [...vocabulary.contacts.keys()];
  const example = <T>(value: T | undefined) => (value === undefined ? {} : {examples: [value]});
  const nonRoot = [...vocabulary.kinds.values()].find((kind) => kind.reportsTo.length > 0);
  const joined = [...vocabulary.kinds.values()].find((kind) => kind.members);
  const vacancy = [...vocabulary.kinds.values()].filter((kind) => kind.vacancy).map((kind) => kind.id);

  const relationSchema = z
    .strictObject({
      type: idEnum(relationIds, 'relation types').describe(
        relationIds.map((id) => `${id}: ${vocabulary.relations.get(id)!.label.toLowerCase()}`).join('; ') || 'A relation type from the vocabulary.',
      ),
      to: unitId.describe('The id of the unit at the other end.'),
      note: noteText.optional().describe('A short qualifier shown beside the relation.'),
    })
    .describe('A relation that is not a reporting line.');

  const roleSchema = z
    .strictObject({
      role: idEnum(roleIds, 'roles').describe(`Which role: ${roleIds.join(', ') || 'none are defined'}.`),
      title: nameText.optional().describe('The title shown, such as "Engineering lead"; defaults to the role\'s label.'),
      holders: z.array(holderSchema, {error: 'must be a list of holders ({name, url, handle})'}).optional().describe('Who holds it now (zero or more).'),
      vacant: flag.optional().describe('true while nobody holds it; only without holders.'),
      past: z.array(pastHolderSchema, {error: 'must be a list of past holders ({name, until})'}).optional().describe('Who held it before.'),
      listedAt: linkSchema.optional().describe('Where the current holders are listed, when the handbook does not name them.'),
    })
    .describe('A role in the unit and who holds it.');

  const contactSchema = z
    .strictObject({
      type: idEnum(contactIds, 'contact types').describe(`Which sort of contact: ${contactIds.join(', ') || 'none are defined'}.`),
      label: nameText.describe('What the reader sees, such as "Steering Council Google group".'),
      url: safeUrl.optional().describe('Where it leads; omit it rather than guess.'),
      schedule: noteText.optional().describe('When it happens, such as "Tuesdays 16:00 UTC"; only on contact types that allow a schedule.'),
    })
    .describe('A way to reach the unit.');

  return z
    .strictObject({
      id: unitId.describe('Stable id, unique in the handbook; other units refer to this one by it.').meta({examples: ['engineering']}),
      kind: idEnum(kindIds, 'kinds')
        .describe('What sort of unit this is (a kind of the vocabulary); it decides which relations the unit may have.')
        .meta(example(nonRoot?.id ?? kindIds[0])),
      name: nameText.optional().describe('Short name for the chart and for lists; defaults to the page title.').meta({examples: ['Engineering']}),
      reportsTo: unitId
        .optional()
        .describe('The unit this one reports to. Required on kinds that have a reporting line; the top, external units and kinds joined through members have none.')
        .meta({examples: ['executive-director']}),
      members: z
        .array(unitId, {error: 'must be a list of unit ids'})
        .min(1, {error: 'must name at least one unit'})
        .optional()
        .describe(`Only on kinds that take members${joined ? ` (such as ${joined.id})` : ''}: the units whose people make up this one.`)
        .meta({examples: [['product', 'engineering']]}),
      roles: z
        .array(roleSchema, {error: 'must be a list of roles'})
        .optional()
        .describe('The roles in this unit (chair, lead…), each with its holders, or where they are listed.')
        .meta(example(roleIds[0] === undefined ? undefined : [{role: roleIds[0], listedAt: {label: 'Our Team page', url: 'https://example.org/team'}}])),
      vacant: flag
        .optional()
        .describe(`Only on kinds that can be vacant${vacancy.length > 0 ? ` (${vacancy.join(', ')})` : ''}: true while nobody holds it.`)
        .meta({examples: [true]}),
      contacts: z
        .array(contactSchema, {error: 'must be a list of contacts'})
        .optional()
        .describe('Ways to reach this unit: chat, mailing list, meeting (with its schedule), repository…')
        .meta(example(contactIds[0] === undefined ? undefined : [{type: contactIds[0], label: 'Steering Council Google group', url: 'https://groups.google.com/g/example'}])),
      relations: z
        .array(relationSchema, {error: 'must be a list of relations'})
        .optional()
        .describe('Relations other than the reporting line and membership, as the vocabulary defines them.')
        .meta(example(relationIds[0] === undefined ? undefined : [{type: relationIds[0], to: 'engineering'}])),
      maintainers: z
        .array(nameText, {error: 'must be a list of names or GitHub handles'})
        .min(1, {error: 'must name at least one maintainer'})
        .optional()
        .describe('Who keeps this page accurate (names or GitHub handles).')
        .meta({examples: [['@jane-doe']]}),
      reviewed: isoDate.optional().describe('When a maintainer last confirmed this page is accurate.').meta({examples: ['2026-10-01']}),
      formerIds: z
        .array(unitId, {error: 'must be a list of unit ids'})
        .optional()
        .describe('Ids this unit had before a rename; old references get a precise hint.')
        .meta({examples: [['community-team']]}),
      redirectFrom: z
        .array(
          z
            .string({error: 'must be a path such as "/about/old-name"'})
            .max(TEXT_LIMITS.url, {error: tooLong(TEXT_LIMITS.url)})
            // Segments of URL-safe characters; no "//" (another host), no "." or ".." segments.
            .regex(/^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._~%-]+)+\/?$/, {
              error: 'must be a site path such as "/about/old-name": segments of letters, digits and - _ . ~, no "//"',
            }),
          {error: 'must be a list of paths'},
        )
        .optional()
        .describe('Old URLs of this page; each keeps working as a redirect.')
        .meta({examples: [['/about/community']]}),
      retired: z
        .strictObject({
          on: isoDate.describe('When the unit was retired.'),
          note: noteText.optional().describe('Why, or what replaced it.'),
        })
        .optional()
        .describe('Marks a unit that no longer exists; it leaves the chart and is listed in History.')
        .meta({examples: [{on: '2026-06-30', note: 'Merged into Community.'}]}),
    })
    .describe('The structure of the organization, as this page\'s unit sees it.');
}

export type OrgSchema = ReturnType<typeof createOrgSchema>;
export type OrgFrontMatterInput = z.input<OrgSchema>;
export type OrgFrontMatter = z.infer<OrgSchema>;
export type OrgRelation = NonNullable<OrgFrontMatter['relations']>[number];
export type OrgRole = NonNullable<OrgFrontMatter['roles']>[number];
export type OrgContact = NonNullable<OrgFrontMatter['contacts']>[number];
export type OrgLink = z.infer<typeof linkSchema>;
export type OrgHolder = z.infer<typeof holderSchema>;
