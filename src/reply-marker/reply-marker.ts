import { msg } from '@lit/localize';
import { css } from 'lit';
import { html } from '../shared/compact-html.js';
import { formatFullTime, formatTime } from '../shared/format.js';
import { StampedUpdate, stampStyles } from '../shared/stamped-update.js';
import { tokens } from '../shared/styles.js';

/**
 * The timeline update that comes before a customer's reply to a campaign:
 * "Julie Example responded to the SMS", with the campaign's name. The
 * update is its stamp: hovering or focusing it opens a `number-hovercard`
 * with the number that sent the campaign SMS and the one that received it.
 *
 * @attr customer-name - Who responded.
 * @attr campaign-name - The campaign they responded to.
 * @attr at - When the reply came, ISO 8601.
 * @attr from - The E.164 number that sent the campaign SMS.
 * @attr to - The E.164 number that received it.
 * @attr from-label - Whose line sent it, such as the inbox name.
 * @attr to-label - Who received it; the customer's name by default.
 * @attr time-zone - The IANA time zone to show times in; else one an
 *   ancestor provides (`provideTimeZone`), else the browser's.
 *
 * @csspart marker - The whole line.
 * @csspart stamp - The focusable update that opens the hovercard.
 *
 * @tagname reply-marker
 */
export class ReplyMarker extends StampedUpdate {
  static override styles = [
    tokens,
    stampStyles,
    css`
      :host {
        display: block;
      }

      .marker {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        color: var(--_muted);
        font-size: 0.8125rem;
      }

      .marker::before,
      .marker::after {
        content: '';
        flex: 1;
        border-top: 1px solid var(--_border);
      }

      .stamp {
        text-align: center;
        max-width: 80%;
        min-width: 0;
        overflow-wrap: anywhere;
      }

      .campaign {
        font-weight: 600;
      }
    `,
  ];

  static override properties = {
    customerName: { attribute: 'customer-name' },
    campaignName: { attribute: 'campaign-name' },
    at: {},
  };

  declare customerName: string;
  declare campaignName: string;
  declare at: string;

  constructor() {
    super();
    this.customerName = '';
    this.campaignName = '';
    this.at = '';
  }

  protected override render() {
    const who = this.customerName || msg('The customer');
    const campaign = this.campaignName
      ? html` · <bdi class="campaign">${this.campaignName}</bdi>`
      : '';
    const when = this.at
      ? html` ·
          <time
            datetime=${this.at}
            title=${formatFullTime(this.at, this.zone.value)}
            >${formatTime(this.at, this.zone.value)}</time
          >`
      : '';
    return html`
      <div
        class="marker"
        part="marker"
        role="group"
        aria-label=${msg('Campaign reply')}
      >
        ${this.renderStamp(
          msg(html`<bdi>${who}</bdi> responded to the SMS${campaign}${when}`),
          this.toLabel || this.customerName,
        )}
      </div>
    `;
  }
}
