import { msg, str } from '@lit/localize';
import { html } from '../shared/compact-html.js';
import { formatFullTime, formatTime } from '../shared/format.js';
import { StampedUpdate, stampStyles } from '../shared/stamped-update.js';
import { tokens } from '../shared/styles.js';
import { styles } from './campaign-answer.styles.js';

/**
 * A Proactive SMS Campaign's outbound message, shown on the customer's
 * timeline as a Messaging Answer: the campaign, the answer's name, the
 * text that was sent and when. Its stamp opens a `number-hovercard` with
 * the number that sent the SMS and the one that received it.
 *
 * Renders from its properties alone; `sms-timeline` sets them from the
 * campaign's timeline item.
 *
 * @attr campaign-name - The campaign, such as "July Sale".
 * @attr answer-name - The Messaging Answer that was sent.
 * @attr body - The SMS text.
 * @attr sent-at - When it was sent, ISO 8601.
 * @attr from - The E.164 number it was sent from.
 * @attr to - The E.164 number it was sent to.
 * @attr from-label - Whose line sent it, such as the inbox name.
 * @attr to-label - Who received it, such as the customer's name.
 * @attr delivery - How delivery stands, in words, such as "Delivered".
 * @attr delivery-failed - Set when the message will not arrive.
 * @attr time-zone - The IANA time zone to show times in; else one an
 *   ancestor provides (`provideTimeZone`), else the browser's.
 *
 * @csspart card - The answer's card.
 * @csspart stamp - The focusable time stamp that opens the hovercard.
 * @csspart delivery - How delivery stands, after the stamp.
 *
 * @cssprop --sms-kit-color-accent - The card's edge and heading.
 *
 * @tagname campaign-answer
 */
export class CampaignAnswer extends StampedUpdate {
  static override styles = [tokens, stampStyles, styles];

  static override properties = {
    campaignName: { attribute: 'campaign-name' },
    answerName: { attribute: 'answer-name' },
    body: {},
    sentAt: { attribute: 'sent-at' },
    delivery: {},
    deliveryFailed: { attribute: 'delivery-failed', type: Boolean },
  };

  declare campaignName: string;
  declare answerName: string;
  declare body: string;
  declare sentAt: string;
  declare delivery: string;
  declare deliveryFailed: boolean;

  constructor() {
    super();
    this.campaignName = '';
    this.answerName = '';
    this.body = '';
    this.sentAt = '';
    this.delivery = '';
    this.deliveryFailed = false;
  }

  protected override render() {
    const when = formatTime(this.sentAt, this.zone.value);
    return html`
      <article
        part="card"
        aria-label=${msg(str`Messaging Answer: ${this.answerName}`)}
      >
        <header>
          <span class="kind">${msg('Messaging Answer')}</span>
          <bdi class="answer">${this.answerName}</bdi>
          <span class="campaign"
            >${msg(html`· <bdi>${this.campaignName}</bdi> campaign`)}</span
          >
        </header>
        <p class="body" dir="auto">${this.body}</p>
        ${this.renderStamp(
          html`<span title=${formatFullTime(this.sentAt, this.zone.value)}
            >${msg(str`Sent ${when}`)}</span
          >`,
        )}${
          this.delivery
            ? html`<span
                class="delivery ${this.deliveryFailed ? 'failed' : ''}"
                part="delivery"
              >
                · ${this.delivery}</span
              >`
            : ''
        }
      </article>
    `;
  }
}
