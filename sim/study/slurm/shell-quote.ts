/** A word for bash that stays one word whatever it holds: single-quoted, with `'` written as `'\''`. */
export function shellQuote(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
