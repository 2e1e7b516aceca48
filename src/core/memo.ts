/**
 * Remembers a pure function's results by its string input, up to a bound, so each distinct text is parsed once.
 * Results are shared between callers: they must be treated as read-only.
 */
export function memoByText<T>(parse: (text: string) => T, maxEntries = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    // has() first: undefined is a result too (a text that names no column), remembered like any other.
    if (cache.has(text)) return cache.get(text) as T;
    const result = parse(text);
    // Dropping everything at the bound is crude but keeps memory flat on hostile input; real tables never reach it.
    if (cache.size >= maxEntries) cache.clear();
    cache.set(text, result);
    return result;
  };
}
