/**
 * The handbook's vocabulary: which kinds of unit exist, what they are called,
 * which may report to which, which take members, which relations, role titles
 * and contact types a page may use. A site writes it once, in
 * `org.vocabulary.yaml`; the engine knows no organization of its own and
 * builds its schema, rules, labels and legends from it.
 *
 * Pure: the caller reads the file and hands its text to `parseVocabulary`,
 * which reports every problem at once, located in the file, or returns the
 * checked vocabulary.
 */
import * as z from 'zod';
import {flag, idText, nameText, noteText} from './fields';
import {readYamlBlock, valueAtPath, type YamlRead} from './frontmatter';
import {sortProblems, type OrgProblem, type SourcePosition} from './problems';
import {closestMatch, didYouMean} from './suggest';

/** Where a site keeps its vocabulary, relative to the site directory. */
export const DEFAULT_VOCABULARY_FILE = 'org.vocabulary.yaml';

/**
 * How the chart may draw a kind: a fixed set the chart's stylesheet knows, so
 * a vocabulary picks a look without shipping CSS.
 * - default: a plain box; top: a heavier outline for the organization;
 * - governance: a box with a band along its top (boards, councils);
 * - external: a dashed outline, for units outside the organization;
 * - group: a tinted box, for units joined through their members.
 */
export const CHART_STYLES = ['default', 'top', 'governance', 'external', 'group'] as const;
export type ChartStyle = (typeof CHART_STYLES)[number];

/** Strokes a relation's line may use; reporting lines are solid and membership lines dashed by the engine. */
export const LINE_STYLES = ['dotted', 'dashed', 'dash-dot'] as const;
export type LineStyle = (typeof LINE_STYLES)[number];

const kindId = idText('a kind id', 'department');
const kindList = z.array(kindId, {error: 'must be a list of kind ids'});

const kindSchema = z
  .strictObject({
    label: nameText.describe('What one unit of this kind is called, such as "Department".'),
    plural: nameText.describe('What several are called, such as "Departments".'),
    description: noteText.optional().describe('One sentence for the field reference.'),
    root: flag.optional().describe('true for the kind of the top of the reporting tree; exactly one kind has it.'),
    external: flag.optional().describe('true for kinds that stand outside the organization, linked to it by relations only.'),
    reportsTo: kindList
      .optional()
      .describe('Kinds a unit of this kind may report to. Omitted or [] means it has no reporting line and is joined through its members.'),
    members: z
      .strictObject({
        kinds: kindList.min(1, {error: 'must name at least one kind'}).describe('Kinds a unit of this kind may draw members from.'),
        required: flag.optional().describe('true when every unit of this kind must list its members.'),
      })
      .optional()
      .describe('Whether units of this kind list member units (people drawn from other units).'),
    vacancy: flag.optional().describe('true when a unit of this kind may be marked `vacant: true`.'),
    definite: flag
      .optional()
      .describe('true when a name of this kind reads with "the" inside a sentence ("the Executive Director"); false for proper names ("Engineering").'),
    folder: z
      .string({error: 'must be a folder path under docs/, such as "departments"'})
      .regex(/^(?:[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9][a-z0-9_-]*)*)?$/, {error: 'must be a folder path under docs/ such as "departments": lowercase segments joined by "/" ("" for docs/ itself)'})
      .optional()
      .describe('Where `npm run new:unit` writes new pages of this kind, under docs/.'),
    chart: z
      .strictObject({
        style: z.enum(CHART_STYLES, {error: `must be one of ${CHART_STYLES.join(', ')}`}).describe('How the chart draws units of this kind.'),
      })
      .optional(),
  })
  .describe('One kind of unit.');

const relationSchema = z
  .strictObject({
    label: nameText.describe('The relation read from its source, such as "Fiscally sponsors".'),
    inverseLabel: nameText.describe('The relation read from its target, such as "Fiscally sponsored by".'),
    verb: nameText.optional().describe('How the chart\'s text version joins two names, such as "is the fiscal sponsor of"; defaults to the label.'),
    legend: nameText.optional().describe('The chart legend\'s entry; relation types with the same legend share it. Defaults to the label.'),
    line: z.enum(LINE_STYLES, {error: `must be one of ${LINE_STYLES.join(', ')}`}).describe('How the chart strokes the line.'),
    from: kindList.min(1, {error: 'must name at least one kind'}).describe('Kinds that may have this relation.'),
    to: kindList.min(1, {error: 'must name at least one kind'}).describe('Kinds it may point to.'),
  })
  .describe('A relation between units that is not a reporting line.');

const roleSchema = z
  .strictObject({
    label: nameText.describe('The role\'s title, such as "Chair".'),
    plural: nameText.describe('Its plural, such as "Chairs".'),
  })
  .describe('A role title units may list.');

const contactSchema = z
  .strictObject({
    label: nameText.describe('What this way of reaching a unit is called, such as "Mailing list".'),
    schedule: flag.optional().describe('true when a contact of this type may say when it happens (a meeting).'),
  })
  .describe('A type of contact units may list.');

const record = <T extends z.ZodType>(what: string, example: string, value: T) =>
  z.record(idText(`${what} id`, example), value, {error: `must be a mapping of ${what} ids to their definitions`});

export const vocabularyFileSchema = z
  .strictObject({
    kinds: record('a kind', 'department', kindSchema).describe('The kinds of unit, in the order legends, references and lists use.'),
    relations: record('a relation', 'dotted-line', relationSchema).optional().describe('Relations other than reporting lines.'),
    roles: record('a role', 'chair', roleSchema).optional().describe('Role titles a unit\'s `roles` may use.'),
    contacts: record('a contact', 'mailing-list', contactSchema).optional().describe('Contact types a unit\'s `contacts` may use.'),
  })
  .describe('The vocabulary of an organization handbook: its kinds of unit, relations, roles and contact types.');

export type VocabularyFile = z.infer<typeof vocabularyFileSchema>;
type KindFile = z.infer<typeof kindSchema>;
type RelationFile = z.infer<typeof relationSchema>;

export interface KindDefinition {
  id: string;
  label: string;
  plural: string;
  description?: string;
  root: boolean;
  external: boolean;
  /** Kinds it may report to; empty: it has no reporting line. */
  reportsTo: readonly string[];
  members?: {kinds: readonly string[]; required: boolean};
  vacancy: boolean;
  /** Names of this kind read with "the" inside a sentence. */
  definite: boolean;
  folder?: string;
  style: ChartStyle;
}

export interface RelationDefinition extends Omit<RelationFile, 'verb' | 'legend'> {
  id: string;
  verb: string;
  legend: string;
}

export interface RoleDefinition {
  id: string;
  label: string;
  plural: string;
}

export interface ContactDefinition {
  id: string;
  label: string;
  schedule: boolean;
}

/** A checked vocabulary; every map keeps the file's order. */
export interface Vocabulary {
  kinds: ReadonlyMap<string, KindDefinition>;
  /** The one kind whose unit is the top of the reporting tree. */
  rootKind: string;
  relations: ReadonlyMap<string, RelationDefinition>;
  roles: ReadonlyMap<string, RoleDefinition>;
  contacts: ReadonlyMap<string, ContactDefinition>;
}

export interface VocabularyResult {
  vocabulary?: Vocabulary;
  problems: OrgProblem[];
}

/** Reads and checks a vocabulary file's text; `file` is its site-relative name, used in messages. */
export function parseVocabulary(text: string, file: string = DEFAULT_VOCABULARY_FILE): VocabularyResult {
  const read = readYamlBlock(text.startsWith('\uFEFF') ? text.slice(1) : text, 1, 'the vocabulary file');
  if (read.problems.length > 0) return {problems: read.problems.map((problem) => ({file, ...problem}))};
  return checkVocabulary(read.data, file, read);
}

/** Checks a vocabulary given as data (tests, tools); `where` locates values when the data came from a file. */
export function checkVocabulary(
  data: unknown,
  file: string = DEFAULT_VOCABULARY_FILE,
  where: Pick<YamlRead, 'locate'> = {locate: () => ({line: 1, column: 1})},
): VocabularyResult {
  const problems: OrgProblem[] = [];
  const at = (path: readonly PropertyKey[], message: string, asKey = false) =>
    problems.push({file, ...where.locate(path, asKey), message});
  const parsed = vocabularyFileSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reportIssue(issue, data, at);
    // The references between kinds are checked too, as far as the data can be read: every problem at once.
    checkKindReferences(data, at);
    return {problems: sortProblems(problems)};
  }
  const kinds = compileKinds(parsed.data.kinds);
  checkKindReferences(parsed.data, at);

  const roots = [...kinds.values()].filter((kind) => kind.root);
  if (roots.length === 0) at(['kinds'], 'no kind has "root: true": exactly one kind must be the top of the reporting tree', true);
  for (const extra of roots.slice(1)) at(['kinds', extra.id, 'root'], `only one kind can be the top; "${roots[0]!.id}" already is`);
  for (const kind of kinds.values()) {
    const path = ['kinds', kind.id];
    const file = parsed.data.kinds[kind.id]!;
    if (kind.root && kind.external) at([...path, 'external'], 'the top of the organization cannot stand outside it');
    if ((kind.root || kind.external) && kind.reportsTo.length > 0) {
      at([...path, 'reportsTo'], `${kind.root ? 'the top of the reporting tree' : 'a kind outside the organization'} reports to nobody; remove "reportsTo"`);
    }
    if ((kind.root || kind.external) && file.members) {
      at([...path, 'members'], `${kind.root ? 'the top of the reporting tree' : 'a kind outside the organization'} has no members`);
    }
    if (!kind.root && !kind.external && kind.reportsTo.length === 0 && !kind.members?.required) {
      at(
        path,
        `"${kind.id}" has no reporting line ("reportsTo" is empty or omitted), so its units must be joined to the organization through members: give it "members: {kinds: [...], required: true}", or list the kinds it may report to`,
        true,
      );
    }
  }
  const relations = new Map<string, RelationDefinition>();
  for (const [id, relation] of Object.entries(parsed.data.relations ?? {})) {
    relations.set(id, {...relation, id, verb: relation.verb ?? relation.label.toLowerCase(), legend: relation.legend ?? relation.label});
  }
  if (problems.length > 0) return {problems: sortProblems(problems)};
  const roles = new Map(Object.entries(parsed.data.roles ?? {}).map(([id, role]) => [id, {id, ...role}]));
  const contacts = new Map(Object.entries(parsed.data.contacts ?? {}).map(([id, contact]) => [id, {id, label: contact.label, schedule: contact.schedule === true}]));
  return {vocabulary: {kinds, rootKind: roots[0]!.id, relations, roles, contacts}, problems};
}

/** A vocabulary from data that must be valid: for tests and generated sites. Throws with every problem. */
export function defineVocabulary(data: VocabularyFile | Record<string, unknown>): Vocabulary {
  const {vocabulary, problems} = checkVocabulary(data, '(vocabulary)');
  if (!vocabulary) throw new Error(`invalid vocabulary:\n${problems.map((problem) => problem.message).join('\n')}`);
  return vocabulary;
}

/**
 * Every list of kind ids in the file names a kind the file defines; reporting
 * lines and memberships never lead outside the organization. Reads the raw
 * data defensively, so it runs even when other parts of the file are malformed.
 */
function checkKindReferences(data: unknown, at: (path: readonly PropertyKey[], message: string) => void): void {
  const record = (value: unknown): Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const kinds = record(record(data).kinds);
  const kindIds = Object.keys(kinds);
  const checkList = (path: PropertyKey[], ids: unknown, allowExternal: boolean) => {
    if (!Array.isArray(ids)) return;
    const seen = new Set<string>();
    ids.forEach((id: unknown, index) => {
      if (typeof id !== 'string') return;
      if (seen.has(id)) at([...path, index], `"${id}" is listed twice`);
      seen.add(id);
      if (!(id in kinds)) at([...path, index], `unknown kind "${id}"${didYouMean(id, kindIds)}; the kinds are ${kindIds.join(', ')}`);
      else if (!allowExternal && record(kinds[id]).external === true) {
        at([...path, index], `"${id}" stands outside the organization, so no reporting line or membership can lead to it`);
      }
    });
  };
  for (const [id, kind] of Object.entries(kinds)) {
    checkList(['kinds', id, 'reportsTo'], record(kind).reportsTo, false);
    checkList(['kinds', id, 'members', 'kinds'], record(record(kind).members).kinds, false);
  }
  for (const [id, relation] of Object.entries(record(record(data).relations))) {
    checkList(['relations', id, 'from'], record(relation).from, true);
    checkList(['relations', id, 'to'], record(relation).to, true);
  }
}

function compileKinds(kinds: Record<string, KindFile>): Map<string, KindDefinition> {
  return new Map(
    Object.entries(kinds).map(([id, kind]) => {
      const root = kind.root === true;
      const external = kind.external === true;
      const definition: KindDefinition = {
        id,
        label: kind.label,
        plural: kind.plural,
        ...(kind.description ? {description: kind.description} : {}),
        root,
        external,
        reportsTo: kind.reportsTo ?? [],
        ...(kind.members ? {members: {kinds: kind.members.kinds, required: kind.members.required === true}} : {}),
        vacancy: kind.vacancy === true,
        definite: kind.definite === true,
        ...(kind.folder !== undefined ? {folder: kind.folder} : {}),
        style: kind.chart?.style ?? (root ? 'top' : external ? 'external' : 'default'),
      };
      return [id, definition];
    }),
  );
}

const TOP_FIELDS = Object.keys(vocabularyFileSchema.shape);
const FIELDS_AT_DEPTH: Record<string, readonly string[]> = {
  kinds: Object.keys(kindSchema.shape),
  relations: Object.keys(relationSchema.shape),
  roles: Object.keys(roleSchema.shape),
  contacts: Object.keys(contactSchema.shape),
};

function reportIssue(issue: z.core.$ZodIssue, data: unknown, at: (path: readonly PropertyKey[], message: string, asKey?: boolean) => void): void {
  const path = issue.path;
  const name = path.map(String).join('.') || 'the vocabulary';
  if (issue.code === 'unrecognized_keys') {
    const siblings = path.length === 0 ? TOP_FIELDS : path.length === 2 ? (FIELDS_AT_DEPTH[String(path[0])] ?? []) : [];
    for (const key of issue.keys) at([...path, key], `unknown field "${[...path, key].map(String).join('.')}"${didYouMean(key, siblings)}`, true);
    return;
  }
  if (issue.code === 'invalid_key') {
    at(path, `"${String(path.at(-1))}" cannot be an id: ${issue.issues[0]?.message ?? 'ids are lowercase letters, digits and single hyphens'}`, true);
    return;
  }
  const value = valueAtPath(data, path);
  if (value === undefined) {
    at(path.slice(0, -1), `"${name}" is required`, true);
    return;
  }
  let message = `"${name}" ${issue.message}`;
  if (issue.code === 'invalid_value' && typeof value === 'string') {
    const match = closestMatch(value, issue.values.map(String));
    message += `, not "${value.slice(0, 80)}"${match ? ` (did you mean "${match}"?)` : ''}`;
  }
  at(path, message);
}

// ---- Questions the rest of the engine asks of a vocabulary ----

export function kindOf(vocabulary: Vocabulary, id: string): KindDefinition {
  const kind = vocabulary.kinds.get(id);
  if (!kind) throw new Error(`unknown kind "${id}": not in the vocabulary`);
  return kind;
}

export function isExternalKind(vocabulary: Vocabulary, id: string): boolean {
  return vocabulary.kinds.get(id)?.external === true;
}

/** A kind that has no reporting line and is joined to the organization through its members. */
export function isJoinedKind(vocabulary: Vocabulary, id: string): boolean {
  const kind = vocabulary.kinds.get(id);
  return kind !== undefined && !kind.root && !kind.external && kind.reportsTo.length === 0;
}

export function kindLabel(vocabulary: Vocabulary, id: string): string {
  return vocabulary.kinds.get(id)?.label ?? id;
}

/** Position of a kind in the vocabulary's order (unknown kinds last). */
export function kindRank(vocabulary: Vocabulary, id: string): number {
  let index = 0;
  for (const key of vocabulary.kinds.keys()) {
    if (key === id) return index;
    index += 1;
  }
  return index;
}

/** Kinds that may list a unit of `kind` among their members. */
export function kindsDrawingOn(vocabulary: Vocabulary, kind: string): string[] {
  return [...vocabulary.kinds.values()].filter((candidate) => candidate.members?.kinds.includes(kind)).map((candidate) => candidate.id);
}

export type {SourcePosition};
