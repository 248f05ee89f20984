import { expect } from '@open-wc/testing';
import { ManualClock } from '../../mock-server/clock.js';
import { Engine } from '../../mock-server/engine/engine.js';
import { seedJulySale } from '../../mock-server/scenario.js';
import { customerNumber, nextSid } from '../helpers/engine.js';

/** What a client could read of the engine, for comparing two. */
function views(engine: Engine) {
  const inboxes = engine.listInboxes();
  const customers = [0, 1, 2, 3, 4, 5, 42, 43, 44, 45].flatMap((n) =>
    engine.findCustomersByPhone(n >= 42 ? `+141555501${n}` : customerNumber(n)),
  );
  return JSON.stringify({
    inboxes,
    agents: engine.listAgents(),
    queues: inboxes.map((i) => engine.getQueue(i.id)),
    timelines: customers.map((c) => engine.getTimeline(c.id, 200)),
    conversations: customers.map((c) => engine.listConversations(c.id)),
  });
}

/** The July Sale, with replies, an offer pending and a closed conversation. */
function busy() {
  const clock = new ManualClock();
  const engine = new Engine(clock);
  const story = seedJulySale(engine);
  engine.updateInbox(story.inboxes.gold, { offerTimeoutSeconds: 30 });
  const text = (from: string) =>
    engine.receiveSms({
      messageSid: nextSid(),
      from,
      to: story.numbers.gold,
      body: `Hi from ${from}`,
      attachments: [],
    });
  text(story.phones.marcus);
  text(customerNumber(1));
  const [julie] = engine.listConversations(story.customers.julie);
  engine.closeConversation(julie!.id);
  clock.advance(5_000);
  return { clock, engine, story, text };
}

describe('engine snapshots', () => {
  it('give back the same engine: every view, and the same next steps', () => {
    const a = busy();
    const b = new Engine(a.clock);
    b.restore(a.engine.snapshot());
    expect(views(b)).to.equal(views(a.engine));
    expect(b.indexProblems()).to.deep.equal([]);
    expect(b.lostMessages()).to.deep.equal([]);
    // The same steps from here give the same state: ids, routing, offers.
    for (const engine of [a.engine, b]) {
      engine.receiveSms({
        messageSid: 'SM' + 'f'.repeat(32),
        from: customerNumber(2),
        to: a.story.numbers.gold,
        body: 'Next',
        attachments: [],
      });
    }
    a.clock.advance(30_000);
    a.engine.tick();
    b.tick();
    expect(views(b)).to.equal(views(a.engine));
  });

  it('go on with event ids past where they left off, telling listeners to read again', () => {
    const a = busy();
    const b = new Engine(a.clock);
    b.restore(a.engine.snapshot());
    const after = [...b.events.since(a.engine.events.latestId)];
    expect(after.map((e) => [e.id, e.type])).to.deep.equal([
      [a.engine.events.latestId + 1, 'engine.reset'],
    ]);
  });

  it('refuse a snapshot missing part of the state, changing nothing', () => {
    const { engine } = busy();
    const before = views(engine);
    const text = engine.snapshot().replace('"timelines"', '"timelinez"');
    expect(() => engine.restore(text)).to.throw(/no timelines/);
    expect(views(engine)).to.equal(before);
  });

  it('remember which Twilio deliveries were taken in, so a retry is a repeat', () => {
    const a = busy();
    const form = {
      messageSid: 'SM' + 'e'.repeat(32),
      from: customerNumber(3),
      to: a.story.numbers.gold,
      body: 'Once',
      attachments: [],
    };
    a.engine.receiveSms(form);
    const b = new Engine(a.clock);
    b.restore(a.engine.snapshot());
    const before = b.events.latestId;
    b.receiveSms(form);
    expect(b.events.latestId).to.equal(before);
  });

  it('refuse what is not a snapshot, changing nothing', () => {
    const { engine } = busy();
    const before = views(engine);
    for (const bad of ['', '{', '{"format":2}', '{"format":3}', '[]']) {
      expect(() => engine.restore(bad), bad).to.throw(/snapshot/);
    }
    expect(views(engine)).to.equal(before);
  });

  it('refuse a snapshot that does not say when it was taken', () => {
    const { engine } = busy();
    const before = views(engine);
    const old = JSON.parse(engine.snapshot());
    for (const savedAt of [undefined, 'yesterday']) {
      old.savedAt = savedAt;
      expect(() => engine.restore(JSON.stringify(old))).to.throw(
        /Not a whole engine snapshot: its savedAt/,
      );
    }
    expect(views(engine)).to.equal(before);
  });

  it('read a snapshot of format 1, from before reply keys, as having none', () => {
    const a = busy();
    // Marcus's offer taken, so his agent can reply with a key.
    const [offer] = a.engine.getQueue(a.story.inboxes.gold).offers;
    a.engine.acceptOffer(offer!.id);
    const reply = (engine: Engine, body: string) =>
      engine.sendAgentMessage(offer!.conversationId, offer!.agentId, body, {
        idempotencyKey: 'key-1',
      });
    reply(a.engine, 'Sent with a key');
    const old = JSON.parse(a.engine.snapshot());
    old.format = 1;
    delete old.state.replyKeys;
    const b = new Engine(a.clock);
    b.restore(JSON.stringify(old));
    expect(views(b)).to.equal(views(a.engine));
    // Here the key is spent; there it was never known.
    expect(() => reply(a.engine, 'Another')).to.throw(/key-1 was used/);
    expect(() => reply(b, 'Another')).not.to.throw();
  });
});
