import { until } from './play.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { RoutedQueue } from '../src/routed-queue/define.js';
import { attributeControls } from './controls.js';
import {
  agentReplied,
  everyAgentStatus,
  julySale,
  neverAnswers,
  newInbox,
  serverError,
  waitingForAnAgent,
  type World,
} from './scenarios.js';

interface QueueArgs {
  'inbox-id': string;
  'agent-id'?: string;
  'api-base': string;
}

/** A story showing inbox `inboxId` in `world`. */
const queueOf = (
  world: World,
  inboxId: string,
  ...overrides: Parameters<World['msw']>
): StoryObj<QueueArgs> => ({
  args: { 'inbox-id': inboxId },
  parameters: { msw: world.msw(...overrides) },
});

const meta: Meta<QueueArgs> = {
  title: 'routed-queue',
  component: 'routed-queue',
  argTypes: attributeControls(RoutedQueue),
  args: { 'api-base': '', 'agent-id': '' },
  render: (args) =>
    html`<routed-queue
      inbox-id=${args['inbox-id']}
      agent-id=${args['agent-id'] ?? ''}
      api-base=${args['api-base']}
    ></routed-queue>`,
  decorators: [(story) => html`<div style="max-width: 22rem">${story()}</div>`],
  parameters: {
    docs: {
      description: {
        component:
          'An inbox as a supervisor watches it: each agent’s status and ' +
          'load against capacity with the customers they hold, then who is ' +
          'waiting, first come first served. Every story is served by the ' +
          'app’s own mock API.',
      },
      // Each story runs its own mock engine; in its own frame it keeps its
      // own MSW handlers, so the docs page shows every story as it is.
      story: { inline: false, iframeHeight: 380 },
    },
  },
};

export default meta;

type Story = StoryObj<QueueArgs>;

const sale = julySale();
/** The demo's inbox: Julie is with Ben, Amara is free, Chen is away. */
export const GoldMembers: Story = {
  name: 'Gold Members inbox',
  ...queueOf(sale, sale.sale.inboxes.gold),
};

/**
 * Why an agent got a customer: open a customer under their agent. Here the
 * inbox routes by longest idle, and Amara may take one past her capacity.
 */
const explained = agentReplied();
explained.engine.updateInbox(explained.sale.inboxes.gold, {
  policy: 'LONGEST_IDLE',
});
explained.engine.updateAgent(explained.sale.agents.amara, { maxCapacity: 3 });
export const WhyThisAgent: Story = {
  name: 'Why this agent: the decision, and a stretch to max',
  ...queueOf(explained, explained.sale.inboxes.gold),
  play: async ({ canvasElement }) => {
    const queue = canvasElement.querySelector('routed-queue')!;
    await queue.updateComplete;
    // The queue loads once its event stream is live; wait for a customer.
    const summary = await until(
      () => queue.shadowRoot!.querySelector('summary'),
      'a customer to open',
    );
    summary.click();
  },
};

/** The inbox offers for a minute: Marcus and Priya wait for an answer. */
function offersWaiting() {
  const world = julySale();
  world.engine.updateInbox(world.sale.inboxes.gold, {
    offerTimeoutSeconds: 60,
  });
  world.text('marcus', 'Is the sale on in stores too?');
  world.text('priya', 'Can I use my gift card with the 30% off?');
  return world;
}

const offering = offersWaiting();
export const OffersWaiting: Story = {
  name: 'Offers waiting for an agent’s answer',
  ...queueOf(offering, offering.sale.inboxes.gold),
};

/**
 * The page is the agent's own (agent-id): offers made to them can be
 * accepted or declined here; other agents' offers are only shown.
 */
const mine = offersWaiting();
export const OfferToYou: Story = {
  name: 'An offer for the agent using the page',
  ...queueOf(mine, mine.sale.inboxes.gold),
  args: {
    'inbox-id': mine.sale.inboxes.gold,
    'agent-id': mine.engine.getQueue(mine.sale.inboxes.gold).offers[0]!.agentId,
  },
};

const statuses = everyAgentStatus();
/** Available with room, available at capacity, away and offline. */
export const EveryAgentStatus: Story = {
  name: 'Every agent status, one at capacity',
  ...queueOf(statuses, statuses.sale.inboxes.gold),
};

const waiting = waitingForAnAgent();
/** Ben is at capacity and the others are away, so four customers wait. */
export const WaitingForAnAgent: Story = {
  name: 'Customers waiting for an agent',
  ...queueOf(waiting, waiting.sale.inboxes.gold),
};

const fresh = newInbox();
/** A new inbox nobody has been given yet. */
export const NoAgents: Story = {
  name: 'No agents work this inbox',
  ...queueOf(fresh, fresh.inboxId),
};

const slow = julySale();
export const Loading: Story = {
  name: 'Loading the inbox',
  ...queueOf(slow, slow.sale.inboxes.gold, neverAnswers('/inboxes/:id/queue')),
};

const broken = julySale();
export const ServerError: Story = {
  name: 'Inbox failed to load',
  ...queueOf(
    broken,
    broken.sale.inboxes.gold,
    serverError('/inboxes/:id/queue', 'The routing engine is restarting.'),
  ),
};

const unknown = julySale();
/** An id the engine has never given out: its own 404 answers. */
export const InboxNotFound: Story = {
  name: 'Inbox not found',
  ...queueOf(unknown, 'inb_does_not_exist'),
};
