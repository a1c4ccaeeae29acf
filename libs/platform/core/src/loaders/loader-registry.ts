import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders, created on first use. `name` identifies the relation (e.g.
 * `directory.organization.children`); `variant` separates loaders of the same relation called with
 * different arguments (page size, filter), which must not be batched together: a string as it is
 * (cheapest, see `pageKey`), anything else as JSON.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, variant: unknown, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    const key = variant === undefined ? name : `${name}|${typeof variant === 'string' ? variant : JSON.stringify(variant)}`;
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /** Forgets cached values, e.g. after a mutation changed what they hold. */
  clear(): void {
    this.loaders.clear();
  }
}

/** Orders batch results to match the keys, as DataLoader requires; missing keys get `fallback`. */
export function byKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K, fallback: V | null = null): Array<V | null> {
  const map = new Map<K, V>();
  for (const r of rows) map.set(keyOf(r), r);
  return keys.map((k) => map.get(k) ?? fallback);
}

/** Groups batch results per key for one-to-many relations. */
export function groupByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
