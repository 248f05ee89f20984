import { expect } from '@open-wc/testing';
import {
  customerNumber,
  JULIE,
  OTHER,
  setup,
  snapshot,
} from '../helpers/engine.js';

const MINUTE = 60_000;

/** Julie's conversation was Ben's and he closed it; Amara is freer now. */
function closedByBen() {
  const t = setup();
  const ben = t.agent('Ben', 2);
  t.sms(JULIE);
  t.engine.closeConversation(t.conversationOf(JULIE).id);
  const amara = t.agent('Amara', 5);
  return { ...t, ben, amara };
}

describe('sticky replies', () => {
  it('gives a customer who texts again within stickyMinutes to their last agent', () => {
    const t = closedByBen();
    t.clock.advance(10 * MINUTE);
    t.sms(JULIE, { body: 'One more thing' });
    expect(t.conversationOf(JULIE).agentId).to.equal(t.ben.id);
    const last = t.routingOf(JULIE).at(-1)!;
    expect(last.reason).to.equal('STICKY');
    expect(last.decision?.sticky).to.deep.include({
      agentId: t.ben.id,
      used: true,
    });
  });

  it('routes as usual once the window has passed', () => {
    const t = closedByBen();
    t.clock.advance(16 * MINUTE);
    t.sms(JULIE, { body: 'Hello again' });
    expect(t.conversationOf(JULIE).agentId).to.equal(t.amara.id);
    expect(t.routingOf(JULIE).at(-1)!.reason).to.equal('ASSIGNED');
  });

  it('routes as usual, and says why, when the last agent cannot take it', () => {
    const t = closedByBen();
    t.engine.updateAgent(t.ben.id, { status: 'AWAY' });
    t.sms(JULIE, { body: 'Hello again' });
    expect(t.conversationOf(JULIE).agentId).to.equal(t.amara.id);
    const last = t.routingOf(JULIE).at(-1)!;
    expect(last.reason).to.equal('ASSIGNED');
    expect(last.decision?.sticky).to.deep.include({
      agentId: t.ben.id,
      used: false,
      reason: 'AWAY',
    });
  });

  it('uses the inbox’s own window, and none at 0', () => {
    const t = closedByBen();
    t.engine.updateInbox(t.gold.id, { stickyMinutes: 0 });
    t.sms(JULIE, { body: 'Hello again' });
    expect(t.conversationOf(JULIE).agentId).to.equal(t.amara.id);
  });

  it('refuses a window past 1,440 minutes, naming it, changing nothing', () => {
    const t = setup();
    const before = snapshot(t.engine);
    expect(() =>
      t.engine.updateInbox(t.gold.id, { stickyMinutes: 1441 }),
    ).to.throw(/stickyMinutes/);
    expect(snapshot(t.engine)).to.equal(before);
  });
});

describe('going OFFLINE', () => {
  /** Ben holds three conversations; Amara is away. */
  function benHoldsThree(requeueOnOffline: boolean) {
    const t = setup();
    t.engine.updateInbox(t.gold.id, { requeueOnOffline });
    const ben = t.agent('Ben', 3);
    const amara = t.agent('Amara', 1, 'AWAY');
    for (const n of [1, 2, 3]) t.sms(customerNumber(n));
    t.sms(customerNumber(4)); // waits: Ben is full
    return { ...t, ben, amara };
  }

  it('keeps what the agent holds without requeueOnOffline', () => {
    const t = benHoldsThree(false);
    t.engine.updateAgent(t.ben.id, { status: 'OFFLINE' });
    expect(t.engine.getAgent(t.ben.id).openConversations).to.equal(3);
  });

  it('requeues their conversations ahead of newer arrivals, in order', () => {
    const t = benHoldsThree(true);
    t.engine.updateAgent(t.ben.id, { status: 'OFFLINE' });
    expect(t.engine.getAgent(t.ben.id).openConversations).to.equal(0);
    const waiting = t.engine
      .getQueue(t.gold.id)
      .waiting.map((w) => w.conversationId);
    expect(waiting).to.deep.equal(
      [1, 2, 3, 4].map((n) => t.conversationOf(customerNumber(n)).id),
    );
    expect(t.routingOf(customerNumber(1)).at(-1)).to.deep.include({
      reason: 'REQUEUED',
      agentId: null,
    });
    // The first requeued conversation is the first to go when someone frees up.
    t.engine.updateAgent(t.amara.id, { status: 'AVAILABLE' });
    expect(t.conversationOf(customerNumber(1)).agentId).to.equal(t.amara.id);
  });

  it('puts their held conversations ahead of an offer they had, when someone is free', () => {
    // Ben holds customer 1 and has customer 2 offered; Amara has room for one.
    const t = setup();
    t.engine.updateInbox(t.gold.id, {
      requeueOnOffline: true,
      offerTimeoutSeconds: 30,
    });
    const ben = t.agent('Ben', 3);
    t.sms(customerNumber(1));
    t.engine.acceptOffer(t.engine.getQueue(t.gold.id).offers[0]!.id);
    t.sms(customerNumber(2));
    const amara = t.agent('Amara', 1, 'AWAY');
    t.engine.updateAgent(amara.id, { status: 'AVAILABLE' });
    t.engine.updateAgent(ben.id, { status: 'OFFLINE' });
    // The older conversation goes to Amara first; the newer one waits.
    const offers = t.engine.getQueue(t.gold.id).offers;
    expect(offers.map((o) => [o.conversationId, o.agentId])).to.deep.equal([
      [t.conversationOf(customerNumber(1)).id, amara.id],
    ]);
    expect(
      t.engine.getQueue(t.gold.id).waiting.map((w) => w.conversationId),
    ).to.deep.equal([t.conversationOf(customerNumber(2)).id]);
  });

  it('keeps what an AWAY agent holds, even with requeueOnOffline', () => {
    const t = benHoldsThree(true);
    t.engine.updateAgent(t.ben.id, { status: 'AWAY' });
    expect(t.engine.getAgent(t.ben.id).openConversations).to.equal(3);
  });

  it('requeues only from the inboxes that ask for it', () => {
    const t = setup();
    const other = t.engine.createInbox({
      name: 'Support',
      phoneNumbers: [OTHER],
      requeueOnOffline: true,
    });
    const ben = t.agent('Ben', 3, 'AVAILABLE', [t.gold.id, other.id]);
    t.sms(customerNumber(1));
    t.sms(customerNumber(2), { to: OTHER });
    t.engine.updateAgent(ben.id, { status: 'OFFLINE' });
    expect(t.conversationOf(customerNumber(1)).agentId).to.equal(ben.id);
    expect(t.conversationOf(customerNumber(2), other.id).agentId).to.equal(
      null,
    );
  });
});

describe('the clock', () => {
  it('moves when told to, and refuses to go back', () => {
    const t = setup();
    const before = t.clock.now().getTime();
    t.engine.advanceClock(90);
    expect(t.clock.now().getTime() - before).to.equal(90_000);
    expect(() => t.engine.advanceClock(-1)).to.throw(/advanceSeconds/);
  });
});
