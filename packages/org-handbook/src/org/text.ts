/**
 * Names drawn inside chart boxes, without a DOM: approximate advance widths of
 * a sans-serif face, and wrapping into a few lines.
 *
 * Wrapping breaks only where a reader expects a line to break: at spaces, and
 * after a hyphen or a slash inside a compound ("committee-security-" /
 * "response"). A single word wider than a line is never cut in two: it is
 * shortened with "…" on a line of its own, and the full name stays in the
 * node's tooltip and accessible name. Every step looks at each character at
 * most a fixed number of times and stops once the lines are full, so the time
 * is linear in the name's length (a 200,000-character name costs no more than
 * its first few lines).
 */

export const NAME_SIZE = 13;

let graphemes: Intl.Segmenter | undefined;
/** Grapheme clusters of `text`, lazily: callers stop as soon as they have enough. */
function clustersOf(text: string): Iterable<{segment: string}> {
  graphemes ??= new Intl.Segmenter('en', {granularity: 'grapheme'});
  return graphemes.segment(text);
}

/** Width of one character in em, erring on the wide side. */
function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (
    (code >= 0x300 && code < 0x370) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    (code >= 0xfe00 && code <= 0xfe0f)
  ) {
    return 0; // combining marks, joiners, direction marks, variation selectors
  }
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2600 && code <= 0x27bf) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xff60) ||
    code >= 0x1f000
  ) {
    return 1.1; // wide: CJK, Hangul, full-width forms, emoji and symbols
  }
  if (char === ' ') return 0.3;
  if ("iIjlt.,:;!|'`()[]{}".includes(char)) return 0.34;
  if (char === 'f' || char === 'r') return 0.4;
  if ('mwMW@%'.includes(char)) return 0.92;
  if (code >= 0x41 && code <= 0x5a) return 0.7;
  return 0.6;
}

/** Width of `text` in px, or `Infinity` as soon as it passes `limit` (so a huge word costs only what fits). */
export function textWidth(text: string, limit = Infinity): number {
  let em = 0;
  const emLimit = limit / NAME_SIZE;
  for (const char of text) {
    em += charWidth(char);
    if (em > emLimit) return Infinity;
  }
  return em * NAME_SIZE;
}

/** A grapheme cluster is as wide as its widest character (an emoji sequence, a letter with its marks). */
function clusterWidth(cluster: string): number {
  let widest = 0;
  for (const char of cluster) widest = Math.max(widest, charWidth(char));
  return widest * NAME_SIZE;
}

const ELLIPSIS = '…';

/** The longest start of `text` that fits `maxWidth` with "…" after it, cut between grapheme clusters. */
function shorten(text: string, maxWidth: number): string {
  const room = maxWidth - textWidth(ELLIPSIS);
  let used = 0;
  let kept = '';
  for (const {segment} of clustersOf(text)) {
    used += clusterWidth(segment);
    if (used > room) break;
    kept += segment;
  }
  return `${kept.trimEnd()}${ELLIPSIS}`;
}

/** Pieces of a word after which a line may break: after a hyphen, dash or slash, which stay on the first line. */
function breakPieces(word: string): string[] {
  return word.split(/(?<=[-‐‑–—/](?=.))/u);
}

/**
 * Wraps a name into at most `maxLines` lines of at most `maxWidth` px. The
 * last line ends in "…" when the name does not fit; so does any single word
 * too wide for a line, which is never split.
 */
export function wrapText(name: string, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = [];
  const space = textWidth(' ');
  let line = '';
  let width = 0;
  /** Whether the name continues past the last line kept. */
  let overflow = false;
  const words = name.trim().split(/\s+/u);
  outer: for (let at = 0; at < words.length; at += 1) {
    const pieces = breakPieces(words[at]!);
    for (let index = 0; index < pieces.length; index += 1) {
      const piece = pieces[index]!;
      const gap = line && index === 0 ? space : 0;
      const pieceWidth = textWidth(piece, maxWidth);
      if (line && width + gap + pieceWidth <= maxWidth) {
        line += (gap ? ' ' : '') + piece;
        width += gap + pieceWidth;
        continue;
      }
      if (line) lines.push(line);
      if (lines.length === maxLines) {
        overflow = true;
        break outer;
      }
      if (pieceWidth <= maxWidth) {
        line = piece;
        width = pieceWidth;
      } else {
        // Too wide for any line: shortened, on a line of its own.
        lines.push(shorten(piece, maxWidth));
        line = '';
        width = 0;
        if (lines.length === maxLines) {
          overflow = index < pieces.length - 1 || at < words.length - 1;
          break outer;
        }
      }
    }
  }
  if (!overflow && line) lines.push(line);
  if (!overflow) return lines;
  // Say that the name goes on: "…" after the last line, dropping its last word when that is what makes room.
  const last = lines[maxLines - 1]!;
  if (last.endsWith(ELLIPSIS)) return lines;
  if (textWidth(`${last}${ELLIPSIS}`) <= maxWidth) {
    lines[maxLines - 1] = `${last}${ELLIPSIS}`;
    return lines;
  }
  const cut = shorten(last, maxWidth);
  const wordEnd = last.lastIndexOf(' ', cut.length - 1);
  lines[maxLines - 1] = wordEnd > last.length / 2 ? `${last.slice(0, wordEnd)}${ELLIPSIS}` : cut;
  return lines;
}
