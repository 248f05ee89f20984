import { msg, str } from '@lit/localize';
import { nothing, type PropertyValues } from 'lit';
import { html } from '../shared/compact-html.js';
import {
  virtualize,
  virtualizerRef,
  type VirtualizerHostElement,
} from '@lit-labs/virtualizer/virtualize.js';
import type { SmsKitClient } from '../sdk/client.js';
import type {
  Conversation,
  Customer,
  EngineEvent,
  TimelineItem,
} from '../sdk/schemas.js';
import '../sms-attachment/define.js';
import '../sms-composer/define.js';
import { failureOf, kitFailure, type Failure } from '../shared/failure.js';
import { formatName } from '../shared/format.js';
import { LiveElement } from '../shared/live-element.js';
import {
  outbox,
  OutboxController,
  type OutgoingReply,
} from '../shared/outbox.js';
import { buttonStyles, stateStyles, tokens } from '../shared/styles.js';
import { styles } from './sms-timeline.styles.js';
import { MarkerSweeper } from './marker-sweeper.js';
import { mergeItems } from './timeline-order.js';
import { TimelineLayout } from './timeline-layout.js';
import { TimelineNames } from './timeline-names.js';
import {
  describeForAnnouncement,
  renderOutgoing,
  renderRow,
} from './timeline-rows.js';

const PAGE_SIZE = 50;

/** The "Show earlier messages" row, first in the log while there are more. */
const EARLIER = Symbol('earlier');

/** What the log lists, in order: an item, a reply on its way, or paging. */
type Entry = TimelineItem | OutgoingReply | typeof EARLIER;

// The virtualizer may ask about an index the list no longer has, for one
// frame after it shrinks: such a row is keyed by its place and left empty.
const keyOf = (entry: Entry | undefined, index: number): string =>
  entry === undefined
    ? `gone:${index}`
    : entry === EARLIER
      ? 'earlier'
      : 'localId' in entry
        ? `reply:${entry.localId}`
        : entry.id;

/** Within this many pixels of the foot, the agent is at the newest. */
const AT_BOTTOM = 24;

/** How long after a wheel, touch, key or press a scroll is the agent's. */
const AGENT_SCROLL_MS = 1000;

/** Frames the view is held at the foot after a change, as rows take size. */
const SETTLE_FRAMES = 30;

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
 *
 * @tagname sms-timeline
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
  declare protected earlierError: Failure | undefined;

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
    this.earlierError = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customerId') && changed.get('customerId') !== undefined) {
      this.items = [];
      this.conversations = [];
      this.nextCursor = null;
      this.earlierError = undefined;
      this.reload();
    }
  }

  protected override updated(): void {
    if (this.stickToBottom) void this.settleAtFoot();
  }

  /** Takes away what lit leaves of the rows the virtualizer stops drawing. */
  private readonly sweeper = new MarkerSweeper(this, () => this.log);

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
      this.holdNewest();
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

  private entryList: Entry[] = [];

  /**
   * What the log lists. The same array while nothing in it changed, so the
   * virtualizer redraws only the rows in view and lays out nothing anew.
   */
  private entries(): Entry[] {
    const next: Entry[] = this.nextCursor ? [EARLIER] : [];
    next.push(...this.items, ...this.outgoing());
    const last = this.entryList;
    const same =
      next.length === last.length && next.every((e, i) => e === last[i]);
    if (!same) this.entryList = next;
    return this.entryList;
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
      ${this.renderReconnecting()} ${this.renderLog(name)}
      <p id="log-keys" class="visually-hidden">
        ${msg(
          'Arrow keys move between messages, Page Up and Page Down a page at a time; Home and End go to the first and the newest.',
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

  /**
   * The log. Only the rows in view and a few beyond are in the DOM
   * (@lit-labs/virtualizer); the rest are drawn as the agent scrolls.
   */
  private renderLog(name: string) {
    const entries = this.entries();
    const label = msg(str`Conversation with ${name}`);
    if (entries.length === 0) {
      return html`<div
        class="log empty"
        part="log"
        role="log"
        aria-live="off"
        aria-label=${label}
      >
        <div class="state" part="state">
          ${msg(str`No messages with ${name} yet.`)}
        </div>
      </div>`;
    }
    return html`<div
      class="log"
      part="log"
      role="log"
      aria-live="off"
      tabindex="0"
      aria-label=${label}
      aria-describedby="log-keys"
      @scroll=${this.onScroll}
      @wheel=${this.passiveAgentMove}
      @touchmove=${this.passiveAgentMove}
      @pointerdown=${this.onAgentMove}
      @keydown=${this.onKeydown}
      @focusin=${this.onFocusIn}
      @focusout=${this.onFocusOut}
      @rangeChanged=${this.onLaidOut}
      @visibilityChanged=${this.onLaidOut}
    >
      ${virtualize({
        items: entries,
        keyFunction: keyOf,
        renderItem: (entry: Entry | undefined, index: number) =>
          this.renderEntry(entry, index),
        scroller: true,
        layout: { type: TimelineLayout },
      })}
    </div>`;
  }

  private renderEntry(entry: Entry | undefined, index: number) {
    if (entry === undefined) return html``;
    if (entry === EARLIER) {
      return html`<div class="earlier" data-index=${index}>
        ${
          this.earlierError
            ? html`<p class="state error" role="alert">
                ${msg(str`Couldn’t load earlier messages. ${this.earlierError.message}`)}
              </p>`
            : ''
        }
        <button class="action" type="button" @click=${() => this.loadEarlier()}>
          ${this.earlierError ? msg('Try again') : msg('Show earlier messages')}
        </button>
      </div>`;
    }
    if ('localId' in entry) {
      return html`<div class="row" tabindex="-1" data-index=${index}>
        ${renderOutgoing(entry, this.names, {
          retry: () => this.retry(entry),
          discard: () => {
            outbox.dismiss(entry.localId);
            this.keepFocus();
          },
        })}
      </div>`;
    }
    return html`<div
      class="row"
      tabindex="-1"
      data-index=${index}
      data-item-id=${entry.id}
    >
      ${renderRow(entry, this.names)}
    </div>`;
  }

  /** Says `text` in the live region. */
  private announce(text: string): void {
    // Cleared first, so the same words twice are still said twice.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  private retry(reply: OutgoingReply): void {
    void outbox.retry(this.live.client, reply.localId);
    this.keepFocus();
  }

  /**
   * A reply's buttons go with it (sent again, or discarded): focus stays
   * in the timeline, on its log, instead of falling to the page.
   */
  private keepFocus(): void {
    // The virtualizer draws the changed row a frame or two after this
    // element's own update.
    void this.updateComplete.then(async () => {
      for (let frame = 0; frame < 3; frame++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      const active = this.shadowRoot?.activeElement;
      if (!active || !active.isConnected) this.log?.focus();
    });
  }

  private get virtualizer() {
    return (this.log as VirtualizerHostElement | null)?.[virtualizerRef];
  }

  /**
   * Whether the newest row is in view (or the log is scrolled to its end:
   * the virtualizer estimates the height of rows it has not drawn, so the
   * end can lie a little past the newest row).
   */
  private atFoot(): boolean {
    const log = this.log;
    const last = this.entryList.length - 1;
    if (!log || last < 0) return true;
    if (log.scrollHeight - log.scrollTop - log.clientHeight < AT_BOTTOM) {
      return true;
    }
    const row = log.querySelector(`[data-index="${last}"]`);
    if (!row) return false;
    const bottom = log.getBoundingClientRect().bottom;
    return row.getBoundingClientRect().bottom <= bottom + AT_BOTTOM;
  }

  /** Holds the view at the log's end, where the newest row is. */
  private keepAtBottom(): void {
    const log = this.log;
    if (log && this.stickToBottom) log.scrollTop = log.scrollHeight;
  }

  private settling = false;

  /**
   * Keeps the view at the foot for a few frames after a change, while rows
   * take their size: a campaign card draws after the timeline does, and
   * the virtualizer sizes rows it has not drawn by estimate.
   */
  private async settleAtFoot(): Promise<void> {
    if (this.settling) return;
    this.settling = true;
    try {
      for (let frame = 0; frame < SETTLE_FRAMES; frame++) {
        if (!this.stickToBottom || !this.isConnected) return;
        this.keepAtBottom();
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    } finally {
      this.settling = false;
    }
  }

  /** The virtualizer laid rows out again: at the foot, stay there. */
  private onLaidOut = () => {
    if (this.stickToBottom) void this.settleAtFoot();
    requestAnimationFrame(() => this.rescueFocus());
  };

  /**
   * Whether something in the log (a row, a row's button, the paging
   * button) had focus last, and focus has not left for elsewhere since.
   */
  private focusInLog = false;

  private onFocusIn = (event: FocusEvent) => {
    this.focusInLog = event.target !== this.log;
  };

  private onFocusOut = (event: FocusEvent) => {
    // Leaving for somewhere else on purpose; a removed row sends no target.
    if (event.relatedTarget) this.focusInLog = false;
  };

  /** Focus was in the log, on something that is no longer there. */
  private focusLost(): boolean {
    if (!this.focusInLog || this.shadowRoot?.activeElement) return false;
    const active = document.activeElement;
    return !active || active === document.body || active === this;
  }

  /**
   * What had focus in the log scrolled out of the DOM (the virtualizer
   * drops rows out of view): focus goes to the log, not to the page.
   */
  private rescueFocus(): void {
    if (!this.focusLost()) return;
    this.focusInLog = false;
    this.log?.focus({ preventScroll: true });
  }

  /** When the agent last turned a wheel, touched, pressed or typed a key. */
  private agentMoved = -Infinity;

  /** The agent is about to scroll (a wheel, a touch, a key, the scrollbar). */
  private onAgentMove = () => {
    this.agentMoved = performance.now();
  };

  /** The same, listened to without holding up the scroll. */
  private passiveAgentMove = { handleEvent: this.onAgentMove, passive: true };

  /**
   * The log scrolled. A scroll of the agent's own takes the view off the
   * newest row or back to it. Other scrolls are this element and the
   * virtualizer placing rows as they take their size: they never let go
   * of the newest row. Near the top, earlier history loads by itself.
   */
  private onScroll = () => {
    const log = this.log;
    if (!log) return;
    const theirs = performance.now() - this.agentMoved < AGENT_SCROLL_MS;
    const stick = this.atFoot() || (this.stickToBottom && !theirs);
    this.stickToBottom = stick;
    if (stick) this.unseen = 0;
    else if (log.scrollTop < 200 && !this.earlierError) {
      void this.loadEarlier();
    }
  };

  /** Back to the newest message, from the "new messages" control. */
  private showNewest = () => {
    this.holdNewest();
    this.unseen = 0;
    void this.settleAtFoot();
    this.log?.focus();
  };

  /**
   * Back to the newest row and held there, as the agent asked (the "new
   * messages" control, a reply of theirs, a fresh load). A wheel turned
   * just before is theirs no longer: the move they make now is this one.
   */
  private holdNewest(): void {
    this.stickToBottom = true;
    this.agentMoved = -Infinity;
  }

  /**
   * Moving between timeline items by keyboard: arrows to the next or the
   * one before, Home and End to the first and the newest.
   */
  private onKeydown = (event: KeyboardEvent) => {
    this.onAgentMove();
    const entries = this.entryList;
    // Rows are the messages and lines; the paging row is not one.
    const first = entries[0] === EARLIER ? 1 : 0;
    const last = entries.length - 1;
    if (last < first) return;
    const active = this.shadowRoot!.activeElement;
    const row = active?.closest<HTMLElement>('.row');
    // Keys typed inside a row's own controls, or the paging row, are theirs.
    if (active && active !== this.log && active !== row) return;
    const at = row ? Number(row.dataset.index) : -1;
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = at < 0 ? first : Math.min(last, at + 1);
        break;
      case 'ArrowUp':
        next = at < 0 ? last : Math.max(first, at - 1);
        break;
      case 'Home':
        next = first;
        break;
      case 'End':
        next = last;
        break;
      case 'PageUp':
        next = Math.max(first, (at < 0 ? last : at) - this.rowsInView());
        break;
      case 'PageDown':
      case ' ':
        // Space reads on, as it does down a page; it never scrolls the
        // page behind the log.
        next = at < 0 ? first : Math.min(last, at + this.rowsInView());
        break;
      default:
        return;
    }
    event.preventDefault();
    void this.focusRow(next);
  };

  /** About how many rows a Page Up or Page Down moves: those in view. */
  private rowsInView(): number {
    const log = this.log;
    const rows = log?.querySelectorAll<HTMLElement>('.row') ?? [];
    if (!log || rows.length === 0) return 1;
    const view = log.getBoundingClientRect();
    const seen = [...rows].filter((row) => {
      const box = row.getBoundingClientRect();
      return box.bottom > view.top && box.top < view.bottom;
    }).length;
    return Math.max(1, seen - 1);
  }

  /** Focuses row `index`, drawing it first if it is out of view. */
  private async focusRow(index: number): Promise<void> {
    const find = () =>
      this.renderRoot.querySelector<HTMLElement>(`.row[data-index="${index}"]`);
    if (!find()) {
      this.virtualizer?.element(index)?.scrollIntoView({ block: 'nearest' });
      for (let tries = 0; !find() && tries < 20; tries++) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    }
    find()?.focus();
  }

  private get log(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.log');
  }

  protected override async load(
    client: SmsKitClient,
    isCurrent: () => boolean,
  ): Promise<void> {
    const customerId = this.customerId;
    if (!customerId) {
      this.fail(
        kitFailure(
          () => msg('Set the customer-id attribute to the customer to show.'),
          false,
        ),
      );
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
      // Replies of this page's (failed or still sending when it went away)
      // that the server stored are sent after all.
      for (const item of items) outbox.settle(item);
      await this.names.lookUp(client, items);
      if (!isCurrent()) return;
      this.customer = customer;
      this.names.customer = customer;
      this.listed += 1;
      this.items = items;
      this.conversations = conversations;
      this.nextCursor = page.nextCursor;
      this.holdNewest();
      this.status = 'ready';
    } catch (error) {
      if (isCurrent()) this.fail(failureOf(error));
    }
  }

  private loadingEarlier = false;

  /** Rises each time the list is read anew (a load, a reset). */
  private listed = 0;

  private async loadEarlier(): Promise<void> {
    const client = this.live.client;
    const before = this.nextCursor;
    const customerId = this.customerId;
    const listed = this.listed;
    if (!before || this.loadingEarlier) return;
    this.loadingEarlier = true;
    // Another customer, or the same one loaded anew: this page is not theirs.
    const stale = () =>
      this.customerId !== customerId || this.listed !== listed;
    try {
      const page = await client.getTimeline(customerId, {
        limit: PAGE_SIZE,
        before,
      });
      await this.names.lookUp(client, page.items);
      if (stale()) return;
      // Older items go in above what the agent reads: keep that where it
      // is, and keep focus in the log when the button goes away.
      const anchor = this.topRow();
      // On the paging button, or on it until the virtualizer redrew it.
      // (Not `:focus`, which matches nothing while the window is not in
      // front.)
      const hadFocus =
        this.shadowRoot?.activeElement?.closest('.earlier') != null ||
        this.focusLost();
      this.earlierError = undefined;
      this.items = mergeItems(this.items, page.items);
      this.nextCursor = page.nextCursor;
      await this.updateComplete;
      if (hadFocus) this.log?.focus();
      if (anchor) await this.restore(anchor);
    } catch (error) {
      // What is shown stays; only the paging says it failed.
      if (!stale()) this.earlierError = failureOf(error);
    } finally {
      this.loadingEarlier = false;
    }
    if (stale()) return;
    // Still at the top (the reader kept scrolling up while it loaded, and
    // a scroll already at the top makes no event): the next page too.
    const log = this.log;
    if (
      log &&
      this.nextCursor &&
      !this.earlierError &&
      !this.stickToBottom &&
      log.scrollTop < 200
    ) {
      requestAnimationFrame(() => void this.loadEarlier());
    }
  }

  /** The first row in view, and how far below the log's top it is. */
  private topRow(): { key: string; offset: number } | undefined {
    const log = this.log;
    if (!log) return undefined;
    const top = log.getBoundingClientRect().top;
    // A message or line, not the paging row: that one goes once all is in.
    for (const row of log.querySelectorAll<HTMLElement>('.row')) {
      const box = row.getBoundingClientRect();
      if (box.bottom > top) {
        const entry = this.entryList[Number(row.dataset.index)];
        if (entry) return { key: keyOf(entry, 0), offset: box.top - top };
      }
    }
    return undefined;
  }

  /**
   * Scrolls row `key` back to `offset` below the log's top once rows have
   * gone in above it. The virtualizer keeps the scroll offset, not the
   * row, when items are put ahead of the ones it shows (lit/lit#4032), and
   * sizes rows it has not drawn by estimate: so the row is brought into
   * view, then nudged frame by frame until it stays put. The agent
   * scrolling meanwhile ends it: where they go wins.
   */
  private async restore(anchor: { key: string; offset: number }) {
    const index = this.entryList.findIndex(
      (e, i) => keyOf(e, i) === anchor.key,
    );
    const log = this.log;
    if (index < 0 || !log) return;
    const started = performance.now();
    const find = () =>
      log.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!find()) this.virtualizer?.element(index)?.scrollIntoView();
    for (let tries = 0, still = 0; tries < 40 && still < 4; tries++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (this.agentMoved > started) return;
      const row = find();
      if (!row) continue;
      const drift =
        row.getBoundingClientRect().top -
        log.getBoundingClientRect().top -
        anchor.offset;
      if (Math.abs(drift) < 1) {
        still += 1;
        continue;
      }
      still = 0;
      log.scrollTop += drift;
    }
  }

  /** Items already shown, when they belong to `customerId`. */
  private itemsFor(customerId: string): TimelineItem[] {
    return this.items.filter((item) => item.customerId === customerId);
  }

  protected override onEvent(event: EngineEvent): void {
    switch (event.type) {
      case 'item.created':
        // A reply of this page's whose answer was lost is sent after all.
        outbox.settle(event.data);
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
        this.listed += 1;
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
