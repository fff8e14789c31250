/**
 * The handbook's one frontmatter reader. Docusaurus uses it too (the site
 * config hands it to `markdown.parseFrontMatter`), so the check sees exactly
 * what gets published: there is no second parser to disagree with.
 *
 * It is stricter than Docusaurus's default (gray-matter) where gray-matter is
 * surprising or unsafe:
 * - only YAML, opened by a line that is exactly `---`: gray-matter would run a
 *   `---js` block as JavaScript during the build, and remark (which compiles
 *   the page body) does not recognise `---yaml` and would print it as text;
 * - a block with no closing `---` is an error, not "the whole file is frontmatter";
 * - YAML's core schema: `2026-02-30` stays the text the editor wrote instead of
 *   silently becoming a Date in March;
 * - custom tags, duplicate keys and alias expansion beyond a fixed budget are errors.
 *
 * Pure: text in, values and problems with positions out.
 */
import {CORE_SCHEMA, load as loadYaml} from 'js-yaml';
import {isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode} from 'yaml';
import type {SourcePosition} from './problems';

/** A problem inside one file; the caller adds the file name. */
export interface TextProblem extends SourcePosition {
  message: string;
}

export interface FrontMatterRead {
  /** The parsed mapping; empty when the page has none or it could not be read. */
  data: Record<string, unknown>;
  /** Whether the page opens a frontmatter block at all. */
  present: boolean;
  /** The Markdown after the block (and after a byte-order mark). */
  body: string;
  /** 1-based line of the file on which `body` starts. */
  bodyLine: number;
  problems: TextProblem[];
  /** Position of the value (or, with `asKey`, of the key) at a path inside the data; nearest ancestor when absent. */
  locate(keys: readonly PropertyKey[], asKey?: boolean): SourcePosition;
}

/** More values than any real frontmatter holds; a YAML alias bomb expands far beyond it. */
export const MAX_FRONT_MATTER_VALUES = 10_000;

const BOM = '\uFEFF';
const OPENER = /^---([^\r\n]*)\r?(?:\n|$)/;
// The closing line is `---` alone, as remark's frontmatter syntax requires.
const CLOSER = /^---[ \t]*\r?$/;

export function readFrontMatter(fileText: string): FrontMatterRead {
  const text = fileText.startsWith(BOM) ? fileText.slice(1) : fileText;
  const none = (problems: TextProblem[] = []): FrontMatterRead => ({
    data: {},
    present: problems.length > 0,
    body: text,
    bodyLine: 1,
    problems,
    locate: () => ({line: 1, column: 1}),
  });
  const opener = OPENER.exec(text);
  // `----` is a thematic break, not a frontmatter fence.
  if (!opener || text.startsWith('----')) return none();
  const language = (opener[1] ?? '').trim();
  if (language !== '') {
    const runs = /^(js|javascript)$/i.test(language) ? ' (it would run as code while the site is built)' : '';
    return none([
      {
        line: 1,
        column: 4,
        message: `frontmatter must be YAML opened by a line that is just "---"; "---${clipped(language)}" is not accepted${runs}`,
      },
    ]);
  }

  // Find the closing fence line by line; only \n ends a line here, as in YAML
  // and remark (a U+2028 inside a value is text, not a line break).
  const yamlStart = opener[0].length;
  let lineStart = yamlStart;
  let line = 2;
  let closeStart = -1;
  let closeEnd = -1;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (CLOSER.test(text.slice(lineStart, lineEnd))) {
      closeStart = lineStart;
      closeEnd = newline === -1 ? text.length : newline + 1;
      break;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
    line += 1;
  }
  if (closeStart === -1) {
    return none([
      {line: 1, column: 1, message: 'the frontmatter opened here is never closed: add a line "---" after its last field'},
    ]);
  }
  const yamlText = text.slice(yamlStart, closeStart);
  const body = text.slice(closeEnd);
  const bodyLine = line + 1;

  const yaml = readYamlBlock(yamlText, 2, 'frontmatter');
  return {data: yaml.data, present: true, body, bodyLine, problems: yaml.problems, locate: yaml.locate};
}

/** A block of YAML read with positions: the frontmatter of a page, or a whole configuration file. */
export interface YamlRead {
  /** The parsed mapping; empty when the text holds none or could not be read. */
  data: Record<string, unknown>;
  problems: TextProblem[];
  /** Position of the value (or, with `asKey`, of the key) at a path inside the data; nearest ancestor when absent. */
  locate(keys: readonly PropertyKey[], asKey?: boolean): SourcePosition;
}

/**
 * Reads YAML text that must hold a mapping, with the same safety rules as
 * frontmatter. `firstLine` is the file line the text starts on, so positions
 * are the file's; `what` names the block in messages ("frontmatter", "the
 * vocabulary file").
 */
export function readYamlBlock(yamlText: string, firstLine: number, what: string): YamlRead {
  let documentModel: {doc: Document; at: (offset: number) => SourcePosition} | undefined;
  // A document model with positions costs about ten times a plain load, so it
  // is built only when something has to be located.
  const model = () => {
    if (!documentModel) {
      const doc = parseDocument(yamlText, {prettyErrors: false, uniqueKeys: true, schema: 'core'});
      documentModel = {doc, at: positionsIn(yamlText, firstLine)};
    }
    return documentModel;
  };
  const locate = (keys: readonly PropertyKey[], asKey = false): SourcePosition => {
    const {doc, at} = model();
    return at(offsetOfPath(doc, keys, asKey) ?? 0);
  };
  const read = (data: Record<string, unknown>, problems: TextProblem[] = []): YamlRead => ({data, problems, locate});

  let data: unknown;
  try {
    data = loadYaml(yamlText, {schema: CORE_SCHEMA});
  } catch (error) {
    // The position-keeping parser recurses once per level of nesting, and on a few thousand levels (a pasted
    // run of "[" or "- ") it runs out of stack; if that happens while V8 compiles a regular expression, the
    // whole process dies instead of throwing. js-yaml stops at 100 levels, so what may nest deeper than that
    // is described by js-yaml's error alone.
    const deep = deeperThan(yamlText, JS_YAML_MAX_DEPTH);
    if (deep !== undefined) return read({}, [jsYamlProblem(positionsIn(yamlText, firstLine), error, deep)]);
    return read({}, yamlProblems(yamlText, firstLine, model(), error));
  }
  if (data === null || data === undefined) return read({});
  if (typeof data !== 'object' || Array.isArray(data)) {
    return read({}, [{line: firstLine, column: 1, message: `${what} must be a mapping of fields ("title: ..."), not a list or a single value`}]);
  }
  if (exceedsValueBudget(data)) {
    const alias = /(?:^|[\s[{,:-])\*[^\s,\]}]+/m.exec(yamlText);
    const at = alias ? model().at(alias.index + alias[0].indexOf('*')) : {line: firstLine, column: 1};
    return read({}, [
      {
        ...at,
        message: `${what} expands to more than ${MAX_FRONT_MATTER_VALUES} values through YAML aliases; write the values out instead of repeating them by alias`,
      },
    ]);
  }
  return read(data as Record<string, unknown>);
}

/**
 * Enough YAML errors to fix at once. A pasted run of quotes or anchors makes the
 * parser report one error per character (100,000 of them for a long run), which
 * would bury the page's other problems and every other page's.
 */
export const MAX_YAML_PROBLEMS = 10;

/** The nesting js-yaml accepts (its `maxDepth` default); it refuses deeper YAML with an error at the place. */
const JS_YAML_MAX_DEPTH = 100;

const TOO_DEEP = 'YAML syntax error: brackets or keys are nested too deeply to read';

/**
 * js-yaml's error, located by its offset: its own line and column count a lone
 * \r as a line break, and for a NUL byte they are line 1 and the offset. With
 * no offset (it ran out of stack), at `fallbackOffset`.
 */
function jsYamlProblem(at: (offset: number) => SourcePosition, error: unknown, fallbackOffset: number): TextProblem {
  const {reason, mark, message} = error as {reason?: string; mark?: {position?: number}; message?: string};
  const text = reason ?? message ?? String(error);
  return {
    ...at(mark?.position ?? fallbackOffset),
    message: /maxDepth|call stack/i.test(text) ? TOO_DEEP : `YAML syntax error: ${clipped(text)}`,
  };
}

/**
 * The offset at which the YAML text may nest deeper than `limit`, if it does
 * anywhere. An overestimate, never an underestimate: open brackets count even
 * inside quotes, and on each line every space of indentation and every "- ",
 * "? " or ": " counts as a level.
 */
function deeperThan(yamlText: string, limit: number): number | undefined {
  let flowDepth = 0;
  let lineStart = 0;
  while (lineStart <= yamlText.length) {
    const newline = yamlText.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? yamlText.length : newline;
    const line = yamlText.slice(lineStart, lineEnd);
    const blockDepth = /^ */.exec(line)![0].length + (line.match(/(?:^|\s)[-?](?=\s|$)|:(?=\s|$)/g)?.length ?? 0);
    if (blockDepth + flowDepth > limit) return lineStart;
    for (let index = 0; index < line.length; index += 1) {
      const character = line[index];
      if (character === '[' || character === '{') flowDepth += 1;
      else if ((character === ']' || character === '}') && flowDepth > 0) flowDepth -= 1;
      if (blockDepth + flowDepth > limit) return lineStart + index;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return undefined;
}

/** Located messages for YAML that js-yaml refused, from the position-keeping parser. */
function yamlProblems(yamlText: string, firstLine: number, {doc, at}: {doc: Document; at: (offset: number) => SourcePosition}, error: unknown): TextProblem[] {
  const problems: TextProblem[] = [];
  // The parser often complains twice about the same spot ("implicit keys need to be on a
  // single line", then "nested mappings are not allowed"): one message per position is enough.
  const seen = new Set<number>();
  const issues = [...doc.errors, ...doc.warnings].filter((issue) => !seen.has(issue.pos[0]) && seen.add(issue.pos[0]));
  for (const issue of issues) {
    const position = at(issue.pos[0]);
    if (issue.code === 'MISSING_CHAR' && /quote/.test(issue.message)) {
      // The parser notices a missing quote where the text ends; the editor needs the line where it opens.
      const opened = unclosedQuoteLine(yamlText, firstLine);
      problems.push({
        ...(opened ?? position),
        message: `YAML syntax error: the quoted text that starts here is never closed (${clipped(issue.message)})`,
      });
      continue;
    }
    const message =
      issue.code === 'TAG_RESOLVE_FAILED'
        ? `YAML tags such as ${clipped(/!\S*/.exec(issue.message)?.[0] ?? 'this one')} are not accepted in frontmatter; write a plain value`
        : issue.code === 'DUPLICATE_KEY'
          ? 'YAML syntax error: this key appears twice in the same mapping'
          : /call stack/i.test(issue.message)
            ? TOO_DEEP
            : `YAML syntax error: ${clipped(issue.message)}`;
    problems.push({...position, message});
  }
  // The two parsers disagree on what is wrong (a NUL byte, a lone \r): js-yaml's own error is the best we have.
  if (problems.length === 0) problems.push(jsYamlProblem(at, error, 0));
  if (problems.length <= MAX_YAML_PROBLEMS) return problems;
  const ordered = problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return [
    ...ordered.slice(0, MAX_YAML_PROBLEMS),
    {
      ...ordered[MAX_YAML_PROBLEMS]!,
      message: `YAML syntax error: ${problems.length - MAX_YAML_PROBLEMS} more from here on, not listed; fix the ones above first`,
    },
  ];
}

/**
 * Turns offsets in the YAML text (which starts on the file's second line) into
 * file positions, counting only \n as a line break. Not yaml's LineCounter: it
 * learns line breaks from the parser's newline tokens, and a token the parser
 * could not make sense of may hide one, which put later errors on the line
 * before, past its end.
 */
export function positionsIn(yamlText: string, firstLine: number): (offset: number) => SourcePosition {
  const lineStarts = [0];
  for (let newline = yamlText.indexOf('\n'); newline !== -1; newline = yamlText.indexOf('\n', newline + 1)) lineStarts.push(newline + 1);
  return (offset) => {
    // The last line start at or before the offset.
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return {line: low + firstLine, column: offset - lineStarts[low]! + 1};
  };
}

/** Line (in file terms) of the first quoted value that is not closed on its own line and never afterwards. */
function unclosedQuoteLine(yamlText: string, firstLine: number): SourcePosition | undefined {
  const lines = yamlText.split('\n');
  for (const [index, lineText] of lines.entries()) {
    const match = /^(\s*(?:-\s+)*(?:[^\s:#'"][^:#]*:\s+)?)(["'])/.exec(lineText);
    if (!match) continue;
    const quote = match[2]!;
    const rest = lineText.slice(match[0].length);
    const closed = quote === '"' ? /(?:^|[^\\])(?:\\\\)*"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
    if (!closed) return {line: index + firstLine, column: match[1]!.length + 1};
  }
  return undefined;
}

/** Walks the value without recursion and stops as soon as it has seen too many values. */
function exceedsValueBudget(root: unknown): boolean {
  const stack: unknown[] = [root];
  let seen = 0;
  while (stack.length > 0) {
    const value = stack.pop();
    seen += 1;
    if (seen > MAX_FRONT_MATTER_VALUES) return true;
    if (value !== null && typeof value === 'object') {
      for (const child of Object.values(value)) stack.push(child);
    }
  }
  return false;
}

function offsetOfPath(doc: Document, keys: readonly PropertyKey[], asKey: boolean): number | undefined {
  let node: unknown = doc.contents;
  let best = rangeStart(node);
  for (const [index, key] of keys.entries()) {
    const isLast = index === keys.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      if (isLast && asKey) return rangeStart(pair.key) ?? best;
      node = pair.value;
      best = rangeStart(node) ?? rangeStart(pair.key) ?? best;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      best = rangeStart(node) ?? best;
    } else {
      break;
    }
  }
  return best;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | undefined)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}

/** The first line of a parser's message or of the page's text, clipped: either may quote a 100,000-character run. */
function clipped(text: string): string {
  const line = text.split('\n')[0]?.trim() ?? text;
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}

/** The value a validation issue's path points at in parsed YAML, or undefined where the path leaves it. */
export function valueAtPath(root: unknown, keys: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
