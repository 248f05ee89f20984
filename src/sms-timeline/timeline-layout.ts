/**
 * How `sms-timeline` lays out and virtualizes its rows: @lit-labs/virtualizer's
 * flow layout, drawing less beyond the viewport than its default, and
 * letting go of its anchor when the reader scrolls away from it.
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

/**
 * Pixels drawn above and below the viewport. The flow layout's default,
 * 1,000, keeps some 40 rows in the DOM around a 24rem log; this keeps
 * part of a row each side, so a wheel turn mostly lands on rows already
 * drawn, and a long timeline stays under 400 DOM nodes wherever it is
 * read, even mid-sweep (bench:timeline; 60 px went past it then).
 */
export const OVERHANG = 40;

export class TimelineLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = OVERHANG;
  }

  /**
   * The flow layout keeps the row it anchors on until its rows stop
   * changing size. In a live timeline they seldom stop, so a reader who
   * scrolled far from that row (to the top, say) was pulled back to it.
   * A scroll the layout did not make itself, and that leaves the view,
   * now drops the anchor; the layout then finds one in the new view.
   * (The layout's own corrections update its position first, so they
   * arrive here as small moves.)
   */
  override set viewportScroll(coords: FlowLayout['viewportScroll']) {
    const before = this._scrollPosition;
    super.viewportScroll = coords;
    if (Math.abs(this._scrollPosition - before) >= this._viewDim1) {
      this._resetReflowState();
    }
  }

  override get viewportScroll(): FlowLayout['viewportScroll'] {
    return super.viewportScroll;
  }
}
