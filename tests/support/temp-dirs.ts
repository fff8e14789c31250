/**
 * Temporary folders for a test file, removed when the file's tests are done,
 * so that repeated runs do not fill /tmp (thousands of fixture copies had
 * piled up on the shared machine).
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll} from 'vitest';

const created: string[] = [];

// Registered when a test file first imports this module: Vitest gives each file its own copy of the modules.
afterAll(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, {recursive: true, force: true})));
});

/** A new empty folder under the system's temporary folder, named `<prefix>XXXXXX`. */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}
