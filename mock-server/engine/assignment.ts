/**
 * Putting conversations with agents: routing a new one, queueing it when
 * nobody may take it, and letting waiting ones through when capacity frees
 * up. Each step records a ROUTING item on the customer's timeline.
 */
import type { RoutingDecision, RoutingReason } from '../../src/sdk/schemas.js';
import { EngineError } from './errors.js';
import type { AgentRecord, ConversationRecord } from './records.js';
import { decide, ineligibility, load } from './routing.js';
import { createOffer } from './offers.js';
import { openKey, type Store } from './store.js';

/**
 * The inbox's policy applied to its agents, with everything compared,
 * leaving out those who already declined or missed this conversation.
 */
function decisionFor(
  store: Store,
  conversation: ConversationRecord,
): RoutingDecision {
  const { inboxId } = conversation;
  const passed = store.state.passedBy.get(conversation.id);
  return decide(store.roster(inboxId), store.inbox(inboxId).policy, passed);
}

/**
 * Gives a conversation to the agent routing chose: at once, or, where the
 * inbox sets offerTimeoutSeconds, as an offer that agent must accept.
 */
function place(
  store: Store,
  conversation: ConversationRecord,
  agent: AgentRecord,
  reason: RoutingReason,
  decision: RoutingDecision,
): void {
  if (store.inbox(conversation.inboxId).offerTimeoutSeconds > 0) {
    createOffer(store, conversation, agent, decision);
  } else {
    assign(store, conversation, agent, reason, decision);
  }
}

/**
 * The agent who last had this customer in this inbox, while the inbox's
 * sticky window since that conversation closed is still open.
 */
function stickyAgent(store: Store, conversation: ConversationRecord) {
  const { customerId, inboxId } = conversation;
  const last = store.state.lastAgent.get(openKey(customerId, inboxId));
  if (!last) return undefined;
  const window = store.inbox(inboxId).stickyMinutes * 60_000;
  const since = store.clock.now().getTime() - last.closedAt;
  if (window === 0 || since > window) return undefined;
  return store.state.agents.get(last.agentId);
}

/**
 * Assigns a new conversation: first to the customer's last agent when the
 * sticky window allows and they may take it, else under the inbox's
 * policy; it waits in the queue when no agent may take it.
 */
export function route(store: Store, conversation: ConversationRecord): void {
  const decision = decisionFor(store, conversation);
  const passed = store.state.passedBy.get(conversation.id);
  const last = stickyAgent(store, conversation);
  if (last) {
    const reason = last.inboxIds.includes(conversation.inboxId)
      ? ineligibility(last, passed)
      : 'NOT_IN_INBOX';
    decision.sticky = {
      agentId: last.id,
      name: last.name,
      used: reason === undefined,
      ...(reason && { reason }),
    };
    if (reason === undefined) {
      decision.chosenAgentId = last.id;
      place(store, conversation, last, 'STICKY', decision);
      return;
    }
  }
  if (decision.chosenAgentId) {
    const agent = store.agent(decision.chosenAgentId);
    place(store, conversation, agent, 'ASSIGNED', decision);
    return;
  }
  enqueue(store, conversation, conversation.createdSeq);
  queued(store, conversation, decision);
}

/** Tells that a conversation waits in its inbox's queue, and why. */
export function queued(
  store: Store,
  conversation: ConversationRecord,
  decision = decisionFor(store, conversation),
): void {
  store.emit('conversation.updated', store.conversationView(conversation));
  routingItem(store, conversation, null, 'QUEUED', decision);
}

/**
 * Puts a conversation in its inbox's queue by `seq`, so the queue stays in
 * order of arrival: a requeued conversation goes back ahead of newer ones.
 * The inbox's queue may then move (another agent may take it), so the next
 * drain reads it.
 */
export function enqueue(
  store: Store,
  conversation: ConversationRecord,
  seq: number,
) {
  const queue = store.state.waiting.get(conversation.inboxId)!;
  const { queuedSeq, unsettled } = store.state;
  let index = queue.length;
  while (index > 0 && queuedSeq.get(queue[index - 1]!)! > seq) index--;
  queue.splice(index, 0, conversation.id);
  queuedSeq.set(conversation.id, seq);
  unsettled.add(conversation.inboxId);
}

/** Takes a conversation out of its inbox's queue. */
function dequeue(store: Store, conversation: ConversationRecord): void {
  const queue = store.state.waiting.get(conversation.inboxId)!;
  queue.splice(queue.indexOf(conversation.id), 1);
  store.state.queuedSeq.delete(conversation.id);
}

/**
 * An agent went OFFLINE: in each inbox that asks for it, their open
 * conversations go back to the queue, in their original order, ahead of
 * newer arrivals. Other inboxes leave theirs with them.
 */
export function requeue(store: Store, agent: AgentRecord): void {
  const held = store.state.openByAgent.get(agent.id)!;
  const back = [...held]
    .map((id) => store.conversation(id))
    .filter((c) => store.inbox(c.inboxId).requeueOnOffline)
    .sort((a, b) => a.createdSeq - b.createdSeq);
  if (back.length === 0) return;
  for (const conversation of back) {
    held.delete(conversation.id);
    conversation.agentId = null;
    enqueue(store, conversation, conversation.createdSeq);
    store.emit('conversation.updated', store.conversationView(conversation));
    routingItem(store, conversation, null, 'REQUEUED');
  }
  agent.openConversations = held.size;
  store.changed(agent);
  store.emit('agent.updated', store.agentView(agent));
}

/**
 * Lets waiting conversations through while any agent may take one, the
 * longest-waiting first across the queues. It reads only the queues of
 * inboxes where something changed since (an agent who may take more, a
 * conversation put back), so it costs nothing after most changes. Within
 * one inbox a head that no agent may take blocks the rest, which is first
 * come, first served.
 */
export function drain(store: Store): void {
  const { unsettled } = store.state;
  for (;;) {
    let next: Takeable | undefined;
    for (const inboxId of unsettled) {
      const found = firstTakeable(store, inboxId, next?.seq ?? Infinity);
      if (found === 'none') unsettled.delete(inboxId);
      else if (found !== 'later') next = found;
    }
    if (!next) return;
    const conversation = store.conversation(next.conversationId);
    // The decision is taken again in full so it can be shown; it picks
    // the same agent.
    const decision = decisionFor(store, conversation);
    dequeue(store, conversation);
    place(store, conversation, next.agent, 'ASSIGNED_FROM_QUEUE', decision);
  }
}

interface Takeable {
  conversationId: string;
  agent: AgentRecord;
  seq: number;
}

/**
 * The first conversation in the inbox's queue that an agent may take, and
 * that agent; 'none' when there is none, 'later' when it would have joined
 * the queue after `before`. Only a conversation some agents passed on can
 * be skipped: for the others, the agents who may take one may take any,
 * so the head decides.
 */
function firstTakeable(
  store: Store,
  inboxId: string,
  before: number,
): Takeable | 'none' | 'later' {
  const { waiting, queuedSeq, passedBy } = store.state;
  const queue = waiting.get(inboxId)!;
  if (queue.length === 0) return 'none';
  const roster = store.roster(inboxId);
  for (const conversationId of queue) {
    const seq = queuedSeq.get(conversationId)!;
    if (seq > before) return 'later';
    const passed = passedBy.get(conversationId);
    const [agent] = roster.best(1, passed);
    if (agent) return { conversationId, agent, seq };
    if (!passed) return 'none';
  }
  return 'none';
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
      `${agent.name} is ${agent.status.toLowerCase()}; only an available agent can take the next conversation.`,
    );
  }
  const held = load(agent);
  if (held >= (agent.maxCapacity ?? agent.capacity)) {
    throw new EngineError(
      'conflict',
      `${agent.name} already holds ${held}, their most (maxCapacity); close one first.`,
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
  dequeue(store, conversation);
  assign(store, conversation, agent, 'NEXT_REQUESTED');
  return conversation;
}

export function assign(
  store: Store,
  conversation: ConversationRecord,
  agent: AgentRecord,
  reason: RoutingReason,
  decision?: RoutingDecision,
): void {
  conversation.agentId = agent.id;
  agent.lastAssignedSeq = store.tick();
  agent.lastAssignedAt = store.now();
  const held = store.state.openByAgent.get(agent.id)!;
  held.add(conversation.id);
  agent.openConversations = held.size;
  store.changed(agent);
  store.emit('conversation.updated', store.conversationView(conversation));
  store.emit('agent.updated', store.agentView(agent));
  routingItem(store, conversation, agent.id, reason, decision);
}

/** Frees the agent's capacity a closed conversation held. */
export function release(store: Store, conversation: ConversationRecord): void {
  const agent = store.agent(conversation.agentId!);
  const held = store.state.openByAgent.get(agent.id)!;
  held.delete(conversation.id);
  agent.openConversations = held.size;
  store.changed(agent);
  store.emit('agent.updated', store.agentView(agent));
}

export function routingItem(
  store: Store,
  conversation: ConversationRecord,
  agentId: string | null,
  reason: RoutingReason,
  decision?: RoutingDecision,
): void {
  const { inboxId } = conversation;
  const item = store.append({
    conversationId: conversation.id,
    customerId: conversation.customerId,
    initiator: { type: 'SYSTEM' },
    content: {
      type: 'ROUTING',
      inboxId,
      agentId,
      reason,
      ...(decision && { decision }),
    },
  });
  const history = store.state.routing.get(conversation.id) ?? [];
  history.push({
    itemId: item.id,
    timestamp: item.timestamp,
    inboxId,
    agentId,
    reason,
    ...(decision && { decision }),
  });
  store.state.routing.set(conversation.id, history);
}
