import { msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { tokens } from '../shared/styles.js';
import { KitLanguage } from '../shared/kit-language.js';

function isWebAddress(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

export type FileKind =
  'photo' | 'video' | 'audio' | 'pdf' | 'contact' | 'calendar' | 'file';

/** Which kind of file each media type is. */
export function kindOf(contentType: string): FileKind {
  const type = contentType.toLowerCase().split(';')[0]!.trim();
  if (type.startsWith('image/')) return 'photo';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/vcard' || type === 'text/x-vcard') return 'contact';
  if (type === 'text/calendar') return 'calendar';
  return 'file';
}

/** What a person calls a file of `kind`, in the kit's language. */
export function kindName(kind: FileKind): string {
  switch (kind) {
    case 'photo':
      return msg('Photo');
    case 'video':
      return msg('Video');
    case 'audio':
      return msg('Audio');
    case 'pdf':
      return msg('PDF');
    case 'contact':
      return msg('Contact card');
    case 'calendar':
      return msg('Calendar invite');
    default:
      return msg('File');
  }
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
 *
 * @tagname sms-attachment
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
    // Draws again in a new language, and marks it where the page differs.
    new KitLanguage(this);
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
    const label = this.label || kindName(kind);
    // Only a web address is ever linked or loaded: never javascript: or
    // data:, whoever set the URL.
    if (!isWebAddress(this.url)) {
      return html`<span class="chip broken" part="chip"
        >${msg(
          str`${label} cannot be shown: its address is not a web address.`,
        )}</span
      >`;
    }
    if (kind === 'photo' && !this.broken) {
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
          ? msg(str`${label} could not be shown. Open the file`)
          : kind === 'file'
            ? `${label} (${this.contentType || msg('unknown type')})`
            : label
      }</a
    >`;
  }
}
