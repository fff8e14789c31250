/**
 * Backstage catalog files, read: multi-document YAML (documents separated by
 * `---` lines) → one entity per document, every value locatable in its file.
 * Only what the import needs is typed: `Group` and `User` entities; any other
 * kind (a `Location`, a `Component`) is kept as "other" and ignored. Pure.
 *
 * The entity format is Backstage's (apiVersion backstage.io/v1alpha1); see
 * https://backstage.io/docs/features/software-catalog/descriptor-format.
 */
import * as z from 'zod';
import {readYamlBlock} from '../frontmatter';
import type {OrgProblem, SourcePosition} from '../problems';

/** A name as Backstage allows it in `metadata.name`: letters, digits and `-_.`, at most 63 characters. */
const ENTITY_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

const entityName = z.string({error: 'must be an entity name'}).regex(ENTITY_NAME, {
  error: 'must be an entity name: letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
});
const text = z.string({error: 'must be text'});
const refList = z.array(text, {error: 'must be a list of entity references'});

const metadataSchema = z.looseObject({
  name: entityName,
  namespace: text.optional(),
  title: text.optional(),
  description: text.optional(),
});

const profileSchema = z
  .looseObject({
    displayName: text.optional(),
    email: text.optional(),
    picture: text.optional(),
  })
  .optional();

const groupSchema = z.looseObject({
  apiVersion: text,
  kind: z.literal('Group'),
  metadata: metadataSchema,
  spec: z.looseObject({
    type: text,
    profile: profileSchema,
    parent: text.optional(),
    children: refList,
    members: refList.optional(),
  }),
});

const userSchema = z.looseObject({
  apiVersion: text,
  kind: z.literal('User'),
  metadata: metadataSchema,
  spec: z.looseObject({
    profile: profileSchema,
    memberOf: refList.optional(),
  }),
});

export type GroupEntity = z.infer<typeof groupSchema>;
export type UserEntity = z.infer<typeof userSchema>;

/** Where an entity came from, so that anything said about it names the file, line and column. */
export interface Located<T> {
  entity: T;
  file: string;
  locate(keys: readonly PropertyKey[], asKey?: boolean): SourcePosition;
}

export interface CatalogRead {
  groups: Array<Located<GroupEntity>>;
  users: Array<Located<UserEntity>>;
  /** Kinds of the entities that were skipped, with how many of each. */
  skipped: Map<string, number>;
  problems: OrgProblem[];
}

/** Splits at lines that are exactly `---` (with an optional comment), keeping the line each document starts on. */
function splitDocuments(source: string): Array<{text: string; firstLine: number}> {
  const lines = source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').split('\n');
  const documents: Array<{text: string; firstLine: number}> = [];
  let start = 0;
  lines.forEach((line, index) => {
    if (/^---\s*(?:#.*)?$/.test(line)) {
      documents.push({text: lines.slice(start, index).join('\n'), firstLine: start + 1});
      start = index + 1;
    } else if (/^\.\.\.\s*$/.test(line)) {
      documents.push({text: lines.slice(start, index).join('\n'), firstLine: start + 1});
      start = index + 1;
    }
  });
  documents.push({text: lines.slice(start).join('\n'), firstLine: start + 1});
  // Comments and blank lines alone are no document.
  return documents.filter((document) => document.text.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('#')));
}

/** Reads every entity of one catalog file; the problems name the file and the place. */
export function readCatalogFile(file: string, source: string, into?: CatalogRead): CatalogRead {
  const result: CatalogRead = into ?? {groups: [], users: [], skipped: new Map(), problems: []};
  for (const document of splitDocuments(source)) {
    const read = readYamlBlock(document.text, document.firstLine, 'a catalog entity');
    if (read.problems.length > 0) {
      result.problems.push(...read.problems.map((problem) => ({file, ...problem})));
      continue;
    }
    const kind = read.data.kind;
    const schema = kind === 'Group' ? groupSchema : kind === 'User' ? userSchema : undefined;
    if (!schema) {
      const name = typeof kind === 'string' ? kind : '(no kind)';
      result.skipped.set(name, (result.skipped.get(name) ?? 0) + 1);
      continue;
    }
    const parsed = schema.safeParse(read.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        result.problems.push({file, ...read.locate(issue.path), message: `${issue.path.map(String).join('.') || 'the entity'} ${issue.message}`});
      }
      continue;
    }
    const located = {file, locate: read.locate};
    if (parsed.data.kind === 'Group') result.groups.push({...located, entity: parsed.data as GroupEntity});
    else result.users.push({...located, entity: parsed.data as UserEntity});
  }
  return result;
}

/** `group:default/team-a`, `group:team-a`, `default/team-a` or `team-a` → its kind, namespace and name. */
export function parseEntityRef(ref: string, defaultKind: string): {kind: string; namespace: string; name: string} {
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(ref.trim());
  return {
    kind: (match?.[1] ?? defaultKind).toLowerCase(),
    namespace: match?.[2] ?? 'default',
    name: match?.[3] ?? ref.trim(),
  };
}
