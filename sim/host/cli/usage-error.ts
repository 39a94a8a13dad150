/** A bad command line (unknown flag, missing argument...): exit code 2, with a hint. */
export class UsageError extends Error {}
