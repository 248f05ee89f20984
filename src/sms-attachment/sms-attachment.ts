import { css, html, LitElement } from 'lit';
import { tokens } from '../shared/styles.js';

function isWebAddress(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** What a person calls a file of each media type. */
export function kindOf(contentType: string): string {
  const type = contentType.toLowerCase().split(';')[0]!.trim();
  if (type.startsWith('image/')) return 'Photo';
  if (type.startsWith('video/')) return 'Video';
  if (type.startsWith('audio/')) return 'Audio';
  if (type === 'application/pdf') return 'PDF';
  if (type === 'text/vcard' || type === 'text/x-vcard') return 'Contact card';
  if (type === 'text/calendar') return 'Calendar invite';
  return 'File';
}

/**
 * One file an MMS carried: a photo as a lazy thumbnail that links to the
 * full file, anything else as a file chip, and a file that cannot be
 * loaded as a plain placeholder that still links to it.
 *
 * @attr url - Where the file is (Twilio's MediaUrl).
 * @attr content-type - Its media type, such as `image/jpeg`.
 * @attr label - Its text alternative, such as "Photo 1 from Priya Shah".
 *
 * @csspart thumbnail - A photo's image.
 * @csspart chip - The link for a file that is not shown inline.
 */
export class SmsAttachment extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }

      a {
        color: inherit;
      }

      /* A box the focus ring can be drawn around. */
      a.photo {
        display: inline-block;
        border-radius: 8px;
      }

      /*
       * The photo's box is kept before it loads, so a timeline pinned to
       * its newest message does not shift as photos arrive.
       */
      img {
        display: block;
        width: min(100%, 16rem);
        aspect-ratio: 4 / 3;
        object-fit: cover;
        border-radius: 8px;
        background: var(--_subtle);
      }

      .chip {
        display: inline-flex;
        align-items: center;
        gap: 0.375rem;
        font-size: 0.875rem;
        padding: 0.25rem 0.625rem;
        border: 1px solid currentColor;
        border-radius: 999px;
        text-decoration: none;
        max-width: 100%;
        overflow-wrap: anywhere;
      }

      .chip:hover {
        text-decoration: underline;
      }

      .broken {
        font-style: italic;
      }
    `,
  ];

  static override properties = {
    url: {},
    contentType: { attribute: 'content-type' },
    label: {},
    broken: { state: true },
  };

  declare url: string;
  declare contentType: string;
  declare label: string;
  declare protected broken: boolean;

  constructor() {
    super();
    this.url = '';
    this.contentType = '';
    this.label = '';
    this.broken = false;
  }

  protected override willUpdate(changed: Map<string, unknown>): void {
    // A new file gets its own chance to load.
    if (changed.has('url')) this.broken = false;
  }

  protected override render() {
    const kind = kindOf(this.contentType);
    const label = this.label || kind;
    // Only a web address is ever linked or loaded: never javascript: or
    // data:, whoever set the URL.
    if (!isWebAddress(this.url)) {
      return html`<span class="chip broken" part="chip"
        >${label} cannot be shown: its address is not a web address.</span
      >`;
    }
    if (kind === 'Photo' && !this.broken) {
      return html`<a
        class="photo"
        href=${this.url}
        target="_blank"
        rel="noopener noreferrer"
        ><img
          part="thumbnail"
          src=${this.url}
          alt=${label}
          loading="lazy"
          decoding="async"
          @error=${() => (this.broken = true)}
      /></a>`;
    }
    return html`<a
      class="chip ${this.broken ? 'broken' : ''}"
      part="chip"
      href=${this.url}
      target="_blank"
      rel="noopener noreferrer"
      >${
        this.broken
          ? `${label} could not be shown. Open the file`
          : kind === 'File'
            ? `${label} (${this.contentType || 'unknown type'})`
            : label
      }</a
    >`;
  }
}
