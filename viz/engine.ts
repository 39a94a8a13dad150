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

type Args<F> = F extends (...args: infer A) => unknown ? A : never;
type Result<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

/** A typed handle on an extension of the worker's open run: its methods as E (the model's interface) says. */
export interface ExtensionHandle<E> {
  call<M extends keyof E & string>(method: M, ...args: Args<E[M]>): Promise<Result<E[M]>>;
}

/** The open run's extension `name`, typed by E, the interface its model exports (imported as a type). */
export function extensionOf<E>(engine: Engine, name: string): ExtensionHandle<E> {
  return { call: (method, ...args) => engine.api.extension(name, method, args) as Promise<never> };
}
