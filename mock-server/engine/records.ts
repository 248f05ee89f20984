/**
 * The engine's own records: the wire shapes plus what routing needs and
 * the API does not show (sequence numbers, the numbers a conversation
 * runs between).
 */
import type {
  Agent,
  Campaign,
  Conversation,
  Customer,
  Inbox,
  Offer,
  RoutingRecord,
  TimelineItem,
} from '../../src/sdk/schemas.js';
import type { InboxRoster } from './roster.js';
import type { Candidate } from './routing.js';

/** Where the engine reads the time. It keeps no clock of its own. */
export interface Clock {
  now(): Date;
  /** Moves the clock on, where it can be moved (tests, the mock API). */
  advance?(ms: number): void;
}

export type AgentRecord = Omit<
  Agent,
  'openConversations' | 'maxCapacity' | 'pendingOffers'
> &
  Candidate & {
    /** Set explicitly; while undefined, the most is `capacity`. */
    maxCapacity: number | undefined;
  };

export interface ConversationRecord extends Conversation {
  /** The inbox number the customer texted; agent replies come from it. */
  inboxNumber: string;
  /** The customer's number; agent replies go to it. */
  customerNumber: string;
  /** Engine sequence number at creation: the queue's order. */
  createdSeq: number;
}

/** A campaign as the engine keeps it; its counts are worked out on reading. */
export interface CampaignRecord extends Omit<Campaign, 'counts'> {
  /** Recipients still to text, in order. */
  pending: Array<{ name: string; phoneNumber: string }>;
  /** When the last ratePerFiveMinutes messages had their turns, clock ms. */
  sendTimes: number[];
  /** When sending may start, clock ms. */
  sendAtMs: number;
}

export interface OfferRecord extends Offer {
  /** When it runs out, in clock milliseconds. */
  expiresAtMs: number;
}

/** Its shape is the schema receiveSms reads it with. */
export type { InboundSms } from './messaging.js';

export interface TimelineRecord {
  item: TimelineItem;
  seq: number;
}

/** The whole state: plain data, replaced wholesale by a reset. */
export interface EngineState {
  inboxes: Map<string, Inbox>;
  /** Inbox id by linked phone number. */
  inboxByNumber: Map<string, string>;
  agents: Map<string, AgentRecord>;
  customers: Map<string, Customer>;
  /** Customer id by phone number. */
  customerByNumber: Map<string, string>;
  conversations: Map<string, ConversationRecord>;
  /** Conversation ids by customer id, in creation order. */
  conversationsByCustomer: Map<string, string[]>;
  /** The open conversation's id by `customerId|inboxId`. */
  openByKey: Map<string, string>;
  /** Open conversation ids by agent id. */
  openByAgent: Map<string, Set<string>>;
  /** Each inbox's agents, indexed for routing, by inbox id. */
  rosters: Map<string, InboxRoster>;
  /**
   * Inboxes whose queue may move: an agent of theirs may take more, or a
   * conversation joined the queue. Draining reads only these.
   */
  unsettled: Set<string>;
  /** Waiting conversation ids by inbox id, first come first served. */
  waiting: Map<string, string[]>;
  /** Sequence number at which each waiting conversation joined its queue. */
  queuedSeq: Map<string, number>;
  /** Each customer's timeline, sorted by timestamp then sequence. */
  timelines: Map<string, TimelineRecord[]>;
  /**
   * Who last had a customer's conversation in an inbox, and when it closed
   * (clock milliseconds), by `customerId|inboxId`: for sticky replies.
   */
  lastAgent: Map<string, { agentId: string; closedAt: number }>;
  /** Offers by id; pending ones also by conversation and by agent. */
  offers: Map<string, OfferRecord>;
  offerByConversation: Map<string, string>;
  offersByAgent: Map<string, Set<string>>;
  /** Agents who declined or missed each conversation: never offered back. */
  passedBy: Map<string, Set<string>>;
  /** Each conversation's routing steps, oldest first. */
  routing: Map<string, RoutingRecord[]>;
  campaigns: Map<string, CampaignRecord>;
  /**
   * The latest campaign message not yet answered, by
   * `customerNumber|campaignNumber`: the customer's next text to that number
   * is the reply to it.
   */
  unanswered: Map<string, { campaignId: string; itemId: string }>;
  /** Where each outbound message is, by the MessageSid it was sent as. */
  outboundSids: Map<string, { customerId: string; itemId: string }>;
  /** Twilio MessageSids already taken in, so repeats change nothing. */
  messageSids: Map<string, { customerId: string; itemId: string }>;
  /** Agents' replies by the idempotency key they were sent with. */
  replyKeys: Map<string, ReplyKeyRecord>;
}

/** A reply sent with an idempotency key: what was asked, and the item. */
export interface ReplyKeyRecord {
  conversationId: string;
  customerId: string;
  agentId: string;
  body: string;
  itemId: string;
}

export function emptyState(): EngineState {
  return {
    inboxes: new Map(),
    inboxByNumber: new Map(),
    agents: new Map(),
    customers: new Map(),
    customerByNumber: new Map(),
    conversations: new Map(),
    conversationsByCustomer: new Map(),
    openByKey: new Map(),
    openByAgent: new Map(),
    rosters: new Map(),
    unsettled: new Set(),
    waiting: new Map(),
    queuedSeq: new Map(),
    timelines: new Map(),
    lastAgent: new Map(),
    offers: new Map(),
    offerByConversation: new Map(),
    offersByAgent: new Map(),
    passedBy: new Map(),
    routing: new Map(),
    campaigns: new Map(),
    unanswered: new Map(),
    messageSids: new Map(),
    outboundSids: new Map(),
    replyKeys: new Map(),
  };
}
