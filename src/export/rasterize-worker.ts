/**
 * The slide images drawn in a worker thread of their own (see `rasterizeInWorker`):
 * the job comes as the worker's data, each image goes back as it is encoded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { VersusError } from '../diagnostics/diagnostics.js';
import { type FromWorker, type RasterizeJob, rasterizeSlides } from './rasterize.js';

const tell = (message: FromWorker, moved: ArrayBuffer[] = []) => parentPort?.postMessage(message, moved);

try {
  await rasterizeSlides({
    ...(workerData as Omit<RasterizeJob, 'onImage'>),
    onImage: async (index, image) => {
      const png = image.buffer.slice(image.byteOffset, image.byteOffset + image.byteLength) as ArrayBuffer;
      tell({ index, png }, [png]);
    },
  });
  tell({ done: true });
} catch (error) {
  const hint = error instanceof VersusError ? error.hint : undefined;
  tell({ failed: { message: (error as Error).message, hint } });
}
