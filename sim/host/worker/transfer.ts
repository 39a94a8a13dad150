/** Marks buffers to move, not copy, across the worker boundary (Comlink.transfer in a worker; identity in-process). */
export type Transfer = <T>(value: T, buffers: Transferable[]) => T;

/** In-process: nothing crosses a boundary, nothing moves. */
export const inProcess: Transfer = (value) => value;
