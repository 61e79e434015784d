// Checks a list of files on a pool of worker threads (one per core; `--jobs 1` is one worker, so
// it has the same per-file time and memory bounds), or in this thread when workers are not
// available (running from TypeScript sources under ts-jest / ts-node). A worker that dies on a
// file (out of memory, a hang past the timeout) costs that file a "cannot check" line and is
// replaced; the other files go on. A file's time counts from when its worker is ready (modules
// loaded), so a slow start-up never times out a good file.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { Worker } from 'worker_threads';
import type { BatchFile } from './files';
import type { FileResult } from './check-file';
import { unreadableResult } from './unreadable';

export interface WorkerTask {
  index: number;
  path: string;
  name: string;
}

export interface WorkerAnswer {
  index: number;
  result: FileResult;
}

/** The worker's first message: its modules are loaded. */
export interface WorkerReady {
  ready: true;
}

export interface PoolOptions {
  /** Parallel workers (each file has its time and memory bounds, also with 1). */
  jobs: number;
  /** Longest a single file may take, ms. Default 5 minutes. */
  timeoutMs?: number;
  /** The compiled worker (default: worker.js next to this file, if this file is compiled). */
  workerScript?: string;
  /** Called as each file finishes, in completion order. */
  onResult?: (index: number, result: FileResult) => void;
}

export const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

/** Cores available to this process. */
export function availableCores(): number {
  const o = os as typeof os & { availableParallelism?: () => number };
  return Math.max(1, o.availableParallelism ? o.availableParallelism() : os.cpus().length);
}

/**
 * The compiled worker script beside this file: lib/juesuan-worker.cjs next to the bundle
 * (lib/juesuan.cjs), worker.js next to lib/src/cli/batch/pool.js; undefined from .ts sources.
 */
export function defaultWorkerScript(): string | undefined {
  if (!/\.c?js$/.test(__filename)) return undefined;
  const script = path.join(__dirname, __filename.endsWith('.cjs') ? 'juesuan-worker.cjs' : 'worker.js');
  return fs.existsSync(script) ? script : undefined;
}

/** Heap per worker: a share of the machine's memory, between 512 MB and 4 GB. */
function heapLimitMb(jobs: number): number {
  const share = Math.floor(os.totalmem() / (1024 * 1024) / (jobs + 1));
  return Math.max(512, Math.min(4096, share));
}

function outOfMemory(file: string): string {
  return `无法检查“${file}”：检查时内存不足（文件中的内容过多），请删除与决算无关的工作表后再试。`;
}

function timedOut(file: string, ms: number): string {
  return `无法检查“${file}”：超过 ${Math.round(ms / 1000)} 秒仍未完成，已跳过。请将此文件反馈给开发者。`;
}

function crashed(file: string): string {
  return `无法检查“${file}”：检查这个文件时程序意外中止，文件未被修改。请将此文件反馈给开发者。`;
}

/**
 * When every core has a worker, V8's optimising compiler, which runs on a helper thread, no longer
 * gets an idle core for free: in a worker checking 20 small workbooks it costs about as much CPU
 * as the checks themselves (`npm run bench`, control rows). A larger interrupt budget (how much
 * bytecode a function runs before V8 considers it hot; default 67,584) leaves what runs only a few
 * times to the interpreter and baseline code and optimises only the hot functions: 20–30 % less
 * CPU per worker on 20–40 workbooks, no more per file once warm. With a core to spare (one worker
 * on two cores) V8's default stays: the compiling costs nothing there, and the larger budget makes
 * the worker's own thread interpret longer (its CPU time up 5–20 %). V8 flags are per process, so
 * this is set in the main thread before any worker starts (a worker's execArgv takes no V8 flags).
 */
const BUSY_CORES_INTERRUPT_BUDGET = 300000;

function compileLessWhenCoresAreBusy(jobs: number): void {
  if (jobs >= availableCores()) v8.setFlagsFromString(`--interrupt-budget=${BUSY_CORES_INTERRUPT_BUDGET}`);
}

// The engine is loaded here only when files are checked in this thread: with workers, the main
// thread would spend on loading it the time the workers need to start.
async function inThisThread(files: BatchFile[], indices: number[], done: (index: number, result: FileResult) => void): Promise<void> {
  const { checkFile } = await import('./check-file');
  for (const i of indices) done(i, await checkFile(files[i].path, files[i].name));
}

/** Results in the order of `files`. */
export async function checkFiles(files: BatchFile[], opts: PoolOptions): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  const jobs = Math.max(1, Math.min(Math.floor(opts.jobs) || 1, files.length));
  const script = opts.workerScript ?? defaultWorkerScript();
  if (!script) {
    await inThisThread(
      files,
      files.map((_, i) => i),
      (i, r) => {
        results[i] = r;
        opts.onResult?.(i, r);
      },
    );
    return results;
  }

  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxOldGenerationSizeMb = heapLimitMb(jobs);
  compileLessWhenCoresAreBusy(jobs);
  let next = 0;
  let done = 0;
  let workersBroken = false;

  return new Promise<FileResult[]>((resolve) => {
    const finish = (index: number, result: FileResult) => {
      if (results[index]) return;
      results[index] = result;
      done++;
      opts.onResult?.(index, result);
      if (done === files.length) resolve(results);
    };

    /** Workers cannot start here at all: check what is left in this thread. */
    const fallBack = (pending: number[]) => {
      const rest = [...pending];
      while (next < files.length) rest.push(next++);
      void inThisThread(files, rest, finish);
    };

    const start = () => {
      let current: number | undefined;
      let answered = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let failure: unknown;
      const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb } });

      const give = () => {
        if (next >= files.length || workersBroken) {
          current = undefined;
          void worker.terminate();
          return;
        }
        const index = next++;
        current = index;
        const task: WorkerTask = { index, path: files[index].path, name: files[index].name };
        timer = setTimeout(() => {
          finish(index, unreadableResult(files[index].name, timedOut(files[index].name, timeoutMs)));
          current = undefined;
          void worker.terminate();
        }, timeoutMs);
        worker.postMessage(task);
      };

      // A worker that never gets ready is treated like one that cannot start.
      timer = setTimeout(() => {
        failure = new Error('worker start-up timed out');
        void worker.terminate();
      }, timeoutMs);

      worker.on('message', (answer: WorkerAnswer | WorkerReady) => {
        if (timer) clearTimeout(timer);
        if ('ready' in answer) {
          give();
          return;
        }
        answered++;
        current = undefined;
        finish(answer.index, answer.result);
        give();
      });
      worker.on('error', (e) => {
        failure = e;
      });
      worker.on('exit', () => {
        if (timer) clearTimeout(timer);
        const code = (failure as { code?: unknown } | undefined)?.code;
        if (answered === 0 && current === undefined && failure !== undefined && next < files.length) {
          workersBroken = true; // never got ready
          fallBack([]);
          return;
        }
        if (current !== undefined) {
          const index = current;
          current = undefined;
          if (answered === 0 && failure !== undefined && code !== 'ERR_WORKER_OUT_OF_MEMORY') {
            // The worker could not even start (e.g. lib/ half built): no more workers.
            workersBroken = true;
            fallBack([index]);
            return;
          }
          const name = files[index].name;
          finish(index, unreadableResult(name, code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(name) : crashed(name)));
        }
        if (!workersBroken && next < files.length) start();
      });
    };

    for (let i = 0; i < jobs; i++) start();
  });
}
