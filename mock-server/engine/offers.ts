/**
 * Offers: where an inbox sets offerTimeoutSeconds, routing holds a
 * conversation for the agent it chose until they accept, decline or let
 * the time run out. A declined or missed conversation goes to the next
 * agent under the inbox's policy, never back to one who passed on it; when
 * every eligible agent has, it waits in the queue.
 */
import type { Offer, RoutingDecision } from '../../src/sdk/schemas.js';
import {
  assign,
  drain,
  enqueue,
  queued,
  route,
  routingItem,
} from './assignment.js';
import { EngineError, notFound } from './errors.js';
import type {
  AgentRecord,
  ConversationRecord,
  OfferRecord,
} from './records.js';
import type { Store } from './store.js';

const view = ({
  id,
  conversationId,
  agentId,
  expiresAt,
  status,
}: OfferRecord): Offer => ({
  id,
  conversationId,
  agentId,
  expiresAt,
  status,
});

export function createOffer(
  store: Store,
  conversation: ConversationRecord,
  agent: AgentRecord,
  decision: RoutingDecision,
): void {
  const seconds = store.inbox(conversation.inboxId).offerTimeoutSeconds;
  const expiresAtMs = store.clock.now().getTime() + seconds * 1000;
  const offer: OfferRecord = {
    id: store.nextId('ofr'),
    conversationId: conversation.id,
    agentId: agent.id,
    expiresAt: new Date(expiresAtMs).toISOString(),
    expiresAtMs,
    status: 'PENDING',
  };
  const { offers, offerByConversation, offersByAgent } = store.state;
  offers.set(offer.id, offer);
  offerByConversation.set(conversation.id, offer.id);
  const pending = offersByAgent.get(agent.id)!;
  pending.add(offer.id);
  agent.pendingOffers = pending.size;
  store.changed(agent);
  store.emit('offer.updated', view(offer));
  store.emit('agent.updated', store.agentView(agent));
  routingItem(store, conversation, agent.id, 'OFFERED', decision);
}

/** The pending offer `id`, or a refusal naming why it cannot be answered. */
function pending(store: Store, id: string): OfferRecord {
  const offer = store.state.offers.get(id);
  if (!offer) throw notFound('offer', id);
  if (offer.status !== 'PENDING') {
    throw new EngineError(
      'conflict',
      `Offer ${id} is no longer pending: it was ${offer.status.toLowerCase()}.`,
    );
  }
  return offer;
}

/** Ends a pending offer, freeing the capacity it held. */
function settle(store: Store, offer: OfferRecord, status: Offer['status']) {
  const { offerByConversation, offersByAgent } = store.state;
  offer.status = status;
  offerByConversation.delete(offer.conversationId);
  const agent = store.agent(offer.agentId);
  const held = offersByAgent.get(agent.id)!;
  held.delete(offer.id);
  agent.pendingOffers = held.size;
  store.changed(agent);
  store.emit('offer.updated', view(offer));
  return agent;
}

/** The agent takes the conversation; they must be AVAILABLE to. */
export function acceptOffer(store: Store, id: string): Offer {
  const offer = pending(store, id);
  const agent = store.agent(offer.agentId);
  if (agent.status !== 'AVAILABLE') {
    throw new EngineError(
      'conflict',
      `${agent.name} is ${agent.status.toLowerCase()}; only an available agent can accept an offer.`,
    );
  }
  settle(store, offer, 'ACCEPTED');
  // The decision that made the offer is why they have it now.
  const offered = store.state.routing
    .get(offer.conversationId)
    ?.findLast((r) => r.reason === 'OFFERED');
  const conversation = store.conversation(offer.conversationId);
  assign(store, conversation, agent, 'ACCEPTED', offered?.decision);
  return view(offer);
}

/** The agent passes; the conversation goes on to the next agent. */
export function declineOffer(store: Store, id: string): Offer {
  const offer = pending(store, id);
  passOn(store, offer, 'DECLINED');
  route(store, store.conversation(offer.conversationId));
  // What the offer held is free for a conversation waiting behind it.
  drain(store);
  return view(offer);
}

/**
 * Offers whose time has run out, as the clock now stands: each agent who
 * missed one is set AWAY, as TaskRouter and Gladly do, and the
 * conversation goes on to the next agent. Every miss is settled before
 * anything is routed again, so no conversation is offered to an agent who
 * is going AWAY in the same moment; they all go back in their place by
 * arrival and the queue gives them on in that order.
 */
export function expireOffers(store: Store): void {
  const now = store.clock.now().getTime();
  const { offers, offerByConversation } = store.state;
  const due = [...offerByConversation.values()]
    .map((id) => offers.get(id)!)
    .filter((o) => o.expiresAtMs <= now)
    .sort((a, b) => a.expiresAtMs - b.expiresAtMs);
  const missed: ConversationRecord[] = [];
  const away = new Set<AgentRecord>();
  for (const offer of due) {
    if (offer.status !== 'PENDING') continue;
    away.add(passOn(store, offer, 'MISSED'));
    const conversation = store.conversation(offer.conversationId);
    enqueue(store, conversation, conversation.createdSeq);
    missed.push(conversation);
  }
  // Only then away: an offer of theirs that ran out too was missed, not
  // withdrawn. Away, they cannot accept the others either.
  for (const agent of away) {
    if (agent.status !== 'AVAILABLE') continue;
    agent.status = 'AWAY';
    store.changed(agent);
    store.emit('agent.updated', store.agentView(agent));
    withdrawOffers(store, agent);
  }
  drain(store);
  // What nobody could take says so, as a first routing would.
  for (const conversation of missed) {
    if (store.state.queuedSeq.has(conversation.id)) queued(store, conversation);
  }
}

/**
 * An agent is no longer AVAILABLE (away or offline), so cannot accept:
 * their pending offers go back to the queue at once, in their place by
 * arrival, and the next drain gives them on in that order. Routing them
 * straight on instead would let them go ahead of older conversations put
 * back in the same change.
 */
export function withdrawOffers(store: Store, agent: AgentRecord): void {
  const ids = [...store.state.offersByAgent.get(agent.id)!];
  if (ids.length === 0) return;
  for (const id of ids) {
    const offer = store.state.offers.get(id)!;
    const conversation = store.conversation(offer.conversationId);
    settle(store, offer, 'WITHDRAWN');
    routingItem(store, conversation, agent.id, 'WITHDRAWN');
    enqueue(store, conversation, conversation.createdSeq);
  }
  store.emit('agent.updated', store.agentView(agent));
}

/**
 * Ends the offer as declined or missed and remembers that this agent
 * passed; the caller routes the conversation again.
 */
function passOn(
  store: Store,
  offer: OfferRecord,
  status: 'DECLINED' | 'MISSED',
): AgentRecord {
  const agent = settle(store, offer, status);
  const conversation = store.conversation(offer.conversationId);
  const passed = store.state.passedBy.get(conversation.id) ?? new Set();
  passed.add(agent.id);
  store.state.passedBy.set(conversation.id, passed);
  store.emit('agent.updated', store.agentView(agent));
  routingItem(store, conversation, agent.id, status);
  return agent;
}
