/** Builds a content tree for a test: the shared valid fixture, overlaid with one case's files. */
import {cp, mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {tempDir} from './temp-dirs';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'content');
const REPO = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The fixtures speak the handbook's vocabulary (a case may bring its own org.vocabulary.yaml, which replaces it). */
export async function contentTree(overlay?: string): Promise<string> {
  const dir = await tempDir('org-fixture-');
  await cp(path.join(REPO, 'org.vocabulary.yaml'), path.join(dir, 'org.vocabulary.yaml'));
  await cp(path.join(FIXTURES, 'valid'), dir, {recursive: true});
  if (overlay) await cp(path.join(FIXTURES, overlay), dir, {recursive: true, force: true});
  return dir;
}

/** The shared valid fixture with these files added or replaced (site-relative paths). */
export async function contentTreeWith(files: Record<string, string>): Promise<string> {
  const dir = await contentTree();
  for (const [source, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, source)), {recursive: true});
    await writeFile(path.join(dir, source), text);
  }
  return dir;
}
