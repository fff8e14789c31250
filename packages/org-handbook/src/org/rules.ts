/**
 * Which unit may relate to which. These rules are documented for editors in
 * docs/guide/frontmatter-reference.md (generated from this table) so that an
 * error message and the guide always agree.
 */
import type {RelationType, UnitKind} from './schema';

/** For each kind, the kinds it may report to; `null` means it reports to nobody. */
export const PARENT_KINDS: Record<UnitKind, readonly UnitKind[] | null> = {
  organization: null,
  sponsor: null,
  institution: null,
  council: ['organization'],
  role: ['organization', 'council', 'role', 'area'],
  area: ['organization', 'council', 'role', 'area'],
  team: ['organization', 'council', 'role', 'area'],
};

/**
 * Fields only some kinds may have, and the kinds that must have them. The
 * check (graph.ts) and the published JSON Schema (json-schemas.ts) both read
 * this table, so an editor's YAML tooling and `npm run check` agree.
 */
export const KIND_FIELDS = {
  members: {allowed: ['team'], required: ['team']},
  vacant: {allowed: ['role'], required: []},
} as const satisfies Record<string, {allowed: readonly UnitKind[]; required: readonly UnitKind[]}>;

/** Kinds that may be named in a team's `members`. */
export const MEMBER_KINDS: readonly UnitKind[] = ['area', 'role', 'council'];

const INTERNAL_NON_TOP: readonly UnitKind[] = ['council', 'role', 'area', 'team'];

export const RELATION_RULES: Record<RelationType, {from: readonly UnitKind[]; to: readonly UnitKind[]; label: string; inverseLabel: string}> = {
  'dotted-line': {from: INTERNAL_NON_TOP, to: INTERNAL_NON_TOP, label: 'Dotted line to', inverseLabel: 'Dotted line from'},
  sponsors: {from: ['sponsor'], to: ['organization'], label: 'Fiscal sponsor of', inverseLabel: 'Fiscally sponsored by'},
  interface: {
    from: INTERNAL_NON_TOP,
    to: ['sponsor', 'institution'],
    label: 'Primary interface to',
    inverseLabel: 'Primary interface',
  },
  founded: {from: ['institution'], to: ['organization'], label: 'Founded', inverseLabel: 'Founded by'},
};

export function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}
