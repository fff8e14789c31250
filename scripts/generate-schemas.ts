/**
 * `npm run gen:schemas`: writes the published JSON Schemas under static/schema/,
 * the frontmatter's built from the site's vocabulary (`<siteDir>/org.vocabulary.yaml`,
 * or `--vocabulary PATH`). A unit test fails when they are stale.
 */
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {createJsonSchemas, serializeJsonSchema} from '@site/src/org/json-schemas';
import {requireVocabulary} from '@site/src/plugins/content';

const {values} = parseArgs({options: {vocabulary: {type: 'string'}}});
const vocabulary = await requireVocabulary(process.cwd(), values.vocabulary);
for (const [publicPath, schema] of Object.entries(createJsonSchemas(vocabulary))) {
  const file = path.join(process.cwd(), 'static', publicPath);
  await mkdir(path.dirname(file), {recursive: true});
  await writeFile(file, serializeJsonSchema(schema));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
