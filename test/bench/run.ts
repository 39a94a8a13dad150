/**
 * `npm run bench`: prints the benchmark tables. A benchmark, never a test: nothing here asserts a time.
 * Run it on a quiet machine; figures are best-of-3 wall times.
 */
import { BENCH_DIVIDEND_FORMULA, benchDividendFormula } from './dividend-formula.js';
import { benchKineticExchange } from './kinetic-exchange.js';
import { benchLiveView } from './live-view.js';
import { benchMimo } from './mimo.js';
import { benchStudy } from './study.js';

const sections: (() => string[] | Promise<string[]>)[] = [
  () => benchKineticExchange(),
  () => benchMimo(),
  () => [
    'dividend formula — one evaluation over 1,000,000 members (best of 3)',
    `  ${benchDividendFormula(1e6, 3).toFixed(3)} s for ${BENCH_DIVIDEND_FORMULA}`,
  ],
  () => benchStudy(),
  () => benchLiveView(),
];

console.log(`MIMO Lab benchmark · node ${process.version} · ${new Date().toISOString().slice(0, 10)}\n`);
for (const section of sections) console.log((await section()).join('\n') + '\n');
