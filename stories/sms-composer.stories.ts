import { until } from './play.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { http, HttpResponse } from 'msw';
import { html } from 'lit';
import { outbox } from '../src/shared/outbox.js';
import { SmsComposer } from '../src/sms-composer/define.js';
import { attributeControls } from './controls.js';
import {
  julySale,
  neverAnswers,
  optedOut,
  serverError,
  waitingForAnAgent,
  type JulySaleWorld,
} from './scenarios.js';

interface ComposerArgs {
  'conversation-id': string;
  'agent-id': string;
  'api-base': string;
}

/** Julie's latest Gold conversation in `world`. */
const juliesConversation = (world: JulySaleWorld) =>
  world.engine
    .listConversations(world.sale.customers.julie)
    .filter((c) => c.inboxId === world.sale.inboxes.gold)
    .at(-1)!.id;

/**
 * A story replying in `conversationId`, with `draft` already written: the
 * page's outbox is emptied first, as each story starts afresh.
 */
const composerOf = (
  world: JulySaleWorld,
  conversationId: string,
  draft = '',
  ...overrides: Parameters<JulySaleWorld['msw']>
): StoryObj<ComposerArgs> => ({
  args: { 'conversation-id': conversationId },
  parameters: { msw: world.msw(...overrides) },
  decorators: [
    // Storybook's preview has cleared the outbox before each story; the
    // draft is set even when empty, so no other story's shows here.
    (story) => {
      outbox.setDraft(conversationId, draft);
      return story();
    },
  ],
});

const meta: Meta<ComposerArgs> = {
  title: 'sms-composer',
  component: 'sms-composer',
  argTypes: attributeControls(SmsComposer),
  args: { 'api-base': '', 'agent-id': '' },
  render: (args) =>
    html`<sms-composer
      conversation-id=${args['conversation-id']}
      agent-id=${args['agent-id']}
      api-base=${args['api-base']}
    ></sms-composer>`,
  decorators: [(s) => html`<div style="max-width: 32rem">${s()}</div>`],
  parameters: {
    docs: {
      description: {
        component:
          'Where an agent writes a reply: segments and encoding counted as ' +
          'they type, Enter to send, and each reply shown as sending, sent ' +
          'or failed with a retry. Served by the app’s own mock API.',
      },
      story: { inline: false, iframeHeight: 220 },
    },
  },
};

export default meta;

type Story = StoryObj<ComposerArgs>;

const ready = julySale();
export const Ready: Story = {
  name: 'Ready for a reply',
  ...composerOf(ready, juliesConversation(ready)),
};

const plain = julySale();
export const PlainText: Story = {
  name: 'A reply in GSM-7',
  ...composerOf(
    plain,
    juliesConversation(plain),
    'Hi Julie! Yes, the 30% applies in stores too. Just show this text at the till.',
  ),
};

const unicode = julySale();
export const Unicode: Story = {
  name: 'A character that makes it UCS-2',
  ...composerOf(
    unicode,
    juliesConversation(unicode),
    'See you Friday — early access opens at 6 pm! 🎉',
  ),
};

const long = julySale();
export const TooLong: Story = {
  name: 'Over the 1,600-character limit',
  ...composerOf(
    long,
    juliesConversation(long),
    'Our July Sale covers every department. '.repeat(42),
  ),
};

const failing = julySale();
/** The gateway refuses: the reply stays, with Try again and Edit. */
export const Failed: Story = {
  name: 'A reply that failed, with a retry',
  ...composerOf(
    failing,
    juliesConversation(failing),
    'Is Friday at 6 pm good for you?',
    http.post('/api/v1/conversations/:id/messages', () =>
      HttpResponse.json(
        {
          message: 'The SMS gateway is busy; try again in a minute.',
          problems: [],
        },
        { status: 503 },
      ),
    ),
  ),
  play: async ({ canvasElement }) => {
    const composer = canvasElement.querySelector('sms-composer')!;
    await until(() => composer.shadowRoot?.querySelector('form'), 'its box');
    await composer.send();
  },
};

const stopped = optedOut();
export const OptedOut: Story = {
  name: 'The customer opted out',
  ...composerOf(stopped, juliesConversation(stopped)),
};

const waiting = waitingForAnAgent();
export const WaitingForAnAgent: Story = {
  name: 'Waiting for an agent',
  ...composerOf(
    waiting,
    waiting.engine
      .listConversations(waiting.sale.customers.marcus)
      .filter((c) => c.status === 'OPEN')
      .at(-1)!.id,
  ),
};

const closed = julySale();
const closedId = juliesConversation(closed);
closed.engine.closeConversation(closedId);
export const Closed: Story = {
  name: 'The conversation is closed',
  ...composerOf(closed, closedId),
};

const slow = julySale();
export const Loading: Story = {
  name: 'Loading the conversation',
  ...composerOf(
    slow,
    juliesConversation(slow),
    '',
    neverAnswers('/conversations/:id'),
  ),
};

const broken = julySale();
export const ServerError: Story = {
  name: 'Conversation failed to load',
  ...composerOf(
    broken,
    juliesConversation(broken),
    '',
    serverError('/conversations/:id', 'The routing engine is restarting.'),
  ),
};
