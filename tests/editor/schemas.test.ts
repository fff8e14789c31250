/** The JSON Schemas editors and other tools use are published, and the committed copies are current. */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {ORG_EXPORT_SCHEMA_PATH, ORG_EXPORT_VERSION} from '@site/src/org/export';
import {createJsonSchemas, FRONT_MATTER_SCHEMA_PATH, serializeJsonSchema} from '@site/src/org/json-schemas';
import {REPO} from './support';
import {handbookVocabulary} from '../support/vocabulary';

describe('published JSON Schemas', () => {
  const schemas = createJsonSchemas(handbookVocabulary);

  it('include the frontmatter schema the editor guide points to', () => {
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining([FRONT_MATTER_SCHEMA_PATH, '/schema/org-export.v3.schema.json', '/schema/org-vocabulary.v1.schema.json']));
  });

  it('keep the schema of every earlier export version published, as the versioning policy promises', async () => {
    const current = Number(/v(\d+)\.schema\.json$/.exec(ORG_EXPORT_SCHEMA_PATH)?.[1]);
    expect(current).toBe(ORG_EXPORT_VERSION);
    for (let version = 1; version < current; version += 1) {
      const earlier = JSON.parse(await readFile(path.join(REPO, 'static/schema', `org-export.v${version}.schema.json`), 'utf8')) as {
        properties: {version: {const: number}};
      };
      expect(earlier.properties.version.const).toBe(version);
    }
  });

  for (const [publicPath, schema] of Object.entries(schemas)) {
    it(`static${publicPath} is up to date (run npm run gen:schemas if not)`, async () => {
      expect(await readFile(path.join(REPO, 'static', publicPath), 'utf8')).toBe(serializeJsonSchema(schema));
    });
  }
});
