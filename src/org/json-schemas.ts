/** JSON Schemas published for other tools and for editors' YAML tooling, generated from the zod schemas. */
import * as z from 'zod';
import {ORG_EXPORT_SCHEMA_PATH, orgExportSchema} from './export';
import {FORBIDDEN_ON_UNIT_PAGES} from './pipeline';
import {createOrgSchema} from './schema';
import {vocabularyFileSchema, type Vocabulary} from './vocabulary';

export const FRONT_MATTER_SCHEMA_PATH = '/schema/org-frontmatter.v1.schema.json';
export const VOCABULARY_SCHEMA_PATH = '/schema/org-vocabulary.v1.schema.json';

/** Every published schema, by its path under static/; the frontmatter schema is the site's own, built from its vocabulary. */
export function createJsonSchemas(vocabulary: Vocabulary): Record<string, unknown> {
  // A unit page's whole frontmatter: Docusaurus's own keys stay open, `org` is ours.
  const frontMatter = z
    .looseObject({
      // The Docusaurus keys a unit page uses, typed as the docs plugin validates them.
      title: z.string().optional().describe('The page title, shown everywhere the unit is named unless org.name is set.'),
      description: z.string().optional().describe('One sentence on what the unit does; shown in lists of units.'),
      sidebar_position: z.number().optional().describe('Order among the pages of its folder.'),
      org: createOrgSchema(vocabulary),
    })
    .describe('Frontmatter of a handbook unit page. Other Docusaurus keys are allowed beside these, except slug, id, draft and unlisted.');
  return {
    [FRONT_MATTER_SCHEMA_PATH]: withUnitPageRules(
      {
        $id: FRONT_MATTER_SCHEMA_PATH,
        ...z.toJSONSchema(frontMatter, {io: 'input'}),
      },
      vocabulary,
    ),
    [ORG_EXPORT_SCHEMA_PATH]: {
      $id: ORG_EXPORT_SCHEMA_PATH,
      ...z.toJSONSchema(orgExportSchema, {io: 'output'}),
    },
    [VOCABULARY_SCHEMA_PATH]: {
      $id: VOCABULARY_SCHEMA_PATH,
      ...z.toJSONSchema(vocabularyFileSchema, {io: 'input'}),
    },
  };
}

export function serializeJsonSchema(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

interface ObjectSchema {
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * The rules zod cannot state as JSON Schema, added from the vocabulary the
 * check reads: fields only some kinds may have or must have, and the
 * Docusaurus keys a unit page may not set (pipeline.ts).
 */
function withUnitPageRules(schema: ObjectSchema, vocabulary: Vocabulary): ObjectSchema {
  const org = schema.properties?.org as ObjectSchema | undefined;
  if (!org) throw new Error('the frontmatter schema has no "org"');
  const kinds = [...vocabulary.kinds.values()];
  const ids = (test: (kind: (typeof kinds)[number]) => boolean) => kinds.filter(test).map((kind) => kind.id);
  const fieldRules: Record<string, {allowed: string[]; required: string[]}> = {
    reportsTo: {allowed: ids((kind) => kind.reportsTo.length > 0), required: ids((kind) => kind.reportsTo.length > 0)},
    members: {allowed: ids((kind) => kind.members !== undefined), required: ids((kind) => kind.members?.required === true)},
    vacant: {allowed: ids((kind) => kind.vacancy), required: []},
  };
  org.allOf = Object.entries(fieldRules).flatMap(([field, {allowed, required}]) => [
    {if: {required: [field]}, then: {properties: {kind: allowed.length > 0 ? {enum: allowed} : {not: {}}}}},
    ...(required.length > 0 ? [{if: {properties: {kind: {enum: required}}, required: ['kind']}, then: {required: [field]}}] : []),
  ]);
  const forbidden = Object.fromEntries(
    Object.entries(FORBIDDEN_ON_UNIT_PAGES).map(([key, why]) => [key, {not: {}, description: why}]),
  );
  return {...schema, properties: {...schema.properties, ...forbidden}};
}
