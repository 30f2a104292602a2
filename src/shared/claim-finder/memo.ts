/**
 * Memoises a pure function of a string. Names recur throughout a text (and from text to text),
 * and the name rules are regular expressions on Unicode classes: a lookup is far cheaper. The
 * cache is cleared when it reaches `limit` entries, so a long session cannot grow it unbounded.
 */
export function memo<T>(f: (s: string) => T, limit = 8192): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const value = f(s);
    if (cache.size >= limit) cache.clear();
    cache.set(s, value);
    return value;
  };
}
