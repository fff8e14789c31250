/** The JSON Schemas editors and other tools use are published, and the committed copies are current. */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createJsonSchemas, FRONT_MATTER_SCHEMA_PATH, serializeJsonSchema} from '@site/src/org/json-schemas';
import {REPO} from './support';

describe('published JSON Schemas', () => {
  const schemas = createJsonSchemas();

  it('include the frontmatter schema the editor guide points to', () => {
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining([FRONT_MATTER_SCHEMA_PATH, '/schema/org-export.v1.schema.json']));
  });

  for (const [publicPath, schema] of Object.entries(schemas)) {
    it(`static${publicPath} is up to date (run npm run gen:schemas if not)`, async () => {
      expect(await readFile(path.join(REPO, 'static', publicPath), 'utf8')).toBe(serializeJsonSchema(schema));
    });
  }
});
