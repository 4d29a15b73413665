/**
 * Runs `f` over `items` with at most `limit` calls in flight, and resolves when all have settled (rejects with
 * the first error, after the others finish). Ingest uses it to keep a pool's workers fed while the caller
 * stays the single writer.
 */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  f: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed: { error: unknown } | null = null;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      try {
        await f(items[i]!, i);
      } catch (e) {
        failed ??= { error: e };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failed) throw (failed as { error: unknown }).error;
}
