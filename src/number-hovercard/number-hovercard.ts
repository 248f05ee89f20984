import {
  autoUpdate,
  computePosition,
  flip,
  hide,
  offset,
  shift,
} from '@floating-ui/dom';
import { html, LitElement } from 'lit';
import { formatPhone, loadPhoneFormatting } from '../shared/format.js';
import { tokens } from '../shared/styles.js';
import { styles } from './number-hovercard.styles.js';

/** How long the pointer rests on the anchor before the card opens. */
const OPEN_DELAY_MS = 150;
/** How long the card waits for the pointer to come onto it before closing. */
const CLOSE_DELAY_MS = 250;

/**
 * The two numbers of a campaign SMS: the one that sent it and the one
 * that received it, each formatted for a person and labelled.
 *
 * It opens when the pointer rests on its `anchor` or keyboard focus
 * reaches it, and closes on Escape, when focus leaves, or when the
 * pointer leaves both anchor and card. It renders in the top layer, so
 * no scroll box clips it.
 *
 * @attr for - The id of the anchor, looked up in the card's own root (the
 *   document or the shadow root it is rendered in).
 * @attr from - The E.164 number that sent the SMS.
 * @attr to - The E.164 number that received it.
 * @attr from-label - Whose line sent it, such as an inbox name.
 * @attr to-label - Who received it, such as the customer's name.
 * @attr open - Whether the card shows; reflected.
 *
 * @fires hovercard-open - The card opened (by pointer, focus or `show()`).
 * @fires hovercard-close - The card closed.
 *
 * @csspart card - The floating card.
 * @csspart number - Each formatted number.
 *
 * @cssprop --sms-kit-color-surface - The card's background.
 * @cssprop --sms-kit-color-border - The card's border.
 */
export class NumberHovercard extends LitElement {
  static override styles = [tokens, styles];

  static override properties = {
    from: {},
    to: {},
    fromLabel: { attribute: 'from-label' },
    toLabel: { attribute: 'to-label' },
    open: { type: Boolean, reflect: true },
    for: {},
    anchor: { attribute: false },
  };

  declare from: string;
  declare to: string;
  declare fromLabel: string;
  declare toLabel: string;
  declare open: boolean;
  declare for: string;
  /** The element whose hover or focus opens the card; wins over `for`. */
  declare anchor: HTMLElement | undefined;

  private timer?: ReturnType<typeof setTimeout>;
  private stopPositioning?: () => void;
  private wired?: HTMLElement;
  private readonly internals = this.attachInternals();

  constructor() {
    super();
    this.from = '';
    this.to = '';
    this.fromLabel = '';
    this.toLabel = '';
    this.open = false;
    this.for = '';
    // The host is the tooltip, so a stamp's aria-describedby names it
    // directly and its text counts even while it is hidden.
    this.internals.role = 'tooltip';
    this.addEventListener('pointerenter', this.onPointerEnter);
    this.addEventListener('pointerleave', this.onPointerLeave);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The host itself is the popover: in the top layer no scroll box of
    // the page can clip it.
    if (!this.hasAttribute('popover')) this.setAttribute('popover', 'manual');
    // Formatting arrives later; the update it asks for also wires the
    // anchor again after a move in the document.
    void loadPhoneFormatting().then(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKeydown);
    this.wire(undefined);
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    clearTimeout(this.timer);
  }

  /** Shows the card now. */
  show(): void {
    clearTimeout(this.timer);
    this.open = true;
  }

  /** Hides the card now. */
  hide(): void {
    clearTimeout(this.timer);
    this.open = false;
  }

  protected override willUpdate(): void {
    this.wire(this.anchor ?? this.anchorById());
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('open') && changed.get('open') !== undefined) {
      this.dispatchEvent(
        new Event(this.open ? 'hovercard-open' : 'hovercard-close', {
          bubbles: true,
          composed: true,
        }),
      );
    }
    if (!changed.has('open') && !changed.has('anchor')) return;
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    const shown = this.matches(':popover-open');
    if (!this.open) {
      if (shown) this.hidePopover();
      document.removeEventListener('keydown', this.onKeydown);
      return;
    }
    if (!shown) this.showPopover();
    // Escape closes it wherever focus is, so listen only while open.
    document.addEventListener('keydown', this.onKeydown);
    const anchor = this.wired;
    if (anchor) {
      this.stopPositioning = autoUpdate(
        anchor,
        this,
        () => void this.place(anchor),
      );
    }
  }

  protected override render() {
    return html`
      <div class="card" part="card">
        <dl>
          <dt>From</dt>
          <dd>
            <span class="number" part="number">${formatPhone(this.from)}</span>
            <span class="label">${this.fromLabel}</span>
          </dd>
          <dt>To</dt>
          <dd>
            <span class="number" part="number">${formatPhone(this.to)}</span>
            <span class="label">${this.toLabel}</span>
          </dd>
        </dl>
      </div>
    `;
  }

  /** The element `for` names, in the root this card lives in. */
  private anchorById(): HTMLElement | undefined {
    if (!this.for) return undefined;
    const root = this.getRootNode() as Document | ShadowRoot;
    return root.getElementById?.(this.for) ?? undefined;
  }

  private async place(anchor: HTMLElement): Promise<void> {
    const { x, y, middlewareData } = await computePosition(anchor, this, {
      strategy: 'fixed',
      placement: 'top-start',
      middleware: [offset(8), flip(), shift({ padding: 8 }), hide()],
    });
    // When the stamp scrolls out of its timeline the card would float
    // over something else; it hides until the stamp is back in view.
    const hidden = middlewareData.hide?.referenceHidden ?? false;
    Object.assign(this.style, {
      left: `${x}px`,
      top: `${y}px`,
      visibility: hidden ? 'hidden' : '',
    });
  }

  private wire(anchor: HTMLElement | undefined): void {
    if (anchor === this.wired) return;
    const events = [
      ['pointerenter', this.onPointerEnter],
      ['pointerleave', this.onPointerLeave],
      ['focusin', this.onFocusIn],
      ['focusout', this.onFocusOut],
    ] as const;
    for (const [type, listener] of events) {
      this.wired?.removeEventListener(type, listener);
      anchor?.addEventListener(type, listener);
    }
    this.wired = anchor;
  }

  private later(open: boolean, ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.open = open), ms);
  }

  private onPointerEnter = () => {
    if (this.open) clearTimeout(this.timer);
    else this.later(true, OPEN_DELAY_MS);
  };

  private onPointerLeave = () => {
    // Focus opened it as much as the pointer did: it stays while focused.
    if (this.wired?.matches(':focus-within')) return;
    if (this.open) this.later(false, CLOSE_DELAY_MS);
    else clearTimeout(this.timer);
  };

  private onFocusIn = () => this.show();

  private onFocusOut = () => this.hide();

  private onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.open) this.hide();
  };
}
