/**
 * Runs a command and measures it: wall time, and the peak resident memory of
 * its whole process tree (the process plus every descendant alive at a
 * sample), read from /proc every ~100 ms. Threads (Rspack, SSG workers) count
 * as part of their process. Summing RSS counts pages shared between processes
 * more than once, as `ps` totals do; it is the same rule for every site.
 */
import {spawn, execFileSync} from 'node:child_process';
import {createWriteStream, readdirSync, readFileSync} from 'node:fs';

const PAGE_SIZE = (() => {
  try {
    return Number(execFileSync('getconf', ['PAGESIZE'], {encoding: 'utf8'}).trim()) || 4096;
  } catch {
    return 4096;
  }
})();

interface ProcInfo {
  ppid: number;
  rssBytes: number;
}

function readProcesses(): Map<number, ProcInfo> {
  const processes = new Map<number, ProcInfo>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited between readdir and read
    }
    // The command name may contain spaces and parentheses: fields start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, rss (in pages) field 24.
    processes.set(Number(entry), {ppid: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_SIZE});
  }
  return processes;
}

/** RSS of `rootPid` and all its descendants, in bytes. */
export function treeRss(rootPid: number): number {
  const processes = readProcesses();
  const childrenOf = new Map<number, number[]>();
  for (const [pid, info] of processes) childrenOf.set(info.ppid, [...(childrenOf.get(info.ppid) ?? []), pid]);
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += processes.get(pid)?.rssBytes ?? 0;
    stack.push(...(childrenOf.get(pid) ?? []));
  }
  return total;
}

export interface TreeSampler {
  /** Stops sampling and returns the peak seen, in bytes. */
  stop(): {peakBytes: number; samples: number};
}

export function sampleTreeRss(rootPid: number, intervalMs = 100): TreeSampler {
  let peakBytes = 0;
  let samples = 0;
  const sample = () => {
    peakBytes = Math.max(peakBytes, treeRss(rootPid));
    samples += 1;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return {peakBytes, samples};
    },
  };
}

export interface MeasuredRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  peakRssBytes: number;
  /** User + system CPU time of the command and every descendant it waited for (with `measureCpu`). */
  cpuMs?: number;
  /** Combined stdout and stderr, also written to `logFile` when given. */
  output: string;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Where to keep the output (appended). */
  logFile?: string;
  /** Sample memory (default true); turn off for short commands where only time matters. */
  sampleMemory?: boolean;
  /**
   * Also measure CPU time. On a shared machine wall time moves with everyone
   * else's load; the CPU time a build spends moves much less. The command runs
   * under `sh`, which, once it has waited for the command, reads its own
   * children's CPU time (cutime + cstime) from /proc.
   */
  measureCpu?: boolean;
}

const CPU_MARKER = '__measured_cpu_ticks__';
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;
  } catch {
    return 100;
  }
})();
// `read` is a shell builtin: no child of its own is counted. Fields after the last ")" start at field 3;
// cutime and cstime are fields 16 and 17.
const CPU_WRAPPER = `"$@"; status=$?; read -r stat < /proc/$$/stat; echo "${CPU_MARKER} $stat" >&2; exit $status`;

function readCpuMs(output: string): number | undefined {
  const line = output.split('\n').reverse().find((text) => text.startsWith(CPU_MARKER));
  if (!line) return undefined;
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
}

export function runMeasured(command: string, args: readonly string[], options: RunOptions): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const [file, argv] = options.measureCpu ? ['sh', ['-c', CPU_WRAPPER, 'sh', command, ...args]] : [command, args];
    const child = spawn(file, argv, {cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe']});
    const sampler = options.sampleMemory === false || child.pid === undefined ? undefined : sampleTreeRss(child.pid);
    const log = options.logFile ? createWriteStream(options.logFile, {flags: 'a'}) : undefined;
    const chunks: Buffer[] = [];
    const collect = (chunk: Buffer) => {
      chunks.push(chunk);
      log?.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error) => {
      sampler?.stop();
      log?.end();
      reject(error);
    });
    child.once('close', (exitCode, signal) => {
      const wallMs = performance.now() - started;
      const peakRssBytes = sampler?.stop().peakBytes ?? Number.NaN;
      log?.end();
      const output = Buffer.concat(chunks).toString('utf8');
      const cpuMs = options.measureCpu ? readCpuMs(output) : undefined;
      resolve({exitCode, signal, wallMs, peakRssBytes, ...(cpuMs !== undefined ? {cpuMs} : {}), output});
    });
  });
}

/** The last `lines` lines of a command's output, for error messages. */
export function tail(output: string, lines = 30): string {
  return output.trimEnd().split('\n').slice(-lines).join('\n');
}
