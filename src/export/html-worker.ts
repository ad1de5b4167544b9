/**
 * Runs marp-cli in a worker thread: it logs every conversion to the console
 * and has no quiet option, and a worker's console is its own, so its lines
 * reach `exportHtml` as a stream instead of the process's output.
 *
 * The worker loads marp-cli and the engine as soon as it starts, and converts
 * when it is sent marp-cli's arguments: a build starts it first thing, so that
 * the loading (about half a second) overlaps the build's own.
 */
import { parentPort } from 'node:worker_threads';
import { marpCli } from '@marp-team/marp-cli';
import './marp-engine.js';

parentPort?.once('message', async (argv: string[]) => parentPort?.postMessage(await marpCli(argv)));
