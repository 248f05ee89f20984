/**
 * The demo helpdesk: starts the mock engine in the page, seeds the July
 * Sale story, then embeds the kit's tags the way any host page would and
 * adds controls a person can use to watch routing happen.
 */
import { html, render } from 'lit';
import { startMockServer } from '../mock-server/browser.js';
import { OffsetClock } from '../mock-server/clock.js';
import { seedJulySale, type JulySale } from '../mock-server/scenario.js';
import {
  postTwilioWebhook,
  twilioInboundForm,
} from '../mock-server/simulator.js';
import { renderControls } from './controls.js';
import { describeEvent } from './event-log.js';
// Only the language switch and types here: the elements must not load
// before the mock answers (see below).
import type { Customer } from '../src/index.js';
import { setLocale, type KitLocale } from '../src/shared/locale.js';
import { formatName } from '../src/shared/format.js';

const clock = new OffsetClock();
const mock = await startMockServer({ clock, simulateDelivery: true });
const { engine } = mock;
let scenario: JulySale = seedJulySale(engine, clock);

// The elements load only now that the mock answers, as they would on a
// page whose API is already up.
const { SmsKitClient } = await import('../src/index.js');
const client = new SmsKitClient();

const timeline = document.querySelector('sms-timeline')!;
const goldQueue = document.querySelector<HTMLElement>('#gold-queue')!;
const supportQueue = document.querySelector<HTMLElement>('#support-queue')!;
const customers = document.querySelector<HTMLElement>('#customers')!;
const campaign = document.querySelector<HTMLElement>('#campaign')!;
const signedIn = document.querySelector<HTMLSelectElement>('#signed-in')!;
const language = document.querySelector<HTMLSelectElement>('#language')!;
let speed = 1;
const log = document.querySelector<HTMLElement>('#log')!;
let selected = scenario.customers.julie;

function showScenario(): void {
  goldQueue.setAttribute('inbox-id', scenario.inboxes.gold);
  supportQueue.setAttribute('inbox-id', scenario.inboxes.support);
  campaign.setAttribute('campaign-id', scenario.campaignId);
  select(scenario.customers.julie);
}

// A customer picked in a queue opens their timeline; so does an offer
// the agent accepts, as the conversation is now theirs to answer.
for (const queue of [goldQueue, supportQueue]) {
  queue.addEventListener('conversation-pick', (event) =>
    select(event.detail.customerId),
  );
  queue.addEventListener('offer-answered', (event) => {
    if (!event.detail.accepted) return;
    select(engine.getConversation(event.detail.conversationId).customerId);
  });
}

/**
 * The kit's elements switch language live; the page's own words (this
 * helpdesk's) stay English, as a host page's would be its own.
 */
language.addEventListener('change', () => {
  void setLocale(language.value as KitLocale);
});

/** Light or dark for the page and the kit alike; the system's by default. */
const theme = document.querySelector<HTMLSelectElement>('#theme')!;
theme.addEventListener('change', () => {
  if (theme.value) document.documentElement.dataset.theme = theme.value;
  else delete document.documentElement.dataset.theme;
});

/** The agent using the page: offers made to them get buttons. */
signedIn.addEventListener('change', () => {
  for (const queue of [goldQueue, supportQueue]) {
    queue.setAttribute('agent-id', signedIn.value);
  }
  // Replies go out as them; with nobody signed in, as each conversation's
  // own agent.
  timeline.setAttribute('agent-id', signedIn.value);
});

function renderSignedIn(): void {
  render(
    html`<option value="">Nobody: a supervisor watching</option>
      ${engine
        .listAgents()
        .map(
          (agent) =>
            html`<option
              value=${agent.id}
              ?selected=${agent.id === signedIn.value}
            >
              ${agent.name}
            </option>`,
        )}`,
    signedIn,
  );
}

function select(customerId: string): void {
  selected = customerId;
  timeline.setAttribute('customer-id', customerId);
  void refresh();
}

/** The customer, or undefined once the engine no longer has them. */
function existingCustomer(customerId: string): Customer | undefined {
  try {
    return engine.getCustomer(customerId);
  } catch {
    return undefined;
  }
}

/** Customers who have texted in, for the picker. */
const met = new Set<string>();

/** Redraws the customer picker and the controls from the engine's state. */
async function refresh(): Promise<void> {
  const inboxes = await client.listInboxes();
  // Whoever waits, is offered or is held in an inbox now joins the
  // customers met so far: one whose conversation closed keeps their tab.
  for (const q of engine.listInboxes().map((i) => engine.getQueue(i.id))) {
    for (const { customerId } of [
      ...q.waiting,
      ...q.offers,
      ...q.assignments,
    ]) {
      met.add(customerId);
    }
  }
  // The story's customers, while they exist (a POST /reset empties the
  // engine under the page), then anyone else who has texted in.
  const people = new Map<string, { name: string; phone: string }>();
  for (const id of [...Object.values(scenario.customers), ...met]) {
    const customer = existingCustomer(id);
    if (customer) {
      people.set(id, {
        name: customer.name,
        phone: customer.phones[0]!.number,
      });
    }
  }

  render(
    [...people].map(
      ([id, { name }]) =>
        html`<button
          type="button"
          title=${name}
          aria-pressed=${id === selected ? 'true' : 'false'}
          @click=${() => select(id)}
        >
          ${formatName(name)}
        </button>`,
    ),
    customers,
  );
  renderSignedIn();
  renderControls(document.querySelector<HTMLElement>('#controls')!, {
    client,
    speed,
    setSpeed: (next) => {
      mock.setSpeed(next);
      speed = next;
      document.querySelector('#speed')!.textContent =
        next === 1 ? '' : `The mock's clock runs at ${next}× real time`;
    },
    showCampaign: (id) => campaign.setAttribute('campaign-id', id),
    storyRecipients: Object.entries(scenario.phones).map(([who, phone]) => ({
      name:
        existingCustomer(scenario.customers[who as keyof JulySale['customers']])
          ?.name ?? who,
      phoneNumber: phone,
    })),
    inboxes,
    agents: engine.listAgents(),
    customers: [...people].map(([id, person]) => ({ id, ...person })),
    conversations: engine
      .listInboxes()
      .flatMap((inbox) => engine.getQueue(inbox.id).assignments),
    offers: engine
      .listInboxes()
      .flatMap((inbox) => engine.getQueue(inbox.id).offers),
    sendReply: async (from, to, body) => {
      const response = await postTwilioWebhook(
        twilioInboundForm({ from, to, body }),
      );
      if (response.ok) return undefined;
      return ((await response.json()) as { message: string }).message;
    },
    reset: () => {
      engine.reset();
      met.clear();
      scenario = seedJulySale(engine, clock);
      // The agents are new: nobody is signed in any more.
      signedIn.value = '';
      signedIn.dispatchEvent(new Event('change'));
      log.replaceChildren();
      showScenario();
    },
  });
}

let lastLine = '';
/** One redraw for a burst of changes, not one for each. */
let pending: ReturnType<typeof setTimeout> | undefined;
function refreshSoon(): void {
  if (pending !== undefined) return;
  pending = setTimeout(() => {
    pending = undefined;
    void refresh();
  }, 100);
}

client.events.subscribe((event) => {
  const line = describeEvent(event, engine);
  // The same change told twice in a row (an agent updated by two steps of
  // one action) is logged once.
  if (line && line !== lastLine) {
    lastLine = line;
    const item = document.createElement('li');
    // The mock's clock, as the timeline reads it, not the wall clock.
    item.textContent = `${clock.now().toLocaleTimeString()} · ${line}`;
    log.prepend(item);
    while (log.childElementCount > 50) log.lastElementChild!.remove();
  }
  if (event.type !== 'item.created') refreshSoon();
});

showScenario();
document.querySelector('#boot')!.remove();
