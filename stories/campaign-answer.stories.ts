import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { JULY_SALE_BODY } from '../mock-server/scenario.js';
import { CampaignAnswer } from '../src/campaign-answer/define.js';
import { attributeControls } from './controls.js';
import { LONG_LINK } from './scenarios.js';
import { openStampCard } from './stamp.js';

interface CampaignAnswerArgs {
  'campaign-name': string;
  'answer-name': string;
  body: string;
  'sent-at': string;
  from: string;
  to: string;
  'from-label': string;
  'to-label': string;
}

const meta: Meta<CampaignAnswerArgs> = {
  title: 'campaign-answer',
  component: 'campaign-answer',
  argTypes: attributeControls(CampaignAnswer),
  args: {
    'campaign-name': 'July Sale',
    'answer-name': 'July Sale early access',
    body: JULY_SALE_BODY,
    'sent-at': '2026-07-01T14:00:00Z',
    from: '+14155550100',
    to: '+14155550142',
    'from-label': 'Gold Members',
    'to-label': 'Julie Example',
  },
  render: (args) =>
    html`<campaign-answer
      campaign-name=${args['campaign-name']}
      answer-name=${args['answer-name']}
      body=${args.body}
      sent-at=${args['sent-at']}
      from=${args.from}
      to=${args.to}
      from-label=${args['from-label']}
      to-label=${args['to-label']}
    ></campaign-answer>`,
  decorators: [(story) => html`<div style="max-width: 44rem">${story()}</div>`],
  parameters: {
    docs: {
      description: {
        component:
          'A campaign’s SMS as it sits on the customer’s timeline, shown as ' +
          'the Messaging Answer it was sent from. Hovering or focusing the ' +
          '“Sent” stamp shows the two numbers. It needs no network: ' +
          'everything comes from its attributes.',
      },
    },
  },
};

export default meta;

type Story = StoryObj<CampaignAnswerArgs>;

export const JulySale: Story = {
  name: 'July Sale early access',
};

/** Sent on another day the stamp shows the date; today, the time alone. */
export const SentEarlierToday: Story = {
  name: 'Sent earlier today',
  args: { 'sent-at': new Date(Date.now() - 25 * 60_000).toISOString() },
};

/** The stamp's card, opened as focusing the stamp would. */
export const NumbersShown: Story = {
  name: 'Stamp focused: numbers shown',
  play: ({ canvasElement }) => openStampCard(canvasElement, 'campaign-answer'),
};

export const LongUnbrokenLink: Story = {
  name: 'Long link with no spaces',
  args: { body: `Your early access link: ${LONG_LINK}` },
};

export const LongNames: Story = {
  name: 'Long campaign and answer names',
  args: {
    'campaign-name': 'End of Summer Clearance and Back to School Weekend 2026',
    'answer-name':
      'Early access for Gold and Platinum members in the Pacific Northwest',
    'from-label': 'Gold Members · Pacific Northwest priority line',
    'to-label': 'Maximiliana Featherstonehaugh-Worthington',
  },
};

/** Numbers outside the agent's country show in international form. */
export const UkNumbers: Story = {
  name: 'Sent from a UK line',
  args: {
    'campaign-name': 'Summer Sale UK',
    'answer-name': 'Summer Sale first look',
    body: 'Hello from Northwind London! Our Summer Sale opens Saturday.',
    from: '+442071838750',
    to: '+447700900123',
    'from-label': 'Northwind UK',
    'to-label': 'Oliver Bennett',
  },
};

/** Without numbers the stamp has no card to open. */
export const WithoutNumbers: Story = {
  name: 'Without numbers',
  args: { from: '', to: '', 'from-label': '', 'to-label': '' },
};
