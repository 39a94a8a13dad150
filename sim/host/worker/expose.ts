import * as Comlink from 'comlink';
import type { ModelRegistry } from '../../model.js';
import { SimSession } from './session.js';

/** Serves the worker API on an endpoint (a browser worker's `self`, or a Node port wrapped by nodeEndpoint). */
export function exposeSimWorker(registry: ModelRegistry, endpoint?: Comlink.Endpoint): SimSession {
  const session = new SimSession(registry, (value, buffers) => Comlink.transfer(value, buffers));
  Comlink.expose(session, endpoint);
  return session;
}
