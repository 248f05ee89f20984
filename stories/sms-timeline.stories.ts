import { until } from './play.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { delay, http } from 'msw';
import { outbox } from '../src/shared/outbox.js';
import { SmsTimeline } from '../src/sms-timeline/define.js';
import { attributeControls } from './controls.js';
import {
  agentReplied,
  deliveries,
  assignedFromTheQueue,
  emptyTimeline,
  julySale,
  longHistory,
  longLink,
  NEW_NUMBER,
  neverAnswers,
  optedOut,
  photoAttached,
  serverError,
  waitingForAnAgent,
  type JulySaleWorld,
} from './scenarios.js';

interface TimelineArgs {
  'customer-id': string;
  'api-base': string;
}

/** A story showing `customerId`'s timeline in `world`. */
const timelineOf = (
  world: JulySaleWorld,
  customerId: string,
  ...overrides: Parameters<JulySaleWorld['msw']>
): StoryObj<TimelineArgs> => ({
  args: { 'customer-id': customerId },
  parameters: { msw: world.msw(...overrides) },
});

const meta: Meta<TimelineArgs> = {
  title: 'sms-timeline',
  component: 'sms-timeline',
  argTypes: attributeControls(SmsTimeline),
  args: { 'api-base': '' },
  render: (args) =>
    html`<sms-timeline
      customer-id=${args['customer-id']}
      api-base=${args['api-base']}
    ></sms-timeline>`,
  decorators: [(story) => html`<div style="max-width: 44rem">${story()}</div>`],
  parameters: {
    docs: {
      description: {
        component:
          'One customer’s SMS history with the helpdesk, newest at the ' +
          'bottom: campaign messages, the marker before a reply to a ' +
          'campaign, messages both ways and where each conversation was ' +
          'routed. Every story is served by the app’s own mock API.',
      },
      // Each story runs its own mock engine; in its own frame it keeps its
      // own MSW handlers, so the docs page shows every story as it is.
      story: { inline: false, iframeHeight: 460 },
    },
  },
};

export default meta;

type Story = StoryObj<TimelineArgs>;

const sale = julySale();
/** Campaign answer, reply marker, Julie's reply and the routing line. */
export const JulieAnswersTheCampaign: Story = {
  name: 'Julie answers the July Sale',
  ...timelineOf(sale, sale.sale.customers.julie),
};

const replied = agentReplied();
export const AgentRepliedInTheThread: Story = {
  name: 'Agent replied in the thread',
  ...timelineOf(replied, replied.sale.customers.julie),
};

const waiting = waitingForAnAgent();
/** Every Gold agent is away or at capacity, so Marcus is queued. */
export const WaitingForAnAgent: Story = {
  name: 'Waiting for an agent',
  ...timelineOf(waiting, waiting.sale.customers.marcus),
};

const fromQueue = assignedFromTheQueue();
/** Marcus waited until Amara came back from being away. */
export const AssignedFromTheQueue: Story = {
  name: 'Assigned from the queue',
  ...timelineOf(fromQueue, fromQueue.sale.customers.marcus),
};

const stranger = waitingForAnAgent();
/** A number no campaign went to: the customer is named by the number. */
export const NewNumberTextsIn: Story = {
  name: 'A new number texts in',
  ...timelineOf(stranger, stranger.customerAt(NEW_NUMBER)),
};

const stopped = optedOut();
/**
 * Julie texted STOP: her number's SMS is off, and replies and campaigns
 * to it are refused until she texts START. Then she asked for HELP.
 */
export const CustomerOptedOut: Story = {
  name: 'Customer opted out (STOP, then HELP)',
  ...timelineOf(stopped, stopped.sale.customers.julie),
};

const photo = photoAttached();
export const ReplyWithAPhoto: Story = {
  name: 'MMS: a photo, a PDF, and a photo that is gone',
  ...timelineOf(photo, photo.sale.customers.priya),
};

const link = longLink();
/** Long unbroken text must wrap inside its bubble, not widen the log. */
export const LongUnbrokenLink: Story = {
  name: 'Long link with no spaces',
  ...timelineOf(link, link.sale.customers.tom),
};

const history = longHistory();
/**
 * More than one page of items: the newest 50 show, and "Show earlier
 * messages" at the top of the log loads the rest.
 */
export const LongHistory: Story = {
  name: 'Long history: show earlier messages',
  ...timelineOf(history, history.sale.customers.julie),
};

const empty = julySale();
export const NoMessagesYet: Story = {
  name: 'No messages yet',
  ...timelineOf(empty, empty.sale.customers.tom, emptyTimeline),
};

const slow = julySale();
export const Loading: Story = {
  name: 'Loading the timeline',
  ...timelineOf(
    slow,
    slow.sale.customers.julie,
    neverAnswers('/customers/:id/timeline'),
  ),
};

const broken = julySale();
export const ServerError: Story = {
  name: 'Timeline failed to load',
  ...timelineOf(
    broken,
    broken.sale.customers.julie,
    serverError(
      '/customers/:id/timeline',
      'The timeline store did not answer in time.',
    ),
  ),
};

const unknown = julySale();
/** An id the engine has never given out: its own 404 answers. */
export const CustomerNotFound: Story = {
  name: 'Customer not found',
  ...timelineOf(unknown, 'cus_does_not_exist'),
};

const delivered = deliveries();
/** Twilio's status callbacks, as the bubbles and the campaign card show them. */
export const Deliveries: Story = {
  name: 'Delivered, and a reply not delivered',
  ...timelineOf(delivered, delivered.sale.customers.julie),
};

const inFlight = agentReplied();
/** Ben's reply is on its way: the gateway has not answered yet. */
export const ReplySending: Story = {
  name: 'A reply on its way',
  ...timelineOf(
    inFlight,
    inFlight.sale.customers.julie,
    http.post('/api/v1/conversations/:id/messages', () => delay('infinite')),
  ),
  play: async ({ canvasElement }) => {
    const timeline = canvasElement.querySelector('sms-timeline')!;
    const composer = await until(() => {
      const box = timeline.shadowRoot?.querySelector('sms-composer');
      return box?.shadowRoot?.querySelector('form') ? box : undefined;
    }, 'a reply box');
    outbox.setDraft(composer.conversationId, 'See you on Thursday, then!');
    void composer.send(); // never answered, so not awaited
  },
};
