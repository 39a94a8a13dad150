/** Misuse of the ledger (a bug in a model, never bad input): a fractional amount, an unknown flow... */
export class LedgerError extends Error {}
