/**
 * The demo's controls: a customer texting in (as a Twilio webhook), an
 * agent's status and capacity, and closing a conversation. Each goes
 * through the HTTP API, and each shows what the API answered. In server
 * mode the clock cannot be played faster; its select says why.
 */
import { html, nothing, render } from 'lit';
import type {
  Agent,
  Assignment,
  Inbox,
  PendingOffer,
  SmsKitClient,
} from '../src/index.js';
import { ApiNetworkError } from '../src/sdk/errors.js';
import { formatName } from '../src/shared/format.js';
import { madeUpRecipients } from '../mock-server/scenario.js';

/** The policies in the page's words, as routed-queue words them. */
export const POLICY_NAMES: Record<Inbox['policy'], string> = {
  MOST_AVAILABLE: 'Most spare capacity',
  LEAST_ACTIVE: 'Fewest open conversations',
  LONGEST_IDLE: 'Longest since their last assignment',
  PERCENT_SPARE: 'Highest share of spare capacity',
};

export interface ControlsState {
  client: SmsKitClient;
  /** Whose engine: the page's own, or the server's (shared). */
  mode: 'page' | 'server';
  inboxes: Inbox[];
  agents: Agent[];
  customers: Array<{ id: string; name: string; phone: string }>;
  conversations: Assignment[];
  offers: PendingOffer[];
  /** Posts the webhook; resolves to the refusal's message, if refused. */
  sendReply(
    from: string,
    to: string,
    body: string,
  ): Promise<string | undefined>;
  /** Starts the story again; rejects with what went wrong. */
  reset(): Promise<void>;
  /** How many times real time the mock's clock runs. */
  speed: number;
  setSpeed(speed: number): void;
  /** Reads the engine's time again, once the clock was moved on. */
  clockMoved(): Promise<void>;
  /** Why the clock's speed cannot be set, where it cannot. */
  speedUnavailable?: string | undefined;
  /** Shows campaign `id` in the page's campaign-progress. */
  showCampaign(id: string): void;
  /** The story's customers, texted first by a new campaign. */
  storyRecipients: Array<{ name: string; phoneNumber: string }>;
}

/** How fast the demo can play the mock's clock. */
const SPEEDS = [1, 10, 60, 300];

/** The agent and the inbox the forms are about, kept across redraws. */
let selectedAgentId: string | undefined;
let selectedInboxId: string | undefined;

const field = (form: HTMLFormElement, name: string) =>
  (form.elements.namedItem(name) as HTMLInputElement).value;

/** Shows `text` in the output of `where`, as a success or a refusal. */
function say(where: HTMLElement, text: string, ok: boolean): void {
  const output = where.querySelector('output')!;
  output.textContent = text;
  output.className = ok ? 'ok' : 'error';
}

/**
 * Runs `run` and says how it went: `done` (or what it makes of the
 * answer), or the refusal. A string answer is a refusal.
 */
async function attempt<T>(
  where: HTMLElement,
  done: string | ((answer: T) => string),
  run: () => Promise<T>,
) {
  try {
    const answer = await run();
    if (typeof answer === 'string') say(where, answer, false);
    else say(where, typeof done === 'string' ? done : done(answer), true);
  } catch (error) {
    say(where, worded(error), false);
  }
}

/** What went wrong, in words: a fetch that failed says so plainly. */
function worded(error: unknown): string {
  if (error instanceof ApiNetworkError || error instanceof TypeError) {
    return 'The server could not be reached: is it running? Try again once it is.';
  }
  return error instanceof Error ? error.message : String(error);
}

export function renderControls(host: HTMLElement, state: ControlsState): void {
  /** A choice among `items` by name; picking one draws the controls for it. */
  const picker = (
    label: string,
    name: string,
    items: readonly { id: string; name: string }[],
    selectedId: string | undefined,
    pick: (id: string) => void,
  ) =>
    html`<label
      >${label}
      <select
        name=${name}
        @change=${(e: Event) => {
          pick((e.target as HTMLSelectElement).value);
          renderControls(host, state);
        }}
      >
        ${items.map(
          (item) =>
            html`<option value=${item.id} ?selected=${item.id === selectedId}>
              ${item.name}
            </option>`,
        )}
      </select>
    </label>`;

  // Every inbox line, for the forms that pick one.
  const numberOptions = state.inboxes.flatMap((inbox) =>
    inbox.phoneNumbers.map(
      (number) =>
        html`<option value=${number}>${inbox.name} (${number})</option>`,
    ),
  );

  const onText = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const from = field(form, 'from').trim();
    void attempt(form, 'Sent as a Twilio webhook.', async () => {
      const refusal = await state.sendReply(
        from,
        field(form, 'to'),
        field(form, 'body'),
      );
      if (!refusal)
        (form.elements.namedItem('body') as HTMLTextAreaElement).value = '';
      return refusal;
    });
  };

  const onAgent = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    // Max is sent only when changed here: left alone, an agent's
    // maxCapacity keeps following their capacity.
    const max = Number(field(form, 'maxCapacity'));
    const changed = max !== agent?.maxCapacity;
    void attempt(form, 'Agent updated.', () =>
      state.client.updateAgent(field(form, 'agent'), {
        status: field(form, 'status') as Agent['status'],
        capacity: Number(field(form, 'capacity')),
        ...(changed && { maxCapacity: max }),
      }),
    );
  };

  /** The chosen agent asks for the longest-waiting conversation. */
  const onTakeNext = (event: Event) => {
    const form = (event.target as HTMLElement).closest('form')!;
    void attempt(form, 'Took the next conversation.', () =>
      state.client.takeNext(field(form, 'agent')),
    );
  };

  const onInbox = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const requeue = form.elements.namedItem(
      'requeueOnOffline',
    ) as HTMLInputElement;
    void attempt(
      form,
      'Inbox updated; it applies from the next decision.',
      () =>
        state.client.updateInbox(field(form, 'inbox'), {
          policy: field(form, 'policy') as Inbox['policy'],
          stickyMinutes: Number(field(form, 'stickyMinutes')),
          offerTimeoutSeconds: Number(field(form, 'offerTimeoutSeconds')),
          requeueOnOffline: requeue.checked,
        }),
    );
  };

  const onAnswer = (event: Event, accept: boolean) => {
    const form = (event.target as HTMLElement).closest('form')!;
    const id = field(form, 'offer');
    void attempt(form, accept ? 'Accepted.' : 'Declined; it goes on.', () =>
      accept ? state.client.acceptOffer(id) : state.client.declineOffer(id),
    );
  };

  /**
   * The business sends a campaign: the story's customers first, then as
   * many made-up Gold Members as asked, from the chosen inbox's number.
   */
  const onCampaign = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const count = Number(field(form, 'recipients'));
    const made = madeUpRecipients(
      Math.max(0, count - state.storyRecipients.length),
    );
    const recipients = [...state.storyRecipients, ...made].slice(0, count);
    void attempt(form, 'Campaign created; watch it send.', async () => {
      const campaign = await state.client.createCampaign({
        name: field(form, 'name'),
        from: field(form, 'from'),
        answer: { name: field(form, 'name'), body: field(form, 'body') },
        recipients,
        ratePerFiveMinutes: Number(field(form, 'rate')),
      });
      state.showCampaign(campaign.id);
    });
  };

  const onSpeed = (event: Event) => {
    const select = event.currentTarget as HTMLSelectElement;
    const form = select.closest('form')!;
    const next = Number(select.value);
    try {
      state.setSpeed(next);
      say(
        form,
        next === 1
          ? 'The clock runs in real time.'
          : `The clock runs ${next} times faster: campaigns send and offers run out that much sooner.`,
        true,
      );
    } catch (error) {
      say(form, (error as Error).message, false);
    }
  };

  /** Moves the mock's clock on, so sticky windows end without waiting. */
  const onClock = (event: Event) => {
    const form = (event.target as HTMLElement).closest('form')!;
    void attempt(
      form,
      ({ now }: { now: string }) =>
        // The time itself: "ago" would be measured against a clock the
        // page has not yet heard moved, and said "in 15 minutes".
        `The clock moved on 15 minutes, to ${new Date(now).toLocaleTimeString()}.`,
      async () => {
        const now = await state.client.advanceClock(15 * 60);
        await state.clockMoved();
        return { now };
      },
    );
  };

  const inbox =
    state.inboxes.find((i) => i.id === selectedInboxId) ?? state.inboxes[0];

  const onClose = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void attempt(form, 'Conversation closed.', () =>
      state.client.closeConversation(field(form, 'conversation')),
    );
  };

  const agentName = (id: string) =>
    state.agents.find((a) => a.id === id)?.name ?? id;
  // The form shows the chosen agent as the engine has them now; a change
  // made elsewhere shows up, an edit in progress is kept.
  const agent =
    state.agents.find((a) => a.id === selectedAgentId) ?? state.agents[0];

  render(
    html`
      <form class="control" @submit=${onText}>
        <h3>A customer texts in</h3>
        <label
          >From
          <input
            name="from"
            list="customer-phones"
            value=${state.customers[1]?.phone ?? ''}
            required
            autocomplete="off"
          />
        </label>
        <datalist id="customer-phones">
          ${state.customers.map((c) => html`<option value=${c.phone}>${c.name}</option>`)}
        </datalist>
        <label
          >To
          <select name="to">
            ${numberOptions}
          </select>
        </label>
        <label
          >Message
          <textarea name="body" rows="2" required>
Is the sale on in stores too?</textarea>
        </label>
        <button type="submit">Send as Twilio webhook</button>
        <output aria-live="polite"></output>
      </form>

      <form class="control" @submit=${onAgent}>
        <h3>An agent changes status</h3>
        ${picker(
          'Agent',
          'agent',
          state.agents,
          agent?.id,
          (id) => (selectedAgentId = id),
        )}
        <div class="pair">
          <label
            >Status
            <select name="status" .value=${agent?.status ?? 'AVAILABLE'}>
              <option value="AVAILABLE">Available</option>
              <option value="AWAY">Away</option>
              <option value="OFFLINE">Offline</option>
            </select>
          </label>
          <label
            >Capacity
            <input
              name="capacity"
              type="number"
              min="1"
              required
              .value=${String(agent?.capacity ?? 1)}
            />
          </label>
          <label
            >Max
            <input
              name="maxCapacity"
              type="number"
              min="1"
              required
              .value=${String(agent?.maxCapacity ?? 1)}
            />
          </label>
        </div>
        <div class="buttons">
          <button type="submit">Update agent</button>
          <button type="button" class="secondary" @click=${onTakeNext}>
            Take next conversation
          </button>
        </div>
        <output aria-live="polite"></output>
      </form>

      <form class="control" @submit=${onInbox}>
        <h3>An inbox changes how it routes</h3>
        <div class="pair two">
          ${picker(
            'Inbox',
            'inbox',
            state.inboxes,
            inbox?.id,
            (id) => (selectedInboxId = id),
          )}
          <label
            >Policy
            <select name="policy" .value=${inbox?.policy ?? 'MOST_AVAILABLE'}>
              ${Object.entries(POLICY_NAMES).map(
                ([value, name]) =>
                  html`<option value=${value}>${name}</option>`,
              )}
            </select>
          </label>
        </div>
        <div class="pair two">
          <label
            >Offer timeout (s, 0: assign at once)
            <input
              name="offerTimeoutSeconds"
              type="number"
              min="0"
              max="3600"
              required
              .value=${String(inbox?.offerTimeoutSeconds ?? 0)}
            />
          </label>
        </div>
        <div class="pair two">
          <label
            >Sticky minutes
            <input
              name="stickyMinutes"
              type="number"
              min="0"
              max="1440"
              required
              .value=${String(inbox?.stickyMinutes ?? 15)}
            />
          </label>
          <label class="check"
            ><input
              name="requeueOnOffline"
              type="checkbox"
              .checked=${inbox?.requeueOnOffline ?? false}
            />
            Requeue when an agent goes offline</label
          >
        </div>
        <button type="submit">Update inbox</button>
        <output aria-live="polite"></output>
      </form>

      <form class="control" @submit=${(e: SubmitEvent) => e.preventDefault()}>
        <h3>An agent answers an offer</h3>
        <label
          >Offer
          <select name="offer" ?disabled=${state.offers.length === 0}>
            ${
              state.offers.length === 0
                ? html`<option value="">No offers waiting</option>`
                : nothing
            }
            ${state.offers.map(
              (o) =>
                html`<option value=${o.id}>
                  ${formatName(o.customerName)} → ${agentName(o.agentId)}
                </option>`,
            )}
          </select>
        </label>
        <div class="buttons">
          <button
            type="button"
            ?disabled=${state.offers.length === 0}
            @click=${(e: Event) => onAnswer(e, true)}
          >
            Accept
          </button>
          <button
            type="button"
            class="secondary"
            ?disabled=${state.offers.length === 0}
            @click=${(e: Event) => onAnswer(e, false)}
          >
            Decline
          </button>
        </div>
        <p class="hint">
          ${
            state.offers.length > 0
              ? 'Or let it time out: the agent is set away and it goes to the next one.'
              : state.inboxes.some((i) => i.offerTimeoutSeconds > 0)
                ? 'No offers are waiting. A new conversation in an inbox that offers waits here for its agent’s answer.'
                : 'Set an offer timeout on an inbox above; new conversations then wait here for their agent’s answer.'
          }
        </p>
        <output aria-live="polite"></output>
      </form>

      <form class="control" @submit=${onCampaign}>
        <h3>The business sends a campaign</h3>
        <label
          >Name
          <input name="name" required value="Weekend flash sale" />
        </label>
        <label
          >From
          <select name="from">
            ${numberOptions}
          </select>
        </label>
        <label
          >Message
          <textarea name="body" rows="3" required>
Flash sale this weekend: 20% off for Gold Members. Reply with any questions.</textarea>
        </label>
        <div class="pair">
          <label
            >Recipients
            <input
              name="recipients"
              type="number"
              min="1"
              max="1000"
              required
              value="120"
            />
          </label>
          <label
            >Per 5 min
            <input
              name="rate"
              type="number"
              min="1"
              max="1000"
              required
              value="40"
            />
          </label>
        </div>
        <button type="submit">Send the campaign</button>
        <p class="hint">
          The story's four customers come first. Recipients who texted STOP are
          skipped.
        </p>
        <output aria-live="polite"></output>
      </form>

      <form class="control" @submit=${(e: SubmitEvent) => e.preventDefault()}>
        <h3>The clock</h3>
        <label
          >Play the mock's clock at
          <select
            name="speed"
            @change=${onSpeed}
            ?disabled=${Boolean(state.speedUnavailable)}
            aria-describedby=${state.speedUnavailable ? 'speed-unavailable' : nothing}
          >
            ${SPEEDS.map(
              (s) =>
                html`<option value=${s} ?selected=${s === state.speed}>
                  ${s === 1 ? 'Real time' : `${s}× real time`}
                </option>`,
            )}
          </select>
        </label>
        <button type="button" class="secondary" @click=${onClock}>
          Move the clock on 15 minutes
        </button>
        ${
          state.speedUnavailable
            ? html`<p class="hint" id="speed-unavailable">
                ${state.speedUnavailable}
              </p>`
            : html`<p class="hint">
                Faster play moves everything: campaigns send, offers run out and
                sticky windows end that much sooner.
              </p>`
        }
        <output aria-live="polite"></output>
      </form>

      <form class="control" @submit=${onClose}>
        <h3>An agent closes a conversation</h3>
        <label
          >Conversation
          <select
            name="conversation"
            ?disabled=${state.conversations.length === 0}
          >
            ${state.conversations.map(
              (c) =>
                html`<option value=${c.conversationId}>
                  ${formatName(c.customerName)} · ${agentName(c.agentId)}
                </option>`,
            )}
          </select>
        </label>
        <button type="submit" ?disabled=${state.conversations.length === 0}>
          Close it
        </button>
        <output aria-live="polite"></output>
      </form>

      <div class="reset-story">
        <button
          type="button"
          class="reset"
          aria-describedby=${state.mode === 'server' ? 'reset-hint' : nothing}
          @click=${(event: Event) => {
            for (const output of host.querySelectorAll('output')) {
              output.textContent = '';
            }
            const where = (event.target as HTMLElement).parentElement!;
            void attempt(where, 'The story started again.', state.reset);
          }}
        >
          Start the story again
        </button>
        ${
          state.mode === 'server'
            ? html`<p class="hint" id="reset-hint">
                The server's engine is shared: this starts the story again in
                every window open on it.
              </p>`
            : nothing
        }
        <output aria-live="polite"></output>
      </div>
    `,
    host,
  );
}
