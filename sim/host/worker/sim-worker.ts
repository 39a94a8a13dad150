import type { ModelRegistry } from '../../model.js';
import type { SimWorkerApi } from './api.js';
import { ModelCatalog } from './model-catalog.js';
import { RunControl } from './run-control.js';
import { RunExtensions } from './run-extensions.js';
import { RunLiveView } from './run-live-view.js';
import { RunStatistics } from './run-statistics.js';
import { inProcess, type Transfer } from './transfer.js';

/**
 * The worker API as one object (what Comlink exposes, and what a page calls), made of its parts: the model
 * catalog, run control, statistics, extensions and the live view. Only the API's methods are on it.
 */
export function createSimWorker(registry: ModelRegistry, transfer: Transfer = inProcess): SimWorkerApi {
  const catalog = new ModelCatalog(registry);
  const control = new RunControl(registry, transfer);
  const statistics = new RunStatistics(control, transfer);
  const extensions = new RunExtensions(control);
  const view = new RunLiveView(control, transfer);
  return {
    models: () => catalog.models(),
    validate: (request) => catalog.validate(request),
    open: (request, listener) => control.open(request, listener),
    step: (n) => control.step(n),
    play: (ticksPerSecond) => control.play(ticksPerSecond),
    pause: () => control.pause(),
    setSpeed: (ticksPerSecond) => control.setSpeed(ticksPerSecond),
    flush: () => control.flush(),
    state: () => control.state(),
    runToEnd: () => control.runToEnd(),
    change: (set) => control.change(set),
    result: () => control.result(),
    close: () => control.close(),
    snapshot: () => statistics.snapshot(),
    distribution: (name, bins, lorenzPoints) => statistics.distribution(name, bins, lorenzPoints),
    columns: () => statistics.columns(),
    band: (series, level) => statistics.band(series, level),
    intervals: (samples, level) => statistics.intervals(samples, level),
    extension: (name, method, args) => extensions.extension(name, method, args),
    watch: (maxMembers) => view.watch(maxMembers),
    viewFrame: (afterTick) => view.viewFrame(afterTick),
    story: (member) => view.story(member),
  };
}
