/**
 * marp-core's Marp class, as one module file of our own: `createMarp` imports it,
 * and the HTML export names this file as marp-cli's engine, so that in the bundled
 * CLI both use the one marp-core already loaded instead of loading it twice.
 */
import { Marp } from '@marp-team/marp-core';

export { Marp };
// marp-cli takes an engine module's default export.
export default Marp;
