import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SimWorkerApi } from './api.js';

/** A worker thread running the worker API, and how to end it. */
export interface NodeSimWorker {
  readonly api: Comlink.Remote<SimWorkerApi>;
  terminate(): Promise<void>;
}

/**
 * Starts a Node worker thread serving the worker API with the registry exported by `registryModule` (a URL).
 * `entry` is the compiled `node-entry.js` (default: beside this module; a bundled host passes its own).
 */
export function startNodeWorker(
  registryModule: string | URL,
  entry: string | URL = new URL('./node-entry.js', import.meta.url),
): NodeSimWorker {
  const worker = new Worker(new URL(String(entry)), {
    workerData: { registryModule: String(registryModule) },
  });
  const api = Comlink.wrap<SimWorkerApi>(nodeEndpoint(worker));
  return {
    api,
    terminate: async () => {
      api[Comlink.releaseProxy]();
      await worker.terminate();
    },
  };
}
