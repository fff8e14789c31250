/**
 * JSON written inside an HTML `<script>` element (such as
 * `<script type="application/ld+json">`). The HTML parser ends a script at
 * the first `</script`, whatever JSON thinks of it, so a page title holding
 * `</script><img onerror=…>` would leave the script and run as markup.
 *
 * Writing `<`, `>` and `&` as JSON's `\u003c`, `\u003e`, `\u0026` keeps the
 * value identical for any JSON reader while leaving the HTML parser nothing
 * to see; U+2028 and U+2029 are escaped too because older JavaScript parsers
 * read them as line ends inside a string.
 */
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    UNSAFE_IN_SCRIPT,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
