/**
 * The `org` frontmatter contract: the single source of the types, of the
 * validation messages, of the published JSON Schema and of the field
 * reference in the editor guide.
 *
 * Each field's `.describe()` text is shown to editors (guide, JSON Schema
 * hover help), and `.meta({examples})` gives the example the guide prints.
 */
import * as z from 'zod';
import {SAFE_URL_PATTERN} from './safe-url';
import * as fields from './fields';
import type {Vocabulary} from './vocabulary';

export {SAFE_URL_PATTERN} from './safe-url';

export const UNIT_KINDS = [
  'organization',
  'sponsor',
  'institution',
  'council',
  'role',
  'area',
  'team',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Kinds that stand outside the organization and so outside its reporting tree. */
export const EXTERNAL_KINDS: readonly UnitKind[] = ['sponsor', 'institution'];

export const KIND_LABELS: Record<UnitKind, string> = {
  organization: 'Organization',
  sponsor: 'Fiscal sponsor',
  institution: 'Institution',
  council: 'Council',
  role: 'Role',
  area: 'Functional area',
  team: 'Cross-functional team',
};

export const RELATION_TYPES = ['dotted-line', 'sponsors', 'interface', 'founded'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Upper bounds on free text. Names are drawn in chart boxes, lists and
 * breadcrumbs, and every page repeats its neighbours' names, so an unbounded
 * name makes every page that mentions the unit heavy; the full story belongs
 * in the page body. The JSON Schema carries the same limits (maxLength).
 */
export const TEXT_LIMITS = {
  /** Unit ids become URLs and appear in every reference. */
  id: 64,
  /** Names, titles of roles, link labels, people and handles. */
  name: 120,
  /** Short qualifiers: a relation's or a retirement's note. */
  note: 300,
  /** Addresses of links. */
  url: 2000,
} as const;

const SAFE_URL_MESSAGE =
  'must be a web address starting with "https://" or "http://", a "mailto:" address, or a handbook path starting with "/" (such as "/teams/area-leads"); other kinds of address, such as "javascript:" or "data:", are refused because following them can run code';

const tooLong = (max: number) => (issue: {input?: unknown}) =>
  `must be at most ${max} characters long${typeof issue.input === 'string' ? `, not ${issue.input.length}` : ''}`;

const unitId = z
  .string({error: 'must be a unit id (a string such as "engineering")'})
  .max(TEXT_LIMITS.id, {error: tooLong(TEXT_LIMITS.id)})
  .regex(ID_PATTERN, {
    error: 'must be lowercase letters, digits and single hyphens, such as "product-and-engineering"',
  });

const isoDate = z
  .string({error: 'must be a date written as YYYY-MM-DD (quote it if your editor changes it)'})
  .regex(DATE_PATTERN, {error: 'must be a date written as YYYY-MM-DD'})
  .refine((value) => {
    // Date.parse rolls 2026-02-30 over into March; a real date survives the round trip.
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }, {error: 'is not a real calendar date'})
  // Tells JSON Schema validators to check the calendar too, as the refine above does.
  .meta({format: 'date'});

const nonEmptyText = z.string({error: 'must be text'}).trim().min(1, {error: 'must not be empty'});
/** A name, a role's title, a link's label, a person. */
const nameText = nonEmptyText.max(TEXT_LIMITS.name, {error: tooLong(TEXT_LIMITS.name)});
/** A short note beside a relation or a retirement. */
const noteText = nonEmptyText.max(TEXT_LIMITS.note, {error: tooLong(TEXT_LIMITS.note)});

const safeUrl = nonEmptyText
  .max(TEXT_LIMITS.url, {error: tooLong(TEXT_LIMITS.url)})
  .regex(SAFE_URL_PATTERN, {error: SAFE_URL_MESSAGE});

const linkSchema = z
  .strictObject({
    label: nameText.describe('What the reader sees, such as "Steering Council Google group".'),
    url: safeUrl
      .optional()
      .describe(
        'Where it leads: an https:// or http:// address, a mailto: address or a handbook path starting with "/". Omit it rather than guess.',
      ),
  })
  .describe('A labelled link.');

const relationSchema = z
  .strictObject({
    type: z
      .enum(RELATION_TYPES, {
        error: `must be one of ${RELATION_TYPES.join(', ')}`,
      })
      .describe(
        'dotted-line: also works for another unit; sponsors: fiscally sponsors it; interface: is its primary contact; founded: founded it.',
      ),
    to: unitId.describe('The id of the unit at the other end.'),
    note: noteText.optional().describe('A short qualifier shown beside the relation.'),
  })
  .describe('A relation that is not a reporting line.');

const leadSchema = z
  .strictObject({
    title: nameText.describe('The lead role\'s title, such as "Engineering lead".'),
    holder: nameText.optional().describe('Who holds it now, if the handbook names them.'),
    vacant: z.boolean({error: 'must be true or false'}).optional().describe('true while nobody holds it.'),
  })
  .describe('The role that leads this unit.');

export const orgFrontMatterSchema = z
  .strictObject({
    id: unitId
      .describe('Stable id, unique in the handbook; other units refer to this one by it.')
      .meta({examples: ['executive-director']}),
    kind: z
      .enum(UNIT_KINDS, {error: `must be one of ${UNIT_KINDS.join(', ')}`})
      .describe('What sort of unit this is; it decides which relations the unit may have.')
      .meta({examples: ['area']}),
    name: nameText
      .optional()
      .describe('Short name for the chart and for lists; defaults to the page title.')
      .meta({examples: ['Engineering']}),
    reportsTo: unitId
      .optional()
      .describe('The unit this one reports to. Only the organization itself and external units omit it.')
      .meta({examples: ['executive-director']}),
    members: z
      .array(unitId, {error: 'must be a list of unit ids'})
      .min(1, {error: 'must name at least one unit'})
      .optional()
      .describe('Teams only: the areas or roles whose people make up the team.')
      .meta({examples: [['product', 'engineering']]}),
    lead: leadSchema.optional().meta({examples: [{title: 'Engineering lead', vacant: true}]}),
    vacant: z
      .boolean({error: 'must be true or false'})
      .optional()
      .describe('Roles only: true while nobody holds the role.')
      .meta({examples: [true]}),
    channel: linkSchema
      .optional()
      .describe('The official way to reach this unit.')
      .meta({examples: [{label: 'Steering Council Google group', url: 'https://groups.google.com/g/example'}]}),
    membership: linkSchema
      .optional()
      .describe('Where the current members or holder are listed.')
      .meta({examples: [{label: 'Our Team page', url: 'https://example.org/team'}]}),
    relations: z
      .array(relationSchema, {error: 'must be a list of relations'})
      .optional()
      .describe('Relations other than the reporting line: dotted lines, sponsorship, interfaces, founding.')
      .meta({examples: [[{type: 'interface', to: 'code-for-science-and-society', note: 'administration'}]]}),
    maintainers: z
      .array(nameText, {error: 'must be a list of names or GitHub handles'})
      .min(1, {error: 'must name at least one maintainer'})
      .optional()
      .describe('Who keeps this page accurate (names or GitHub handles).')
      .meta({examples: [['@jane-doe']]}),
    reviewed: isoDate
      .optional()
      .describe('When a maintainer last confirmed this page is accurate.')
      .meta({examples: ['2026-10-01']}),
    formerIds: z
      .array(unitId, {error: 'must be a list of unit ids'})
      .optional()
      .describe('Ids this unit had before a rename; old references get a precise hint.')
      .meta({examples: [['community-team']]}),
    redirectFrom: z
      .array(
        z
          .string({error: 'must be a path such as "/teams/old-name"'})
          .max(TEXT_LIMITS.url, {error: tooLong(TEXT_LIMITS.url)})
          // Segments of URL-safe characters; no "//" (another host), no "." or ".." segments.
          .regex(/^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._~%-]+)+\/?$/, {
            error: 'must be a site path such as "/teams/old-name": segments of letters, digits and - _ . ~, no "//"',
          }),
        {error: 'must be a list of paths'},
      )
      .optional()
      .describe('Old URLs of this page; each keeps working as a redirect.')
      .meta({examples: [['/teams/community']]}),
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

export type OrgFrontMatterInput = z.input<typeof orgFrontMatterSchema>;
export type OrgFrontMatter = z.infer<typeof orgFrontMatterSchema>;
export type OrgRelation = NonNullable<OrgFrontMatter['relations']>[number];

// ---- Built from the vocabulary (issue #11); the constants above go once every stage reads the vocabulary. ----

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

const roleLinkSchema = z
  .strictObject({
    label: fields.nameText.describe('What the reader sees, such as "Our Team page".'),
    url: fields.safeUrl
      .optional()
      .describe('Where it leads: an https:// or http:// address, a mailto: address or a handbook path starting with "/". Omit it rather than guess.'),
  })
  .describe('A labelled link.');

const roleHolderSchema = z
  .strictObject({
    name: fields.nameText.describe('The person\'s name.'),
    url: fields.safeUrl.optional().describe('A page about them.'),
    handle: fields.nameText.optional().describe('A handle, such as "@jane-doe".'),
  })
  .describe('Someone who holds a role.');

const rolePastHolderSchema = roleHolderSchema
  .extend({
    since: fields.isoDate.optional().describe('When they took the role.'),
    until: fields.isoDate.optional().describe('When they left it.'),
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

  const vocabularyRelationSchema = z
    .strictObject({
      type: idEnum(relationIds, 'relation types').describe(
        relationIds.map((id) => `${id}: ${vocabulary.relations.get(id)!.label.toLowerCase()}`).join('; ') || 'A relation type from the vocabulary.',
      ),
      to: fields.unitId.describe('The id of the unit at the other end.'),
      note: fields.noteText.optional().describe('A short qualifier shown beside the relation.'),
    })
    .describe('A relation that is not a reporting line.');

  const roleSchema = z
    .strictObject({
      role: idEnum(roleIds, 'roles').describe(`Which role: ${roleIds.join(', ') || 'none are defined'}.`),
      title: fields.nameText.optional().describe('The title shown, such as "Engineering lead"; defaults to the role\'s label.'),
      holders: z.array(roleHolderSchema, {error: 'must be a list of holders ({name, url, handle})'}).optional().describe('Who holds it now (zero or more).'),
      vacant: fields.flag.optional().describe('true while nobody holds it; only without holders.'),
      past: z.array(rolePastHolderSchema, {error: 'must be a list of past holders ({name, until})'}).optional().describe('Who held it before.'),
      listedAt: roleLinkSchema.optional().describe('Where the current holders are listed, when the handbook does not name them.'),
    })
    .describe('A role in the unit and who holds it.');

  const contactSchema = z
    .strictObject({
      type: idEnum(contactIds, 'contact types').describe(`Which sort of contact: ${contactIds.join(', ') || 'none are defined'}.`),
      label: fields.nameText.describe('What the reader sees, such as "Steering Council Google group".'),
      url: fields.safeUrl.optional().describe('Where it leads; omit it rather than guess.'),
      schedule: fields.noteText.optional().describe('When it happens, such as "Tuesdays 16:00 UTC"; only on contact types that allow a schedule.'),
    })
    .describe('A way to reach the unit.');

  return z
    .strictObject({
      id: fields.unitId.describe('Stable id, unique in the handbook; other units refer to this one by it.').meta({examples: ['engineering']}),
      kind: idEnum(kindIds, 'kinds')
        .describe('What sort of unit this is (a kind of the vocabulary); it decides which relations the unit may have.')
        .meta(example(nonRoot?.id ?? kindIds[0])),
      name: fields.nameText.optional().describe('Short name for the chart and for lists; defaults to the page title.').meta({examples: ['Engineering']}),
      reportsTo: fields.unitId
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
      vacant: fields.flag
        .optional()
        .describe(`Only on kinds that can be vacant${vacancy.length > 0 ? ` (${vacancy.join(', ')})` : ''}: true while nobody holds it.`)
        .meta({examples: [true]}),
      contacts: z
        .array(contactSchema, {error: 'must be a list of contacts'})
        .optional()
        .describe('Ways to reach this unit: chat, mailing list, meeting (with its schedule), repository…')
        .meta(example(contactIds[0] === undefined ? undefined : [{type: contactIds[0], label: 'Steering Council Google group', url: 'https://groups.google.com/g/example'}])),
      relations: z
        .array(vocabularyRelationSchema, {error: 'must be a list of relations'})
        .optional()
        .describe('Relations other than the reporting line and membership, as the vocabulary defines them.')
        .meta(example(relationIds[0] === undefined ? undefined : [{type: relationIds[0], to: 'engineering'}])),
      maintainers: z
        .array(nameText, {error: 'must be a list of names or GitHub handles'})
        .min(1, {error: 'must name at least one maintainer'})
        .optional()
        .describe('Who keeps this page accurate (names or GitHub handles).')
        .meta({examples: [['@jane-doe']]}),
      reviewed: fields.isoDate.optional().describe('When a maintainer last confirmed this page is accurate.').meta({examples: ['2026-10-01']}),
      formerIds: z
        .array(unitId, {error: 'must be a list of unit ids'})
        .optional()
        .describe('Ids this unit had before a rename; old references get a precise hint.')
        .meta({examples: [['community-team']]}),
      redirectFrom: z
        .array(
          z
            .string({error: 'must be a path such as "/about/old-name"'})
            .max(fields.TEXT_LIMITS.url, {error: fields.tooLong(fields.TEXT_LIMITS.url)})
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
          on: fields.isoDate.describe('When the unit was retired.'),
          note: fields.noteText.optional().describe('Why, or what replaced it.'),
        })
        .optional()
        .describe('Marks a unit that no longer exists; it leaves the chart and is listed in History.')
        .meta({examples: [{on: '2026-06-30', note: 'Merged into Community.'}]}),
    })
    .describe('The structure of the organization, as this page\'s unit sees it.');
}

export type OrgSchema = ReturnType<typeof createOrgSchema>;
