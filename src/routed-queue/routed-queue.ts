import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import type { SmsKitClient } from '../sdk/client.js';
import type {
  Agent,
  Assignment,
  EngineEvent,
  InboxQueue,
  PendingOffer,
} from '../sdk/schemas.js';
import { failureOf, kitFailure, type Failure } from '../shared/failure.js';
import {
  formatFullTime,
  formatName,
  formatPhone,
  formatTime,
} from '../shared/format.js';
import { LiveElement } from '../shared/live-element.js';
import {
  buttonStyles,
  panelStyles,
  stateStyles,
  tokens,
} from '../shared/styles.js';
import { explainRouting, policyText } from './explain.js';
import { styles } from './routed-queue.styles.js';

/** Changes closer together than this are shown with one fetch. */
const REFRESH_DELAY_MS = 30;

/** What `offer-answered` tells a host page. */
export interface OfferAnswer {
  offerId: string;
  conversationId: string;
  accepted: boolean;
}

/** "A", "A and B", "A, B and C". */
function listNames(names: string[]): string {
  if (names.length < 2) return names.join('');
  const head = names.slice(0, -1).join(', ');
  const last = names.at(-1)!;
  return msg(str`${head} and ${last}`);
}

function statusText(status: Agent['status']): string {
  switch (status) {
    case 'AVAILABLE':
      return msg('Available');
    case 'AWAY':
      return msg('Away');
    case 'OFFLINE':
      return msg('Offline');
  }
}

/**
 * An inbox as a supervisor watches it: each agent with their status and
 * load (open / capacity) and the customers assigned to them, then the
 * conversations waiting for an agent, first come first served. Live
 * through the API's event stream.
 *
 * @attr inbox-id - The inbox to show.
 * @attr agent-id - The agent using the page, if any: offers made to them
 *   get Accept and Decline buttons.
 * @attr api-base - Where the API lives; `/api/v1` by default.
 * @attr time-zone - The IANA time zone to show times in; else one an
 *   ancestor provides (`provideTimeZone`), else the browser's.
 *
 * @fires offer-answered - The agent accepted or declined an offer here;
 *   `detail` says which (`OfferAnswer`).
 * @fires conversation-pick - A customer was picked, to open their
 *   conversation; `detail` is `{ conversationId, customerId }`.
 *
 * @csspart agent - One agent's row.
 * @csspart waiting - The list of waiting conversations.
 * @csspart state - The loading or error notice.
 * @csspart policy - The line saying how the inbox routes.
 * @csspart offers - The list of offers waiting for an answer.
 * @csspart offer-actions - An offer's Accept and Decline, for `agent-id`.
 * @csspart reconnecting - The notice while the event stream is down.
 *
 * @tagname routed-queue
 */
export class RoutedQueue extends LiveElement {
  static override styles = [
    tokens,
    buttonStyles,
    stateStyles,
    panelStyles,
    styles,
  ];

  static override properties = {
    inboxId: { attribute: 'inbox-id' },
    agentId: { attribute: 'agent-id' },
    queue: { state: true },
    answering: { state: true },
    refusal: { state: true },
  };

  declare inboxId: string;
  declare agentId: string;
  declare protected queue: InboxQueue | undefined;
  /** Offers whose answer is on its way. */
  declare protected answering: ReadonlySet<string>;
  /**
   * Why the last answer was refused. It stays after the offer's row goes
   * (a refused offer has usually just run out), until the next answer.
   */
  declare protected refusal: Failure | undefined;

  private requested = 0;
  private applied = 0;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  /** When the queue shown was fetched, for counting offers down. */
  private fetchedAt = 0;
  private ticker?: ReturnType<typeof setInterval>;

  /** Redraws each second while offers are shown, so their time counts down. */
  private tickWhileOffered(): void {
    const offered = (this.queue?.offers.length ?? 0) > 0 && this.isConnected;
    if (offered && !this.ticker) {
      this.ticker = setInterval(() => this.requestUpdate(), 1000);
    } else if (!offered && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  constructor() {
    super();
    this.inboxId = '';
    this.agentId = '';
    this.queue = undefined;
    this.answering = new Set();
    this.refusal = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('inboxId') && changed.get('inboxId') !== undefined) {
      this.queue = undefined;
      this.reload();
    }
  }

  protected override render() {
    const state = this.renderState(
      msg('Loading the inbox…'),
      msg('Couldn’t load this inbox.'),
    );
    const queue = this.queue;
    if (state || !queue) return state;
    return html`
      ${this.renderReconnecting()}
      <section aria-label=${msg(str`${queue.inbox.name} inbox`)} tabindex="-1">
        <header>
          <h2><bdi>${queue.inbox.name}</bdi></h2>
          <span class="numbers"
            >${queue.inbox.phoneNumbers.map((n) => formatPhone(n)).join(', ')}</span
          >
          <span class="policy" part="policy"
            >${msg(str`Routes by ${policyText(queue.inbox.policy)}`)}</span
          >
        </header>
        <h3>${msg('Agents')}</h3>
        ${
          queue.agents.length === 0
            ? html`<p class="empty">
                ${msg('No agents work this inbox yet.')}
              </p>`
            : html`<ul class="agents">
                ${queue.agents.map((agent) => this.renderAgent(agent, queue))}
              </ul>`
        }
        ${queue.offers.length > 0 ? this.renderOffers(queue) : nothing}
        ${
          this.refusal
            ? html`<p class="refused" role="alert">${this.refusal.message}</p>`
            : nothing
        }
        <h3>
          ${msg(html`Waiting <span class="count">${queue.waiting.length}</span>`)}
        </h3>
        ${
          queue.waiting.length === 0
            ? html`<p class="empty">${msg('Nobody is waiting.')}</p>`
            : html`<ol class="waiting" part="waiting">
                ${queue.waiting.map(
                  (entry) =>
                    html`<li>
                      <button
                        class="customer pick"
                        type="button"
                        title=${msg('Open conversation')}
                        @click=${() => this.pick(entry)}
                      >
                        <bdi>${formatName(entry.customerName)}</bdi>
                      </button>
                      <span
                        class="since"
                        title=${formatFullTime(entry.since, this.zone.value)}
                        >${msg(
                          str`queued ${formatTime(entry.since, this.zone.value)}`,
                        )}</span
                      >
                      ${
                        entry.passedBy?.length
                          ? html`<span class="passed"
                              >${msg(
                                str`Passed on by ${listNames(
                                  entry.passedBy.map(
                                    (id) =>
                                      queue.agents.find((a) => a.id === id)
                                        ?.name ?? id,
                                  ),
                                )}; waits for another agent`,
                              )}</span
                            >`
                          : nothing
                      }
                    </li>`,
                )}
              </ol>`
        }
      </section>
    `;
  }

  /**
   * Conversations held for an agent's answer, with the time left. The
   * seconds count down on their own while any offer is shown.
   */
  private renderOffers(queue: InboxQueue) {
    const agentName = (id: string) =>
      queue.agents.find((a) => a.id === id)?.name ?? msg('an agent');
    // Counted from when the queue was fetched: the engine's clock may not
    // be this page's (a mock's clock can be moved on).
    const elapsed = (Date.now() - this.fetchedAt) / 1000;
    return html`<h3>
        ${msg(html`Offered <span class="count">${queue.offers.length}</span>`)}
      </h3>
      <ul class="offers" part="offers">
        ${queue.offers.map((offer) => {
          const left = Math.max(0, Math.ceil(offer.secondsLeft - elapsed));
          return html`<li>
            <bdi class="customer">${formatName(offer.customerName)}</bdi>
            <span class="to"
              >${msg(html`to <bdi>${agentName(offer.agentId)}</bdi>`)}</span
            >
            <time class="left" datetime=${offer.expiresAt}
              >${msg(str`${left} s left`)}</time
            >
            ${
              offer.agentId === this.agentId && this.agentId
                ? this.renderAnswer(offer)
                : nothing
            }
          </li>`;
        })}
      </ul>`;
  }

  /** Accept and Decline for an offer made to the agent using the page. */
  private renderAnswer(offer: PendingOffer) {
    const busy = this.answering.has(offer.id);
    const customer = formatName(offer.customerName);
    return html`<span class="answer" part="offer-actions">
      <button
        class="action primary"
        ?disabled=${busy}
        aria-label=${msg(str`Accept ${customer}`)}
        @click=${() => this.answer(offer, true)}
      >
        ${msg('Accept')}
      </button>
      <button
        class="action"
        ?disabled=${busy}
        aria-label=${msg(str`Decline ${customer}`)}
        @click=${() => this.answer(offer, false)}
      >
        ${msg('Decline')}
      </button>
    </span>`;
  }

  private async answer(offer: PendingOffer, accepted: boolean): Promise<void> {
    if (this.answering.has(offer.id)) return;
    this.answering = new Set([...this.answering, offer.id]);
    this.refusal = undefined;
    const hadFocus = this.shadowRoot?.activeElement != null;
    try {
      const client = this.live.client;
      if (accepted) await client.acceptOffer(offer.id);
      else await client.declineOffer(offer.id);
      const detail: OfferAnswer = {
        offerId: offer.id,
        conversationId: offer.conversationId,
        accepted,
      };
      this.dispatchEvent(
        new CustomEvent('offer-answered', {
          detail,
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      const who = formatName(offer.customerName);
      const failure = failureOf(error);
      this.refusal = kitFailure(() => {
        const why = failure.message;
        return accepted
          ? msg(str`Couldn’t accept ${who}: ${why}`)
          : msg(str`Couldn’t decline ${who}: ${why}`);
      }, failure.retryable);
    } finally {
      const answering = new Set(this.answering);
      answering.delete(offer.id);
      this.answering = answering;
      this.refreshSoon();
    }
    // The buttons go with the offer: keep focus in the inbox, not lost to
    // the page.
    await this.updateComplete;
    if (hadFocus && !this.shadowRoot?.activeElement) {
      this.renderRoot.querySelector('section')?.focus();
    }
  }

  /**
   * A customer the agent holds; opening it says why they got them, with a
   * way to open their conversation.
   */
  private renderAssignment(assignment: Assignment) {
    const name = html`<bdi>${formatName(assignment.customerName)}</bdi>`;
    if (!assignment.routing) return html`<li>${name}</li>`;
    return html`<li>
      <details>
        <summary>${name}</summary>
        <p class="why">
          ${explainRouting(assignment.routing, this.zone.value)}
        </p>
        <button
          class="action"
          type="button"
          @click=${() => this.pick(assignment)}
        >
          ${msg('Open conversation')}
        </button>
      </details>
    </li>`;
  }

  private pick(entry: { conversationId: string; customerId: string }): void {
    const detail = {
      conversationId: entry.conversationId,
      customerId: entry.customerId,
    };
    this.dispatchEvent(
      new CustomEvent('conversation-pick', {
        detail,
        bubbles: true,
        composed: true,
      }),
    );
  }

  private renderAgent(agent: Agent, queue: InboxQueue) {
    const customers = queue.assignments.filter((a) => a.agentId === agent.id);
    const full = agent.openConversations >= agent.capacity;
    // An agent may take more than routing gives them, up to maxCapacity.
    const stretch = agent.maxCapacity > agent.capacity;
    return html`<li class="agent" part="agent" data-agent-id=${agent.id}>
      <div class="agent-line">
        <bdi class="name">${agent.name}</bdi>
        <span class="status ${agent.status.toLowerCase()}"
          >${statusText(agent.status)}</span
        >
        <span
          class="load ${full ? 'full' : ''}"
          aria-label=${
            stretch
              ? agent.openConversations === 1
                ? msg(
                    str`${agent.openConversations} open of ${agent.capacity}, up to ${agent.maxCapacity} on request`,
                    { id: 'open-of-up-to-one' },
                  )
                : msg(
                    str`${agent.openConversations} open of ${agent.capacity}, up to ${agent.maxCapacity} on request`,
                  )
              : agent.openConversations === 1
                ? msg(
                    str`${agent.openConversations} open of ${agent.capacity}`,
                    { id: 'open-of-one' },
                  )
                : msg(str`${agent.openConversations} open of ${agent.capacity}`)
          }
          >${agent.openConversations} /
          ${agent.capacity}${
            stretch
              ? html`<span class="max"
                  >${msg(str` · max ${agent.maxCapacity}`)}</span
                >`
              : nothing
          }${
            agent.pendingOffers > 0
              ? html`<span class="max"
                  >${
                    agent.pendingOffers === 1
                      ? msg(str` · ${agent.pendingOffers} offered`, {
                          id: 'offered-one',
                        })
                      : msg(str` · ${agent.pendingOffers} offered`)
                  }</span
                >`
              : nothing
          }</span
        >
      </div>
      ${
        customers.length > 0
          ? html`<ul
              class="assigned"
              aria-label=${msg(str`Assigned to ${agent.name}`)}
            >
              ${customers.map((a) => this.renderAssignment(a))}
            </ul>`
          : nothing
      }
    </li>`;
  }

  protected override async load(
    client: SmsKitClient,
    isCurrent: () => boolean,
  ): Promise<void> {
    if (!this.inboxId) {
      this.fail(
        kitFailure(
          () => msg('Set the inbox-id attribute to the inbox to show.'),
          false,
        ),
      );
      return;
    }
    // Answers apply in the order their requests left, so a slow answer
    // never overwrites a newer one.
    const request = ++this.requested;
    try {
      const queue = await client.getQueue(this.inboxId);
      if (!isCurrent() || request < this.applied) return;
      this.applied = request;
      this.queue = queue;
      this.fetchedAt = Date.now();
      this.status = 'ready';
      this.tickWhileOffered();
    } catch (error) {
      if (isCurrent() && request >= this.applied) this.fail(failureOf(error));
    }
  }

  /** Fetches the queue again, once for a burst of changes. */
  private refreshSoon(): void {
    if (this.refreshTimer !== undefined) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      if (this.isConnected) void this.load(this.live.client, () => true);
    }, REFRESH_DELAY_MS);
  }

  protected override onEvent(event: EngineEvent): void {
    if (this.status === 'error') return;
    const touches =
      (event.type === 'conversation.updated' &&
        event.data.inboxId === this.inboxId) ||
      (event.type === 'agent.updated' &&
        event.data.inboxIds.includes(this.inboxId)) ||
      (event.type === 'inbox.updated' && event.data.id === this.inboxId) ||
      (event.type === 'customer.updated' && this.shows(event.data.id)) ||
      event.type === 'offer.updated' ||
      event.type === 'engine.reset' ||
      event.type === 'events.missed';
    if (touches) this.refreshSoon();
  }

  private shows(customerId: string): boolean {
    const queue = this.queue;
    if (!queue) return false;
    return [...queue.waiting, ...queue.assignments].some(
      (e) => e.customerId === customerId,
    );
  }
}
