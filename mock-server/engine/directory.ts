/** Inboxes and the agents who work them. */
import type { Agent, Inbox } from '../../src/sdk/schemas.js';
import {
  CreateAgentRequest,
  CreateInboxRequest,
  UpdateAgentRequest,
  UpdateInboxRequest,
} from '../../src/sdk/schemas.js';
import { drain, requeue } from './assignment.js';
import { withdrawOffers } from './offers.js';
import { checked, EngineError, refuseRepeats } from './errors.js';
import type { AgentRecord } from './records.js';
import type { Store } from './store.js';

/** A new inbox on numbers no other inbox links. */
export function createInbox(store: Store, request: CreateInboxRequest): Inbox {
  const input = checked(CreateInboxRequest, request);
  const { inboxes, inboxByNumber } = store.state;
  refuseRepeats(input.phoneNumbers, (i) => `phoneNumbers.${i}`);
  input.phoneNumbers.forEach((number, index) => {
    const field = `phoneNumbers.${index}`;
    const owner = inboxByNumber.get(number);
    if (owner) {
      throw new EngineError(
        'conflict',
        `${number} is already linked to the inbox "${inboxes.get(owner)!.name}" (${owner}).`,
        field,
      );
    }
    // A customer's own phone cannot become a line: their texts from it
    // would no longer be theirs.
    const customer = store.state.customerByNumber.get(number);
    if (customer) {
      throw new EngineError(
        'conflict',
        `${number} is the phone of the customer "${store.state.customers.get(customer)!.name}" (${customer}), not a number the business can text from.`,
        field,
      );
    }
  });

  const inbox: Inbox = {
    id: store.nextId('inb'),
    name: input.name,
    phoneNumbers: [...input.phoneNumbers],
    // The schema has filled in the defaults.
    policy: input.policy,
    stickyMinutes: input.stickyMinutes,
    requeueOnOffline: input.requeueOnOffline,
    offerTimeoutSeconds: input.offerTimeoutSeconds,
  };
  store.addInbox(inbox);
  for (const number of inbox.phoneNumbers) inboxByNumber.set(number, inbox.id);
  store.emit('inbox.updated', structuredClone(inbox));
  return structuredClone(inbox);
}

/**
 * Changes an inbox's settings: its name, routing policy, sticky window,
 * requeueing when an agent goes offline, and offer timeout.
 */
export function updateInbox(
  store: Store,
  id: string,
  patch: UpdateInboxRequest,
): Inbox {
  const settings = checked(UpdateInboxRequest, patch);
  const inbox = store.inbox(id);
  for (const [key, value] of Object.entries(settings)) {
    if (value !== undefined) Object.assign(inbox, { [key]: value });
  }
  store.repolicy(inbox);
  store.emit('inbox.updated', structuredClone(inbox));
  return structuredClone(inbox);
}

/** A new agent; an available one takes waiting conversations at once. */
export function createAgent(store: Store, request: CreateAgentRequest): Agent {
  const input = checked(CreateAgentRequest, request);
  input.inboxIds.forEach((id, index) => store.inbox(id, `inboxIds.${index}`));
  refuseRepeats(input.inboxIds, (i) => `inboxIds.${i}`);
  const seq = store.tick();
  const agent: AgentRecord = {
    id: `agt_${seq}`,
    name: input.name,
    inboxIds: input.inboxIds,
    capacity: input.capacity,
    maxCapacity: input.maxCapacity,
    status: input.status,
    lastAssignedAt: null,
    lastAssignedSeq: 0,
    createdSeq: seq,
    openConversations: 0,
    pendingOffers: 0,
  };
  store.addAgent(agent);
  store.emit('agent.updated', store.agentView(agent));
  drain(store);
  return store.agentView(agent);
}

/** A change of status or capacity; freed capacity drains the queues. */
export function updateAgent(
  store: Store,
  id: string,
  request: UpdateAgentRequest,
): Agent {
  const patch = checked(UpdateAgentRequest, request);
  const agent = store.agent(id);
  const capacity = patch.capacity ?? agent.capacity;
  const most = patch.maxCapacity ?? agent.maxCapacity;
  if (most !== undefined && capacity > most) {
    // Said of the field the patch moved: the one to change with it.
    throw patch.capacity !== undefined
      ? new EngineError(
          'invalid',
          `${capacity} is above maxCapacity ${most}; raise maxCapacity with it.`,
          'capacity',
        )
      : new EngineError(
          'invalid',
          `${most} is below capacity ${capacity}; lower capacity with it.`,
          'maxCapacity',
        );
  }
  const goesOffline = patch.status === 'OFFLINE' && agent.status !== 'OFFLINE';
  const leaves = patch.status !== undefined && patch.status !== 'AVAILABLE';
  if (patch.status !== undefined) agent.status = patch.status;
  agent.capacity = capacity;
  agent.maxCapacity = most;
  store.changed(agent);
  store.emit('agent.updated', store.agentView(agent));
  // Only an available agent can accept: leaving, their offers go back.
  if (leaves) withdrawOffers(store, agent);
  if (goesOffline) requeue(store, agent);
  drain(store);
  return store.agentView(agent);
}
