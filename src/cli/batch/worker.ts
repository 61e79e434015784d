// worker_threads entry of `juesuan batch`: checks one file per message, answers with its result.
// Runs the built code (lib/src/cli/batch/worker.js); see ./pool.
import { parentPort } from 'worker_threads';
import { checkFile } from './check-file';
import type { WorkerAnswer, WorkerReady, WorkerTask } from './pool';
import { translateLibraryWarnings } from '../library-warnings';

translateLibraryWarnings((t) => process.stderr.write(t));

const port = parentPort;
if (port) {
  // Modules are loaded: from now on the pool times each file, not this worker's start-up.
  const ready: WorkerReady = { ready: true };
  port.postMessage(ready);
  port.on('message', (task: WorkerTask) => {
    void checkFile(task.path, task.name).then((result) => {
      const answer: WorkerAnswer = { index: task.index, result };
      port.postMessage(answer);
    });
  });
}
