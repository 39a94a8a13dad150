import * as Comlink from 'comlink';
import type { RunListener, SimWorkerApi } from '../sim/host/worker/api.js';

/** One engine worker as the page sees it. */
export interface Engine {
  readonly api: Comlink.Remote<SimWorkerApi>;
  terminate(): void;
}

/** Starts an engine in a module Web Worker. */
export function startEngine(): Engine {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<SimWorkerApi>(worker);
  return {
    api,
    terminate: () => {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

/** Wraps a listener so the worker can call it back across the boundary. */
export function remoteListener(listener: RunListener): RunListener {
  return Comlink.proxy(listener);
}
