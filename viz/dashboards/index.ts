// Every model's dashboard registers itself on import.
import './kinetic-exchange.js';
import './mimo.js';

export { panelsFor, panelMetrics, type Panel } from './registry.js';
