/** A problem in the content, located at the value that causes it. */
export interface OrgProblem {
  /** Path relative to the site root, with forward slashes: `docs/teams/area-leads.md`. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
}

export interface SourcePosition {
  line: number;
  column: number;
}

export function sortProblems(problems: readonly OrgProblem[]): OrgProblem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
  );
}

/** `docs/x.md:3:14: message`, the form compilers and editors understand. */
export function formatProblem(problem: OrgProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** GitHub Actions workflow command: shows as an annotation on the line in a pull request. */
export function formatGitHubAnnotation(problem: OrgProblem): string {
  // Workflow-command properties and data have their own escaping rules.
  const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::error file=${escapeProperty(problem.file)},line=${problem.line},col=${problem.column}::${escapeData(problem.message)}`;
}

export function formatProblems(
  problems: readonly OrgProblem[],
  style: 'compiler' | 'github' = 'compiler',
): string {
  const format = style === 'github' ? formatGitHubAnnotation : formatProblem;
  const sorted = sortProblems(problems);
  // Neutral about where: pages, their bodies' directives or the vocabulary file.
  const files = new Set(sorted.map((problem) => problem.file)).size;
  const count = `${sorted.length} problem${sorted.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
  return [...sorted.map(format), count].join('\n');
}
