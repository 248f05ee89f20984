/**
 * The engine's state and the few ways to touch it: lookups that refuse
 * unknown ids, the one counter that orders everything, and writes that
 * record an event for each change. The engine's operations are built on
 * this; nothing else reaches into the maps.
 */
import type {
  Agent,
  Conversation,
  Customer,
  EngineEvent,
  Inbox,
  TimelineItem,
} from '../../src/sdk/schemas.js';
import { notFound } from './errors.js';
import { EventLog, type NewEvent } from './event-log.js';
import {
  emptyState,
  type AgentRecord,
  type Clock,
  type ConversationRecord,
  type EngineState,
} from './records.js';
import { insertSorted } from './timeline.js';

type NewItem = Omit<TimelineItem, 'id' | 'timestamp'>;

type EventData<T extends EngineEvent['type']> = Extract<
  EngineEvent,
  { type: T }
>['data'];

/** The key of a customer's open conversation in one inbox. */
export const openKey = (customerId: string, inboxId: string) =>
  `${customerId}|${inboxId}`;

export class Store {
  readonly events = new EventLog();
  state: EngineState = emptyState();
  /** One counter orders everything: ids, assignments, queue arrivals. */
  private seq = 0;

  constructor(readonly clock: Clock) {}

  // Lookups that refuse unknown ids, naming the request field when given.

  inbox(id: string, field?: string): Inbox {
    const inbox = this.state.inboxes.get(id);
    if (!inbox) throw notFound('inbox', id, field);
    return inbox;
  }

  agent(id: string, field?: string): AgentRecord {
    const agent = this.state.agents.get(id);
    if (!agent) throw notFound('agent', id, field);
    return agent;
  }

  customer(id: string, field?: string): Customer {
    const customer = this.state.customers.get(id);
    if (!customer) throw notFound('customer', id, field);
    return customer;
  }

  conversation(id: string): ConversationRecord {
    const conversation = this.state.conversations.get(id);
    if (!conversation) throw notFound('conversation', id);
    return conversation;
  }

  agentsOf(inboxId: string): AgentRecord[] {
    return [...this.state.agents.values()].filter((a) =>
      a.inboxIds.includes(inboxId),
    );
  }

  openConversation(customerId: string, inboxId: string) {
    const id = this.state.openByKey.get(openKey(customerId, inboxId));
    return id === undefined ? undefined : this.conversation(id);
  }

  /** Whether `number` of `customer` may be texted: not opted out. */
  textable(customer: Customer, number: string): boolean {
    const phone = customer.phones.find((p) => p.number === number);
    return phone?.smsPreference !== 'OFF';
  }

  // Writes.

  tick(): number {
    return ++this.seq;
  }

  nextId(prefix: string): string {
    return `${prefix}_${this.tick()}`;
  }

  now(): string {
    return this.clock.now().toISOString();
  }

  emit<T extends EngineEvent['type']>(type: T, data: EventData<T>): void {
    this.events.append({ type, data: structuredClone(data) } as NewEvent);
  }

  findOrCreateCustomer(number: string, name: string): Customer {
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
    this.state.conversationsByCustomer.set(customer.id, []);
    this.emit('customer.updated', customer);
    return customer;
  }

  /** Adds an item to its customer's timeline, stamped with the clock. */
  append(fields: NewItem): TimelineItem {
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

  // Views: the wire shapes, without what only the engine needs.

  agentView(agent: AgentRecord): Agent {
    return {
      id: agent.id,
      name: agent.name,
      inboxIds: [...agent.inboxIds],
      capacity: agent.capacity,
      maxCapacity: agent.maxCapacity ?? agent.capacity,
      status: agent.status,
      openConversations: agent.openConversations,
      pendingOffers: agent.pendingOffers,
      lastAssignedAt: agent.lastAssignedAt,
    };
  }

  conversationView(c: ConversationRecord): Conversation {
    const { id, customerId, inboxId, agentId, status, createdAt } = c;
    return { id, customerId, inboxId, agentId, status, createdAt };
  }

  /** Empties the state; event ids go on rising. */
  reset(): void {
    this.state = emptyState();
    this.events.clear();
    this.emit('engine.reset', {});
  }
}
