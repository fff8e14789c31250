/** Backstage's example organization, as kept in tests/fixtures/backstage-acme/, read like the import reads it. */
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {readCatalogFile, type CatalogRead} from '@site/packages/org-handbook/src/org/backstage/entities';

export const ACME_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'backstage-acme');

export async function readAcmeCatalog(): Promise<CatalogRead> {
  let catalog: CatalogRead | undefined;
  for (const file of (await readdir(ACME_FIXTURES)).filter((name) => name.endsWith('.yaml')).sort()) {
    catalog = readCatalogFile(file, await readFile(path.join(ACME_FIXTURES, file), 'utf8'), catalog);
  }
  return catalog!;
}
