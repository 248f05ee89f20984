import { expect, fixture, html } from '@open-wc/testing';
import '../../src/sms-attachment/define.js';
import type { SmsAttachment } from '../../src/sms-attachment/sms-attachment.js';
import {
  deep,
  expectNone,
  itBehavesLikeAKitElement,
  renderedText,
} from '../helpers/elements.js';
import { eventually } from '../helpers/mock.js';

/** A real image the test server has, so the thumbnail loads. */
const PIXEL = new URL('/docs/screenshot.png', location.href).href;

const render = (url: string, contentType: string, label = '') =>
  fixture<SmsAttachment>(
    html`<sms-attachment
      url=${url}
      content-type=${contentType}
      label=${label}
    ></sms-attachment>`,
  );

describe('<sms-attachment>', () => {
  itBehavesLikeAKitElement(() =>
    render(PIXEL, 'image/png', 'Photo from Priya Shah'),
  );

  it('shows a photo as a lazy thumbnail with its text alternative, linking to the file', async () => {
    const element = await render(PIXEL, 'image/png', 'Photo from Priya Shah');
    const img = deep<HTMLImageElement>(element, 'img');
    expect(img.alt).to.equal('Photo from Priya Shah');
    expect(img.loading).to.equal('lazy');
    expect(deep<HTMLAnchorElement>(element, 'a').href).to.equal(PIXEL);
    await expect(element).to.be.accessible();
  });

  it('shows another kind of file as a chip that names it', async () => {
    const element = await render(
      'https://media.example/terms.pdf',
      'application/pdf',
      'PDF from Priya Shah',
    );
    expect(renderedText(deep(element, '[part=chip]'))).to.equal(
      'PDF from Priya Shah',
    );
    const other = await render(
      'https://media.example/x.bin',
      'application/zip',
    );
    expect(renderedText(deep(other, '[part=chip]'))).to.equal(
      'File (application/zip)',
    );
  });

  it('never links or loads an address that is not a web address', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>']) {
      const element = await render(url, 'image/png', 'Photo');
      expectNone(element, 'a, img');
      expect(renderedText(deep(element, '[part=chip]'))).to.equal(
        'Photo cannot be shown: its address is not a web address.',
      );
    }
  });

  it('says so, and still links to it, when a photo cannot be loaded', async () => {
    const element = await render(
      'https://localhost:1/missing.jpg',
      'image/jpeg',
      'Photo from Priya Shah',
    );
    await eventually(
      () =>
        expect(renderedText(deep(element, '[part=chip]'))).to.equal(
          'Photo from Priya Shah could not be shown. Open the file',
        ),
      5000,
    );
    expect(deep<HTMLAnchorElement>(element, 'a').href).to.equal(
      'https://localhost:1/missing.jpg',
    );
  });
});
