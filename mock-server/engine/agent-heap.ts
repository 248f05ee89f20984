/**
 * The agents of one inbox who may take a conversation, kept in the order
 * of the inbox's policy: a binary heap that knows where each agent sits,
 * so the best agent is read at once and an agent whose figures changed
 * moves to their new place in logarithmic time.
 */
import type { Candidate } from './routing.js';

type Compare<T> = (a: T, b: T) => number;

export class AgentHeap<T extends Candidate> {
  private items: T[] = [];
  private readonly at = new Map<string, number>();

  constructor(private compare: Compare<T>) {}

  /** The agent the policy prefers, or undefined when the heap is empty. */
  peek(): T | undefined {
    return this.items[0];
  }

  add(agent: T): void {
    this.items.push(agent);
    this.at.set(agent.id, this.items.length - 1);
    this.up(this.items.length - 1);
  }

  remove(agent: T): void {
    const index = this.at.get(agent.id);
    if (index === undefined) return;
    const last = this.items.pop()!;
    this.at.delete(agent.id);
    if (index === this.items.length) return;
    this.items[index] = last;
    this.at.set(last.id, index);
    this.up(index);
    this.down(this.at.get(last.id)!);
  }

  /** Puts `agent` back in order after its figures changed. */
  update(agent: T): void {
    const index = this.at.get(agent.id);
    if (index === undefined) return;
    this.up(index);
    this.down(this.at.get(agent.id)!);
  }

  /** Orders the same agents by a new policy. */
  reorder(compare: Compare<T>): void {
    this.compare = compare;
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  /**
   * The agents best first, as many as are read: a walk of the heap that
   * only looks below the agents it has handed out, so reading the first k
   * costs k log k, whatever the heap's size.
   */
  *ordered(): Generator<T> {
    const { items, compare } = this;
    if (items.length === 0) return;
    // The frontier: heap positions whose parents were handed out, itself
    // a small heap ordered by the agents at those positions.
    const frontier: number[] = [0];
    const before = (i: number, j: number) =>
      compare(items[frontier[i]!]!, items[frontier[j]!]!) < 0;
    const swap = (i: number, j: number) => {
      [frontier[i], frontier[j]] = [frontier[j]!, frontier[i]!];
    };
    while (frontier.length > 0) {
      const index = frontier[0]!;
      yield items[index]!;
      const last = frontier.pop()!;
      if (frontier.length > 0) frontier[0] = last;
      siftDown(frontier.length, 0, before, swap);
      for (const child of [2 * index + 1, 2 * index + 2]) {
        if (child >= items.length) continue;
        frontier.push(child);
        siftUp(frontier.length - 1, before, swap);
      }
    }
  }

  private readonly before = (i: number, j: number) =>
    this.compare(this.items[i]!, this.items[j]!) < 0;

  private readonly swap = (i: number, j: number) => {
    const { items, at } = this;
    [items[i], items[j]] = [items[j]!, items[i]!];
    at.set(items[i]!.id, i);
    at.set(items[j]!.id, j);
  };

  private up(index: number): void {
    siftUp(index, this.before, this.swap);
  }

  private down(index: number): void {
    siftDown(this.items.length, index, this.before, this.swap);
  }
}

type Before = (i: number, j: number) => boolean;
type Swap = (i: number, j: number) => void;

function siftUp(index: number, before: Before, swap: Swap): void {
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (!before(index, parent)) return;
    swap(index, parent);
    index = parent;
  }
}

function siftDown(
  size: number,
  index: number,
  before: Before,
  swap: Swap,
): void {
  for (;;) {
    const left = 2 * index + 1;
    if (left >= size) return;
    const right = left + 1;
    const child = right < size && before(right, left) ? right : left;
    if (!before(child, index)) return;
    swap(index, child);
    index = child;
  }
}
