/**
 * Whether point a dominates point b when every coordinate is to be minimised: a is no worse on
 * every coordinate and better on at least one.
 * @example dominates([1, 2], [1, 3]) // true
 */
export const dominates = (a: readonly number[], b: readonly number[]): boolean =>
  a.every((x, i) => x <= b[i]!) && a.some((x, i) => x < b[i]!);

/**
 * The items no other item dominates (every coordinate of `key` minimised), in their input
 * order. Equal points dominate neither each other: both stay. Quadratic in the items, which
 * is fine for the few thousand candidates of a plan search.
 * @example paretoFront([{ c: 1, e: 5 }, { c: 2, e: 3 }, { c: 3, e: 4 }], (p) => [p.c, p.e]) // the first two
 */
export const paretoFront = <T>(items: readonly T[], key: (item: T) => readonly number[]): T[] => {
  const points = items.map(key);
  return items.filter((_, i) => !points.some((other, j) => j !== i && dominates(other, points[i]!)));
};
