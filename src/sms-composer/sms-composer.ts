import { msg, str } from '@lit/localize';
import { nothing, type PropertyValues } from 'lit';
import { html } from '../shared/compact-html.js';
import { live } from 'lit/directives/live.js';
import type { SmsKitClient } from '../sdk/client.js';
import type {
  Agent,
  Conversation,
  Customer,
  EngineEvent,
} from '../sdk/schemas.js';
import { failureOf, kitFailure } from '../shared/failure.js';
import { formatName, formatPhone } from '../shared/format.js';
import { LiveElement } from '../shared/live-element.js';
import {
  outbox,
  OutboxController,
  type OutgoingReply,
} from '../shared/outbox.js';
import { buttonStyles, stateStyles, tokens } from '../shared/styles.js';
import { describeSize, loadSegmentCounter, measure } from './segments.js';
import { styles } from './sms-composer.styles.js';
import { hasVisibleText } from '../sdk/text.js';

/** What the reply events tell a host page. */
export interface ReplyDetail {
  localId: string;
  conversationId: string;
  body: string;
}

/** Why a reply cannot be written here; `stop` when the customer said so. */
interface Blocked {
  text: string;
  stop: boolean;
}

/** Why a reply cannot be written here, or undefined when it can. */
function blocked(
  conversation: Conversation,
  customer: Customer | undefined,
  agentId: string,
  agentName: string,
): Blocked | undefined {
  if (conversation.status === 'CLOSED') {
    return { text: msg('This conversation is closed.'), stop: false };
  }
  if (!conversation.agentId) {
    return {
      text: msg(
        'This conversation is waiting for an agent; a reply can be sent once one has it.',
      ),
      stop: false,
    };
  }
  if (agentId && agentId !== conversation.agentId) {
    return {
      text: msg(str`${agentName} has this conversation; only they can reply.`),
      stop: false,
    };
  }
  const phone = customer?.phones.find((p) => p.smsPreference === 'OFF');
  if (customer && phone) {
    return {
      text: msg(
        str`${formatName(customer.name)} opted out of SMS at ${formatPhone(phone.number)}. Nothing can be sent until they text START.`,
      ),
      stop: true,
    };
  }
  return undefined;
}

/**
 * Where an agent writes a reply to a customer's SMS and sends it through
 * the SDK. It counts characters and segments and names the encoding as
 * they type, refuses more than the API's 1,600 characters, sends on Enter
 * (Shift+Enter starts a new line), and shows each reply as sending, sent,
 * or failed with a retry. Drafts and failed replies outlive the element,
 * so nothing written is lost when it re-renders or its timeline reloads.
 *
 * @attr conversation-id - The conversation to reply in.
 * @attr agent-id - The agent replying; the conversation's agent by default.
 * @prop showReplies - Whether failed replies are listed under the box;
 *   true by default. Set it as a property to turn them off (the timeline
 *   lists them itself): a `show-replies` attribute can only turn them on.
 * @attr label - The box's label; "Reply to" the customer by default.
 * @attr api-base - Where the API lives; `/api/v1` by default.
 *
 * @fires reply-send - A reply was sent off (`ReplyDetail`).
 * @fires reply-sent - The API took it; `detail.item` is the timeline item.
 * @fires reply-failed - It was refused or lost; `detail.error` says why.
 * @fires reply-retry - A failed reply was sent again (`ReplyDetail`).
 *
 * @csspart input - The text box.
 * @csspart size - The characters, segments and encoding line.
 * @csspart send - The Send button.
 * @csspart state - The loading or error notice.
 * @csspart notice - Why a reply cannot be sent, when it cannot.
 *
 * @tagname sms-composer
 */
export class SmsComposer extends LiveElement {
  static override styles = [tokens, buttonStyles, stateStyles, styles];

  static override properties = {
    conversationId: { attribute: 'conversation-id' },
    agentId: { attribute: 'agent-id' },
    label: {},
    conversation: { state: true },
    customer: { state: true },
    agent: { state: true },
    showReplies: { attribute: 'show-replies', type: Boolean },
  };

  declare conversationId: string;
  declare agentId: string;
  /** The box's label; "Reply to" and the customer's name by default. */
  declare label: string;
  declare protected conversation: Conversation | undefined;
  declare protected customer: Customer | undefined;
  declare protected agent: Agent | undefined;
  /**
   * Whether failed replies are listed under the box, with their retry;
   * `sms-timeline` turns it off, as it shows them in place.
   */
  declare showReplies: boolean;

  constructor() {
    super();
    this.conversationId = '';
    this.agentId = '';
    this.label = '';
    this.conversation = undefined;
    this.customer = undefined;
    this.agent = undefined;
    this.showReplies = true;
  }

  /** The draft and the replies are the outbox's: shown as they change. */
  private readonly drafts = new OutboxController(this, (change) => {
    if (change.conversationId === this.conversationId) this.requestUpdate();
  });

  private stopCounting?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    // Until it loads, or if it cannot, the length alone is given.
    this.stopCounting = loadSegmentCounter.whenLoaded(() =>
      this.requestUpdate(),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopCounting?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const moved =
      (changed.has('conversationId') &&
        changed.get('conversationId') !== undefined) ||
      (changed.has('agentId') && changed.get('agentId') !== undefined);
    if (moved) {
      this.conversation = undefined;
      this.reload();
    }
  }

  /** The agent the reply goes out as. */
  private get replyingAs(): string {
    return this.agentId || this.conversation?.agentId || '';
  }

  protected override render() {
    const state = this.renderState(
      msg('Loading the conversation…'),
      msg('Couldn’t load the conversation to reply in.'),
    );
    const conversation = this.conversation;
    if (state || !conversation) return state;
    const reason = this.blockedIn(conversation);
    const text = outbox.draft(conversation.id);
    const size = measure(text);
    const empty = !hasVisibleText(text);
    const to = this.customer
      ? formatName(this.customer.name)
      : msg('the customer');
    return html`<form
      @submit=${this.onSubmit}
      aria-label=${msg(str`Reply to ${to}`)}
    >
      <label class="label" for="reply"
        >${this.label || msg(html`Reply to <bdi>${to}</bdi>`)}</label
      >
      <textarea
        id="reply"
        part="input"
        rows="2"
        dir="auto"
        .value=${live(text)}
        ?disabled=${reason !== undefined}
        aria-describedby="size notice"
        aria-invalid=${size.tooLong ? 'true' : 'false'}
        @input=${this.onInput}
        @keydown=${this.onKeydown}
      ></textarea>
      <div class="bar">
        <p id="size" class="size ${size.tooLong ? 'over' : ''}" part="size">
          ${reason ? '' : describeSize(size)}
        </p>
        <button
          class="action primary"
          part="send"
          type="submit"
          ?disabled=${reason !== undefined || empty || size.tooLong}
        >
          ${msg('Send')}
        </button>
      </div>
      ${
        reason
          ? html`<p
              id="notice"
              class="notice ${reason.stop ? 'stop' : ''}"
              part="notice"
            >
              ${reason.text}
            </p>`
          : html`<p id="notice" class="hint">
              ${msg('Enter sends · Shift+Enter starts a new line')}
            </p>`
      }
      ${this.renderReplies(conversation.id, reason !== undefined)}
    </form>`;
  }

  /**
   * The latest reply's progress (not once nothing more can be sent), and
   * every failed one with its retry, which is kept whatever happens.
   */
  private renderReplies(conversationId: string, blocked: boolean) {
    const replies = outbox.repliesIn(conversationId);
    const latest = replies.at(-1);
    const failed = this.showReplies
      ? replies.filter((r) => r.status === 'failed')
      : [];
    const progress = blocked
      ? ''
      : latest?.status === 'sending'
        ? msg('Sending…')
        : latest?.status === 'sent'
          ? msg('Sent.')
          : '';
    return html`<p class="progress" role="status">${progress}</p>
      ${
        failed.length > 0
          ? html`<ul class="failed" aria-label=${msg('Replies not sent')}>
              ${failed.map((reply) => this.renderFailed(reply))}
            </ul>`
          : nothing
      }`;
  }

  private renderFailed(reply: OutgoingReply) {
    return html`<li>
      <p class="failed-text" dir="auto">${reply.body}</p>
      <p class="failed-why" role="alert">
        ${msg(str`Not sent: ${reply.failure?.message ?? ''}`)}
      </p>
      <button class="action" type="button" @click=${() => this.retry(reply)}>
        ${msg('Try again')}
      </button>
      <button
        class="action"
        type="button"
        @click=${() => outbox.edit(reply.localId)}
      >
        ${msg('Edit')}
      </button>
      <button
        class="action"
        type="button"
        @click=${() => outbox.dismiss(reply.localId)}
      >
        ${msg('Discard')}
      </button>
    </li>`;
  }

  private onInput = (event: InputEvent) => {
    const value = (event.target as HTMLTextAreaElement).value;
    outbox.setDraft(this.conversationId, value);
  };

  /** Enter sends; Shift+Enter, or Enter while composing text, does not. */
  private onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    void this.send();
  };

  private onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void this.send();
  };

  private blockedIn(conversation: Conversation): Blocked | undefined {
    const holder = this.agent?.name ?? msg('Another agent');
    return blocked(conversation, this.customer, this.agentId, holder);
  }

  /** Sends the draft, if it can go: the box empties at once. */
  async send(): Promise<void> {
    const conversation = this.conversation;
    if (!conversation) return;
    const body = outbox.draft(conversation.id);
    if (this.blockedIn(conversation)) return;
    if (!hasVisibleText(body) || measure(body).tooLong) return;
    outbox.setDraft(conversation.id, '');
    const pending = outbox.send(
      this.live.client,
      conversation.id,
      this.replyingAs,
      body,
    );
    const sending = outbox.repliesIn(conversation.id).at(-1)!;
    this.fire('reply-send', sending);
    this.settled(await pending);
  }

  private async retry(reply: OutgoingReply): Promise<void> {
    const pending = outbox.retry(this.live.client, reply.localId);
    this.fire('reply-retry', reply);
    this.settled(await pending);
  }

  private settled(reply: OutgoingReply): void {
    if (reply.status === 'sent') {
      this.fire('reply-sent', reply, { item: reply.item });
    } else {
      this.fire('reply-failed', reply, {
        error: reply.failure?.message ?? '',
      });
    }
  }

  private fire(
    type: string,
    reply: OutgoingReply,
    extra: Record<string, unknown> = {},
  ): void {
    const detail = {
      localId: reply.localId,
      conversationId: reply.conversationId,
      body: reply.body,
      ...extra,
    };
    this.dispatchEvent(
      new CustomEvent(type, { detail, bubbles: true, composed: true }),
    );
  }

  protected override async load(
    client: SmsKitClient,
    isCurrent: () => boolean,
  ): Promise<void> {
    if (!this.conversationId) {
      this.fail(
        kitFailure(
          () => msg('Set the conversation-id attribute to the conversation.'),
          false,
        ),
      );
      return;
    }
    try {
      const conversation = await client.getConversation(this.conversationId);
      const holder = this.agentId || conversation.agentId;
      const [customer, agent] = await Promise.all([
        client.getCustomer(conversation.customerId),
        holder ? client.getAgent(conversation.agentId ?? holder) : undefined,
      ]);
      if (!isCurrent()) return;
      this.conversation = conversation;
      this.customer = customer;
      this.agent = agent;
      this.status = 'ready';
      if (this.showReplies) void this.settleKept(client, conversation);
    } catch (error) {
      if (isCurrent()) this.fail(failureOf(error));
    }
  }

  /**
   * On its own (a timeline does this itself), a composer with replies
   * kept from before a reload reads the newest messages once: a reply
   * the server stored, though its answer was lost, is sent after all.
   */
  private async settleKept(
    client: SmsKitClient,
    conversation: Conversation,
  ): Promise<void> {
    const unsent = outbox
      .repliesIn(conversation.id)
      .some((reply) => reply.status !== 'sent');
    if (!unsent) return;
    try {
      const page = await client.getTimeline(conversation.customerId, {
        limit: 50,
      });
      for (const item of page.items) outbox.settle(item);
    } catch {
      // Not read now: Try again still sends each reply once.
    }
  }

  protected override onEvent(event: EngineEvent): void {
    // A reply of this page's whose answer was lost is sent after all.
    if (event.type === 'item.created') outbox.settle(event.data);
    if (this.status !== 'ready') return;
    switch (event.type) {
      case 'conversation.updated':
        if (event.data.id !== this.conversationId) return;
        // A new agent's name is needed for what the box says.
        if (event.data.agentId !== this.conversation?.agentId) {
          this.live.reload();
          return;
        }
        this.conversation = event.data;
        return;
      case 'customer.updated':
        if (event.data.id === this.customer?.id) this.customer = event.data;
        return;
      case 'engine.reset':
      case 'events.missed':
        this.reload();
        return;
      default:
        return;
    }
  }
}
