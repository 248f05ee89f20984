/**
 * The mock routing engine: inboxes, agents, customers, conversations and
 * their timelines, and the rules that route a customer's SMS to an agent.
 *
 * It is plain TypeScript over plain data. It imports no MSW, no DOM and no
 * clock: time comes from the Clock it is given, so the browser, Node tests
 * and a real server can all run the same engine. Each operation reads its
 * input with the API's request schema (the HTTP layer passes bodies on
 * unchecked) and checks what only it can (ids, links, conflicts) before
 * it changes anything, so a refusal leaves the state as it was.
 *
 * This class is the engine's whole surface; each operation lives in the
 * module named beside it.
 */
import { AdvanceClockRequest } from '../../src/sdk/schemas.js';
import type {
  Agent,
  Campaign,
  Conversation,
  CreateAgentRequest,
  CreateCampaignRequest,
  CreateInboxRequest,
  Customer,
  Inbox,
  InboxQueue,
  Offer,
  TimelineItem,
  TimelinePage,
  RoutingRecord,
  UpdateAgentRequest,
  UpdateInboxRequest,
} from '../../src/sdk/schemas.js';
import { closeConversation, sendAgentMessage } from './conversations.js';
import { takeNext } from './assignment.js';
import {
  createAgent,
  createInbox,
  updateAgent,
  updateInbox,
} from './directory.js';
import { checked, EngineError } from './errors.js';
import type { EventLog } from './event-log.js';
import {
  createCampaign,
  getCampaign,
  sendDue,
  stopCampaign,
} from './campaigns.js';
import { receiveSms } from './messaging.js';
import { updateDelivery, type StatusCallback } from './delivery.js';
import { acceptOffer, declineOffer, expireOffers } from './offers.js';
import { lostMessages, queueOf } from './queries.js';
import type { Clock, InboundSms } from './records.js';
import { Store, type StoreOptions } from './store.js';
import { pageOf } from './timeline.js';

export type EngineOptions = StoreOptions;

export class Engine {
  private readonly store: Store;

  constructor(clock: Clock, options: EngineOptions = {}) {
    this.store = new Store(clock, options);
  }

  /** Every change, with rising ids, for `/events`. */
  get events(): EventLog {
    return this.store.events;
  }

  /** Empties the engine; event ids go on rising. */
  reset(): void {
    this.store.reset();
  }

  /** The whole state as JSON, for `restore` (server mode's file). */
  snapshot(): string {
    return this.store.snapshot();
  }

  /**
   * Takes up a state `snapshot` wrote, in place of this one; refuses
   * anything else with an error, changing nothing. Returns the engine's
   * time when the snapshot was taken (ISO 8601).
   */
  restore(snapshot: string): string {
    return this.store.restore(snapshot);
  }

  /** The engine's time now, ISO 8601: what its stamps are measured against. */
  now(): string {
    return this.store.now();
  }

  /**
   * Moves the engine's clock on by `seconds`, where its clock can be moved
   * (tests, the mock API's `POST /clock`). Sticky windows end as it moves.
   * Returns the new time.
   */
  advanceClock(seconds: number): string {
    // The same bounds as POST /clock: forward, and at most a week at once.
    checked(AdvanceClockRequest, { advanceSeconds: seconds });
    this.checkClockMoves();
    this.store.clock.advance!(seconds * 1000);
    this.tick();
    return this.store.now();
  }

  /**
   * Refuses, as `advanceClock` does, when the engine's clock cannot be
   * moved, and changes nothing: for a caller about to move it over time.
   */
  checkClockMoves(): void {
    if (!this.store.clock.advance) {
      throw new EngineError(
        'conflict',
        'This engine runs on a clock that cannot be moved.',
      );
    }
  }

  /**
   * Does what is due by the engine's clock: offers that ran out move on,
   * campaigns send what their rate now allows. The engine has no timer of
   * its own: whoever runs it calls this (the browser mock four times a
   * second, `advanceClock` after each move).
   */
  tick(): void {
    expireOffers(this.store);
    sendDue(this.store);
  }

  // Offers: offers.ts.

  acceptOffer(id: string): Offer {
    return acceptOffer(this.store, id);
  }

  declineOffer(id: string): Offer {
    return declineOffer(this.store, id);
  }

  // Inboxes and agents: directory.ts.

  createInbox(input: CreateInboxRequest): Inbox {
    return createInbox(this.store, input);
  }

  listInboxes(): Inbox[] {
    return [...this.store.state.inboxes.values()].map((i) =>
      structuredClone(i),
    );
  }

  getInbox(id: string): Inbox {
    return structuredClone(this.store.inbox(id));
  }

  updateInbox(id: string, patch: UpdateInboxRequest): Inbox {
    return updateInbox(this.store, id, patch);
  }

  getQueue(inboxId: string): InboxQueue {
    return queueOf(this.store, inboxId);
  }

  createAgent(input: CreateAgentRequest): Agent {
    return createAgent(this.store, input);
  }

  getAgent(id: string): Agent {
    return this.store.agentView(this.store.agent(id));
  }

  listAgents(): Agent[] {
    const agents = this.store.state.agents.values();
    return [...agents].map((a) => this.store.agentView(a));
  }

  updateAgent(id: string, patch: UpdateAgentRequest): Agent {
    return updateAgent(this.store, id, patch);
  }

  /** The agent takes the longest-waiting conversation: assignment.ts. */
  takeNext(agentId: string): Conversation {
    return this.store.conversationView(takeNext(this.store, agentId));
  }

  // Campaigns: campaigns.ts.

  /** Sends what is due at once; the rest as the rate allows. */
  createCampaign(input: CreateCampaignRequest): Campaign {
    return createCampaign(this.store, input);
  }

  getCampaign(id: string): Campaign {
    return getCampaign(this.store, id);
  }

  stopCampaign(id: string): Campaign {
    return stopCampaign(this.store, id);
  }

  // SMS in: messaging.ts.

  receiveSms(sms: InboundSms): { item: TimelineItem; repeat: boolean } {
    return receiveSms(this.store, sms);
  }

  /**
   * Twilio's status callback for a message the business sent: delivery.ts.
   * A repeat or a late callback changes nothing (`changed` is false).
   */
  updateDelivery(callback: StatusCallback): {
    item: TimelineItem;
    changed: boolean;
  } {
    return updateDelivery(this.store, callback);
  }

  // Customers and their timelines.

  findCustomersByPhone(phone: string): Customer[] {
    const id = this.store.state.customerByNumber.get(phone);
    return id ? [this.getCustomer(id)] : [];
  }

  getCustomer(id: string): Customer {
    return structuredClone(this.store.customer(id));
  }

  getTimeline(
    customerId: string,
    limit?: number,
    before?: string,
  ): TimelinePage {
    this.store.customer(customerId);
    const list = this.store.state.timelines.get(customerId)!;
    return structuredClone(pageOf(list, limit, before));
  }

  // Conversations: conversations.ts.

  listConversations(customerId: string): Conversation[] {
    this.store.customer(customerId, 'customerId');
    const ids = this.store.state.conversationsByCustomer.get(customerId)!;
    return ids.map((id) => this.getConversation(id));
  }

  getConversation(id: string): Conversation {
    return this.store.conversationView(this.store.conversation(id));
  }

  /** How the conversation was routed, step by step, and why. */
  getRoutingHistory(id: string): RoutingRecord[] {
    this.store.conversation(id);
    return structuredClone(this.store.state.routing.get(id) ?? []);
  }

  closeConversation(id: string): Conversation {
    return closeConversation(this.store, id);
  }

  /**
   * `agentId`'s reply in the conversation. Sent again with the same
   * `idempotencyKey`, it is stored once and the first item is answered.
   */
  sendAgentMessage(
    conversationId: string,
    agentId: string,
    body: string,
    options: { idempotencyKey?: string } = {},
  ): TimelineItem {
    return sendAgentMessage(
      this.store,
      conversationId,
      agentId,
      body,
      options.idempotencyKey,
    );
  }

  /**
   * Where an inbox's routing index disagrees with a plain scan of its
   * agents; empty when none does. For tests.
   */
  indexProblems(): string[] {
    return this.store.indexProblems();
  }

  /** Rule 7's check: customer messages in neither a conversation nor a queue. */
  lostMessages(): string[] {
    return lostMessages(this.store);
  }
}
