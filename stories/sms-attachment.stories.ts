import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { SmsAttachment } from '../src/sms-attachment/define.js';
import { attributeControls } from './controls.js';
import { until } from './play.js';

interface AttachmentArgs {
  url: string;
  'content-type': string;
  label: string;
}

/**
 * A photo the story's own server has, so the thumbnail loads. (Over 4 kB,
 * so Vite serves it as a file, not an inline data: address the element
 * rightly refuses to load.)
 */
const PHOTO = new URL('./assets/sample-photo.png', import.meta.url).href;

const meta: Meta<AttachmentArgs> = {
  title: 'sms-attachment',
  component: 'sms-attachment',
  argTypes: attributeControls(SmsAttachment),
  args: {
    url: PHOTO,
    'content-type': 'image/png',
    label: 'Photo from Priya Shah',
  },
  render: (args) =>
    html`<sms-attachment
      url=${args.url}
      content-type=${args['content-type']}
      label=${args.label}
    ></sms-attachment>`,
  parameters: {
    docs: {
      description: {
        component:
          'One file an MMS carried, as the timeline shows it under the ' +
          'message: a photo as a thumbnail that links to the full file, ' +
          'anything else as a chip naming what it is, and a file that ' +
          'cannot be shown as a plain placeholder that still links to it.',
      },
    },
  },
};

export default meta;

type Story = StoryObj<AttachmentArgs>;

/** Waits for what the attachment draws, by its part. */
const drawn = (canvasElement: HTMLElement, part: string) =>
  until(
    () =>
      canvasElement
        .querySelector('sms-attachment')
        ?.shadowRoot?.querySelector(`[part=${part}]`),
    `the attachment's ${part}`,
    5000,
  );

export const Photo: Story = {
  name: 'A photo: a thumbnail linking to the file',
  play: async ({ canvasElement }) => {
    const img = (await drawn(canvasElement, 'thumbnail')) as HTMLImageElement;
    await until(() => img.complete && img.naturalWidth > 0, 'the photo');
  },
};

export const Pdf: Story = {
  name: 'A PDF: a chip that names it',
  args: {
    url: 'https://media.example/july-sale-terms.pdf',
    'content-type': 'application/pdf',
    label: 'PDF from Priya Shah',
  },
  play: async ({ canvasElement }) => {
    await drawn(canvasElement, 'chip');
  },
};

export const UnknownFile: Story = {
  name: 'A file of another kind, with its media type',
  args: {
    url: 'https://media.example/receipt.zip',
    'content-type': 'application/zip',
    label: '',
  },
  play: async ({ canvasElement }) => {
    await drawn(canvasElement, 'chip');
  },
};

export const Broken: Story = {
  name: 'A photo that cannot be loaded (broken URL)',
  args: {
    url: 'https://localhost:1/missing.jpg',
    'content-type': 'image/jpeg',
  },
  play: async ({ canvasElement }) => {
    // The thumbnail gives way to a placeholder that still links to it.
    await until(
      () =>
        canvasElement
          .querySelector('sms-attachment')
          ?.shadowRoot?.querySelector('a.broken[part=chip]'),
      'the placeholder',
      5000,
    );
  },
};

export const NotAWebAddress: Story = {
  name: 'An address that is not a web address',
  args: { url: 'javascript:alert(1)', 'content-type': 'image/png' },
  play: async ({ canvasElement }) => {
    await drawn(canvasElement, 'chip');
  },
};
