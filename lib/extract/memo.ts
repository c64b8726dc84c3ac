// Bounded memoisation for the pure, string-keyed helpers the extractors call per mention (pinyin
// slugs, jieba tags): the same names and phrases recur across a corpus's articles.

/**
 * `fn` with its results kept for up to `max` distinct arguments; when full, the oldest entry is
 * dropped (a Map iterates in insertion order). Results are shared between callers: `fn` must be
 * pure and its results must not be mutated.
 */
export function memoize<R>(fn: (arg: string) => R, max = 10_000): (arg: string) => R {
  const cache = new Map<string, R>();
  return (arg) => {
    const hit = cache.get(arg);
    if (hit !== undefined || cache.has(arg)) return hit as R;
    const result = fn(arg);
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    cache.set(arg, result);
    return result;
  };
}
