import { ManualClock } from '../../mock-server/clock.js';
import { EngineError } from '../../mock-server/engine/errors.js';
import { Engine } from '../../mock-server/engine/engine.js';
import type { InboundSms } from '../../mock-server/engine/records.js';
import type { AgentStatus, RoutingContent } from '../../src/sdk/schemas.js';

export const GOLD = '+14155550100';
export const OTHER = '+14155550111';
export const JULIE = '+14155550142';

let sidCounter = 0;

/** A fresh Twilio-shaped MessageSid. */
export function nextSid(): string {
  sidCounter += 1;
  return `SM${sidCounter.toString(16).padStart(32, '0')}`;
}

/** A customer number in the fictional 555-01xx range. */
export const customerNumber = (n: number) =>
  `+1415555${(200 + n).toString().padStart(4, '0')}`;

/** An engine on a clock that never moves unless told, with shorthands. */
export function setup() {
  const clock = new ManualClock();
  const engine = new Engine(clock);
  const gold = engine.createInbox({
    name: 'Gold Members',
    phoneNumbers: [GOLD],
  });
  /** The routing steps on a customer's timeline, oldest first. */
  const routing = (customerId: string): RoutingContent[] =>
    engine
      .getTimeline(customerId)
      .items.flatMap((i) => (i.content.type === 'ROUTING' ? [i.content] : []));

  return {
    routing,
    /** The routing steps of the customer texting from `phone`. */
    routingOf(phone: string): RoutingContent[] {
      const [customer] = engine.findCustomersByPhone(phone);
      if (!customer) throw new Error(`no customer for ${phone}`);
      return routing(customer.id);
    },
    clock,
    engine,
    gold,
    agent(
      name: string,
      capacity = 2,
      status: AgentStatus = 'AVAILABLE',
      inboxIds = [gold.id],
    ) {
      return engine.createAgent({ name, inboxIds, capacity, status });
    },
    sms(from: string, overrides: Partial<InboundSms> = {}) {
      return engine.receiveSms({
        messageSid: nextSid(),
        from,
        to: GOLD,
        body: 'Hello',
        attachments: [],
        ...overrides,
      });
    },
    conversationOf(from: string, inboxId = gold.id) {
      const [customer] = engine.findCustomersByPhone(from);
      if (!customer) throw new Error(`no customer for ${from}`);
      const open = engine
        .listConversations(customer.id)
        .filter((c) => c.inboxId === inboxId);
      return open[open.length - 1]!;
    },
  };
}

/** The engine's answers as one string: equal before and after, nothing changed. */
export function snapshot(engine: Engine) {
  return JSON.stringify({
    inboxes: engine.listInboxes(),
    agents: engine.listAgents(),
    queues: engine.listInboxes().map((i) => engine.getQueue(i.id)),
    events: engine.events.latestId,
  });
}

/** The refusal `run` throws, for a look at its kind and message. */
export function refusal(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/**
 * Julie texts Gold Members and Ben answers her: his reply as the engine
 * stored it, and its MessageSid, for what Twilio then reports of it. The
 * inbox is made too, unless its id is given.
 */
export function benAnswersJulie(
  engine: Engine,
  body = 'Hello Julie',
  goldId = engine.createInbox({ name: 'Gold Members', phoneNumbers: [GOLD] })
    .id,
) {
  const ben = engine.createAgent({
    name: 'Ben',
    inboxIds: [goldId],
    capacity: 2,
  });
  const { item } = engine.receiveSms({
    messageSid: nextSid(),
    from: JULIE,
    to: GOLD,
    body: 'Hi',
    attachments: [],
  });
  const reply = engine.sendAgentMessage(item.conversationId!, ben.id, body);
  const sid = reply.content.type === 'SMS' ? reply.content.messageSid! : '';
  return { ben, reply, sid };
}

/** A customer's open conversation, if they have one. */
export function openConversationOf(engine: Engine, customerId: string) {
  return engine.listConversations(customerId).find((c) => c.status === 'OPEN');
}

/**
 * Texts with nothing a person can see: zero widths, a soft hyphen,
 * direction marks and overrides, Braille and Hangul blanks, a variation
 * selector, isolates, the Mongolian vowel separator, a grapheme joiner.
 */
export const INVISIBLE = [
  '\u200b',
  '\u00ad',
  '\u200e\u200f',
  '\u202e',
  '\u2800',
  '\u3164',
  '\u115f\u1160',
  '\ufe0f',
  '\u2066\u2069',
  '\u180e',
  '\u034f',
  '\uffff',
  '\ufdd0',
  '\ue000',
  '\u{10fffd}',
];
