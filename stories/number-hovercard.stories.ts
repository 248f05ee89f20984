import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { NumberHovercard } from '../src/number-hovercard/define.js';
import { attributeControls } from './controls.js';

interface HovercardArgs {
  from: string;
  to: string;
  'from-label': string;
  'to-label': string;
  open: boolean;
  for: string;
}

const meta: Meta<HovercardArgs> = {
  title: 'number-hovercard',
  component: 'number-hovercard',
  argTypes: attributeControls(NumberHovercard),
  args: {
    from: '+14155550100',
    to: '+14155550142',
    'from-label': 'Gold Members',
    'to-label': 'Julie Example',
    open: true,
    for: 'sent-stamp',
  },
  // The card is placed by its anchor, so every story renders one: a stamp
  // whose id is the card's `for`, wired the way the timeline's stamps are.
  render: (args) =>
    html`<div style="padding: 7rem 1rem 1rem">
      <button
        type="button"
        id=${args.for}
        aria-describedby=${`${args.for}-card`}
      >
        Sent Jul 1, 2:00 PM
      </button>
      <number-hovercard
        id=${`${args.for}-card`}
        for=${args.for}
        from=${args.from}
        to=${args.to}
        from-label=${args['from-label']}
        to-label=${args['to-label']}
        ?open=${args.open}
      ></number-hovercard>
    </div>`,
  parameters: {
    docs: {
      description: {
        component:
          'The two numbers of a campaign SMS, the sender’s and the ' +
          'recipient’s, each with whose it is. It opens while the pointer ' +
          'rests on its anchor or the anchor has focus, and closes on ' +
          'Escape. Stories with `open` show it at once.',
      },
      // In its own frame each story keeps its ids to itself, and an open
      // card stays with its stamp rather than floating over the page.
      story: { inline: false, iframeHeight: 260 },
    },
  },
};

export default meta;

type Story = StoryObj<HovercardArgs>;

export const Open: Story = {
  name: 'Open on its stamp',
};

/** Closed: hover or tab to the button to open it. */
export const OnAnAnchor: Story = {
  name: 'Closed until hover or focus',
  args: { open: false },
};

export const LongNames: Story = {
  name: 'Long names',
  args: {
    'from-label': 'Gold Members · Pacific Northwest priority line',
    'to-label': 'Maximiliana Alexandra Featherstonehaugh-Worthington',
  },
};

/** Numbers outside the agent's country show in international form. */
export const UkNumbers: Story = {
  name: 'UK numbers',
  args: {
    from: '+442071838750',
    to: '+447700900123',
    'from-label': 'Northwind UK',
    'to-label': 'Oliver Bennett',
  },
};

export const WithoutLabels: Story = {
  name: 'Numbers without labels',
  args: { 'from-label': '', 'to-label': '' },
};
