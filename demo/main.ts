/**
 * The demo helpdesk: finds its engine (its own in the page under
 * `npm start`, the server's under `npm run serve`; see backend.ts), then
 * embeds the kit's tags the way any host page would and adds controls a
 * person can use to watch routing happen. Everything it shows is read
 * from the HTTP API, in either mode.
 */
import { html, render } from 'lit';
import {
  postTwilioWebhook,
  randomMessageSid,
  twilioInboundForm,
} from '../mock-server/simulator.js';
import { startBackend, type Story } from './backend.js';
import { renderControls } from './controls.js';
import { Directory, type Person } from './directory.js';
import { describeEvent } from './event-log.js';
// Only the language switch and types here: the elements must not load
// before the API answers (see below).
import type { Agent, InboxQueue } from '../src/index.js';
import { setLocale, type KitLocale } from '../src/shared/locale.js';
import { formatName } from '../src/shared/format.js';

const backend = await startBackend();
const { client } = backend;
let scenario: Story = await backend.story();
const names = new Directory(client);

// The elements load only now that the API answers, as they would on a
// page whose API is already up.
await import('../src/index.js');

const timeline = document.querySelector('sms-timeline')!;
const goldQueue = document.querySelector<HTMLElement>('#gold-queue')!;
const supportQueue = document.querySelector<HTMLElement>('#support-queue')!;
const customers = document.querySelector<HTMLElement>('#customers')!;
const campaign = document.querySelector<HTMLElement>('#campaign')!;
const signedIn = document.querySelector<HTMLSelectElement>('#signed-in')!;
const language = document.querySelector<HTMLSelectElement>('#language')!;
let speed = 1;
const log = document.querySelector<HTMLElement>('#log')!;
let selected = scenario.customers.julie ?? '';

/** Says in the header which engine the page uses. */
document.querySelector('#mode')!.textContent =
  backend.mode === 'server'
    ? "server mode: this page is a client of the server's engine, " +
      'shared live with every window open on it.'
    : "the mock routing engine runs in this page behind MSW's service worker.";

/** Sets `name` on `element`, or takes it away when there is no value. */
function attribute(element: Element, name: string, value?: string): void {
  if (value) element.setAttribute(name, value);
  else element.removeAttribute(name);
}

function showScenario(): void {
  // An inbox the engine no longer has is not shown (POST /reset, say).
  attribute(goldQueue, 'inbox-id', scenario.inboxes.gold);
  goldQueue.hidden = !scenario.inboxes.gold;
  attribute(supportQueue, 'inbox-id', scenario.inboxes.support);
  supportQueue.hidden = !scenario.inboxes.support;
  attribute(campaign, 'campaign-id', scenario.campaignId);
  campaign.hidden = !scenario.campaignId;
  if (scenario.customers.julie) select(scenario.customers.julie);
  else void refresh();
}

// A customer picked in a queue opens their timeline; so does an offer
// the agent accepts, as the conversation is now theirs to answer.
for (const queue of [goldQueue, supportQueue]) {
  queue.addEventListener('conversation-pick', (event) =>
    select(event.detail.customerId),
  );
  queue.addEventListener('offer-answered', (event) => {
    if (!event.detail.accepted) return;
    void client
      .getConversation(event.detail.conversationId)
      .then((conversation) => select(conversation.customerId));
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

/**
 * The agent using the page: offers made to them get buttons. Kept by
 * name too, as a story started again gives its agents new ids.
 */
let signedInAs: { id: string; name: string } | undefined;

function signIn(agent: { id: string; name: string } | undefined): void {
  signedInAs = agent;
  for (const queue of [goldQueue, supportQueue]) {
    queue.setAttribute('agent-id', agent?.id ?? '');
  }
  // Replies go out as them; with nobody signed in, as each conversation's
  // own agent.
  timeline.setAttribute('agent-id', agent?.id ?? '');
}

signedIn.addEventListener('change', () => {
  const option = signedIn.selectedOptions[0];
  signIn(
    signedIn.value
      ? { id: signedIn.value, name: option?.textContent?.trim() ?? '' }
      : undefined,
  );
});

function renderSignedIn(agents: readonly Agent[]): void {
  const agent = signedInAs
    ? (agents.find((a) => a.id === signedInAs!.id) ??
      agents.find((a) => a.name === signedInAs!.name))
    : undefined;
  if (agent?.id !== signedInAs?.id) signIn(agent);
  render(
    html`<option value="">Nobody: a supervisor watching</option>
      ${agents.map(
        (a) =>
          html`<option value=${a.id} ?selected=${a.id === agent?.id}>
            ${a.name}
          </option>`,
      )}`,
    signedIn,
  );
  // The options are reused as agents change: say again which is chosen.
  signedIn.value = agent?.id ?? '';
}

function select(customerId: string): void {
  selected = customerId;
  attribute(timeline, 'customer-id', customerId);
  void refresh();
}

/** Customers met while the page is open (texted in, or in a queue), for the picker. */
const met = new Set<string>();

/**
 * Redraws the customer picker and the controls from what the API says
 * now. One redraw runs at a time; those asked for meanwhile are one more.
 */
let drawing: Promise<void> | undefined;
let again: Promise<void> | undefined;
function refresh(): Promise<void> {
  if (!drawing) {
    drawing = draw().finally(() => (drawing = undefined));
    return drawing;
  }
  again ??= drawing.then(() => {
    again = undefined;
    return refresh();
  });
  return again;
}

async function draw(): Promise<void> {
  let queues: InboxQueue[];
  let everyone: Agent[];
  try {
    const inboxes = await client.listInboxes();
    // The clock too: in server mode another window may have moved it, and
    // no event says so.
    [queues, everyone] = await Promise.all([
      Promise.all(inboxes.map((i) => client.getQueue(i.id))),
      client.listAgents(),
      backend.syncClock(),
    ]);
  } catch (error) {
    // The server went away, say: the page stays as it was, and says so.
    showTrouble(`The API did not answer: ${(error as Error).message}`);
    return;
  }
  showTrouble('');
  const agents = names.learn(queues, everyone);
  // Whoever waits, is offered or is held in an inbox now joins the
  // customers met so far: one whose conversation closed keeps their tab.
  for (const q of queues) {
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
  const ids = new Set([...Object.values(scenario.customers), ...met]);
  const people = (
    await Promise.all([...ids].map((id) => names.person(id)))
  ).filter((person): person is Person => person !== undefined);

  render(
    people.map(
      ({ id, name }) =>
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
  renderSignedIn(agents);
  renderControls(document.querySelector<HTMLElement>('#controls')!, {
    client,
    mode: backend.mode,
    speed,
    speedUnavailable: backend.speedUnavailable,
    clockMoved: () => backend.syncClock(),
    setSpeed: (next) => {
      backend.setSpeed(next);
      speed = next;
      document.querySelector('#speed')!.textContent =
        next === 1 ? '' : `The mock's clock runs at ${next}× real time`;
    },
    showCampaign: (id) => {
      campaign.setAttribute('campaign-id', id);
      campaign.hidden = false;
    },
    storyRecipients: Object.entries(scenario.phones).map(([who, phone]) => {
      const id = scenario.customers[who as keyof Story['customers']];
      return {
        name: people.find((p) => p.id === id)?.name ?? who,
        phoneNumber: phone,
      };
    }),
    inboxes: queues.map((q) => q.inbox),
    agents,
    customers: people,
    conversations: queues.flatMap((q) => q.assignments),
    offers: queues.flatMap((q) => q.offers),
    sendReply,
    reset: async () => {
      // Cleared first: the story's own events are logged as they come.
      log.replaceChildren();
      // Shown at once from the ids the restart answers, before the
      // elements hear engine.reset (and the page reads the story again,
      // as every other window on it does). The agent signed in stays, by
      // name, as the story's agents get new ids.
      scenario = await backend.restartStory();
      showScenario();
    },
  });
}

/** Shows, above the controls, that the API is not answering; '' clears it. */
function showTrouble(text: string): void {
  const trouble = document.querySelector<HTMLElement>('#trouble')!;
  trouble.textContent = text;
  trouble.hidden = !text;
}

/** Texts tried and not yet taken, each with its MessageSid. */
const unsent = new Map<string, string>();

/**
 * A customer texts in: the form Twilio posts, to the webhook the API
 * takes it on (the server's real route in server mode, the in-page mock's
 * otherwise). Resolves to what went wrong, if anything did.
 */
async function sendReply(
  from: string,
  to: string,
  body: string,
): Promise<string | undefined> {
  // Sent again unchanged after no answer, it is the same message, with
  // the same MessageSid, as Twilio's own retries are: stored once.
  const text = JSON.stringify([from, to, body]);
  const messageSid = unsent.get(text) ?? randomMessageSid('SM');
  unsent.set(text, messageSid);
  let response: Response;
  try {
    response = await postTwilioWebhook(
      twilioInboundForm({ from, to, body, messageSid }),
    );
  } catch {
    return 'The webhook could not be reached; the text is still here to send again.';
  }
  if (response.ok) {
    unsent.delete(text);
    return undefined;
  }
  try {
    return ((await response.json()) as { message: string }).message;
  } catch {
    return `The webhook answered ${response.status} ${response.statusText}.`;
  }
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

/**
 * Logs `event` once the names it needs are read; events are logged one
 * at a time, in the order heard.
 */
let logging: Promise<void> = Promise.resolve();
client.events.subscribe((event) => {
  // A line that cannot be written is left out; the chain goes on.
  logging = logging.then(() => logEvent(event)).catch(() => {});
  if (event.type === 'engine.reset' || event.type === 'events.missed') {
    // What the page knew no longer holds: read the story afresh (another
    // window may have started it again).
    rediscover();
  } else if (event.type !== 'item.created') refreshSoon();
  if (
    event.type === 'item.created' &&
    event.data.initiator.type === 'CUSTOMER'
  ) {
    met.add(event.data.customerId);
  }
});

/**
 * The story read again after the engine changed under the page. The
 * engine is emptied and seeded in one step (in the page, and by the
 * server's POST /story), so the new story is there to read at once.
 */
let rediscovering: Promise<void> = Promise.resolve();
function rediscover(): void {
  rediscovering = rediscovering.then(async () => {
    met.clear();
    names.clear();
    try {
      scenario = await backend.story();
    } catch (error) {
      showTrouble(`The API did not answer: ${(error as Error).message}`);
      return;
    }
    showScenario();
  });
}

async function logEvent(event: Parameters<typeof describeEvent>[0]) {
  await names.learnFrom(event);
  const line = describeEvent(event, names);
  // The same change told twice in a row (an agent updated by two steps of
  // one action) is logged once.
  if (line && line !== lastLine) {
    lastLine = line;
    const item = document.createElement('li');
    // The mock's clock, as the timeline reads it, not the wall clock.
    item.textContent = `${backend.now().toLocaleTimeString()} · ${line}`;
    log.prepend(item);
    while (log.childElementCount > 50) log.lastElementChild!.remove();
  }
}

showScenario();
document.querySelector('#boot')!.remove();
