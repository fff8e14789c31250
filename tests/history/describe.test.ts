/**
 * The structure diff in memory, without git: the real handbook's pages
 * through the reorganization recipes, and hand-made edits for the kinds of
 * change the recipes do not make.
 */
import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {describeChange} from '@site/src/org/history/describe';
import {diffSnapshots} from '@site/src/org/history/diff';
import {graphFromTexts} from '@site/src/org/history/read-tree';
import {escapeMarkdown, formatReport} from '@site/src/org/history/report';
import {snapshotOf} from '@site/src/org/history/snapshot';
import {moveUnit} from '@site/src/org/reorganize';
import {handbookVocabulary} from '@site/tests/support/vocabulary';

const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function realTexts(): Promise<Map<string, string>> {
  const files = (await readdir(path.join(siteDir, 'docs'), {recursive: true})).filter((file) => file.endsWith('.md')).sort();
  const texts = new Map<string, string>();
  for (const file of files) texts.set(`docs/${file.split(path.sep).join('/')}`, await readFile(path.join(siteDir, 'docs', file), 'utf8'));
  return texts;
}

function sentences(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const read = (texts: ReadonlyMap<string, string>) => {
    const {graph, problems} = graphFromTexts(
      [...texts].map(([source, text]) => ({source, text})),
      handbookVocabulary,
    );
    expect(problems).toEqual([]);
    return snapshotOf(graph!);
  };
  return diffSnapshots(read(before), read(after)).map(describeChange);
}

function edited(texts: ReadonlyMap<string, string>, source: string, from: string, to: string): Map<string, string> {
  const text = texts.get(source)!;
  expect(text, `${source} should contain ${from}`).toContain(from);
  return new Map(texts).set(source, text.replace(from, to));
}

describe('structure changes of the real handbook, in words', () => {
  it('says a move the way a reader would', async () => {
    const texts = await realTexts();
    const moved = moveUnit(texts, {vocabulary: handbookVocabulary, id: 'administration', to: 'operations'}).texts;
    expect(sentences(texts, moved)).toEqual(['Administration moved from the Executive Director to Operations.']);
  });

  it('says kind, members, relations, lead and contact changes', async () => {
    const texts = await realTexts();
    let after = edited(texts, 'docs/teams/product-and-engineering.md', 'members: [product, engineering]', 'members: [product, engineering, community]');
    after = edited(after, 'docs/functional-areas/engineering.md', 'reportsTo: executive-director', 'reportsTo: executive-director\n  channel:\n    label: "#engineering"\n  relations:\n    - type: dotted-line\n      to: product');
    const changes = sentences(texts, after);
    expect(changes).toEqual([
      'Product and Engineering now draws members from Community.',
      'Engineering gained the relation "dotted line to" Product.',
      'Engineering now gives a channel: "#engineering".',
    ]);
  });

  it('says nothing when only prose changed', async () => {
    const texts = await realTexts();
    const after = edited(texts, 'docs/functional-areas/engineering.md', '\n---\n', '\n---\n\nA new first paragraph.\n');
    expect(sentences(texts, after)).toEqual([]);
  });
});

describe('the Markdown report', () => {
  it('escapes names, which are free text', () => {
    expect(escapeMarkdown('<script> *bold* [link](x) _a_ #1 | `code`')).toBe('\\<script\\> \\*bold\\* \\[link\\](x) \\_a\\_ \\#1 \\| \\`code\\`');
    const report = formatReport(
      {
        available: true,
        base: {label: 'main', commit: 'a'.repeat(40), problems: []},
        head: {label: 'working tree', problems: []},
        changes: [{type: 'added', unit: {id: 'x', name: '**Bold** <b>', kind: 'area', kindLabel: 'Functional area'}}],
      },
      'markdown',
    );
    expect(report).toContain('- \\*\\*Bold\\*\\* \\<b\\> was added, as a functional area outside the reporting lines.');
  });
});
