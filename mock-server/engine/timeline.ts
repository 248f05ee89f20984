/** A customer's timeline: sorted insertion and paging back in time. */
import type { TimelineItem, TimelinePage } from '../../src/sdk/schemas.js';
import { EngineError } from './errors.js';
import type { TimelineRecord } from './records.js';

const before = (a: TimelineRecord, b: TimelineRecord) =>
  a.item.timestamp < b.item.timestamp ||
  (a.item.timestamp === b.item.timestamp && a.seq < b.seq);

/** Inserts `record` in (timestamp, sequence) order; usually at the end. */
export function insertSorted(list: TimelineRecord[], record: TimelineRecord) {
  let index = list.length;
  while (index > 0 && before(record, list[index - 1]!)) index--;
  list.splice(index, 0, record);
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * The newest `limit` items older than the item `cursor` names, oldest first.
 * `nextCursor` names the oldest item returned while older ones remain.
 */
export function pageOf(
  list: readonly TimelineRecord[],
  limit = DEFAULT_PAGE_SIZE,
  cursor?: string,
): TimelinePage {
  let end = list.length;
  if (cursor !== undefined) {
    end = list.findIndex((record) => record.item.id === cursor);
    if (end === -1) {
      throw new EngineError(
        'invalid',
        `no item "${cursor}" on this timeline; pass a nextCursor from an earlier page.`,
        'before',
      );
    }
  }
  const start = Math.max(0, end - limit);
  const items: TimelineItem[] = list.slice(start, end).map((r) => r.item);
  return { items, nextCursor: start > 0 ? items[0]!.id : null };
}
