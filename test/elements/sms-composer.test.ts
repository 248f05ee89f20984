import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { seedJulySale, type JulySale } from '../../mock-server/scenario.js';
import '../../src/sms-composer/define.js';
import type { SmsComposer } from '../../src/sms-composer/sms-composer.js';
import { Outbox, outbox } from '../../src/shared/outbox.js';
import {
  describeSize,
  loadSegmentCounter,
  measure,
} from '../../src/sms-composer/segments.js';
import {
  deep,
  itBehavesLikeAKitElement,
  renderedText,
  expectNone,
} from '../helpers/elements.js';
import {
  answerLost,
  eventually,
  gatewayBusy,
  useMockServer,
} from '../helpers/mock.js';
import { INVISIBLE } from '../helpers/engine.js';

describe('<sms-composer>', () => {
  const mock = useMockServer();
  let story: JulySale;
  let conversationId: string;

  beforeEach(() => {
    outbox.clear();
    sessionStorage.clear();
    story = seedJulySale(mock.engine);
    // Julie's open Gold conversation, held by Ben.
    conversationId = mock.engine
      .listConversations(story.customers.julie)
      .find((c) => c.status === 'OPEN')!.id;
  });

  const render = async (id = conversationId) => {
    const element = await fixture<SmsComposer>(
      html`<sms-composer conversation-id=${id}></sms-composer>`,
    );
    await eventually(() => expect(deep(element, 'form')).to.exist);
    return element;
  };
  const box = (element: SmsComposer) =>
    deep<HTMLTextAreaElement>(element, 'textarea');
  const type = async (element: SmsComposer, text: string) => {
    box(element).focus();
    await sendKeys({ type: text });
    await element.updateComplete;
  };
  const size = (element: SmsComposer) =>
    renderedText(deep(element, '[part=size]'));
  const agentMessages = () =>
    mock.engine
      .getTimeline(story.customers.julie, 200)
      .items.filter((i) => i.initiator.type === 'AGENT')
      .map((i) => (i.content.type === 'SMS' ? i.content.body : ''));

  itBehavesLikeAKitElement(render);

  it('counts characters and segments and names the encoding as the agent types', async () => {
    const element = await render();
    await type(element, 'Yes, it is on in stores');
    expect(size(element)).to.equal('23 characters · 1 segment · GSM-7');
    box(element).value = '';
    await type(element, 'x'.repeat(161));
    expect(size(element)).to.equal('161 characters · 2 segments · GSM-7');
  });

  it('says which character turned the reply into UCS-2', async () => {
    const element = await render();
    await type(element, 'See you there — bring the code');
    expect(size(element)).to.equal(
      '30 characters · 1 segment · UCS-2, because of “—”',
    );
  });

  it('refuses more than 1,600 characters before the agent sends', async () => {
    const element = await render();
    outbox.setDraft(conversationId, 'a'.repeat(1_601));
    await element.updateComplete;
    expect(size(element)).to.equal(
      '1,601 characters: 1 character over the 1,600 limit. Shorten it to send.',
    );
    expect(deep<HTMLButtonElement>(element, '[part=send]').disabled).to.equal(
      true,
    );
    box(element).focus();
    await sendKeys({ press: 'Enter' });
    // Nothing went out, nor even started to: a send lists the reply at once.
    expect(outbox.repliesIn(conversationId)).to.deep.equal([]);
    expect(agentMessages()).to.deep.equal([]);
  });

  it('keeps Send off for text with nothing a person can see', async () => {
    const element = await render();
    const send = () => deep<HTMLButtonElement>(element, '[part=send]');
    for (const blank of INVISIBLE) {
      outbox.setDraft(conversationId, blank);
      await element.updateComplete;
      expect(send().disabled, JSON.stringify(blank)).to.equal(true);
    }
    box(element).focus();
    await sendKeys({ press: 'Enter' });
    expect(outbox.repliesIn(conversationId)).to.deep.equal([]);
    outbox.setDraft(conversationId, '\u3164ok');
    await element.updateComplete;
    expect(send().disabled).to.equal(false);
  });

  it('words a size not yet counted as its length alone', () => {
    const size = { length: 12, tooLong: false, counted: false, segments: 0 };
    expect(describeSize({ ...size, encoding: 'GSM-7', unicode: [] })).to.equal(
      '12 characters',
    );
  });

  it('names the accent, not its letter, when a combining mark made it UCS-2', async () => {
    await loadSegmentCounter();
    expect(describeSize(measure('Cafe\u0301 tonight'))).to.equal(
      '13 characters · 1 segment · UCS-2, because of U+0301 (a combining mark)',
    );
    // A precomposed letter outside GSM-7 is named as it is.
    expect(describeSize(measure('Dzięki'))).to.match(/because of “ę”$/);
  });

  it('counts characters as the API does, and never freezes on a pasted book', () => {
    // Code points: an emoji is one character, as the API counts it.
    expect(measure('🎉'.repeat(1_600))).to.include({
      length: 1_600,
      tooLong: false,
    });
    expect(measure('🎉'.repeat(1_601)).tooLong).to.equal(true);
    const start = performance.now();
    expect(measure('x'.repeat(200_000)).tooLong).to.equal(true);
    expect(performance.now() - start).to.be.below(200);
  });

  it('names an invisible character that made it UCS-2 by its code', async () => {
    await loadSegmentCounter();
    expect(describeSize(measure('Hi\u00a0there'))).to.match(
      /UCS-2, because of U\+00A0 \(an invisible or spacing character\)$/,
    );
  });

  it('keeps a failed reply after a reload, for a retry', async () => {
    mock.worker.use(gatewayBusy());
    await outbox.send(mock.client, conversationId, story.agents.ben, 'Keep me');
    // A new page's outbox reads what this one kept.
    const reloaded = new Outbox();
    expect(
      reloaded.repliesIn(conversationId).map((r) => [r.body, r.status]),
    ).to.deep.equal([['Keep me', 'failed']]);
  });

  it('sends on Enter and starts a new line on Shift+Enter', async () => {
    const element = await render();
    await type(element, 'First line');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'second line' });
    expect(box(element).value).to.equal('First line\nsecond line');
    await sendKeys({ press: 'Enter' });
    await eventually(() =>
      expect(agentMessages()).to.deep.equal(['First line\nsecond line']),
    );
    expect(box(element).value).to.equal('');
  });

  it('shows a reply as sending, then sent, and says so to the page', async () => {
    const element = await render();
    const heard: string[] = [];
    for (const type of ['reply-send', 'reply-sent', 'reply-failed']) {
      element.addEventListener(type, () => heard.push(type));
    }
    await type(element, 'On its way');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(renderedText(deep(element, '[role=status]'))).to.equal('Sending…');
    await eventually(() =>
      expect(renderedText(deep(element, '[role=status]'))).to.equal('Sent.'),
    );
    expect(heard).to.deep.equal(['reply-send', 'reply-sent']);
  });

  it('keeps a failed reply with a retry, and sends it again', async () => {
    let refuse = true;
    mock.worker.use(gatewayBusy(() => refuse));
    const element = await render();
    await type(element, 'Please try me again');
    await sendKeys({ press: 'Enter' });
    await eventually(() =>
      expect(renderedText(deep(element, '.failed'))).to.contain(
        'Please try me again Not sent: The SMS gateway is busy.',
      ),
    );
    refuse = false;
    deep<HTMLButtonElement>(element, '.failed button').click();
    await eventually(() =>
      expect(agentMessages()).to.deep.equal(['Please try me again']),
    );
    await eventually(() => expectNone(element, '.failed'));
  });

  it('on its own, marks a reply sent whose answer was lost, live or after a reload', async () => {
    mock.worker.use(answerLost(mock.engine));
    const element = await render();
    await type(element, 'Heard later');
    await sendKeys({ press: 'Enter' });
    // The server's event says it was stored: nothing is left to retry.
    await eventually(() =>
      expect(outbox.repliesIn(conversationId)[0]).to.include({
        status: 'sent',
      }),
    );
    await eventually(() => expectNone(element, '.failed'));
    expect(agentMessages()).to.deep.equal(['Heard later']);

    // Kept as failed by a page that closed before it heard the event.
    element.remove();
    const [sent] = outbox.repliesIn(conversationId);
    // (clear() also empties storage, so the page's entry is put back.)
    outbox.clear();
    sessionStorage.setItem(
      `sms-kit-failed:${conversationId}`,
      JSON.stringify([
        {
          ...sent,
          status: 'failed',
          item: undefined,
          failure: { message: 'Lost', retryable: true },
        },
      ]),
    );
    const next = await render();
    await eventually(() =>
      expect(outbox.repliesIn(conversationId)[0]).to.include({
        status: 'sent',
      }),
    );
    await eventually(() => expectNone(next, '.failed'));
  });

  it('never loses a draft: not on a re-render, nor a new element', async () => {
    const first = await render();
    await type(first, 'Half a thought');
    first.remove();
    const second = await render();
    expect(box(second).value).to.equal('Half a thought');
    // A failed reply put back for editing goes ahead of the draft.
    mock.worker.use(gatewayBusy());
    box(second).focus();
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(deep(second, '.failed')).to.exist);
    await type(second, 'more');
    [
      ...second.shadowRoot!.querySelectorAll<HTMLButtonElement>(
        '.failed button',
      ),
    ]
      .find((b) => b.textContent!.trim() === 'Edit')!
      .click();
    await second.updateComplete;
    expect(box(second).value).to.equal('Half a thought\nmore');
  });

  it('is disabled and says why when the customer opted out', async () => {
    mock.engine.receiveSms({
      messageSid: `SM${'c'.repeat(32)}`,
      from: story.phones.julie,
      to: story.numbers.gold,
      body: 'STOP',
      attachments: [],
    });
    const element = await render();
    expect(box(element).disabled).to.equal(true);
    await eventually(() =>
      expect(renderedText(deep(element, '[part=notice]'))).to.equal(
        'Julie Example opted out of SMS at (415) 555-0142. Nothing can be sent until they text START.',
      ),
    );
  });

  it('turns itself off live when the conversation closes', async () => {
    const element = await render();
    mock.engine.closeConversation(conversationId);
    await eventually(() =>
      expect(renderedText(deep(element, '[part=notice]'))).to.equal(
        'This conversation is closed.',
      ),
    );
    expect(box(element).disabled).to.equal(true);
  });

  it('refuses to send as an agent who does not hold the conversation', async () => {
    const element = await fixture<SmsComposer>(
      html`<sms-composer
        conversation-id=${conversationId}
        agent-id=${story.agents.amara}
      ></sms-composer>`,
    );
    await eventually(() =>
      expect(renderedText(deep(element, '[part=notice]'))).to.equal(
        'Ben Okafor has this conversation; only they can reply.',
      ),
    );
    expect(box(element).disabled).to.equal(true);
    expect(deep<HTMLButtonElement>(element, '[part=send]').disabled).to.equal(
      true,
    );
  });
});
