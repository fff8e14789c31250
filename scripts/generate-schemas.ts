/** `npm run gen:schemas`: writes the published JSON Schemas under static/schema/. A unit test fails when they are stale. */
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {createJsonSchemas, serializeJsonSchema} from '@site/packages/org-handbook/src/org/json-schemas';

for (const [publicPath, schema] of Object.entries(createJsonSchemas())) {
  const file = path.join(process.cwd(), 'static', publicPath);
  await mkdir(path.dirname(file), {recursive: true});
  await writeFile(file, serializeJsonSchema(schema));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
