// A Node worker thread serving the worker API. The host passes the URL of a module exporting `registry`
// (e.g. dist/models/index.js) as workerData, so this file imports the engine only.
import { parentPort, workerData } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { ModelRegistry } from '../../model.js';
import { exposeSimWorker } from './expose.js';

const { registryModule } = workerData as { registryModule: string };
const { registry } = (await import(registryModule)) as { registry: ModelRegistry };
if (!parentPort) throw new Error('node-entry runs only as a worker thread');
exposeSimWorker(registry, nodeEndpoint(parentPort));
