/**
 * Which link addresses the handbook will put in an `href`. Its own module,
 * free of zod, because the schema checks it when content is loaded and the
 * Place block checks it again where it draws the link (a page never ships the
 * schema).
 *
 * Addresses a link may have: a web address (`http://`, `https://`), an e-mail
 * address (`mailto:`) or a path of this handbook (`/teams/area-leads`, not
 * `//host`, which a browser reads as another site). Anything else is refused:
 * `javascript:` runs code when a reader clicks it, `data:` opens a page made
 * of the link itself. No whitespace, control characters or backslashes, which
 * browsers drop or read as `/` (`/\host` is `//host` to them).
 * Lowercase schemes only, so the JSON Schema (which has no flags) agrees.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const SAFE_URL_PATTERN = /^(?:https?:\/\/[^\s\x00-\x1f\x7f\\/?#][^\s\x00-\x1f\x7f\\]*|mailto:[^\s\x00-\x1f\x7f\\]+|\/(?![/\\])[^\s\x00-\x1f\x7f\\]*)$/;

export function isSafeLinkUrl(url: string): boolean {
  return SAFE_URL_PATTERN.test(url);
}
