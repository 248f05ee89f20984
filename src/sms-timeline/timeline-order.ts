/**
 * The order of a timeline: by timestamp, then by id, so that an item that
 * arrives late still lands in its place. Ids compare numerically where
 * they hold numbers (`itm_9` before `itm_10`).
 */
import type { TimelineItem } from '../sdk/schemas.js';

const collator = new Intl.Collator('en', { numeric: true });

export function compareItems(a: TimelineItem, b: TimelineItem): number {
  const at = Date.parse(a.timestamp);
  const bt = Date.parse(b.timestamp);
  return at - bt || collator.compare(a.id, b.id);
}

/**
 * `items` with `added` merged in order; an item already present (by id) is
 * kept once. Returns a new array; `items` must already be in order.
 */
export function mergeItems(
  items: readonly TimelineItem[],
  added: readonly TimelineItem[],
): TimelineItem[] {
  const known = new Set(items.map((item) => item.id));
  const merged = [...items];
  for (const item of added) {
    if (known.has(item.id)) continue;
    known.add(item.id);
    let index = merged.length;
    while (index > 0 && compareItems(item, merged[index - 1]!) < 0) index--;
    merged.splice(index, 0, item);
  }
  return merged;
}
