import DataLoader from 'dataloader';

/** One record per key (null when missing), fetched for all keys of a request in one batch. */
export function recordLoader<K, V>(fetch: (keys: K[]) => Promise<V[]>, keyOf: (value: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const byKey = new Map((await fetch([...keys])).map((value) => [keyOf(value), value]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * Many records per key, fetched for all keys in one batch. `fetch` returns `[key, value]` pairs,
 * so one value may belong to several keys (an actor working in several requested areas).
 */
export function groupLoader<K, V>(fetch: (keys: K[]) => Promise<Array<[K, V]>>): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
    for (const [key, value] of await fetch([...keys])) groups.get(key)?.push(value);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
