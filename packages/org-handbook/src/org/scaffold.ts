/**
 * `npm run new:unit`, without the terminal: turns an editor's answers into a
 * unit page, or refuses them with exactly the messages `npm run check` would
 * print once the page exists: it runs the same pipeline on the handbook with
 * and without the new page. Pure: it sees the handbook only through the page
 * texts and the site rules it is given.
 *
 * Where the page goes (documented in docs/guide/index.md):
 *
 * 1. If the parent unit has a folder of its own (its page is the `index.md` of
 *    a folder below `docs/`), the new page goes into that folder, so a unit's
 *    sub-units sit beside it in the sidebar.
 * 2. Otherwise the folder is the one the vocabulary gives the kind (its
 *    `folder`, under `docs/`), or `docs/` itself when it gives none.
 *
 * The file is named after the id, so the page's address is `/<folder>/<id>`.
 */
import path from 'node:path';
import {Document, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode} from 'yaml';
import {loadPages, type LoadedUnit} from './load';
import {checkTexts, runPipeline, type PageRoutes, type SiteRules} from './pipeline';
import {formatProblem, type OrgProblem} from './problems';
import {article} from './rules';
import {kindLabel} from './vocabulary';

export interface UnitAnswers {
  /** One of the site's kinds; anything else is refused with the schema's message. */
  kind: string;
  /** The page title, shown everywhere the unit is named. */
  name: string;
  /** Defaults to the name, lowercased with hyphens (`slugify`). */
  id?: string;
  /** `org.name`: a shorter name for the chart and lists. */
  shortName?: string;
  reportsTo?: string;
  /** The units whose people make up this one (kinds that take members). */
  members?: string[];
  /** Only for a kind that may be vacant. */
  vacant?: boolean;
  /**
   * `org.roles` and `org.contacts` as the editor wrote them. Their shape is the
   * schema's business: the page is checked by the pipeline like any other, and
   * a wrong entry is reported at its place.
   */
  roles?: Array<Record<string, unknown>>;
  contacts?: Array<Record<string, unknown>>;
  description?: string;
  relations?: Array<{type: string; to: string; note?: string}>;
  maintainers?: string[];
  /** YYYY-MM-DD; the CLI sets it to today when maintainers are given. */
  reviewed?: string;
  formerIds?: string[];
  redirectFrom?: string[];
}

export type AnswerField = keyof UnitAnswers;

export interface NewUnitPage {
  ok: true;
  id: string;
  /** Site-relative path of the page to write, such as `docs/teams/data.md`. */
  path: string;
  content: string;
}

export interface ScaffoldRefusal {
  ok: false;
  /** The problems the page would cause, as the check states them. */
  problems: OrgProblem[];
  /** The answers those problems point at, so an interactive shell can ask again. */
  fields: AnswerField[];
}

/** "Research & Data Science" → "research-and-data-science". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}


/** The folder (site-relative) that a new unit's page belongs in; see the rules at the top. */
export function folderFor(
  kind: string,
  reportsTo: string | undefined,
  units: readonly LoadedUnit[],
  routes: PageRoutes,
  contentDir = 'docs',
): string {
  const parent = reportsTo === undefined ? undefined : units.find((unit) => unit.org.id === reportsTo);
  if (parent && routes.isFolderIndex(parent.source)) {
    const dir = path.posix.dirname(parent.source);
    if (dir !== contentDir) return dir;
  }
  const folder = routes.vocabulary.kinds.get(kind)?.folder ?? '';
  return folder ? `${contentDir}/${folder}` : contentDir;
}


function pageContent(answers: UnitAnswers, id: string, sidebarPosition: number | undefined, vocabulary: SiteRules['vocabulary']): string {
  const org: Record<string, unknown> = {id, kind: answers.kind};
  if (answers.shortName !== undefined) org.name = answers.shortName;
  if (answers.reportsTo !== undefined) org.reportsTo = answers.reportsTo;
  if (answers.members !== undefined) org.members = answers.members;
  if (answers.vacant !== undefined) org.vacant = answers.vacant;
  for (const key of ['roles', 'contacts', 'relations', 'maintainers', 'formerIds', 'redirectFrom'] as const) {
    const value = answers[key];
    if (value !== undefined && value.length > 0) org[key] = value;
  }
  if (answers.reviewed !== undefined) org.reviewed = answers.reviewed;
  const frontMatter: Record<string, unknown> = {title: answers.name};
  if (answers.description) frontMatter.description = answers.description;
  if (sidebarPosition !== undefined) frontMatter.sidebar_position = sidebarPosition;
  frontMatter.org = org;

  const doc = new Document(frontMatter);
  for (const key of ['members', 'maintainers', 'formerIds']) {
    const node = doc.getIn(['org', key], true);
    if (isSeq(node)) node.flow = true;
  }
  // A person per line: `- {name: Jane Doe, handle: "@jane"}`.
  for (const role of (doc.getIn(['org', 'roles'], true) as {items?: unknown[]} | undefined)?.items ?? []) {
    for (const key of ['holders', 'past']) {
      const people = isMap(role) ? role.get(key, true) : undefined;
      if (isSeq(people)) for (const person of people.items) if (isMap(person)) person.flow = true;
    }
  }
  const yamlText = doc.toString({lineWidth: 0, flowCollectionPadding: false});
  const label = vocabulary.kinds.has(answers.kind) ? kindLabel(vocabulary, answers.kind).toLowerCase() : 'unit';
  // The name lands in the MDX body, where "<" opens a component and "{" runs code.
  const name = escapeMarkdownText(answers.name);
  const intro = answers.description?.trim() ? escapeMarkdownText(answers.description.trim()) : `${name} is ${article(label)} of the organization.`;
  const section = 'What it does';
  return [
    `---\n${yamlText}---`,
    '',
    intro,
    '',
    `## ${section}`,
    '',
    `This section is still to be written. Say in a few sentences what ${name} is responsible for and why it exists.`,
    '',
    '## How to reach',
    '',
    answers.contacts !== undefined && answers.contacts.length > 0
      ? `The ways to reach ${name} are listed with its place in the organization, from its \`contacts\`.`
      : `This handbook lists no way to reach ${name} yet: add them under \`contacts\` in the frontmatter.`,
    '',
  ].join('\n');
}

/** Text shown as written: every ASCII punctuation that Markdown or MDX could read as syntax is escaped. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~&]/g, (character) => `\\${character}`);
}

/** Where in the answers a frontmatter path of the generated page comes from. */
function answerPathOf(frontMatterPath: readonly PropertyKey[]): PropertyKey[] | undefined {
  const [first, second, ...rest] = frontMatterPath;
  if (first === 'title') return ['name'];
  if (first === 'description') return ['description'];
  if (first !== 'org') return undefined;
  if (second === undefined) return [];
  return [second === 'name' ? 'shortName' : second, ...rest];
}

/**
 * The frontmatter path of the deepest value at a position of a generated page
 * (`['org', 'roles', 0, 'holders']`), so that a problem the pipeline finds in
 * the page can be pointed at the answer, or at the batch file entry, it came from.
 */
function frontMatterPathAt(content: string, line: number, column: number): PropertyKey[] {
  const yamlText = content.slice(4, content.indexOf('\n---', 3) + 1);
  const lines = yamlText.split('\n');
  // The YAML starts on the page's second line.
  const offset = lines.slice(0, line - 2).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
  if (line < 2 || line - 2 >= lines.length) return [];
  const doc = parseDocument(yamlText);
  const path: PropertyKey[] = [];
  const within = (node: unknown) => {
    const range = (node as YamlNode | undefined)?.range;
    return Array.isArray(range) && range[0] <= offset && offset <= range[1];
  };
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((item) => within(item.key) || within(item.value));
      if (!pair || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      if (within(pair.key) && !within(pair.value)) return path;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => within(item));
      if (index === -1) return path;
      path.push(index);
      node = node.items[index];
    } else {
      return path;
    }
  }
}

/** The answer a problem points at, for problems located outside the answer's own line. */
function fieldOf(problem: OrgProblem, answerPath: readonly PropertyKey[] | undefined): AnswerField | undefined {
  if (problem.message.startsWith('a page already exists')) return 'id';
  if (/"members"/.test(problem.message)) return 'members';
  if (/relation/.test(problem.message)) return 'relations';
  if (/"reportsTo"|second top/.test(problem.message)) return 'reportsTo';
  const first = answerPath?.[0];
  return typeof first === 'string' ? (first as AnswerField) : undefined;
}

/** A problem a new page would cause, with the answer it comes from when that is known. */
export interface ScaffoldProblem extends OrgProblem {
  /** Index of the answers (batch entry) whose page has the problem. */
  entry?: number;
  /** Path inside those answers, such as `['roles', 0, 'holders', 1, 'url']`; `[]` for the entry as a whole. */
  answerPath?: PropertyKey[];
}

export interface NewUnitPages {
  ok: true;
  pages: NewUnitPage[];
}

export interface BatchRefusal {
  ok: false;
  problems: ScaffoldProblem[];
}

/**
 * Writes nothing: returns the page to create, or the problems it would cause.
 * Problems the handbook already had are not blamed on the new page.
 */
export function createUnitPage(
  answers: UnitAnswers,
  texts: ReadonlyMap<string, string>,
  rules: SiteRules,
  contentDir = 'docs',
): NewUnitPage | ScaffoldRefusal {
  const result = createUnitPages([answers], texts, rules, contentDir);
  if (result.ok) return result.pages[0]!;
  return {
    ok: false,
    problems: result.problems.map(({file, line, column, message}) => ({file, line, column, message})),
    fields: [...new Set(result.problems.map((problem) => fieldOf(problem, problem.answerPath)).filter((field) => field !== undefined))],
  };
}

/**
 * Many new units at once (`npm run new:unit -- --from units.yaml`): the pages
 * may refer to each other, and the whole batch goes through the pipeline in one
 * run, so every problem of every page is known at once, and a batch is written
 * whole or not at all.
 */
export function createUnitPages(
  batch: readonly UnitAnswers[],
  texts: ReadonlyMap<string, string>,
  rules: SiteRules,
  contentDir = 'docs',
): NewUnitPages | BatchRefusal {
  const existing = [...texts].map(([source, text]) => ({source, text}));
  const loaded = loadPages(existing, rules.vocabulary, rules.bodyReader);
  const nextPosition = new Map<string, number | undefined>();
  const positionIn = (folder: string): number | undefined => {
    if (!nextPosition.has(folder)) {
      const siblings = loaded.units.filter((unit) => path.posix.dirname(unit.source) === folder && unit.sidebarPosition !== undefined);
      nextPosition.set(folder, siblings.length > 0 ? Math.max(...siblings.map((unit) => unit.sidebarPosition!)) + 1 : undefined);
    }
    const position = nextPosition.get(folder);
    if (position !== undefined) nextPosition.set(folder, position + 1);
    return position;
  };

  const own: ScaffoldProblem[] = [];
  const pages: NewUnitPage[] = [];
  const entryOf = new Map<string, number>();
  batch.forEach((answers, entry) => {
    const id = answers.id ?? slugify(answers.name);
    const folder = folderFor(answers.kind, answers.reportsTo, loaded.units, rules, contentDir);
    const file = `${folder}/${id || 'unnamed'}.md`;
    if (answers.name.trim() === '') {
      own.push({file, line: 2, column: 8, message: 'the unit needs a name: it becomes the page title', entry, answerPath: ['name']});
    }
    const earlier = entryOf.get(file);
    if (earlier !== undefined) {
      own.push({
        file,
        line: 1,
        column: 1,
        message: `units ${earlier + 1} and ${entry + 1} of the batch would both be written to ${file}; give one of them another id`,
        entry,
        answerPath: [answers.id === undefined ? 'name' : 'id'],
      });
      return;
    }
    entryOf.set(file, entry);
    pages.push({ok: true, id, path: file, content: pageContent(answers, id, positionIn(folder), rules.vocabulary)});
  });

  const contentOf = new Map(pages.map((page) => [page.path, page.content]));
  const locateInEntry = (problem: OrgProblem): ScaffoldProblem => {
    const entry = entryOf.get(problem.file);
    if (entry === undefined) return problem;
    const answerPath = answerPathOf(frontMatterPathAt(contentOf.get(problem.file)!, problem.line, problem.column));
    return {...problem, entry, ...(answerPath ? {answerPath} : {})};
  };

  const before = new Set(checkTexts(texts, rules).problems.map(formatProblem));
  // Where a page already exists, check the new one beside it, so its duplicate id is named;
  // that the two would share an address is the "already exists" message below.
  const taken = new Set(pages.filter((page) => texts.has(page.path)).map((page) => page.path));
  const after = runPipeline([...existing, ...pages.map((page) => ({source: page.path, text: page.content}))], rules).problems.filter(
    (problem) => !(taken.has(problem.file) && problem.message.includes('would both be published at')),
  );
  const caused = after.filter((problem) => !before.has(formatProblem(problem))).map(locateInEntry);
  for (const file of taken) {
    // A duplicate id already says why the file name is taken.
    if (caused.some((problem) => problem.file === file && problem.message.startsWith('duplicate unit id'))) continue;
    own.push({file, line: 1, column: 1, message: `a page already exists at ${file}; choose another id`, entry: entryOf.get(file)!, answerPath: ['id']});
  }
  const problems = [...own, ...caused];
  if (problems.length > 0) return {ok: false, problems};
  return {ok: true, pages};
}
