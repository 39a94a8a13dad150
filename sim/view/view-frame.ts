/**
 * The live view's contract: what a model shows of itself at one tick, for a page to draw (the engine knows no
 * model; each model fills a frame from its own state). A frame is a deterministic sample of the members, named
 * per-member quantities to colour or size them by, the clusters and kinds that place them, the hubs that are not
 * members, and what flowed this tick between them. Frames only read the model: watching never changes a run.
 */

/** A per-member number a viewer may show (colour or size), for the sampled members in sample order. */
export interface ViewQuantity {
  /** snake_case, e.g. `fiat`. */
  readonly name: string;
  /** Plain words for a legend, e.g. `fiat balance`. */
  readonly label: string;
  readonly unit: string;
  readonly values: Float64Array;
}

/** A kind of flow (e.g. a means of payment), drawn in one style. */
export interface ViewChannel {
  readonly name: string;
  readonly label: string;
}

/** A node that is not a member (e.g. AIS, a data buyer). */
export interface ViewHub {
  readonly name: string;
  readonly label: string;
  /** `inside`: part of the economy (drawn beside the members); `outside`: beyond it (drawn apart). */
  readonly place: 'inside' | 'outside';
}

/**
 * How to place the members: by clusters (each member at the mean of the clusters it belongs to, members of none
 * apart), or ranked by one quantity (e.g. agents sorted by wealth).
 */
export type ViewLayout = { readonly kind: 'clusters' } | { readonly kind: 'ranked'; readonly by: string };

/**
 * Flows of the tick just run. Node k < sample size is the k-th sampled member; node `size + h` is hub h. Only
 * flows whose both ends are drawn are listed (at most the capacity the model chose; `dropped` counts the rest).
 */
export interface ViewFlows {
  readonly count: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Index into the frame's `channels`. */
  readonly channel: Uint8Array;
  readonly dropped: number;
}

/** The live view of a model at one tick (arrays are fresh copies: a host may transfer them). */
export interface ViewFrame {
  readonly tick: number;
  /** Members in the whole model (the sample is drawn from 0 … population − 1). */
  readonly population: number;
  /** The sampled members' ids, ascending. */
  readonly ids: Int32Array;
  readonly layout: ViewLayout;
  readonly quantities: readonly ViewQuantity[];
  /** Cluster names, and per sampled member a bitmask of the clusters it belongs to (bit g: cluster g). */
  readonly clusters: { readonly names: readonly string[]; readonly masks: Int32Array } | null;
  /** Kind names (the first is the common kind, later ones drawn larger), and per sampled member its kind. */
  readonly kinds: { readonly names: readonly string[]; readonly of: Uint8Array } | null;
  readonly hubs: readonly ViewHub[];
  readonly channels: readonly ViewChannel[];
  readonly flows: ViewFlows;
}

/** One line of a member's story: a label and its value in words. */
export interface StoryLine {
  readonly label: string;
  readonly value: string;
}

/** Everything the model knows about one member now: the teacher's omniscient view, not what any agent sees. */
export interface MemberStory {
  readonly member: number;
  readonly title: string;
  readonly lines: readonly StoryLine[];
}

/** What a model gives a host that watches it: a frame of the tick just run, a member's story. */
export interface ViewProvider {
  /** The frame of the state after `tick` (the last tick run; 0 before any). */
  frame(tick: number): ViewFrame;
  /** The story of member `id` now, or null when there is no such member. */
  story(id: number): MemberStory | null;
}
