/** Read-only views over the state: an inbox's queue, and rule 7's check. */
import type { InboxQueue } from '../../src/sdk/schemas.js';
import type { Store } from './store.js';

export function queueOf(store: Store, inboxId: string): InboxQueue {
  const inbox = store.inbox(inboxId);
  const agents = store.agentsOf(inboxId);
  const nameOf = (customerId: string) => store.customer(customerId).name;
  const assignments = agents.flatMap((agent) =>
    [...store.state.openByAgent.get(agent.id)!]
      .map((id) => store.conversation(id))
      .filter((c) => c.inboxId === inboxId)
      .map((c) => {
        const routing = store.state.routing.get(c.id)?.at(-1);
        return {
          conversationId: c.id,
          customerId: c.customerId,
          customerName: nameOf(c.customerId),
          agentId: agent.id,
          ...(routing && { routing }),
        };
      }),
  );
  const waiting = store.state.waiting.get(inboxId)!.map((id) => {
    const { customerId, createdAt } = store.conversation(id);
    const passed = store.state.passedBy.get(id);
    return {
      conversationId: id,
      customerId,
      customerName: nameOf(customerId),
      since: createdAt,
      ...(passed && { passedBy: [...passed] }),
    };
  });
  const now = store.clock.now().getTime();
  const offers = [...store.state.offerByConversation.values()]
    .map((id) => store.state.offers.get(id)!)
    .filter((o) => store.conversation(o.conversationId).inboxId === inboxId)
    .map(({ id, conversationId, agentId, expiresAt, expiresAtMs }) => {
      const { customerId } = store.conversation(conversationId);
      return {
        id,
        conversationId,
        customerId,
        customerName: nameOf(customerId),
        agentId,
        expiresAt,
        secondsLeft: Math.max(0, (expiresAtMs - now) / 1000),
      };
    });
  return structuredClone({
    inbox,
    waiting,
    agents: agents.map((a) => store.agentView(a)),
    assignments,
    offers,
  });
}

/**
 * Rule 7 over the whole state: every customer message is in a conversation
 * an agent has (or had, once closed) or in a queue. Returns the ids of the
 * messages that are neither; empty when none is lost.
 */
export function lostMessages(store: Store): string[] {
  const { timelines, conversations, waiting, offerByConversation } =
    store.state;
  const lost: string[] = [];
  for (const list of timelines.values()) {
    for (const { item } of list) {
      if (item.initiator.type !== 'CUSTOMER') continue;
      const c = item.conversationId
        ? conversations.get(item.conversationId)
        : undefined;
      const queued =
        c &&
        (waiting.get(c.inboxId)!.includes(c.id) ||
          offerByConversation.has(c.id));
      if (!c || (c.agentId === null && !queued)) lost.push(item.id);
    }
  }
  return lost;
}
