/** A timeline event: at the start of tick `at`, the params at these dotted paths take these values. */
export interface TimelineEvent {
  readonly at: number;
  /** Dotted paths inside `params` (without the `params.` prefix) and their new values. */
  readonly set: Readonly<Record<string, unknown>>;
}

/** A validated scenario: what a run needs, params already filled with the model's defaults. */
export interface Scenario<P = Record<string, unknown>> {
  readonly name: string;
  readonly description: string;
  readonly model: string;
  readonly seed: number;
  readonly ticks: number;
  readonly params: P;
  readonly timeline: readonly TimelineEvent[];
  /** The key controls of a lesson: dotted paths inside `params` (without the `params.` prefix), checked to exist. */
  readonly controls: readonly string[];
}
