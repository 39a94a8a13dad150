import { ensureEngineBuilt } from './fresh-build.js';

/**
 * Before any test file: the CLI bundle and the compiled engine in dist/ are rebuilt if a source is newer. Tests that
 * run the real `mimo` binary (the CLI, studies, the cluster, the recorded fingerprints) would otherwise test a stale
 * build when vitest is run alone after an edit (`npm test` builds first).
 */
export default function setup(): void {
  ensureEngineBuilt();
}
