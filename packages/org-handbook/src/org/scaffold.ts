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
import {Document, isSeq} from 'yaml';
import {loadPages, parsePage, type LoadedUnit} from './load';
import {checkTexts, runPipeline, type PageRoutes, type SiteRules} from './pipeline';
import {formatProblem, type OrgProblem} from './problems';
import {article} from './rules';
import type {OrgContact, OrgRole} from './schema';
import {kindLabel} from './vocabulary';

export interface UnitAnswers {
  /** A kind of the vocabulary; anything else is refused with the schema's message. */
  kind: string;
  /** The page title, shown everywhere the unit is named. */
  name: string;
  /** Defaults to the name, lowercased with hyphens (`slugify`). */
  id?: string;
  reportsTo?: string;
  /** Teams: the units whose people make up the team. */
  members?: string[];
  description?: string;
  relations?: Array<{type: string; to: string; note?: string}>;
  /** Roles with their holders, or where they are listed. */
  roles?: OrgRole[];
  /** Ways to reach the unit. */
  contacts?: OrgContact[];
  maintainers?: string[];
  /** YYYY-MM-DD; the CLI sets it to today when maintainers are given. */
  reviewed?: string;
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
  if (answers.reportsTo !== undefined) org.reportsTo = answers.reportsTo;
  if (answers.members !== undefined) org.members = answers.members;
  if (answers.roles !== undefined && answers.roles.length > 0) org.roles = answers.roles;
  if (answers.contacts !== undefined && answers.contacts.length > 0) org.contacts = answers.contacts;
  if (answers.relations !== undefined && answers.relations.length > 0) org.relations = answers.relations;
  if (answers.maintainers !== undefined && answers.maintainers.length > 0) org.maintainers = answers.maintainers;
  if (answers.reviewed !== undefined) org.reviewed = answers.reviewed;
  const frontMatter: Record<string, unknown> = {title: answers.name};
  if (answers.description) frontMatter.description = answers.description;
  if (sidebarPosition !== undefined) frontMatter.sidebar_position = sidebarPosition;
  frontMatter.org = org;

  const doc = new Document(frontMatter);
  for (const key of ['members', 'maintainers']) {
    const node = doc.getIn(['org', key], true);
    if (isSeq(node)) node.flow = true;
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
    `This handbook lists no way to reach ${name} yet: add them under \`contacts\` in the frontmatter.`,
    '',
  ].join('\n');
}

/** Text shown as written: every ASCII punctuation that Markdown or MDX could read as syntax is escaped. */
export function escapeMarkdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~&]/g, (character) => `\\${character}`);
}

/** The answer each line of the generated frontmatter comes from. */
function fieldsByLine(content: string): Map<number, AnswerField> {
  const byLine = new Map<number, AnswerField>();
  const keyToField: Record<string, AnswerField> = {
    title: 'name',
    description: 'description',
    id: 'id',
    kind: 'kind',
    reportsTo: 'reportsTo',
    members: 'members',
    roles: 'roles',
    contacts: 'contacts',
    relations: 'relations',
    maintainers: 'maintainers',
    reviewed: 'reviewed',
  };
  let current: AnswerField | undefined;
  content.split('\n').forEach((line, index) => {
    if (index > 0 && line === '---') current = undefined;
    const key = /^(?: {2})?([A-Za-z_]+):/.exec(line)?.[1];
    if (key !== undefined) current = keyToField[key];
    if (current !== undefined) byLine.set(index + 1, current);
  });
  return byLine;
}

function fieldOf(problem: OrgProblem, byLine: Map<number, AnswerField>): AnswerField | undefined {
  if (problem.message.startsWith('a page already exists')) return 'id';
  if (/"members"/.test(problem.message)) return 'members';
  if (/relation/.test(problem.message)) return 'relations';
  if (/"reportsTo"|second top/.test(problem.message)) return 'reportsTo';
  return byLine.get(problem.line);
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
  const loaded = loadPages([...texts].map(([source, text]) => ({source, text})), rules.vocabulary, rules.bodyReader);
  const id = answers.id ?? slugify(answers.name);
  const folder = folderFor(answers.kind, answers.reportsTo, loaded.units, rules, contentDir);
  const file = `${folder}/${id || 'unnamed'}.md`;
  const siblings = loaded.units.filter((unit) => path.posix.dirname(unit.source) === folder && unit.sidebarPosition !== undefined);
  const sidebarPosition = siblings.length > 0 ? Math.max(...siblings.map((unit) => unit.sidebarPosition!)) + 1 : undefined;
  const content = pageContent(answers, id, sidebarPosition, rules.vocabulary);
  const byLine = fieldsByLine(content);
  const refuse = (problems: OrgProblem[]): ScaffoldRefusal => ({
    ok: false,
    problems,
    fields: [...new Set(problems.map((problem) => fieldOf(problem, byLine)).filter((field) => field !== undefined))],
  });

  const own: OrgProblem[] = [];
  if (answers.name.trim() === '') own.push({file, line: 2, column: 8, message: 'the unit needs a name: it becomes the page title'});
  const pageExists = loaded.pages.some((page) => page.source === file);
  const parsed = parsePage(file, content, rules.vocabulary);
  const exists: OrgProblem = {file, line: 1, column: 1, message: `a page already exists at ${file}; choose another id`};
  if (!parsed.unit) return refuse([...own, ...(pageExists ? [exists] : []), ...parsed.problems]);

  const before = new Set(checkTexts(texts, rules).problems.map(formatProblem));
  // Where a page already exists, check the new one beside it, so its duplicate id is named;
  // that the two would share an address is the "already exists" message below.
  const after = pageExists
    ? runPipeline([...[...texts].map(([source, text]) => ({source, text})), {source: file, text: content}], rules).problems.filter(
        (problem) => !problem.message.includes('would both be published at'),
      )
    : checkTexts(new Map([...texts, [file, content]]), rules).problems;
  const caused = after.filter((problem) => !before.has(formatProblem(problem)));
  // A duplicate id already says why the file name is taken.
  if (pageExists && !caused.some((problem) => problem.message.startsWith('duplicate unit id'))) {
    own.push(exists);
  }
  if (own.length > 0 || caused.length > 0) return refuse([...own, ...caused]);
  return {ok: true, id, path: file, content};
}
