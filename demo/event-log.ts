/** The demo's event log: each engine event as a sentence a person reads. */
import type { EngineEvent } from '../src/index.js';
import { formatName } from '../src/shared/format.js';
import { POLICY_NAMES } from './controls.js';

/** Names by id, as the page knows them (the id itself when it does not). */
export interface Names {
  customer(id: string): string;
  agent(id: string): string;
  inbox(id: string): string;
}

export function describeEvent(
  event: EngineEvent,
  names: Names,
): string | undefined {
  const customerName = (id: string) => formatName(names.customer(id));
  const agentName = (id: string | null) => (id ? names.agent(id) : 'nobody');
  const inboxName = (id: string) => names.inbox(id);

  switch (event.type) {
    case 'item.created': {
      const { content, customerId, initiator } = event.data;
      const who = customerName(customerId);
      if (content.type === 'ROUTING') {
        if (content.reason === 'REQUEUED') {
          return `${who}'s conversation went back to the queue: the agent went offline`;
        }
        const offerWords: Partial<Record<typeof content.reason, string>> = {
          OFFERED: 'offered to',
          ACCEPTED: 'accepted by',
          DECLINED: 'declined by',
          MISSED: 'missed by',
          WITHDRAWN: 'withdrawn from',
        };
        const words = offerWords[content.reason];
        if (words) {
          return `${who}'s conversation ${words} ${agentName(content.agentId)}`;
        }
        if (content.reason === 'STICKY') {
          return `${who} texted again soon after closing: back to ${agentName(content.agentId)}`;
        }
        return content.agentId
          ? `${who}'s conversation assigned to ${agentName(content.agentId)} (${inboxName(content.inboxId)})`
          : `${who}'s conversation is waiting in ${inboxName(content.inboxId)}`;
      }
      if (content.type !== 'SMS') {
        return `${who} texted ${content.keyword}: ${
          content.type === 'OPT_OUT'
            ? 'SMS to them is now off'
            : content.type === 'OPT_IN'
              ? 'SMS to them is on again'
              : 'they asked for help'
        }`;
      }
      if (content.campaign)
        return `Campaign "${content.campaign.name}" sent to ${who}`;
      if (initiator.type === 'AGENT')
        return `${agentName(initiator.id ?? null)} replied to ${who}`;
      return content.inResponseTo
        ? `${who} responded to the campaign SMS: "${content.body}"`
        : `${who} texted: "${content.body}"`;
    }
    case 'conversation.updated':
      return event.data.status === 'CLOSED'
        ? `${customerName(event.data.customerId)}'s conversation closed`
        : undefined;
    case 'agent.updated':
      return `${event.data.name}: ${event.data.status.toLowerCase()}, ${event.data.openConversations} / ${event.data.capacity} open`;
    case 'campaign.updated': {
      const { name, status, counts } = event.data;
      // Each message sent is logged already; say only where it stands.
      if (status === 'IN_PROGRESS' && counts.sent > 0) return undefined;
      return `Campaign "${name}": ${status.toLowerCase().replace('_', ' ')}, ${counts.sent} sent, ${counts.skipped} skipped, ${counts.pending} to send`;
    }
    case 'inbox.updated': {
      const { name, policy, offerTimeoutSeconds } = event.data;
      const offers =
        offerTimeoutSeconds > 0
          ? `offers for ${offerTimeoutSeconds} s`
          : 'assigns at once';
      return `${name}: routes by ${POLICY_NAMES[policy].toLowerCase()}, ${offers}`;
    }
    case 'item.updated': {
      // An agent's reply, once it arrives or fails; a campaign's many
      // messages would drown the log.
      const { content, customerId } = event.data;
      if (content.type !== 'SMS' || !content.delivery || content.campaign) {
        return undefined;
      }
      const { status, errorCode } = content.delivery;
      if (!['delivered', 'undelivered', 'failed'].includes(status)) {
        return undefined;
      }
      return `Reply to ${customerName(customerId)}: ${status}${errorCode ? ` (error ${errorCode})` : ''}`;
    }
    case 'engine.reset':
      return 'The engine was reset';
    default:
      return undefined;
  }
}
