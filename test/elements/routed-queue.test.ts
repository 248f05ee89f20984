import { expect, fixture, html } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { seedJulySale, type JulySale } from '../../mock-server/scenario.js';
import '../../src/routed-queue/define.js';
import type { RoutedQueue } from '../../src/routed-queue/routed-queue.js';
import {
  deep,
  itBehavesLikeAKitElement,
  renderedText,
  expectNone,
} from '../helpers/elements.js';
import { nextSid } from '../helpers/engine.js';
import { eventually, useMockServer } from '../helpers/mock.js';

describe('<routed-queue>', () => {
  const mock = useMockServer();
  let story: JulySale;

  beforeEach(() => {
    story = seedJulySale(mock.engine);
  });

  const render = async (inboxId = story.inboxes.gold) => {
    const element = await fixture<RoutedQueue>(
      html`<routed-queue inbox-id=${inboxId}></routed-queue>`,
    );
    await eventually(() => expect(deep(element, 'section')).to.exist);
    return element;
  };

  /** `phone` texts the Gold Members line. */
  const textsGold = (phone: string) =>
    mock.engine.receiveSms({
      messageSid: nextSid(),
      from: phone,
      to: story.numbers.gold,
      body: 'Hello?',
      attachments: [],
    });

  const agentRow = (element: RoutedQueue, id: string) =>
    deep(element, `[data-agent-id="${id}"]`);

  itBehavesLikeAKitElement(render);

  it('shows each agent’s status, load and assigned customers by name', async () => {
    const element = await render();
    expect(renderedText(agentRow(element, story.agents.ben))).to.equal(
      'Ben Okafor Available 1 / 3 Julie Example',
    );
    expect(renderedText(agentRow(element, story.agents.chen))).to.equal(
      'Chen Wei Away 0 / 2',
    );
  });

  it('lists waiting conversations in order, live', async () => {
    mock.engine.updateAgent(story.agents.ben, { status: 'OFFLINE' });
    mock.engine.updateAgent(story.agents.amara, { status: 'AWAY' });
    const element = await render();
    expect(renderedText(element)).to.contain('Nobody is waiting.');
    for (const phone of [story.phones.tom, story.phones.priya]) {
      textsGold(phone);
    }
    await eventually(() =>
      expect(renderedText(deep(element, '[part=waiting]'))).to.match(
        /^Tom Alvarez queued .* Priya Shah queued .*$/,
      ),
    );
    mock.engine.updateAgent(story.agents.amara, { status: 'AVAILABLE' });
    await eventually(() => {
      expect(renderedText(element)).to.contain('Nobody is waiting.');
      expect(renderedText(agentRow(element, story.agents.amara))).to.contain(
        '2 / 2 Tom Alvarez Priya Shah',
      );
    });
  });

  it('shows how far an agent may stretch past their routed capacity', async () => {
    mock.engine.updateAgent(story.agents.amara, { maxCapacity: 4 });
    const element = await render();
    expect(renderedText(agentRow(element, story.agents.amara))).to.equal(
      'Amara Silva Available 0 / 2 · max 4',
    );
  });

  it('says why an agent got a customer, when the person asks', async () => {
    const element = await render();
    const details = deep(
      element,
      '[data-agent-id] details',
    ) as HTMLDetailsElement;
    expect(renderedText(details)).to.equal('Julie Example');
    details.querySelector('summary')!.click();
    expect(renderedText(details)).to.equal(
      'Julie Example Ben Okafor had the most spare capacity (3 of 3 spare). ' +
        'Others: Amara Silva, 2 of 2 spare; Chen Wei, away. Open conversation',
    );
    await expect(element).to.be.accessible();
  });

  it('shows the inbox’s routing policy, live', async () => {
    const element = await render();
    expect(renderedText(deep(element, 'header'))).to.contain(
      'Routes by most spare capacity',
    );
    mock.engine.updateInbox(story.inboxes.gold, { policy: 'LONGEST_IDLE' });
    await eventually(() =>
      expect(renderedText(deep(element, 'header'))).to.contain(
        'Routes by longest since their last assignment',
      ),
    );
  });

  it('shows offers with the time left, counting down, and who they wait for', async () => {
    mock.engine.updateInbox(story.inboxes.gold, { offerTimeoutSeconds: 30 });
    const element = await render();
    textsGold(story.phones.marcus);
    await eventually(() =>
      expect(renderedText(deep(element, '[part=offers]'))).to.match(
        /^Marcus Reed to Amara Silva (30|29) s left$/,
      ),
    );
    expect(renderedText(agentRow(element, story.agents.amara))).to.contain(
      '1 offered',
    );
    await eventually(
      () =>
        expect(renderedText(deep(element, '[part=offers]'))).to.match(
          /2[0-8] s left$/,
        ),
      4000,
    );
  });

  describe('for the agent using the page (agent-id)', () => {
    /**
     * Marcus texts Gold, which offers him to Amara for 30 seconds, shown to
     * `agentId` as the agent using the page.
     */
    const offered = async (agentId = story.agents.amara) => {
      mock.engine.updateInbox(story.inboxes.gold, { offerTimeoutSeconds: 30 });
      const element = await fixture<RoutedQueue>(
        html`<routed-queue
          inbox-id=${story.inboxes.gold}
          agent-id=${agentId}
        ></routed-queue>`,
      );
      textsGold(story.phones.marcus);
      await eventually(() => expect(deep(element, '[part=offers]')).to.exist);
      return element;
    };

    /** Presses one of the agent's own offer buttons, such as "Accept Marcus Reed". */
    const press = (element: RoutedQueue, label: string) =>
      deep<HTMLButtonElement>(
        element,
        `[part=offer-actions] button[aria-label="${label}"]`,
      ).click();

    /** Amara declines Marcus; the offer moves on to Ben. */
    const declineMarcus = async (element: RoutedQueue) => {
      press(element, 'Decline Marcus Reed');
      await eventually(() =>
        expect(renderedText(deep(element, '[part=offers]'))).to.match(
          /^Marcus Reed to Ben Okafor/,
        ),
      );
    };

    it('accepts an offer made to them, and says so to the page', async () => {
      const element = await offered();
      const answered: unknown[] = [];
      element.addEventListener('offer-answered', (e) =>
        answered.push(e.detail),
      );
      press(element, 'Accept Marcus Reed');
      await eventually(() =>
        expect(renderedText(agentRow(element, story.agents.amara))).to.contain(
          'Marcus Reed',
        ),
      );
      expectNone(element, '[part=offers]');
      const [customer] = mock.engine.findCustomersByPhone(story.phones.marcus);
      const [conversation] = mock.engine.listConversations(customer!.id);
      expect(conversation!.agentId).to.equal(story.agents.amara);
      expect(answered).to.have.length(1);
      expect(answered[0]).to.deep.include({
        accepted: true,
        conversationId: conversation!.id,
      });
    });

    it('declines one, which moves on to the next agent', async () => {
      const element = await offered();
      await declineMarcus(element);
      // Ben's offer is not Amara's to answer.
      expectNone(element, '[part=offer-actions]');
    });

    it('says why, in words, when the offer is no longer theirs', async () => {
      const element = await offered();
      // The time runs out between the page showing it and the click.
      mock.engine.advanceClock(31);
      press(element, 'Accept Marcus Reed');
      await eventually(() =>
        expect(deep(element, '[role=alert]')?.textContent).to.contain(
          'Couldn’t accept Marcus Reed: Offer',
        ),
      );
      // It stays once the queue has caught up: the offer went on to Ben.
      await eventually(() =>
        expect(renderedText(deep(element, '[part=offers]'))).to.match(
          /^Marcus Reed to Ben Okafor/,
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(deep(element, '[role=alert]').textContent).to.contain(
        'no longer pending',
      );
    });

    it('says who passed on a conversation that waits for another agent', async () => {
      const element = await offered();
      await declineMarcus(element);
      // Ben lets it run out: everyone who could take it has passed.
      mock.engine.advanceClock(31);
      await eventually(() =>
        expect(renderedText(deep(element, '[part=waiting]'))).to.match(
          /^Marcus Reed queued .* Passed on by Amara Silva and Ben Okafor; waits for another agent$/,
        ),
      );
    });

    it('shows no buttons for offers made to someone else', async () => {
      const element = await offered(story.agents.ben);
      expectNone(element, '[part=offer-actions]');
    });
  });

  it('tells the page which customer was picked, to open their conversation', async () => {
    mock.engine.updateAgent(story.agents.ben, { status: 'OFFLINE' });
    mock.engine.updateAgent(story.agents.amara, { status: 'AWAY' });
    textsGold(story.phones.tom);
    const element = await render();
    const picked: unknown[] = [];
    element.addEventListener('conversation-pick', (e) => picked.push(e.detail));
    // A waiting customer's name, and an assigned one's "Open conversation".
    deep<HTMLButtonElement>(element, '[part=waiting] button.pick').click();
    deep(element, 'summary').click();
    deep<HTMLButtonElement>(element, 'details button').click();
    const [tomsConversation] = mock.engine.listConversations(
      story.customers.tom,
    );
    expect(picked).to.deep.equal([
      { conversationId: tomsConversation!.id, customerId: story.customers.tom },
      {
        conversationId: mock.engine
          .listConversations(story.customers.julie)
          .find((c) => c.status === 'OPEN')!.id,
        customerId: story.customers.julie,
      },
    ]);
  });

  it('says so while loading', async () => {
    mock.worker.use(
      http.get('/api/v1/inboxes/:id/queue', () => delay('infinite')),
    );
    const element = await fixture<RoutedQueue>(
      html`<routed-queue inbox-id=${story.inboxes.gold}></routed-queue>`,
    );
    expect(renderedText(element)).to.contain('Loading the inbox');
  });

  it('says an unknown inbox cannot be found, without a retry that cannot help', async () => {
    const element = await fixture<RoutedQueue>(
      html`<routed-queue inbox-id="inb_404"></routed-queue>`,
    );
    await eventually(() => expect(renderedText(element)).to.contain('inb_404'));
    expectNone(element, '[role=alert] button');
  });

  it('shows a malformed answer as an error, not a blank', async () => {
    mock.worker.use(
      http.get('/api/v1/inboxes/:id/queue', () =>
        HttpResponse.json({ inbox: 'nope' }),
      ),
    );
    const element = await fixture<RoutedQueue>(
      html`<routed-queue inbox-id=${story.inboxes.gold}></routed-queue>`,
    );
    await eventually(() =>
      expect(renderedText(element)).to.contain('Couldn’t load this inbox'),
    );
    expect(deep(element, '[role=alert] button').textContent).to.contain(
      'Try again',
    );
  });

  it('keeps status and load in view beside a long unbroken name', async () => {
    const agent = mock.engine.createAgent({
      name: 'Agent'.padEnd(150, 'Z'),
      inboxIds: [story.inboxes.gold],
      capacity: 2,
      status: 'AWAY',
    });
    const element = await fixture<RoutedQueue>(
      html`<routed-queue
        style="width: 320px"
        inbox-id=${story.inboxes.gold}
      ></routed-queue>`,
    );
    await eventually(() => expect(deep(element, 'section')).to.exist);
    const row = agentRow(element, agent.id);
    const load = row.querySelector('.load')!.getBoundingClientRect();
    expect(load.right).to.be.at.most(element.getBoundingClientRect().right);
    expect(row.scrollWidth).to.be.at.most(row.clientWidth + 1);
  });

  it('shows names as text, never markup', async () => {
    mock.engine.createAgent({
      name: '<b id="bold">Eve</b>',
      inboxIds: [story.inboxes.gold],
      capacity: 1,
      status: 'AWAY',
    });
    const element = await render();
    expect(renderedText(element)).to.contain('<b id="bold">Eve</b>');
    expectNone(element, '#bold');
  });
});
