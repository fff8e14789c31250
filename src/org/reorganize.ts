/**
 * The four reorganization recipes (move, rename, merge, retire) as pure
 * functions from page texts to page texts. `scripts/reorganize.ts` reads and
 * writes the files; the editor guide (docs/guide/reorganizations.md) explains
 * each recipe.
 *
 * Frontmatter is edited through the `yaml` package's Document API, so comments,
 * quoting and the order of keys survive; only the values a recipe changes differ.
 * Every recipe leaves validation to the check: run the pipeline's `checkTexts` on the result.
 */
import path from 'node:path';
import {isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap} from 'yaml';
import {loadPages, type LoadedUnit} from './load';
import type {Vocabulary} from './vocabulary';
import {sortProblems, type OrgProblem} from './problems';
import type {PageRoutes} from './pipeline';
import {didYouMean} from './suggest';

/** Page texts by site-relative source path (`docs/teams/area-leads.md`). */
export type PageTexts = ReadonlyMap<string, string>;

export interface Reorganization {
  /** The whole content tree after the change. */
  texts: Map<string, string>;
  /** Pages created or changed, sorted. */
  written: string[];
  /** Pages removed (a merged unit's page, or a renamed file's old path), sorted. */
  deleted: string[];
  /** One line per change, for the terminal and for the pull request description. */
  notes: string[];
}

/** A recipe that cannot even start (unknown unit, nonsensical arguments). */
export class ReorganizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReorganizeError';
  }
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*$/m;
const TO_STRING = {lineWidth: 0, flowCollectionPadding: false} as const;

// ---------------------------------------------------------------------------
// Relative Markdown links

const INLINE_LINK = /(\]\(\s*<?)([^()\s<>#]+?\.mdx?)(#[^()\s<>]*)?(?=>?(?:\s+["'(][^)]*)?\s*\))/g;
const REFERENCE_LINK = /^([ \t]*\[[^\]\n]+\]:[ \t]*<?)([^\s<>#]+?\.mdx?)(#[^\s<>]*)?(?=>?(?:\s|$))/gm;

function isRelative(target: string): boolean {
  return !target.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(target);
}

function resolveLink(fromSource: string, target: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromSource), decodeURI(target)));
}

function relativeLink(fromSource: string, targetSource: string, original: string): string {
  const relative = path.posix.relative(path.posix.dirname(fromSource), targetSource);
  return original.startsWith('./') && !relative.startsWith('.') ? `./${relative}` : relative;
}

/**
 * Rewrites the relative `.md` links of one page after files moved: `moves`
 * maps old sources to new ones; a page that itself moved (`oldSource` →
 * `newSource`) has its own links recomputed from its new folder. Anchors into
 * a page listed in `dropAnchors` are removed (its sections are gone).
 */
export function rewriteLinks(
  text: string,
  oldSource: string,
  newSource: string,
  moves: ReadonlyMap<string, string>,
  dropAnchors: ReadonlySet<string> = new Set(),
): string {
  const replace = (whole: string, prefix: string, target: string, anchor: string | undefined) => {
    if (!isRelative(target)) return whole;
    const resolved = resolveLink(oldSource, target);
    const moved = moves.get(resolved);
    if (moved === undefined && oldSource === newSource) return whole;
    const link = relativeLink(newSource, moved ?? resolved, target);
    const keptAnchor = anchor && !dropAnchors.has(resolved) ? anchor : '';
    return `${prefix}${link}${keptAnchor}`;
  };
  return text.replace(INLINE_LINK, replace).replace(REFERENCE_LINK, replace);
}

/** Relative `.md` links whose target is not among the texts: the build would fail on them. */
export function findBrokenLinks(texts: PageTexts): OrgProblem[] {
  const problems: OrgProblem[] = [];
  for (const [source, text] of texts) {
    for (const pattern of [INLINE_LINK, REFERENCE_LINK]) {
      for (const match of text.matchAll(pattern)) {
        const [, prefix = '', target = ''] = match;
        if (!isRelative(target) || texts.has(resolveLink(source, target))) continue;
        const offset = (match.index ?? 0) + prefix.length;
        const before = text.slice(0, offset);
        const line = before.split('\n').length;
        const column = offset - before.lastIndexOf('\n');
        problems.push({file: source, line, column, message: `link to "${target}" points to a page that does not exist`});
      }
    }
  }
  return sortProblems(problems);
}

// ---------------------------------------------------------------------------
// Editing frontmatter

/** Applies `edit` to the page's frontmatter; when it returns false the text is kept byte for byte. */
function editFrontMatter(text: string, edit: (doc: Document) => boolean | void): string {
  const match = FRONT_MATTER.exec(text);
  if (!match || match.index !== 0) throw new ReorganizeError('the page has no frontmatter');
  const start = text.indexOf('\n') + 1;
  const yamlText = match[1] ?? '';
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0) throw new ReorganizeError(`the frontmatter is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  if (edit(doc) === false) return text;
  const output = doc.toString(TO_STRING).replace(/\n$/, '');
  return text.slice(0, start) + output + text.slice(start + yamlText.length);
}

function orgMap(doc: Document): YAMLMap {
  const org = doc.get('org', true);
  if (!isMap(org)) throw new ReorganizeError('the page has no org mapping');
  return org;
}

function scalarValues(doc: Document, key: string): string[] {
  const node = orgMap(doc).get(key, true);
  return isSeq(node) ? node.items.map((item) => (isScalar(item) ? String(item.value) : '')) : [];
}

/** Appends values to a list in `org` (created as a flow list), skipping those already there. */
function addToList(doc: Document, key: string, values: readonly string[]): void {
  const org = orgMap(doc);
  const existing = scalarValues(doc, key);
  const fresh = [...new Set(values)].filter((value) => !existing.includes(value));
  if (fresh.length === 0) return;
  const node = org.get(key, true);
  if (isSeq(node)) for (const value of fresh) node.items.push(doc.createNode(value));
  else org.set(key, doc.createNode(fresh, {flow: true}));
}

function removeFromList(doc: Document, key: string, values: readonly string[]): void {
  const org = orgMap(doc);
  const node = org.get(key, true);
  if (!isSeq(node)) return;
  node.items = node.items.filter((item) => !(isScalar(item) && values.includes(String(item.value))));
  if (node.items.length === 0) org.delete(key);
}

interface Replacement {
  /** New target of `reportsTo`; null removes the field. */
  reportsTo: string | null;
  /** New entry in team `members`; null removes the entry. */
  members: string | null;
  /** New target of relations; null removes the relation. */
  relations: string | null;
}

function everywhere(target: string | null): Replacement {
  return {reportsTo: target, members: target, relations: target};
}

/**
 * Points one page's references to `oldId` elsewhere. A reference that would
 * end up pointing at the page's own unit, or repeat an entry, is removed.
 * Returns what changed, for the notes.
 */
function retarget(doc: Document, oldId: string, replacement: Replacement): string[] {
  const org = orgMap(doc);
  const selfId = String(org.get('id') ?? '');
  const changes: string[] = [];
  const usable = (target: string | null) => (target === selfId ? null : target);

  const reportsTo = org.get('reportsTo', true);
  if (isScalar(reportsTo) && reportsTo.value === oldId) {
    const target = usable(replacement.reportsTo);
    if (target === null) org.delete('reportsTo');
    else reportsTo.value = target;
    changes.push(`reportsTo ${oldId} → ${target ?? '(removed)'}`);
  }

  const members = org.get('members', true);
  if (isSeq(members)) {
    const present = members.items.map((item) => (isScalar(item) ? String(item.value) : ''));
    if (present.includes(oldId)) {
      const target = usable(replacement.members);
      members.items = members.items.flatMap((item) => {
        if (!isScalar(item) || item.value !== oldId) return [item];
        if (target === null || present.includes(target)) return [];
        item.value = target;
        return [item];
      });
      changes.push(`members: ${oldId} → ${target ?? '(removed)'}`);
    }
  }

  const relations = org.get('relations', true);
  if (isSeq(relations)) {
    const target = usable(replacement.relations);
    const seen = new Set<string>();
    let touched = false;
    relations.items = relations.items.filter((item) => {
      if (!isMap(item)) return true;
      const to = item.get('to', true);
      if (isScalar(to) && to.value === oldId) {
        touched = true;
        if (target === null) return false;
        to.value = target;
      }
      const key = `${String(item.get('type'))}→${String(item.get('to'))}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (relations.items.length === 0) org.delete('relations');
    if (touched) changes.push(`relations: ${oldId} → ${target ?? '(removed)'}`);
  }
  return changes;
}

// ---------------------------------------------------------------------------
// A recipe's working state

class Reorganizer {
  readonly texts: Map<string, string>;
  readonly units: LoadedUnit[];
  private readonly written = new Set<string>();
  private readonly deleted = new Set<string>();
  private readonly notes: string[] = [];

  constructor(
    texts: PageTexts,
    readonly vocabulary: Vocabulary,
  ) {
    this.texts = new Map(texts);
    const loaded = loadPages(
      [...texts].map(([source, text]) => ({source, text})),
      vocabulary,
    );
    if (loaded.problems.length > 0) {
      const first = loaded.problems[0]!;
      throw new ReorganizeError(
        `the handbook has problems to fix first (npm run check), such as ${first.file}:${first.line}:${first.column}: ${first.message}`,
      );
    }
    this.units = loaded.units;
  }

  find(id: string): LoadedUnit {
    const unit = this.units.find((candidate) => candidate.org.id === id);
    if (unit) return unit;
    const renamed = this.units.find((candidate) => candidate.org.formerIds?.includes(id));
    if (renamed) throw new ReorganizeError(`no unit has the id "${id}": it was renamed to "${renamed.org.id}" (${renamed.source})`);
    throw new ReorganizeError(`no unit has the id "${id}"${didYouMean(id, this.units.map((candidate) => candidate.org.id))}`);
  }

  findLive(id: string): LoadedUnit {
    const unit = this.find(id);
    if (unit.org.retired) throw new ReorganizeError(`"${id}" was retired on ${unit.org.retired.on}; it can no longer be reorganized`);
    return unit;
  }

  edit(source: string, change: (doc: Document) => boolean | void): void {
    const before = this.texts.get(source);
    if (before === undefined) throw new ReorganizeError(`no page ${source}`);
    let after: string;
    try {
      after = editFrontMatter(before, change);
    } catch (error) {
      if (error instanceof ReorganizeError) throw new ReorganizeError(`${source}: ${error.message}`);
      throw error;
    }
    if (after !== before) {
      this.texts.set(source, after);
      this.written.add(source);
    }
  }

  note(line: string): void {
    this.notes.push(line);
  }

  /** Replaces references to `oldId` in every page except `skip`. */
  retargetEverywhere(oldId: string, replacement: Replacement, skip: readonly string[] = []): void {
    for (const unit of this.units) {
      if (skip.includes(unit.source)) continue;
      let changes: string[] = [];
      this.edit(unit.source, (doc) => {
        changes = retarget(doc, oldId, replacement);
        return changes.length > 0;
      });
      for (const change of changes) this.note(`${unit.source}: ${change}`);
    }
  }

  /** Moves or removes pages and fixes the relative links to them in every page. */
  relocate(moves: ReadonlyMap<string, string>, removed: ReadonlySet<string> = new Set()): void {
    for (const [from, to] of moves) {
      if (removed.has(from)) continue;
      if (this.texts.has(to)) throw new ReorganizeError(`cannot move ${from} to ${to}: a page already exists there`);
      this.texts.set(to, this.texts.get(from)!);
      this.texts.delete(from);
      this.written.delete(from);
      this.written.add(to);
      this.deleted.add(from);
      this.note(`${from} → ${to}`);
    }
    for (const source of removed) {
      this.texts.delete(source);
      this.written.delete(source);
      this.deleted.add(source);
      this.note(`${source}: removed`);
    }
    const reverse = new Map([...moves].filter(([from]) => !removed.has(from)).map(([from, to]) => [to, from]));
    for (const [source, text] of [...this.texts]) {
      const oldSource = reverse.get(source) ?? source;
      const rewritten = rewriteLinks(text, oldSource, source, moves, removed);
      if (rewritten !== text) {
        this.texts.set(source, rewritten);
        this.written.add(source);
        if (oldSource === source) this.note(`${source}: links updated`);
      }
    }
  }

  result(): Reorganization {
    return {
      texts: this.texts,
      written: [...this.written].filter((source) => this.texts.has(source)).sort(),
      deleted: [...this.deleted].filter((source) => !this.texts.has(source)).sort(),
      notes: this.notes,
    };
  }
}

/** Copies `from`'s relations to the unit whose page `doc` is, skipping repeats and relations to itself. */
function inheritRelations(doc: Document, from: LoadedUnit, to: LoadedUnit): boolean {
  const existing = new Set((to.org.relations ?? []).map((relation) => `${relation.type}→${relation.to}`));
  const inherited = (from.org.relations ?? []).filter(
    (relation) => relation.to !== to.org.id && !existing.has(`${relation.type}→${relation.to}`),
  );
  if (inherited.length === 0) return false;
  const org = orgMap(doc);
  const relations = org.get('relations', true);
  if (isSeq(relations)) for (const relation of inherited) relations.items.push(doc.createNode(relation));
  else org.set('relations', doc.createNode(inherited));
  return true;
}


// ---------------------------------------------------------------------------
// The recipes

export interface MoveOptions {
  /** The unit to move. */
  id: string;
  /** Its new parent. */
  to: string;
  /** The site's vocabulary, to read the pages with. */
  vocabulary: Vocabulary;
}

/** Makes a unit report to another parent. The page stays where it is, so its address does not change. */
export function moveUnit(texts: PageTexts, options: MoveOptions): Reorganization {
  const work = new Reorganizer(texts, options.vocabulary);
  const unit = work.findLive(options.id);
  const from = unit.org.reportsTo;
  if (from === options.to) throw new ReorganizeError(`"${options.id}" already reports to "${options.to}"`);
  work.edit(unit.source, (doc) => {
    orgMap(doc).set('reportsTo', options.to);
  });
  work.note(`${unit.source}: reportsTo ${from ?? '(none)'} → ${options.to}`);
  return work.result();
}

export interface RenameOptions {
  from: string;
  to: string;
  /** New page title (and `org.name`, when the page sets one). */
  title?: string;
  /** Update every reference in other pages (default). When false, the check lists each one with the rename hint. */
  updateReferences?: boolean;
  /** Rename the file when it is named after the old id (default), keeping the old address as a redirect. */
  renameFile?: boolean;
  /** The docs plugin's address rules, for the redirect from the old address. */
  routes: PageRoutes;
}

/**
 * Changes a unit's id. The old id goes to `formerIds`, so a reference that was
 * not updated gets the hint "it was renamed to ...". When the file is named
 * after the old id it is renamed too, its old address goes to `redirectFrom`,
 * and relative links to it are updated.
 */
export function renameUnit(texts: PageTexts, options: RenameOptions): Reorganization {
  const {from, to, title, updateReferences = true, renameFile = true, routes} = options;
  const work = new Reorganizer(texts, routes.vocabulary);
  const unit = work.find(from);
  if (from === to) throw new ReorganizeError(`"${from}" already has that id`);
  const {dir, name, ext} = path.posix.parse(unit.source);
  const newSource = renameFile && name === from && !routes.isFolderIndex(unit.source) ? `${dir}/${to}${ext}` : unit.source;
  const oldPath = routes.permalinkOf(unit.source, {});
  const newPath = routes.permalinkOf(newSource, {});

  work.edit(unit.source, (doc) => {
    const org = orgMap(doc);
    org.set('id', to);
    addToList(doc, 'formerIds', [from]);
    removeFromList(doc, 'formerIds', [to]);
    if (title !== undefined) {
      doc.set('title', title);
      if (org.has('name')) org.set('name', title);
    }
    if (newPath !== oldPath) {
      addToList(doc, 'redirectFrom', [oldPath]);
      removeFromList(doc, 'redirectFrom', [newPath]);
    }
  });
  work.note(`${unit.source}: id ${from} → ${to} (formerIds keeps "${from}")${title !== undefined ? `, title "${title}"` : ''}`);
  if (newPath !== oldPath) work.note(`${unit.source}: redirect from ${oldPath} to ${newPath}`);

  if (updateReferences) work.retargetEverywhere(from, everywhere(to), [unit.source]);
  if (newSource !== unit.source) work.relocate(new Map([[unit.source, newSource]]));
  return work.result();
}

export interface MergeOptions {
  /** The unit that goes away. */
  from: string;
  /** The unit that remains and absorbs it. */
  into: string;
  /** The docs plugin's address rules, for the redirect from the absorbed unit's address. */
  routes: PageRoutes;
}

/**
 * Folds one unit into another: the absorbed unit's id becomes a former id of
 * the survivor, its address redirects to the survivor's page, its members and
 * relations join the survivor's, every reference to it points to the survivor,
 * and its page is removed. (To keep the absorbed unit's page in History
 * instead, retire it with the survivor as successor.)
 */
export function mergeUnits(texts: PageTexts, options: MergeOptions): Reorganization {
  const work = new Reorganizer(texts, options.routes.vocabulary);
  const absorbed = work.findLive(options.from);
  const survivor = work.findLive(options.into);
  if (absorbed === survivor) throw new ReorganizeError('a unit cannot be merged into itself');

  work.edit(survivor.source, (doc) => {
    addToList(doc, 'formerIds', [absorbed.org.id, ...(absorbed.org.formerIds ?? [])]);
    const ownPath = options.routes.permalinkOf(survivor.source, {});
    const oldPaths = [options.routes.permalinkOf(absorbed.source, {}), ...(absorbed.org.redirectFrom ?? [])].filter((from) => from !== ownPath);
    addToList(doc, 'redirectFrom', oldPaths);
    if (absorbed.org.members) addToList(doc, 'members', absorbed.org.members.filter((member) => member !== survivor.org.id));
    inheritRelations(doc, absorbed, survivor);
    retarget(doc, absorbed.org.id, {...everywhere(survivor.org.id), reportsTo: absorbed.org.reportsTo ?? null});
  });
  work.note(`${survivor.source}: absorbs "${absorbed.org.id}" (formerIds, redirectFrom, members, relations)`);
  work.retargetEverywhere(absorbed.org.id, everywhere(survivor.org.id), [absorbed.source, survivor.source]);
  work.relocate(new Map([[absorbed.source, survivor.source]]), new Set([absorbed.source]));
  return work.result();
}

export interface RetireOptions {
  id: string;
  /** YYYY-MM-DD. */
  on: string;
  note?: string;
  /** The unit that takes over: direct reports move to it, and references point to it. */
  successor?: string;
  /** The site's vocabulary, to read the pages with. */
  vocabulary: Vocabulary;
}

/**
 * Marks a unit as retired: it leaves the chart and the counts, its page stays
 * (same address) and History lists it. References to it move to the
 * successor when one is named, and the successor takes over its relations;
 * otherwise its direct reports move up to its own parent, and team
 * memberships and relations naming it are dropped.
 */
export function retireUnit(texts: PageTexts, options: RetireOptions): Reorganization {
  const work = new Reorganizer(texts, options.vocabulary);
  const unit = work.findLive(options.id);
  if (unit.org.reportsTo === undefined && options.vocabulary.kinds.get(unit.org.kind)?.root) {
    throw new ReorganizeError(`"${unit.org.id}" is the top of the structure and cannot be retired`);
  }
  const successor = options.successor === undefined ? undefined : work.findLive(options.successor);
  if (successor === unit) throw new ReorganizeError('a unit cannot succeed itself');

  work.edit(unit.source, (doc) => {
    orgMap(doc).set('retired', doc.createNode({on: options.on, ...(options.note ? {note: options.note} : {})}));
  });
  work.note(`${unit.source}: retired on ${options.on}${successor ? `, succeeded by "${successor.org.id}"` : ''}`);
  if (successor) {
    work.edit(successor.source, (doc) => {
      const inherited = inheritRelations(doc, unit, successor);
      const retargeted = retarget(doc, unit.org.id, {...everywhere(successor.org.id), reportsTo: unit.org.reportsTo ?? null});
      if (inherited) work.note(`${successor.source}: takes over the relations of "${unit.org.id}"`);
      for (const change of retargeted) work.note(`${successor.source}: ${change}`);
      return inherited || retargeted.length > 0;
    });
  }
  const replacement = successor
    ? everywhere(successor.org.id)
    : {reportsTo: unit.org.reportsTo ?? null, members: null, relations: null};
  work.retargetEverywhere(unit.org.id, replacement, [unit.source, ...(successor ? [successor.source] : [])]);
  return work.result();
}
