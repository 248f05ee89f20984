import { expect, fixture, html } from '@open-wc/testing';
import {
  a11ySnapshot,
  resetMouse,
  sendKeys,
  sendMouse,
} from '@web/test-runner-commands';
import '../../src/campaign-answer/define.js';
import '../../src/number-hovercard/define.js';
import '../../src/reply-marker/define.js';
import type { CampaignAnswer } from '../../src/campaign-answer/campaign-answer.js';
import type { NumberHovercard } from '../../src/number-hovercard/number-hovercard.js';
import type { ReplyMarker } from '../../src/reply-marker/reply-marker.js';
import { eventually } from '../helpers/mock.js';
import {
  deep,
  hover,
  itBehavesLikeAKitElement,
  renderedText,
  expectNone,
} from '../helpers/elements.js';
import { loadPhoneFormatting } from '../../src/shared/format.js';

const renderAnswer = () =>
  fixture<CampaignAnswer>(
    html`<campaign-answer
      campaign-name="July Sale"
      answer-name="July Sale early access"
      body="Our July Sale starts Friday."
      sent-at="2026-07-01T16:00:00.000Z"
      from="+14155550100"
      to="+14155550142"
      from-label="Gold Members"
      to-label="Julie Example"
    ></campaign-answer>`,
  );

const renderMarker = () =>
  fixture<ReplyMarker>(
    html`<reply-marker
      customer-name="Julie Example"
      campaign-name="July Sale"
      at="2026-07-01T16:20:00.000Z"
      from="+14155550100"
      to="+14155550142"
      from-label="Gold Members"
    ></reply-marker>`,
  );

const cardOf = (host: Element) =>
  deep<NumberHovercard>(host, 'number-hovercard');
const isShown = (card: NumberHovercard) => card.matches(':popover-open');

afterEach(() => resetMouse());

/** A node of Chromium's accessibility tree, as the test runner reads it. */
interface AXNode {
  role: string;
  name: string;
  description?: string;
  focused?: boolean;
  children?: AXNode[];
}

/** The first node in the tree that `match` picks. */
function findIn(node: AXNode, match: (n: AXNode) => boolean): AXNode | null {
  if (match(node)) return node;
  for (const child of node.children ?? []) {
    const found = findIn(child, match);
    if (found) return found;
  }
  return null;
}

describe('<campaign-answer>', () => {
  itBehavesLikeAKitElement(renderAnswer);

  it('shows the campaign, the answer’s name, the text and when it was sent', async () => {
    const text = renderedText(await renderAnswer());
    expect(text).to.contain('Messaging Answer');
    expect(text).to.contain('July Sale early access');
    expect(text).to.contain('July Sale campaign');
    expect(text).to.contain('Our July Sale starts Friday.');
    expect(text).to.match(/Sent .*\d/);
  });

  it('shows message text as text, never markup', async () => {
    const element = await fixture<CampaignAnswer>(
      html`<campaign-answer
        .body=${'<img src=x onerror=alert(1)>Hi'}
      ></campaign-answer>`,
    );
    expectNone(element, 'img');
    expect(renderedText(element)).to.contain('<img src=x onerror=alert(1)>Hi');
  });
});

describe('<reply-marker>', () => {
  itBehavesLikeAKitElement(renderMarker);

  it('says who responded to the SMS, with the campaign', async () => {
    const text = renderedText(await renderMarker());
    expect(text).to.contain('Julie Example responded to the SMS');
    expect(text).to.contain('July Sale');
  });

  it('has a focusable stamp as its timeline update', async () => {
    const marker = await renderMarker();
    const stamp = deep(marker, '[part=stamp]');
    stamp.focus();
    expect(marker.shadowRoot!.activeElement === stamp, 'focus').to.equal(true);
  });
});

for (const [tag, render] of [
  ['campaign-answer', renderAnswer],
  ['reply-marker', renderMarker],
] as const) {
  describe(`<number-hovercard> on a <${tag}> stamp`, () => {
    it('opens when keyboard focus reaches the stamp', async () => {
      const host = await render();
      const before = document.createElement('button');
      before.textContent = 'before';
      host.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      const card = cardOf(host);
      await eventually(() => expect(isShown(card)).to.equal(true));
      before.remove();
    });

    it('shows the sending and receiving numbers, formatted and labelled', async () => {
      const host = await render();
      const card = cardOf(host);
      card.show();
      await eventually(() => {
        const text = renderedText(card);
        expect(text).to.contain('(415) 555-0100');
        expect(text).to.contain('Gold Members');
        expect(text).to.contain('(415) 555-0142');
        expect(text).to.contain('Julie Example');
      });
    });

    it('opens when the pointer rests on the stamp', async () => {
      const host = await render();
      await hover(deep(host, '[part=stamp]'));
      await eventually(() => expect(isShown(cardOf(host))).to.equal(true));
    });

    it('stays open while the pointer moves onto it', async () => {
      const host = await render();
      const card = cardOf(host);
      await hover(deep(host, '[part=stamp]'));
      await eventually(() => expect(isShown(card)).to.equal(true));
      await hover(deep(card, '.card'));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(isShown(card)).to.equal(true);
    });

    it('stays open while its stamp has focus, whatever the pointer does', async () => {
      const host = await render();
      const stamp = deep(host, '[part=stamp]');
      stamp.focus();
      const card = cardOf(host);
      await eventually(() => expect(isShown(card)).to.equal(true));
      await hover(stamp);
      await sendMouse({ type: 'move', position: [0, 0] });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(isShown(card)).to.equal(true);
    });

    it('tells the page when it opens and closes, past its shadow root', async () => {
      const element = await render();
      const heard: string[] = [];
      for (const type of ['hovercard-open', 'hovercard-close']) {
        element.addEventListener(type, (e) =>
          heard.push(`${e.type}:${e.composed}`),
        );
      }
      const stamp = deep(element, '[part=stamp]');
      stamp.focus();
      await eventually(() =>
        expect(heard).to.deep.equal(['hovercard-open:true']),
      );
      stamp.blur();
      await eventually(() =>
        expect(heard).to.deep.equal([
          'hovercard-open:true',
          'hovercard-close:true',
        ]),
      );
    });

    it('lets a keyboard user tab into it and copy a number, then Escape back', async () => {
      const host = await render();
      const copied: string[] = [];
      const writes: string[] = [];
      const clipboard = navigator.clipboard;
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: async (text: string) => void writes.push(text) },
      });
      try {
        host.addEventListener('number-copied', (e) =>
          copied.push(`${e.detail.which} ${e.detail.number}`),
        );
        const stamp = deep(host, '[part=stamp]');
        stamp.focus();
        const card = cardOf(host);
        await eventually(() => expect(isShown(card)).to.equal(true));
        await sendKeys({ press: 'Tab' });
        // Focus went into the card, which stays open.
        const active = card.shadowRoot!.activeElement;
        expect(active?.getAttribute('part')).to.equal('copy');
        expect(isShown(card)).to.equal(true);
        await sendKeys({ press: 'Enter' });
        await eventually(() =>
          expect(copied).to.deep.equal(['from +14155550100']),
        );
        expect(writes).to.deep.equal(['+14155550100']);
        expect(renderedText(deep(card, '[role=status]'))).to.equal('Copied.');
        await sendKeys({ press: 'Escape' });
        await eventually(() => expect(isShown(card)).to.equal(false));
        expect(host.shadowRoot!.activeElement === stamp, 'focus').to.equal(
          true,
        );
      } finally {
        Object.defineProperty(navigator, 'clipboard', {
          configurable: true,
          value: clipboard,
        });
      }
    });

    it('closes on Escape without moving focus', async () => {
      const host = await render();
      const stamp = deep(host, '[part=stamp]');
      stamp.focus();
      const card = cardOf(host);
      await eventually(() => expect(isShown(card)).to.equal(true));
      await sendKeys({ press: 'Escape' });
      await eventually(() => expect(isShown(card)).to.equal(false));
      expect(host.shadowRoot!.activeElement === stamp, 'focus').to.equal(true);
    });

    it('tells assistive technology both numbers, from the stamp', async () => {
      // Read once, so the numbers' formatting must be there first.
      await loadPhoneFormatting();
      const host = await render();
      const stamp = deep(host, '[part=stamp]');
      stamp.focus();
      const snapshot = (await a11ySnapshot({})) as unknown as AXNode;
      const focused = findIn(snapshot, (n) => n.focused === true);
      expect(focused, 'the focused stamp in the tree').to.exist;
      expect(`${focused!.name} ${focused!.description ?? ''}`).to.match(
        /\(415\) 555-0100.*\(415\) 555-0142/,
      );
    });

    it('describes the stamp, wired by id inside the shadow root', async () => {
      const host = await render();
      const stamp = deep(host, '[part=stamp]');
      const id = stamp.getAttribute('aria-describedby')!;
      expect(host.shadowRoot!.getElementById(id)).to.equal(cardOf(host));
    });
  });
}

describe('<number-hovercard>', () => {
  itBehavesLikeAKitElement(() =>
    fixture(
      html`<number-hovercard
        from="+14155550100"
        to="+442071838750"
      ></number-hovercard>`,
    ),
  );

  it('describes an anchor in another shadow root, where an id cannot reach', async () => {
    await loadPhoneFormatting();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<button id="stamp" aria-describedby="hint">Sent 4:00 PM</button><span id="hint">Press for numbers</span>';
    const stamp = host.shadowRoot!.querySelector('button')!;
    const hint = host.shadowRoot!.querySelector('#hint')!;
    const card = await fixture<NumberHovercard>(
      html`<number-hovercard
        .anchor=${stamp}
        from="+14155550100"
        to="+14155550142"
      ></number-hovercard>`,
    );
    await card.updateComplete;
    // Described by the card, and still by what described it before.
    const described = () =>
      (stamp.ariaDescribedByElements ?? []).map((e) =>
        e === card ? 'card' : e === hint ? 'hint' : e.localName,
      );
    expect(described()).to.deep.equal(['hint', 'card']);
    // And so Chromium tells it: the hint, then the numbers.
    stamp.focus();
    const snapshot = (await a11ySnapshot({})) as unknown as AXNode;
    const focused = findIn(snapshot, (n) => n.focused === true);
    expect(focused?.description).to.match(
      /^Press for numbers .*\(415\) 555-0100.*\(415\) 555-0142/,
    );
    // Given another anchor, the first keeps only its own description.
    card.anchor = document.createElement('button');
    host.shadowRoot!.append(card.anchor);
    await card.updateComplete;
    expect(described()).to.deep.equal(['hint']);
  });

  it('is never clipped by a scroll box around its anchor', async () => {
    const box = await fixture(
      html`<div style="height: 40px; margin-top: 200px; overflow: hidden">
        <button id="anchor">stamp</button>
        <number-hovercard
          for="anchor"
          from="+14155550100"
          to="+14155550142"
        ></number-hovercard>
      </div>`,
    );
    const card = box.querySelector<NumberHovercard>('number-hovercard')!;
    card.show();
    await card.updateComplete;
    await eventually(() => {
      expect(card.matches(':popover-open')).to.equal(true);
      const rect = card.getBoundingClientRect();
      expect(rect.height).to.be.greaterThan(0);
      // In the top layer, the card paints outside the box that would clip it.
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      expect(y).to.be.lessThan(box.getBoundingClientRect().top);
      const hit = document.elementFromPoint(x, y);
      expect(hit).to.equal(card);
    });
  });

  it('hides while its anchor is scrolled out of view, and returns', async () => {
    const box = await fixture(
      html`<div style="height: 120px; overflow: auto">
        <button id="anchor">stamp</button>
        <div style="height: 600px"></div>
        <number-hovercard
          for="anchor"
          from="+14155550100"
          to="+14155550142"
        ></number-hovercard>
      </div>`,
    );
    const card = box.querySelector<NumberHovercard>('number-hovercard')!;
    card.show();
    await eventually(() =>
      expect(getComputedStyle(card).visibility).to.equal('visible'),
    );
    box.scrollTop = 300;
    await eventually(() =>
      expect(getComputedStyle(card).visibility).to.equal('hidden'),
    );
    box.scrollTop = 0;
    await eventually(() =>
      expect(getComputedStyle(card).visibility).to.equal('visible'),
    );
  });

  it('wraps a long unbroken label inside the card', async () => {
    const card = await fixture<NumberHovercard>(
      html`<number-hovercard
        from="+14155550100"
        to="+14155550142"
        from-label=${'L'.repeat(200)}
      ></number-hovercard>`,
    );
    card.show();
    await card.updateComplete;
    const panel = deep(card, '.card');
    expect(panel.scrollWidth).to.be.at.most(panel.clientWidth + 1);
  });

  it('formats a number from another country internationally', async () => {
    const card = await fixture<NumberHovercard>(
      html`<number-hovercard
        from="+14155550100"
        to="+442071838750"
      ></number-hovercard>`,
    );
    card.show();
    await eventually(() =>
      expect(renderedText(card)).to.contain('+44 20 7183 8750'),
    );
  });
});
