/** JSON Schemas published for other tools and for editors' YAML tooling, generated from the zod schemas. */
import * as z from 'zod';
import {ORG_EXPORT_SCHEMA_PATH, orgExportSchema} from './export';
import {orgFrontMatterSchema} from './schema';

export const FRONT_MATTER_SCHEMA_PATH = '/schema/org-frontmatter.v1.schema.json';

/** Every published schema, by its path under static/. */
export function createJsonSchemas(): Record<string, unknown> {
  // A unit page's whole frontmatter: Docusaurus's own keys stay open, `org` is ours.
  const frontMatter = z
    .looseObject({org: orgFrontMatterSchema})
    .describe('Frontmatter of a handbook unit page. Docusaurus keys (title, description, slug...) are allowed beside org.');
  return {
    [FRONT_MATTER_SCHEMA_PATH]: {
      $id: FRONT_MATTER_SCHEMA_PATH,
      ...z.toJSONSchema(frontMatter, {io: 'input'}),
    },
    [ORG_EXPORT_SCHEMA_PATH]: {
      $id: ORG_EXPORT_SCHEMA_PATH,
      ...z.toJSONSchema(orgExportSchema, {io: 'output'}),
    },
  };
}

export function serializeJsonSchema(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
