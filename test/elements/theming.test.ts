import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/campaign-answer/define.js';
import '../../src/reply-marker/define.js';
import type { CampaignAnswer } from '../../src/campaign-answer/campaign-answer.js';
import { deep } from '../helpers/elements.js';
import type { NumberHovercard } from '../../src/number-hovercard/number-hovercard.js';

const LIGHT_TEXT = 'rgb(31, 35, 40)';
const DARK_TEXT = 'rgb(230, 237, 243)';

/** A campaign answer, with a reply marker inside a wrapper, in `wrapper`. */
const render = (wrapperStyle = '', theme = '') =>
  fixture<HTMLDivElement>(html`
    <div style=${wrapperStyle}>
      <campaign-answer
        theme=${theme || nothing}
        campaign-name="July Sale"
        answer-name="Early access"
        body="On Friday."
        sent-at="2026-07-01T16:00:00.000Z"
        from="+14155550100"
        to="+14155550142"
      ></campaign-answer>
    </div>
  `);

const textOf = (wrapper: HTMLElement) => {
  const answer = wrapper.querySelector<CampaignAnswer>('campaign-answer')!;
  return getComputedStyle(deep(answer, '.body')).color;
};

describe('themes', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('is light on a page that declares no color scheme, whatever the reader prefers', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    expect(textOf(await render())).to.equal(LIGHT_TEXT);
  });

  it('follows the reader’s preference on a page that offers both', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    expect(textOf(await render('color-scheme: light dark'))).to.equal(
      DARK_TEXT,
    );
    await emulateMedia({ colorScheme: 'light' });
    expect(textOf(await render('color-scheme: light dark'))).to.equal(
      LIGHT_TEXT,
    );
  });

  it('takes --sms-kit-color-scheme from any ancestor, into nested shadow roots', async () => {
    const wrapper = await render('--sms-kit-color-scheme: dark');
    expect(textOf(wrapper)).to.equal(DARK_TEXT);
    // The hovercard the answer renders in its own shadow root is dark too.
    const answer = wrapper.querySelector('campaign-answer')!;
    const card = deep<NumberHovercard>(answer, 'number-hovercard');
    card.show();
    await card.updateComplete;
    expect(getComputedStyle(deep(card, '.card')).color).to.equal(DARK_TEXT);
  });

  it('takes an element’s own theme attribute over the page', async () => {
    const wrapper = await render('color-scheme: light', 'dark');
    expect(textOf(wrapper)).to.equal(DARK_TEXT);
  });

  it('lets no style in from the page, nor out to it', async () => {
    // The page styles the same class and tag names the elements use.
    const style = document.createElement('style');
    style.textContent =
      '.body, p { color: rgb(255, 0, 0) !important; display: none; } .card { border: 9px solid red; }';
    document.head.append(style);
    try {
      const wrapper = await render();
      const answer = wrapper.querySelector('campaign-answer')!;
      const body = deep(answer, '.body');
      expect(getComputedStyle(body).color).to.equal(LIGHT_TEXT);
      expect(getComputedStyle(body).display).to.equal('block');
      // And the elements' own rules do not reach the page's elements.
      const outside = await fixture<HTMLDivElement>(
        html`<div class="stamp" style="all: initial">
          <span class="stamp">x</span>
        </div>`,
      );
      const span = outside.querySelector('span')!;
      expect(getComputedStyle(span).textDecorationLine).to.equal('none');
    } finally {
      style.remove();
    }
  });
});
