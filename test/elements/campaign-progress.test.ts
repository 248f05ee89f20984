import { expect, fixture, html } from '@open-wc/testing';
import { delay, http } from 'msw';
import '../../src/campaign-progress/define.js';
import type { CampaignProgress } from '../../src/campaign-progress/campaign-progress.js';
import { madeUpRecipients } from '../../mock-server/scenario.js';
import {
  deep,
  itBehavesLikeAKitElement,
  renderedText,
  expectNone,
} from '../helpers/elements.js';
import { eventually, heldRequest, useMockServer } from '../helpers/mock.js';

const FROM = '+14155550100';

describe('<campaign-progress>', () => {
  const mock = useMockServer();

  beforeEach(() => {
    mock.engine.createInbox({ name: 'Gold Members', phoneNumbers: [FROM] });
  });

  /** A campaign of `count` recipients sending `rate` every five minutes. */
  const campaign = (
    count: number,
    rate: number,
    sendAt?: string,
    name = 'July Sale',
  ) =>
    mock.engine.createCampaign({
      name,
      from: FROM,
      answer: { name: 'July Sale early access', body: 'It is on.' },
      recipients: madeUpRecipients(count),
      ratePerFiveMinutes: rate,
      ...(sendAt && { sendAt }),
    });

  const render = async (id = campaign(3, 40).id, canStop = false) => {
    const element = await fixture<CampaignProgress>(
      html`<campaign-progress
        campaign-id=${id}
        ?can-stop=${canStop}
      ></campaign-progress>`,
    );
    await eventually(() => expect(deep(element, 'section')).to.exist);
    return element;
  };

  itBehavesLikeAKitElement(() => render());

  it('counts what was sent, skipped and is still to send, and the pace', async () => {
    const element = await render(campaign(10, 4).id);
    // Phone formatting loads on first use.
    await eventually(() =>
      expect(renderedText(element)).to.contain(
        'July Sale Sending from (415) 555-0100',
      ),
    );
    const text = renderedText(element);
    expect(text).to.contain('4 sent 0 skipped 6 to send of 10');
    expect(text).to.contain('up to 4 messages every 5 minutes');
    const bar = deep<HTMLProgressElement>(element, '[part=progress]');
    expect([bar.value, bar.max]).to.deep.equal([4, 10]);
  });

  it('moves on live as the campaign sends', async () => {
    const element = await render(campaign(10, 4).id);
    mock.engine.advanceClock(5 * 60);
    await eventually(() =>
      expect(renderedText(element)).to.contain('8 sent 0 skipped 2 to send'),
    );
    mock.engine.advanceClock(5 * 60);
    await eventually(() =>
      expect(renderedText(element)).to.contain('July Sale Sent'),
    );
  });

  it('names the recipients it skipped, and why', async () => {
    mock.engine.receiveSms({
      messageSid: `SM${'a'.repeat(32)}`,
      from: madeUpRecipients(1)[0]!.phoneNumber,
      to: FROM,
      body: 'STOP',
      attachments: [],
    });
    const element = await render(campaign(3, 40).id);
    expect(renderedText(element)).to.contain('2 sent 1 skipped 0 to send');
    await eventually(() =>
      expect(deep(element, '[part=skipped]').textContent).to.contain(
        '(415) 555-3000: opted out of SMS',
      ),
    );
  });

  it('says when a scheduled campaign starts', async () => {
    const at = new Date(mock.clock.now().getTime() + 3_600_000).toISOString();
    const element = await render(campaign(3, 40, at).id);
    expect(renderedText(element)).to.match(/Scheduled .* Starts /);
  });

  it('stops sending when asked, where it may, and tells the page', async () => {
    const element = await render(campaign(10, 4).id, true);
    const stopped: unknown[] = [];
    element.addEventListener('campaign-stopped', (e) => stopped.push(e.detail));
    deep<HTMLButtonElement>(element, 'button').click();
    await eventually(() =>
      expect(renderedText(element)).to.contain('July Sale Stopped'),
    );
    // The stream may tell of the stop before the request's answer comes.
    await eventually(() => expect(stopped).to.have.length(1));
    expectNone(element, 'button');
    // Stopped, what was left will not go: not "to send".
    expect(renderedText(element)).to.contain('4 sent 0 skipped 6 not sent');
  });

  it('shows the campaign it now names, whatever a slow Stop answers later', async () => {
    const alpha = campaign(10, 4).id;
    const bravo = campaign(10, 4, undefined, 'August Sale').id;
    mock.worker.use(
      http.post('/api/v1/campaigns/:id/stop', async () => {
        await delay(300);
        return undefined;
      }),
    );
    let answered = () => {};
    const stopAnswered = new Promise<void>((resolve) => (answered = resolve));
    const onResponse = ({ request }: { request: Request }) => {
      if (request.url.endsWith('/stop')) answered();
    };
    mock.worker.events.on('response:mocked', onResponse);
    try {
      const element = await render(alpha, true);
      deep<HTMLButtonElement>(element, 'button').click();
      element.campaignId = bravo;
      await eventually(() =>
        expect(renderedText(element)).to.contain('August Sale Sending'),
      );
      // The slow Stop answers now, for the campaign no longer shown.
      await stopAnswered;
      // A task for the answer's own handling to run, then its render.
      await new Promise((resolve) => setTimeout(resolve));
      await element.updateComplete;
      expect(renderedText(element)).to.contain('August Sale Sending');
      expectNone(element, '[role=alert]');
    } finally {
      mock.worker.events.removeListener('response:mocked', onResponse);
    }
    expect(mock.engine.getCampaign(alpha).status).to.equal('STOPPED');
  });

  it('keeps an update heard while it was still loading', async () => {
    const id = campaign(10, 4).id;
    // The answer is read at once, then held on its way.
    const read = heldRequest('get', '/api/v1/campaigns/:id', ({ id }) =>
      mock.engine.getCampaign(id!),
    );
    mock.worker.use(read.handler);
    const element = await fixture<CampaignProgress>(
      html`<campaign-progress campaign-id=${id}></campaign-progress>`,
    );
    // The answer is on its way when the campaign sends its next four.
    await read.arrived;
    mock.engine.advanceClock(5 * 60);
    read.release();
    await eventually(() =>
      expect(renderedText(element)).to.contain('8 sent 0 skipped 2 to send'),
    );
  });

  it('offers no stop button unless can-stop is set', async () => {
    const element = await render(campaign(10, 4).id);
    expectNone(element, 'button');
  });

  it('says what is wrong with an unknown campaign, without a retry', async () => {
    const element = await fixture<CampaignProgress>(
      html`<campaign-progress campaign-id="cmp_404"></campaign-progress>`,
    );
    await eventually(() =>
      expect(deep(element, '[role=alert]').textContent).to.contain('cmp_404'),
    );
    expectNone(element, '[role=alert] button');
  });
});
