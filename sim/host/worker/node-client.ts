import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { SimWorkerApi } from './api.js';

/** A worker thread running the worker API, and how to end it. */
export interface NodeSimWorker {
  readonly api: Comlink.Remote<SimWorkerApi>;
  terminate(): Promise<void>;
}

/** Starts a Node worker thread serving the worker API with the registry exported by `registryModule` (a URL). */
export function startNodeWorker(registryModule: string | URL): NodeSimWorker {
  const worker = new Worker(new URL('./node-entry.js', import.meta.url), {
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
