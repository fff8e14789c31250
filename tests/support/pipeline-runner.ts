/**
 * Runs the check (the pure pipeline with the site's own rules) over the real
 * docs/ with one page replaced, in a child process, so that the fuzz test
 * (tests/org/fuzz.test.ts) survives a case that hangs or exhausts memory: its
 * parent can kill this process and go on. Started with `node --import tsx`;
 * see `startPipelineRunner`.
 *
 * Each message in is a `RunnerCase`, each message out a `RunnerOutcome`.
 */
import {fork, type ChildProcess} from 'node:child_process';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import {createSiteRules, readDocsFiles} from '@site/packages/org-handbook/src/plugin/content';
import {readFrontMatter} from '@site/packages/org-handbook/src/org/frontmatter';
import {runPipeline} from '@site/packages/org-handbook/src/org/pipeline';
import type {OrgProblem} from '@site/packages/org-handbook/src/org/problems';
import {REPO} from '@site/tests/support/site-copy';

export interface RunnerCase {
  index: number;
  source: string;
  text: string;
}

export type RunnerOutcome =
  | {
      index: number;
      ms: number;
      problems: OrgProblem[];
      /** The unit the replaced page declares, if it could be read, and where the graph holds it. */
      unit?: {id: string; inUnits: boolean; inRetired: boolean};
      /** What the docs plugin's own frontmatter validation says about the replaced page (it runs in the build). */
      docsPluginErrors: string[];
    }
  | {index: number; ms: number; crash: string};

const require = createRequire(import.meta.url);
// The function the docs plugin calls on every page's frontmatter during the build (it logs, then throws).
const {validateDocFrontMatter} = require('@docusaurus/plugin-content-docs/lib/frontMatter.js') as {
  validateDocFrontMatter(frontMatter: Record<string, unknown>): unknown;
};

/** What the build's docs plugin refuses in a page's frontmatter, as read by the handbook's reader (the build's too). */
function docsPluginErrors(text: string): string[] {
  try {
    validateDocFrontMatter(readFrontMatter(text).data);
    return [];
  } catch (error) {
    return (error as {details?: Array<{message: string}>}).details?.map((detail) => detail.message) ?? [String(error)];
  }
}

async function serve(siteDir: string): Promise<void> {
  const [files, rules] = await Promise.all([readDocsFiles(siteDir, 'docs'), createSiteRules(siteDir)]);
  process.on('message', (message: RunnerCase) => {
    const started = performance.now();
    let outcome: RunnerOutcome;
    try {
      const replaced = files.map((file) => (file.source === message.source ? {source: file.source, text: message.text} : file));
      const result = runPipeline(replaced, rules);
      const unit = result.loaded.units.find((candidate) => candidate.source === message.source);
      outcome = {
        index: message.index,
        ms: performance.now() - started,
        problems: result.problems,
        ...(unit
          ? {
              unit: {
                id: unit.org.id,
                inUnits: result.graph?.units.get(unit.org.id)?.source === message.source,
                inRetired: result.graph?.retired.some((retired) => retired.source === message.source) ?? false,
              },
            }
          : {}),
        // Asked only of what the check accepts; the build never gets as far as the docs plugin otherwise.
        docsPluginErrors: result.problems.length === 0 ? docsPluginErrors(message.text) : [],
      };
    } catch (error) {
      outcome = {index: message.index, ms: performance.now() - started, crash: (error as Error).stack ?? String(error)};
    }
    process.send!(outcome);
  });
  // Ends with the test run that started it, even one that was killed.
  process.on('disconnect', () => process.exit(0));
  process.send!('ready');
}

export interface PipelineRunner {
  /** The outcome of one case, or `hang` when it took longer than `timeoutMs` (the runner is then restarted). */
  run(testCase: RunnerCase, timeoutMs: number): Promise<RunnerOutcome | {index: number; hang: true} | {index: number; exited: string}>;
  stop(): void;
}

/** Starts a runner process over the docs of `siteDir`; restarts it after a hang or a crash of the process itself. */
export function startPipelineRunner(siteDir: string): PipelineRunner {
  let child: ChildProcess | undefined;
  let ready: Promise<void> | undefined;
  const start = () => {
    // tsx finds the repository's tsconfig (and so the @site alias) from the working directory.
    child = fork(fileURLToPath(import.meta.url), [siteDir], {
      cwd: REPO,
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const current = child;
    ready = new Promise((resolve, reject) => {
      current.once('message', () => resolve());
      current.once('exit', (code) => reject(new Error(`the pipeline runner exited with ${code} before it was ready`)));
    });
  };
  const stop = () => {
    child?.kill('SIGKILL');
    child = undefined;
  };
  return {
    async run(testCase, timeoutMs) {
      if (!child) start();
      await ready;
      const current = child!;
      return new Promise((resolve) => {
        const finish = (outcome: Awaited<ReturnType<PipelineRunner['run']>>) => {
          clearTimeout(timer);
          current.off('message', onMessage);
          current.off('exit', onExit);
          resolve(outcome);
        };
        const onMessage = (outcome: RunnerOutcome) => finish(outcome);
        const onExit = (code: number | null, signal: string | null) => {
          child = undefined;
          finish({index: testCase.index, exited: `code ${code}, signal ${signal}`});
        };
        const timer = setTimeout(() => {
          stop();
          finish({index: testCase.index, hang: true});
        }, timeoutMs);
        current.on('message', onMessage);
        current.on('exit', onExit);
        current.send(testCase);
      });
    },
    stop,
  };
}

if (process.argv[1] && process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  void serve(process.argv[2]!);
}
