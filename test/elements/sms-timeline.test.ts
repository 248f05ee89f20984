import { expect, fixture, html } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { seedJulySale, type JulySale } from '../../mock-server/scenario.js';
import {
  postTwilioWebhook,
  twilioInboundForm,
} from '../../mock-server/simulator.js';
import { SmsKitClient } from '../../src/sdk/client.js';
import { provideClient } from '../../src/shared/context.js';
import { outbox } from '../../src/shared/outbox.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/sms-timeline/define.js';
import type { NumberHovercard } from '../../src/number-hovercard/number-hovercard.js';
import type { SmsTimeline } from '../../src/sms-timeline/sms-timeline.js';
import {
  deep,
  itBehavesLikeAKitElement,
  renderedText,
  expectNone,
  scrollToTop,
} from '../helpers/elements.js';
import { openConversationOf } from '../helpers/engine.js';
import {
  answerLost,
  eventually,
  gatewayBusy,
  heldRequest,
  useMockServer,
} from '../helpers/mock.js';

describe('<sms-timeline>', () => {
  const mock = useMockServer();
  let story: JulySale;

  beforeEach(() => {
    outbox.clear();
    story = seedJulySale(mock.engine);
  });

  const render = async (customerId = story.customers.julie) => {
    const element = await fixture<SmsTimeline>(
      html`<sms-timeline customer-id=${customerId}></sms-timeline>`,
    );
    await eventually(() => expect(deep(element, '.log')).to.exist);
    return element;
  };

  /** The first row in view: its id and how far below the log's top. */
  const firstInView = (log: HTMLElement) => {
    const top = log.getBoundingClientRect().top;
    const row = [...log.querySelectorAll<HTMLElement>('.row')].find(
      (r) => r.getBoundingClientRect().bottom > top,
    )!;
    return {
      id: row.dataset.itemId,
      offset: Math.round(row.getBoundingClientRect().top - top),
    };
  };

  const frames = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  };

  itBehavesLikeAKitElement(render);

  /**
   * Twilio reports the July Sale message to Julie undelivered, and
   * `element`'s campaign card says so.
   */
  const campaignNotDelivered = async (element: SmsTimeline) => {
    const sid = mock.engine
      .getTimeline(story.customers.julie)
      .items.flatMap((i) =>
        i.content.type === 'SMS' && i.content.campaign
          ? [i.content.messageSid!]
          : [],
      )[0]!;
    mock.engine.updateDelivery({
      messageSid: sid,
      status: 'undelivered',
      errorCode: '30003',
    });
    await eventually(() =>
      expect(
        renderedText(deep(element, 'campaign-answer', '[part=delivery]')),
      ).to.equal('· Not delivered (error 30003)'),
    );
  };

  it('shows the campaign as a Messaging Answer, the reply marker, then the reply', async () => {
    const element = await render();
    const log = deep(element, '.log');
    const rows = [...log.querySelectorAll('.row')].map(
      (row) => row.firstElementChild!.localName,
    );
    expect(rows[0]).to.equal('campaign-answer');
    expect(rows[1]).to.equal('reply-marker');
    expect(renderedText(log)).to.match(
      /July Sale early access.*Julie Example responded to the SMS · July Sale.*Great! Tell me more\..*Routed to Gold Members · assigned to Ben Okafor/,
    );
  });

  it('labels the hovercard numbers with the inbox line and the customer', async () => {
    const element = await render();
    const marker = deep(element, 'reply-marker');
    const card = deep<NumberHovercard>(marker, 'number-hovercard');
    // Compared as plain values: a failure then reports them, not the
    // element, which the test runner cannot serialize.
    const { from, to, fromLabel, toLabel } = card;
    expect({ from, to, fromLabel, toLabel }).to.deep.equal({
      from: story.numbers.gold,
      to: story.phones.julie,
      fromLabel: 'Gold Members',
      toLabel: 'Julie Example',
    });
  });

  it('shows a new reply live, without a reload', async () => {
    const element = await render(story.customers.marcus);
    const log = deep(element, '.log');
    expect(renderedText(log)).to.not.contain('Marcus Reed responded');
    await postTwilioWebhook(
      twilioInboundForm({
        from: story.phones.marcus,
        to: story.numbers.gold,
        body: 'In stores too?',
      }),
    );
    await eventually(() =>
      expect(renderedText(deep(element, '.log'))).to.match(
        /Marcus Reed responded to the SMS.*In stores too\?.*Routed to Gold Members · assigned to Amara Silva/,
      ),
    );
  });

  it('shows a STOP as a line saying the customer opted out, live', async () => {
    const element = await render();
    await postTwilioWebhook(
      twilioInboundForm({
        from: story.phones.julie,
        to: story.numbers.gold,
        body: 'stop.',
      }),
    );
    await eventually(() =>
      expect(renderedText(deep(element, '.log'))).to.match(
        /stop\. .*Julie Example opted out of SMS · texted STOP/,
      ),
    );
  });

  it('says when a reply went back to the agent who had the last conversation', async () => {
    const [conversation] = mock.engine.listConversations(story.customers.julie);
    mock.engine.closeConversation(conversation!.id);
    const element = await render();
    await postTwilioWebhook(
      twilioInboundForm({
        from: story.phones.julie,
        to: story.numbers.gold,
        body: 'Sorry, one more question',
      }),
    );
    await eventually(() =>
      expect(renderedText(deep(element, '.log'))).to.contain(
        'Routed to Gold Members · back to Ben Okafor, who had the last conversation',
      ),
    );
  });

  it('puts a late message in its place by timestamp', async () => {
    mock.clock.advance(60_000);
    const element = await render();
    // The engine stamps with its clock; set it back to before the reply.
    mock.clock.advance(-120_000);
    await postTwilioWebhook(
      twilioInboundForm({
        from: story.phones.julie,
        to: story.numbers.gold,
        body: 'Late',
      }),
    );
    await eventually(() => {
      const text = renderedText(deep(element, '.log'));
      expect(text).to.contain('Late');
      expect(text.indexOf('Late')).to.be.lessThan(
        text.indexOf('Great! Tell me more.'),
      );
    });
  });

  it('renders message text as text, never markup', async () => {
    const element = await render();
    await postTwilioWebhook(
      twilioInboundForm({
        from: story.phones.julie,
        to: story.numbers.gold,
        body: '<img src=x onerror="window.hacked=1">',
      }),
    );
    await eventually(() =>
      expect(renderedText(deep(element, '.log'))).to.contain('<img src=x'),
    );
    expect(deep(element, '.log').querySelector('img') === null).to.equal(true);
  });

  it('opens on the newest message, even when campaign rows draw late', async () => {
    // Short enough that only the campaign answer, which draws after the
    // timeline does, makes the log overflow.
    const element = await fixture<SmsTimeline>(
      html`<sms-timeline
        style="--sms-kit-timeline-height: 160px"
        customer-id=${story.customers.julie}
      ></sms-timeline>`,
    );
    await eventually(() =>
      expect(renderedText(element)).to.contain('Routed to'),
    );
    const log = deep(element, '.log');
    await eventually(() => {
      expect(log.scrollHeight).to.be.greaterThan(log.clientHeight);
      expect(log.scrollHeight - log.scrollTop - log.clientHeight).to.be.below(
        2,
      );
    });
  });

  it('shows an outbound message’s delivery, moving on live with Twilio’s callbacks', async () => {
    const open = openConversationOf(mock.engine, story.customers.julie);
    const reply = mock.engine.sendAgentMessage(
      open!.id,
      story.agents.ben,
      'See you Friday',
    );
    const sid = reply.content.type === 'SMS' ? reply.content.messageSid! : '';
    const element = await render();
    const last = () =>
      renderedText(
        [...deep(element, '.log').querySelectorAll('.outbound')].at(-1)!,
      );
    expect(last()).to.match(/^See you Friday Ben Okafor · .* · Queued$/);
    mock.engine.updateDelivery({ messageSid: sid, status: 'delivered' });
    await eventually(() => expect(last()).to.match(/ · Delivered$/));
    // The campaign message shows its delivery on its card too.
    await campaignNotDelivered(element);
  });

  it('says it is reconnecting while the stream is down, then catches up', async () => {
    // The first connection opens as the server's do, then drops before
    // any event; later ones are real.
    mock.worker.use(
      http.get(
        '/api/v1/events',
        () => {
          const after = mock.engine.events.latestId;
          const stream = new ReadableStream({
            start(controller) {
              controller.enqueue(
                new TextEncoder().encode(
                  `retry: 400\nid: ${after}\nevent: stream.opened\ndata: {"after":${after}}\n\n`,
                ),
              );
              setTimeout(() => controller.close(), 200);
            },
          });
          return new HttpResponse(stream, {
            headers: { 'content-type': 'text/event-stream' },
          });
        },
        { once: true },
      ),
    );
    const element = await render();
    await eventually(() =>
      expect(renderedText(deep(element, '[part=reconnecting]'))).to.equal(
        'Reconnecting… Changes will show once the connection is back.',
      ),
    );
    // Julie texts while the page is not listening.
    await postTwilioWebhook(
      twilioInboundForm({
        from: story.phones.julie,
        to: story.numbers.gold,
        body: 'Sent while you were away',
      }),
    );
    await eventually(() => expectNone(element, '[part=reconnecting]'));
    await eventually(() =>
      expect(renderedText(deep(element, '.log'))).to.contain(
        'Sent while you were away',
      ),
    );
  });

  describe('for a screen reader and the keyboard', () => {
    const live = (element: SmsTimeline) =>
      renderedText(deep(element, '[role=status][aria-live=polite]'));
    const text = (body: string) =>
      postTwilioWebhook(
        twilioInboundForm({
          from: story.phones.julie,
          to: story.numbers.gold,
          body,
        }),
      );

    it('announces a message that comes in live, once, and not the history', async () => {
      const element = await render();
      expect(deep(element, '.log').getAttribute('aria-live')).to.equal('off');
      // Every text the live region comes to hold, as a reader hears it.
      const region = deep(element, '[role=status][aria-live=polite]');
      const said: string[] = [];
      const watch = new MutationObserver(() => {
        const words = renderedText(region);
        if (words) said.push(words);
      });
      watch.observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
      // History loaded, and a frame for anything announced late.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(live(element)).to.equal('');
      await text('Is parking free on Friday?');
      await eventually(() =>
        expect(live(element)).to.equal(
          'Julie Example: Is parking free on Friday?',
        ),
      );
      // Nothing more is said after it: the message was heard once.
      await new Promise((resolve) => setTimeout(resolve, 200));
      watch.disconnect();
      expect(said).to.deep.equal(['Julie Example: Is parking free on Friday?']);
    });

    it('offers "N new messages" while the agent reads further up', async () => {
      const element = await render();
      // Enough history to scroll, then the agent scrolls to the top.
      for (let i = 0; i < 12; i++) await text(`Message ${i}`);
      const log = deep(element, '.log');
      await eventually(() =>
        expect(renderedText(log)).to.contain('Message 11'),
      );
      scrollToTop(log);
      await frames(3);
      const reading = firstInView(log);
      await text('One more');
      await text('And another');
      await eventually(() =>
        expect(renderedText(deep(element, '[part=new-messages]'))).to.equal(
          '2 new messages ↓',
        ),
      );
      // The view stayed where the agent was reading.
      expect(firstInView(log)).to.deep.equal(reading);
      deep<HTMLButtonElement>(element, '[part=new-messages]').click();
      await eventually(() => {
        const newest = [...log.querySelectorAll('.row')].at(-1)!;
        expect(renderedText(newest)).to.contain('And another');
        expect(newest.getBoundingClientRect().bottom).to.be.at.most(
          log.getBoundingClientRect().bottom + 1,
        );
      });
      // The control goes once read.
      expectNone(element, '[part=new-messages]');
    });

    it('moves between items with the arrow keys, Home and End', async () => {
      const element = await render();
      const rows = [...deep(element, '.log').querySelectorAll('.row')];
      deep(element, '.log').focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(element.shadowRoot!.activeElement === rows[0], 'focus').to.equal(
        true,
      );
      await sendKeys({ press: 'ArrowDown' });
      expect(element.shadowRoot!.activeElement === rows[1], 'focus').to.equal(
        true,
      );
      await sendKeys({ press: 'End' });
      expect(
        element.shadowRoot!.activeElement === rows.at(-1),
        'focus',
      ).to.equal(true);
      await sendKeys({ press: 'ArrowUp' });
      expect(
        element.shadowRoot!.activeElement === rows.at(-2),
        'focus',
      ).to.equal(true);
      await sendKeys({ press: 'Home' });
      expect(element.shadowRoot!.activeElement === rows[0], 'focus').to.equal(
        true,
      );
    });

    it('moves a page at a time with Page Up and Page Down, never losing focus or scrolling the page', async () => {
      longHistory();
      const element = await render();
      const log = deep(element, '.log');
      await eventually(() => expect(log.scrollTop).to.be.above(0));
      const index = () =>
        Number(
          (element.shadowRoot!.activeElement as HTMLElement | null)?.dataset
            .index ?? NaN,
        );
      log.focus();
      await sendKeys({ press: 'End' });
      await eventually(() => expect(index()).to.be.above(0));
      const newest = index();
      const pageY = window.scrollY;
      for (const key of ['PageUp', 'PageUp', 'PageUp']) {
        const before = index();
        await sendKeys({ press: key });
        await eventually(() => expect(index(), key).to.be.below(before));
        // A page, not a row (the arrow keys move one).
        expect(before - index(), key).to.be.above(1);
      }
      expect(newest - index()).to.be.at.least(3);
      // Space reads on down, as Page Down does.
      const up = index();
      await sendKeys({ press: 'Space' });
      await eventually(() => expect(index()).to.be.above(up));
      for (let i = 0; i < 6; i++) await sendKeys({ press: 'PageDown' });
      await eventually(() => expect(index()).to.equal(newest));
      // Focus stayed on a row the whole way; the page did not move.
      expect(element.shadowRoot!.activeElement?.classList.contains('row')).to.be
        .true;
      expect(window.scrollY).to.equal(pageY);
    });

    it('keeps focus in the log when the row that had it scrolls out of the DOM', async () => {
      longHistory();
      const element = await render();
      const log = deep(element, '.log');
      await eventually(() => expect(log.scrollTop).to.be.above(0));
      log.focus();
      await sendKeys({ press: 'End' });
      await eventually(
        () =>
          expect(element.shadowRoot!.activeElement?.classList.contains('row'))
            .to.be.true,
      );
      // The scrollbar takes the view far from the focused row.
      log.dispatchEvent(new PointerEvent('pointerdown'));
      log.scrollTop = 0;
      await eventually(() =>
        expect(element.shadowRoot!.activeElement === log, 'focus').to.equal(
          true,
        ),
      );
    });
  });

  it('mirrors under dir="rtl": the agent’s messages on the left', async () => {
    const open = openConversationOf(mock.engine, story.customers.julie);
    mock.engine.sendAgentMessage(open!.id, story.agents.ben, 'Hola');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div dir="rtl" style="width: 600px">
        <sms-timeline customer-id=${story.customers.julie}></sms-timeline>
      </div>`,
    );
    const element = wrapper.querySelector('sms-timeline')!;
    await eventually(
      () => expect(deep(element, '.log').querySelector('.outbound')).to.exist,
    );
    const log = deep(element, '.log');
    const outbound = log
      .querySelector('.outbound .bubble')!
      .getBoundingClientRect();
    const inbound = log
      .querySelector('.inbound .bubble')!
      .getBoundingClientRect();
    expect(outbound.left).to.be.below(inbound.left);
    const corner = getComputedStyle(log.querySelector('.outbound .bubble')!);
    // The tail is at the bottom left once mirrored.
    expect(corner.borderBottomLeftRadius).to.equal('4px');
  });

  it('keeps a delivery update heard while it was still loading', async () => {
    // The page is read at once, then held on its way.
    const read = heldRequest('get', '/api/v1/customers/:id/timeline', () =>
      mock.engine.getTimeline(story.customers.julie, 50),
    );
    mock.worker.use(read.handler);
    const element = await fixture<SmsTimeline>(
      html`<sms-timeline customer-id=${story.customers.julie}></sms-timeline>`,
    );
    await read.arrived;
    const heard = campaignNotDelivered(element);
    read.release();
    await heard;
  });

  it('counts only messages as new, not routing lines', async () => {
    const element = await render(story.customers.marcus);
    const log = deep(element, '.log');
    for (let i = 0; i < 12; i++) {
      await postTwilioWebhook(
        twilioInboundForm({
          from: story.phones.marcus,
          to: story.numbers.gold,
          body: `Line ${i}`,
        }),
      );
    }
    await eventually(() => expect(renderedText(log)).to.contain('Line 11'));
    scrollToTop(log);
    await frames(3);
    const reading = firstInView(log);
    // A text to the other inbox opens a conversation: a message and a
    // routing line, one new message.
    await postTwilioWebhook(
      twilioInboundForm({
        from: story.phones.marcus,
        to: story.numbers.support,
        body: 'And support?',
      }),
    );
    await eventually(() =>
      expect(renderedText(deep(element, '[part=new-messages]'))).to.equal(
        '1 new message ↓',
      ),
    );
    // Typing a reply does not pull the view down either.
    const open = openConversationOf(mock.engine, story.customers.marcus);
    outbox.setDraft(open!.id, 'Hel');
    await element.updateComplete;
    await frames(3);
    expect(firstInView(log)).to.deep.equal(reading);
  });

  describe('replying', () => {
    const typeReply = async (element: SmsTimeline, text: string) => {
      await eventually(
        () => expect(deep(element, 'sms-composer', 'textarea')).to.exist,
      );
      deep(element, 'sms-composer', 'textarea').focus();
      await sendKeys({ type: text });
      await sendKeys({ press: 'Enter' });
    };
    const pending = (element: SmsTimeline) =>
      element.shadowRoot!.querySelector('.pending');

    it('offers a reply box under the open conversation, and shows the reply at once', async () => {
      // The request waits at a gate the test opens, whenever it arrives.
      const sending = heldRequest('post', '/api/v1/conversations/:id/messages');
      mock.worker.use(sending.handler);
      const element = await render();
      await typeReply(element, 'Yes, in stores too!');
      await eventually(() =>
        expect(renderedText(pending(element)!)).to.equal(
          'Yes, in stores too! Ben Okafor · Sending…',
        ),
      );
      sending.release();
      // Once the API has it, the real item takes the pending row's place.
      await eventually(() => expect(pending(element)).to.equal(null));
      const bubbles = [...deep(element, '.log').querySelectorAll('.outbound')];
      expect(renderedText(bubbles.at(-1)!)).to.match(
        /^Yes, in stores too! Ben Okafor · \S/,
      );
      expect(
        bubbles.filter((b) => b.textContent!.includes('in stores too')),
      ).to.have.length(1);
    });

    it('keeps a failed reply in place with a retry that sends it', async () => {
      let refuse = true;
      mock.worker.use(gatewayBusy(() => refuse));
      const element = await render();
      await typeReply(element, 'Second try');
      await eventually(() =>
        expect(renderedText(pending(element)!)).to.equal(
          'Second try Ben Okafor · Not sent: The SMS gateway is busy. Try again Discard',
        ),
      );
      // The failure is said, not only shown.
      expect(deep(element, '.pending .failed').getAttribute('role')).to.equal(
        'alert',
      );
      refuse = false;
      const retry = deep<HTMLButtonElement>(element, '.pending button');
      retry.focus();
      retry.click();
      await eventually(() => expect(pending(element)).to.equal(null));
      expect(renderedText(deep(element, '.log'))).to.contain('Second try');
      // Its buttons went with it; focus stayed in the timeline.
      await eventually(() =>
        expect(
          element.shadowRoot!.activeElement === deep(element, '.log'),
          'focus',
        ).to.equal(true),
      );
    });

    it('shows a reply once when it was stored but its answer was lost', async () => {
      mock.worker.use(answerLost(mock.engine));
      const element = await render();
      await typeReply(element, 'Ships Monday');
      await eventually(() =>
        expect(renderedText(deep(element, '.log'))).to.contain('Ships Monday'),
      );
      // Failed on the way back, then settled by the item heard.
      await eventually(() => expect(pending(element)).to.equal(null));
      const bubbles = [...deep(element, '.log').querySelectorAll('.row')];
      expect(
        bubbles.filter((b) => b.textContent!.includes('Ships Monday')),
      ).to.have.length(1);
    });

    it('keeps a failed reply when the timeline reloads', async () => {
      mock.worker.use(gatewayBusy());
      const element = await render();
      await typeReply(element, 'Do not lose me');
      await eventually(() => expect(pending(element)).to.exist);
      element.customerId = story.customers.marcus;
      // Marcus's timeline shows, without Julie's failed reply.
      await eventually(() =>
        expect(deep(element, '.log').getAttribute('aria-label')).to.equal(
          'Conversation with Marcus Reed',
        ),
      );
      expect(pending(element)).to.equal(null);
      element.customerId = story.customers.julie;
      await eventually(() =>
        expect(renderedText(pending(element)!)).to.contain('Do not lose me'),
      );
    });

    it('names the inbox on each reply box when two conversations are open', async () => {
      await postTwilioWebhook(
        twilioInboundForm({
          from: story.phones.julie,
          to: story.numbers.support,
          body: 'A question for support',
        }),
      );
      // Support's agents are away: make one available to take it.
      mock.engine.updateAgent(story.agents.dana, { status: 'AVAILABLE' });
      const element = await render();
      await eventually(() =>
        expect(
          [...element.shadowRoot!.querySelectorAll('sms-composer')].map((c) =>
            c.getAttribute('label'),
          ),
        ).to.deep.equal(['Reply in Gold Members', 'Reply in General Support']),
      );
    });

    it('shows no reply box when no conversation is open', async () => {
      const open = openConversationOf(mock.engine, story.customers.julie);
      mock.engine.closeConversation(open!.id);
      const element = await render();
      await element.updateComplete;
      expectNone(element, 'sms-composer');
    });
  });

  it('says so while loading', async () => {
    mock.worker.use(http.get('/api/v1/customers/:id', () => delay('infinite')));
    const element = await fixture<SmsTimeline>(
      html`<sms-timeline customer-id=${story.customers.julie}></sms-timeline>`,
    );
    expect(renderedText(element)).to.contain('Loading the timeline');
  });

  it('shows an error with a retry when the API fails, then recovers', async () => {
    mock.worker.use(
      http.get(
        '/api/v1/customers/:id/timeline',
        () =>
          HttpResponse.json(
            { message: 'The server fell over.', problems: [] },
            { status: 500 },
          ),
        { once: true },
      ),
    );
    const element = await fixture<SmsTimeline>(
      html`<sms-timeline customer-id=${story.customers.julie}></sms-timeline>`,
    );
    await eventually(() =>
      expect(renderedText(element)).to.contain('The server fell over.'),
    );
    expect(deep(element, '[role=alert]')).to.exist;
    deep(element, 'button').click();
    await eventually(() =>
      expect(renderedText(element)).to.contain('Great! Tell me more.'),
    );
  });

  it('says in words when what answers is not the API, with a retry', async () => {
    mock.worker.use(
      http.get(
        '/api/v1/customers/:id',
        () =>
          new HttpResponse('<!doctype html><title>Not here</title>', {
            headers: { 'content-type': 'text/html' },
          }),
      ),
    );
    const element = await fixture<SmsTimeline>(
      html`<sms-timeline customer-id=${story.customers.julie}></sms-timeline>`,
    );
    await eventually(() =>
      expect(renderedText(deep(element, '[part=state]'))).to.equal(
        'Couldn’t load this timeline. The server’s answer could not be read: is the API at the address this page uses? Try again',
      ),
    );
  });

  it('says a customer cannot be found, naming the id, with no vain retry', async () => {
    const element = await fixture<SmsTimeline>(
      html`<sms-timeline customer-id="cus_404"></sms-timeline>`,
    );
    await eventually(() => expect(renderedText(element)).to.contain('cus_404'));
    expectNone(element, 'button');
  });

  it('asks for a customer-id when it has none', async () => {
    const element = await fixture<SmsTimeline>(
      html`<sms-timeline></sms-timeline>`,
    );
    await eventually(() =>
      expect(renderedText(element)).to.contain('customer-id'),
    );
  });

  it('shows an empty timeline in words', async () => {
    mock.worker.use(
      http.get('/api/v1/customers/:id/timeline', () =>
        HttpResponse.json({ items: [], nextCursor: null }),
      ),
    );
    const element = await render();
    expect(renderedText(element)).to.contain(
      'No messages with Julie Example yet.',
    );
  });

  /** Sixty more texts from Julie: her timeline runs to two pages. */
  const longHistory = () => {
    for (let i = 0; i < 60; i++) {
      mock.engine.receiveSms({
        messageSid: `SM${i.toString(16).padStart(32, 'b')}`,
        from: story.phones.julie,
        to: story.numbers.gold,
        body: `Message ${i}`,
        attachments: [],
      });
    }
  };

  /**
   * Requests for an earlier page, refused while `refusing`, else held at a
   * gate until `release()`; `arrived` resolves when one comes.
   */
  const earlierPages = (refusing = () => false) => {
    let arrive = () => {};
    let release = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handler = http.get(
      '/api/v1/customers/:id/timeline',
      async ({ request }) => {
        if (!new URL(request.url).searchParams.has('before')) return undefined;
        if (refusing()) {
          return HttpResponse.json(
            { message: 'The timeline store is busy.', problems: [] },
            { status: 503 },
          );
        }
        arrive();
        await gate;
        return undefined;
      },
    );
    return { handler, arrived, release };
  };

  it('pages older history in by itself as the reader scrolls up to it', async () => {
    longHistory();
    const element = await render();
    const log = deep(element, '.log');
    expect(renderedText(element)).to.not.contain('July Sale early access');
    await eventually(() => expect(log.scrollTop).to.be.above(0));
    scrollToTop(log);
    // The view stays on what the reader was looking at, not the new top;
    // the rest of the history is above it.
    await eventually(() => expect(log.scrollTop).to.be.above(0));
    await frames(5);
    scrollToTop(log);
    await eventually(() =>
      expect(renderedText(element)).to.contain('July Sale early access'),
    );
  });

  it('leaves nothing behind of the rows it stops drawing (lit/lit#5298)', async () => {
    longHistory();
    const element = await render();
    const log = deep(element, '.log');
    await eventually(() => expect(log.scrollTop).to.be.above(0));
    // Read up to the top, paging history in, then down again, twice.
    for (let sweep = 0; sweep < 2; sweep++) {
      for (let step = 0; step <= 20; step++) {
        log.dispatchEvent(new WheelEvent('wheel', { deltaY: -100 }));
        log.scrollTop = log.scrollHeight * (1 - step / 20);
        await frames(1);
      }
      // At the top, the reader keeps turning the wheel until it all loads.
      await eventually(() => {
        scrollToTop(log);
        expect(renderedText(element)).to.contain('July Sale early access');
      });
      for (let step = 0; step <= 20; step++) {
        log.dispatchEvent(new WheelEvent('wheel', { deltaY: 100 }));
        log.scrollTop = log.scrollHeight * (step / 20);
        await frames(1);
      }
    }
    await frames(5);
    // Each drawn row has its two markers; a few more mark the list itself.
    const rows = log.querySelectorAll(':scope > [data-index]').length;
    const markers = [...log.childNodes].filter(
      (n) => n.nodeType === Node.COMMENT_NODE,
    ).length;
    expect(markers, `${markers} markers for ${rows} rows`).to.be.at.most(
      2 * rows + 4,
    );
  });

  it('says when earlier messages could not load, and "Try again" loads them', async () => {
    longHistory();
    let refusing = true;
    const pages = earlierPages(() => refusing);
    mock.worker.use(pages.handler);
    pages.release();
    const element = await render();
    const log = deep(element, '.log');
    await eventually(() => expect(log.scrollTop).to.be.above(0));
    scrollToTop(log);
    await eventually(() =>
      expect(renderedText(deep(element, '.earlier'))).to.equal(
        'Couldn’t load earlier messages. The timeline store is busy. Try again',
      ),
    );
    // What was shown stays.
    expect(renderedText(log)).to.match(/Message \d+/);
    refusing = false;
    deep<HTMLButtonElement>(element, '.earlier button').click();
    await eventually(() => expect(log.scrollTop).to.be.above(0));
    await frames(5);
    scrollToTop(log);
    await eventually(() =>
      expect(renderedText(element)).to.contain('July Sale early access'),
    );
  });

  /**
   * Julie's long history, read up to the top: the earlier page has been
   * asked for and is held until `pages.release()`.
   */
  const readingUpToAHeldPage = async () => {
    longHistory();
    const pages = earlierPages();
    mock.worker.use(pages.handler);
    const element = await render();
    const log = deep(element, '.log');
    await eventually(() => expect(log.scrollTop).to.be.above(0));
    scrollToTop(log);
    await pages.arrived;
    return { element, log, pages };
  };

  it('drops an earlier page that comes after the customer changed', async () => {
    const { element, pages } = await readingUpToAHeldPage();
    // The agent opens Marcus while Julie's older messages are on their way.
    element.customerId = story.customers.marcus;
    await eventually(() =>
      expect(renderedText(deep(element, '.log'))).to.contain('July Sale'),
    );
    // Julie's page is answered, and has had time to land (it must not).
    let answered = () => {};
    const landed = new Promise<void>((resolve) => (answered = resolve));
    const onResponse = ({ request }: { request: Request }) => {
      if (new URL(request.url).searchParams.has('before')) answered();
    };
    mock.worker.events.on('response:mocked', onResponse);
    pages.release();
    await landed;
    mock.worker.events.removeListener('response:mocked', onResponse);
    await frames(10);
    expect(renderedText(deep(element, '.log'))).to.not.match(/Message \d+/);
  });

  it('keeps the reader’s place and focus when older messages load', async () => {
    const { element, log, pages } = await readingUpToAHeldPage();
    await eventually(() => deep(element, '.earlier button'));
    deep<HTMLButtonElement>(element, '.earlier button').focus();
    await frames(3);
    // What the reader sees as the page comes.
    const before = firstInView(log);
    pages.release();
    // Focus moves from the button to the log.
    await eventually(() =>
      expect(element.shadowRoot!.activeElement === log, 'focus').to.equal(true),
    );
    await frames(6);
    // The row the reader saw is where it was.
    const row = log.querySelector(`[data-item-id="${before.id}"]`)!;
    const offset =
      row.getBoundingClientRect().top - log.getBoundingClientRect().top;
    expect(Math.abs(offset - before.offset)).to.be.below(2);
  });

  it('wraps long unbroken names instead of scrolling sideways', async () => {
    const long = 'Customer'.padEnd(160, 'X');
    mock.engine.createCampaign({
      name: 'N'.repeat(150),
      from: story.numbers.gold,
      answer: { name: 'A'.repeat(150), body: 'Hi' },
      recipients: [{ name: long, phoneNumber: '+14155550901' }],
    });
    mock.engine.receiveSms({
      messageSid: `SM${'c'.repeat(32)}`,
      from: '+14155550901',
      to: story.numbers.gold,
      body: 'Yes',
      attachments: [],
    });
    const [customer] = mock.engine.findCustomersByPhone('+14155550901');
    const element = await fixture<SmsTimeline>(
      html`<sms-timeline
        style="width: 420px"
        customer-id=${customer!.id}
      ></sms-timeline>`,
    );
    await eventually(() => expect(renderedText(element)).to.contain('Yes'));
    const log = deep(element, '.log');
    expect(log.scrollWidth).to.be.at.most(log.clientWidth + 1);
    // The reply box under it too: its label wraps, Send stays in reach.
    await eventually(() =>
      expect(renderedText(deep(element, 'sms-composer', '.label'))).to.contain(
        'XXXX',
      ),
    );
    const right = element.getBoundingClientRect().right;
    for (const part of ['[part=input]', '[part=send]', '.label']) {
      const box = deep(element, 'sms-composer', part).getBoundingClientRect();
      expect(box.right, part).to.be.at.most(right + 1);
    }
  });

  it('isolates names so right-to-left text cannot reorder the line', async () => {
    const element = await render();
    const meta = deep(element, '.message .meta');
    expect(meta.querySelector('bdi')?.textContent).to.equal('Julie Example');
  });

  /** A client whose requests are counted, as a host's authed fetch. */
  const countingClient = () => {
    const requests: string[] = [];
    const client = new SmsKitClient({
      fetch: (input, init) => {
        requests.push(String(input));
        return fetch(input, init);
      },
    });
    return { client, requests };
  };

  it('uses a client an ancestor provides with @lit/context', async () => {
    const { client, requests } = countingClient();
    const host = document.createElement('div');
    document.body.append(host);
    provideClient(host, client);
    host.innerHTML = `<sms-timeline customer-id="${story.customers.julie}"></sms-timeline>`;
    const element = host.firstElementChild as SmsTimeline;
    await eventually(() =>
      expect(renderedText(element)).to.contain('Great! Tell me more.'),
    );
    expect(requests.some((url) => url.includes('/timeline'))).to.equal(true);
    host.remove();
  });

  it('switches to a client provided after it is already in the page', async () => {
    const host = document.createElement('div');
    host.innerHTML = `<sms-timeline customer-id="${story.customers.julie}"></sms-timeline>`;
    document.body.append(host);
    const element = host.firstElementChild as SmsTimeline;
    await eventually(() =>
      expect(renderedText(element)).to.contain('Great! Tell me more.'),
    );
    const { client, requests } = countingClient();
    provideClient(host, client);
    await eventually(() =>
      expect(requests.some((url) => url.includes('/timeline'))).to.equal(true),
    );
    host.remove();
  });
});
