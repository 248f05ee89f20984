import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { SmsKitClient } from '../sdk/client.js';
import type {
  Conversation,
  Customer,
  EngineEvent,
  TimelineItem,
} from '../sdk/schemas.js';
import '../sms-attachment/define.js';
import '../sms-composer/define.js';
import { failureOf } from '../shared/failure.js';
import { formatName } from '../shared/format.js';
import { LiveElement } from '../shared/live-element.js';
import {
  outbox,
  OutboxController,
  type OutgoingReply,
} from '../shared/outbox.js';
import { buttonStyles, stateStyles, tokens } from '../shared/styles.js';
import { styles } from './sms-timeline.styles.js';
import { mergeItems } from './timeline-order.js';
import { TimelineNames } from './timeline-names.js';
import {
  describeForAnnouncement,
  renderOutgoing,
  renderRow,
} from './timeline-rows.js';

const PAGE_SIZE = 50;

/**
 * A customer's conversation timeline, oldest at the top and newest at the
 * bottom, kept live through the API's event stream. Campaign messages show
 * as `campaign-answer`, a reply to a campaign is preceded by a
 * `reply-marker`, messages show as bubbles and routing as a quiet line.
 *
 * It finds the API through `api-base`, or through an SDK client that an
 * ancestor provides with @lit/context.
 *
 * Under an open conversation it shows an `sms-composer` for the agent's
 * reply; a reply shows at once as sending, then sent, or failed with a
 * retry.
 *
 * @attr customer-id - The customer whose timeline to show.
 * @attr agent-id - The agent replying; each conversation's own agent by
 *   default.
 * @attr api-base - Where the API lives; `/api/v1` by default.
 * @attr time-zone - The IANA time zone to show times in; else one an
 *   ancestor provides (`provideTimeZone`), else the browser's.
 *
 * @csspart log - The scrolling list of items.
 * @csspart message - A message row; `bubble` is its text.
 * @csspart routing - A routing line.
 * @csspart keyword - A customer's STOP, START or HELP, as a line.
 * @csspart delivery - An outbound message's delivery status.
 * @csspart composer - The reply box under an open conversation.
 * @csspart state - The loading, empty or error notice.
 * @csspart new-messages - The "N new messages" control, shown while the
 *   agent reads further up.
 * @csspart reconnecting - The notice while the event stream is down.
 *
 * @cssprop --sms-kit-timeline-height - The scroll box's height (24rem).
 */
export class SmsTimeline extends LiveElement {
  static override styles = [tokens, buttonStyles, stateStyles, styles];

  static override properties = {
    customerId: { attribute: 'customer-id' },
    agentId: { attribute: 'agent-id' },
    items: { state: true },
    conversations: { state: true },
    announcement: { state: true },
    unseen: { state: true },
    customer: { state: true },
    nextCursor: { state: true },
    earlierError: { state: true },
  };

  declare customerId: string;
  declare agentId: string;
  declare protected items: TimelineItem[];
  declare protected conversations: Conversation[];
  /** What the live region says: the latest message that came in live. */
  declare protected announcement: string;
  /** Messages that came in while the agent was scrolled up. */
  declare protected unseen: number;
  declare protected customer: Customer | undefined;
  declare protected nextCursor: string | null;
  declare protected earlierError: string;

  private readonly names = new TimelineNames();
  /** Items updated since the latest load began, by id; newest wins. */
  private readonly updatedWhileLoading = new Map<string, TimelineItem>();
  private stickToBottom = true;

  constructor() {
    super();
    this.customerId = '';
    this.agentId = '';
    this.items = [];
    this.conversations = [];
    this.announcement = '';
    this.unseen = 0;
    this.customer = undefined;
    this.nextCursor = null;
    this.earlierError = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId') && changed.get('customerId') !== undefined) {
      this.items = [];
      this.conversations = [];
      this.nextCursor = null;
      this.earlierError = '';
      this.reload();
    }
  }

  protected override updated(): void {
    // Rows such as campaign-answer draw after this element does, so the
    // content is watched for size: while the agent is at the bottom, the
    // newest message stays in view however late its row takes shape.
    const content = this.renderRoot.querySelector('.content');
    if (content !== this.watched) {
      this.resizes.disconnect();
      if (content) this.resizes.observe(content);
      this.watched = content ?? undefined;
    }
    this.keepAtBottom();
    const top = this.renderRoot.querySelector('.earlier');
    if (top !== this.watchedTop) {
      this.nearTop.disconnect();
      if (top) this.nearTop.observe(top);
      this.watchedTop = top ?? undefined;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizes.disconnect();
    this.watched = undefined;
    this.nearTop.disconnect();
    this.watchedTop = undefined;
  }

  /** A reply this page sent: shown at once, and as an item once sent. */
  private readonly replies = new OutboxController(
    this,
    ({ conversationId, kind }) => {
      // The text being written is the composer's; only replies show here.
      if (kind === 'draft') return;
      if (!this.conversations.some((c) => c.id === conversationId)) return;
      const sent = outbox
        .repliesIn(conversationId)
        .flatMap((r) => (r.status === 'sent' && r.item ? [r.item] : []))
        .filter((item) => item.customerId === this.customerId);
      if (sent.length > 0) this.items = mergeItems(this.items, sent);
      this.stickToBottom = true;
      this.requestUpdate();
    },
  );

  /** Replies from this page that the timeline does not show as items yet. */
  private outgoing(): OutgoingReply[] {
    const shown = new Set(this.items.map((i) => i.id));
    return this.conversations.flatMap((c) =>
      outbox.repliesIn(c.id).filter((r) => !(r.item && shown.has(r.item.id))),
    );
  }

  protected override render() {
    const state = this.renderState(
      msg('Loading the timeline…'),
      msg('Couldn’t load this timeline.'),
    );
    if (state) return state;
    const name = this.customer
      ? formatName(this.customer.name)
      : msg('this customer');
    // Rows, and the updates they render, show times in this zone.
    this.names.timeZone = this.zone.value;
    return html`
      ${this.renderReconnecting()}
      <div
        class="log"
        part="log"
        role="log"
        aria-live="off"
        tabindex="0"
        aria-label=${msg(str`Conversation with ${name}`)}
        aria-describedby="log-keys"
        @scroll=${this.onScroll}
        @keydown=${this.onKeydown}
      >
        <div class="content">
          ${
            this.nextCursor
              ? html`<div class="earlier">
                  ${
                    this.earlierError
                      ? html`<p class="state error" role="alert">
                          ${msg(
                            str`Couldn’t load earlier messages. ${this.earlierError}`,
                          )}
                        </p>`
                      : ''
                  }
                  <button
                    class="action"
                    type="button"
                    @click=${() => this.loadEarlier()}
                  >
                    ${
                      this.earlierError
                        ? msg('Try again')
                        : msg('Show earlier messages')
                    }
                  </button>
                </div>`
              : ''
          }
          ${
            this.items.length === 0
              ? html`<div class="state" part="state">
                  ${msg(str`No messages with ${name} yet.`)}
                </div>`
              : repeat(
                  this.items,
                  (item) => item.id,
                  (item) =>
                    html`<div class="row" tabindex="-1" data-item-id=${item.id}>
                      ${renderRow(item, this.names)}
                    </div>`,
                )
          }
          ${repeat(
            this.outgoing(),
            (reply) => reply.localId,
            (reply) =>
              html`<div class="row" tabindex="-1">
                ${renderOutgoing(reply, this.names, {
                  retry: () => this.retry(reply),
                  discard: () => outbox.dismiss(reply.localId),
                })}
              </div>`,
          )}
        </div>
      </div>
      <p id="log-keys" class="visually-hidden">
        ${msg(
          'Arrow keys move between messages; Home and End go to the first and the newest.',
        )}
      </p>
      ${
        this.unseen > 0
          ? html`<button
              class="action unseen"
              part="new-messages"
              type="button"
              @click=${this.showNewest}
            >
              ${
                this.unseen === 1
                  ? msg('1 new message')
                  : msg(str`${this.unseen} new messages`)
              }
              ↓
            </button>`
          : nothing
      }
      <div class="visually-hidden" role="status" aria-live="polite">
        ${this.announcement}
      </div>
      ${this.conversations
        .filter((c) => c.status === 'OPEN')
        .map(
          (c, _, open) =>
            html`<sms-composer
              part="composer"
              .showReplies=${false}
              label=${
                // With two open, each box says which inbox it answers in.
                open.length > 1
                  ? msg(str`Reply in ${this.names.inboxName(c.inboxId)}`)
                  : ''
              }
              conversation-id=${c.id}
              agent-id=${this.agentId}
              api-base=${this.apiBase}
            ></sms-composer>`,
        )}
    `;
  }

  /** Says `text` in the live region. */
  private announce(text: string): void {
    // Cleared first, so the same words twice are still said twice.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  private retry(reply: OutgoingReply): void {
    void outbox.retry(this.live.client, reply.localId);
  }

  private readonly resizes = new ResizeObserver(() => this.keepAtBottom());
  private watched?: Element;

  private keepAtBottom(): void {
    const log = this.log;
    if (log && this.stickToBottom) log.scrollTop = log.scrollHeight;
  }

  /** The agent scrolled: stick to the bottom only while they are there. */
  private onScroll = () => {
    const log = this.log;
    if (!log) return;
    this.stickToBottom =
      log.scrollHeight - log.scrollTop - log.clientHeight < 24;
    if (this.stickToBottom) this.unseen = 0;
  };

  /** Back to the newest message, from the "new messages" control. */
  private showNewest = () => {
    this.stickToBottom = true;
    this.unseen = 0;
    this.keepAtBottom();
    this.log?.focus();
  };

  /**
   * Moving between timeline items by keyboard: arrows to the next or the
   * one before, Home and End to the first and the newest.
   */
  private onKeydown = (event: KeyboardEvent) => {
    const rows = [...this.renderRoot.querySelectorAll<HTMLElement>('.row')];
    if (rows.length === 0) return;
    const active = this.shadowRoot!.activeElement;
    const at = rows.findIndex((row) => row === active || row.contains(active));
    // Keys typed inside a row's own controls are theirs.
    if (at >= 0 && active !== rows[at]) return;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = at < 0 ? 0 : Math.min(rows.length - 1, at + 1);
        break;
      case 'ArrowUp':
        next = at < 0 ? rows.length - 1 : Math.max(0, at - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = rows.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    rows[next]!.focus();
  };

  private get log(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.log');
  }

  protected override async load(
    client: SmsKitClient,
    isCurrent: () => boolean,
  ): Promise<void> {
    const customerId = this.customerId;
    if (!customerId) {
      this.fail({
        retryable: false,
        message: msg('Set the customer-id attribute to the customer to show.'),
      });
      return;
    }
    // Only updates heard from now on can be newer than the page asked for.
    this.updatedWhileLoading.clear();
    try {
      const [customer, page, inboxes, conversations] = await Promise.all([
        client.getCustomer(customerId),
        client.getTimeline(customerId, { limit: PAGE_SIZE }),
        client.listInboxes(),
        client.listConversations(customerId),
      ]);
      if (!isCurrent()) return;
      this.names.setInboxes(inboxes);
      // Events heard while loading are already in `items`; merging keeps one.
      // An item updated meanwhile (its delivery moved on) takes its place.
      const fresh = this.updatedWhileLoading;
      const items = mergeItems(page.items, this.itemsFor(customerId)).map(
        (item) => fresh.get(item.id) ?? item,
      );
      await this.names.lookUp(client, items);
      if (!isCurrent()) return;
      this.customer = customer;
      this.names.customer = customer;
      this.items = items;
      this.conversations = conversations;
      this.nextCursor = page.nextCursor;
      this.stickToBottom = true;
      this.status = 'ready';
    } catch (error) {
      if (isCurrent()) this.fail(failureOf(error));
    }
  }

  /** The earlier-messages row, watched so scrolling up to it loads more. */
  private readonly nearTop = new IntersectionObserver(
    (entries) => {
      // Only once the reader has scrolled: the first view is the newest.
      const log = this.log;
      if (!log || (log.scrollTop === 0 && this.stickToBottom)) return;
      if (entries.some((e) => e.isIntersecting) && !this.earlierError) {
        void this.loadEarlier();
      }
    },
    { rootMargin: '200px 0px 0px 0px' },
  );
  private watchedTop?: Element;
  private loadingEarlier = false;

  private async loadEarlier(): Promise<void> {
    const client = this.live.client;
    const before = this.nextCursor;
    if (!before || this.loadingEarlier) return;
    this.loadingEarlier = true;
    try {
      const page = await client.getTimeline(this.customerId, {
        limit: PAGE_SIZE,
        before,
      });
      await this.names.lookUp(client, page.items);
      // Older items go in above what the agent reads: keep that where it
      // is, and keep focus in the log when the button goes away.
      const log = this.log;
      const fromBottom = log ? log.scrollHeight - log.scrollTop : 0;
      const hadFocus =
        this.renderRoot.querySelector('.earlier :focus') !== null;
      this.earlierError = '';
      this.items = mergeItems(this.items, page.items);
      this.nextCursor = page.nextCursor;
      await this.updateComplete;
      if (log) log.scrollTop = log.scrollHeight - fromBottom;
      if (hadFocus && !this.nextCursor) log?.focus();
    } catch (error) {
      // What is shown stays; only the paging says it failed.
      this.earlierError = (error as Error).message;
    } finally {
      this.loadingEarlier = false;
    }
  }

  /** Items already shown, when they belong to `customerId`. */
  private itemsFor(customerId: string): TimelineItem[] {
    return this.items.filter((item) => item.customerId === customerId);
  }

  protected override onEvent(event: EngineEvent): void {
    switch (event.type) {
      case 'item.created':
        if (event.data.customerId !== this.customerId) return;
        void this.names.lookUp(this.live.client, [event.data]).then(() => {
          const known = this.items.some((i) => i.id === event.data.id);
          this.items = mergeItems(this.items, [event.data]);
          if (known) return;
          // Said once, as it comes in; history loaded later is not re-read.
          // Routing lines and agents' own replies are neither said nor
          // counted as new.
          const words = describeForAnnouncement(event.data, this.names);
          if (!words) return;
          this.announce(words);
          if (!this.stickToBottom) this.unseen += 1;
        });
        return;
      case 'item.updated': {
        // A message's delivery moved on: the item takes its place.
        const updated = event.data;
        if (updated.customerId !== this.customerId) return;
        // Kept too for a load in flight, whose answer may be older.
        this.updatedWhileLoading.set(updated.id, updated);
        this.items = this.items.map((i) => (i.id === updated.id ? updated : i));
        return;
      }
      case 'conversation.updated': {
        if (event.data.customerId !== this.customerId) return;
        const others = this.conversations.filter((c) => c.id !== event.data.id);
        this.conversations = [...others, event.data].sort((a, b) =>
          a.createdAt.localeCompare(b.createdAt),
        );
        return;
      }
      case 'customer.updated':
        if (event.data.id !== this.customerId) return;
        this.customer = event.data;
        this.names.customer = event.data;
        return;
      case 'agent.updated':
        if (this.names.updateAgent(event.data.id, event.data.name)) {
          this.requestUpdate();
        }
        return;
      case 'inbox.updated':
        if (this.names.updateInbox(event.data)) this.requestUpdate();
        return;
      case 'engine.reset':
        this.items = [];
        this.conversations = [];
        this.live.reload();
        return;
      case 'events.missed':
        // More happened while away than the server replays: read it all.
        this.live.reload();
        return;
      default:
        return;
    }
  }
}
