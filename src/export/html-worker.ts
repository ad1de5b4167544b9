/**
 * Runs marp-cli in a worker thread: it logs every conversion to the console
 * and has no quiet option, and a worker's console is its own, so its lines
 * reach `exportHtml` as a stream instead of the process's output.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { marpCli } from '@marp-team/marp-cli';

parentPort?.postMessage(await marpCli(workerData as string[]));
