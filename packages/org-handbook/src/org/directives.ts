/**
 * The content directives a page may write in its body (`<UnitCount kind="area" />`,
 * `<OrgChart />`, …): found with their positions, and checked, before the
 * build compiles any page. The remark step then only swaps each one for the
 * result the plugin prepared under the same signature, so a directive that
 * passes the check cannot fail in the build. Pure.
 */
import {positionsIn, type TextProblem} from './frontmatter';

export const DIRECTIVE_NAMES = ['UnitCount', 'UnitList', 'OrgChart', 'StaleUnits', 'RetiredUnits', 'FrontMatterReference'] as const;
export type DirectiveName = (typeof DIRECTIVE_NAMES)[number];

export type DirectiveAttributes = Record<string, string | true>;

export interface DirectiveUse {
  name: DirectiveName;
  attributes: DirectiveAttributes;
  line: number;
  column: number;
  /** The same for every use with the same name and attributes: the key of its prepared result. */
  signature: string;
}

export function directiveSignature(name: string, attributes: DirectiveAttributes): string {
  const parts = Object.keys(attributes)
    .sort()
    .map((key) => (attributes[key] === true ? key : `${key}=${JSON.stringify(attributes[key])}`));
  return `${name}(${parts.join(' ')})`;
}

const TAG = new RegExp(`<(${DIRECTIVE_NAMES.join('|')})(?=[\\s/>])`, 'g');
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Finds directives outside fenced and inline code. `bodyLine` is the file
 * line the body starts on, so positions are the file's.
 */
export function scanDirectives(body: string, bodyLine: number): {uses: DirectiveUse[]; problems: TextProblem[]} {
  const uses: DirectiveUse[] = [];
  const problems: TextProblem[] = [];
  const lines = body.split('\n');
  // Blank out code so a directive shown as an example is not taken for one; columns stay put.
  let fence: string | undefined;
  const visible = lines.map((line) => {
    const opener = FENCE.exec(line);
    if (fence !== undefined) {
      if (opener && opener[1]!.startsWith(fence)) fence = undefined;
      return '';
    }
    if (opener) {
      fence = opener[1]!;
      return '';
    }
    return line.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length));
  });
  const text = visible.join('\n');
  const positionOf = positionsIn(text, bodyLine);

  for (const match of text.matchAll(TAG)) {
    const name = match[1] as DirectiveName;
    const at = positionOf(match.index);
    const parsed = readAttributes(text, match.index + match[0].length);
    if (typeof parsed === 'string') {
      problems.push({...at, message: `<${name}>: ${parsed}`});
      continue;
    }
    uses.push({name, attributes: parsed, ...at, signature: directiveSignature(name, parsed)});
  }
  return {uses, problems};
}

/** Reads `a="x" b='y' c` up to `/>` or `>`; a string result says what is wrong. */
function readAttributes(text: string, start: number): DirectiveAttributes | string {
  const attributes: DirectiveAttributes = {};
  const attribute = /\s*(?:(\/?>)|([A-Za-z_][\w-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|(\{)))?)/y;
  attribute.lastIndex = start;
  for (;;) {
    const match = attribute.exec(text);
    if (!match) return 'could not read its attributes; write them as name="value"';
    if (match[1]) return attributes;
    const name = match[2]!;
    if (match[5]) return `write ${name}="..." as plain text, not as an expression in braces`;
    attributes[name] = match[3] ?? match[4] ?? true;
  }
}

/** What a directive needs to know about the organization to be checked. */
export interface DirectiveContext {
  kinds: readonly string[];
  /** Live or retired: a retired unit's own page may still list what it had, which is nothing. */
  unitExists(id: string): boolean;
  /** A chart can only be drawn from a unit that exists today. */
  unitIsLive(id: string): boolean;
  closestUnit(id: string): string | undefined;
}

const ALLOWED_ATTRIBUTES: Record<DirectiveName, readonly string[]> = {
  UnitCount: ['kind', 'under', 'capitalize'],
  UnitList: ['kind', 'under'],
  OrgChart: ['root'],
  StaleUnits: [],
  RetiredUnits: [],
  FrontMatterReference: [],
};

/** Every problem with one use, as messages; empty when it can be prepared. */
export function checkDirective(use: DirectiveUse, context: DirectiveContext): string[] {
  const messages: string[] = [];
  const {name, attributes} = use;
  for (const key of Object.keys(attributes)) {
    if (!ALLOWED_ATTRIBUTES[name].includes(key)) {
      const allowed = ALLOWED_ATTRIBUTES[name];
      messages.push(`<${name}> has no attribute "${key}"${allowed.length > 0 ? `; it takes ${allowed.join(', ')}` : ''}`);
    }
  }
  const unit = (key: string, exists: (id: string) => boolean) => {
    const value = attributes[key];
    if (value === undefined) return;
    if (value === true || !exists(value)) {
      const hint = typeof value === 'string' ? context.closestUnit(value) : undefined;
      messages.push(`<${name}>: ${key} must name a unit${exists === context.unitIsLive ? ' that exists today' : ''}, not ${JSON.stringify(value)}${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
  };
  if (name === 'UnitCount' || name === 'UnitList') {
    const {kind} = attributes;
    if (kind !== undefined && (kind === true || !context.kinds.includes(kind))) {
      messages.push(`<${name}>: kind must be one of ${context.kinds.join(', ')}, not ${JSON.stringify(kind)}`);
    }
    unit('under', context.unitExists);
    if (kind === undefined && attributes.under === undefined) messages.push(`<${name}>: give kind="..." or under="..."`);
  }
  if (name === 'OrgChart') unit('root', context.unitIsLive);
  return messages;
}
