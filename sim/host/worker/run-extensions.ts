import type { Run } from '../../run/run.js';
import type { RunExtensionsApi } from './api.js';

/** Calls the open run's model extensions by name: the worker needs no model's types to pass them on. */
export class RunExtensions implements RunExtensionsApi {
  constructor(private readonly runs: { current(): Run }) {}

  extension(name: string, method: string, args: readonly unknown[] = []): unknown {
    const extension = this.runs.current().extension<Record<string, unknown>>(name);
    // Only the extension's own methods: not what every object inherits (`constructor`, `toString`...).
    const call = method in Object.prototype ? undefined : extension[method];
    if (typeof call !== 'function') throw new Error(`extension '${name}' has no method '${method}'`);
    return call.apply(extension, args);
  }
}
