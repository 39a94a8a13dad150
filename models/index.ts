import type { ModelDefinition, ModelRegistry } from '../sim/model.js';
import { bargaining } from './bargaining/model.js';
import { ishigami } from './ishigami/model.js';
import { kineticExchange } from './kinetic-exchange/model.js';
import { mimo } from './mimo/model.js';
import { sobolG } from './sobol-g/model.js';
import { ziMarket } from './zi-market/model.js';

/** Every model the hosts (CLI, workers, lab) can run, by name. */
const all: readonly ModelDefinition<any>[] = [mimo, kineticExchange, bargaining, ziMarket, ishigami, sobolG]; // eslint-disable-line @typescript-eslint/no-explicit-any

export const registry: ModelRegistry = new Map(all.map((m) => [m.name, m]));
