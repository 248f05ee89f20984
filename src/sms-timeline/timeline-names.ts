/**
 * The names a timeline's rows show beside the ids its items carry: inbox
 * and line names, agents and campaigns. Looked up once each, kept fresh by
 * the event stream.
 */
import { msg } from '@lit/localize';
import type { SmsKitClient } from '../sdk/client.js';
import type { Customer, Inbox, TimelineItem } from '../sdk/schemas.js';
import type { RowContext } from './timeline-rows.js';

export class TimelineNames implements RowContext {
  customer: Customer | undefined;
  timeZone: string | undefined;
  private inboxes = new Map<string, Inbox>();
  private readonly agents = new Map<string, string>();
  private readonly campaigns = new Map<string, string>();

  inboxName(id: string): string {
    return this.inboxes.get(id)?.name ?? msg('an inbox');
  }

  lineName(number: string): string {
    for (const inbox of this.inboxes.values()) {
      if (inbox.phoneNumbers.includes(number)) return inbox.name;
    }
    return '';
  }

  agentName(id: string): string {
    return this.agents.get(id) ?? msg('an agent');
  }

  campaignName(id: string): string {
    return this.campaigns.get(id) ?? msg('a campaign');
  }

  setInboxes(inboxes: Inbox[]): void {
    this.inboxes = new Map(inboxes.map((inbox) => [inbox.id, inbox]));
  }

  /** Takes in a change; says whether a name shown may have changed. */
  updateInbox(inbox: Inbox): boolean {
    this.inboxes.set(inbox.id, inbox);
    return true;
  }

  updateAgent(id: string, name: string): boolean {
    if (this.agents.get(id) === name) return false;
    this.agents.set(id, name);
    return true;
  }

  /** Fetches the agent and campaign names `items` mention and we lack. */
  async lookUp(client: SmsKitClient, items: TimelineItem[]): Promise<void> {
    const agentIds = new Set<string>();
    const campaignIds = new Set<string>();
    for (const { content, initiator } of items) {
      if (content.type === 'ROUTING' && content.agentId) {
        agentIds.add(content.agentId);
      }
      if (initiator.type === 'AGENT' && initiator.id) {
        agentIds.add(initiator.id);
      }
      if (content.type !== 'SMS') continue;
      if (content.campaign) {
        this.campaigns.set(content.campaign.id, content.campaign.name);
      }
      if (content.inResponseTo) {
        campaignIds.add(content.inResponseTo.campaignId);
      }
    }
    const agents = [...agentIds].filter((id) => !this.agents.has(id));
    const campaigns = [...campaignIds].filter((id) => !this.campaigns.has(id));
    // A name that cannot be fetched falls back to a generic word; the
    // message itself still shows.
    await Promise.allSettled([
      ...agents.map(async (id) =>
        this.agents.set(id, (await client.getAgent(id)).name),
      ),
      ...campaigns.map(async (id) =>
        this.campaigns.set(id, (await client.getCampaign(id)).name),
      ),
    ]);
  }
}
