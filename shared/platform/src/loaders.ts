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

/** Which record (by id) belongs to which key. */
export interface KeyedId<K> {
  key: K;
  id: string;
}

/**
 * Many records per key, in two statements for the whole batch: `findPairs` finds which record ids
 * belong to which key (through a link table or an area match, so one record may belong to several
 * keys), then `fetch` loads those records in the order each list should have.
 */
export function pairedGroupLoader<K, V extends { id: string }>(
  findPairs: (keys: K[]) => Promise<Array<KeyedId<K>>>,
  fetch: (ids: string[]) => Promise<V[]>,
): DataLoader<K, V[]> {
  return groupLoader<K, V>(async (keys) => {
    const pairs = await findPairs(keys);
    if (pairs.length === 0) return [];
    const found = await fetch([...new Set(pairs.map((pair) => pair.id))]);
    const rank = new Map(found.map((record, index) => [record.id, index]));
    return pairs
      .filter((pair) => rank.has(pair.id))
      .sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)
      .map((pair) => [pair.key, found[rank.get(pair.id)!]]);
  });
}

/**
 * One set of loaders per distinct arguments of a nested field, made when first asked for: the
 * entities asking with the same arguments share one batch, so statements grow with the distinct
 * arguments in a query, never with the number of entities. Call once per request.
 */
export function byArguments<A extends object, L>(make: (args: A) => L): (args: A) => L {
  const made = new Map<string, L>();
  return (args) => {
    const key = JSON.stringify(Object.entries(args).sort());
    let loaders = made.get(key);
    if (!loaders) made.set(key, (loaders = make(args)));
    return loaders;
  };
}
