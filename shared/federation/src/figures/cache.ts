import { DataSource } from 'typeorm';
import { figuresCacheSeconds } from '@samverkan/platform';

/**
 * Figures count every record of a subgraph: at national scale a count takes a few hundred
 * milliseconds, and a dashboard asks for the same ones again and again. So a process keeps each
 * count, keyed by what it was counted from: the subgraph's latest change-log entry (every write
 * through the API appends one, on whichever replica; or another such sequence the subgraph names)
 * and the caller's key (e.g. the days asked for). A write through the API therefore shows at once;
 * a record written beside the API within FIGURES_CACHE_SECONDS. Requests asking at the same time share one count.
 */
interface Kept {
  sequence: string;
  expires: number;
  value: Promise<unknown>;
}

const MAX_KEPT = 64;
const kept = new WeakMap<DataSource, Map<string, Kept>>();

/**
 * One cheap statement returning `sequence`, a value that moves with every write through the API: by
 * default the change log's last entry. A subgraph without a change log names its own (the concerns
 * subgraph: its audit log's last entry).
 */
export const CHANGE_LOG_SEQUENCE_SQL = 'SELECT coalesce(max(sequence), 0)::text AS sequence FROM change_log';

export async function keptFigures<T>(dataSource: DataSource, key: string, count: () => Promise<T>, sequenceSql = CHANGE_LOG_SEQUENCE_SQL): Promise<T> {
  const seconds = figuresCacheSeconds();
  if (seconds === 0) return count();
  const sequence: string = (await dataSource.query(sequenceSql))[0].sequence;
  const entries = kept.get(dataSource) ?? kept.set(dataSource, new Map()).get(dataSource)!;
  const now = Date.now();
  const found = entries.get(key);
  if (found && found.sequence === sequence && found.expires > now) return found.value as Promise<T>;
  const value = count();
  entries.set(key, { sequence, expires: now + seconds * 1000, value });
  // A failed count is not kept.
  value.catch(() => entries.get(key)?.value === value && entries.delete(key));
  if (entries.size > MAX_KEPT) {
    for (const [oldKey, entry] of entries) if (entry.expires <= now || entries.size > MAX_KEPT) entries.delete(oldKey);
  }
  return value;
}
