/**
 * Hostile edits of a real unit page, for tests/org/fuzz.test.ts. Each edit
 * is drawn from a seeded generator, so a case is reproduced by its seed and
 * index alone. Every edit stays inside the frontmatter (the opening line, the
 * YAML and the closing line): the page body is MDX, which is code the check
 * does not judge (SECURITY.md), so a change there says nothing about the reader.
 */
import {parseDocument} from 'yaml';
import {createRandom, type Random} from '@site/scripts/bench/generate-org';

export interface Mutation {
  /** Which group of edits it came from: bytes, yaml, names, urls or openers. */
  family: Family;
  /** What was done, short enough to print (long values are shown by their length). */
  label: string;
  text: string;
}

export type Family = 'bytes' | 'yaml' | 'names' | 'urls' | 'openers';

/** The generator of case `index` of a run: independent of every other case, so one case can be replayed alone. */
export function caseRandom(seed: number, index: number): Random {
  return createRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
}

/** One hostile edit of a page that opens with `---` and closes its frontmatter with a line `---`. */
export function mutatePage(text: string, random: Random): Mutation {
  const family = random.pick(FAMILIES);
  const edit = random.pick(EDITS[family]);
  const {label, text: mutated} = edit(text, random);
  return {family, label, text: mutated};
}

type Edit = (text: string, random: Random) => {label: string; text: string};

const FAMILIES: readonly Family[] = ['bytes', 'yaml', 'names', 'urls', 'openers'];

// ---------------------------------------------------------------------------
// Where things are in a well-formed page.

interface Span {
  /** Offset just after the opening line. */
  yamlStart: number;
  /** Offset of the closing `---` line. */
  closeStart: number;
  /** Offset just after the closing line's own `---` (before its line break). */
  fenceEnd: number;
}

function spanOf(text: string): Span {
  const yamlStart = text.indexOf('\n') + 1;
  const closeStart = text.indexOf('\n---\n', yamlStart - 1) + 1;
  if (yamlStart === 0 || closeStart === 0) throw new Error('the page to mutate has no frontmatter');
  return {yamlStart, closeStart, fenceEnd: closeStart + 3};
}

interface YamlLine {
  start: number;
  end: number;
  text: string;
}

/** Lines between the fences. */
function yamlLines(text: string): YamlLine[] {
  const {yamlStart, closeStart} = spanOf(text);
  const lines: YamlLine[] = [];
  let start = yamlStart;
  while (start < closeStart) {
    const end = text.indexOf('\n', start);
    lines.push({start, end, text: text.slice(start, end)});
    start = end + 1;
  }
  return lines;
}

const KEY_LINE = /^(\s*(?:-\s+)?)([A-Za-z_]+):(?:\s+(.*))?$/;

function keyLines(text: string): YamlLine[] {
  return yamlLines(text).filter((line) => KEY_LINE.test(line.text));
}

function replaceRange(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** A value for a label: printable ASCII (a BOM or U+2028 shows as its escape), short even for 200,000 characters. */
function show(value: string): string {
  const escape = (text: string) =>
    JSON.stringify(text).replace(/[^\x20-\x7e]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const printable = escape(value);
  return printable.length <= 60 ? printable : `${escape(value.slice(0, 40))}… (${value.length} chars)`;
}

/**
 * Sets `org.<key>` to a YAML value, or to a mapping of YAML values, replacing
 * the key and everything nested under it if present.
 */
function setOrgField(text: string, key: string, yamlValue: string | Record<string, string>): string {
  const lines = yamlLines(text);
  const orgIndex = lines.findIndex((line) => line.text === 'org:');
  if (orgIndex === -1) throw new Error('the page to mutate has no org block');
  const value =
    typeof yamlValue === 'string'
      ? ` ${yamlValue}`
      : Object.entries(yamlValue)
          .map(([child, childValue]) => `\n    ${child}: ${childValue}`)
          .join('');
  const field = `  ${key}:${value}\n`;
  const existing = lines.findIndex((line, index) => index > orgIndex && line.text.startsWith(`  ${key}:`));
  if (existing === -1) {
    const {closeStart} = spanOf(text);
    return replaceRange(text, closeStart, closeStart, field);
  }
  let last = existing;
  while (lines[last + 1] && /^ {3,}/.test(lines[last + 1]!.text)) last += 1;
  return replaceRange(text, lines[existing]!.start, lines[last]!.end + 1, field);
}

/** Sets a top-level field (such as `title`) to a YAML value. */
function setTopField(text: string, key: string, yamlValue: string): string {
  const line = yamlLines(text).find((candidate) => candidate.text.startsWith(`${key}:`));
  if (!line) {
    const {yamlStart} = spanOf(text);
    return replaceRange(text, yamlStart, yamlStart, `${key}: ${yamlValue}\n`);
  }
  return replaceRange(text, line.start, line.end, `${key}: ${yamlValue}`);
}

/** The ways an editor might write a text value in YAML: some are wrong for some texts, which is the point. */
function encode(value: string, random: Random): string {
  switch (random.int(0, 3)) {
    case 0:
      return value; // plain: `{`, `: ` or `#` change its meaning
    case 1:
      return JSON.stringify(value); // JSON strings are YAML double-quoted strings
    case 2:
      return `'${value.replace(/'/g, "''")}'`;
    default:
      return JSON.stringify(value).replace(/\\u0000/g, '\\0');
  }
}

// ---------------------------------------------------------------------------
// Bytes: one character or a long run, anywhere from the first byte to the closing fence.

const ODD_CHARACTERS = [
  'a', 'Z', '0', ' ', '\t', '\n', '\r', '\r\n', ':', '-', '#', '"', "'", '{', '}', '[', ']', '&', '*', '!', '|', '>', '%', '@', '`', ',', '?', '\\',
  '\u2028', '\u2029', '\u0000', '\uFEFF', '\u0085', '\u00A0', '\u202E', '\u200B', '\u00E9', '\u{1F600}', '\u0007', '\u007F',
];
const RUN_UNITS = ['a', ' ', '\n', '[', '{', '-', '#', '"', '*', '\t', '\u00E9', '- ', '  ', 'a: ', '&a ', '\u2028', '\u0000'];

function positionIn(text: string, random: Random): number {
  return random.int(0, spanOf(text).fenceEnd);
}

const BYTE_EDITS: Edit[] = [
  (text, random) => {
    const at = positionIn(text, random);
    const character = random.pick(ODD_CHARACTERS);
    return {label: `insert ${show(character)} at ${at}`, text: replaceRange(text, at, at, character)};
  },
  (text, random) => {
    const at = positionIn(text, random);
    const length = random.int(1, 24);
    return {label: `delete ${length} chars at ${at}`, text: replaceRange(text, at, Math.min(at + length, spanOf(text).fenceEnd), '')};
  },
  (text, random) => {
    const at = Math.min(positionIn(text, random), spanOf(text).fenceEnd - 1);
    const character = random.pick(ODD_CHARACTERS);
    return {label: `replace ${show(text[at]!)} at ${at} by ${show(character)}`, text: replaceRange(text, at, at + 1, character)};
  },
  (text, random) => {
    const at = random.chance(0.5) ? 0 : positionIn(text, random);
    return {label: `byte-order mark at ${at}`, text: replaceRange(text, at, at, '\uFEFF')};
  },
  (text, random) => {
    const at = positionIn(text, random);
    const separator = random.pick(['\u2028', '\u2029']);
    return {label: `${show(separator)} at ${at}`, text: replaceRange(text, at, at, separator)};
  },
  (text, random) => {
    const at = positionIn(text, random);
    return {label: `NUL at ${at}`, text: replaceRange(text, at, at, '\u0000')};
  },
  (text, random) => {
    const at = positionIn(text, random);
    const unit = random.pick(RUN_UNITS);
    const count = random.pick([1_000, 10_000, 100_000]);
    return {label: `run of ${count} × ${show(unit)} at ${at}`, text: replaceRange(text, at, at, unit.repeat(count))};
  },
  (text) => ({label: 'CRLF line endings', text: text.replace(/\n/g, '\r\n')}),
];

// ---------------------------------------------------------------------------
// YAML structure.

const TAGS = ['!x', '!shout', '!!js/function', '!!python/object:os.system', '!!binary', '!!str', '!!int', '!!set', '!!omap', '!!timestamp', '!<tag:example.org,2026:x>', '!'];
const RETYPED_VALUES = ['123', '-1', '1.5', 'true', 'no', '~', 'null', "''", '""', '[]', '{}', '[a, b]', '{a: 1}', '2026-02-30', '.nan', '0x1F', '1e400', '"  "', '|\n  block\n', '>-'];

const YAML_EDITS: Edit[] = [
  (text, random) => {
    const line = random.pick(yamlLines(text));
    const indent = /^\s*/.exec(line.text)![0];
    const changed = random.pick([`${indent} `, indent.slice(1), `${indent}    `, `\t${indent}`, indent.replace(/ {2}/, '\t'), '']);
    return {label: `indent ${show(line.text)} by ${show(changed)}`, text: replaceRange(text, line.start, line.start + indent.length, changed)};
  },
  (text, random) => {
    const line = random.pick(keyLines(text));
    const copy = random.chance(0.5) ? line.text : line.text.replace(/:.*$/, ': second value');
    return {label: `duplicate key ${show(line.text)}`, text: replaceRange(text, line.end + 1, line.end + 1, `${copy}\n`)};
  },
  (text) => {
    // A legitimate anchor and alias: the unit's name is its title, by reference.
    const withAnchor = text.replace(/^title: /m, 'title: &title ');
    return {label: 'anchor on the title, alias as org.name', text: setOrgField(withAnchor, 'name', '*title')};
  },
  (text, random) => {
    const line = random.pick(keyLines(text));
    return {label: `alias to nowhere in ${show(line.text)}`, text: replaceRange(text, line.start, line.end, line.text.replace(/:.*$/, ': *nowhere'))};
  },
  (text) => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]', 'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]'];
    const {yamlStart} = spanOf(text);
    return {label: 'alias bomb', text: replaceRange(text, yamlStart, yamlStart, `${bomb.join('\n')}\n`)};
  },
  (text) => ({label: 'merge key', text: setOrgField(text.replace(/^title: /m, 'title: &t '), '<<', '*t')}),
  (text, random) => {
    const line = random.pick(keyLines(text).filter((candidate) => KEY_LINE.exec(candidate.text)![3]));
    const tag = random.pick(TAGS);
    const [, prefix, key, value] = KEY_LINE.exec(line.text)!;
    return {label: `tag ${tag} on ${show(line.text)}`, text: replaceRange(text, line.start, line.end, `${prefix}${key}: ${tag} ${value}`)};
  },
  (text, random) => {
    const line = random.pick(keyLines(text).filter((candidate) => KEY_LINE.exec(candidate.text)![3]));
    const value = random.pick(RETYPED_VALUES);
    const [, prefix, key] = KEY_LINE.exec(line.text)!;
    return {label: `value of ${show(line.text)} becomes ${show(value)}`, text: replaceRange(text, line.start, line.end, `${prefix}${key}: ${value}`)};
  },
  (text, random) => {
    const line = random.pick(keyLines(text).filter((candidate) => KEY_LINE.exec(candidate.text)![3]));
    const [, prefix, key, value] = KEY_LINE.exec(line.text)!;
    const quote = random.pick(['"', "'"]);
    return {label: `unclosed ${quote} in ${show(line.text)}`, text: replaceRange(text, line.start, line.end, `${prefix}${key}: ${quote}${value}`)};
  },
  (text, random) => {
    const {yamlStart, closeStart} = spanOf(text);
    const document = parseDocument(text.slice(yamlStart, closeStart));
    const whole = random.chance(0.5);
    if (whole) (document.contents as {flow?: boolean}).flow = true;
    else (document.get('org') as {flow?: boolean}).flow = true;
    return {label: whole ? 'the whole frontmatter as one flow mapping' : 'org as a flow mapping', text: replaceRange(text, yamlStart, closeStart, document.toString())};
  },
  (text) => {
    // Block lists instead of `[a, b]`, and flow lists turned into JSON: both plain YAML.
    const {yamlStart, closeStart} = spanOf(text);
    const data = parseDocument(text.slice(yamlStart, closeStart)).toJS() as unknown;
    return {label: 'the frontmatter written as JSON', text: replaceRange(text, yamlStart, closeStart, `${JSON.stringify(data)}\n`)};
  },
  (text, random) => {
    const line = random.pick(yamlLines(text));
    return {label: `delete line ${show(line.text)}`, text: replaceRange(text, line.start, line.end + 1, '')};
  },
  (text, random) => {
    const lines = yamlLines(text);
    const index = random.int(0, lines.length - 2);
    const [first, second] = [lines[index]!, lines[index + 1]!];
    return {label: `swap ${show(first.text)} and ${show(second.text)}`, text: replaceRange(text, first.start, second.end, `${second.text}\n${first.text}`)};
  },
  (text) => {
    const {closeStart} = spanOf(text);
    return {label: 'no closing ---', text: replaceRange(text, closeStart, closeStart + 4, '')};
  },
  (text, random) => {
    const {closeStart} = spanOf(text);
    const closer = random.pick(['--- ', '---\t', '...', '----', ' ---', '---\r', '--- x', '---\u2028', '\uFEFF---']);
    return {label: `closing line ${show(closer)}`, text: replaceRange(text, closeStart, closeStart + 3, closer)};
  },
];

// ---------------------------------------------------------------------------
// Names: long, huge, or written to break out of HTML, JSX or YAML.

const HOSTILE_NAMES = [
  '</script><img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '{',
  '<',
  '{alert(1)}',
  '<Foo />',
  '${process.exit()}',
  '&amp; &lt;b&gt;',
  '"quoted" name',
  'Right\u202Eto left',
  'Zero\u200Bwidth',
  'Emoji \u{1F600} team',
  '',
  '   ',
  'Line\u2028separator',
  'Nul\u0000inside',
  '[x](javascript:alert(1))',
  '**bold** _name_',
  '# Heading',
  'Back\\slash',
  'Colon: inside',
  'Hash # inside',
  '- dash',
  '@handle',
];

function longName(random: Random): string {
  const words = random.int(25, 600);
  return Array.from({length: words}, (_, index) => `Word${index}`).join(' ');
}

const NAME_EDITS: Edit[] = [
  (text, random) => {
    const name = random.chance(0.3) ? longName(random) : random.chance(0.2) ? 'W'.repeat(200_000) : random.pick(HOSTILE_NAMES);
    const target = random.pick(['org.name', 'title', 'org.roles[0].title', 'org.contacts[0].label']);
    const value = encode(name, random);
    const label = `${target} = ${show(name)}`;
    if (target === 'title') return {label, text: setTopField(text, 'title', value)};
    if (target === 'org.name') return {label, text: setOrgField(text, 'name', value)};
    if (target === 'org.roles[0].title') return {label, text: setOrgField(text, 'roles', `\n    - role: lead\n      title: ${value}`)};
    return {label, text: setOrgField(text, 'contacts', `\n    - type: chat\n      label: ${value}`)};
  },
  (text, random) => {
    // The title alone names a unit that has no org.name.
    const name = random.chance(0.5) ? 'W'.repeat(200_000) : longName(random);
    return {label: `title = ${show(name)}, no org.name`, text: setTopField(text.replace(/^ {2}name: .*\n/m, ''), 'title', encode(name, random))};
  },
];

// ---------------------------------------------------------------------------
// Links: schemes that run code, other hosts, pages that do not exist, and good ones.

const URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/nonexistent',
  '/functional-areas/enginering',
  '/functional-areas/product',
  '/functional-areas/product#purpose',
  '/org.json',
  'https://example.org/team',
  'http://example.org',
  'mailto:team@example.org',
  'https://',
  'https://ex ample.org',
  'https://example.org/\u0000',
  '#top',
  '',
];

const REDIRECTS = ['/old-name', '//evil.example', '/org.json', '/functional-areas/product', '/../x', '/a b', 'javascript:alert(1)', '/', '/teams/', 'relative/path'];

const URL_EDITS: Edit[] = [
  (text, random) => {
    const url = random.chance(0.1) ? `https://example.org/${'a'.repeat(random.int(1_990, 3_000))}` : random.pick(URLS);
    // A contact's address, or where a role's holders are listed.
    if (random.chance(0.5)) return {label: `org.contacts[0].url = ${show(url)}`, text: setOrgField(text, 'contacts', `\n    - type: chat\n      label: Somewhere\n      url: ${encode(url, random)}`)};
    return {label: `org.roles[0].listedAt.url = ${show(url)}`, text: setOrgField(text, 'roles', `\n    - role: lead\n      listedAt:\n        label: Somewhere\n        url: ${encode(url, random)}`)};
  },
  (text, random) => {
    const from = random.pick(REDIRECTS);
    return {label: `org.redirectFrom = [${show(from)}]`, text: setOrgField(text, 'redirectFrom', `[${encode(from, random)}]`)};
  },
];

// ---------------------------------------------------------------------------
// Frontmatter openers.

const OPENERS = ['---js', '---javascript', '---yaml', '---json', '--- ', '---\t', '----', '---  yaml', '--- # comment', '+++', ' ---', '---\r', '\uFEFF---', '-- -'];

const OPENER_EDITS: Edit[] = [
  (text, random) => {
    const opener = random.pick(OPENERS);
    return {label: `opening line ${show(opener)}`, text: replaceRange(text, 0, 3, opener)};
  },
];

const EDITS: Record<Family, Edit[]> = {bytes: BYTE_EDITS, yaml: YAML_EDITS, names: NAME_EDITS, urls: URL_EDITS, openers: OPENER_EDITS};
