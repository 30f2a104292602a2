/** Agreement with a count, for every message that counts something. */

/** The wording that agrees with `count`: `one` for exactly 1, else `many`. */
export function agree(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** The count and the word that agrees with it: "1 claim", "3 claims", "0 claims". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${agree(count, one, many)}`;
}
