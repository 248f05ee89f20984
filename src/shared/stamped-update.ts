import { css, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { html } from './compact-html.js';
import { TimeZoneController } from './time-zone.js';
import { KitLanguage } from './kit-language.js';

let nextId = 0;

/**
 * What `campaign-answer` and `reply-marker` share: a timeline update whose
 * focusable stamp opens a `number-hovercard` with the number that sent the
 * campaign SMS and the one that received it.
 *
 * The stamp and its card are rendered into the same shadow root, so the
 * stamp's `aria-describedby` finds the card by id, and the card finds its
 * stamp by `for`. Subclasses render the stamp with `renderStamp`.
 */
export class StampedUpdate extends LitElement {
  // Typed loosely so subclasses can declare their own; Lit merges them.
  static override properties: PropertyDeclarations = {
    from: {},
    to: {},
    fromLabel: { attribute: 'from-label' },
    toLabel: { attribute: 'to-label' },
    timeZone: { attribute: 'time-zone' },
  };

  /** The E.164 number that sent the campaign SMS. */
  declare from: string;
  /** The E.164 number that received it. */
  declare to: string;
  /** Whose line sent it, such as the inbox's name. */
  declare fromLabel: string;
  /** Who received it, such as the customer's name. */
  declare toLabel: string;
  /** The IANA time zone times show in; see TimeZoneController. */
  declare timeZone: string;

  /** The zone times are shown in, as it resolves. */
  protected readonly zone = new TimeZoneController(this);

  /** Unique in the page, so ids stay unique in any one shadow root. */
  private readonly cardId = `sms-kit-card-${++nextId}`;

  constructor() {
    super();
    // Draws again in a new language, and marks it where the page differs.
    new KitLanguage(this);
    this.from = '';
    this.to = '';
    this.fromLabel = '';
    this.toLabel = '';
    this.timeZone = '';
  }

  /** The stamp showing `content`, and the card it opens, if numbers are set. */
  protected renderStamp(content: unknown, toLabel = this.toLabel) {
    const id = this.cardId;
    const hasNumbers = this.from !== '' || this.to !== '';
    return html`
      <button
        type="button"
        id=${`${id}-stamp`}
        class="stamp"
        part="stamp"
        aria-describedby=${hasNumbers ? id : nothing}
      >
        ${content}
      </button>
      ${
        hasNumbers
          ? html`<number-hovercard
              id=${id}
              for=${`${id}-stamp`}
              .from=${this.from}
              .to=${this.to}
              .fromLabel=${this.fromLabel}
              .toLabel=${toLabel}
            ></number-hovercard>`
          : nothing
      }
    `;
  }
}

export const stampStyles = css`
  .stamp {
    font: inherit;
    font-size: 0.8125rem;
    color: var(--_muted);
    background: none;
    border: 0;
    border-radius: 4px;
    padding: 0.125rem 0.25rem;
    margin: -0.125rem -0.25rem;
    cursor: help;
    text-decoration: underline dotted;
    text-underline-offset: 3px;
  }

  .stamp:hover {
    color: var(--_text);
  }
`;
