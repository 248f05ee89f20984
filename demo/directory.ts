/**
 * Who is who, for the demo's picker, forms and event log: read from the
 * HTTP API in both modes, never from an engine. Agents and inboxes are
 * read with each redraw; a customer is read once, when first met.
 */
import type {
  Agent,
  EngineEvent,
  InboxQueue,
  SmsKitClient,
} from '../src/index.js';
import { ApiHttpError } from '../src/sdk/errors.js';
import type { Names } from './event-log.js';

export interface Person {
  id: string;
  name: string;
  phone: string;
}

export class Directory implements Names {
  private readonly agents = new Map<string, Agent>();
  private readonly inboxes = new Map<string, string>();
  /** A customer read, or null once the API said there is no such one. */
  private readonly customers = new Map<string, Person | null>();

  constructor(private readonly client: SmsKitClient) {}

  /** Forgets everyone: the engine was emptied, or events were missed. */
  clear(): void {
    this.agents.clear();
    this.inboxes.clear();
    this.customers.clear();
  }

  /** Takes in the inboxes' names and every agent; gives the agents back. */
  learn(queues: readonly InboxQueue[], agents: readonly Agent[]): Agent[] {
    for (const queue of queues) {
      this.inboxes.set(queue.inbox.id, queue.inbox.name);
    }
    for (const agent of agents) this.agents.set(agent.id, agent);
    return [...agents];
  }

  /**
   * Reads whoever `event` names that is not known yet, so its line in the
   * log names them. A read that fails leaves the id to stand for them.
   */
  async learnFrom(event: EngineEvent): Promise<void> {
    switch (event.type) {
      case 'agent.updated':
        this.agents.set(event.data.id, event.data);
        return;
      case 'inbox.updated':
        this.inboxes.set(event.data.id, event.data.name);
        return;
      case 'customer.updated':
        this.customers.set(event.data.id, personOf(event.data));
        return;
      case 'item.created':
      case 'item.updated': {
        const { content, customerId, initiator } = event.data;
        await this.person(customerId);
        const agentId =
          content.type === 'ROUTING'
            ? content.agentId
            : initiator.type === 'AGENT'
              ? initiator.id
              : undefined;
        if (agentId && !this.agents.has(agentId)) {
          await this.client
            .getAgent(agentId)
            .then((agent) => this.agents.set(agent.id, agent))
            .catch(() => {});
        }
        return;
      }
      case 'conversation.updated':
        await this.person(event.data.customerId);
        return;
      default:
        return;
    }
  }

  /**
   * The customer `id`, read from the API the first time; undefined when
   * the engine has no such customer (it was emptied since).
   */
  async person(id: string): Promise<Person | undefined> {
    const known = this.customers.get(id);
    if (known !== undefined) return known ?? undefined;
    try {
      const person = personOf(await this.client.getCustomer(id));
      this.customers.set(id, person);
      return person;
    } catch (error) {
      // Only a 404 is an answer; anything else is asked again next time.
      if (error instanceof ApiHttpError && error.status === 404) {
        this.customers.set(id, null);
      }
      return undefined;
    }
  }

  customer(id: string): string {
    return this.customers.get(id)?.name ?? id;
  }

  agent(id: string): string {
    return this.agents.get(id)?.name ?? id;
  }

  inbox(id: string): string {
    return this.inboxes.get(id) ?? id;
  }
}

function personOf(customer: {
  id: string;
  name: string;
  phones: readonly { number: string }[];
}): Person {
  return {
    id: customer.id,
    name: customer.name,
    phone: customer.phones[0]?.number ?? '',
  };
}
