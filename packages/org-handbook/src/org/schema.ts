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
