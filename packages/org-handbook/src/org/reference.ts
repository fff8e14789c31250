/**
 * The editor guide's field reference, generated from the schema and the
 * rules so it cannot drift from what the check enforces.
 */
import * as z from 'zod';
import {stringify} from 'yaml';
import {MEMBER_KINDS, PARENT_KINDS, RELATION_RULES} from './rules';
import {orgFrontMatterSchema, RELATION_TYPES, UNIT_KINDS} from './schema';

interface JsonSchemaNode {
  type?: string;
  enum?: unknown[];
  items?: JsonSchemaNode;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  description?: string;
  examples?: unknown[];
  pattern?: string;
}

export interface FieldReference {
  name: string;
  type: string;
  required: boolean;
  description: string;
  /** The example as it would be written in YAML. */
  example: string;
}

export function fieldReference(): FieldReference[] {
  const schema = z.toJSONSchema(orgFrontMatterSchema, {io: 'input'}) as JsonSchemaNode;
  return Object.entries(schema.properties ?? {}).map(([name, node]) => ({
    name,
    type: typeName(node),
    required: schema.required?.includes(name) ?? false,
    description: node.description ?? '',
    // Examples read as one line each: `members: [ product, engineering ]`.
    example: node.examples?.[0] === undefined ? '' : `${name}: ${stringify(node.examples[0], {collectionStyle: 'flow'}).trim()}`,
  }));
}

function typeName(node: JsonSchemaNode): string {
  if (node.enum) return node.enum.map(String).join(' | ');
  if (node.type === 'array') return `list of ${node.items ? typeName(node.items) : 'values'}`;
  if (node.type === 'object') return `mapping (${Object.keys(node.properties ?? {}).join(', ')})`;
  if (node.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return 'date (YYYY-MM-DD)';
  if (node.pattern) return 'unit id';
  return node.type ?? 'value';
}

export interface KindRule {
  kind: string;
  reportsTo: string;
  may: string;
}

export function kindRulesReference(): KindRule[] {
  return UNIT_KINDS.map((kind) => {
    const parents = PARENT_KINDS[kind];
    const may = [
      kind === 'team' ? 'members (required)' : '',
      kind === 'role' ? 'vacant' : '',
      ...RELATION_TYPES.filter((type) => RELATION_RULES[type].from.includes(kind)).map(
        (type) => `${type} → ${RELATION_RULES[type].to.join(', ')}`,
      ),
      MEMBER_KINDS.includes(kind) ? 'be a team member' : '',
    ].filter(Boolean);
    return {
      kind,
      reportsTo: parents === null ? (kind === 'organization' ? 'nobody: it is the top' : 'nobody: it is outside the organization') : parents.join(', '),
      may: may.join('; ') || '—',
    };
  });
}
