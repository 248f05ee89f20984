import { msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { formatPhone, loadPhoneFormatting } from '../shared/format.js';
import { tokens } from '../shared/styles.js';
import { styles } from './number-hovercard.styles.js';
import { KitLanguage } from '../shared/kit-language.js';
import { loadOnce } from '../shared/lazy.js';

/**
 * Floating UI, loaded when a card is first about to open: a timeline
 * stamps a card on many rows, and most of them never open.
 */
const loadPositioning = loadOnce(() => import('@floating-ui/dom'));

/** How long the pointer rests on the anchor before the card opens. */
const OPEN_DELAY_MS = 150;
/** How long the card waits for the pointer to come onto it before closing. */
const CLOSE_DELAY_MS = 250;

/**
 * The two numbers of a campaign SMS: the one that sent it and the one
 * that received it, each formatted for a person and labelled.
 *
 * It opens when the pointer rests on its `anchor` or keyboard focus
 * reaches it, and closes on Escape, when focus leaves both anchor and
 * card, or when the pointer leaves both. The pointer can move onto it and
 * Tab moves into it, so each number's Copy button can be used. It renders
 * in the top layer, so no scroll box clips it.
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
 * @fires number-copied - A number was copied; `detail` is
 *   `{ number, which }`, `which` being `from` or `to`.
 *
 * @csspart card - The floating card.
 * @csspart number - Each formatted number.
 * @csspart copy - Each number's Copy button.
 *
 * @cssprop --sms-kit-color-surface - The card's background.
 * @cssprop --sms-kit-color-border - The card's border.
 *
 * @tagname number-hovercard
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
    copied: { state: true },
  };

  declare from: string;
  declare to: string;
  declare fromLabel: string;
  declare toLabel: string;
  declare open: boolean;
  declare for: string;
  /** The element whose hover or focus opens the card; wins over `for`. */
  declare anchor: HTMLElement | undefined;
  /** Which number was just copied, or that copying failed. */
  declare protected copied: 'from' | 'to' | 'failed' | '';
  private copiedTimer?: ReturnType<typeof setTimeout>;

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
    this.copied = '';
    // A group, not a tooltip: it holds buttons. A stamp's aria-describedby
    // names the host, so its text counts even while it is hidden.
    this.internals.role = 'group';
    // Draws again in a new language, and marks it where the page differs.
    new KitLanguage(this);
    this.addEventListener('pointerenter', this.onPointerEnter);
    this.addEventListener('pointerleave', this.onPointerLeave);
    // Focus moving on from inside the card closes it, unless back to the
    // anchor.
    this.addEventListener('focusout', this.onFocusOut);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The host itself is the popover: in the top layer no scroll box of
    // the page can clip it.
    if (!this.hasAttribute('popover')) this.setAttribute('popover', 'manual');
    // Formatting arrives later; the update it asks for also wires the
    // anchor again after a move in the document.
    this.stopWaiting = loadPhoneFormatting.whenLoaded(() =>
      this.requestUpdate(),
    );
  }

  private stopWaiting?: () => void;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWaiting?.();
    document.removeEventListener('keydown', this.onKeydown);
    this.wire(undefined);
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    clearTimeout(this.timer);
    clearTimeout(this.copiedTimer);
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
    if (anchor) void this.keepPlaced(anchor);
  }

  /** Counts each opening, so a late load places only the latest. */
  private openings = 0;

  /** Places the card by `anchor`, again whenever either moves, while open. */
  private async keepPlaced(anchor: HTMLElement): Promise<void> {
    const opening = ++this.openings;
    // Unseen until first placed, so it never shows in the corner.
    this.style.visibility = 'hidden';
    const current = () =>
      opening === this.openings && this.open && this.isConnected;
    let autoUpdate: Awaited<ReturnType<typeof loadPositioning>>['autoUpdate'];
    try {
      ({ autoUpdate } = await loadPositioning());
    } catch {
      // Floating UI did not arrive (the next opening tries again): the
      // card shows below its anchor, placed once.
      if (current()) this.placeBelow(anchor);
      return;
    }
    if (!current()) return;
    this.stopPositioning = autoUpdate(
      anchor,
      this,
      () => void this.place(anchor),
    );
  }

  protected override render() {
    // Named as it draws, so the name follows the language. A stamp it
    // describes is described by this name, so the name carries the
    // numbers themselves, not only what they are.
    this.internals.ariaLabel = this.numbersInWords();
    // Drawn only while it shows: a timeline has one card a stamped row,
    // and the name above is all a stamp needs to be described.
    if (!this.open) return nothing;
    return html`
      <div class="card" part="card">
        <dl>
          <dt>${msg('From')}</dt>
          <dd>
            <span class="number" part="number">${formatPhone(this.from)}</span>
            ${this.renderCopy('from', this.from)}
            <span class="label">${this.fromLabel}</span>
          </dd>
          <dt>${msg('To')}</dt>
          <dd>
            <span class="number" part="number">${formatPhone(this.to)}</span>
            ${this.renderCopy('to', this.to)}
            <span class="label">${this.toLabel}</span>
          </dd>
        </dl>
        <p class="copied" role="status">
          ${
            this.copied === 'failed'
              ? msg('Couldn’t copy; select the number instead.')
              : this.copied
                ? msg('Copied.')
                : ''
          }
        </p>
      </div>
    `;
  }

  /** "Numbers of this SMS: from (415) 555-0100, Gold Members; to …". */
  private numbersInWords(): string {
    const side = (number: string, label: string) =>
      [number ? formatPhone(number) : '', label].filter(Boolean).join(', ');
    const from = side(this.from, this.fromLabel);
    const to = side(this.to, this.toLabel);
    if (!from && !to) return msg('Numbers of this SMS');
    return msg(str`Numbers of this SMS: from ${from}; to ${to}`);
  }

  private renderCopy(which: 'from' | 'to', number: string) {
    if (!number) return '';
    return html`<button
      class="copy"
      part="copy"
      type="button"
      aria-label=${msg(str`Copy ${formatPhone(number)}`)}
      @click=${() => void this.copy(which, number)}
    >
      ${msg('Copy')}
    </button>`;
  }

  /** Copies the number as E.164, which any dialler or CRM takes. */
  private async copy(which: 'from' | 'to', number: string): Promise<void> {
    clearTimeout(this.copiedTimer);
    try {
      await navigator.clipboard.writeText(number);
      this.copied = which;
      this.dispatchEvent(
        new CustomEvent('number-copied', {
          detail: { number, which },
          bubbles: true,
          composed: true,
        }),
      );
    } catch {
      this.copied = 'failed';
    }
    this.copiedTimer = setTimeout(() => (this.copied = ''), 3000);
  }

  /** The element `for` names, in the root this card lives in. */
  private anchorById(): HTMLElement | undefined {
    if (!this.for) return undefined;
    const root = this.getRootNode() as Document | ShadowRoot;
    return root.getElementById?.(this.for) ?? undefined;
  }

  private placeBelow(anchor: HTMLElement): void {
    const { left, bottom } = anchor.getBoundingClientRect();
    Object.assign(this.style, {
      left: `${left}px`,
      top: `${bottom + 8}px`,
      visibility: '',
    });
  }

  private async place(anchor: HTMLElement): Promise<void> {
    const { computePosition, offset, flip, shift, hide } =
      await loadPositioning();
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

  /** Whether `wired` was described by this card by element reference. */
  private tiedByReference = false;

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
    // The anchor is described by the card. An id reference cannot cross
    // shadow roots, so an anchor given as `anchor` (which may live in
    // another root) is tied to it by element reference. The browser honours
    // that only where the card is in the anchor's tree or one above it.
    // What else describes the anchor stays: the card adds itself to it,
    // and on leaving takes only itself away.
    if (this.wired && this.tiedByReference) {
      const others = (this.wired.ariaDescribedByElements ?? []).filter(
        (element) => element !== this,
      );
      this.wired.ariaDescribedByElements = others.length > 0 ? others : null;
    }
    this.tiedByReference =
      anchor !== undefined &&
      anchor.getRootNode() !== this.getRootNode() &&
      'ariaDescribedByElements' in anchor;
    if (this.tiedByReference) {
      anchor!.ariaDescribedByElements = [
        ...(anchor!.ariaDescribedByElements ?? []),
        this,
      ];
    }
    this.wired = anchor;
  }

  private later(open: boolean, ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.open = open), ms);
  }

  private onPointerEnter = () => {
    // Loads while the pointer rests, before the card opens. (A failure is
    // met when it opens.)
    loadPositioning().catch(() => {});
    if (this.open) clearTimeout(this.timer);
    else this.later(true, OPEN_DELAY_MS);
  };

  private onPointerLeave = () => {
    // Focus opened it as much as the pointer did: it stays while focused.
    if (this.wired?.matches(':focus-within')) return;
    if (this.open) this.later(false, CLOSE_DELAY_MS);
    else clearTimeout(this.timer);
  };

  /** Set while Escape hands focus back, so the anchor does not reopen it. */
  private returning = false;

  private onFocusIn = () => {
    if (!this.returning) this.show();
  };

  /** Focus left the anchor or the card: it stays only if it went to the other. */
  private onFocusOut = (event: FocusEvent) => {
    const to = event.relatedTarget as Node | null;
    if (to && (this.contains(to) || this.shadowRoot?.contains(to))) return;
    if (to && this.wired?.contains(to)) return;
    this.hide();
  };

  private onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.open) return;
    // From inside the card, focus goes back to where it came from.
    const inside = this.matches(':focus-within');
    this.hide();
    if (inside) {
      this.returning = true;
      this.wired?.focus();
      this.returning = false;
    }
  };
}
