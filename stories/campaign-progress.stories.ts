import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { CampaignProgress } from '../src/campaign-progress/define.js';
import { madeUpRecipients } from '../mock-server/scenario.js';
import { attributeControls } from './controls.js';
import {
  neverAnswers,
  newWorld,
  serverError,
  STORY_TIME,
  type World,
} from './scenarios.js';

interface ProgressArgs {
  'campaign-id': string;
  'can-stop': boolean;
  'api-base': string;
}

const GOLD = '+14155550100';
const HOUR = 3_600_000;

/** A world with the Gold line and a campaign to `count` people. */
function withCampaign(count: number, rate: number, sendAt?: string) {
  const world = newWorld();
  world.engine.createInbox({ name: 'Gold Members', phoneNumbers: [GOLD] });
  const recipients = madeUpRecipients(count);
  const start = () =>
    world.engine.createCampaign({
      name: 'July Sale early access',
      from: GOLD,
      answer: { name: 'July Sale', body: 'Our July Sale starts Friday.' },
      recipients,
      ratePerFiveMinutes: rate,
      ...(sendAt && { sendAt }),
    }).id;
  return { world, recipients, start };
}

const story = (
  world: World,
  campaignId: string,
  ...overrides: Parameters<World['msw']>
): StoryObj<ProgressArgs> => ({
  args: { 'campaign-id': campaignId },
  parameters: { msw: world.msw(...overrides) },
});

const meta: Meta<ProgressArgs> = {
  title: 'campaign-progress',
  component: 'campaign-progress',
  argTypes: attributeControls(CampaignProgress),
  args: { 'api-base': '', 'can-stop': true },
  render: (args) =>
    html`<campaign-progress
      campaign-id=${args['campaign-id']}
      ?can-stop=${args['can-stop']}
      api-base=${args['api-base']}
    ></campaign-progress>`,
  decorators: [(s) => html`<div style="max-width: 24rem">${s()}</div>`],
  parameters: {
    docs: {
      description: {
        component:
          'How far a Proactive SMS Campaign has got: sent, skipped and still ' +
          'to send, at the rate it may send. Each story is served by the ' +
          'app’s own mock API.',
      },
      story: { inline: false, iframeHeight: 240 },
    },
  },
};

export default meta;

type Story = StoryObj<ProgressArgs>;

/** 40 every five minutes, 120 recipients: the first 40 went at once. */
const sending = withCampaign(120, 40);
export const Sending: Story = {
  name: 'Sending, held to its rate',
  ...story(sending.world, sending.start()),
};

/** Two recipients texted STOP before the campaign went out. */
const skipping = withCampaign(12, 40);
for (const { phoneNumber } of skipping.recipients.slice(3, 5)) {
  skipping.world.engine.receiveSms({
    messageSid: `SM${phoneNumber.slice(1).padStart(32, '0')}`,
    from: phoneNumber,
    to: GOLD,
    body: 'STOP',
    attachments: [],
  });
}
export const SentWithSkips: Story = {
  name: 'Sent, with opted-out recipients skipped',
  ...story(skipping.world, skipping.start()),
};

const later = withCampaign(
  60,
  40,
  new Date(Date.parse(STORY_TIME) + 2 * HOUR).toISOString(),
);
export const Scheduled: Story = {
  name: 'Scheduled for later',
  ...story(later.world, later.start()),
};

const halted = withCampaign(120, 40);
const haltedId = halted.start();
halted.world.engine.stopCampaign(haltedId);
export const Stopped: Story = {
  name: 'Stopped part way',
  ...story(halted.world, haltedId),
};

const slow = withCampaign(10, 40);
export const Loading: Story = {
  name: 'Loading the campaign',
  ...story(slow.world, slow.start(), neverAnswers('/campaigns/:id')),
};

const broken = withCampaign(10, 40);
export const ServerError: Story = {
  name: 'Campaign failed to load',
  ...story(
    broken.world,
    broken.start(),
    serverError('/campaigns/:id', 'The campaign service is restarting.'),
  ),
};

const none = withCampaign(0, 40);
export const NotFound: Story = {
  name: 'Campaign not found',
  ...story(none.world, 'cmp_does_not_exist'),
};
