import { registry } from '../../../models/index.js';
import { main } from './main.js';

// The host wires the models' registry into the engine's CLI.
process.exitCode = await main(process.argv.slice(2), registry);
