/**
 * The typed client over the HTTP API. Every answer is parsed with the
 * shared schemas before it is returned, so a host gets either the shape
 * the types promise or one of three errors saying what went wrong.
 */
import * as z from 'zod/mini';
import { ApiHttpError, ApiNetworkError, ApiParseError } from './errors.js';
import { EventStream } from './events.js';
import {
  Agent,
  Campaign,
  Conversation,
  Customer,
  Inbox,
  InboxQueue,
  Offer,
  RoutingRecord,
  TimelineItem,
  TimelinePage,
  type CreateAgentRequest,
  type CreateCampaignRequest,
  type CreateInboxRequest,
  type UpdateAgentRequest,
  type UpdateInboxRequest,
} from './schemas.js';
import { parseWith, type Problem } from './validation.js';

export const DEFAULT_API_BASE = '/api/v1';

export interface ClientOptions {
  /** Where the API lives; `/api/v1` on the page's own origin by default. */
  baseUrl?: string;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
}

const ErrorBody = z.object({
  message: z.string(),
  problems: z.optional(
    z.array(z.object({ path: z.string(), message: z.string() })),
  ),
});

const NoContent = z.unknown();

const ClockAnswer = z.object({ now: z.iso.datetime({ offset: true }) });

export class SmsKitClient {
  readonly baseUrl: string;
  /** Every change in the engine, live. */
  readonly events: EventStream;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_API_BASE).replace(/\/+$/, '');
    // Called through a wrapper so a host's fetch keeps its own `this`.
    const hostFetch = options.fetch;
    this.fetchImpl = hostFetch
      ? (input, init) => hostFetch(input, init)
      : (input, init) => globalThis.fetch(input, init);
    this.events = new EventStream(`${this.baseUrl}/events`, this.fetchImpl);
  }

  /** Empties the engine (the mock's own endpoint). */
  async reset(): Promise<void> {
    await this.request('POST', '/reset', NoContent);
  }

  async createInbox(input: CreateInboxRequest): Promise<Inbox> {
    return this.request('POST', '/inboxes', Inbox, input);
  }

  /**
   * The engine's time now (`GET /clock`): what "5 minutes ago" is measured
   * against, since the mock's clock runs apart from the browser's.
   */
  async getClock(): Promise<string> {
    return (await this.request('GET', '/clock', ClockAnswer)).now;
  }

  /**
   * Moves the mock engine's clock on (`POST /clock`): sticky windows end,
   * and later offers time out, as it moves. Resolves to the new time.
   */
  async advanceClock(seconds: number): Promise<string> {
    const answer = await this.request('POST', '/clock', ClockAnswer, {
      advanceSeconds: seconds,
    });
    return answer.now;
  }

  /** Renames an inbox or changes its routing policy. */
  async updateInbox(id: string, patch: UpdateInboxRequest): Promise<Inbox> {
    return this.request('PATCH', `/inboxes/${segment(id)}`, Inbox, patch);
  }

  async listInboxes(): Promise<Inbox[]> {
    return this.request('GET', '/inboxes', z.array(Inbox));
  }

  async getQueue(inboxId: string): Promise<InboxQueue> {
    return this.request(
      'GET',
      `/inboxes/${segment(inboxId)}/queue`,
      InboxQueue,
    );
  }

  async createAgent(input: CreateAgentRequest): Promise<Agent> {
    return this.request('POST', '/agents', Agent, input);
  }

  /** Every agent, in the order they were created. */
  async listAgents(): Promise<Agent[]> {
    return this.request('GET', '/agents', z.array(Agent));
  }

  async getAgent(id: string): Promise<Agent> {
    return this.request('GET', `/agents/${segment(id)}`, Agent);
  }

  async updateAgent(id: string, patch: UpdateAgentRequest): Promise<Agent> {
    return this.request('PATCH', `/agents/${segment(id)}`, Agent, patch);
  }

  /**
   * The agent takes the conversation that has waited longest in their
   * inboxes, up to their maxCapacity; refused (409) when none waits.
   */
  async takeNext(agentId: string): Promise<Conversation> {
    return this.request(
      'POST',
      `/agents/${segment(agentId)}/next`,
      Conversation,
    );
  }

  /** The agent takes the conversation they were offered. */
  async acceptOffer(id: string): Promise<Offer> {
    return this.request('POST', `/offers/${segment(id)}/accept`, Offer);
  }

  /** The agent passes; the conversation goes on to the next agent. */
  async declineOffer(id: string): Promise<Offer> {
    return this.request('POST', `/offers/${segment(id)}/decline`, Offer);
  }

  async createCampaign(input: CreateCampaignRequest): Promise<Campaign> {
    return this.request('POST', '/campaigns', Campaign, input);
  }

  /** Stops a campaign still to send; what was not sent stays unsent. */
  async stopCampaign(id: string): Promise<Campaign> {
    return this.request('POST', `/campaigns/${segment(id)}/stop`, Campaign);
  }

  async getCampaign(id: string): Promise<Campaign> {
    return this.request('GET', `/campaigns/${segment(id)}`, Campaign);
  }

  /** The customer with this E.164 number, or undefined. */
  async findCustomerByPhone(phone: string): Promise<Customer | undefined> {
    const query = new URLSearchParams({ phone });
    const found = await this.request(
      'GET',
      `/customers?${query}`,
      z.array(Customer),
    );
    return found[0];
  }

  async getCustomer(id: string): Promise<Customer> {
    return this.request('GET', `/customers/${segment(id)}`, Customer);
  }

  /** One page of the timeline, oldest first; pass `nextCursor` as `before`. */
  async getTimeline(
    customerId: string,
    page: { limit?: number; before?: string } = {},
  ): Promise<TimelinePage> {
    const query = new URLSearchParams();
    if (page.limit !== undefined) query.set('limit', String(page.limit));
    if (page.before !== undefined) query.set('before', page.before);
    const suffix = query.size > 0 ? `?${query}` : '';
    return this.request(
      'GET',
      `/customers/${segment(customerId)}/timeline${suffix}`,
      TimelinePage,
    );
  }

  async listConversations(customerId: string): Promise<Conversation[]> {
    const query = new URLSearchParams({ customerId });
    return this.request(
      'GET',
      `/conversations?${query}`,
      z.array(Conversation),
    );
  }

  async getConversation(id: string): Promise<Conversation> {
    return this.request('GET', `/conversations/${segment(id)}`, Conversation);
  }

  /** Each step of the conversation's routing, oldest first, and why. */
  async getRoutingHistory(id: string): Promise<RoutingRecord[]> {
    return this.request(
      'GET',
      `/conversations/${segment(id)}/routing`,
      z.array(RoutingRecord),
    );
  }

  async closeConversation(id: string): Promise<Conversation> {
    return this.request(
      'PATCH',
      `/conversations/${segment(id)}`,
      Conversation,
      {
        status: 'CLOSED',
      },
    );
  }

  /**
   * The agent's reply, sent from the inbox number the customer texted.
   * Give an `idempotencyKey` (a UUID, say) and send again with the same
   * key after a failure that may have reached the server: the reply is
   * stored once, and the answer is the item stored the first time.
   */
  async sendMessage(
    conversationId: string,
    message: { agentId: string; body: string },
    options: { idempotencyKey?: string } = {},
  ): Promise<TimelineItem> {
    const { idempotencyKey } = options;
    return this.request(
      'POST',
      `/conversations/${segment(conversationId)}/messages`,
      TimelineItem,
      message,
      idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey },
    );
  }

  private async request<S extends z.ZodMiniType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<z.infer<S>> {
    const url = `${this.baseUrl}${path}`;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers:
          body === undefined
            ? headers
            : { ...headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new ApiNetworkError(url, { cause });
    }

    if (!response.ok) throw await httpError(response);
    if (response.status === 204) return undefined as z.infer<S>;

    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ApiParseError(url, [
        { path: '', message: 'the body is not JSON' },
      ]);
    }
    const parsed = parseWith(schema, json);
    if (!parsed.ok) throw new ApiParseError(url, parsed.problems);
    return parsed.value;
  }
}

/**
 * An id as one path segment, so `/` or `?` in it cannot change the URL.
 * URLs resolve `.` and `..` (even encoded) as steps between segments, so
 * those, and the empty id, are refused before anything is sent.
 */
function segment(id: string): string {
  if (id === '' || id === '.' || id === '..') {
    throw new TypeError(`"${id}" is not an id: pass the id the API gave you.`);
  }
  return encodeURIComponent(id);
}

async function httpError(response: Response): Promise<ApiHttpError> {
  let message = `${response.status} ${response.statusText}`.trim();
  let problems: Problem[] = [];
  try {
    const parsed = parseWith(ErrorBody, await response.json());
    if (parsed.ok) {
      message = parsed.value.message;
      problems = parsed.value.problems ?? [];
    }
  } catch {
    // Not our JSON error body: the status line is all there is to say.
  }
  return new ApiHttpError(response.status, message, problems);
}
