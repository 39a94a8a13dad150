export { gini, giniOfSorted } from './gini.js';
export { IntegerHistogram } from './integer-histogram.js';
export { mean, sd, correlation } from './moments.js';
export { lorenz } from './lorenz.js';
export { hhi } from './hhi.js';
export { meanInterval, studentQuantile, studentCdf } from './interval.js';
export { RadixSorter, RadixSorter32 } from './radix-sort.js';
export { decileShares } from './deciles.js';
