/** Builds a content tree for a test: the shared valid fixture, overlaid with one case's files. */
import {cp, mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'content');

export async function contentTree(overlay?: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'org-fixture-'));
  await cp(path.join(FIXTURES, 'valid'), dir, {recursive: true});
  if (overlay) await cp(path.join(FIXTURES, overlay), dir, {recursive: true, force: true});
  return dir;
}
