/**
 * The editor guide's field reference, generated from the schema and the
 * site's vocabulary so it cannot drift from what the check enforces.
 */
import * as z from 'zod';
import {stringify} from 'yaml';
import {createOrgSchema} from './schema';
import {kindsDrawingOn, type Vocabulary} from './vocabulary';

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

export function fieldReference(vocabulary: Vocabulary): FieldReference[] {
  const schema = z.toJSONSchema(createOrgSchema(vocabulary), {io: 'input'}) as JsonSchemaNode;
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
  label: string;
  reportsTo: string;
  may: string;
}

export function kindRulesReference(vocabulary: Vocabulary): KindRule[] {
  const relations = [...vocabulary.relations.values()];
  return [...vocabulary.kinds.values()].map((kind) => {
    const drawnOnBy = kindsDrawingOn(vocabulary, kind.id);
    const may = [
      kind.members ? `members${kind.members.required ? ' (required)' : ''}: ${kind.members.kinds.join(', ')}` : '',
      kind.vacancy ? 'vacant' : '',
      ...relations.filter((relation) => relation.from.includes(kind.id)).map((relation) => `${relation.id} → ${relation.to.join(', ')}`),
      drawnOnBy.length > 0 ? `be a member of ${drawnOnBy.join(', ')}` : '',
    ].filter(Boolean);
    const reportsTo = kind.root
      ? 'nobody: it is the top'
      : kind.external
        ? 'nobody: it is outside the organization'
        : kind.reportsTo.length === 0
          ? 'nobody: joined through its members'
          : kind.reportsTo.join(', ');
    return {kind: kind.id, label: kind.label, reportsTo, may: may.join('; ') || '—'};
  });
}
