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
  type TimelineRecord,
} from './records.js';
import { InboxRoster } from './roster.js';
import { scanRoster, standing, type Roster } from './routing.js';
import { insertSorted } from './timeline.js';

type NewItem = Omit<TimelineItem, 'id' | 'timestamp'>;

/**
 * Raised when what a snapshot holds changes shape. Format 1 had no reply
 * keys; it is read as having none.
 */
const SNAPSHOT_FORMAT = 2;

interface Snapshot {
  format: number;
  seq: number;
  sent: number;
  lastEventId: number;
  /** The engine's time when it was taken. */
  savedAt: string;
  state: Omit<EngineState, 'rosters'>;
}

type EventData<T extends EngineEvent['type']> = Extract<
  EngineEvent,
  { type: T }
>['data'];

/** The key of a customer's open conversation in one inbox. */
export const openKey = (customerId: string, inboxId: string) =>
  `${customerId}|${inboxId}`;

export interface StoreOptions {
  /**
   * How routing finds an agent: through each inbox's index (the default),
   * or by a plain scan of the inbox's agents, as a baseline to measure the
   * index against. Both choose the same agent.
   */
  choose?: 'index' | 'scan';
  /** How many recent events are kept for clients that reconnect. */
  keepEvents?: number;
}

export class Store {
  readonly events: EventLog;
  state: EngineState = emptyState();
  /** One counter orders everything: ids, assignments, queue arrivals. */
  private seq = 0;
  private sent = 0;
  private readonly scan: boolean;

  constructor(
    readonly clock: Clock,
    options: StoreOptions | null = {},
  ) {
    // Each option is checked where it is used, as keepEvents is by the log.
    const { choose = 'index', keepEvents } = options ?? {};
    if (choose !== 'index' && choose !== 'scan') {
      throw new RangeError(
        `choose must be 'index' or 'scan', not ${JSON.stringify(choose)}.`,
      );
    }
    this.scan = choose === 'scan';
    this.events = new EventLog(keepEvents);
  }

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

  /** The inbox's agents in creation order. */
  agentsOf(inboxId: string): AgentRecord[] {
    return [...this.rosterOf(inboxId).list];
  }

  /** The inbox's agents as routing reads them: indexed, or scanned. */
  roster(inboxId: string): Roster<AgentRecord> {
    const roster = this.rosterOf(inboxId);
    if (!this.scan) return roster;
    return scanRoster(roster.list, this.inbox(inboxId).policy);
  }

  private rosterOf(inboxId: string): InboxRoster {
    const roster = this.state.rosters.get(inboxId);
    if (!roster) throw notFound('inbox', inboxId);
    return roster;
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

  /**
   * A Twilio-shaped MessageSid for the next message the business sends.
   * Its own counter, so sending takes no number from the one that orders
   * ids, and like ids it goes on rising across a reset: a late callback
   * for a message sent before a reset can never name one sent after.
   * `b0` after `SM` keeps it apart from any inbound sid in tests.
   */
  nextOutboundSid(): string {
    return `SMb0${(++this.sent).toString(16).padStart(30, '0')}`;
  }

  /** A new inbox, with its roster and its (empty) queue. */
  addInbox(inbox: Inbox): void {
    this.state.inboxes.set(inbox.id, inbox);
    this.state.rosters.set(inbox.id, new InboxRoster(inbox.policy));
    this.state.waiting.set(inbox.id, []);
  }

  /** A new agent, in the rosters of their inboxes. */
  addAgent(agent: AgentRecord): void {
    this.state.agents.set(agent.id, agent);
    this.state.openByAgent.set(agent.id, new Set());
    this.state.offersByAgent.set(agent.id, new Set());
    for (const id of agent.inboxIds) this.rosterOf(id).add(agent);
    this.unsettle(agent);
  }

  /**
   * Re-indexes an agent after any change to their status, capacity or
   * load; every such change calls this straight after. An agent who may
   * now take a conversation unsettles their inboxes' queues.
   */
  changed(agent: AgentRecord): void {
    for (const id of agent.inboxIds) this.rosterOf(id).update(agent);
    this.unsettle(agent);
  }

  private unsettle(agent: AgentRecord): void {
    if (standing(agent) !== 'ELIGIBLE') return;
    for (const id of agent.inboxIds) this.state.unsettled.add(id);
  }

  /** The inbox's policy changed: its roster re-orders. */
  repolicy(inbox: Inbox): void {
    this.rosterOf(inbox.id).setPolicy(inbox.policy);
  }

  /** Where any inbox's index disagrees with a scan; empty when none does. */
  indexProblems(): string[] {
    return [...this.state.rosters].flatMap(([id, roster]) =>
      roster.problems().map((problem) => `${id}: ${problem}`),
    );
  }

  nextId(prefix: string): string {
    return `${prefix}_${this.tick()}`;
  }

  now(): string {
    return this.clock.now().toISOString();
  }

  /** A stamp for something that happens now, or at `at` (clock ms). */
  stamp(at?: number): string {
    return at === undefined ? this.now() : new Date(at).toISOString();
  }

  /** The timeline record an item lives in, found where a sid points. */
  record(where: { customerId: string; itemId: string }): TimelineRecord {
    return this.state.timelines
      .get(where.customerId)!
      .find((r) => r.item.id === where.itemId)!;
  }

  /**
   * Records a change. `data` is kept as given, so it must be a snapshot
   * that nothing changes afterwards: a view made for the event, or an
   * item, which never changes once appended.
   */
  emit<T extends EngineEvent['type']>(type: T, data: EventData<T>): void {
    this.events.append({ type, data } as NewEvent);
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
    this.emit('customer.updated', structuredClone(customer));
    return customer;
  }

  /**
   * Adds an item to its customer's timeline, stamped with the clock, or
   * with `at` (clock ms) for something whose time came while the clock
   * moved on in one step.
   */
  append(fields: NewItem, at?: number): TimelineItem {
    const seq = this.tick();
    const item: TimelineItem = deepFreeze({
      id: `itm_${seq}`,
      timestamp: this.stamp(at),
      ...fields,
    });
    insertSorted(this.state.timelines.get(item.customerId)!, { item, seq });
    this.emit('item.created', item);
    return item;
  }

  /**
   * Puts a changed copy of an item in its timeline record, in the same
   * place, and tells clients with `item.updated`.
   */
  replace(record: TimelineRecord, next: TimelineItem): TimelineItem {
    record.item = deepFreeze(next);
    this.emit('item.updated', record.item);
    return record.item;
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

  /**
   * Everything the engine holds, as JSON: what server mode writes after
   * each change. The routing indexes are left out; `restore` builds them
   * again from the agents.
   */
  snapshot(): string {
    const state: Partial<EngineState> = { ...this.state };
    delete state.rosters;
    // (Every other field is there.)
    const snapshot: Snapshot = {
      format: SNAPSHOT_FORMAT,
      seq: this.seq,
      sent: this.sent,
      lastEventId: this.events.latestId,
      savedAt: this.now(),
      state: state as Omit<EngineState, 'rosters'>,
    };
    return JSON.stringify(snapshot, (_key, value: unknown) =>
      value instanceof Map
        ? { $map: [...value] }
        : value instanceof Set
          ? { $set: [...value] }
          : value,
    );
  }

  /**
   * Takes up the state `snapshot` wrote. Refuses, changing nothing, what
   * is not such a snapshot. Event ids go on from where it left off, so a
   * client that reconnects hears that it missed events and reads again.
   * Returns the engine's time when it was taken: a clock restarted later
   * must not run behind it.
   */
  restore(text: string): string {
    let snapshot: Snapshot;
    try {
      snapshot = JSON.parse(text, (_key, value: unknown) => {
        if (value && typeof value === 'object') {
          if ('$map' in value)
            return new Map(value.$map as [unknown, unknown][]);
          if ('$set' in value) return new Set(value.$set as unknown[]);
        }
        return value;
      }) as Snapshot;
    } catch (error) {
      throw new Error(`Not an engine snapshot: ${(error as Error).message}`);
    }
    if (snapshot?.format === 1 && snapshot.state) {
      snapshot.state.replyKeys = new Map();
    } else if (snapshot?.format !== SNAPSHOT_FORMAT) {
      throw new Error(
        `Not an engine snapshot of format ${SNAPSHOT_FORMAT} (format: ${JSON.stringify(snapshot?.format)}).`,
      );
    }
    if (Number.isNaN(Date.parse(snapshot.savedAt))) {
      throw new Error(
        `Not a whole engine snapshot: its savedAt (${JSON.stringify(snapshot.savedAt)}) is not a time.`,
      );
    }
    // Built aside, so a snapshot that does not hold together changes nothing.
    const fresh = emptyState();
    for (const key of Object.keys(fresh) as (keyof EngineState)[]) {
      if (key === 'rosters') continue;
      const kind = fresh[key] instanceof Map ? Map : Set;
      if (
        !((snapshot.state as Record<string, unknown>)?.[key] instanceof kind)
      ) {
        throw new Error(`Not a whole engine snapshot: it has no ${key}.`);
      }
    }
    const state = { ...snapshot.state, rosters: new Map() } as EngineState;
    for (const inbox of state.inboxes.values()) {
      state.rosters.set(inbox.id, new InboxRoster(inbox.policy));
    }
    for (const agent of state.agents.values()) {
      for (const id of agent.inboxIds) {
        const roster = state.rosters.get(id);
        if (!roster) throw new Error(`Not a whole snapshot: no inbox ${id}.`);
        roster.add(agent);
      }
    }
    this.state = state;
    this.seq = snapshot.seq;
    this.sent = snapshot.sent;
    this.events.clear();
    this.events.resume(snapshot.lastEventId);
    // Anyone listening read the state before: they read it again.
    this.emit('engine.reset', {});
    return snapshot.savedAt;
  }

  /** Empties the state; event ids go on rising. */
  reset(): void {
    this.state = emptyState();
    this.events.clear();
    this.emit('engine.reset', {});
  }
}

/**
 * Freezes `value` and everything it holds: an item is shared by the
 * timeline, the routing history and the event log, so it must not change.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
