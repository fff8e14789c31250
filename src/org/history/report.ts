/**
 * The structure diff of two trees as a report: plain text for the terminal,
 * Markdown for a pull request (job summary and comment), JSON for tools.
 */
import {formatProblem, type OrgProblem} from '../problems';
import {describeChange} from './describe';
import type {StructureChange, StructureChangeType} from './diff';

export interface ReportSide {
  /** How the side was named, such as `merge base with main` or `working tree`. */
  label: string;
  /** Full commit id; absent for the working tree. */
  commit?: string;
  /** Problems that kept the side from being read; empty when it passed the check. */
  problems: readonly OrgProblem[];
}

export type StructureReport =
  | {available: true; base: ReportSide; head: ReportSide; changes: StructureChange[]}
  /** The history needed is not there (a shallow clone, no git): why, in a sentence, and what to do. */
  | {available: false; reason: string};

export type ReportFormat = 'text' | 'markdown' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'json'];

export const DIFF_FORMAT = 'org-handbook-diff';
export const DIFF_VERSION = 1;

const GROUPS: Array<[title: string, types: StructureChangeType[]]> = [
  ['Added', ['added', 'restored']],
  ['Removed, retired or merged', ['removed', 'retired', 'merged']],
  ['Renamed', ['renamed', 'page-moved']],
  ['Moved', ['moved']],
  ['Changed', ['kind', 'members', 'relations', 'roles', 'vacancy', 'contacts', 'maintainers']],
];

const MAX_PROBLEMS_SHOWN = 10;

function sideName(side: ReportSide): string {
  return side.commit ? `${side.label} (${side.commit.slice(0, 12)})` : side.label;
}

const changeCount = (count: number) => `${count} change${count === 1 ? '' : 's'}`;

/** Backslash-escapes what Markdown or GitHub would read as markup (names are free text); parentheses only matter after a `]`, which is escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#+!|~]/g, (char) => `\\${char}`).replace(/^([-=])/, '\\$1');
}

function grouped(changes: readonly StructureChange[]): Array<[string, string[]]> {
  return GROUPS.map(([title, types]): [string, string[]] => [title, changes.filter((change) => types.includes(change.type)).map(describeChange)]).filter(
    ([, sentences]) => sentences.length > 0,
  );
}

function brokenSides(report: Extract<StructureReport, {available: true}>): ReportSide[] {
  return [report.base, report.head].filter((side) => side.problems.length > 0);
}

export function formatReport(report: StructureReport, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(toJson(report), null, 2)}\n`;
  const markdown = format === 'markdown';
  const lines: string[] = [];
  if (!report.available) {
    lines.push(markdown ? '### Organization structure' : 'Organization structure', '', markdown ? escapeMarkdown(report.reason) : report.reason);
    return `${lines.join('\n')}\n`;
  }
  const broken = brokenSides(report);
  const heading = `Organization structure: ${broken.length > 0 ? 'not compared' : report.changes.length === 0 ? 'no changes' : changeCount(report.changes.length)}`;
  const span = `From ${sideName(report.base)} to ${sideName(report.head)}.`;
  lines.push(markdown ? `### ${heading}` : heading, '', markdown ? escapeMarkdown(span) : span);
  for (const side of broken) {
    const intro = `${capitalizeFirst(sideName(side))} does not pass the check (${side.problems.length} problem${side.problems.length === 1 ? '' : 's'}), so its structure cannot be compared. Run npm run check to see every problem.`;
    lines.push('', markdown ? escapeMarkdown(intro) : intro, '');
    const shown = side.problems.slice(0, MAX_PROBLEMS_SHOWN).map(formatProblem);
    if (side.problems.length > shown.length) shown.push(`… and ${side.problems.length - shown.length} more`);
    if (markdown) lines.push('```text', ...shown, '```');
    else lines.push(...shown.map((line) => `  ${line}`));
  }
  if (broken.length === 0 && report.changes.length === 0) {
    lines.push('', 'No unit was added, removed, moved, renamed or otherwise changed.');
  }
  for (const [title, sentences] of grouped(report.changes)) {
    lines.push('', markdown ? `#### ${title}` : `${title}:`, '');
    for (const sentence of sentences) lines.push(markdown ? `- ${escapeMarkdown(sentence)}` : `  - ${sentence}`);
  }
  return `${lines.join('\n')}\n`;
}

function toJson(report: StructureReport) {
  if (!report.available) return {format: DIFF_FORMAT, version: DIFF_VERSION, available: false, reason: report.reason};
  const side = (value: ReportSide) => ({
    label: value.label,
    commit: value.commit ?? null,
    passesCheck: value.problems.length === 0,
    problems: value.problems.map(formatProblem),
  });
  return {
    format: DIFF_FORMAT,
    version: DIFF_VERSION,
    available: true,
    base: side(report.base),
    head: side(report.head),
    changes: report.changes.map((change) => ({...change, sentence: describeChange(change)})),
  };
}

function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
