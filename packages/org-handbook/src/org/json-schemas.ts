/** JSON Schemas published for other tools and for editors' YAML tooling, generated from the zod schemas. */
import * as z from 'zod';
import {ORG_EXPORT_SCHEMA_PATH, orgExportSchema} from './export';
import {FORBIDDEN_ON_UNIT_PAGES} from './pipeline';
import {KIND_FIELDS} from './rules';
import {orgFrontMatterSchema} from './schema';

export const FRONT_MATTER_SCHEMA_PATH = '/schema/org-frontmatter.v1.schema.json';

/** Every published schema, by its path under static/. */
export function createJsonSchemas(): Record<string, unknown> {
  // A unit page's whole frontmatter: Docusaurus's own keys stay open, `org` is ours.
  const frontMatter = z
    .looseObject({
      // The Docusaurus keys a unit page uses, typed as the docs plugin validates them.
      title: z.string().optional().describe('The page title, shown everywhere the unit is named unless org.name is set.'),
      description: z.string().optional().describe('One sentence on what the unit does; shown in lists of units.'),
      sidebar_position: z.number().optional().describe('Order among the pages of its folder.'),
      org: orgFrontMatterSchema,
    })
    .describe('Frontmatter of a handbook unit page. Other Docusaurus keys are allowed beside these, except slug, id, draft and unlisted.');
  return {
    [FRONT_MATTER_SCHEMA_PATH]: withUnitPageRules({
      $id: FRONT_MATTER_SCHEMA_PATH,
      ...z.toJSONSchema(frontMatter, {io: 'input'}),
    }),
    [ORG_EXPORT_SCHEMA_PATH]: {
      $id: ORG_EXPORT_SCHEMA_PATH,
      ...z.toJSONSchema(orgExportSchema, {io: 'output'}),
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
 * The rules zod cannot state as JSON Schema, added from the same tables the
 * check reads: fields only some kinds may have (rules.ts), and the Docusaurus
 * keys a unit page may not set (pipeline.ts).
 */
function withUnitPageRules(schema: ObjectSchema): ObjectSchema {
  const org = schema.properties?.org as ObjectSchema | undefined;
  if (!org) throw new Error('the frontmatter schema has no "org"');
  org.allOf = Object.entries(KIND_FIELDS).flatMap(([field, {allowed, required}]) => [
    {if: {required: [field]}, then: {properties: {kind: {enum: [...allowed]}}}},
    ...(required.length > 0 ? [{if: {properties: {kind: {enum: [...required]}}}, then: {required: [field]}}] : []),
  ]);
  const forbidden = Object.fromEntries(
    Object.entries(FORBIDDEN_ON_UNIT_PAGES).map(([key, why]) => [key, {not: {}, description: why}]),
  );
  return {...schema, properties: {...schema.properties, ...forbidden}};
}
