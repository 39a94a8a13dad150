/**
 * Every size limit of the tools, in one place: each is checked before a run starts, and input beyond one is
 * refused as bad input (exit 2 in the CLI, a problem at the field in the lab). The README's "Limits and
 * guarantees" section lists them; a test checks that it does.
 */
export const LIMITS = {
  /** Bytes of one scenario file. */
  scenarioFileBytes: 1_048_576,
  /** YAML aliases (`*anchor`) in one scenario file: aliases of aliases would otherwise grow without bound. */
  yamlAliases: 100,
  /** Nesting of mappings and lists in one scenario file. */
  yamlDepth: 64,
  /** Characters of one text value (a name, a formula...) other than a scenario's description. */
  textLength: 2_000,
  /** Characters of a scenario's description. */
  descriptionLength: 10_000,
  /** Characters of a scenario's name, which is also a folder name. */
  nameLength: 64,
  /** Events in a scenario's timeline. */
  timelineEvents: 1_000,
  /** Key controls a scenario names (`controls:`). */
  controls: 20,
  /** Ticks of one run. */
  ticks: 10_000_000,
  /** Values one run records (ticks × metrics), all kept in memory: 8 bytes each, 400 MB in all. */
  recordedValues: 50_000_000,
  /** Largest seed (seeds are 0 … 2³² − 1). */
  maxSeed: 2 ** 32 - 1,
  /** Runs one command starts (`mimo compare`: scenarios × seeds). */
  runsPerCommand: 10_000,
  /** Worker threads of one command. */
  workers: 64,
  /** Negotiations or trades traced in detail (`--trace N`). */
  trace: 1_000_000,
  /** Characters of one dividend formula. */
  formulaLength: 2_000,
  /** Parentheses nested inside one another in a dividend formula. */
  formulaNesting: 40,
  /** Operations inside one another in a dividend formula (`1+1+…+1` of n terms is n − 1 deep). */
  formulaDepth: 200,
} as const;
