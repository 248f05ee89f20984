/**
 * A workaround for lit/lit#5298: since lit-html 3.3.1, `repeat` (which the
 * virtualizer draws its rows with) removes a row's start marker but leaves
 * its end marker, an empty comment, in the DOM. Scrolling a long timeline
 * removes rows all the time, so the log filled up with thousands of them.
 *
 * When a removed node is a start marker taken out for good (not moved),
 * the node that followed it at that moment is the part's end marker; if
 * that is still an empty comment in the container, nothing owns it any
 * more and it goes too. Once lit removes both markers itself, the end
 * marker is already gone when this looks, and its own removal is known
 * for an end marker's, so the next row's start marker is left alone.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class MarkerSweeper implements ReactiveController {
  private readonly observer = new MutationObserver((records) =>
    this.sweep(records),
  );
  private watched: Element | null = null;

  /** `find` gives the element the rows are drawn into, once there is one. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly find: () => Element | null,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const container = this.find();
    if (container === this.watched) return;
    this.observer.disconnect();
    this.watched = container;
    if (container) this.observer.observe(container, { childList: true });
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    this.watched = null;
  }

  private sweep(records: MutationRecord[]): void {
    const container = this.watched;
    if (!container) return;
    /** Markers that followed a removed marker: end markers, every one. */
    const ends = new Set<Node>();
    for (const record of records) {
      const next = record.nextSibling;
      const starts = [...record.removedNodes].filter(
        // A marker still in the container was moved, with its part.
        (n) => isMarker(n) && n.parentNode === null && !ends.has(n),
      );
      if (starts.length === 0 || !isMarker(next)) continue;
      ends.add(next);
      if (next.parentNode === container) next.remove();
    }
    // What those removals reported is this sweep's own doing.
    this.observer.takeRecords();
  }
}

const isMarker = (node: Node | null): node is Comment =>
  node?.nodeType === Node.COMMENT_NODE && (node as Comment).data === '';
