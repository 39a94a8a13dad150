import * as Comlink from 'comlink';
import type { ModelRegistry } from '../../model.js';
import type { SimWorkerApi } from './api.js';
import { createSimWorker } from './sim-worker.js';

/** Serves the worker API on an endpoint (a browser worker's `self`, or a Node port wrapped by nodeEndpoint). */
export function exposeSimWorker(registry: ModelRegistry, endpoint?: Comlink.Endpoint): SimWorkerApi {
  const api = createSimWorker(registry, (value, buffers) => Comlink.transfer(value, buffers));
  Comlink.expose(api, endpoint);
  return api;
}
