/**
 * `npm run bench`: prints the benchmark tables. A benchmark, never a test: nothing here asserts a time.
 * Run it on a quiet machine; figures are best-of-3 wall times.
 */
import { benchKineticExchange } from './kinetic-exchange.js';

const sections: (() => string[])[] = [() => benchKineticExchange()];

console.log(`MIMO Lab benchmark · node ${process.version} · ${new Date().toISOString().slice(0, 10)}\n`);
for (const section of sections) console.log(section().join('\n') + '\n');
