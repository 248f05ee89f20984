/**
 * The mock routing engine: inboxes, agents, customers, conversations and
 * their timelines, and the rules that route a customer's SMS to an agent.
 *
 * It is plain TypeScript over plain data. It imports no MSW, no DOM and no
 * clock: time comes from the Clock it is given, so the browser, Node tests
 * and a real server can all run the same engine. Inputs are expected to
 * have passed the shared request schemas; the engine checks what only it
 * can (ids, links, conflicts) before it changes anything, so a refusal
 * leaves the state as it was.
 */
import type {
  Agent,
  Campaign,
  Conversation,
  CreateAgentRequest,
  CreateCampaignRequest,
  CreateInboxRequest,
  Customer,
  EngineEvent,
  Inbox,
  InboxQueue,
  TimelineItem,
  TimelinePage,
  UpdateAgentRequest,
} from '../../src/sdk/schemas.js';
import { EngineError, notFound } from './errors.js';
import { EventLog, type NewEvent } from './event-log.js';
import {
  emptyState,
  type AgentRecord,
  type Clock,
  type ConversationRecord,
  type EngineState,
  type InboundSms,
} from './records.js';
import { pickAgent } from './routing.js';
import { insertSorted, pageOf } from './timeline.js';

type NewItem = Omit<TimelineItem, 'id' | 'timestamp'>;
type RoutingReason = 'ASSIGNED' | 'QUEUED' | 'ASSIGNED_FROM_QUEUE';

export class Engine {
  readonly events = new EventLog();
  private state: EngineState = emptyState();
  /** One counter orders everything: ids, assignments, queue arrivals. */
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  reset(): void {
    this.state = emptyState();
    this.events.clear();
    this.emit('engine.reset', {});
  }

  // Inboxes.

  createInbox(input: CreateInboxRequest): Inbox {
    const seen = new Set<string>();
    input.phoneNumbers.forEach((number, index) => {
      const field = `phoneNumbers.${index}`;
      if (seen.has(number)) {
        throw new EngineError(
          'invalid',
          `${field}: ${number} is listed twice.`,
          field,
        );
      }
      seen.add(number);
      const owner = this.state.inboxByNumber.get(number);
      if (owner) {
        const name = this.state.inboxes.get(owner)!.name;
        throw new EngineError(
          'conflict',
          `${field}: ${number} is already linked to the inbox "${name}" (${owner}).`,
          field,
        );
      }
    });
    const inbox: Inbox = {
      id: this.nextId('inb'),
      name: input.name,
      phoneNumbers: [...input.phoneNumbers],
    };
    this.state.inboxes.set(inbox.id, inbox);
    this.state.waiting.set(inbox.id, []);
    for (const number of inbox.phoneNumbers) {
      this.state.inboxByNumber.set(number, inbox.id);
    }
    this.emit('inbox.updated', inbox);
    return structuredClone(inbox);
  }

  listInboxes(): Inbox[] {
    return [...this.state.inboxes.values()].map((i) => structuredClone(i));
  }

  getInbox(id: string): Inbox {
    return structuredClone(this.inbox(id));
  }

  // Agents.

  createAgent(input: CreateAgentRequest): Agent {
    input.inboxIds.forEach((id, index) => this.inbox(id, `inboxIds.${index}`));
    const seq = this.tick();
    const agent: AgentRecord = {
      id: `agt_${seq}`,
      name: input.name,
      inboxIds: [...new Set(input.inboxIds)],
      capacity: input.capacity,
      status: input.status ?? 'AVAILABLE',
      lastAssignedAt: null,
      lastAssignedSeq: 0,
      createdSeq: seq,
      openConversations: 0,
    };
    this.state.agents.set(agent.id, agent);
    this.state.openByAgent.set(agent.id, new Set());
    this.emit('agent.updated', this.agentView(agent));
    this.drain();
    return this.getAgent(agent.id);
  }

  getAgent(id: string): Agent {
    return this.agentView(this.agent(id));
  }

  listAgents(): Agent[] {
    return [...this.state.agents.values()].map((a) => this.agentView(a));
  }

  /** A change of status or capacity; freed capacity drains the queues. */
  updateAgent(id: string, patch: UpdateAgentRequest): Agent {
    const agent = this.agent(id);
    if (patch.status !== undefined) agent.status = patch.status;
    if (patch.capacity !== undefined) agent.capacity = patch.capacity;
    this.emit('agent.updated', this.agentView(agent));
    this.drain();
    return this.getAgent(id);
  }

  // Campaigns.

  /**
   * Sends at once: each recipient is found or created by phone number and
   * the campaign SMS lands on their timeline as a Messaging Answer.
   */
  createCampaign(input: CreateCampaignRequest): Campaign {
    if (!this.state.inboxByNumber.has(input.from)) {
      throw new EngineError(
        'not_found',
        `from: ${input.from} is not linked to any inbox, so replies could not be routed.`,
        'from',
      );
    }
    const seen = new Set<string>();
    input.recipients.forEach(({ phoneNumber }, index) => {
      const field = `recipients.${index}.phoneNumber`;
      if (seen.has(phoneNumber)) {
        throw new EngineError(
          'invalid',
          `${field}: ${phoneNumber} is listed twice.`,
          field,
        );
      }
      seen.add(phoneNumber);
    });

    const id = this.nextId('cmp');
    const campaign: Campaign = {
      id,
      name: input.name,
      from: input.from,
      answer: { ...input.answer },
      recipients: [],
      sentAt: this.now(),
    };
    for (const recipient of input.recipients) {
      const customer = this.findOrCreateCustomer(
        recipient.phoneNumber,
        recipient.name,
      );
      const item = this.append({
        conversationId: null,
        customerId: customer.id,
        initiator: { type: 'CAMPAIGN', id },
        content: {
          type: 'SMS',
          from: input.from,
          to: recipient.phoneNumber,
          body: input.answer.body,
          attachments: [],
          campaign: { id, name: input.name, answerName: input.answer.name },
        },
      });
      this.state.unanswered.set(`${recipient.phoneNumber}|${input.from}`, {
        campaignId: id,
        itemId: item.id,
      });
      campaign.recipients.push({
        customerId: customer.id,
        phoneNumber: recipient.phoneNumber,
        itemId: item.id,
      });
    }
    this.state.campaigns.set(id, campaign);
    return structuredClone(campaign);
  }

  getCampaign(id: string): Campaign {
    const campaign = this.state.campaigns.get(id);
    if (!campaign) throw notFound('campaign', id);
    return structuredClone(campaign);
  }

  // Inbound SMS.

  /**
   * Takes in a customer's SMS. A repeated MessageSid changes nothing and
   * returns the item stored the first time.
   */
  receiveSms(sms: InboundSms): { item: TimelineItem; repeat: boolean } {
    const earlier = this.state.messageSids.get(sms.messageSid);
    if (earlier) return { item: this.findItem(earlier), repeat: true };

    const inboxId = this.state.inboxByNumber.get(sms.to);
    if (!inboxId) {
      throw new EngineError(
        'not_found',
        `To: ${sms.to} is not linked to any inbox; the message was not stored.`,
        'To',
      );
    }

    const customer = this.findOrCreateCustomer(sms.from, sms.from);
    let conversation = this.openConversation(customer.id, inboxId);
    const isNew = !conversation;
    conversation ??= this.openNewConversation(customer.id, inboxId, sms);

    const key = `${sms.from}|${sms.to}`;
    const inResponseTo = this.state.unanswered.get(key);
    this.state.unanswered.delete(key);
    const item = this.append({
      conversationId: conversation.id,
      customerId: customer.id,
      initiator: { type: 'CUSTOMER', id: customer.id },
      content: {
        type: 'SMS',
        from: sms.from,
        to: sms.to,
        body: sms.body,
        attachments: sms.attachments.map((a) => ({ ...a })),
        ...(inResponseTo && { inResponseTo }),
      },
    });
    this.state.messageSids.set(sms.messageSid, item.id);

    if (isNew) this.route(conversation);
    return { item: structuredClone(item), repeat: false };
  }

  // Customers and timelines.

  findCustomersByPhone(phone: string): Customer[] {
    const id = this.state.customerByNumber.get(phone);
    return id ? [this.getCustomer(id)] : [];
  }

  getCustomer(id: string): Customer {
    return structuredClone(this.customer(id));
  }

  getTimeline(
    customerId: string,
    limit?: number,
    before?: string,
  ): TimelinePage {
    this.customer(customerId);
    const page = pageOf(
      this.state.timelines.get(customerId) ?? [],
      limit,
      before,
    );
    return structuredClone(page);
  }

  // Conversations.

  listConversations(customerId: string): Conversation[] {
    this.customer(customerId, 'customerId');
    return [...this.state.conversations.values()]
      .filter((c) => c.customerId === customerId)
      .map((c) => this.conversationView(c));
  }

  getConversation(id: string): Conversation {
    return this.conversationView(this.conversation(id));
  }

  /**
   * Closes a conversation an agent holds, freeing their capacity. One still
   * waiting in the queue is refused: closing it would leave the customer's
   * message with nobody, which rule 7 forbids.
   */
  closeConversation(id: string): Conversation {
    const conversation = this.conversation(id);
    if (conversation.status === 'CLOSED')
      return this.conversationView(conversation);
    if (conversation.agentId === null) {
      throw new EngineError(
        'conflict',
        `Conversation ${id} is waiting in its inbox's queue; it can be closed once an agent has it.`,
        'status',
      );
    }
    const agent = this.agent(conversation.agentId);
    conversation.status = 'CLOSED';
    const held = this.state.openByAgent.get(agent.id)!;
    held.delete(id);
    agent.openConversations = held.size;
    this.emit('conversation.updated', this.conversationView(conversation));
    this.emit('agent.updated', this.agentView(agent));
    this.drain();
    return this.conversationView(conversation);
  }

  /** The agent's reply, sent from the inbox number the customer texted. */
  sendAgentMessage(
    conversationId: string,
    agentId: string,
    body: string,
  ): TimelineItem {
    const conversation = this.conversation(conversationId);
    this.agent(agentId, 'agentId');
    if (conversation.status !== 'OPEN') {
      throw new EngineError(
        'conflict',
        `Conversation ${conversationId} is closed.`,
        'status',
      );
    }
    if (conversation.agentId !== agentId) {
      const holder = conversation.agentId
        ? `is assigned to ${conversation.agentId}`
        : 'is waiting for an agent';
      throw new EngineError(
        'conflict',
        `agentId: ${agentId} cannot reply; conversation ${conversationId} ${holder}.`,
        'agentId',
      );
    }
    const item = this.append({
      conversationId,
      customerId: conversation.customerId,
      initiator: { type: 'AGENT', id: agentId },
      content: {
        type: 'SMS',
        from: conversation.inboxNumber,
        to: conversation.customerNumber,
        body,
        attachments: [],
      },
    });
    return structuredClone(item);
  }

  getQueue(inboxId: string): InboxQueue {
    const inbox = this.inbox(inboxId);
    const since = (id: string) => this.conversation(id).createdAt;
    const agents = this.agentsOf(inboxId);
    const assignments = agents.flatMap((agent) =>
      [...this.state.openByAgent.get(agent.id)!]
        .map((id) => this.conversation(id))
        .filter((c) => c.inboxId === inboxId)
        .map((c) => ({
          conversationId: c.id,
          customerId: c.customerId,
          customerName: this.customer(c.customerId).name,
          agentId: agent.id,
        })),
    );
    return structuredClone({
      inbox,
      waiting: this.state.waiting.get(inboxId)!.map((id) => {
        const { customerId } = this.conversation(id);
        return {
          conversationId: id,
          customerId,
          customerName: this.customer(customerId).name,
          since: since(id),
        };
      }),
      agents: agents.map((a) => this.agentView(a)),
      assignments,
    });
  }

  /**
   * Checks rule 7 over the whole state: every customer message is in an
   * open conversation with an agent, in a queue, or in a closed one an
   * agent had. Returns what breaks it; empty when nothing does.
   */
  lostMessages(): string[] {
    const lost: string[] = [];
    for (const [itemId, conversationId] of this.messagesByConversation()) {
      const c = this.state.conversations.get(conversationId);
      const queued = c && this.state.waiting.get(c.inboxId)!.includes(c.id);
      if (!c || (c.agentId === null && !queued)) lost.push(itemId);
    }
    return lost;
  }

  // Routing.

  private openNewConversation(
    customerId: string,
    inboxId: string,
    sms: InboundSms,
  ): ConversationRecord {
    const conversation: ConversationRecord = {
      id: this.nextId('cnv'),
      customerId,
      inboxId,
      agentId: null,
      status: 'OPEN',
      createdAt: this.now(),
      inboxNumber: sms.to,
      customerNumber: sms.from,
    };
    this.state.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** Assigns a new conversation, or queues it when no agent may take it. */
  private route(conversation: ConversationRecord): void {
    const agent = pickAgent(this.agentsOf(conversation.inboxId));
    if (agent) {
      this.assign(conversation, agent, 'ASSIGNED');
      return;
    }
    this.state.waiting.get(conversation.inboxId)!.push(conversation.id);
    this.state.queuedSeq.set(conversation.id, this.tick());
    this.emit('conversation.updated', this.conversationView(conversation));
    this.routingItem(conversation, null, 'QUEUED');
  }

  /**
   * Lets waiting conversations through while any agent may take one, the
   * longest-waiting first across all queues. Within one inbox a head that
   * no agent may take blocks the rest, which is first come, first served.
   */
  private drain(): void {
    for (;;) {
      let next:
        { conversation: ConversationRecord; agent: AgentRecord } | undefined;
      let nextSeq = Infinity;
      for (const [inboxId, queue] of this.state.waiting) {
        if (queue.length === 0) continue;
        const seq = this.state.queuedSeq.get(queue[0]!)!;
        if (seq > nextSeq) continue;
        const agent = pickAgent(this.agentsOf(inboxId));
        if (agent) {
          next = { conversation: this.conversation(queue[0]!), agent };
          nextSeq = seq;
        }
      }
      if (!next) return;
      this.state.waiting.get(next.conversation.inboxId)!.shift();
      this.state.queuedSeq.delete(next.conversation.id);
      this.assign(next.conversation, next.agent, 'ASSIGNED_FROM_QUEUE');
    }
  }

  private assign(
    conversation: ConversationRecord,
    agent: AgentRecord,
    reason: RoutingReason,
  ): void {
    conversation.agentId = agent.id;
    agent.lastAssignedSeq = this.tick();
    agent.lastAssignedAt = this.now();
    const held = this.state.openByAgent.get(agent.id)!;
    held.add(conversation.id);
    agent.openConversations = held.size;
    this.emit('conversation.updated', this.conversationView(conversation));
    this.emit('agent.updated', this.agentView(agent));
    this.routingItem(conversation, agent.id, reason);
  }

  private routingItem(
    conversation: ConversationRecord,
    agentId: string | null,
    reason: RoutingReason,
  ): void {
    this.append({
      conversationId: conversation.id,
      customerId: conversation.customerId,
      initiator: { type: 'SYSTEM' },
      content: {
        type: 'ROUTING',
        inboxId: conversation.inboxId,
        agentId,
        reason,
      },
    });
  }

  // Lookups that refuse unknown ids.

  private inbox(id: string, field?: string): Inbox {
    const inbox = this.state.inboxes.get(id);
    if (!inbox) throw notFound('inbox', id, field);
    return inbox;
  }

  private agent(id: string, field?: string): AgentRecord {
    const agent = this.state.agents.get(id);
    if (!agent) throw notFound('agent', id, field);
    return agent;
  }

  private customer(id: string, field?: string): Customer {
    const customer = this.state.customers.get(id);
    if (!customer) throw notFound('customer', id, field);
    return customer;
  }

  private conversation(id: string): ConversationRecord {
    const conversation = this.state.conversations.get(id);
    if (!conversation) throw notFound('conversation', id);
    return conversation;
  }

  private agentsOf(inboxId: string): AgentRecord[] {
    return [...this.state.agents.values()].filter((a) =>
      a.inboxIds.includes(inboxId),
    );
  }

  private openConversation(customerId: string, inboxId: string) {
    for (const c of this.state.conversations.values()) {
      if (
        c.customerId === customerId &&
        c.inboxId === inboxId &&
        c.status === 'OPEN'
      ) {
        return c;
      }
    }
    return undefined;
  }

  private findItem(id: string): TimelineItem {
    for (const list of this.state.timelines.values()) {
      const found = list.find((r) => r.item.id === id);
      if (found) return structuredClone(found.item);
    }
    throw notFound('timeline item', id);
  }

  private *messagesByConversation(): Generator<[string, string]> {
    for (const list of this.state.timelines.values()) {
      for (const { item } of list) {
        if (item.initiator.type === 'CUSTOMER' && item.conversationId) {
          yield [item.id, item.conversationId];
        }
      }
    }
  }

  // Writing.

  private findOrCreateCustomer(number: string, name: string): Customer {
    const id = this.state.customerByNumber.get(number);
    if (id) return this.customer(id);
    const customer: Customer = {
      id: this.nextId('cus'),
      name,
      phones: [{ number, type: 'MOBILE', smsPreference: 'ON' }],
    };
    this.state.customers.set(customer.id, customer);
    this.state.customerByNumber.set(number, customer.id);
    this.state.timelines.set(customer.id, []);
    this.emit('customer.updated', customer);
    return customer;
  }

  private append(fields: NewItem): TimelineItem {
    const seq = this.tick();
    const item: TimelineItem = {
      id: `itm_${seq}`,
      timestamp: this.now(),
      ...fields,
    };
    insertSorted(this.state.timelines.get(item.customerId)!, { item, seq });
    this.emit('item.created', item);
    return item;
  }

  private emit<T extends EngineEvent['type']>(
    type: T,
    data: Extract<EngineEvent, { type: T }>['data'],
  ): void {
    this.events.append({ type, data: structuredClone(data) } as NewEvent);
  }

  private agentView(agent: AgentRecord): Agent {
    return {
      id: agent.id,
      name: agent.name,
      inboxIds: [...agent.inboxIds],
      capacity: agent.capacity,
      status: agent.status,
      openConversations: agent.openConversations,
      lastAssignedAt: agent.lastAssignedAt,
    };
  }

  private conversationView(c: ConversationRecord): Conversation {
    const { id, customerId, inboxId, agentId, status, createdAt } = c;
    return { id, customerId, inboxId, agentId, status, createdAt };
  }

  private tick(): number {
    return ++this.seq;
  }

  private nextId(prefix: string): string {
    return `${prefix}_${this.tick()}`;
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}
