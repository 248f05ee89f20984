/**
 * The wire shapes of the HTTP API, defined once. The SDK parses every
 * response with them and the mock server parses every request with them,
 * so the two cannot drift apart. Types are inferred, never written twice.
 *
 * `zod/mini` is used rather than classic zod because the SDK ships to
 * browsers and the mini build tree-shakes to a fraction of the size.
 */
import * as z from 'zod/mini';
import { LONE_SURROGATE, VISIBLE } from './text.js';

/** The longest SMS body accepted, in characters (Twilio's own limit). */
export const MAX_BODY_LENGTH = 1600;

export const PhoneNumber = z.e164({
  error: 'expected an E.164 phone number such as +14155550100',
});

const Id = z.string().check(z.minLength(1));
/** Text written by the business is whole: no half of a UTF-16 pair. */
const wellFormed = z.refine<string>((text) => !LONE_SURROGATE.test(text), {
  error:
    'expected whole characters, not a lone surrogate (half of an emoji or other character)',
});

const Name = z.string().check(
  z.trim(),
  // An empty name fails VISIBLE too: one problem, not two.
  z.maxLength(200),
  z.regex(VISIBLE, { error: 'expected a name a person can read' }),
  wellFormed,
);
const Timestamp = z.iso.datetime({ offset: true });
const Body = z.string().check(z.maxLength(MAX_BODY_LENGTH));
const VisibleBody = Body.check(
  z.regex(VISIBLE, {
    error: 'expected some text, not only white space',
  }),
  wellFormed,
);

export const AgentStatus = z.enum(['AVAILABLE', 'AWAY', 'OFFLINE']);
export const ConversationStatus = z.enum(['OPEN', 'CLOSED']);
export const InitiatorType = z.enum([
  'CUSTOMER',
  'AGENT',
  'CAMPAIGN',
  'SYSTEM',
]);
export const SmsPreference = z.enum(['ON', 'OFF']);

/** How an inbox picks among its eligible agents; docs/api.md defines each. */
export const RoutingPolicy = z.enum([
  'MOST_AVAILABLE',
  'LEAST_ACTIVE',
  'LONGEST_IDLE',
  'PERCENT_SPARE',
]);

/** How long a closed conversation's agent stays first in line, at most. */
export const MAX_STICKY_MINUTES = 1440;

const StickyMinutes = z
  .int()
  .check(z.minimum(0), z.maximum(MAX_STICKY_MINUTES));

export const Inbox = z.object({
  id: Id,
  name: z.string(),
  phoneNumbers: z.array(PhoneNumber),
  policy: RoutingPolicy,
  /** A customer who texts again this soon after closing gets their agent. */
  stickyMinutes: z.int(),
  /** An agent going OFFLINE hands their conversations back to the queue. */
  requeueOnOffline: z.boolean(),
  /** Above 0, routing offers and waits this long for an accept. */
  offerTimeoutSeconds: z.int(),
});

/** The longest an offer may wait for its agent. */
export const MAX_OFFER_SECONDS = 3600;

const OfferSeconds = z.int().check(z.minimum(0), z.maximum(MAX_OFFER_SECONDS));

/** A conversation held for one agent to accept or decline. */
export const Offer = z.object({
  id: Id,
  conversationId: Id,
  agentId: Id,
  expiresAt: Timestamp,
  status: z.enum(['PENDING', 'ACCEPTED', 'DECLINED', 'MISSED', 'WITHDRAWN']),
});

export const Agent = z.object({
  id: Id,
  name: z.string(),
  inboxIds: z.array(Id),
  /** The load automatic routing fills. */
  capacity: z.int(),
  /** The most the agent may hold, taking more by asking for the next. */
  maxCapacity: z.int(),
  status: AgentStatus,
  openConversations: z.int(),
  /** Offers waiting for this agent's answer; they count against capacity. */
  pendingOffers: z.int(),
  lastAssignedAt: z.nullable(Timestamp),
});

export const CustomerPhone = z.object({
  number: PhoneNumber,
  type: z.enum(['MOBILE', 'HOME', 'WORK', 'OTHER']),
  smsPreference: SmsPreference,
});

export const Customer = z.object({
  id: Id,
  name: z.string(),
  phones: z.array(CustomerPhone),
});

export const Conversation = z.object({
  id: Id,
  customerId: Id,
  inboxId: Id,
  agentId: z.nullable(Id),
  status: ConversationStatus,
  createdAt: Timestamp,
});

export const Attachment = z.object({
  url: z.url({ protocol: /^https?$/ }),
  contentType: z.string(),
});

/**
 * Twilio's MessageStatus values for a message sent out, in the order a
 * message moves through them; the last three are where it ends.
 */
export const DeliveryStatus = z.enum([
  'accepted',
  'scheduled',
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  'undelivered',
  'failed',
  'canceled',
  'partially_delivered',
]);

/** How far an outbound message has got, as Twilio's callbacks last said. */
export const Delivery = z.object({
  status: DeliveryStatus,
  updatedAt: Timestamp,
  /** Twilio's error code for an undelivered or failed message. */
  errorCode: z.optional(z.string()),
});

export const SmsContent = z.object({
  type: z.literal('SMS'),
  from: PhoneNumber,
  to: PhoneNumber,
  body: Body,
  attachments: z.array(Attachment),
  /** Twilio's id for the message; outbound ones get it when sent. */
  messageSid: z.optional(z.string()),
  /** Outbound messages only: where delivery stands. */
  delivery: z.optional(Delivery),
  campaign: z.optional(
    z.object({ id: Id, name: z.string(), answerName: z.string() }),
  ),
  inResponseTo: z.optional(z.object({ campaignId: Id, itemId: Id })),
  /** An agent's reply sent with an `Idempotency-Key`: that key. */
  idempotencyKey: z.optional(z.string()),
});

/** One agent as routing saw them when it decided. */
export const RoutingCandidate = z.object({
  agentId: Id,
  name: z.string(),
  eligible: z.boolean(),
  /** Why an ineligible agent was passed over. */
  reason: z.optional(z.enum(['AWAY', 'OFFLINE', 'FULL', 'DECLINED'])),
  /** 1 for the one chosen, then in the policy's order; eligible ones only. */
  rank: z.optional(z.int()),
  capacity: z.int(),
  openConversations: z.int(),
  spare: z.int(),
  /** Spare capacity as a share of capacity, rounded, 0 to 100. */
  percentSpare: z.int(),
  lastAssignedAt: z.nullable(Timestamp),
});

/** Why a conversation went where it did: the policy and what it compared. */
export const RoutingDecision = z.object({
  policy: RoutingPolicy,
  candidates: z.array(RoutingCandidate),
  chosenAgentId: z.nullable(Id),
  /**
   * When the customer texted again soon after a conversation closed: the
   * agent who had it, whether they got it, and if not, why.
   */
  sticky: z.optional(
    z.object({
      agentId: Id,
      name: z.string(),
      used: z.boolean(),
      reason: z.optional(
        z.enum(['AWAY', 'OFFLINE', 'FULL', 'DECLINED', 'NOT_IN_INBOX']),
      ),
    }),
  ),
  /**
   * In an inbox of more than 20 agents, the candidates are the best 10
   * eligible and everyone who passed on the conversation; these count the
   * agents left out, by where they stood.
   */
  omitted: z.optional(
    z.object({
      eligible: z.int(),
      away: z.int(),
      offline: z.int(),
      full: z.int(),
    }),
  ),
});

export const RoutingReason = z.enum([
  'ASSIGNED',
  'QUEUED',
  'ASSIGNED_FROM_QUEUE',
  'NEXT_REQUESTED',
  'STICKY',
  'REQUEUED',
  'OFFERED',
  'ACCEPTED',
  'DECLINED',
  'MISSED',
  'WITHDRAWN',
]);

export const RoutingContent = z.object({
  type: z.literal('ROUTING'),
  inboxId: Id,
  agentId: z.nullable(Id),
  reason: RoutingReason,
  /** Absent when no choice was made: an agent asked for the conversation. */
  decision: z.optional(RoutingDecision),
});

/** One step of a conversation's routing: `GET /conversations/:id/routing`. */
export const RoutingRecord = z.object({
  itemId: Id,
  timestamp: Timestamp,
  inboxId: Id,
  agentId: z.nullable(Id),
  reason: RoutingReason,
  decision: z.optional(RoutingDecision),
});

/** What an SMS keyword asked for: stop, start again, or help. */
export const KeywordKind = z.enum(['OPT_OUT', 'OPT_IN', 'HELP']);

/** A customer's keyword, recorded beside the SMS that carried it. */
const keywordContent = <K extends z.infer<typeof KeywordKind>>(kind: K) =>
  z.object({
    type: z.literal(kind),
    phoneNumber: PhoneNumber,
    keyword: z.string(),
  });

export const OptOutContent = keywordContent('OPT_OUT');
export const OptInContent = keywordContent('OPT_IN');
export const HelpContent = keywordContent('HELP');

export const TimelineItem = z.object({
  id: Id,
  conversationId: z.nullable(Id),
  customerId: Id,
  timestamp: Timestamp,
  initiator: z.object({ type: InitiatorType, id: z.optional(Id) }),
  content: z.discriminatedUnion('type', [
    SmsContent,
    RoutingContent,
    OptOutContent,
    OptInContent,
    HelpContent,
  ]),
});

export const TimelinePage = z.object({
  items: z.array(TimelineItem),
  nextCursor: z.nullable(z.string()),
});

export const CampaignRecipient = z.object({
  customerId: Id,
  phoneNumber: PhoneNumber,
  itemId: Id,
});

export const Campaign = z.object({
  id: Id,
  name: z.string(),
  from: PhoneNumber,
  answer: z.object({ name: z.string(), body: z.string() }),
  recipients: z.array(CampaignRecipient),
  /** Recipients the campaign did not text, and why. */
  skipped: z.array(
    z.object({
      customerId: Id,
      phoneNumber: PhoneNumber,
      reason: z.enum(['OPTED_OUT']),
    }),
  ),
  status: z.enum(['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'STOPPED']),
  /** At most this many messages in any five minutes. */
  ratePerFiveMinutes: z.int(),
  /** When sending starts; null for at once. */
  sendAt: z.nullable(Timestamp),
  createdAt: Timestamp,
  counts: z.object({ sent: z.int(), skipped: z.int(), pending: z.int() }),
});

export const QueueEntry = z.object({
  conversationId: Id,
  customerId: Id,
  customerName: z.string(),
  since: Timestamp,
  /**
   * Agents who declined or missed it, who are never offered it again:
   * while every agent who could take it has, it waits for another.
   */
  passedBy: z.optional(z.array(Id)),
});

export const Assignment = z.object({
  conversationId: Id,
  customerId: Id,
  customerName: z.string(),
  agentId: Id,
  /** How the conversation reached the agent, and why them. */
  routing: z.optional(RoutingRecord),
});

export const PendingOffer = z.object({
  id: Id,
  conversationId: Id,
  customerId: Id,
  customerName: z.string(),
  agentId: Id,
  expiresAt: Timestamp,
  /** Seconds left by the engine's clock when the queue was read. */
  secondsLeft: z.number(),
});

export const InboxQueue = z.object({
  inbox: Inbox,
  waiting: z.array(QueueEntry),
  agents: z.array(Agent),
  assignments: z.array(Assignment),
  /** Conversations offered to an agent and waiting for their answer. */
  offers: z.array(PendingOffer),
});

/** What `/events` carries, discriminated by `type`. */
export const EngineEvent = z.discriminatedUnion('type', [
  z.object({
    id: z.int(),
    type: z.literal('item.created'),
    data: TimelineItem,
  }),
  /** An outbound message's delivery moved on: the item as it now is. */
  z.object({
    id: z.int(),
    type: z.literal('item.updated'),
    data: TimelineItem,
  }),
  z.object({
    id: z.int(),
    type: z.literal('conversation.updated'),
    data: Conversation,
  }),
  z.object({ id: z.int(), type: z.literal('agent.updated'), data: Agent }),
  z.object({ id: z.int(), type: z.literal('inbox.updated'), data: Inbox }),
  z.object({ id: z.int(), type: z.literal('offer.updated'), data: Offer }),
  z.object({
    id: z.int(),
    type: z.literal('campaign.updated'),
    data: Campaign,
  }),
  z.object({
    id: z.int(),
    type: z.literal('customer.updated'),
    data: Customer,
  }),
  z.object({
    id: z.int(),
    type: z.literal('engine.reset'),
    data: z.object({}),
  }),
  /**
   * Sent to a client that reconnects after more has happened than the
   * server keeps: the events from `from` to `to` cannot be replayed, so
   * what the client shows must be read again.
   */
  z.object({
    id: z.int(),
    type: z.literal('events.missed'),
    data: z.object({ from: z.int(), to: z.int() }),
  }),
]);

// Requests: a field they do not name is refused, so a misspelt one is
// not quietly dropped.

export const CreateInboxRequest = z.strictObject({
  name: Name,
  phoneNumbers: z.array(PhoneNumber).check(z.minLength(1)),
  policy: z._default(RoutingPolicy, 'MOST_AVAILABLE'),
  stickyMinutes: z._default(StickyMinutes, 15),
  requeueOnOffline: z._default(z.boolean(), false),
  offerTimeoutSeconds: z._default(OfferSeconds, 0),
});

export const UpdateInboxRequest = z
  .strictObject({
    name: z.optional(Name),
    policy: z.optional(RoutingPolicy),
    stickyMinutes: z.optional(StickyMinutes),
    requeueOnOffline: z.optional(z.boolean()),
    offerTimeoutSeconds: z.optional(OfferSeconds),
  })
  .check(
    z.refine((v) => Object.values(v).some((value) => value !== undefined), {
      error:
        'expected at least one of name, policy, stickyMinutes, requeueOnOffline or offerTimeoutSeconds',
    }),
  );

/** `POST /clock`: the mock's clock moves on, never back. */
export const AdvanceClockRequest = z.strictObject({
  advanceSeconds: z.number().check(z.minimum(0), z.maximum(7 * 24 * 3600)),
});

const Load = z.int().check(z.minimum(1), z.maximum(100));

export const CreateAgentRequest = z
  .strictObject({
    name: Name,
    inboxIds: z.array(Id),
    capacity: Load,
    /** Defaults to capacity, and follows it until set. */
    maxCapacity: z.optional(Load),
    status: z._default(AgentStatus, 'AVAILABLE'),
  })
  .check(
    z.refine(
      (a) => a.maxCapacity === undefined || a.maxCapacity >= a.capacity,
      {
        error: 'expected maxCapacity to be at least capacity',
        path: ['maxCapacity'],
      },
    ),
  );

export const UpdateAgentRequest = z
  .strictObject({
    status: z.optional(AgentStatus),
    capacity: z.optional(Load),
    maxCapacity: z.optional(Load),
  })
  .check(
    z.refine(
      (value) =>
        value.status !== undefined ||
        value.capacity !== undefined ||
        value.maxCapacity !== undefined,
      { error: 'expected at least one of status, capacity or maxCapacity' },
    ),
  );

export const CreateCampaignRequest = z.strictObject({
  name: Name,
  from: PhoneNumber,
  answer: z.strictObject({ name: Name, body: VisibleBody }),
  recipients: z
    .array(z.strictObject({ name: Name, phoneNumber: PhoneNumber }))
    .check(z.minLength(1), z.maxLength(1000)),
  /** Gladly's limit by default. */
  ratePerFiveMinutes: z._default(
    z.int().check(z.minimum(1), z.maximum(1000)),
    40,
  ),
  sendAt: z.optional(Timestamp),
});

export const UpdateConversationRequest = z.strictObject({
  status: z.literal('CLOSED'),
});

export const SendMessageRequest = z.strictObject({
  agentId: Id,
  body: VisibleBody,
});

/**
 * The `Idempotency-Key` a reply may be sent with, so that sending it
 * again (after an answer that never came) stores it once. Any visible
 * ASCII: a UUID is the usual choice.
 */
export const IdempotencyKey = z.string().check(
  z.minLength(1),
  z.maxLength(255),
  z.regex(/^[\x21-\x7e]*$/, {
    error: 'expected visible ASCII characters only, such as a UUID',
  }),
);

export type AgentStatus = z.infer<typeof AgentStatus>;
export type ConversationStatus = z.infer<typeof ConversationStatus>;
export type Inbox = z.infer<typeof Inbox>;
export type Agent = z.infer<typeof Agent>;
export type Customer = z.infer<typeof Customer>;
export type CustomerPhone = z.infer<typeof CustomerPhone>;
export type Conversation = z.infer<typeof Conversation>;
export type Attachment = z.infer<typeof Attachment>;
export type SmsContent = z.infer<typeof SmsContent>;
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;
export type Delivery = z.infer<typeof Delivery>;
export type RoutingContent = z.infer<typeof RoutingContent>;
export type KeywordKind = z.infer<typeof KeywordKind>;
export type KeywordContent = z.infer<
  typeof OptOutContent | typeof OptInContent | typeof HelpContent
>;
export type TimelineItem = z.infer<typeof TimelineItem>;
export type TimelinePage = z.infer<typeof TimelinePage>;
export type Campaign = z.infer<typeof Campaign>;
export type QueueEntry = z.infer<typeof QueueEntry>;
export type Assignment = z.infer<typeof Assignment>;
export type InboxQueue = z.infer<typeof InboxQueue>;
export type EngineEvent = z.infer<typeof EngineEvent>;
export type EngineEventType = EngineEvent['type'];
export type CreateInboxRequest = z.input<typeof CreateInboxRequest>;
export type UpdateInboxRequest = z.input<typeof UpdateInboxRequest>;
export type RoutingPolicy = z.infer<typeof RoutingPolicy>;
export type Offer = z.infer<typeof Offer>;
export type PendingOffer = z.infer<typeof PendingOffer>;
export type RoutingReason = z.infer<typeof RoutingReason>;
export type RoutingDecision = z.infer<typeof RoutingDecision>;
export type RoutingCandidate = z.infer<typeof RoutingCandidate>;
export type RoutingRecord = z.infer<typeof RoutingRecord>;
export type CreateAgentRequest = z.input<typeof CreateAgentRequest>;
export type UpdateAgentRequest = z.input<typeof UpdateAgentRequest>;
export type CreateCampaignRequest = z.input<typeof CreateCampaignRequest>;
export type SendMessageRequest = z.input<typeof SendMessageRequest>;
