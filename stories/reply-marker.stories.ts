import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ReplyMarker } from '../src/reply-marker/define.js';
import { attributeControls } from './controls.js';
import { openStampCard } from './stamp.js';

interface ReplyMarkerArgs {
  'customer-name': string;
  'campaign-name': string;
  at: string;
  from: string;
  to: string;
  'from-label': string;
  'to-label': string;
}

const meta: Meta<ReplyMarkerArgs> = {
  title: 'reply-marker',
  component: 'reply-marker',
  argTypes: attributeControls(ReplyMarker),
  args: {
    'customer-name': 'Julie Example',
    'campaign-name': 'July Sale',
    at: '2026-07-01T15:40:00Z',
    from: '+14155550100',
    to: '+14155550142',
    'from-label': 'Gold Members',
    'to-label': '',
  },
  render: (args) =>
    html`<reply-marker
      customer-name=${args['customer-name']}
      campaign-name=${args['campaign-name']}
      at=${args.at}
      from=${args.from}
      to=${args.to}
      from-label=${args['from-label']}
      to-label=${args['to-label']}
    ></reply-marker>`,
  decorators: [(story) => html`<div style="max-width: 44rem">${story()}</div>`],
  parameters: {
    docs: {
      description: {
        component:
          'The line on a timeline just before a customer’s reply to a ' +
          'campaign. Hovering or focusing it shows the number the campaign ' +
          'came from and the one it went to. It needs no network: ' +
          'everything comes from its attributes.',
      },
    },
  },
};

export default meta;

type Story = StoryObj<ReplyMarkerArgs>;

export const JulieResponded: Story = {
  name: 'Julie responded to the July Sale',
};

/** The card, opened as focusing the marker would. */
export const NumbersShown: Story = {
  name: 'Marker focused: numbers shown',
  play: ({ canvasElement }) => openStampCard(canvasElement, 'reply-marker'),
};

export const LongNames: Story = {
  name: 'Long customer and campaign names',
  args: {
    'customer-name': 'Maximiliana Featherstonehaugh-Worthington',
    'campaign-name': 'End of Summer Clearance and Back to School Weekend 2026',
    'from-label': 'Gold Members · Pacific Northwest priority line',
  },
};

/** A name written right to left keeps the sentence around it in order. */
export const RightToLeftName: Story = {
  name: 'Right-to-left customer name',
  args: { 'customer-name': 'ليلى حداد' },
};

/** Numbers outside the agent's country show in international form. */
export const UkNumbers: Story = {
  name: 'Reply from a UK customer',
  args: {
    'customer-name': 'Oliver Bennett',
    'campaign-name': 'Summer Sale UK',
    from: '+442071838750',
    to: '+447700900123',
    'from-label': 'Northwind UK',
  },
  play: ({ canvasElement }) => openStampCard(canvasElement, 'reply-marker'),
};

/** Only what the reply itself says: no name, campaign or time. */
export const Sparse: Story = {
  name: 'Unknown customer, no campaign name',
  args: { 'customer-name': '', 'campaign-name': '', at: '' },
};

/** Without numbers the marker has no card to open. */
export const WithoutNumbers: Story = {
  name: 'Without numbers',
  args: { from: '', to: '', 'from-label': '' },
};
