/**
 * The agent's whole flow with the keyboard alone, as issue 4's "done when"
 * asks: in English and Spanish, light and dark, on a customer timeline of
 * 100,000 messages. Only key presses drive the page; the engine is only
 * read, and posted to as Twilio would.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import {
  postTwilioWebhook,
  twilioInboundForm,
} from '../mock-server/simulator.js';
import '../src/index.js';
import { setLocale, type KitLocale } from '../src/shared/locale.js';
import { outbox } from '../src/shared/outbox.js';
import { renderedText } from './helpers/elements.js';
import { GOLD } from './helpers/engine.js';
import { eventually, useMockServer } from './helpers/mock.js';

const MARCUS = '+14155550143';
const HISTORY = 100_000;

/** The element that has focus, through every shadow root. */
function focused(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) {
    active = active.shadowRoot.activeElement;
  }
  return active as HTMLElement | null;
}

/**
 * Presses Tab until `wanted` has focus, as a person tabs to a control;
 * fails naming what it looked for when the page runs out first. Each stop
 * on the way shows a focus ring.
 */
async function tabTo(what: string, wanted: (el: HTMLElement) => boolean) {
  for (let presses = 0; presses < 80; presses++) {
    await sendKeys({ press: 'Tab' });
    const el = focused();
    // Past the last control, focus leaves the page for a press.
    if (!el || el === document.body) continue;
    const style = getComputedStyle(el);
    expect(
      style.outlineStyle !== 'none' || style.boxShadow !== 'none',
      `a focus ring on ${el.localName}.${el.className}`,
    ).to.equal(true);
    if (wanted(el)) return el;
  }
  throw new Error(`Tab never reached ${what}`);
}

const inside = (el: HTMLElement, host: string) =>
  (el.getRootNode() as ShadowRoot).host?.localName === host;

describe('the agent’s flow, keyboard only', function () {
  this.timeout(60_000);
  const mock = useMockServer();

  afterEach(async () => {
    await setLocale('en');
    await emulateMedia({ colorScheme: 'light' });
  });

  /**
   * Marcus has written 100,000 texts to Gold over the years; Ben is away,
   * so Amara is offered his reply to the July Sale campaign.
   */
  function seed() {
    const { engine, clock } = mock;
    const gold = engine.createInbox({ name: 'Gold', phoneNumbers: [GOLD] });
    const ben = engine.createAgent({
      name: 'Ben Okafor',
      inboxIds: [gold.id],
      capacity: 3,
    });
    const amara = engine.createAgent({
      name: 'Amara Silva',
      inboxIds: [gold.id],
      capacity: 2,
    });
    for (let i = 0; i < HISTORY; i++) {
      clock.advance(1000);
      engine.receiveSms({
        messageSid: `SM${i.toString(16).padStart(32, '0')}`,
        from: MARCUS,
        to: GOLD,
        body: `Old message ${i}`,
        attachments: [],
      });
    }
    const [customer] = engine.findCustomersByPhone(MARCUS);
    for (const c of engine.listConversations(customer!.id)) {
      engine.closeConversation(c.id);
    }
    engine.updateAgent(ben.id, { status: 'AWAY' });
    engine.updateInbox(gold.id, { offerTimeoutSeconds: 60 });
    clock.advance(60_000);
    engine.createCampaign({
      name: 'July Sale',
      from: GOLD,
      answer: { name: 'July Sale early access', body: 'It is 30% off.' },
      recipients: [{ name: 'Marcus Reed', phoneNumber: MARCUS }],
    });
    clock.advance(60_000);
    return { gold, amara, customerId: customer!.id };
  }

  for (const locale of ['en', 'es'] as KitLocale[]) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`in ${locale === 'en' ? 'English' : 'Spanish'}, ${scheme}`, async () => {
        const { gold, amara, customerId } = seed();
        await setLocale(locale);
        await emulateMedia({ colorScheme: scheme });
        outbox.clear();

        // A host page: the queue picks what the timeline shows.
        const page = await fixture<HTMLElement>(
          html`<main>
            <routed-queue
              inbox-id=${gold.id}
              agent-id=${amara.id}
            ></routed-queue>
            <sms-timeline agent-id=${amara.id}></sms-timeline>
          </main>`,
        );
        const queue = page.querySelector('routed-queue')!;
        const timeline = page.querySelector('sms-timeline')!;
        page.addEventListener('conversation-pick', (event) =>
          timeline.setAttribute('customer-id', event.detail.customerId),
        );
        await eventually(
          () =>
            expect(queue.shadowRoot!.querySelector('[part=policy]')).to.exist,
        );

        // Marcus answers the campaign, as Twilio posts it.
        const posted = await postTwilioWebhook(
          twilioInboundForm({ from: MARCUS, to: GOLD, body: 'Count me in!' }),
        );
        expect(posted.status).to.equal(200);

        // Amara accepts the offer.
        const accept = await tabTo(
          'Accept',
          (el) =>
            Boolean(el.closest('[part=offer-actions]')) &&
            el.classList.contains('primary'),
        );
        expect(inside(accept, 'routed-queue')).to.equal(true);
        await sendKeys({ press: 'Enter' });
        await eventually(() => {
          const [open] = mock.engine
            .listConversations(customerId)
            .filter((c) => c.status === 'OPEN');
          expect(open?.agentId).to.equal(amara.id);
        });

        // She opens his conversation from the queue.
        await tabTo('Marcus under Amara', (el) => el.localName === 'summary');
        await sendKeys({ press: 'Enter' });
        await tabTo(
          'Open conversation',
          (el) =>
            Boolean(el.closest('details[open]')) && el.localName === 'button',
        );
        await sendKeys({ press: 'Enter' });
        await eventually(() =>
          expect(renderedText(timeline)).to.contain('Count me in!'),
        );

        // In the log: the newest message, then back through the rows.
        const log = await tabTo(
          'the log',
          (el) => el.getAttribute('role') === 'log',
        );
        await sendKeys({ press: 'End' });
        await eventually(() =>
          expect(focused()?.dataset.itemId).to.equal(
            mock.engine.getTimeline(customerId, 1).items[0]!.id,
          ),
        );
        // Up from the newest line to Marcus's reply, and on into history.
        const rowText = () => focused()?.textContent ?? '';
        for (let i = 0; i < 6 && !rowText().includes('Count me in!'); i++) {
          await sendKeys({ press: 'ArrowUp' });
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
        expect(rowText()).to.contain('Count me in!');
        for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowUp' });
        await eventually(() => expect(rowText()).to.contain('Old message'));
        expect(inside(log, 'sms-timeline')).to.equal(true);

        // The reply marker's stamp shows the two numbers; Escape hides them.
        await sendKeys({ press: 'End' });
        const stamp = await tabTo(
          'the reply marker’s stamp',
          (el) =>
            inside(el, 'reply-marker') && el.getAttribute('part') === 'stamp',
        );
        const card = (stamp.getRootNode() as ShadowRoot).querySelector(
          'number-hovercard',
        )!;
        await eventually(() =>
          expect(card.hasAttribute('open')).to.equal(true),
        );
        // Formatted once phone formatting has loaded (on first use).
        await eventually(() =>
          expect(renderedText(card)).to.match(
            /\(415\) 555-0100.*\(415\) 555-0143/,
          ),
        );
        await sendKeys({ press: 'Escape' });
        await eventually(() =>
          expect(card.hasAttribute('open')).to.equal(false),
        );
        expect(focused()).to.equal(stamp);

        // She replies; Enter sends.
        await tabTo('the reply box', (el) => el.localName === 'textarea');
        await sendKeys({ type: 'Glad to hear it, Marcus!' });
        await sendKeys({ press: 'Enter' });
        await eventually(() => {
          const sent = mock.engine
            .getTimeline(customerId)
            .items.filter(
              (i) =>
                i.initiator.type === 'AGENT' &&
                i.content.type === 'SMS' &&
                i.content.body === 'Glad to hear it, Marcus!',
            );
          expect(sent).to.have.length(1);
        });
        await eventually(() =>
          expect(renderedText(timeline)).to.contain('Glad to hear it, Marcus!'),
        );
        // The flow ran with older history still to page in, and with only
        // the rows in view drawn.
        expect(mock.engine.getTimeline(customerId, 1).nextCursor).to.not.equal(
          null,
        );
        expect(
          timeline.shadowRoot!.querySelectorAll('.row').length,
        ).to.be.below(20);
      });
    }
  }
});
