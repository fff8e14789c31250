/**
 * Node-only: reads the content tree's past from git. Everything it returns is
 * plain data for the pure history modules; every page text goes through the
 * adapter in read-tree.ts.
 *
 * Cost control: one `git log` lists every commit that touched the content
 * folder with the blob id of each file it changed, so each commit's tree is
 * the previous one plus a few changes; one `git cat-file --batch` reads every
 * blob needed; and a parse cache keyed by blob id and path means a file that
 * did not change is never parsed twice, however many commits contain it.
 */
import {execFile, spawn} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {graphFromParsed, isContentPath, parseTreeFile, structureKeyOf, type ParsedFile, type TreeReading} from './read-tree';
import type {Vocabulary} from '../vocabulary';
import type {CommitInfo} from './timeline';

const run = promisify(execFile);
const MAX_BUFFER = 1024 * 1024 * 1024;

async function git(cwd: string, args: readonly string[]): Promise<string> {
  const {stdout} = await run('git', args, {cwd, maxBuffer: MAX_BUFFER, encoding: 'utf8'});
  return stdout;
}

/** Where the site sits in its repository, or why its history cannot be read. */
export type GitLocation =
  | {available: true; topLevel: string; /** The site's folder inside the repository, `''` or ending in `/`. */ prefix: string; shallow: boolean}
  | {available: false; reason: string};

export async function locateRepository(siteDir: string): Promise<GitLocation> {
  let output: string;
  try {
    output = await git(siteDir, ['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository']);
  } catch {
    return {available: false, reason: 'The site is not inside a git repository, so its history is unavailable.'};
  }
  const [topLevel = siteDir, prefix = '', shallow = 'false'] = output.split('\n');
  try {
    await git(siteDir, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  } catch {
    return {available: false, reason: 'The repository has no commits yet, so there is no history to show.'};
  }
  return {available: true, topLevel, prefix, shallow: shallow.trim() === 'true'};
}

export const SHALLOW_REASON =
  'This copy of the repository has a shallow history (a clone made with --depth), so the history of the organization is unavailable. Fetch the whole history with `git fetch --unshallow` to see it.';

/** Parsed pages, by blob id and path: a file is parsed once however many commits contain it. */
export class ParseCache {
  /** Every page in the cache is read with this vocabulary. */
  constructor(readonly vocabulary: Vocabulary) {}

  private readonly parsed = new Map<string, ParsedFile>();
  private readonly keys = new Map<ParsedFile, string>();
  /** How many times a page was actually parsed (for tests and the benchmark). */
  parses = 0;

  static key(blob: string, source: string): string {
    return `${blob} ${source}`;
  }

  has(blob: string, source: string): boolean {
    return this.parsed.has(ParseCache.key(blob, source));
  }

  get(blob: string, source: string, text: () => string): ParsedFile {
    const key = ParseCache.key(blob, source);
    let file = this.parsed.get(key);
    if (!file) {
      file = parseTreeFile({source, text: text()}, this.vocabulary);
      this.parsed.set(key, file);
      this.parses += 1;
    }
    return file;
  }

  /** `structureKeyOf` a cached page, computed once. */
  structureKey(file: ParsedFile): string {
    let key = this.keys.get(file);
    if (key === undefined) {
      key = structureKeyOf(file);
      this.keys.set(file, key);
    }
    return key;
  }
}

/** Reads blobs by id with one `git cat-file --batch` process. */
async function readBlobs(topLevel: string, ids: readonly string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  if (ids.length === 0) return texts;
  const output = await new Promise<Buffer>((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], {cwd: topLevel, stdio: ['pipe', 'pipe', 'pipe']});
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`git cat-file failed (${code}): ${stderr}`))));
    child.stdin.end(`${ids.join('\n')}\n`);
  });
  let offset = 0;
  while (offset < output.length) {
    const lineEnd = output.indexOf(10, offset);
    const header = output.toString('utf8', offset, lineEnd).split(' ');
    offset = lineEnd + 1;
    const [id, type, size] = header;
    if (type === 'missing' || size === undefined) continue;
    const length = Number(size);
    texts.set(id!, output.toString('utf8', offset, offset + length));
    offset += length + 1;
  }
  return texts;
}

/** Reads from git the blobs of these trees (path → blob id) that the cache lacks, and returns a parser of any of their files. */
async function parserOf(
  topLevel: string,
  trees: ReadonlyArray<ReadonlyMap<string, string>>,
  cache: ParseCache,
): Promise<(source: string, blob: string) => ParsedFile> {
  const missing = new Set<string>();
  for (const tree of trees) for (const [source, blob] of tree) if (!cache.has(blob, source)) missing.add(blob);
  const texts = await readBlobs(topLevel, [...missing]);
  return (source, blob) => cache.get(blob, source, () => texts.get(blob) ?? '');
}

function readingOf(tree: ReadonlyMap<string, string>, parse: (source: string, blob: string) => ParsedFile, vocabulary: Vocabulary): TreeReading {
  return graphFromParsed(
    [...tree].map(([source, blob]) => parse(source, blob)),
    vocabulary,
  );
}

export interface CommitReading {
  commit: CommitInfo;
  reading: TreeReading;
  /**
   * True when the commit changed nothing a graph is made of (prose, or files
   * that are not pages): its reading is the previous one, not rebuilt.
   */
  sameStructure: boolean;
}

export type HistoryResult = {available: true; commits: CommitReading[]} | {available: false; reason: string};

export interface ReadHistoryOptions {
  /** The content folder, relative to the site (default `docs`). */
  contentDir?: string;
  /** Pages are read with its vocabulary. */
  cache: ParseCache;
  /** The commit to read up to (default `HEAD`). */
  until?: string;
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * Every commit on the first-parent line of `until` that touched the content
 * folder, oldest first, each with the structure its tree had. Merges count
 * once (as the change they brought to the line), as a reader of the default
 * branch saw them land.
 */
export async function readHistory(siteDir: string, options: ReadHistoryOptions): Promise<HistoryResult> {
  const location = await locateRepository(siteDir);
  if (!location.available) return location;
  if (location.shallow) return {available: false, reason: SHALLOW_REASON};
  const {topLevel, prefix} = location;
  const contentPath = `${prefix}${options.contentDir ?? 'docs'}`;
  const {cache} = options;
  const log = await git(topLevel, [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--reverse',
    '--root',
    '--raw',
    '-z',
    '--no-renames',
    '--no-abbrev',
    `--format=${RECORD}%H${FIELD}%cI${FIELD}%s`,
    options.until ?? 'HEAD',
    '--',
    contentPath,
  ]);

  const commits: CommitInfo[] = [];
  const trees: Array<Map<string, string>> = [];
  /** Per commit, the pages it added, changed or deleted. */
  const changedPages: string[][] = [];
  let tree = new Map<string, string>();
  for (const record of log.split(RECORD)) {
    if (record.trim() === '') continue;
    const [header = '', ...rest] = record.split('\0');
    const [sha = '', date = '', subject = ''] = header.split(FIELD);
    tree = new Map(tree);
    const changed: string[] = [];
    // The rest alternates `:mode mode old new status` and a path.
    for (let index = 0; index + 1 < rest.length; index += 2) {
      const meta = rest[index]!.trim().split(' ');
      const file = rest[index + 1]!;
      if (!file.startsWith(prefix)) continue;
      const source = file.slice(prefix.length);
      if (!isContentPath(source)) continue;
      changed.push(source);
      const status = meta[4] ?? '';
      if (status.startsWith('D')) tree.delete(source);
      else tree.set(source, meta[3]!);
    }
    commits.push({sha, date: date.slice(0, 10), subject});
    trees.push(tree);
    changedPages.push(changed);
  }

  const parse = await parserOf(topLevel, trees, cache);
  const result: CommitReading[] = [];
  let previous: TreeReading | undefined;
  commits.forEach((commit, index) => {
    const before = trees[index - 1];
    const after = trees[index]!;
    // Same pages, and each changed one parses to the same structure as before: no new graph.
    const sameStructure =
      previous !== undefined &&
      before !== undefined &&
      changedPages[index]!.every((source) => {
        const old = before.get(source);
        const now = after.get(source);
        return old !== undefined && now !== undefined && cache.structureKey(parse(source, old)) === cache.structureKey(parse(source, now));
      });
    const reading = sameStructure ? previous! : readingOf(after, parse, cache.vocabulary);
    result.push({commit, reading, sameStructure});
    previous = reading;
  });
  return {available: true, commits: result};
}

/** The structure at one revision (a commit, branch or tag). */
export async function readTreeAt(siteDir: string, revision: string, options: {contentDir?: string; cache: ParseCache}): Promise<TreeReading> {
  const location = await locateRepository(siteDir);
  if (!location.available) throw new Error(location.reason);
  const {topLevel, prefix} = location;
  const listing = await git(topLevel, ['ls-tree', '-r', '-z', '--full-tree', revision, '--', `${prefix}${options.contentDir ?? 'docs'}`]);
  const tree = new Map<string, string>();
  for (const entry of listing.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, blob] = entry.slice(0, tab).split(' ');
    const source = entry.slice(tab + 1).slice(prefix.length);
    if (type === 'blob' && blob && isContentPath(source)) tree.set(source, blob);
  }
  return readingOf(tree, await parserOf(topLevel, [tree], options.cache), options.cache.vocabulary);
}

/** The structure in the working tree: tracked and untracked files, as `git status` sees them (ignored files are left out). */
export async function readWorkingTree(siteDir: string, options: {contentDir?: string; vocabulary: Vocabulary}): Promise<TreeReading> {
  const location = await locateRepository(siteDir);
  if (!location.available) throw new Error(location.reason);
  const {topLevel, prefix} = location;
  const listing = await git(topLevel, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', `${prefix}${options.contentDir ?? 'docs'}`]);
  const sources = [...new Set(listing.split('\0').filter(Boolean))].map((file) => file.slice(prefix.length)).filter(isContentPath);
  const files = await Promise.all(
    sources.map(async (source) => {
      try {
        return parseTreeFile({source, text: await readFile(path.join(siteDir, source), 'utf8')}, options.vocabulary);
      } catch {
        return undefined; // deleted in the working tree but still in the index
      }
    }),
  );
  return graphFromParsed(
    files.filter((file): file is ParsedFile => file !== undefined),
    options.vocabulary,
  );
}

/** The full id of a revision, or undefined when it does not name a commit here. */
export async function resolveCommit(siteDir: string, revision: string): Promise<string | undefined> {
  try {
    return (await git(siteDir, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`])).trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function mergeBase(siteDir: string, a: string, b: string): Promise<string | undefined> {
  try {
    return (await git(siteDir, ['merge-base', a, b])).trim() || undefined;
  } catch {
    return undefined;
  }
}
