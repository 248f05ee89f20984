/**
 * How each kind of timeline item looks. Pure templates over the item and
 * the names the timeline has looked up; no state of their own.
 */
import { msg, str } from '@lit/localize';
import { nothing } from 'lit';
import { html } from '../shared/compact-html.js';
import type {
  Customer,
  KeywordContent,
  RoutingContent,
  SmsContent,
  TimelineItem,
} from '../sdk/schemas.js';
import { formatFullTime, formatName, formatTime } from '../shared/format.js';
import { kindName, kindOf } from '../sms-attachment/sms-attachment.js';
import { describeDelivery, undelivered } from '../shared/delivery.js';
import type { OutgoingReply } from '../shared/outbox.js';

/** What the rows need besides the item itself. */
export interface RowContext {
  customer: Customer | undefined;
  inboxName(id: string): string;
  /** The name of the inbox a number is linked to, or ''. */
  lineName(number: string): string;
  agentName(id: string): string;
  campaignName(id: string): string;
  /** The IANA zone times show in; the browser's when undefined. */
  timeZone?: string;
}

const time = (iso: string, timeZone?: string) =>
  html`<time datetime=${iso} title=${formatFullTime(iso, timeZone)}
    >${formatTime(iso, timeZone)}</time
  >`;

export function renderRow(item: TimelineItem, ctx: RowContext) {
  const content = item.content;
  if (content.type === 'ROUTING') return renderRouting(content, ctx);
  if (content.type !== 'SMS') return renderKeyword(content, ctx);
  if (content.campaign) return renderCampaign(item, content, ctx);
  return html`${content.inResponseTo ? renderMarker(item, content, ctx) : nothing}
  ${renderBubble(item, content, ctx)}`;
}

/** A customer's STOP, START or HELP, as a quiet line like routing's. */
function renderKeyword(content: KeywordContent, ctx: RowContext) {
  const who = html`<bdi
    >${formatName(ctx.customer?.name ?? content.phoneNumber)}</bdi
  >`;
  const keyword = html`<strong>${content.keyword}</strong>`;
  const line = {
    OPT_OUT: () => msg(html`${who} opted out of SMS · texted ${keyword}`),
    OPT_IN: () => msg(html`${who} opted back in to SMS · texted ${keyword}`),
    HELP: () => msg(html`${who} asked for help · texted ${keyword}`),
  }[content.type];
  return html`<p
    class="routing keyword ${content.type.toLowerCase()}"
    part="keyword"
  >
    ${line()}
  </p>`;
}

/** An attachment's text alternative: what it is and who sent it. */
function attachmentLabel(
  contentType: string,
  index: number,
  count: number,
  who: string,
): string {
  const kind = kindName(kindOf(contentType));
  const n = index + 1;
  return count > 1
    ? msg(str`${kind} ${n} from ${who}`)
    : msg(str`${kind} from ${who}`);
}

function renderCampaign(
  item: TimelineItem,
  content: SmsContent,
  ctx: RowContext,
) {
  const campaign = content.campaign!;
  return html`<campaign-answer
    campaign-name=${campaign.name}
    answer-name=${campaign.answerName}
    body=${content.body}
    sent-at=${item.timestamp}
    from=${content.from}
    to=${content.to}
    from-label=${ctx.lineName(content.from)}
    to-label=${formatName(ctx.customer?.name ?? '')}
    delivery=${
      // "Sent" would repeat the stamp's own word.
      content.delivery && content.delivery.status !== 'sent'
        ? describeDelivery(content.delivery)
        : ''
    }
    ?delivery-failed=${content.delivery ? undelivered(content.delivery) : false}
    time-zone=${ctx.timeZone ?? ''}
  ></campaign-answer>`;
}

/** The campaign number the customer replied to is the reply's `to`. */
function renderMarker(
  item: TimelineItem,
  content: SmsContent,
  ctx: RowContext,
) {
  return html`<reply-marker
    customer-name=${formatName(ctx.customer?.name ?? content.from)}
    campaign-name=${ctx.campaignName(content.inResponseTo!.campaignId)}
    at=${item.timestamp}
    from=${content.to}
    to=${content.from}
    from-label=${ctx.lineName(content.to)}
    time-zone=${ctx.timeZone ?? ''}
  ></reply-marker>`;
}

function renderBubble(
  item: TimelineItem,
  content: SmsContent,
  ctx: RowContext,
) {
  const outbound = item.initiator.type !== 'CUSTOMER';
  const who = outbound
    ? item.initiator.id
      ? ctx.agentName(item.initiator.id)
      : msg('Agent')
    : formatName(ctx.customer?.name ?? content.from);
  return html`<div
    class="message ${outbound ? 'outbound' : 'inbound'}"
    part="message"
  >
    <div class="bubble" part="bubble">
      ${content.body ? html`<p class="text" dir="auto">${content.body}</p>` : nothing}
      ${content.attachments.map(
        (a, i) =>
          html`<sms-attachment
            class="attachment"
            url=${a.url}
            content-type=${a.contentType}
            label=${attachmentLabel(a.contentType, i, content.attachments.length, who)}
          ></sms-attachment>`,
      )}
    </div>
    <div class="meta">
      <bdi>${who}</bdi> ·
      ${time(item.timestamp, ctx.timeZone)}${
        outbound && content.delivery
          ? html` ·
              <span
                class="delivery ${undelivered(content.delivery) ? 'failed' : ''}"
                part="delivery"
                title=${msg(
                  str`Updated ${formatFullTime(content.delivery.updatedAt, ctx.timeZone)}`,
                )}
                >${describeDelivery(content.delivery)}</span
              >`
          : nothing
      }
    </div>
  </div>`;
}

function renderRouting(
  content: Extract<TimelineItem['content'], { type: 'ROUTING' }>,
  ctx: RowContext,
) {
  // Names are isolated with <bdi>, so a right-to-left name cannot reorder
  // the words around it.
  const inbox = html`<bdi>${ctx.inboxName(content.inboxId)}</bdi>`;
  const agent = html`<bdi>${ctx.agentName(content.agentId ?? '')}</bdi>`;
  const outcomes: Record<RoutingContent['reason'], () => unknown> = {
    ASSIGNED: () => msg(html`assigned to ${agent}`),
    QUEUED: () => msg('waiting for an agent'),
    ASSIGNED_FROM_QUEUE: () => msg(html`assigned to ${agent} from the queue`),
    NEXT_REQUESTED: () => msg(html`${agent} took it from the queue`),
    STICKY: () => msg(html`back to ${agent}, who had the last conversation`),
    REQUEUED: () => msg('back in the queue: the agent went offline'),
    OFFERED: () => msg(html`offered to ${agent}`),
    ACCEPTED: () => msg(html`${agent} accepted`),
    DECLINED: () => msg(html`${agent} declined`),
    MISSED: () => msg(html`${agent} missed the offer`),
    WITHDRAWN: () =>
      msg(html`offer to ${agent} withdrawn: they are no longer available`),
  };
  const outcome = outcomes[content.reason]();
  return html`<p class="routing" part="routing">
    ${msg(html`Routed to ${inbox} · ${outcome}`)}
  </p>`;
}

/**
 * A reply sent from this page that the timeline has no item for yet: as
 * sending, sent, or failed with a retry. Its text is the agent's own.
 */
export function renderOutgoing(
  reply: OutgoingReply,
  ctx: RowContext,
  actions: { retry: () => void; discard: () => void },
) {
  const status =
    reply.status === 'failed'
      ? html`<span class="failed" role="alert"
            >${msg(str`Not sent: ${reply.failure?.message ?? ''}`)}</span
          >
          <button class="action" type="button" @click=${actions.retry}>
            ${msg('Try again')}
          </button>
          <button class="action" type="button" @click=${actions.discard}>
            ${msg('Discard')}
          </button>`
      : reply.status === 'sending'
        ? msg('Sending…')
        : msg('Sent');
  return html`<div
    class="message outbound pending ${reply.status}"
    part="message"
    data-status=${reply.status}
  >
    <div class="bubble" part="bubble">
      <p class="text" dir="auto">${reply.body}</p>
    </div>
    <div class="meta">
      <bdi>${ctx.agentName(reply.agentId)}</bdi> · ${status}
    </div>
  </div>`;
}

/**
 * A message that came in live, in words for a screen reader: who, and
 * what they wrote. Routing lines are not said; they are not messages.
 */
export function describeForAnnouncement(
  item: TimelineItem,
  ctx: RowContext,
): string {
  const content = item.content;
  const customer = formatName(ctx.customer?.name ?? msg('The customer'));
  switch (content.type) {
    case 'SMS': {
      // An agent sees their own replies go out; they are not announced.
      if (item.initiator.type === 'AGENT') return '';
      const who =
        item.initiator.type === 'CUSTOMER'
          ? customer
          : ctx.lineName(content.from) || msg('The business');
      const files = content.attachments.length;
      const body =
        content.body ||
        (files === 1 ? msg('sent a file') : msg(str`sent ${files} files`));
      return msg(str`${who}: ${body}`);
    }
    case 'ROUTING':
      return '';
    case 'OPT_OUT':
      return msg(str`${customer} opted out of SMS.`);
    case 'OPT_IN':
      return msg(str`${customer} opted back in to SMS.`);
    default:
      return msg(str`${customer} asked for help.`);
  }
}
