/**
 * The short forms `npm run new:unit` accepts for a role and a contact, so the
 * common cases fit on a command line; anything more is written as a YAML
 * mapping in the flag itself. Pure: a flag's text in, the frontmatter value
 * (or what is wrong with the text) out. Whether the value is valid is decided
 * later, by the page check, like for any other page.
 *
 *   ROLE[:TITLE][=HOLDER;HOLDER...]     lead=Jane Doe @jane; John Roe <https://example.org/john>
 *   TYPE=LABEL [<URL>]                  chat=#data <https://chat.example.org/data>
 *   {yaml mapping}                      {role: chair, vacant: true}
 */
import {readFrontMatter} from './frontmatter';

export type FlagValue = {value: Record<string, unknown>} | {problem: string};

/** `{role: chair, vacant: true}`, read with the handbook's own YAML reader. */
function readMapping(flag: string, spec: string): FlagValue {
  const read = readFrontMatter(`---\nvalue: ${spec}\n---\n`);
  const value = read.data.value;
  if (read.problems.length > 0) return {problem: `${flag} '${spec}': ${read.problems[0]!.message}`};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {problem: `${flag} '${spec}': a YAML value given in braces must be a mapping such as {role: chair}`};
  }
  return {value: value as Record<string, unknown>};
}

/** `Jane Doe @jane <https://example.org/jane>` → {name, handle, url}. */
export function parseHolder(text: string): Record<string, unknown> {
  let rest = text.trim();
  const person: Record<string, unknown> = {};
  const url = /<([^<>]*)>/.exec(rest);
  if (url) {
    person.url = url[1]!.trim();
    rest = rest.replace(url[0], ' ');
  }
  const handle = /(?:^|\s)(@\S+)/.exec(rest);
  if (handle) {
    person.handle = handle[1];
    rest = rest.replace(handle[1]!, ' ');
  }
  // The name first, as the page lists it.
  return {name: rest.replace(/\s+/g, ' ').trim(), ...person};
}

export function parseRoleFlag(spec: string): FlagValue {
  if (spec.trim().startsWith('{')) return readMapping('--role', spec);
  const equals = spec.indexOf('=');
  const head = equals === -1 ? spec : spec.slice(0, equals);
  const colon = head.indexOf(':');
  const role = (colon === -1 ? head : head.slice(0, colon)).trim();
  const title = colon === -1 ? undefined : head.slice(colon + 1).trim();
  if (role === '') return {problem: `--role '${spec}': say which role first, such as lead=Jane Doe`};
  const holders =
    equals === -1
      ? []
      : spec
          .slice(equals + 1)
          .split(';')
          .filter((holder) => holder.trim() !== '')
          .map(parseHolder);
  return {value: {role, ...(title ? {title} : {}), ...(holders.length > 0 ? {holders} : {})}};
}

export function parseContactFlag(spec: string): FlagValue {
  if (spec.trim().startsWith('{')) return readMapping('--contact', spec);
  const equals = spec.indexOf('=');
  if (equals === -1) return {problem: `--contact '${spec}': write TYPE=LABEL [<URL>], such as chat=#data <https://chat.example.org/data>`};
  const type = spec.slice(0, equals).trim();
  let label = spec.slice(equals + 1);
  const url = /<([^<>]*)>\s*$/.exec(label);
  if (url) label = label.slice(0, url.index);
  label = label.trim();
  const address = url?.[1]?.trim() ?? (/^(?:https?:\/\/|mailto:)\S+$/.test(label) ? label : undefined);
  // A bare address is its own label.
  return {value: {type, label: label || address || '', ...(address ? {url: address} : {})}};
}
