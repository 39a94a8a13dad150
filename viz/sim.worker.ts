// The engine in a module Web Worker: the page reaches it only through the worker API (Comlink).
import { registry } from '../models/index.js';
import { exposeSimWorker } from '../sim/host/worker/expose.js';

exposeSimWorker(registry);
