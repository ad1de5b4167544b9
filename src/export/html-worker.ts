/**
 * Runs marp-cli in a worker thread: it logs every conversion to the console
 * and has no quiet option, and a worker's console is its own, so its lines
 * reach `exportHtml` as a stream instead of the process's output. The worker
 * converts every deck it is sent, one at a time: a batch loads marp-cli once.
 */
import { parentPort } from 'node:worker_threads';
import { marpCli } from '@marp-team/marp-cli';

parentPort?.on('message', async (argv: string[]) => {
  try {
    parentPort?.postMessage({ status: await marpCli(argv) });
  } catch (error) {
    parentPort?.postMessage({ status: 1, error: String(error instanceof Error ? error.message : error) });
  }
});
