/**
 * Hostile content, at random but reproducibly: 200 edits of the real unit
 * pages (tests/support/fuzz-mutations.ts), each checked against the rest of
 * the real docs/. For every edit the check either accepts the page, and then
 * its unit is in the graph and the docs plugin accepts its frontmatter too,
 * or rejects it with a problem at a real line of that page. It never throws
 * and never hangs: each case runs in a child process that is killed after
 * CASE_TIMEOUT_MS.
 *
 * Three of the cases (one accepted, two rejected) then go through a real
 * build, which must agree with the check.
 *
 * The seed is printed; `FUZZ_SEED=<n> npx vitest run tests/org/fuzz.test.ts`
 * replays a run, or tries another one.
 */
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {checkContentTree, readDocsFiles} from '@site/packages/org-handbook/src/plugin/content';
import {formatProblem, type OrgProblem} from '@site/packages/org-handbook/src/org/problems';
import {caseRandom, mutatePage, type Mutation} from '@site/tests/support/fuzz-mutations';
import {startPipelineRunner, type PipelineRunner} from '@site/tests/support/pipeline-runner';
import {copySite, removeSite, REPO, runDocusaurus} from '@site/tests/support/site-copy';

const SEED = process.env.FUZZ_SEED === undefined ? 20_261_130 : Number(process.env.FUZZ_SEED);
const CASES = 200;
/** A normal case takes tens of milliseconds (a second for the longest runs on a busy machine); one that takes this long is stuck. */
const CASE_TIMEOUT_MS = 10_000;
/** After this many hangs the run stops: a reader that hangs on one kind of edit would otherwise take minutes to report it. */
const MAX_HANGS = 3;
/**
 * However broken a page, the editor gets a list they can read: a pasted run of
 * quotes must not become one problem per character, nor a 100,000-character
 * value one message of that length.
 */
const MAX_PROBLEMS_PER_PAGE = 40;
const MAX_MESSAGE_LENGTH = 2_500;

interface FuzzCase extends Mutation {
  index: number;
  source: string;
  /** The id the page declares before the edit. */
  originalId: string;
}

type Outcome = Awaited<ReturnType<PipelineRunner['run']>>;

const texts = new Map<string, string>();
const cases: FuzzCase[] = [];
const outcomes: Outcome[] = [];
let runner: PipelineRunner | undefined;

beforeAll(async () => {
  if (!Number.isSafeInteger(SEED)) throw new Error(`FUZZ_SEED must be an integer, not "${process.env.FUZZ_SEED}"`);
  console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} replays this run)`);
  for (const file of await readDocsFiles(REPO, 'docs')) texts.set(file.source, file.text);
  const real = await checkContentTree(REPO);
  expect(real.problems, 'the real docs/ should pass the check before it is mutated').toEqual([]);
  const unitPages = real.loaded.units.map((unit) => ({source: unit.source, id: unit.org.id, text: texts.get(unit.source)!}));
  expect(unitPages.length, 'the real docs/ should have unit pages to mutate').toBeGreaterThan(10);

  for (let index = 0; index < CASES; index += 1) {
    const random = caseRandom(SEED, index);
    const page = random.pick(unitPages);
    cases.push({index, source: page.source, originalId: page.id, ...mutatePage(page.text, random)});
  }

  runner = startPipelineRunner(REPO);
  const started = performance.now();
  for (const fuzzCase of cases) {
    if (outcomes.filter((outcome) => 'hang' in outcome).length === MAX_HANGS) break;
    outcomes.push(await runner.run({index: fuzzCase.index, source: fuzzCase.source, text: fuzzCase.text}, CASE_TIMEOUT_MS));
  }
  const checkMs = performance.now() - started;
  const accepted = outcomes.filter((outcome) => 'problems' in outcome && outcome.problems.length === 0).length;
  const slowest = Math.max(...outcomes.map((outcome) => ('ms' in outcome ? outcome.ms : CASE_TIMEOUT_MS)));
  console.log(
    `fuzz: ${outcomes.length} of ${CASES} cases checked in ${(checkMs / 1000).toFixed(1)} s (slowest ${Math.round(slowest)} ms); ${accepted} accepted, ${outcomes.length - accepted} rejected or failed`,
  );
}, 180_000);

afterAll(() => runner?.stop());

/** Lines as the check counts them: only \n ends a line. */
function linesOf(text: string): string[] {
  return text.split('\n');
}

/** What is wrong with one case's outcome; empty when the check did its job. */
function judge(fuzzCase: FuzzCase, outcome: Outcome): string[] {
  if ('hang' in outcome) return [`the check did not finish within ${CASE_TIMEOUT_MS} ms`];
  if ('exited' in outcome) return [`the check's process died (${outcome.exited})`];
  if ('crash' in outcome) return [`the check threw: ${outcome.crash.split('\n').slice(0, 4).join(' | ')}`];
  const {problems, unit, docsPluginErrors} = outcome;
  if (problems.length === 0) {
    if (!unit) return ['accepted, but the page has no unit: it would be published without its place in the organization'];
    if (!unit.inUnits && !unit.inRetired) return [`accepted, but unit "${unit.id}" is not in the graph`];
    if (docsPluginErrors.length > 0) return [`accepted, but the build's docs plugin refuses the frontmatter: ${docsPluginErrors.join('; ')}`];
    return [];
  }
  const failures: string[] = [];
  const textOf = (file: string) => (file === fuzzCase.source ? fuzzCase.text : texts.get(file));
  for (const problem of problems) {
    const text = textOf(problem.file);
    const where = formatProblem(problem).slice(0, 200);
    if (text === undefined) {
      failures.push(`problem in a file that is not in docs/: ${where}`);
      continue;
    }
    const lines = linesOf(text);
    if (!Number.isInteger(problem.line) || !Number.isInteger(problem.column) || problem.line < 1 || problem.column < 1) {
      failures.push(`problem not at a line and column: ${where}`);
    } else if (problem.line > lines.length + 1) {
      failures.push(`problem at line ${problem.line} of a file of ${lines.length} lines: ${where}`);
    } else if (problem.column > (lines[problem.line - 1] ?? '').length + 1) {
      failures.push(`problem at column ${problem.column} of a line of ${(lines[problem.line - 1] ?? '').length} characters: ${where}`);
    }
    if (problem.message.trim() === '') failures.push(`problem without a message: ${where}`);
    if (problem.message.length > MAX_MESSAGE_LENGTH) failures.push(`a message of ${problem.message.length} characters: ${where}`);
  }
  const onPage = problems.filter((problem) => problem.file === fuzzCase.source).length;
  if (onPage > MAX_PROBLEMS_PER_PAGE) failures.push(`${onPage} problems for one page: ${problems.slice(0, 3).map(formatProblem).join(' / ').slice(0, 300)}`);
  if (!problems.some((problem) => problem.file === fuzzCase.source)) {
    // A page that now declares another id leaves the pages that referred to the old one wrong (and the units
    // under it cut off): those are what to fix, as long as the check names the old id.
    const renamed = unit !== undefined && unit.id !== fuzzCase.originalId;
    const aboutOldId = problems.some((problem) => problem.message.includes(`unknown unit "${fuzzCase.originalId}"`));
    if (!(renamed && aboutOldId)) failures.push(`rejected, but no problem is in ${fuzzCase.source}: ${problems.map(formatProblem).join(' / ').slice(0, 300)}`);
  }
  return failures;
}

function describeCase(fuzzCase: FuzzCase): string {
  return `case ${fuzzCase.index} (${fuzzCase.family}: ${fuzzCase.label} in ${fuzzCase.source})`;
}

function problemsOf(fuzzCase: FuzzCase): OrgProblem[] | undefined {
  const outcome = outcomes[fuzzCase.index];
  return outcome && 'problems' in outcome ? outcome.problems : undefined;
}

describe(`the check on ${CASES} hostile edits of real unit pages`, () => {
  it('accepts a page with its unit in the graph, or rejects it at a line of that page; never throws or hangs', () => {
    const failures = outcomes.flatMap((outcome) => {
      const fuzzCase = cases[outcome.index]!;
      return judge(fuzzCase, outcome).map((failure) => `${describeCase(fuzzCase)}: ${failure}`);
    });
    if (outcomes.length < CASES) failures.push(`stopped after ${MAX_HANGS} hangs, with ${CASES - outcomes.length} cases not run`);
    expect(failures, `seed ${SEED}`).toEqual([]);
  });

  it('tries every family of edit and gets both answers', () => {
    const families = new Set(cases.map((fuzzCase) => fuzzCase.family));
    expect([...families].sort()).toEqual(['bytes', 'names', 'openers', 'urls', 'yaml']);
    const accepted = cases.filter((fuzzCase) => problemsOf(fuzzCase)?.length === 0);
    expect(accepted.length).toBeGreaterThan(10);
    expect(CASES - accepted.length).toBeGreaterThan(10);
  });
});

describe('a real build of three of the cases', () => {
  let site: string | undefined;
  afterAll(async () => {
    if (site) await removeSite(site);
  });

  it('fails where the check rejects, with its first message, and builds the unit where it accepts', {timeout: 360_000}, async () => {
    // Deterministic picks: the first two rejected cases of different families, and the first accepted one that changed
    // the page, from the hostile names if there is one (the build must publish those as text).
    const rejected: FuzzCase[] = [];
    for (const fuzzCase of cases) {
      const problems = problemsOf(fuzzCase);
      if (rejected.length < 2 && problems && problems.length > 0 && rejected[0]?.family !== fuzzCase.family) rejected.push(fuzzCase);
    }
    const changedAndAccepted = cases.filter((fuzzCase) => problemsOf(fuzzCase)?.length === 0 && fuzzCase.text !== texts.get(fuzzCase.source));
    const accepted = changedAndAccepted.find((fuzzCase) => fuzzCase.family === 'names') ?? changedAndAccepted[0];
    expect(rejected).toHaveLength(2);
    expect(accepted).toBeDefined();

    site = await copySite('org-fuzz-');
    const started = performance.now();
    // The rejected ones first: they stop before bundling, so the one full build comes last.
    for (const fuzzCase of [...rejected, accepted!]) {
      const file = path.join(site, fuzzCase.source);
      await writeFile(file, fuzzCase.text);
      // The file on disk reads as the text in memory did.
      const onDisk = await checkContentTree(site);
      const problems = problemsOf(fuzzCase)!;
      expect(onDisk.problems.map(formatProblem), describeCase(fuzzCase)).toEqual(problems.map(formatProblem));

      const caseStarted = performance.now();
      const build = await runDocusaurus(site, ['build']);
      console.log(`fuzz build of ${describeCase(fuzzCase)}: exit ${build.code} in ${((performance.now() - caseStarted) / 1000).toFixed(1)} s`);
      if (problems.length > 0) {
        expect(build.code, describeCase(fuzzCase)).not.toBe(0);
        expect(build.output, describeCase(fuzzCase)).toContain(formatProblem(problems[0]!));
      } else {
        expect(build.code, `${describeCase(fuzzCase)}\n${build.output.slice(-3000)}`).toBe(0);
        const exported = JSON.parse(await readFile(path.join(site, 'build', 'org.json'), 'utf8')) as {units: Array<{id: string}>; retired: Array<{id: string}>};
        const id = (outcomes[fuzzCase.index] as {unit: {id: string}}).unit.id;
        expect([...exported.units, ...exported.retired].map((unit) => unit.id), describeCase(fuzzCase)).toContain(id);
      }
      await writeFile(file, texts.get(fuzzCase.source)!);
    }
    console.log(`fuzz: real builds took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });
});
