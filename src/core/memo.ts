/**
 * Remembers a pure function's results by its string input, up to a bound, so each distinct text is parsed once.
 * Results are shared between callers: they must be treated as read-only.
 */
export function memoByText<T>(parse: (text: string) => T, maxEntries = 50_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const known = cache.get(text);
    if (known !== undefined) return known;
    const result = parse(text);
    // Dropping everything at the bound is crude but keeps memory flat on hostile input; real tables never reach it.
    if (cache.size >= maxEntries) cache.clear();
    cache.set(text, result);
    return result;
  };
}
