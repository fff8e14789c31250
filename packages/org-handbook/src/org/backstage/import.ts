/**
 * Backstage → handbook: Group entities (with the User entities that name their
 * members) become the answers of `npm run new:unit`, one unit per group, so
 * the import writes pages through the scaffolder and its one check. Pure.
 *
 * | Backstage                       | handbook                                         |
 * |---------------------------------|--------------------------------------------------|
 * | metadata.name                   | org.id (made a unit id if it is not one)         |
 * | spec.type                       | org.kind (must be a kind of the vocabulary)      |
 * | spec.parent                     | org.reportsTo                                    |
 * | spec.children                   | checked against the children's spec.parent      |
 * | spec.profile.displayName        | page title (else metadata.title, else the name)  |
 * | metadata.description            | page description                                 |
 * | spec.profile.email              | a contact of type `email`                        |
 * | spec.members, User memberOf     | holders of the role `member`: name, mailto: link, |
 * |                                 | and the user's entity name as handle             |
 * | spec.profile.picture            | dropped: the site loads nothing from other hosts |
 */
import type {OrgProblem, SourcePosition} from '../problems';
import type {UnitAnswers} from '../scaffold';
import {slugify} from '../scaffold';
import {closestMatch} from '../suggest';
import {parseEntityRef, type CatalogRead, type GroupEntity, type Located, type UserEntity} from './entities';

/** What the import needs to know of the site's vocabulary (a subset of `Vocabulary`). */
export interface ImportVocabulary {
  kinds: ReadonlyMap<string, unknown>;
  roles: ReadonlyMap<string, unknown>;
  contacts: ReadonlyMap<string, unknown>;
}

/** The role and contact type the import fills in, when the vocabulary has them. */
export const MEMBER_ROLE = 'member';
export const EMAIL_CONTACT = 'email';

const UNIT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface GroupImport {
  /** One per group, in the order of the files. */
  units: UnitAnswers[];
  /** Where each unit's values came from: `locate(index, ['reportsTo'])` is the group's `spec.parent`. */
  locate(index: number, answerPath: readonly PropertyKey[]): {file: string} & SourcePosition;
  /** Things that were read but could not be kept, or looked odd; the import goes on. */
  notes: string[];
  /** What stops the import. */
  problems: OrgProblem[];
}

interface Holder {
  name: string;
  url?: string;
  handle: string;
}

function holderOf(user: UserEntity | undefined, ref: string): Holder {
  const name = user?.metadata.name ?? parseEntityRef(ref, 'user').name;
  const display = user?.spec.profile?.displayName?.trim() || user?.metadata.title?.trim() || name;
  const email = user?.spec.profile?.email?.trim();
  return {name: display, ...(email ? {url: `mailto:${email}`} : {}), handle: name};
}

export function groupsToUnits(catalog: CatalogRead, vocabulary: ImportVocabulary): GroupImport {
  const notes: string[] = [];
  const problems: OrgProblem[] = [...catalog.problems];
  const at = (group: Located<GroupEntity>, keys: readonly PropertyKey[], message: string, asKey = false) =>
    problems.push({file: group.file, ...group.locate(keys, asKey), message});
  const where = (group: Located<GroupEntity>, keys: readonly PropertyKey[]) => `${group.file}:${Object.values(group.locate(keys)).join(':')}`;

  for (const [kind, count] of catalog.skipped) notes.push(`skipped ${count} ${kind} entit${count === 1 ? 'y' : 'ies'}: only Group and User entities are imported`);

  // Group names → unit ids; a name Backstage allows but a unit id does not ("Team_A") is made one, and said so.
  const idOf = new Map<string, string>();
  const groupById = new Map<string, Located<GroupEntity>>();
  for (const group of catalog.groups) {
    const {name, namespace} = group.entity.metadata;
    const id = UNIT_ID.test(name) ? name : slugify(name.replace(/[._]/g, '-'));
    if (id !== name) notes.push(`${where(group, ['metadata', 'name'])}: group "${name}" becomes the unit id "${id}"`);
    if (namespace !== undefined && namespace !== 'default') {
      notes.push(`${where(group, ['metadata', 'namespace'])}: namespace "${namespace}" is not kept; unit ids are unique in the whole handbook`);
    }
    const earlier = groupById.get(id);
    if (earlier) {
      at(group, ['metadata', 'name'], `a second group with the id "${id}"; the first is at ${where(earlier, ['metadata', 'name'])}`);
      continue;
    }
    idOf.set(name, id);
    groupById.set(id, group);
  }
  const unitIdOf = (ref: string) => {
    const {name} = parseEntityRef(ref, 'group');
    return idOf.get(name) ?? (UNIT_ID.test(name) ? name : slugify(name.replace(/[._]/g, '-')));
  };

  // Members: the group's own list, and every user that names the group in memberOf.
  const usersByName = new Map<string, UserEntity>();
  for (const user of catalog.users) {
    const earlier = usersByName.get(user.entity.metadata.name);
    if (earlier) {
      notes.push(`${user.file}:${Object.values(user.locate(['metadata', 'name'])).join(':')}: user "${user.entity.metadata.name}" appears twice (namespace "${user.entity.metadata.namespace ?? 'default'}"); kept once`);
      continue;
    }
    usersByName.set(user.entity.metadata.name, user.entity);
  }
  const membersOf = new Map<string, string[]>();
  const addMember = (groupId: string, userName: string) => {
    const list = membersOf.get(groupId) ?? [];
    if (!list.includes(userName)) list.push(userName);
    membersOf.set(groupId, list);
  };
  for (const group of groupById.values()) {
    for (const ref of group.entity.spec.members ?? []) addMember(unitIdOf(group.entity.metadata.name), parseEntityRef(ref, 'user').name);
  }
  for (const user of catalog.users) {
    (user.entity.spec.memberOf ?? []).forEach((ref, index) => {
      const groupId = unitIdOf(ref);
      if (groupById.has(groupId)) addMember(groupId, user.entity.metadata.name);
      else notes.push(`${user.file}:${Object.values(user.locate(['spec', 'memberOf', index])).join(':')}: user "${user.entity.metadata.name}" is a member of "${ref}", which is not among the groups imported`);
    });
  }

  const kinds = [...vocabulary.kinds.keys()];
  const units: UnitAnswers[] = [];
  const sources: Array<Located<GroupEntity>> = [];
  let pictures = 0;
  let memberRoleMissing = false;
  let emailMissing = false;
  for (const [id, group] of groupById) {
    const {metadata, spec} = group.entity;
    if (!vocabulary.kinds.has(spec.type)) {
      const hint = closestMatch(spec.type, kinds);
      at(
        group,
        ['spec', 'type'],
        `"${spec.type}" is not a kind of this handbook's vocabulary${hint ? ` (did you mean "${hint}"?)` : ''}; add it to org.vocabulary.yaml or change the group's type (kinds: ${kinds.join(', ')})`,
      );
    }
    // Each child must name this group as its parent; the parent is what the import follows.
    spec.children.forEach((ref, index) => {
      const child = groupById.get(unitIdOf(ref));
      if (!child) notes.push(`${where(group, ['spec', 'children', index])}: child "${ref}" is not among the groups imported`);
      else if (child.entity.spec.parent === undefined || unitIdOf(child.entity.spec.parent) !== id) {
        notes.push(`${where(group, ['spec', 'children', index])}: "${ref}" is listed as a child, but its own spec.parent is ${child.entity.spec.parent ?? 'missing'}; the parent wins`);
      }
    });
    if (spec.parent !== undefined) {
      const parent = groupById.get(unitIdOf(spec.parent));
      if (parent && !parent.entity.spec.children.some((ref) => unitIdOf(ref) === id)) {
        notes.push(`${where(group, ['spec', 'parent'])}: "${metadata.name}" names "${spec.parent}" as its parent, which does not list it among its children; the parent wins`);
      }
    }
    if (spec.profile?.picture !== undefined) pictures += 1;

    const email = spec.profile?.email?.trim();
    const contacts: Array<Record<string, unknown>> = [];
    if (email) {
      if (vocabulary.contacts.has(EMAIL_CONTACT)) contacts.push({type: EMAIL_CONTACT, label: email, url: `mailto:${email}`});
      else emailMissing = true;
    }
    const members = membersOf.get(id) ?? [];
    const roles: Array<Record<string, unknown>> = [];
    if (members.length > 0) {
      if (vocabulary.roles.has(MEMBER_ROLE)) {
        roles.push({role: MEMBER_ROLE, holders: [...members].sort().map((name) => holderOf(usersByName.get(name), name))});
      } else {
        memberRoleMissing = true;
      }
    }
    const name = spec.profile?.displayName?.trim() || metadata.title?.trim() || metadata.name;
    const description = metadata.description?.trim();
    units.push({
      kind: spec.type,
      name,
      id,
      ...(spec.parent !== undefined ? {reportsTo: unitIdOf(spec.parent)} : {}),
      ...(description ? {description} : {}),
      ...(roles.length > 0 ? {roles} : {}),
      ...(contacts.length > 0 ? {contacts} : {}),
    });
    sources.push(group);
  }
  if (pictures > 0) notes.push(`dropped spec.profile.picture of ${pictures} group${pictures === 1 ? '' : 's'}: the handbook loads nothing from other hosts`);
  if (memberRoleMissing) notes.push(`members were not imported: the vocabulary has no role "${MEMBER_ROLE}"`);
  if (emailMissing) notes.push(`e-mail addresses were not imported: the vocabulary has no contact type "${EMAIL_CONTACT}"`);

  /** The place in the catalog a unit's answer came from. */
  const locate = (index: number, answerPath: readonly PropertyKey[]) => {
    const group = sources[index]!;
    const [field, roleIndex, key] = answerPath;
    const keys: PropertyKey[] =
      field === 'kind'
        ? ['spec', 'type']
        : field === 'reportsTo'
          ? ['spec', 'parent']
          : field === 'name'
            ? ['spec', 'profile', 'displayName']
            : field === 'description'
              ? ['metadata', 'description']
              : field === 'contacts'
                ? ['spec', 'profile', 'email']
                : field === 'roles' && roleIndex !== undefined && key === 'holders'
                  ? ['spec', 'members']
                  : ['metadata', 'name'];
    return {file: group.file, ...group.locate(keys)};
  };
  return {units, locate, notes, problems};
}
