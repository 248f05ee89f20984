import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import type { SmsKitClient } from '../sdk/client.js';
import type { Campaign, EngineEvent } from '../sdk/schemas.js';
import { failureOf, kitFailure, type Failure } from '../shared/failure.js';
import { formatFullTime, formatPhone, formatTime } from '../shared/format.js';
import { LiveElement } from '../shared/live-element.js';
import {
  buttonStyles,
  panelStyles,
  stateStyles,
  tokens,
} from '../shared/styles.js';
import { styles } from './campaign-progress.styles.js';

function statusText(status: Campaign['status']): string {
  switch (status) {
    case 'SCHEDULED':
      return msg('Scheduled');
    case 'IN_PROGRESS':
      return msg('Sending');
    case 'COMPLETED':
      return msg('Sent');
    case 'STOPPED':
      return msg('Stopped');
  }
}

/** How far a campaign has got: its status, then what it has handled. */
const progress = (c: Campaign): [number, number] => [
  { SCHEDULED: 0, IN_PROGRESS: 1, COMPLETED: 2, STOPPED: 2 }[c.status],
  c.counts.sent + c.counts.skipped,
];

/** The further along of two views of one campaign. */
function further(a: Campaign, b: Campaign | undefined): Campaign {
  if (!b || b.id !== a.id) return a;
  const [as, ad] = progress(a);
  const [bs, bd] = progress(b);
  return bs > as || (bs === as && bd > ad) ? b : a;
}

/** Why a recipient was not texted; opting out is the one reason so far. */
const skipText = (reason: Campaign['skipped'][number]['reason']) =>
  reason === 'OPTED_OUT' ? msg('opted out of SMS') : reason;

/**
 * How far a Proactive SMS Campaign has got: its status, how many of its
 * recipients were texted, skipped (and why) or are still to come, and the
 * rate it sends at. Live through the API's event stream.
 *
 * @attr campaign-id - The campaign to show.
 * @attr can-stop - Offers a Stop sending button while the campaign has
 *   messages still to send.
 * @attr api-base - Where the API lives; `/api/v1` by default.
 * @attr time-zone - The IANA time zone to show times in; else one an
 *   ancestor provides (`provideTimeZone`), else the browser's.
 *
 * @fires campaign-stopped - Stop sending was pressed and the campaign
 *   stopped; `detail` is the campaign.
 *
 * @csspart progress - The progress bar.
 * @csspart skipped - The list of recipients not texted.
 * @csspart state - The loading or error notice.
 * @csspart reconnecting - The notice while the event stream is down.
 *
 * @tagname campaign-progress
 */
export class CampaignProgress extends LiveElement {
  static override styles = [
    tokens,
    buttonStyles,
    stateStyles,
    panelStyles,
    styles,
  ];

  static override properties = {
    campaignId: { attribute: 'campaign-id' },
    canStop: { attribute: 'can-stop', type: Boolean },
    campaign: { state: true },
    stopping: { state: true },
    refusal: { state: true },
  };

  declare campaignId: string;
  declare canStop: boolean;
  declare protected campaign: Campaign | undefined;
  declare protected stopping: boolean;
  declare protected refusal: Failure | undefined;
  /** The latest update heard for this campaign, even while loading. */
  private heard?: Campaign;

  constructor() {
    super();
    this.campaignId = '';
    this.canStop = false;
    this.campaign = undefined;
    this.stopping = false;
    this.refusal = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('campaignId') && changed.get('campaignId') !== undefined) {
      this.campaign = undefined;
      this.heard = undefined;
      this.refusal = undefined;
      this.stopping = false;
      this.reload();
    }
  }

  protected override render() {
    const state = this.renderState(
      msg('Loading the campaign…'),
      msg('Couldn’t load this campaign.'),
    );
    const campaign = this.campaign;
    if (state || !campaign) return state;
    const { sent, skipped, pending } = campaign.counts;
    const total = sent + skipped + pending;
    const done = sent + skipped;
    const open =
      campaign.status === 'SCHEDULED' || campaign.status === 'IN_PROGRESS';
    return html`${this.renderReconnecting()}
      <section aria-label=${msg(str`${campaign.name} campaign`)}>
        <header>
          <h2><bdi>${campaign.name}</bdi></h2>
          <span class="status ${campaign.status.toLowerCase()}"
            >${statusText(campaign.status)}</span
          >
          <span class="from"
            >${msg(str`from ${formatPhone(campaign.from)}`)}</span
          >
        </header>
        <progress
          part="progress"
          max=${Math.max(total, 1)}
          .value=${done}
          aria-label=${msg(str`${done} of ${total} recipients done`)}
        ></progress>
        <p class="counts">
          <span>
            ${
              // One of each is its own message: Spanish agrees in number.
              sent === 1
                ? msg(html`<strong>${sent}</strong> sent`, { id: 'sent-one' })
                : msg(html`<strong>${sent}</strong> sent`)
            }
          </span>
          <span>
            ${
              skipped === 1
                ? msg(html`<strong>${skipped}</strong> skipped`, {
                    id: 'skipped-one',
                  })
                : msg(html`<strong>${skipped}</strong> skipped`)
            }
          </span>
          <span>
            ${
              campaign.status !== 'STOPPED'
                ? msg(html`<strong>${pending}</strong> to send`)
                : pending === 1
                  ? msg(html`<strong>${pending}</strong> not sent`, {
                      id: 'not-sent-one',
                    })
                  : msg(html`<strong>${pending}</strong> not sent`)
            }
            <span class="of">${msg(str`of ${total}`)}</span>
          </span>
        </p>
        <p class="pace">${this.pace(campaign)}</p>
        ${
          campaign.skipped.length > 0
            ? html`<details>
                <summary>
                  ${msg(str`Not texted (${campaign.skipped.length})`)}
                </summary>
                <ul part="skipped">
                  ${campaign.skipped.map(
                    (s) =>
                      html`<li>
                        ${formatPhone(s.phoneNumber)}: ${skipText(s.reason)}
                      </li>`,
                  )}
                </ul>
              </details>`
            : nothing
        }
        ${
          this.canStop && open
            ? html`<button
                class="action"
                type="button"
                ?disabled=${this.stopping}
                @click=${() => this.stop()}
              >
                ${msg('Stop sending')}
              </button>`
            : nothing
        }
        ${
          this.refusal
            ? html`<p class="refused" role="alert">${this.refusal.message}</p>`
            : nothing
        }
      </section>`;
  }

  /** When and how fast it sends, in words. */
  private pace(campaign: Campaign): string {
    const rate = msg(
      str`up to ${campaign.ratePerFiveMinutes} messages every 5 minutes`,
    );
    switch (campaign.status) {
      case 'SCHEDULED':
        return campaign.sendAt
          ? msg(
              str`Starts ${formatFullTime(campaign.sendAt, this.zone.value)}, ${rate}.`,
            )
          : msg(str`Starts soon, ${rate}.`);
      case 'IN_PROGRESS':
        return msg(str`Sending ${rate}; the rest follow as the limit allows.`);
      case 'COMPLETED':
        return msg(
          str`Done: each recipient was texted or skipped. Created ${formatTime(campaign.createdAt, this.zone.value)}.`,
        );
      case 'STOPPED':
        return msg('Stopped: nothing more will be sent.');
    }
  }

  private async stop(): Promise<void> {
    if (this.stopping) return;
    const id = this.campaignId;
    this.stopping = true;
    this.refusal = undefined;
    try {
      const campaign = await this.live.client.stopCampaign(id);
      // The element may show another campaign by now.
      if (id !== this.campaignId) return;
      this.campaign = further(campaign, this.campaign);
      this.dispatchEvent(
        new CustomEvent('campaign-stopped', {
          detail: campaign,
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      if (id === this.campaignId) this.refusal = failureOf(error);
    } finally {
      if (id === this.campaignId) this.stopping = false;
    }
  }

  protected override async load(
    client: SmsKitClient,
    isCurrent: () => boolean,
  ): Promise<void> {
    if (!this.campaignId) {
      this.fail(
        kitFailure(
          () => msg('Set the campaign-id attribute to the campaign to show.'),
          false,
        ),
      );
      return;
    }
    try {
      const campaign = await client.getCampaign(this.campaignId);
      if (!isCurrent()) return;
      // An update heard while the answer was on its way may be newer.
      this.campaign = further(campaign, this.heard);
      this.status = 'ready';
    } catch (error) {
      if (isCurrent()) this.fail(failureOf(error));
    }
  }

  protected override onEvent(event: EngineEvent): void {
    if (event.type === 'campaign.updated') {
      if (event.data.id !== this.campaignId) return;
      this.heard = event.data;
      if (this.status === 'ready') this.campaign = event.data;
    } else if (
      event.type === 'engine.reset' ||
      event.type === 'events.missed'
    ) {
      this.reload();
    }
  }
}
