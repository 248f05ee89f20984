/**
 * Putting conversations with agents: routing a new one, queueing it when
 * nobody may take it, and letting waiting ones through when capacity frees
 * up. Each step records a ROUTING item on the customer's timeline.
 */
import type { RoutingContent } from '../../src/sdk/schemas.js';
import type { AgentRecord, ConversationRecord } from './records.js';
import { EngineError } from './errors.js';
import { pickAgent } from './routing.js';
import type { Store } from './store.js';

type Reason = RoutingContent['reason'];

/** Assigns a new conversation, or queues it when no agent may take it. */
export function route(store: Store, conversation: ConversationRecord): void {
  const agent = pickAgent(store.agentsOf(conversation.inboxId));
  if (agent) {
    assign(store, conversation, agent, 'ASSIGNED');
    return;
  }
  store.state.waiting.get(conversation.inboxId)!.push(conversation.id);
  store.state.queuedSeq.set(conversation.id, store.tick());
  store.emit('conversation.updated', store.conversationView(conversation));
  routingItem(store, conversation, null, 'QUEUED');
}

/**
 * Lets waiting conversations through while any agent may take one, the
 * longest-waiting first across all queues. Within one inbox a head that no
 * agent may take blocks the rest, which is first come, first served.
 */
export function drain(store: Store): void {
  const { waiting, queuedSeq } = store.state;
  for (;;) {
    let next: ConversationRecord | undefined;
    let agent: AgentRecord | undefined;
    let nextSeq = Infinity;
    for (const [inboxId, queue] of waiting) {
      const head = queue[0];
      if (head === undefined || queuedSeq.get(head)! > nextSeq) continue;
      const candidate = pickAgent(store.agentsOf(inboxId));
      if (!candidate) continue;
      next = store.conversation(head);
      agent = candidate;
      nextSeq = queuedSeq.get(head)!;
    }
    if (!next || !agent) return;
    waiting.get(next.inboxId)!.shift();
    queuedSeq.delete(next.id);
    assign(store, next, agent, 'ASSIGNED_FROM_QUEUE');
  }
}

/**
 * An agent asks for more work than routing gives them: the conversation
 * that has waited longest in any of their inboxes, up to their
 * maxCapacity. Refused when they are not AVAILABLE, are full, or nothing
 * waits.
 */
export function takeNext(store: Store, agentId: string): ConversationRecord {
  const agent = store.agent(agentId);
  if (agent.status !== 'AVAILABLE') {
    throw new EngineError(
      'conflict',
      `${agent.name} is ${agent.status}; only an AVAILABLE agent takes the next conversation.`,
    );
  }
  const most = agent.maxCapacity ?? agent.capacity;
  if (agent.openConversations >= most) {
    throw new EngineError(
      'conflict',
      `${agent.name} holds ${agent.openConversations}, their maxCapacity; close one first.`,
    );
  }
  const { waiting, queuedSeq } = store.state;
  let head: string | undefined;
  for (const inboxId of agent.inboxIds) {
    const first = waiting.get(inboxId)![0];
    if (first === undefined) continue;
    if (head === undefined || queuedSeq.get(first)! < queuedSeq.get(head)!) {
      head = first;
    }
  }
  if (head === undefined) {
    throw new EngineError(
      'conflict',
      `Nothing is waiting in ${agent.name}'s inboxes.`,
    );
  }
  const conversation = store.conversation(head);
  waiting.get(conversation.inboxId)!.shift();
  queuedSeq.delete(conversation.id);
  assign(store, conversation, agent, 'NEXT_REQUESTED');
  return conversation;
}

function assign(
  store: Store,
  conversation: ConversationRecord,
  agent: AgentRecord,
  reason: Reason,
): void {
  conversation.agentId = agent.id;
  agent.lastAssignedSeq = store.tick();
  agent.lastAssignedAt = store.now();
  const held = store.state.openByAgent.get(agent.id)!;
  held.add(conversation.id);
  agent.openConversations = held.size;
  store.emit('conversation.updated', store.conversationView(conversation));
  store.emit('agent.updated', store.agentView(agent));
  routingItem(store, conversation, agent.id, reason);
}

/** Frees the agent's capacity a closed conversation held. */
export function release(store: Store, conversation: ConversationRecord): void {
  const agent = store.agent(conversation.agentId!);
  const held = store.state.openByAgent.get(agent.id)!;
  held.delete(conversation.id);
  agent.openConversations = held.size;
  store.emit('agent.updated', store.agentView(agent));
}

function routingItem(
  store: Store,
  conversation: ConversationRecord,
  agentId: string | null,
  reason: Reason,
): void {
  store.append({
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
