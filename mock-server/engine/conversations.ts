/** What agents do with a conversation they hold: reply and close. */
import * as z from 'zod/mini';
import {
  IdempotencyKey,
  type Conversation,
  type TimelineItem,
} from '../../src/sdk/schemas.js';
import { drain, release } from './assignment.js';
import { appendOutbound } from './delivery.js';
import { checked, EngineError } from './errors.js';
import { openKey, type Store } from './store.js';

/**
 * Closes a conversation an agent holds, freeing their capacity. One still
 * waiting in the queue is refused: closing it would leave the customer's
 * message with nobody, which rule 7 forbids. Closing twice changes nothing.
 */
export function closeConversation(store: Store, id: string): Conversation {
  const conversation = store.conversation(id);
  if (conversation.status === 'CLOSED') {
    return store.conversationView(conversation);
  }
  if (conversation.agentId === null) {
    const offered = store.state.offerByConversation.has(id);
    throw new EngineError(
      'conflict',
      offered
        ? `Conversation ${id} is offered to an agent, waiting for their answer; it can be closed once an agent has it.`
        : `Conversation ${id} is waiting in its inbox's queue; it can be closed once an agent has it.`,
    );
  }
  conversation.status = 'CLOSED';
  const key = openKey(conversation.customerId, conversation.inboxId);
  store.state.openByKey.delete(key);
  // For sticky replies: who had it, and when it closed.
  store.state.lastAgent.set(key, {
    agentId: conversation.agentId,
    closedAt: store.clock.now().getTime(),
  });
  store.emit('conversation.updated', store.conversationView(conversation));
  release(store, conversation);
  drain(store);
  return store.conversationView(conversation);
}

const KeyHeader = z.object({ 'Idempotency-Key': IdempotencyKey });

/**
 * The agent's reply, sent from the inbox number the customer texted. A
 * reply sent again with the `idempotencyKey` it was stored with changes
 * nothing and answers the item stored the first time, even if the
 * conversation has closed since; the key used for another reply is
 * refused. A key is spent only by a reply that was stored.
 */
export function sendAgentMessage(
  store: Store,
  conversationId: string,
  agentId: string,
  body: string,
  idempotencyKey?: string,
): TimelineItem {
  if (idempotencyKey !== undefined) {
    // Refused as the header it comes in, by name.
    checked(KeyHeader, { 'Idempotency-Key': idempotencyKey });
    const earlier = store.state.replyKeys.get(idempotencyKey);
    if (earlier) {
      const same =
        earlier.conversationId === conversationId &&
        earlier.agentId === agentId &&
        earlier.body === body;
      if (!same) {
        throw new EngineError(
          'unprocessable',
          `${idempotencyKey} was used for another reply; send a new reply with a new key.`,
          'Idempotency-Key',
        );
      }
      return structuredClone(store.record(earlier).item);
    }
  }
  const conversation = store.conversation(conversationId);
  store.agent(agentId, 'agentId');
  if (conversation.status !== 'OPEN') {
    throw new EngineError(
      'conflict',
      `Conversation ${conversationId} is closed.`,
    );
  }
  const customer = store.customer(conversation.customerId);
  if (!store.textable(customer, conversation.customerNumber)) {
    throw new EngineError(
      'conflict',
      `${customer.name} opted out of SMS at ${conversation.customerNumber}; nothing can be sent until they text START.`,
    );
  }
  if (conversation.agentId !== agentId) {
    const holder = conversation.agentId
      ? `is assigned to ${conversation.agentId}`
      : 'is waiting for an agent';
    throw new EngineError(
      'conflict',
      `${agentId} cannot reply; conversation ${conversationId} ${holder}.`,
      'agentId',
    );
  }
  const item = appendOutbound(store, {
    conversationId,
    customerId: conversation.customerId,
    initiator: { type: 'AGENT', id: agentId },
    content: {
      type: 'SMS',
      from: conversation.inboxNumber,
      to: conversation.customerNumber,
      body,
      attachments: [],
      ...(idempotencyKey !== undefined && { idempotencyKey }),
    },
  });
  if (idempotencyKey !== undefined) {
    store.state.replyKeys.set(idempotencyKey, {
      conversationId,
      customerId: conversation.customerId,
      agentId,
      body,
      itemId: item.id,
    });
  }
  return structuredClone(item);
}
